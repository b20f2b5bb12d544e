"""Past one machine: two `notulist serve` processes on different ports share one PostgreSQL store and one
Chroma server (all real, all on 127.0.0.1), each with a data dir of its own. A meeting uploaded through
one is listed and answered by the other, in both directions (the keyword index of each replica follows
the store-wide index version)."""

from __future__ import annotations

import os
import shutil
import sys
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from notulist.store import MeetingStore
from tests.conftest import REPO, SEED_0306
from tests.helpers import free_port, server_process, wait_for_http
from tests.postgres import postgres_server, postgres_url  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.postgres, pytest.mark.chroma_server]
BIN = Path(sys.executable).parent
DEV_DOC = REPO / "eval" / "data" / "dev" / "docs" / "2025-09-04_bewonersoverleg-buurthuis-de-linde_verslag.md"


def _start(stack: ExitStack, cmd: list[str], log: Path, health: str, env: dict[str, str] | None = None) -> None:
    proc = stack.enter_context(server_process(cmd, log, env=env))
    if not wait_for_http(health, 120, proc=proc):
        pytest.fail(f"{Path(cmd[0]).name} {cmd[1]} did not start: {log.read_text()[-3000:]}")


@pytest.fixture
def replicas(postgres_url, tmp_path):
    """(url of replica A, url of replica B, admin key): the store on PostgreSQL, the index on `chroma run`."""
    chroma = shutil.which("chroma") or str(BIN / "chroma")
    port = free_port()
    with ExitStack() as stack:
        _start(stack, [chroma, "run", "--path", str(tmp_path / "chroma"), "--host", "127.0.0.1", "--port", str(port)],
               tmp_path / "chroma.log", f"http://127.0.0.1:{port}/api/v2/heartbeat")
        key = MeetingStore(postgres_url).create_key("admin", name="replicas")[1]
        urls = []
        for name in ("a", "b"):
            env = {k: v for k, v in os.environ.items() if not k.startswith("NOTULIST_")} | {
                "NOTULIST_DATA_DIR": str(tmp_path / f"replica-{name}"), "NOTULIST_STORE_URL": postgres_url,
                "NOTULIST_CHROMA_URL": f"http://127.0.0.1:{port}", "NOTULIST_COLLECTION": "gedeeld"}
            url = f"http://127.0.0.1:{free_port()}"
            _start(stack, [str(BIN / "notulist"), "serve", "--host", "127.0.0.1", "--port", url.rsplit(":", 1)[1],
                           "--log-level", "warning"], tmp_path / f"serve-{name}.log", f"{url}/health", env)
            urls.append(url)
        yield urls[0], urls[1], key


def _client(url: str, key: str) -> httpx.Client:
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=120)


def _upload(http: httpx.Client, path: Path) -> str:
    resp = http.post("/api/meetings", files={"agenda": (path.name, path.read_bytes())})
    assert resp.status_code == 201, resp.text
    return resp.json()["id"]


def _ask(http: httpx.Client, question: str) -> dict:
    resp = http.post("/api/ask", json={"question": question, "use_llm": False})
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_an_upload_through_one_replica_is_answered_by_the_other(replicas):
    url_a, url_b, key = replicas
    with _client(url_a, key) as a, _client(url_b, key) as b:
        assert _ask(b, "Wie vraagt een offerte aan voor de verlichting van de speeltuin?")["found"] is False
        first = _upload(a, DEV_DOC)
        answer = _ask(b, "Wie vraagt een offerte aan voor de verlichting van de speeltuin?")
        assert answer["found"] and any(c["meeting_id"] == first and "offerte" in c["quote"] for c in answer["citations"])
        assert first in {m["id"] for m in b.get("/api/meetings").json()}

        second = _upload(b, SEED_0306)  # and the other way round, with A's keyword index already built
        answer = _ask(a, "Wat zou Peter in het MT bespreken over de doorstroom?")
        assert any(c["meeting_id"] == second and "urgentie" in c["quote"] for c in answer["citations"])
        again = _ask(a, "Wie vraagt een offerte aan voor de verlichting van de speeltuin?")
        assert any(c["meeting_id"] == first for c in again["citations"])
