"""Issue 14, the API contract: a bounded schemathesis run against the real server (`notulist serve` on
127.0.0.1) with a secretary key finds no 5xx, no response that violates its declared schema, no
undocumented status code and no wrong content type. /docs and /openapi.json are public by design
(README), every /api route needs a key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from notulist.store import MeetingStore
from tests.helpers import free_port, server_process, wait_for_http

BIN = Path(sys.executable).parent
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "2024-03-06_voortgangsoverleg-inclusie-diversiteit_agenda.md"
CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance"


def test_schemathesis_finds_no_server_error_and_no_schema_violation(tmp_path):
    data_dir = tmp_path / "data"
    key = MeetingStore(f"sqlite:///{data_dir / 'notulist.db'}").create_key("secretary", name="contract")[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NOTULIST_")} | {"NOTULIST_DATA_DIR": str(data_dir)}
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with server_process([str(BIN / "notulist"), "serve", "--port", str(port), "--log-level", "warning"], log, env=env):
        assert wait_for_http(f"{url}/health", 120), log.read_text()
        auth = {"Authorization": f"Bearer {key}"}
        up = httpx.post(f"{url}/api/meetings", headers=auth, files={"agenda": (EXAMPLE.name, EXAMPLE.read_bytes())},
                        timeout=300)
        assert up.status_code == 201, up.text
        assert httpx.get(f"{url}/openapi.json", timeout=30).status_code == 200  # public, as the README says
        assert httpx.get(f"{url}/docs", timeout=30).status_code == 200
        assert httpx.get(f"{url}/api/meetings", timeout=30).status_code == 401
        run = subprocess.run(
            [str(BIN / "schemathesis"), "run", f"{url}/openapi.json", "-H", f"Authorization: Bearer {key}",
             "--max-examples", "4", "--checks", CHECKS, "--phases", "examples,fuzzing", "--exclude-path-regex", "stream",
             "--request-timeout", "60", "--workers", "1", "--seed", "14"],
            capture_output=True, text=True, timeout=420, env=env)
        assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
        assert " passed" in run.stdout
        assert "Traceback" not in log.read_text()
