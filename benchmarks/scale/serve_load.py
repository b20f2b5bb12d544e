"""`notulist serve` on a benchmark corpus: start-up (spawn -> /health, spawn -> first answer) and a short
load test (N clients asking in a loop for a fixed time: asks/s, p50/p95, errors)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from benchmarks.scale.measure import percentile

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _admin_key(data_dir: Path) -> str:
    from notulist.settings import Settings
    from notulist.store import MeetingStore

    return MeetingStore.from_settings(Settings(data_dir=data_dir)).create_key("admin", name="benchmark")[1]


def _wait(fn, timeout: float, proc: subprocess.Popen) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError("notulist serve stopped")
        try:
            if fn():
                return time.perf_counter()
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise TimeoutError("notulist serve did not answer")


def _load(url: str, key: str, questions: list[str], clients: int, seconds: float) -> dict:
    times: list[float] = []
    errors = [0]
    stop = time.perf_counter() + seconds
    lock = threading.Lock()

    def client(offset: int) -> None:
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as http:
            i = offset
            while time.perf_counter() < stop:
                t = time.perf_counter()
                ok = http.post("/api/ask", json={"question": questions[i % len(questions)], "use_llm": False}).status_code == 200
                with lock:
                    times.append((time.perf_counter() - t) * 1000)
                    errors[0] += int(not ok)
                i += 1

    threads = [threading.Thread(target=client, args=(c * 7,)) for c in range(clients)]
    t0 = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    return {"clients": clients, "seconds": round(wall, 1), "asks": len(times), "asks_per_s": len(times) / wall,
            "p50_ms": percentile(times, 0.5), "p95_ms": percentile(times, 0.95), "errors": errors[0]}


def serve_startup_and_load(data_dir: Path, questions: list[str], *, clients: int = 8, seconds: float = 20.0,
                           log: Path | None = None, workers: int = 1, extra_env: dict | None = None) -> dict:
    key, port = _admin_key(data_dir), _free_port()
    url = f"http://127.0.0.1:{port}"
    env = ({k: v for k, v in os.environ.items() if not k.startswith("NOTULIST_")}
           | {"NOTULIST_DATA_DIR": str(data_dir)} | (extra_env or {}))
    out = open(log or os.devnull, "wb")
    t0 = time.perf_counter()
    # `notulist serve`, run from this checkout (the benchmark may run from a frozen copy of the tree)
    proc = subprocess.Popen([sys.executable, "-c", "from service.cli import main; main()", "serve", "--host", "127.0.0.1",
                             "--port", str(port), "--log-level", "warning", "--workers", str(workers)],
                            stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    try:
        healthy = _wait(lambda: httpx.get(f"{url}/health", timeout=2).status_code == 200, 300, proc) - t0
        answered = _wait(lambda: httpx.post(f"{url}/api/ask", json={"question": questions[0], "use_llm": False},
                                            headers={"Authorization": f"Bearer {key}"}, timeout=300).status_code == 200,
                         600, proc) - t0
        load = _load(url, key, questions, clients, seconds) if seconds > 0 else {}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        out.close()
    return {"serve_health_s": healthy, "serve_first_answer_s": answered, "load": load}


def serve_workers_load(data_dir: Path, questions: list[str], *, workers: int = 2, clients: int = 8,
                       seconds: float = 20.0, chroma_port: int = 8811, log: Path | None = None) -> dict:
    """`notulist serve --workers N` with the index on a `chroma run` server over the same Chroma folder
    (several workers must not share an embedded Chroma): start-up and the same load test. The snapshot of
    the server-backed index is built once beforehand by one `notulist ask` (timed as `warm_ask_s`: a new
    index location is read from Chroma once, then every worker loads the saved snapshot)."""
    chroma_url = f"http://127.0.0.1:{chroma_port}"
    chroma_log = open(log.with_suffix(".chroma.log") if log else os.devnull, "wb")
    chroma = subprocess.Popen([str(Path(sys.executable).with_name("chroma")), "run", "--path", str(data_dir / "chroma"),
                               "--host", "127.0.0.1", "--port", str(chroma_port)],
                              stdout=chroma_log, stderr=subprocess.STDOUT)
    try:
        _wait(lambda: httpx.get(f"{chroma_url}/api/v2/heartbeat", timeout=2).status_code == 200, 300, chroma)
        env = ({k: v for k, v in os.environ.items() if not k.startswith("NOTULIST_")}
               | {"NOTULIST_DATA_DIR": str(data_dir), "NOTULIST_CHROMA_URL": chroma_url})
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from service.cli import main; main()", "ask", "--no-llm", questions[0]],
                       env=env, cwd=ROOT, check=True, capture_output=True)
        warm = time.perf_counter() - t
        out = serve_startup_and_load(data_dir, questions, clients=clients, seconds=seconds, log=log, workers=workers,
                                     extra_env={"NOTULIST_CHROMA_URL": chroma_url})
    finally:
        chroma.terminate()
        try:
            chroma.wait(timeout=20)
        except subprocess.TimeoutExpired:
            chroma.kill()
        chroma_log.close()
    return out | {"workers": workers, "warm_ask_s": warm}
