"""CLI start-up per command against `python -c pass`, measured in the same run on the same machine.

Each command runs as a fresh process (what a user waits for) against a store with the two seed
meetings; the result is the median wall time over N runs and its ratio to the median of
`python -c pass` (the interpreter alone), so the numbers compare across machines and loads.

    .venv/bin/python benchmarks/cli/startup.py [--runs 7] [--out benchmarks/results/cli_startup.md]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "examples"
SERIES = "Voortgangsoverleg inclusie en diversiteit"
COMMANDS = [
    ["--help"], ["meetings"], ["show", "2024-03-11"], ["show", "2024-03-11", "--json"], ["extract", "2024-03-11", "--json"],
    ["actions"], ["actions", "--open", "--json"], ["draft", "2024-03-11"], ["agenda", "next", SERIES],
    ["ask", "Wat hebben we afgesproken over safe space gesprekken?"],
]


def notulist() -> list[str]:
    exe = Path(sys.executable).parent / "notulist"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "service.cli"]


def timed(cmd: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "cli_startup.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NOTULIST_DATA_DIR": tmp}
        subprocess.run([*notulist(), "ingest", str(SEEDS)], env=env, check=True, capture_output=True)
        load_before = os.getloadavg()[0]
        baseline = timed([sys.executable, "-c", "pass"], env, args.runs)
        rows = [(" ".join(c), timed([*notulist(), *c], env, args.runs)) for c in COMMANDS]
        load_after = os.getloadavg()[0]
    lines = ["# CLI start-up per command", "",
             f"Median of {args.runs} runs per command, each a fresh process, on a store with the two seed meetings; "
             f"`python -c pass` took {baseline * 1000:.0f} ms in the same run. Ratio = command / `python -c pass`.",
             "", "| command | median (ms) | ratio to `python -c pass` |", "|---|---:|---:|"]
    lines += [f"| `notulist {name}` | {t * 1000:.0f} | {t / baseline:.1f} |" for name, t in rows]
    lines += ["", f"Machine: {os.cpu_count()} cores (shared); load average {load_before:.1f} before, {load_after:.1f} "
              f"after (other work on the machine inflates every number; the ratios are what to compare); "
              f"Python {sys.version.split()[0]}.", ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
