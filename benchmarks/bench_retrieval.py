"""Retrieval quality and speed on a gold data set (default: the seeds). Not run by the tests.

    python benchmarks/bench_retrieval.py [--data ../shared/eval/seeds] [--mode hybrid|bm25|dense|rrf]

Quality: hit@1/3/5 and MRR of `SearchIndex.search` on every gold question (per document and
questions.json), scored with `eval.metrics` as ../shared/eval/README.md says. Baselines measured in
the same run: plain BM25 (Dutch stemmer) and dense e5 alone over the same chunks, and their RRF.
Speed: median `ask` latency as a ratio of the median plain BM25 search in the same run (so the
figure means the same on a slower or busier machine), plus the absolute times.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from notulist.models import Chunk, Meeting, Source, stable_id  # noqa: E402
from notulist.settings import Settings, count_tokens, make_offline_safe  # noqa: E402

make_offline_safe()


# --------------------------------------------------------------------------- corpus


def _hand_chunks(source: Source, meeting: Meeting, max_tokens: int = 200) -> list[Chunk]:
    """Used only while ingest.chunking is missing: split per numbered heading, then per paragraph."""
    text = source.raw_text
    heads = [m for m in re.finditer(r"^[#*\s]*(\d+)\.\s+\**([^\n*]+)", text, re.M)]
    spans = [(m.start(), heads[i + 1].start() if i + 1 < len(heads) else len(text), m.group(1), m.group(2).strip())
             for i, m in enumerate(heads)]
    if heads and heads[0].start() > 0:
        spans.insert(0, (0, heads[0].start(), None, None))
    chunks: list[Chunk] = []
    for start, end, number, title in spans:
        paras = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text[start:end])]
        group: list[tuple[int, int]] = []
        for para in paras + [None]:
            if para is not None and (not group or count_tokens(text[group[0][0]:para[1]]) <= max_tokens):
                group.append(para)
                continue
            if group:
                s, e = group[0][0], group[-1][1]
                chunks.append(Chunk(id=stable_id(meeting.id, source.id, s, e, "agenda"), meeting_id=meeting.id,
                                    series=meeting.series, date=meeting.date, item=number, item_title=title,
                                    kind="agenda" if number else "header", text=text[s:e], source_id=source.id,
                                    start=s, end=e))
            group = [para] if para is not None else []
    return chunks


def build_app(data_dir: Path, docs: list[Path]):
    """Ingest the documents through the real pipeline when it exists, else by hand (development only)."""
    from service.pipeline import InputFile, Notulist

    app = Notulist(Settings(data_dir=data_dir))
    try:
        import ingest.chunking  # noqa: F401
        import ingest.parser  # noqa: F401
        for path in docs:
            result = app.ingest(InputFile.from_path(path), year=2024)
            if result.status == "error":
                raise RuntimeError(result.message)
        sources = {sid: s for m in app.store.list_meetings() for sid, s in app.store.sources_for(m).items()}
        return app, sources, "pipeline"
    except ImportError:
        import datetime as dt
        import hashlib

        sources = {}
        for path in docs:
            raw = path.read_text(encoding="utf-8")
            sid = hashlib.sha256(path.read_bytes()).hexdigest()
            source = Source(id=sid, filename=path.name, media_type="md", raw_text=raw)
            day = dt.date.fromisoformat(path.name[:10])
            meeting = Meeting(id=stable_id("seed", day, path.name), series="Voortgangsoverleg", title="Voortgangsoverleg",
                              date=day, source_ids=[sid])
            sources[sid] = source
            from notulist.models import ParsedDocument

            app.store.save_parsed(ParsedDocument(meeting=meeting, sources=[source]), {sid: path.read_bytes()})
            app.index.upsert(meeting, _hand_chunks(source, meeting))
        return app, sources, "hand chunks"


# --------------------------------------------------------------------------- scoring


def gold_questions(data: Path, sources_by_name: dict[str, Source]):
    """(question, evidence by source id as normalised spans) for every gold question."""
    from eval.gold import load_dataset
    from eval.metrics import NormText

    ds = load_dataset(data)
    docs = {s.id: NormText(s.raw_text) for s in sources_by_name.values()}
    out = []
    for doc in ds.docs:
        source = sources_by_name[doc.path.name]
        for q in doc.gold.questions:
            ev = {source.id: [sp for quote in q.evidence for sp in docs[source.id].find_all(quote)]}
            out.append((q.q, ev))
    for q in ds.questions:
        ev: dict[str, list] = {}
        for e in q.evidence:
            source = next(s for name, s in sources_by_name.items() if Path(name).stem == e.doc)
            ev.setdefault(source.id, []).extend(docs[source.id].find_all(e.quote))
        out.append((q.q, ev))
    return out, docs


def score(search, questions, docs, *, verbose: bool = False) -> dict:
    from eval.answer_metrics import Passage, first_hit_rank
    from eval.metrics import RetrievalCounts

    counts = RetrievalCounts()
    for q, ev in questions:
        hits = search(q)
        passages = [Passage(h.source_id, h.start, h.end, h.text) for h in hits]
        rank = first_hit_rank(passages, ev, docs, count_tokens)
        counts.add_rank(rank)
        if verbose:
            print(f"  rank {rank}: {q}")
    return counts.as_dict()


def baselines(app, query_stems=None):
    """Plain BM25, dense alone and their RRF over the same stored chunks (no intent, no coverage)."""
    import numpy as np

    from retrieval.keyword import KeywordIndex

    index = app.index
    chunks = index.chunks()
    keyword = KeywordIndex([c.text for c in chunks])
    vecs = index.embedder.embed_passages([c.text for c in chunks])

    def bm25(q, k=5):
        s = keyword.scores(q)
        return [chunks[i] for i in np.argsort(-s, kind="stable")[:k]]

    def dense(q, k=5):
        s = vecs @ index.embedder.embed_queries([q])[0]
        return [chunks[i] for i in np.argsort(-s, kind="stable")[:k]]

    def rrf(q, k=5):
        fused: dict[str, float] = {}
        for ranked in (bm25(q, len(chunks)), dense(q, len(chunks))):
            for r, c in enumerate(ranked):
                fused[c.id] = fused.get(c.id, 0.0) + 1.0 / (60 + r + 1)
        by_id = {c.id: c for c in chunks}
        return [by_id[i] for i in sorted(fused, key=lambda i: -fused[i])[:k]]

    return {"same chunks bm25": bm25, "same chunks dense": dense, "same chunks rrf": rrf}


def splitter_baselines(app, sources: dict[str, Source]):
    """The plain llama-index pipeline of the issue: SentenceSplitter 256 tokens over the raw documents,
    then BM25 (Dutch stemmer), dense e5 and their RRF over those chunks."""
    import numpy as np
    from llama_index.core import Document
    from llama_index.core.node_parser import SentenceSplitter

    from retrieval.keyword import KeywordIndex

    splitter = SentenceSplitter(chunk_size=256, chunk_overlap=32)
    chunks: list[Chunk] = []
    for source in sources.values():
        for node in splitter.get_nodes_from_documents([Document(text=source.raw_text)]):
            s, e = node.start_char_idx, node.end_char_idx
            chunks.append(Chunk(id=node.node_id, meeting_id="-", series="-", date=None, item=None, item_title=None,
                                kind="agenda", text=source.raw_text[s:e], source_id=source.id, start=s, end=e))
    keyword = KeywordIndex([c.text for c in chunks])
    vecs = app.index.embedder.embed_passages([c.text for c in chunks])

    def bm25(q, k=5):
        return [chunks[i] for i in np.argsort(-keyword.scores(q), kind="stable")[:k]]

    def dense(q, k=5):
        return [chunks[i] for i in np.argsort(-(vecs @ app.index.embedder.embed_queries([q])[0]), kind="stable")[:k]]

    def rrf(q, k=5):
        fused: dict[int, float] = {}
        for ranked in (np.argsort(-keyword.scores(q), kind="stable"),
                       np.argsort(-(vecs @ app.index.embedder.embed_queries([q])[0]), kind="stable")):
            for r, i in enumerate(ranked):
                fused[int(i)] = fused.get(int(i), 0.0) + 1.0 / (60 + r + 1)
        return [chunks[i] for i in sorted(fused, key=lambda i: -fused[i])[:k]]

    return {"split256 bm25": bm25, "split256 dense": dense, "split256 rrf": rrf}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "eval" / "seeds"))
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--embed-cache", help="keep passage embeddings in this file between runs (development)")
    args = parser.parse_args()
    data = Path(args.data)
    docs_paths = sorted((data / "docs").iterdir())
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        data_dir = Path(tmp) / "data"
        if args.embed_cache and Path(args.embed_cache).exists():
            data_dir.mkdir(parents=True)
            shutil.copy(args.embed_cache, data_dir / "embeddings.sqlite")
        app, sources, how = build_app(data_dir, docs_paths)
        if args.embed_cache:
            shutil.copy(data_dir / "embeddings.sqlite", args.embed_cache)
        print(f"corpus: {len(app.index.chunks())} chunks ({how}), built in {time.perf_counter() - t0:.1f}s")
        by_name = {s.filename: s for s in sources.values()}
        questions, normdocs = gold_questions(data, by_name)

        def ours(q):
            return [h.chunk for h in app.index.search(q, k=5)]

        results = {"hybrid (ours)": score(ours, questions, normdocs, verbose=args.verbose)}
        for name, fn in {**baselines(app), **splitter_baselines(app, sources)}.items():
            results[name] = score(fn, questions, normdocs)
        print(f"{'method':18} hit@1  hit@3  hit@5  MRR   ({len(questions)} questions)")
        for name, r in results.items():
            print(f"{name:18} {r['hit@1']:.2f}   {r['hit@3']:.2f}   {r['hit@5']:.2f}   {r['mrr']:.2f}")
        if args.no_speed:
            return

        from retrieval.answer import ask

        bm25 = baselines(app)["same chunks bm25"]
        qs = [q for q, _ in questions]
        bm25_times, search_times, ask_times = [], [], []
        for q in qs:
            t = time.perf_counter(); bm25(q); bm25_times.append(time.perf_counter() - t)  # noqa: E702
            t = time.perf_counter(); app.index.search(q, k=5); search_times.append(time.perf_counter() - t)  # noqa: E702
            t = time.perf_counter(); ask(q, app=app, use_llm=False); ask_times.append(time.perf_counter() - t)  # noqa: E702
        base = statistics.median(bm25_times)
        print(f"median plain BM25 search {base * 1000:.2f} ms (baseline = 1x)")
        print(f"median hybrid search     {statistics.median(search_times) * 1000:.1f} ms "
              f"({statistics.median(search_times) / base:.0f}x)")
        print(f"median ask (extractive)  {statistics.median(ask_times) * 1000:.1f} ms "
              f"({statistics.median(ask_times) / base:.0f}x)")


if __name__ == "__main__":
    main()
