"""Ingest jobs over HTTP on the real service (`notulist serve` with its worker thread, uvicorn on loopback):
202 and a job id, progress read as server-sent events from the live stream (resumed with Last-Event-ID),
the same checks as the synchronous upload, access per key, Dutch errors, no 500. And past one process: a
job submitted to a `serve` without a worker is run by another `serve` that shares the PostgreSQL store and
the Chroma server, and both report it."""

from __future__ import annotations

import json
import os
import shutil
import sys
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from notulist.settings import Settings
from notulist.store import MeetingStore
from tests.conftest import SEED_0306
from tests.helpers import free_port, server_process, wait_for_http
from tests.postgres import postgres_server, postgres_url  # noqa: F401  (fixtures)
from tests.test_jobs_pipeline import agenda

BIN = Path(sys.executable).parent


def _env(**settings: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("NOTULIST_")}
    return base | {"NOTULIST_JOB_POLL_SECONDS": "0.2"} | {f"NOTULIST_{k.upper()}": v for k, v in settings.items()}


def _serve(stack: ExitStack, log: Path, env: dict[str, str]) -> str:
    url = f"http://127.0.0.1:{free_port()}"
    cmd = [str(BIN / "notulist"), "serve", "--host", "127.0.0.1", "--port", url.rsplit(":", 1)[1],
           "--log-level", "warning"]
    proc = stack.enter_context(server_process(cmd, log, env=env))
    if not wait_for_http(url + "/health", 120, proc=proc):
        pytest.fail(f"serve did not start: {log.read_text()[-3000:]}")
    return url


def events(http: httpx.Client, path: str, *, headers: dict | None = None, limit: int = 500) -> list[dict]:
    """Read the event stream until it ends: [{"id", "event", "data"}], comments left out."""
    found, current = [], {}
    with http.stream("GET", path, headers=headers or {}, timeout=120) as resp:
        assert resp.status_code == 200, resp.read().decode()
        assert resp.headers["content-type"].startswith("text/event-stream")
        for line in resp.iter_lines():
            if not line:
                if "data" in current:
                    found.append(current)
                current = {}
                if len(found) >= limit:
                    break
                continue
            field, _, value = line.partition(":")
            if field in ("id", "event", "data"):
                current[field] = value.lstrip()
    for e in found:
        e["data"] = json.loads(e["data"])
    return found


def submit(http: httpx.Client, key: str, name: str, data: bytes, **form) -> httpx.Response:
    return http.post("/api/jobs", headers={"Authorization": f"Bearer {key}"},
                     files={"agenda": (name, data, "application/octet-stream")}, data=form)


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    root = tmp_path_factory.mktemp("jobs-http")
    store = MeetingStore(Settings(data_dir=root / "data").resolved_store_url)
    keys = {"secretary": store.create_key("secretary", name="Secretaris")[1],
            "other": store.create_key("secretary", name="Andere secretaris")[1],
            "admin": store.create_key("admin", name="Beheer")[1],
            "reader": store.create_key("reader")[1]}
    with ExitStack() as stack:
        url = _serve(stack, root / "serve.log", _env(data_dir=str(root / "data")))
        with httpx.Client(base_url=url, timeout=120) as http:
            yield http, keys


def test_a_job_reports_its_progress_as_server_sent_events_until_done(service):
    http, keys = service
    resp = submit(http, keys["secretary"], "fietspad-7.md", agenda(7))
    assert resp.status_code == 202, resp.text
    body = resp.json()
    job_id = body["job"]["id"]
    assert body["job"]["status"] in ("queued", "running") and body["events"].endswith(body["token"])
    stream = events(http, body["events"])  # the watch token alone: what the page's EventSource sends
    kinds = [e["event"] for e in stream]
    assert kinds[-1] == "done" and set(kinds[:-1]) <= {"progress"}
    ids = [int(e["id"]) for e in stream]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    stages = [e["data"]["progress"]["stage"] for e in stream]
    assert any("fietspad-7.md: " in s for s in stages)
    final = stream[-1]["data"]
    assert final["status"] == "done" and final["progress"]["done"] == final["progress"]["total"] > 0
    meeting_id = final["meeting_ids"][0]
    auth = {"Authorization": f"Bearer {keys['secretary']}"}
    assert http.get(f"/api/meetings/{meeting_id}", headers=auth).json()["title"].startswith("Werkgroep fietspad")

    # resumed: with the last id seen the stream only says how it ended; with an older id the current state first
    again = events(http, f"/api/jobs/{job_id}/events", headers=auth | {"Last-Event-ID": str(ids[-1])})
    assert [e["event"] for e in again] == ["done"]
    older = events(http, f"/api/jobs/{job_id}/events?token={body['token']}", headers={"Last-Event-ID": "1"})
    assert older[0]["data"]["status"] == "done"
    assert http.get(f"/api/jobs/{job_id}", headers=auth).json()["status"] == "done"


def test_a_bad_document_fails_its_job_with_a_dutch_error_and_stores_nothing(service):
    http, keys = service
    auth = {"Authorization": f"Bearer {keys['secretary']}"}
    before = len(http.get("/api/meetings", headers=auth).json())
    body = submit(http, keys["secretary"], "boodschappen.txt", b"melk en brood").json()
    stream = events(http, body["events"])
    assert stream[-1]["event"] == "failed"
    assert "geen vergaderstuk herkend" in stream[-1]["data"]["error"]
    assert len(http.get("/api/meetings", headers=auth).json()) == before
    resp = http.post(f"/api/jobs/{body['job']['id']}/cancel", headers=auth)
    assert resp.status_code == 409 and "mislukt" in resp.json()["detail"]


def test_submit_checks_like_the_upload_and_access_is_per_key(service):
    http, keys = service
    sec, other = ({"Authorization": f"Bearer {keys[k]}"} for k in ("secretary", "other"))
    assert submit(http, keys["reader"], "a.md", agenda(8)).status_code == 403
    resp = submit(http, keys["secretary"], "agenda.exe", b"MZ")
    assert resp.status_code == 415 and "geen bestandstype" in resp.json()["detail"]
    resp = submit(http, keys["secretary"], "leeg.md", b"")
    assert resp.status_code == 422 and "leeg" in resp.json()["detail"]
    resp = http.post("/api/jobs", headers=sec, data={"series": "x"})
    assert resp.status_code == 422
    assert http.post("/api/jobs", files={"agenda": ("a.md", agenda(8))}).status_code == 401

    body = submit(http, keys["secretary"], "fietspad-9.md", agenda(9)).json()
    job_id = body["job"]["id"]
    assert http.get(f"/api/jobs/{job_id}", headers=other).status_code == 403
    assert job_id not in {j["id"] for j in http.get("/api/jobs", headers=other).json()}
    admin = {"Authorization": f"Bearer {keys['admin']}"}
    assert job_id in {j["id"] for j in http.get("/api/jobs", headers=admin).json()}
    assert job_id in {j["id"] for j in http.get("/api/jobs", headers=sec).json()}
    assert http.get(f"/api/jobs/{job_id}/events?token=verkeerd").status_code == 401
    assert http.get(f"/api/jobs/{job_id}/events", headers=other).status_code == 403
    resp = http.get("/api/jobs/bestaat-niet", headers=sec)
    assert resp.status_code == 404 and "bestaat niet" in resp.json()["detail"]
    assert http.get("/api/jobs?status=klaar", headers=sec).status_code == 422
    assert events(http, body["events"])[-1]["event"] == "done"


@pytest.mark.postgres
@pytest.mark.chroma_server
def test_a_job_submitted_to_one_serve_is_run_by_another_and_visible_through_both(postgres_url, tmp_path):
    chroma = shutil.which("chroma") or str(BIN / "chroma")
    port = free_port()
    store = MeetingStore(postgres_url)
    key = store.create_key("secretary", name="Secretaris")[1]
    auth = {"Authorization": f"Bearer {key}"}
    with ExitStack() as stack:
        proc = stack.enter_context(server_process(
            [chroma, "run", "--path", str(tmp_path / "chroma"), "--host", "127.0.0.1", "--port", str(port)],
            tmp_path / "chroma.log"))
        assert wait_for_http(f"http://127.0.0.1:{port}/api/v2/heartbeat", 120, proc=proc), \
            (tmp_path / "chroma.log").read_text()[-2000:]
        shared = dict(store_url=postgres_url, chroma_url=f"http://127.0.0.1:{port}", collection="jobs_gedeeld")
        url_a = _serve(stack, tmp_path / "a.log", _env(data_dir=str(tmp_path / "a"), job_worker="false", **shared))
        url_b = _serve(stack, tmp_path / "b.log", _env(data_dir=str(tmp_path / "b"), **shared))
        with httpx.Client(base_url=url_a, timeout=120) as a, httpx.Client(base_url=url_b, timeout=120) as b:
            resp = a.post("/api/jobs", headers=auth, files={"agenda": (SEED_0306.name, SEED_0306.read_bytes())})
            assert resp.status_code == 202, resp.text
            body = resp.json()
            stream = events(a, body["events"])  # watched through A, which runs no worker
            assert stream[-1]["event"] == "done", stream[-1]
            meeting_id = stream[-1]["data"]["meeting_ids"][0]
            assert any(e["data"]["status"] == "running" for e in stream)
            assert b.get(f"/api/jobs/{body['job']['id']}", headers=auth).json()["status"] == "done"
            assert meeting_id in {m["id"] for m in a.get("/api/meetings", headers=auth).json()}
            answer = a.post("/api/ask", headers=auth,
                            json={"question": "Wat zou Peter in het MT bespreken over de doorstroom?",
                                  "use_llm": False}).json()
            assert any(c["meeting_id"] == meeting_id for c in answer["citations"])
