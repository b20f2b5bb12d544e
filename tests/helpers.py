"""Shared plumbing for tests that start a real server in a subprocess (llama.cpp, Chroma, `notulist serve`):
one way to pick a port, wait until it answers and make sure it is stopped again."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, timeout: float, *, proc: subprocess.Popen | None = None, interval: float = 0.3,
                  request_timeout: float = 2.0) -> bool:
    """True as soon as GET `url` answers 200; False when `timeout` seconds pass or `proc` exits first
    (the caller then reports why, with the server's log)."""
    deadline = time.monotonic() + timeout
    while True:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            if httpx.get(url, timeout=request_timeout).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            return False
        time.sleep(interval)


@contextmanager
def server_process(cmd: Sequence[str], log_path: Path, *, env: Mapping[str, str] | None = None,
                   stop_timeout: float = 10.0) -> Iterator[subprocess.Popen]:
    """Run `cmd` with stdout and stderr in `log_path`; on exit terminate it, and kill it if it lingers,
    so a failing test never leaves a server behind."""
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(list(cmd), stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=stop_timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
