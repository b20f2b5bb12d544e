"""The meeting store: the system of record (SQLAlchemy; SQLite by default, Postgres by URL).

Everything else (the vector index, the keyword index) is derived from what is stored here.
Whole-meeting writes happen in one transaction, so nothing is ever half-stored.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from sqlalchemy import create_engine, delete, event, func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from notulist import migrations
from notulist.errors import AmbiguousReferenceError, NotFoundError
from notulist.models import Action, Extraction, Meeting, ParsedDocument, Postponed, Source, Verslag
from notulist.settings import Settings
from notulist.store_index import IndexState
from notulist.store_keys import KeyStore
from notulist.store_rows import (ActionRow, ExtractionRow, ItemRow, MeetingRow, MeetingSourceRow, NoteRow, PostponedRow,
                                 SourceRow, VerslagRow, _now, get_row)
from notulist.verslag_doc import VerslagDocument

IngestStatus = Literal["new", "unchanged", "replaced"]


class MeetingStore(KeyStore, IndexState):
    """Typed access to the store; every method takes and returns domain models."""

    def __init__(self, url: str):
        """Open the store at a SQLAlchemy URL (`sqlite:///...`, `postgresql+psycopg://...`) and migrate it to
        the newest schema (notulist/migrations)."""
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        migrations.upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> "MeetingStore":
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return cls(settings.resolved_store_url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions.begin() as s:
            yield s

    # ------------------------------------------------------------------ ingest

    def meeting_for_sources(self, source_ids: list[str]) -> str | None:
        """The meeting stored from exactly these sources (same bytes), if any: re-ingest is a no-op."""
        if not source_ids:
            return None
        with self.session() as s:
            candidates = select(MeetingSourceRow.meeting_id).where(MeetingSourceRow.source_id == source_ids[0])
            for row in s.scalars(select(MeetingRow).where(MeetingRow.id.in_(candidates))):
                if list(row.source_ids) == list(source_ids):
                    return row.id
        return None

    def save_parsed(self, parsed: ParsedDocument, contents: dict[str, bytes]) -> IngestStatus:
        """Store a parsed meeting with its sources in one transaction; replace an older version. A write
        that lost a race with another process (same meeting or source inserted meanwhile, SQLite busy) is
        retried on the new state, where it usually finds the meeting "unchanged"."""
        for attempt in range(6):
            try:
                return self._save_parsed(parsed, contents)
            except (IntegrityError, OperationalError):
                if attempt == 5:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _save_parsed(self, parsed: ParsedDocument, contents: dict[str, bytes]) -> IngestStatus:
        meeting = parsed.meeting
        with self.session() as s:
            existing = s.get(MeetingRow, meeting.id)
            if existing is not None and list(existing.source_ids) == meeting.source_ids:
                return "unchanged"
            if existing is not None:
                self._delete_meeting_rows(s, meeting.id)
                s.flush()
            for source in parsed.sources:
                if s.get(SourceRow, source.id) is None:
                    s.add(
                        SourceRow(
                            id=source.id,
                            filename=source.filename,
                            media_type=source.media_type,
                            content=contents.get(source.id, b""),
                            raw_text=source.raw_text,
                            model_json=source.model_dump_json(),
                        )
                    )
            s.add(
                MeetingRow(
                    id=meeting.id,
                    series=meeting.series,
                    title=meeting.title,
                    date=meeting.date,
                    source_ids=meeting.source_ids,
                    model_json=meeting.model_dump_json(),
                    updated_at=_now(),
                )
            )
            s.flush()
            for source in parsed.sources:
                s.add(MeetingSourceRow(meeting_id=meeting.id, source_id=source.id, role=source.role))
            for pos, item in enumerate(meeting.items):
                s.add(ItemRow(meeting_id=meeting.id, number=item.number, title=item.title, parent=item.parent, position=pos))
                for note in item.notes:
                    s.add(
                        NoteRow(
                            id=note.id, meeting_id=meeting.id, item=note.item, text=note.text,
                            method=note.method, source_id=note.source_id, start=note.start, end=note.end,
                        )
                    )
            return "replaced" if existing is not None else "new"

    def _delete_meeting_rows(self, s: Session, meeting_id: str) -> None:
        for table in (NoteRow, ItemRow, ActionRow, PostponedRow, ExtractionRow, MeetingSourceRow):
            s.execute(delete(table).where(table.meeting_id == meeting_id))
        s.execute(delete(MeetingRow).where(MeetingRow.id == meeting_id))
        s.flush()
        # sources no longer used by any meeting are removed with it
        used = select(MeetingSourceRow.source_id)
        s.execute(delete(SourceRow).where(SourceRow.id.not_in(used)))

    def delete_meeting(self, meeting_id: str) -> None:
        with self.session() as s:
            if s.get(MeetingRow, meeting_id) is None:
                raise NotFoundError(f"Vergadering '{meeting_id}' bestaat niet.")
            self._delete_meeting_rows(s, meeting_id)

    def extraction_versions(self) -> dict[str, str]:
        """meeting id -> the language-data version its stored extraction was made with ("" if unknown)."""
        with self.session() as s:
            rows = s.execute(select(ExtractionRow.meeting_id, ExtractionRow.model_json)).all()
        return {mid: json.loads(doc).get("lexicon_version") or "" for mid, doc in rows}

    # ------------------------------------------------------------------ read

    def list_meetings(self, series: str | None = None) -> list[Meeting]:
        with self.session() as s:
            q = select(MeetingRow).order_by(MeetingRow.date, MeetingRow.id)
            if series:
                q = q.where(func.lower(MeetingRow.series) == series.lower())
            return [Meeting.model_validate_json(r.model_json) for r in s.scalars(q)]

    def get_meeting(self, meeting_id: str) -> Meeting:
        with self.session() as s:
            row = get_row(s, MeetingRow, meeting_id, "Vergadering")
            return Meeting.model_validate_json(row.model_json)

    def find_meeting(self, ref: str) -> Meeting:
        """A meeting by id, id prefix, or date (YYYY-MM-DD) when that is unique."""
        with self.session() as s:
            row = s.get(MeetingRow, ref)
            if row is not None:
                return Meeting.model_validate_json(row.model_json)
            rows: list[MeetingRow] = []
            try:
                day = dt.date.fromisoformat(ref)
                rows = list(s.scalars(select(MeetingRow).where(MeetingRow.date == day)))
            except ValueError:
                if len(ref) >= 4:
                    rows = list(s.scalars(select(MeetingRow).where(MeetingRow.id.startswith(ref))))
            if not rows:
                raise NotFoundError(f"Geen vergadering gevonden voor '{ref}'.")
            if len(rows) > 1:
                ids = ", ".join(f"{r.id} ({r.series})" for r in rows)
                raise AmbiguousReferenceError(f"'{ref}' past bij meer vergaderingen: {ids}. Gebruik het id.")
            return Meeting.model_validate_json(rows[0].model_json)

    def get_source(self, source_id: str) -> Source:
        with self.session() as s:
            row = get_row(s, SourceRow, source_id, "Bron")
            return Source.model_validate_json(row.model_json)

    def get_source_bytes(self, source_id: str) -> bytes:
        with self.session() as s:
            row = get_row(s, SourceRow, source_id, "Bron")
            return row.content

    def sources_for(self, meeting: Meeting) -> dict[str, Source]:
        """The meeting's sources, each with the role it has in *this* meeting."""
        with self.session() as s:
            roles = dict(s.execute(select(MeetingSourceRow.source_id, MeetingSourceRow.role)
                                   .where(MeetingSourceRow.meeting_id == meeting.id)).all())
        sources = {sid: self.get_source(sid) for sid in meeting.source_ids}
        return {sid: (src.model_copy(update={"role": roles[sid]}) if sid in roles else src)
                for sid, src in sources.items()}

    # ------------------------------------------------------------------ extraction and actions

    def save_extraction(self, extraction: Extraction) -> None:
        """Store an extraction; action rows keep a status that was set by hand (done stays done)."""
        with self.session() as s:
            if s.get(MeetingRow, extraction.meeting_id) is None:
                raise NotFoundError(f"Vergadering '{extraction.meeting_id}' bestaat niet.")
            old = {r.id: Action.model_validate_json(r.model_json) for r in s.scalars(
                select(ActionRow).where(ActionRow.meeting_id == extraction.meeting_id))}
            s.execute(delete(ActionRow).where(ActionRow.meeting_id == extraction.meeting_id))
            s.execute(delete(ExtractionRow).where(ExtractionRow.meeting_id == extraction.meeting_id))
            s.execute(delete(PostponedRow).where(PostponedRow.meeting_id == extraction.meeting_id))
            for position, post in enumerate(extraction.postponed):
                s.add(PostponedRow(meeting_id=extraction.meeting_id, position=position, model_json=post.model_dump_json()))
            actions = []
            for action in extraction.actions:
                prev = old.get(action.id)
                if prev is not None and prev.status == "done" and action.status == "open":
                    action = action.model_copy(update={"status": "done", "done_evidence": prev.done_evidence})
                actions.append(action)
                s.add(ActionRow(id=action.id, meeting_id=action.meeting_id, owner=action.owner,
                                status=action.status, due_date=action.due_date, model_json=action.model_dump_json()))
            extraction = extraction.model_copy(update={"actions": actions})
            s.add(ExtractionRow(meeting_id=extraction.meeting_id, model_json=extraction.model_dump_json()))

    def get_extraction(self, meeting_id: str) -> Extraction | None:
        with self.session() as s:
            row = s.get(ExtractionRow, meeting_id)
            if row is None:
                return None
            extraction = Extraction.model_validate_json(row.model_json)
            status = {r.id: Action.model_validate_json(r.model_json) for r in s.scalars(
                select(ActionRow).where(ActionRow.meeting_id == meeting_id))}
            return extraction.model_copy(update={"actions": [status.get(a.id, a) for a in extraction.actions]})

    def list_actions(self, owner: str | None = None, status: str | None = None,
                     series: list[str] | None = None) -> list[Action]:
        with self.session() as s:
            q = select(ActionRow, MeetingRow.series, MeetingRow.date).join(MeetingRow, MeetingRow.id == ActionRow.meeting_id)
            if status:
                q = q.where(ActionRow.status == status)
            if owner:
                q = q.where(func.lower(ActionRow.owner).contains(owner.lower()))
            rows = s.execute(q.order_by(MeetingRow.date, ActionRow.id)).all()
            allowed = {x.casefold() for x in series} if series else None
            return [Action.model_validate_json(r[0].model_json) for r in rows
                    if allowed is None or r[1].casefold() in allowed]

    def action_rows(self, owner: str | None = None, status: str | None = None, series: list[str] | None = None,
                    since: dt.date | None = None) -> list[tuple[str, str, dt.date | None]]:
        """(action id, status, meeting date) of the matching actions in date order: light columns only, so a
        listing parses just the actions it shows (`actions_by_id`). `series`: only these bodies."""
        q = select(ActionRow.id, ActionRow.status, MeetingRow.date).join(MeetingRow, MeetingRow.id == ActionRow.meeting_id)
        if status:
            q = q.where(ActionRow.status == status)
        if owner:
            q = q.where(func.lower(ActionRow.owner).contains(owner.lower()))
        if series is not None:
            q = q.where(func.lower(MeetingRow.series).in_([x.lower() for x in series]))
        if since is not None:
            q = q.where(MeetingRow.date >= since)
        with self.session() as s:
            return [tuple(r) for r in s.execute(q.order_by(MeetingRow.date, ActionRow.id)).all()]

    def actions_by_id(self, ids: list[str]) -> list[Action]:
        """These actions, in the order asked."""
        with self.session() as s:
            got = {r.id: Action.model_validate_json(r.model_json)
                   for r in s.scalars(select(ActionRow).where(ActionRow.id.in_(ids)))}
        return [got[i] for i in ids if i in got]

    def recent_postponed(self, series: list[str] | None = None, since: dt.date | None = None,
                         limit: int = 25) -> tuple[int, list[Postponed]]:
        """How many postponed items match, and the `limit` most recent of them in date order."""
        q = select(PostponedRow.model_json).join(MeetingRow, MeetingRow.id == PostponedRow.meeting_id)
        n = select(func.count()).select_from(PostponedRow).join(MeetingRow, MeetingRow.id == PostponedRow.meeting_id)
        if series is not None:
            q, n = (x.where(func.lower(MeetingRow.series).in_([s.lower() for s in series])) for x in (q, n))
        if since is not None:
            q, n = (x.where(MeetingRow.date >= since) for x in (q, n))
        q = q.order_by(MeetingRow.date.desc(), MeetingRow.id.desc(), PostponedRow.position.desc()).limit(limit)
        with self.session() as s:
            total, rows = s.scalar(n) or 0, list(s.scalars(q))
        return total, [Postponed.model_validate_json(r) for r in reversed(rows)]

    def get_action(self, action_id: str) -> Action:
        with self.session() as s:
            row = get_row(s, ActionRow, action_id, "Actie")
            return Action.model_validate_json(row.model_json)

    def update_action(self, action: Action) -> Action:
        with self.session() as s:
            row = get_row(s, ActionRow, action.id, "Actie")
            row.status, row.owner, row.due_date = action.status, action.owner, action.due_date
            row.model_json = action.model_dump_json()
            return action

    # ------------------------------------------------------------------ verslag versions

    def save_verslag(self, verslag: Verslag, document: VerslagDocument | None = None) -> Verslag:
        """Save a new version (versions are kept; the latest is the current one), with its structured
        document when the editor sent one."""
        with self.session() as s:
            last = s.scalar(select(func.max(VerslagRow.version)).where(VerslagRow.meeting_id == verslag.meeting_id)) or 0
            row = VerslagRow(meeting_id=verslag.meeting_id, version=last + 1, status=verslag.status,
                             markdown=verslag.markdown, author=verslag.author, llm_used=verslag.llm_used,
                             document_json=document.model_dump_json() if document is not None else None)
            s.add(row)
            s.flush()
            return verslag.model_copy(update={"version": row.version, "created_at": row.created_at})

    def latest_verslag(self, meeting_id: str) -> Verslag | None:
        versions = self.verslag_versions(meeting_id)
        return versions[-1] if versions else None

    def verslag_document(self, meeting_id: str, version: int | None = None) -> VerslagDocument | None:
        """The structured document of a saved version (the latest when `version` is None), if it has one."""
        with self.session() as s:
            q = select(VerslagRow).where(VerslagRow.meeting_id == meeting_id)
            if version is not None:
                q = q.where(VerslagRow.version == version)
            row = s.scalars(q.order_by(VerslagRow.version.desc()).limit(1)).first()
            if row is None or not row.document_json:
                return None
            return VerslagDocument.model_validate_json(row.document_json)

    def verslag_versions(self, meeting_id: str) -> list[Verslag]:
        with self.session() as s:
            rows = s.scalars(select(VerslagRow).where(VerslagRow.meeting_id == meeting_id).order_by(VerslagRow.version))
            return [Verslag(meeting_id=r.meeting_id, version=r.version, status=r.status, markdown=r.markdown,
                            created_at=r.created_at, author=r.author, llm_used=r.llm_used) for r in rows]

def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def dumps(model) -> str:
    """JSON for the CLI and API: stable field names, dates as ISO strings."""
    if isinstance(model, list):
        return json.dumps([m.model_dump(mode="json") for m in model], ensure_ascii=False, indent=2)
    return model.model_dump_json(indent=2)
