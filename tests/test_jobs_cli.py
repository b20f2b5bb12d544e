"""`notulist jobs`: submit files (a folder too), list and show them (--json), run them with `worker --once`,
follow one with `show --follow` from another process while a worker runs it, cancel one, clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from service.cli import main
from tests.test_jobs_pipeline import agenda

NOTULIST = str(Path(sys.executable).parent / "notulist")


def cli(*args: str, code: int = 0):
    result = CliRunner().invoke(main, ["jobs", *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def test_submit_list_run_once_and_show(tmp_path):
    folder = tmp_path / "stukken"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"fietspad-{n}.md").write_bytes(agenda(n))
    (folder / "foto.jpg").write_bytes(b"\xff\xd8")
    out = cli("submit", str(folder)).output
    assert "in de wachtrij (2 bestand(en))" in out
    [job] = json.loads(cli("list", "--json").output)
    assert job["status"] == "queued" and job["files"] == ["fietspad-1.md", "fietspad-2.md"]
    assert "in de wachtrij" in cli("list").output

    ran = cli("worker", "--once").output
    assert "klaar" in ran and "fietspad-1.md: new" in ran and "fietspad-2.md: new" in ran
    shown = json.loads(cli("show", job["id"], "--json").output)
    assert shown["status"] == "done" and len(shown["meeting_ids"]) == 2
    assert shown["progress"]["done"] == shown["progress"]["total"] == 10
    assert "Geen taak in de wachtrij." in cli("worker", "--once").output
    assert len(json.loads(CliRunner().invoke(main, ["meetings", "--json"]).output)) == 2


def test_a_failed_job_exits_non_zero_with_its_dutch_error(tmp_path):
    bad = tmp_path / "boodschappen.txt"
    bad.write_text("melk en brood")
    cli("submit", str(bad))
    out = cli("worker", "--once", code=1).output
    assert "mislukt" in out and "geen vergaderstuk herkend" in out
    result = CliRunner().invoke(main, ["jobs", "submit", str(tmp_path / "weg.md")])
    assert result.exit_code != 0 and "bestand niet gevonden" in result.output
    result = CliRunner().invoke(main, ["jobs", "show", "bestaat-niet"])
    assert result.exit_code == 1 and "Taak 'bestaat-niet' bestaat niet" in result.output


def test_cancel_a_queued_job(tmp_path):
    path = tmp_path / "fietspad-3.md"
    path.write_bytes(agenda(3))
    cli("submit", str(path))
    [job] = json.loads(cli("list", "--json").output)
    assert "geannuleerd" in cli("cancel", job["id"]).output
    assert json.loads(cli("show", job["id"], "--json").output)["status"] == "cancelled"
    assert "Geen taak in de wachtrij." in cli("worker", "--once").output
    result = CliRunner().invoke(main, ["jobs", "cancel", job["id"]])
    assert result.exit_code == 0  # cancelling a cancelled job again changes nothing


def test_show_follow_prints_the_progress_a_worker_in_another_process_reports(tmp_path):
    path = tmp_path / "fietspad-4.md"
    path.write_bytes(agenda(4))
    cli("submit", str(path))
    [job] = json.loads(cli("list", "--json").output)
    env = {**os.environ, "NOTULIST_DATA_DIR": os.environ["NOTULIST_DATA_DIR"]}
    follower = subprocess.Popen([NOTULIST, "jobs", "show", job["id"], "--follow"], env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    first = follower.stdout.readline()  # the follower is watching before the worker starts
    assert first.startswith("[0/0] in de wachtrij"), first
    worker = subprocess.run([NOTULIST, "jobs", "worker", "--once"], env=env, capture_output=True, text=True,
                            timeout=300)
    assert worker.returncode == 0, worker.stdout + worker.stderr
    out, _ = follower.communicate(timeout=120)
    assert follower.returncode == 0, out
    lines = [line for line in out.splitlines() if line.startswith("[")]
    assert lines[-1].startswith("[5/5] klaar") and len(lines) >= 2  # at least one change after the queue
    assert "Taak " in out and "fietspad-4.md: new" in out
