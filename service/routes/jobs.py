"""Background ingest jobs over HTTP (issue 15): submit an upload (202 and the job's id), list, show,
follow its progress as server-sent events, cancel. The job is recorded in the store, so any `serve`
process (its worker thread) or `notulist jobs worker` runs it, and any process reports it.

Access: submitting needs a secretary key (as the synchronous upload); a key sees and cancels the jobs it
submitted, an admin key every job. The browser's EventSource cannot send an Authorization header, so the
events route also takes the job's watch token (`?token=`, handed out once in the 202 answer): it opens
that one job's progress and nothing else.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from notulist import jobs
from notulist.errors import AccessDeniedError
from notulist.jobs import Job, JobFile, JobStatus, Submitter
from notulist.store_keys import ApiKey
from service.auth import bearer, check_role, verify_key
from service.deps import NotulistDep, Secretary
from service.http_errors import ERROR_RESPONSES, FieldError
from service.pipeline import Notulist
from service.routes.meetings import (
    AgendaUpload,
    CleanAgendaUpload,
    NotesUpload,
    SeriesForm,
    YearForm,
    _upload_series,
    read_upload,
)

log = logging.getLogger("notulist.service")
router = APIRouter(prefix="/api/jobs", tags=["taken"], responses=ERROR_RESPONSES)
POLL_SECONDS = 0.25  # how often a stream looks at its job row (one primary-key read)
KEEPALIVE_SECONDS = 15.0


class JobSubmitted(BaseModel):
    job: Job
    token: str  # the watch token for `GET /api/jobs/{id}/events?token=...`
    events: str  # that URL


def _visible(nl: Notulist, key: ApiKey, job_id: str) -> Job:
    job = jobs.get(nl.store, job_id)
    if not key.has_role("admin") and job.key_id != key.id:
        raise AccessDeniedError("Deze taak is door een andere sleutel ingediend.")
    return job


@router.post("", summary="Agenda inlezen als achtergrondtaak", status_code=202, response_model=JobSubmitted)
def submit_job(
    nl: NotulistDep,
    key: Secretary,
    agenda: AgendaUpload,
    notes: NotesUpload = None,
    clean_agenda: CleanAgendaUpload = None,
    series: SeriesForm = None,
    year: YearForm = None,
) -> JobSubmitted:
    """The same upload as `POST /api/meetings` (same checks and limits), queued: 202 with the job's id at
    once; a worker ingests it. Follow it with `GET /api/jobs/{id}` or `/events`."""
    meta = _upload_series(key, series, year)
    limit = nl.settings.max_file_bytes
    found = {field: read_upload(upload, field, limit)
             for field, upload in (("agenda", agenda), ("notes", notes), ("clean_agenda", clean_agenda))}
    if found["agenda"] is None:
        raise FieldError("Veld 'agenda' ontbreekt: kies het agendabestand.", field="agenda")
    files = [JobFile(role=role, filename=f.filename, data=f.data) for role, f in found.items() if f is not None]
    submitter = Submitter(name=key.name or key.id, key_id=key.id, role=key.role, series=list(key.series))
    job, token = jobs.submit(nl.store, files, submitter=submitter, series=meta.series, year=meta.year)
    return JobSubmitted(job=job, token=token, events=f"/api/jobs/{job.id}/events?token={token}")


@router.get("", summary="Achtergrondtaken", response_model=list[Job])
def list_jobs(nl: NotulistDep, key: Secretary, status: Annotated[JobStatus | None, Query()] = None,
              limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[Job]:
    """Newest first: this key's jobs (an admin key: everyone's)."""
    return jobs.list_jobs(nl.store, key_id=None if key.has_role("admin") else key.id, status=status, limit=limit)


@router.get("/{job_id}", summary="Eén achtergrondtaak", response_model=Job)
def get_job(job_id: str, nl: NotulistDep, key: Secretary) -> Job:
    """Status, progress (n of total, stage), the result per file (meeting ids) and the error, if any."""
    return _visible(nl, key, job_id)


@router.post("/{job_id}/cancel", summary="Achtergrondtaak annuleren", response_model=Job)
def cancel_job(job_id: str, nl: NotulistDep, key: Secretary) -> Job:
    """A queued job is cancelled at once; a running one stops before it stores its next meeting (409 when it
    is already done or failed)."""
    _visible(nl, key, job_id)
    return jobs.cancel(nl.store, job_id)


def _stream_access(request: Request, nl: NotulistDep, job_id: str,
                   credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
                   token: Annotated[str | None, Query(max_length=200)] = None) -> Job:
    """The watch token of this job, or a key that may see it (secretary, own job; or admin)."""
    if token is not None and jobs.token_matches(nl.store, job_id, token):
        return jobs.get(nl.store, job_id)
    key = verify_key(nl.store, credentials)
    request.state.api_key = key
    check_role(key, "secretary")
    return _visible(nl, key, job_id)


def _event(job: Job) -> str:
    kind = {"done": "done", "failed": "failed", "cancelled": "cancelled"}.get(job.status, "progress")
    return f"id: {job.revision}\nevent: {kind}\ndata: {job.model_dump_json()}\n\n"


@router.get("/{job_id}/events", summary="Voortgang als server-sent events", response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}},
                             "description": "Gebeurtenissen `progress`, `done`, `failed`, `cancelled`."}})
async def job_events(request: Request, nl: NotulistDep, job: Annotated[Job, Depends(_stream_access)],
                     last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None) -> StreamingResponse:
    """`text/event-stream`: the current state first (unless `Last-Event-ID` is already that state), then an
    event at every change (`id` = the job's revision); the stream ends after `done`, `failed` or `cancelled`."""
    seen = int(last_event_id) if (last_event_id or "").isdigit() else -1

    async def stream():
        nonlocal seen
        current, quiet = job, 0.0
        yield "retry: 2000\n\n"
        while True:
            if current.revision != seen or current.finished:  # a finished job always says how it ended
                seen = current.revision
                quiet = 0.0
                yield _event(current)
            if current.finished or await request.is_disconnected():
                return
            await asyncio.sleep(POLL_SECONDS)
            quiet += POLL_SECONDS
            if quiet >= KEEPALIVE_SECONDS:
                quiet = 0.0
                yield ": nog bezig\n\n"
            try:
                current = await run_in_threadpool(jobs.get, nl.store, current.id)
            except Exception:  # the store is unreachable: end the stream; EventSource reconnects (Last-Event-ID)
                log.warning("job %s: event stream ended, store not readable", current.id, exc_info=True)
                return

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
