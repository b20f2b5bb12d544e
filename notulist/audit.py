"""The audit log and the bin of deleted meetings (issue 14).

Who uploaded, changed, deleted, restored, marked done and asked what, when: one row per act with the
key's id, name and role and the meeting it concerned. A deleted meeting keeps its files here for
`delete_retention_days` (setting), so a delete can be undone by re-reading exactly those bytes.
Timestamps are timezone-aware UTC.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import delete, select

from notulist.errors import NotFoundError
from notulist.store import MeetingStore
from notulist.store_keys import ApiKey
from notulist.store_rows import AuditRow, DeletedMeetingRow

AuditAction = Literal["upload", "replace", "unchanged", "delete", "restore", "change", "done", "reopen", "verslag",
                      "ask", "reindex", "repair"]


class AuditEntry(BaseModel):
    at: dt.datetime
    action: AuditAction
    key_id: str | None = None
    key_name: str | None = None
    role: str | None = None
    meeting_id: str | None = None
    detail: str | None = None


class DeletedMeeting(BaseModel):
    meeting_id: str
    series: str
    title: str
    deleted_at: dt.datetime
    restorable_until: dt.datetime


class KeptFile(BaseModel):
    role: Literal["agenda", "notes", "clean_agenda"]
    filename: str
    data: bytes


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite returns naive datetimes; everything stored here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def record(store: MeetingStore, action: AuditAction, *, key: ApiKey | None = None, meeting_id: str | None = None,
           detail: str | None = None) -> None:
    with store.session() as s:
        s.add(AuditRow(at=now(), action=action, key_id=key.id if key else None, key_name=key.name if key else None,
                       role=key.role if key else None, meeting_id=meeting_id, detail=(detail or None) and detail[:2000]))


def entries(store: MeetingStore, *, meeting_id: str | None = None, action: str | None = None,
            since: dt.datetime | None = None, limit: int = 200) -> list[AuditEntry]:
    """Newest first."""
    q = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if meeting_id:
        q = q.where(AuditRow.meeting_id == meeting_id)
    if action:
        q = q.where(AuditRow.action == action)
    if since:
        q = q.where(AuditRow.at >= since)
    with store.session() as s:
        return [AuditEntry(at=_aware(r.at), action=r.action, key_id=r.key_id, key_name=r.key_name, role=r.role,
                           meeting_id=r.meeting_id, detail=r.detail) for r in s.scalars(q)]


def keep_deleted(store: MeetingStore, meeting_id: str, series: str, title: str, files: list[KeptFile]) -> None:
    payload = json.dumps([{"role": f.role, "filename": f.filename, "data": base64.b64encode(f.data).decode()}
                          for f in files])
    with store.session() as s:
        s.execute(delete(DeletedMeetingRow).where(DeletedMeetingRow.meeting_id == meeting_id))
        s.add(DeletedMeetingRow(meeting_id=meeting_id, deleted_at=now(), series=series, title=title,
                                files_json=payload))


def purge(store: MeetingStore, retention_days: int) -> None:
    """Forget deleted meetings older than the retention period."""
    with store.session() as s:
        s.execute(delete(DeletedMeetingRow).where(DeletedMeetingRow.deleted_at < now() - dt.timedelta(days=retention_days)))


def deleted(store: MeetingStore, retention_days: int) -> list[DeletedMeeting]:
    purge(store, retention_days)
    with store.session() as s:
        rows = s.scalars(select(DeletedMeetingRow).order_by(DeletedMeetingRow.deleted_at.desc()))
        return [DeletedMeeting(meeting_id=r.meeting_id, series=r.series, title=r.title, deleted_at=_aware(r.deleted_at),
                               restorable_until=_aware(r.deleted_at) + dt.timedelta(days=retention_days))
                for r in rows]


def take_deleted(store: MeetingStore, meeting_id: str, retention_days: int) -> tuple[DeletedMeeting, list[KeptFile]]:
    """The kept files of a deleted meeting, removed from the bin (the caller re-ingests them)."""
    purge(store, retention_days)
    with store.session() as s:
        row = s.get(DeletedMeetingRow, meeting_id)
        if row is None:
            raise NotFoundError(f"Geen verwijderde vergadering '{meeting_id}' (meer) om terug te zetten; "
                                f"verwijderde vergaderingen blijven {retention_days} dagen bewaard.")
        info = DeletedMeeting(meeting_id=row.meeting_id, series=row.series, title=row.title,
                              deleted_at=_aware(row.deleted_at),
                              restorable_until=_aware(row.deleted_at) + dt.timedelta(days=retention_days))
        files = [KeptFile(role=f["role"], filename=f["filename"], data=base64.b64decode(f["data"]))
                 for f in json.loads(row.files_json)]
        s.delete(row)
    return info, files
