"""The job worker loop that any process can run: a thread in each `serve` process and `notulist jobs worker`.

A worker claims one job at a time (notulist.jobs.claim), renews its lease from a heartbeat thread while
the handler runs, and records the handler's outcome. The handler (service/pipeline.py `run_ingest_job`)
gets a `Reporter` for its progress; `Reporter.checkpoint` raises `JobStopped` when the job was cancelled
or its lease was lost, and the handler calls it only where stopping leaves nothing half-stored (before a
meeting is written). An input error fails the job with its Dutch message; an unexpected exception gives
the job back for another attempt (up to `max_attempts` claims).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable

from pydantic import BaseModel

from notulist import jobs
from notulist.jobs import FileResult, Job, JobFile, JobStatus
from notulist.store import MeetingStore

log = logging.getLogger("notulist.jobs")
PRUNE_EVERY_SECONDS = 3600


class JobStopped(Exception):
    """The job was cancelled, or another worker took it over (our lease expired): stop, write nothing more."""

    def __init__(self, why: str):
        super().__init__(why)
        self.why = why  # "cancel" or "lost"


class Outcome(BaseModel):
    status: JobStatus
    results: list[FileResult]
    error: str | None = None


class Reporter:
    """Progress of one running job, written to the store (each write renews nothing; the heartbeat does)."""

    def __init__(self, store: MeetingStore, job: Job, owner: str):
        self.store, self.job, self.owner = store, job, owner
        self.results: list[FileResult] = []
        self.state: str = "ok"  # "ok", "cancel" or "lost": the latest answer of the store

    def progress(self, done: int, total: int, stage: str) -> None:
        state = jobs.report(self.store, self.job.id, self.owner, done=done, total=total, stage=stage,
                            results=self.results)
        self.state = state if self.state == "ok" else self.state

    def checkpoint(self) -> None:
        """Raise JobStopped if the job should stop here."""
        if self.state != "ok":
            raise JobStopped(self.state)


Handler = Callable[[Job, list[JobFile], Reporter], Outcome]


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Worker:
    def __init__(self, store: MeetingStore, handler: Handler, *, lease_seconds: float = 60,
                 poll_seconds: float = 1.0, max_attempts: int = 3, retention_days: int = 30, name: str | None = None):
        self.store, self.handler = store, handler
        self.lease_seconds, self.poll_seconds, self.max_attempts = lease_seconds, poll_seconds, max_attempts
        self.retention_days = retention_days
        self.name = name or worker_name()
        self._pruned_at = 0.0

    def run_once(self) -> Job | None:
        """Claim and run one job; returns it as it ended (None: nothing was queued)."""
        job = jobs.claim(self.store, self.name, lease_seconds=self.lease_seconds, max_attempts=self.max_attempts)
        if job is None:
            return None
        log.info("job %s claimed by %s (attempt %d)", job.id, self.name, job.attempts)
        reporter = Reporter(self.store, job, self.name)
        done = threading.Event()
        beat = threading.Thread(target=self._beat, args=(job.id, reporter, done), daemon=True,
                                name=f"job-heartbeat-{job.id}")
        beat.start()
        try:
            self._run(job, reporter)
        finally:
            done.set()
            beat.join(timeout=5)
        return jobs.get(self.store, job.id)

    def _run(self, job: Job, reporter: Reporter) -> None:
        try:
            outcome = self.handler(job, jobs.files(self.store, job.id), reporter)
        except JobStopped as stop:
            if stop.why == "cancel":
                jobs.finish(self.store, job.id, self.name, "cancelled", results=reporter.results,
                            stage="geannuleerd")
            log.info("job %s stopped: %s", job.id, stop.why)
            return
        except Exception as exc:  # a bug or an outage: the job goes back to the queue for another attempt
            log.exception("job %s failed unexpectedly", job.id)
            message = f"interne fout bij poging {job.attempts} ({type(exc).__name__}: {exc})"
            if job.attempts >= self.max_attempts:
                jobs.finish(self.store, job.id, self.name, "failed", results=reporter.results,
                            error=message + "; de taak is opgegeven.")
            else:
                jobs.requeue(self.store, job.id, self.name, error=message)
            return
        if not jobs.finish(self.store, job.id, self.name, outcome.status, results=outcome.results,
                           error=outcome.error):
            log.warning("job %s: lease lost before it finished; another worker has it", job.id)

    def _beat(self, job_id: str, reporter: Reporter, done: threading.Event) -> None:
        while not done.wait(max(self.lease_seconds / 3, 0.05)):
            try:
                state = jobs.heartbeat(self.store, job_id, self.name, lease_seconds=self.lease_seconds)
            except Exception:  # the store is briefly unreachable: the lease has time left, try again
                log.warning("heartbeat of job %s failed", job_id, exc_info=True)
                continue
            if state != "ok":
                reporter.state = state
                if state == "lost":
                    return

    def run_forever(self, stop: threading.Event) -> None:
        """Until `stop` is set: run jobs while there are any, else wait `poll_seconds`."""
        while not stop.is_set():
            self._prune()
            try:
                ran = self.run_once()
            except Exception:  # the store is unreachable: keep the loop alive
                log.warning("job worker %s: claim failed", self.name, exc_info=True)
                ran = None
            if ran is None:
                stop.wait(self.poll_seconds)


    def _prune(self) -> None:
        """At most once an hour: drop jobs finished longer than `retention_days` ago."""
        if time.monotonic() - self._pruned_at < PRUNE_EVERY_SECONDS and self._pruned_at:
            return
        self._pruned_at = time.monotonic()
        try:
            if n := jobs.prune(self.store, older_than_days=self.retention_days):
                log.info("job worker %s: %d old job(s) removed", self.name, n)
        except Exception:
            log.warning("job worker %s: pruning old jobs failed", self.name, exc_info=True)


def start_thread(store: MeetingStore, handler: Handler, **options) -> tuple[threading.Thread, threading.Event]:
    """The worker as a daemon thread; set the event to stop it after the current job."""
    stop = threading.Event()
    worker = Worker(store, handler, **options)
    thread = threading.Thread(target=worker.run_forever, args=(stop,), daemon=True, name=f"job-worker-{worker.name}")
    thread.start()
    return thread, stop
