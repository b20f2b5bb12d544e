"""Health, the key in use, the administrator's reindex and check, the audit log, and undoing a delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

import notulist
from notulist import audit
from notulist.audit import AuditAction, AuditEntry, DeletedMeeting
from notulist.errors import NotFoundError
from service.consistency import CheckReport
from service.deps import Admin, CurrentKey, NotulistDep, Secretary
from service.http_errors import ERROR_RESPONSES
from service.schemas import Health, KeyInfo, MeetingCreated, ReindexResult, meeting_public

router = APIRouter()


@router.get("/health", summary="Draait de dienst?", response_model=Health, tags=["algemeen"])
def health(nl: NotulistDep) -> Health:
    """Is the service up, and is the search index up to date with the store? (no key needed: only a
    count of meetings still waiting for the index, nothing about their content)"""
    pending = len(nl.store.pending_meetings())
    return Health(version=notulist.__version__, index="achter" if pending else "ok", pending=pending)


@router.get("/api/me", summary="Rol en reeksen van deze sleutel", response_model=KeyInfo, tags=["algemeen"], responses=ERROR_RESPONSES)
def whoami(key: CurrentKey) -> KeyInfo:
    """The role and series of the key in use (the page uses it to show what the key may do)."""
    return KeyInfo(id=key.id, role=key.role, series=key.series, name=key.name)


@router.post("/api/reindex", summary="Zoekindex opnieuw opbouwen (beheerder)", response_model=ReindexResult, tags=["beheer"], responses=ERROR_RESPONSES)
def reindex(nl: NotulistDep, key: Admin) -> ReindexResult:
    """Rebuild the search index from the meeting store, beside the old one (the index is derived data)."""
    chunks = nl.reindex()
    audit.record(nl.store, "reindex", key=key, detail=f"{chunks} tekstdelen")
    return ReindexResult(chunks=chunks, meetings=len(nl.store.list_meetings()))


@router.post("/api/check", summary="Opslag en zoekindex vergelijken (beheerder)", response_model=CheckReport,
             tags=["beheer"], responses=ERROR_RESPONSES)
def check(nl: NotulistDep, key: Admin, repair: Annotated[bool, Query()] = False) -> CheckReport:
    """`notulist check [--repair]` over HTTP."""
    report = nl.check(repair=repair)
    if repair:
        audit.record(nl.store, "repair", key=key, detail="; ".join(report.repaired) or "niets te herstellen")
    return report


@router.get("/api/audit", summary="Auditlog: wie deed wat, wanneer (beheerder)", response_model=list[AuditEntry],
            tags=["beheer"], responses=ERROR_RESPONSES)
def audit_log(nl: NotulistDep, key: Admin, meeting_id: Annotated[str | None, Query(max_length=32)] = None,
              action: AuditAction | None = None,
              limit: Annotated[int, Query(ge=1, le=10_000)] = 200) -> list[AuditEntry]:
    """Newest first: uploads, changes, deletes, restores, asks, reindex and repairs, with key and meeting."""
    return audit.entries(nl.store, meeting_id=meeting_id, action=action, limit=limit)


@router.get("/api/deleted", summary="Verwijderde vergaderingen (terug te zetten)", response_model=list[DeletedMeeting],
            tags=["vergaderingen"], responses=ERROR_RESPONSES)
def deleted(nl: NotulistDep, key: Secretary) -> list[DeletedMeeting]:
    """Deleted meetings still within the retention period (NOTULIST_DELETE_RETENTION_DAYS) that this key may see."""
    return [d for d in audit.deleted(nl.store, nl.settings.delete_retention_days) if key.may_see(d.series)]


@router.post("/api/deleted/{meeting_id}/restore", summary="Verwijderde vergadering terugzetten",
             response_model=MeetingCreated, status_code=status.HTTP_201_CREATED, tags=["vergaderingen"],
             responses=ERROR_RESPONSES)
def restore(meeting_id: str, nl: NotulistDep, key: Secretary) -> MeetingCreated:
    """Undo a delete: the kept files are read in again (same meeting id)."""
    visible = {d.meeting_id for d in deleted(nl, key)}
    if meeting_id not in visible:
        raise NotFoundError(f"Geen verwijderde vergadering '{meeting_id}' om terug te zetten (verwijderde "
                            f"vergaderingen blijven {nl.settings.delete_retention_days} dagen bewaard).")
    result = nl.restore_meeting(meeting_id, key=key)
    meeting = nl.store.get_meeting(result.meeting_id)
    public = meeting_public(meeting, nl.store.sources_for(meeting))
    return MeetingCreated(**public.model_dump(), status=result.status, warnings=result.warnings)
