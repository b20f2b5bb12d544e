"""Issue 14, the fault suite: every fault tried as a user would (real CLI processes, a real server on
127.0.0.1, real Chroma), and afterwards `notulist check` reports a consistent store and `ask` finds
every stored meeting.

- kill -9 of `notulist ingest` at several points, then the next ingest finishes what was pending;
- a corrupted index file (chroma.sqlite3) is set aside, not deleted, and rebuilt from the store;
- identical concurrent uploads to a server with two workers: one 201 and one 200, never a 500;
- the hostile files over HTTP: clear 4xx errors, and a chunked upload without Content-Length is cut
  off at the limit (bytes counted before the 413 arrives).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from notulist.store import MeetingStore
from tests.helpers import free_port, server_process, wait_for_http

BIN = Path(sys.executable).parent
SUBJECTS = ["fietsenstalling", "zonnepanelen", "speeltuin", "bibliotheek", "parkeervergunning"]


def meeting_doc(n: int, subject: str) -> str:
    return (f"# Vergadering werkgroep leefbaarheid {n + 1} maart 2025\n\n"
            f"Datum: {n + 1} maart 2025\nAanwezig: Jan de Vries, Piet Jansen, Anna Bakker\n\n"
            "## Agenda\n\n1. Opening\n\nDe voorzitter opent de vergadering.\n\n"
            f"2. De {subject}\n\nBesloten: de werkgroep gaat akkoord met het plan voor de {subject}.\n"
            f"Actie: Piet Jansen werkt het plan voor de {subject} uit voor 1 juni 2025.\n\n"
            "3. Rondvraag en sluiting\n\nGeen vragen.\n")


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "stukken"
    folder.mkdir()
    for n, subject in enumerate(SUBJECTS):
        (folder / f"2025-03-{n + 1:02d}_werkgroep-leefbaarheid_notulen.md").write_text(meeting_doc(n, subject))
    return folder


def cli_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NOTULIST_")}
    env["NOTULIST_DATA_DIR"] = str(data_dir)
    return env


def notulist(data_dir: Path, *args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "notulist"), *args], env=cli_env(data_dir), capture_output=True, text=True,
                          timeout=timeout)


def check_report(data_dir: Path, *extra: str, env: dict[str, str] | None = None) -> dict:
    done = subprocess.run([str(BIN / "notulist"), "check", "--json", *extra], env=env or cli_env(data_dir),
                          capture_output=True, text=True, timeout=240)
    assert "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout)


def stored_meetings(data_dir: Path) -> int:
    db = data_dir / "notulist.db"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("select count(*) from meetings").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def assert_every_meeting_answered(data_dir: Path) -> None:
    """`ask` about each subject cites the meeting that holds it (in this process: one embedder load)."""
    from notulist.settings import Settings
    from service.pipeline import Notulist

    app = Notulist(Settings(data_dir=data_dir))
    assert len(app.store.list_meetings()) == len(SUBJECTS)
    for subject in SUBJECTS:
        answer = app.ask(f"Wat is besloten over de {subject}?", use_llm=False)
        assert answer.found, (subject, answer)
        assert any(subject in c.quote for c in answer.citations), (subject, answer.citations)
        assert not any("zoekindex" in w for w in answer.warnings), answer.warnings


@pytest.mark.parametrize("after_stored", [1, 3])
def test_kill_9_during_ingest_is_finished_by_the_next_run(corpus, tmp_path, after_stored):
    """Kill the ingest process hard as soon as `after_stored` meetings are in the store (their indexing
    may be half done); the store says what is pending and the next ingest completes it."""
    data_dir = tmp_path / "data"
    proc = subprocess.Popen([str(BIN / "notulist"), "ingest", str(corpus)], env=cli_env(data_dir),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while stored_meetings(data_dir) < after_stored and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_with = stored_meetings(data_dir)
    assert killed_with >= after_stored

    before = check_report(data_dir)
    assert before["meetings"] == killed_with
    unindexed = set(before["pending"]) | set(before["without_chunks"])
    assert before["consistent"] == (not unindexed and not before["stale_rules"])

    again = notulist(data_dir, "ingest", str(corpus))
    assert again.returncode == 0, again.stdout + again.stderr
    after = check_report(data_dir)
    assert after["consistent"], json.dumps(after)
    assert after["meetings"] == len(SUBJECTS)
    assert_every_meeting_answered(data_dir)


def test_reingesting_an_unchanged_but_unindexed_file_indexes_it(corpus, tmp_path, settings):
    """The issue's first fault exactly: stored, never indexed; the next ingest must not call it done."""
    from service.pipeline import InputFile, Notulist

    app = Notulist(settings)
    path = sorted(corpus.iterdir())[0]
    first = app.ingest(InputFile.from_path(path))
    assert first.status == "new"
    app.index.delete_meeting(first.meeting_id)  # what a kill before indexing leaves behind
    app.store.mark_pending([first.meeting_id])
    assert app.check().pending == [first.meeting_id]
    again = app.ingest(InputFile.from_path(path))
    assert again.status == "unchanged"
    report = app.check()
    assert report.consistent and report.pending == [] and report.without_chunks == []
    assert app.index.chunk_ids(first.meeting_id)


def test_corrupt_index_is_set_aside_and_rebuilt_from_the_store(corpus, tmp_path):
    data_dir = tmp_path / "data"
    assert notulist(data_dir, "ingest", str(corpus)).returncode == 0
    chroma_db = data_dir / "chroma" / "chroma.sqlite3"
    junk = bytearray(chroma_db.read_bytes())
    for i in range(0, len(junk), 997):
        junk[i] = (junk[i] * 31 + 7) % 256
    chroma_db.write_bytes(bytes(junk))

    report = check_report(data_dir)
    assert not report["consistent"] and "onleesbaar" in report["index_problem"]

    asked = notulist(data_dir, "ask", "--json", "--no-llm", "Wat is besloten over de speeltuin?")
    assert asked.returncode == 0 and "Traceback" not in asked.stderr, asked.stderr
    answer = json.loads(asked.stdout)
    assert any("opzijgezet" in w for w in answer["warnings"]), answer["warnings"]
    assert answer["found"] and any("speeltuin" in c["quote"] for c in answer["citations"])
    aside = [p for p in data_dir.iterdir() if p.name.startswith("chroma.onleesbaar-")]
    assert len(aside) == 1 and (aside[0] / "chroma.sqlite3").read_bytes() == bytes(junk)  # kept, not deleted
    assert check_report(data_dir)["consistent"]
    assert_every_meeting_answered(data_dir)


def test_reindex_swaps_in_a_complete_collection(corpus, settings):
    """Built beside the old collection, swapped in when complete; nothing left beside it."""
    from service.pipeline import InputFile, Notulist

    app = Notulist(settings)
    for path in sorted(corpus.iterdir())[:2]:
        assert app.ingest(InputFile.from_path(path)).status == "new"
    chunks = app.check().chunks
    assert app.reindex() == chunks
    report = app.check()
    assert report.consistent and report.chunks == chunks
    assert {c.name for c in app.index.client.list_collections()} == {settings.collection}
    assert app.ask("Wat is besloten over de zonnepanelen?", use_llm=False).found


# --------------------------------------------------------------------------- over HTTP


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`notulist serve --workers 2` on 127.0.0.1 with a secretary key and a 1 MB file limit, its index on a
    `chroma run` server (several workers must not share an embedded Chroma folder). One server for the
    tests below: each compares counts before and after itself."""
    tmp_path = tmp_path_factory.mktemp("server")
    data_dir = tmp_path / "srv"
    key = MeetingStore(f"sqlite:///{data_dir / 'notulist.db'}").create_key("secretary", name="fault-suite")[1]
    chroma_port, port = free_port(), free_port()
    chroma = [shutil.which("chroma") or str(BIN / "chroma"), "run", "--path", str(tmp_path / "chroma"),
              "--host", "127.0.0.1", "--port", str(chroma_port)]
    env = cli_env(data_dir) | {"NOTULIST_MAX_FILE_BYTES": str(1024 * 1024),
                               "NOTULIST_CHROMA_URL": f"http://127.0.0.1:{chroma_port}"}
    cmd = [str(BIN / "notulist"), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2",
           "--log-level", "warning"]
    with server_process(chroma, tmp_path / "chroma.log"):
        assert wait_for_http(f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat", 120), (tmp_path / "chroma.log").read_text()
        with server_process(cmd, tmp_path / "serve.log", env=env):
            url = f"http://127.0.0.1:{port}"
            assert wait_for_http(f"{url}/health", 120), (tmp_path / "serve.log").read_text()
            yield url, key, env, tmp_path / "serve.log"


def test_several_workers_with_an_embedded_chroma_are_refused(tmp_path):
    done = notulist(tmp_path / "data", "serve", "--workers", "2", "--port", str(free_port()), timeout=60)
    assert done.returncode == 1 and "NOTULIST_CHROMA_URL" in done.stderr and "Traceback" not in done.stderr


def upload(url: str, key: str, name: str, data: bytes) -> httpx.Response:
    return httpx.post(f"{url}/api/meetings", headers={"Authorization": f"Bearer {key}"},
                      files={"agenda": (name, data)}, timeout=180)


def test_identical_concurrent_uploads_give_one_201_and_one_200(server, corpus):
    url, key, env, log = server
    data_dir = Path(env["NOTULIST_DATA_DIR"])
    before = stored_meetings(data_dir)
    for path in sorted(corpus.iterdir())[:3]:
        data, results = path.read_bytes(), []
        barrier = threading.Barrier(2)

        def send():
            barrier.wait()
            results.append(upload(url, key, path.name, data))

        threads = [threading.Thread(target=send) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(r.status_code for r in results) == [200, 201], [r.text for r in results]
        assert {r.json()["id"] for r in results} == {results[0].json()["id"]}
    listed = httpx.get(f"{url}/api/meetings", headers={"Authorization": f"Bearer {key}"}, timeout=30).json()
    assert len(listed) == before + 3
    report = check_report(data_dir, env=env)
    assert report["consistent"], report
    assert "Traceback" not in log.read_text()


def test_hostile_files_over_http_are_clear_4xx_errors(server):
    url, key, _, log = server
    cases = {
        ("diep.html", b"<div>" * 1000 + b"Agenda" + b"</div>" * 1000): (422, "NOTULIST_MAX_HTML_DEPTH"),
        ("klein.md", b"x"): (422, "geen vergaderstuk herkend"),
        ("agenda.pdf", bytes((i * 7919 + 13) % 256 for i in range(4096))): (422, "PDF"),
        ("regels.md", b"# Agenda\n" + b"\n" * 60_000): (413, "NOTULIST_MAX_LINES"),
        ("groot.md", b"Agenda " * 200_000): (413, "MB"),
    }
    for (name, data), (code, words) in cases.items():
        r = upload(url, key, name, data)
        assert r.status_code == code and words in r.json()["detail"], (name, r.status_code, r.text)
    assert "Traceback" not in log.read_text()


def test_chunked_upload_without_length_is_cut_off_at_the_limit(server):
    """Stream 200 MB with Transfer-Encoding: chunked and no Content-Length; the 413 arrives after about
    the limit (3 files of 1 MB plus the form), not after the whole body."""
    url, key, env, _ = server
    data_dir = Path(env["NOTULIST_DATA_DIR"])
    before = stored_meetings(data_dir)
    port = int(url.rsplit(":", 1)[1])
    boundary = "grensgrensgrens"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"agenda\"; filename=\"groot.md\"\r\n"
            "Content-Type: text/markdown\r\n\r\n").encode()
    chunk = b"Agenda gemeenteraad\n" * 3277  # ~64 KB
    sent, answer = 0, b""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)
        sock.sendall((f"POST /api/meetings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\n"
                      f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n").encode())
        sock.sendall(b"%x\r\n%s\r\n" % (len(head), head))
        sock.settimeout(0.0)
        while sent < 200 * 1024 * 1024:
            try:
                answer = sock.recv(65536)
                if answer:
                    break
            except BlockingIOError:
                pass
            try:
                sock.settimeout(5)
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sock.settimeout(0.0)
                sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
        sock.settimeout(30)
        while b"\r\n\r\n" not in answer:
            more = sock.recv(65536)
            if not more:
                break
            answer += more
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    # cut off near 3 MB (plus what the loopback socket buffers hold), not after 200 MB
    assert sent < 24 * 1024 * 1024, sent
    assert stored_meetings(data_dir) == before


def test_twenty_parallel_asks_and_two_uploads_without_errors(server, corpus):
    """A bounded mixed load (figures are printed; benchmarks/reliability_load.py records them)."""
    from benchmarks.reliability_load import run_load

    url, key, env, log = server
    data_dir = Path(env["NOTULIST_DATA_DIR"])
    for path in sorted(corpus.iterdir())[3:]:
        assert upload(url, key, path.name, path.read_bytes()).status_code in (200, 201)
    before = stored_meetings(data_dir)
    result = run_load(url, key, seconds=8, askers=20, uploaders=2)
    print(json.dumps(result["figures"]))
    assert result["errors"] == [], (result["errors"][:5], log.read_text()[-8000:])
    assert result["figures"]["ask"]["requests"] >= 20 and result["figures"]["upload"]["requests"] >= 2
    report = check_report(data_dir, env=env)
    assert report["consistent"], report
    assert report["meetings"] == before + result["figures"]["upload"]["requests"]
    assert "Traceback" not in log.read_text()
