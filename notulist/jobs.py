"""Background jobs recorded in the store (issue 15): any process with the store's URL can submit, run,
watch or cancel them, so an upload to one `serve` process may be ingested by another.

A job is one row in `jobs` plus its uploaded files in `job_files` (the bytes live in the store, not in a
data dir, since every replica has its own). A worker claims a job with one UPDATE that only succeeds on a
row still claimable (queued, or running with an expired lease), so two workers, threads or processes, on
SQLite or PostgreSQL, never run the same job; on PostgreSQL the candidate is picked with
`FOR UPDATE SKIP LOCKED`, so concurrent claimers do not even wait for each other. The worker renews its
lease while it runs (heartbeat); a worker that dies leaves a lease that expires, and the next claim takes
the job again (`attempts` counts the claims; past `max_attempts` the job fails). Every change bumps
`revision`, the id of the server-sent event that reports it. The worker loop is `notulist.jobs_worker`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import JSON, Boolean, ForeignKey, Integer, LargeBinary, String, Text, and_, delete, or_, select, update
from sqlalchemy.orm import Mapped, mapped_column

from notulist.errors import AmbiguousReferenceError, NotFoundError
from notulist.store import MeetingStore
from notulist.store_rows import Base, UTCDateTime

JobStatus = Literal["queued", "running", "done", "failed", "cancelled"]
JobKind = Literal["ingest"]
LeaseState = Literal["ok", "cancel", "lost"]  # the store's answer to a worker that holds a job
FileRole = Literal["agenda", "notes", "clean_agenda"]
FINISHED: tuple[JobStatus, ...] = ("done", "failed", "cancelled")
STATUS_NL = {"queued": "in de wachtrij", "running": "bezig", "done": "klaar", "failed": "mislukt",
             "cancelled": "geannuleerd"}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class JobRow(Base):
    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), index=True)
    submitted_by: Mapped[str | None] = mapped_column(String(200), nullable=True)  # the key's name (or id), "cli"
    key_id: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    key_role: Mapped[str | None] = mapped_column(String(20), nullable=True)
    key_series: Mapped[list] = mapped_column(JSON)  # the series the submitting key may write (empty: all)
    series: Mapped[str | None] = mapped_column(String(300), nullable=True)
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    progress_done: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int] = mapped_column(Integer, default=0)
    stage: Mapped[str] = mapped_column(String(500), default="")
    results_json: Mapped[str] = mapped_column(Text, default="[]")
    meeting_ids: Mapped[list] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)  # Dutch, for the person who submitted it
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    lease_owner: Mapped[str | None] = mapped_column(String(200), nullable=True)
    lease_expires: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    heartbeat_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    watch_token_hash: Mapped[str] = mapped_column(String(64))


class JobFileRow(Base):
    __tablename__ = "job_files"
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str] = mapped_column(String(500))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class JobFile(BaseModel):
    role: FileRole = "agenda"
    filename: str
    data: bytes


class Submitter(BaseModel):
    """Who submitted the job: the worker acts with this key's rights (series) and names it in the audit log."""
    name: str | None = None
    key_id: str | None = None
    role: str | None = None
    series: list[str] = []


class FileResult(BaseModel):
    filename: str
    status: Literal["new", "unchanged", "replaced", "error", "skipped"]
    meeting_id: str | None = None
    message: str | None = None
    warnings: list[str] = []


class Progress(BaseModel):
    done: int = 0
    total: int = 0
    stage: str = ""


class Job(BaseModel):
    id: str
    kind: JobKind
    status: JobStatus
    submitted_by: str | None = None
    key_id: str | None = None
    series: str | None = None
    year: int | None = None
    files: list[str] = []
    created_at: dt.datetime
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    attempts: int = 0
    progress: Progress = Progress()
    results: list[FileResult] = []
    meeting_ids: list[str] = []
    error: str | None = None
    cancel_requested: bool = False
    lease_owner: str | None = None
    lease_expires: dt.datetime | None = None
    revision: int = 0

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


def _job(row: JobRow, files: list[str]) -> Job:
    return Job(id=row.id, kind=row.kind, status=row.status, submitted_by=row.submitted_by, key_id=row.key_id,
               series=row.series, year=row.year, files=files, created_at=row.created_at, started_at=row.started_at,
               finished_at=row.finished_at, attempts=row.attempts,
               progress=Progress(done=row.progress_done, total=row.progress_total, stage=row.stage),
               results=[FileResult.model_validate(r) for r in json.loads(row.results_json or "[]")],
               meeting_ids=list(row.meeting_ids or []), error=row.error, cancel_requested=row.cancel_requested,
               lease_owner=row.lease_owner, lease_expires=row.lease_expires, revision=row.revision)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ submit and read


def submit(store: MeetingStore, files: list[JobFile], *, submitter: Submitter | None = None,
           series: str | None = None, year: int | None = None, kind: JobKind = "ingest") -> tuple[Job, str]:
    """Queue a job with its files (stored in the same transaction); returns it with its watch token, which
    lets a browser's EventSource (that cannot send an Authorization header) follow this one job."""
    if not files or not any(f.role == "agenda" for f in files):
        raise ValueError("a job needs at least one agenda file")
    submitter = submitter or Submitter()
    token = secrets.token_urlsafe(24)
    job_id = _now().strftime("%Y%m%d%H%M%S") + "-" + secrets.token_hex(6)
    with store.session() as s:
        s.add(JobRow(id=job_id, kind=kind, status="queued", submitted_by=submitter.name or submitter.key_id,
                     key_id=submitter.key_id, key_role=submitter.role, key_series=list(submitter.series),
                     series=series, year=year, created_at=_now(), attempts=0, progress_done=0,
                     progress_total=0, stage="in de wachtrij", results_json="[]", meeting_ids=[],
                     cancel_requested=False, revision=1, watch_token_hash=_token_hash(token)))
        s.flush()
        for position, f in enumerate(files):
            s.add(JobFileRow(job_id=job_id, position=position, role=f.role, filename=f.filename, content=f.data))
    return get(store, job_id), token


def _names(s, job_ids: list[str]) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {j: [] for j in job_ids}
    q = select(JobFileRow.job_id, JobFileRow.filename).where(JobFileRow.job_id.in_(job_ids)) \
        .order_by(JobFileRow.job_id, JobFileRow.position)
    for job_id, filename in s.execute(q):
        names[job_id].append(filename)
    return names


def get(store: MeetingStore, job_id: str) -> Job:
    with store.session() as s:
        row = s.get(JobRow, job_id)
        if row is None:
            raise NotFoundError(f"Taak '{job_id}' bestaat niet.")
        return _job(row, _names(s, [job_id])[job_id] or _kept_names(row))


def _kept_names(row: JobRow) -> list[str]:
    """A finished job's files are gone from job_files; their names stay in its results."""
    return [r["filename"] for r in json.loads(row.results_json or "[]")]


def list_jobs(store: MeetingStore, *, key_id: str | None = None, status: JobStatus | None = None,
              limit: int = 100) -> list[Job]:
    """Newest first; only the jobs of `key_id` when given."""
    q = select(JobRow).order_by(JobRow.created_at.desc(), JobRow.id.desc()).limit(limit)
    if key_id is not None:
        q = q.where(JobRow.key_id == key_id)
    if status is not None:
        q = q.where(JobRow.status == status)
    with store.session() as s:
        rows = list(s.scalars(q))
        names = _names(s, [r.id for r in rows])
        return [_job(r, names[r.id] or _kept_names(r)) for r in rows]


def files(store: MeetingStore, job_id: str) -> list[JobFile]:
    with store.session() as s:
        q = select(JobFileRow).where(JobFileRow.job_id == job_id).order_by(JobFileRow.position)
        return [JobFile(role=r.role, filename=r.filename, data=r.content) for r in s.scalars(q)]


def token_matches(store: MeetingStore, job_id: str, token: str | None) -> bool:
    if not token:
        return False
    with store.session() as s:
        row = s.get(JobRow, job_id)
        return row is not None and secrets.compare_digest(row.watch_token_hash, _token_hash(token))


def submitter_of(store: MeetingStore, job_id: str) -> Submitter:
    with store.session() as s:
        row = s.get(JobRow, job_id)
        if row is None:
            raise NotFoundError(f"Taak '{job_id}' bestaat niet.")
        return Submitter(name=row.submitted_by, key_id=row.key_id, role=row.key_role, series=list(row.key_series or []))


# ------------------------------------------------------------------ claim, lease, progress, finish


def _claimable(now: dt.datetime):
    return or_(JobRow.status == "queued",
               and_(JobRow.status == "running", JobRow.lease_expires < now, JobRow.cancel_requested.is_(False)))


def claim(store: MeetingStore, owner: str, *, lease_seconds: float = 60, max_attempts: int = 3) -> Job | None:
    """Take the oldest claimable job for `owner`, or None. One UPDATE whose WHERE re-checks the row, so
    exactly one of several concurrent claimers wins it (SQLite serialises writers; PostgreSQL re-evaluates
    the WHERE on the locked row and SKIP LOCKED passes rows another claimer holds)."""
    now = _now()
    with store.session() as s:  # a read first: an idle worker polling an empty queue writes nothing
        waiting = s.scalar(select(JobRow.id).where(or_(JobRow.status == "queued", and_(
            JobRow.status == "running", JobRow.lease_expires < now))).limit(1))
    if waiting is None:
        return None
    give_up_expired(store, max_attempts=max_attempts, now=now)
    with store.session() as s:
        pick = select(JobRow.id).where(_claimable(now)).order_by(JobRow.created_at, JobRow.id).limit(1)
        if s.bind.dialect.name == "postgresql":
            pick = pick.with_for_update(skip_locked=True)
        stmt = (update(JobRow).where(JobRow.id == pick.scalar_subquery(), _claimable(now))
                .values(status="running", lease_owner=owner, lease_expires=now + dt.timedelta(seconds=lease_seconds),
                        heartbeat_at=now, attempts=JobRow.attempts + 1, revision=JobRow.revision + 1,
                        started_at=now, stage="gestart", error=None)
                .returning(JobRow.id))
        job_id = s.execute(stmt).scalar_one_or_none()
    return get(store, job_id) if job_id else None


def give_up_expired(store: MeetingStore, *, max_attempts: int, now: dt.datetime | None = None) -> int:
    """Running jobs whose lease expired after `max_attempts` claims fail (their worker kept dying); a
    cancelled one whose worker died is cancelled. Returns how many."""
    now = now or _now()
    expired = and_(JobRow.status == "running", JobRow.lease_expires < now)
    with store.session() as s:
        n = s.execute(update(JobRow).where(expired, JobRow.cancel_requested.is_(True))
                      .values(status="cancelled", finished_at=now, lease_owner=None, lease_expires=None,
                              stage="geannuleerd", revision=JobRow.revision + 1)).rowcount
        n += s.execute(update(JobRow).where(expired, JobRow.attempts >= max_attempts)
                       .values(status="failed", finished_at=now, lease_owner=None, lease_expires=None,
                               error=f"De verwerking is {max_attempts} keer afgebroken (het proces stopte); "
                                     "de taak is opgegeven. Dien de bestanden opnieuw in.",
                               stage="mislukt", revision=JobRow.revision + 1)).rowcount
    return n


def _mine(job_id: str, owner: str):
    return and_(JobRow.id == job_id, JobRow.lease_owner == owner, JobRow.status == "running")


def heartbeat(store: MeetingStore, job_id: str, owner: str, *, lease_seconds: float = 60) -> LeaseState:
    """Renew the lease. "lost": another worker holds the job now (ours expired), stop without writing;
    "cancel": someone asked to cancel it."""
    now = _now()
    with store.session() as s:
        flag = s.execute(update(JobRow).where(_mine(job_id, owner))
                         .values(lease_expires=now + dt.timedelta(seconds=lease_seconds), heartbeat_at=now)
                         .returning(JobRow.cancel_requested)).scalar_one_or_none()
    return "lost" if flag is None else "cancel" if flag else "ok"


def report(store: MeetingStore, job_id: str, owner: str, *, done: int, total: int, stage: str,
           results: list[FileResult] | None = None) -> LeaseState:
    """Record progress (and the results so far) of a job this owner holds."""
    values = dict(progress_done=done, progress_total=total, stage=stage[:500], revision=JobRow.revision + 1)
    if results is not None:
        values["results_json"] = json.dumps([r.model_dump(mode="json") for r in results], ensure_ascii=False)
    with store.session() as s:
        flag = s.execute(update(JobRow).where(_mine(job_id, owner)).values(**values)
                         .returning(JobRow.cancel_requested)).scalar_one_or_none()
    return "lost" if flag is None else "cancel" if flag else "ok"


def finish(store: MeetingStore, job_id: str, owner: str, status: JobStatus, *, results: list[FileResult],
           error: str | None = None, stage: str | None = None) -> bool:
    """End a job this owner holds: done, failed (with its Dutch error) or cancelled. The uploaded bytes of a
    done job are dropped (the meetings keep their sources); a failed one keeps them for inspection."""
    now = _now()
    meeting_ids = list(dict.fromkeys(r.meeting_id for r in results if r.meeting_id))
    with store.session() as s:
        won = s.execute(update(JobRow).where(_mine(job_id, owner)).values(
            status=status, finished_at=now, lease_owner=None, lease_expires=None, error=error,
            results_json=json.dumps([r.model_dump(mode="json") for r in results], ensure_ascii=False),
            meeting_ids=meeting_ids, stage=stage or STATUS_NL[status], revision=JobRow.revision + 1)).rowcount
        if won and status == "done":
            s.execute(delete(JobFileRow).where(JobFileRow.job_id == job_id))
    return bool(won)


def requeue(store: MeetingStore, job_id: str, owner: str, *, error: str) -> bool:
    """Give a job back after an unexpected failure, for another attempt by any worker."""
    with store.session() as s:
        return bool(s.execute(update(JobRow).where(_mine(job_id, owner)).values(
            status="queued", lease_owner=None, lease_expires=None, error=error, stage="opnieuw in de wachtrij",
            revision=JobRow.revision + 1)).rowcount)


def cancel(store: MeetingStore, job_id: str) -> Job:
    """A queued job is cancelled at once; a running one is asked to stop (its worker stops before it stores
    the next meeting; meetings already stored stay). A finished job cannot be cancelled (409)."""
    now = _now()
    with store.session() as s:
        if s.get(JobRow, job_id) is None:
            raise NotFoundError(f"Taak '{job_id}' bestaat niet.")
        s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status == "queued").values(
            status="cancelled", finished_at=now, stage="geannuleerd", revision=JobRow.revision + 1))
        s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status == "running",
                                       JobRow.cancel_requested.is_(False)).values(
            cancel_requested=True, stage="wordt geannuleerd", revision=JobRow.revision + 1))
    job = get(store, job_id)
    if job.status in ("done", "failed"):
        raise AmbiguousReferenceError(f"Taak '{job_id}' is al {STATUS_NL[job.status]}; annuleren kan niet meer.")
    return job


def prune(store: MeetingStore, *, older_than_days: int) -> int:
    """Delete finished jobs (with any files they kept) that ended more than `older_than_days` ago."""
    cutoff = _now() - dt.timedelta(days=older_than_days)
    with store.session() as s:
        old = select(JobRow.id).where(JobRow.status.in_(FINISHED), JobRow.finished_at < cutoff)
        ids = list(s.scalars(old))
        if ids:
            s.execute(delete(JobFileRow).where(JobFileRow.job_id.in_(ids)))
            s.execute(delete(JobRow).where(JobRow.id.in_(ids)))
    return len(ids)
