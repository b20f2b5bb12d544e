"""Load under faults' neighbour: N parallel askers plus M uploaders against a running `notulist serve`,
for a bounded time. Reports p50/p95 latency and requests per second per kind, and every error.

Run against a fresh server (it starts one itself, with --workers; several workers get a `chroma run`
server for their index, as `notulist serve --workers` requires):

    .venv/bin/python -m benchmarks.reliability_load --seconds 60 --askers 20 --uploaders 2 --workers 2

Figures go to benchmarks/results/reliability_load.json; they are measurements, never asserted in tests
(tests/test_reliability_load.py only asserts zero errors).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

QUESTIONS = ["Wat is besloten over de fietsenstalling?", "Welke acties heeft Piet Jansen?",
             "Wat is besloten over de zonnepanelen?", "Wie was aanwezig bij de werkgroep?"]


def document(n: int) -> bytes:
    subject = f"onderwerp{n}"
    return (f"# Vergadering werkgroep belasting {1 + n % 28} april 2025\n\nAanwezig: Jan de Vries, Piet Jansen\n\n"
            f"1. De {subject}\n\nBesloten: akkoord met het plan voor de {subject}.\n"
            f"Actie: Piet Jansen werkt de {subject} uit voor 1 juni 2025.\n\n2. Rondvraag\n\nGeen vragen.\n"
            ).encode()


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)


def run_load(url: str, key: str, *, seconds: float, askers: int = 20, uploaders: int = 2) -> dict:
    """Run the mix for `seconds`; returns figures per kind and the list of errors (status >= 500 or
    transport failures, plus any 4xx an ask or a valid upload should never get)."""
    headers = {"Authorization": f"Bearer {key}"}
    stop = time.monotonic() + seconds
    latencies: dict[str, list[float]] = {"ask": [], "upload": []}
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(10**9))

    def record(kind: str, started: float, response: httpx.Response | None, problem: str | None) -> None:
        with lock:
            latencies[kind].append(time.monotonic() - started)
            if problem or (response is not None and response.status_code not in (200, 201)):
                errors.append(problem or f"{kind} {response.status_code}: {response.text[:200]}")

    def asker(n: int) -> None:
        with httpx.Client(timeout=120, headers=headers) as http:
            i = 0
            while time.monotonic() < stop:
                started = time.monotonic()
                try:
                    r = http.post(f"{url}/api/ask", json={"question": QUESTIONS[(n + i) % len(QUESTIONS)]})
                    record("ask", started, r, None)
                except httpx.HTTPError as exc:
                    record("ask", started, None, f"ask: {type(exc).__name__}: {exc}")
                i += 1

    def uploader() -> None:
        with httpx.Client(timeout=300, headers=headers) as http:
            while time.monotonic() < stop:
                n = next(counter)
                started = time.monotonic()
                try:
                    r = http.post(f"{url}/api/meetings", files={"agenda": (f"belasting-{n}.md", document(n))})
                    record("upload", started, r, None)
                except httpx.HTTPError as exc:
                    record("upload", started, None, f"upload: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=asker, args=(n,)) for n in range(askers)]
    threads += [threading.Thread(target=uploader) for _ in range(uploaders)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - began
    figures = {kind: {"requests": len(v), "p50_ms": _percentile(v, 0.5), "p95_ms": _percentile(v, 0.95),
                      "mean_ms": round(statistics.fmean(v) * 1000, 1) if v else None,
                      "requests_per_s": round(len(v) / wall, 2)} for kind, v in latencies.items()}
    return {"seconds": round(wall, 1), "askers": askers, "uploaders": uploaders, "figures": figures,
            "errors": errors}


def _serve(data_dir: Path, port: int, workers: int) -> tuple[list[subprocess.Popen], str]:
    """The server (and, for several workers, the `chroma run` server its index must live on)."""
    from notulist.store import MeetingStore

    bin_dir = Path(sys.executable).parent
    key = MeetingStore(f"sqlite:///{data_dir / 'notulist.db'}").create_key("secretary", name="load")[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NOTULIST_")} | {"NOTULIST_DATA_DIR": str(data_dir)}
    procs = []
    if workers > 1:
        chroma_port = port + 1
        procs.append(subprocess.Popen([str(bin_dir / "chroma"), "run", "--path", str(data_dir / "chroma-server"),
                                       "--host", "127.0.0.1", "--port", str(chroma_port)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        env["NOTULIST_CHROMA_URL"] = f"http://127.0.0.1:{chroma_port}"
        _wait(f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat")
    procs.append(subprocess.Popen([str(bin_dir / "notulist"), "serve", "--port", str(port),
                                   "--workers", str(workers), "--log-level", "warning"], env=env))
    return procs, key


def _wait(url: str) -> None:
    for _ in range(240):
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--askers", type=int, default=20)
    parser.add_argument("--uploaders", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "reliability_load.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        procs, key = _serve(Path(tmp), args.port, args.workers)
        url = f"http://127.0.0.1:{args.port}"
        try:
            _wait(f"{url}/health")
            for n in range(4):  # something to answer from
                httpx.post(f"{url}/api/meetings", headers={"Authorization": f"Bearer {key}"},
                           files={"agenda": (f"start-{n}.md", document(1000 + n))}, timeout=300)
            result = run_load(url, key, seconds=args.seconds, askers=args.askers, uploaders=args.uploaders)
        finally:
            for proc in reversed(procs):
                proc.terminate()
                proc.wait(timeout=30)
    result |= {"workers": args.workers, "cores": os.cpu_count(), "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
