"""Background jobs in the store (notulist/jobs.py, notulist/jobs_worker.py): a claim is exclusive across
processes on SQLite and on a real PostgreSQL, an expired lease is taken over (and given up after the
attempts run out), cancel stops a running job at a checkpoint, and the migration adds the tables."""

from __future__ import annotations

import multiprocessing
import threading
import time

import pytest
from sqlalchemy import inspect

from notulist import jobs
from notulist.jobs import FileResult, JobFile
from notulist.jobs_worker import Outcome, Worker
from notulist.store import MeetingStore
from tests.postgres import postgres_server, postgres_url  # noqa: F401  (fixtures)

N_JOBS = 40


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "postgresql":
        return request.getfixturevalue("postgres_url")
    return f"sqlite:///{tmp_path / 'jobs.db'}"


def _file(n: int) -> list[JobFile]:
    return [JobFile(filename=f"agenda-{n}.md", data=f"# Overleg {n}\n\n1. Opening\n".encode())]


def _claim_all(url: str, name: str, start, out) -> None:
    """One worker process: claim until the queue is empty, finish each job at once, report what it got."""
    store = MeetingStore(url)
    start.wait()
    got = []
    while (job := jobs.claim(store, name, lease_seconds=60)) is not None:
        got.append(job.id)
        assert jobs.finish(store, job.id, name, "done", results=[])
    out.put((name, got))


def test_two_worker_processes_never_claim_the_same_job(store_url):
    store = MeetingStore(store_url)
    submitted = {jobs.submit(store, _file(n))[0].id for n in range(N_JOBS)}
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_claim_all, args=(store_url, name, start, out)) for name in ("w1", "w2")]
    for p in procs:
        p.start()
    start.set()
    results = dict(out.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    claimed = results["w1"] + results["w2"]
    assert sorted(claimed) == sorted(submitted)  # every job once, none twice
    assert len(set(claimed)) == len(claimed)
    final = jobs.list_jobs(store, limit=N_JOBS + 10)
    assert {j.status for j in final} == {"done"} and {j.attempts for j in final} == {1}


def test_an_expired_lease_is_taken_over_and_the_old_worker_can_no_longer_write(store_url):
    store = MeetingStore(store_url)
    job, _ = jobs.submit(store, _file(1))
    first = jobs.claim(store, "dies", lease_seconds=0.2)
    assert first.id == job.id and first.status == "running" and first.attempts == 1
    assert jobs.claim(store, "other", lease_seconds=60) is None  # leased: nobody else gets it
    time.sleep(0.4)
    second = jobs.claim(store, "other", lease_seconds=60)
    assert second.id == job.id and second.attempts == 2 and second.lease_owner == "other"
    assert jobs.heartbeat(store, job.id, "dies") == "lost"
    assert jobs.report(store, job.id, "dies", done=1, total=2, stage="x") == "lost"
    assert not jobs.finish(store, job.id, "dies", "done", results=[])
    assert jobs.heartbeat(store, job.id, "other") == "ok"
    assert jobs.finish(store, job.id, "other", "done", results=[FileResult(filename="agenda-1.md", status="new",
                                                                           meeting_id="m1")])
    done = jobs.get(store, job.id)
    assert done.status == "done" and done.meeting_ids == ["m1"] and done.lease_owner is None


def test_a_job_whose_worker_keeps_dying_fails_with_a_dutch_error(store_url):
    store = MeetingStore(store_url)
    job, _ = jobs.submit(store, _file(1))
    for attempt in range(1, 3):
        assert jobs.claim(store, f"w{attempt}", lease_seconds=0.1, max_attempts=2).attempts == attempt
        time.sleep(0.2)
    assert jobs.claim(store, "w3", lease_seconds=60, max_attempts=2) is None
    failed = jobs.get(store, job.id)
    assert failed.status == "failed" and "2 keer afgebroken" in failed.error
    assert jobs.files(store, job.id)  # a failed job keeps its files


def test_cancel_a_queued_job_and_a_finished_one(store_url):
    from notulist.errors import AmbiguousReferenceError, NotFoundError

    store = MeetingStore(store_url)
    job, _ = jobs.submit(store, _file(1))
    assert jobs.cancel(store, job.id).status == "cancelled"
    assert jobs.claim(store, "w", lease_seconds=60) is None
    other, _ = jobs.submit(store, _file(2))
    claimed = jobs.claim(store, "w", lease_seconds=60)
    jobs.finish(store, claimed.id, "w", "done", results=[])
    with pytest.raises(AmbiguousReferenceError, match="al klaar"):
        jobs.cancel(store, other.id)
    with pytest.raises(NotFoundError, match="Taak 'bestaat-niet' bestaat niet"):
        jobs.get(store, "bestaat-niet")
    assert jobs.files(store, other.id) == []  # a done job's upload bytes are dropped


def test_a_running_job_stops_at_its_checkpoint_when_cancelled(tmp_path):
    store = MeetingStore(f"sqlite:///{tmp_path / 'jobs.db'}")
    job, token = jobs.submit(store, _file(1))
    steps = []
    started = threading.Event()

    def handler(job, files, reporter):
        for n in range(200):
            reporter.progress(n, 200, f"stap {n}")
            steps.append(n)
            started.set()
            reporter.checkpoint()
            time.sleep(0.02)
        return Outcome(status="done", results=[])

    worker = Worker(store, handler, lease_seconds=5, poll_seconds=0.05)
    runner = threading.Thread(target=worker.run_once)
    runner.start()
    assert started.wait(10)
    assert jobs.cancel(store, job.id).cancel_requested
    runner.join(timeout=30)
    final = jobs.get(store, job.id)
    assert final.status == "cancelled" and len(steps) < 200
    assert jobs.token_matches(store, job.id, token) and not jobs.token_matches(store, job.id, "fout")


def test_an_unexpected_error_requeues_the_job_until_the_attempts_run_out(tmp_path):
    store = MeetingStore(f"sqlite:///{tmp_path / 'jobs.db'}")
    job, _ = jobs.submit(store, _file(1))
    calls = []

    def broken(job, files, reporter):
        calls.append(job.attempts)
        assert files[0].data.startswith(b"# Overleg 1")
        raise RuntimeError("schijf vol")

    worker = Worker(store, broken, lease_seconds=5, max_attempts=2)
    assert worker.run_once().status == "queued"
    assert "schijf vol" in jobs.get(store, job.id).error
    final = worker.run_once()
    assert calls == [1, 2] and final.status == "failed" and "opgegeven" in final.error
    assert worker.run_once() is None


def test_migration_0008_adds_the_job_tables(tmp_path):
    store = MeetingStore(f"sqlite:///{tmp_path / 'jobs.db'}")
    tables = set(inspect(store.engine).get_table_names())
    assert {"jobs", "job_files"} <= tables
    columns = {c["name"] for c in inspect(store.engine).get_columns("jobs")}
    assert {"status", "attempts", "progress_done", "progress_total", "stage", "lease_owner", "lease_expires",
            "heartbeat_at", "error", "meeting_ids", "submitted_by"} <= columns


def test_finished_jobs_are_pruned_after_the_retention(store_url):
    import datetime as dt

    from notulist.jobs import JobRow

    store = MeetingStore(store_url)
    old, _ = jobs.submit(store, _file(1))
    recent, _ = jobs.submit(store, _file(2))
    waiting, _ = jobs.submit(store, _file(3))
    for job in (old, recent):
        claimed = jobs.claim(store, "w", lease_seconds=60)
        jobs.finish(store, claimed.id, "w", "failed", results=[], error="kapot")
    with store.session() as s:
        s.get(JobRow, old.id).finished_at = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=31)
    assert jobs.prune(store, older_than_days=30) == 1
    assert {j.id for j in jobs.list_jobs(store)} == {recent.id, waiting.id}
    assert jobs.files(store, old.id) == [] and jobs.files(store, recent.id)
