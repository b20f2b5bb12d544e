"""HTTP schemas, named by role. The domain models stay in notulist/models.py; these shape what the API
shows (and accepts), so that a change inside a stage does not silently change the public API."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest.redactions import display_text, find_redactions
from notulist.models import Action, Answer, Citation, Meeting, Source, Verslag


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- meetings


class MeetingCreate(Schema):
    """The non-file fields of `POST /api/meetings` (the files travel as multipart parts)."""

    series: str | None = Field(None, max_length=300, description="Naam van de vergaderreeks (anders uit de titel).")
    year: int | None = Field(None, ge=1900, le=2100, description="Jaar voor datums zonder jaartal.")


class NotePublic(Schema):
    id: str
    text: str
    method: str
    cue: str | None = None
    source_id: str
    start: int
    end: int


class ItemPublic(Schema):
    number: str
    numbered: bool
    parent: str | None
    title: str
    kinds: list[str]
    attachments: list[str]
    body: str
    notes: list[NotePublic]
    source_id: str
    start: int
    end: int
    raw_text: str = Field(description="De exacte brontekst van het punt (citaten zijn hier spans van).")


class AttendeePublic(Schema):
    name: str | None
    redacted: bool
    role: str | None
    as_written: str
    display: str = Field(description="Zoals getoond: een lakking als één teken, bv. '[gelakt 5.1.2e]'.")


class RedactionPublic(Schema):
    start: int
    end: int
    token: str = Field(description="Zoals getoond, bv. '[gelakt 5.1.2e]'.")


class SourcePublic(Schema):
    id: str
    filename: str
    media_type: str
    role: str
    redactions: list[RedactionPublic] = Field(default_factory=list,
                                              description="De lakkingen (spans in de brontekst) en hun weergave.")


class MeetingSummary(Schema):
    id: str
    series: str
    title: str
    date: dt.date | None
    date_as_written: str | None = None
    date_inferred: bool = False
    item_count: int
    note_count: int


class MeetingPublic(MeetingSummary):
    time: str | None = None
    location: str | None = None
    doc_kind: str
    attendees: list[AttendeePublic]
    items: list[ItemPublic]
    sources: list[SourcePublic]


class MeetingCreated(MeetingPublic):
    """The parsed meeting plus what the upload did: new, replaced, or unchanged (identical re-upload)."""

    status: Literal["new", "replaced", "unchanged"]
    warnings: list[str] = Field(default_factory=list)


def _display(text: str) -> str:
    """Redaction marks as one readable token (the stored text keeps them exactly as written)."""
    return display_text(text, find_redactions(text))


def meeting_summary(meeting: Meeting) -> MeetingSummary:
    return MeetingSummary(
        id=meeting.id, series=meeting.series, title=meeting.title, date=meeting.date,
        date_as_written=meeting.date_as_written, date_inferred=meeting.date_inferred,
        item_count=len(meeting.items), note_count=len(meeting.notes),
    )


def meeting_public(meeting: Meeting, sources: dict[str, Source]) -> MeetingPublic:
    items = []
    for item in meeting.items:
        src = sources.get(item.source_id)
        raw = src.raw_text[item.start:item.end] if src is not None else ""
        items.append(ItemPublic(
            number=item.number, numbered=item.numbered, parent=item.parent, title=item.title,
            kinds=list(item.kinds), attachments=list(item.attachments), body=item.body,
            notes=[NotePublic(id=n.id, text=n.text, method=n.method, cue=n.cue, source_id=n.source_id,
                              start=n.start, end=n.end) for n in item.notes],
            source_id=item.source_id, start=item.start, end=item.end, raw_text=raw,
        ))
    return MeetingPublic(
        **meeting_summary(meeting).model_dump(),
        time=meeting.time, location=meeting.location, doc_kind=meeting.doc_kind,
        attendees=[AttendeePublic(**a.model_dump(), display=_display(a.as_written)) for a in meeting.attendees],
        items=items,
        sources=[SourcePublic(id=s.id, filename=s.filename, media_type=s.media_type, role=s.role,
                              redactions=[RedactionPublic(start=r.start, end=r.end, token=r.token)
                                          for r in (s.redactions or find_redactions(s.raw_text))])
                 for sid in meeting.source_ids if (s := sources.get(sid)) is not None],
    )


# --------------------------------------------------------------------------- verslag


class VerslagUpdate(Schema):
    """An edited verslag from the secretary; saved as a new version (older versions are kept)."""

    markdown: str = Field(min_length=1, max_length=2_000_000, description="Het verslag in Markdown.")
    status: Literal["concept", "vastgesteld"] = "concept"
    base_version: int | None = Field(
        None, ge=0, description="De versie waarop de bewerking is gebaseerd; een andere laatste versie geeft 409.")


class VerslagPublic(Verslag):
    """A verslag; version 0 is a generated draft that has not been saved yet."""

    saved: bool = False


# --------------------------------------------------------------------------- ask


class AskRequest(Schema):
    question: str = Field(min_length=1, max_length=2000, description="De vraag, in gewone taal.")
    series: str | None = Field(None, max_length=300, description="Alleen in deze reeks zoeken.")
    since: dt.date | None = Field(None, description="Alleen vergaderingen vanaf deze datum.")
    use_llm: bool = Field(True, description="Het taalmodel gebruiken als het is ingesteld.")


class AskResponse(Answer):
    """The same shape as `notulist ask --json`: answer, citations, llm_used (plus found, warnings)."""


# --------------------------------------------------------------------------- actions


class ActionPublic(Action):
    """An action with the meeting it comes from, so a list per owner reads on its own."""

    series: str | None = None
    meeting_title: str | None = None
    meeting_date: dt.date | None = None
    item_title: str | None = None


# --------------------------------------------------------------------------- misc


class KeyInfo(Schema):
    id: str
    role: str
    series: list[str]
    name: str | None = None


class ReindexResult(Schema):
    chunks: int
    meetings: int


class Health(Schema):
    status: Literal["ok"] = "ok"
    version: str
    index: Literal["ok", "achter"] = Field("ok", description="'achter': vergaderingen wachten nog op de zoekindex.")
    pending: int = Field(0, description="Aantal vergaderingen dat nog niet in de zoekindex staat.")


class FieldProblem(Schema):
    field: str
    message: str


class ErrorBody(Schema):
    detail: str
    field: str | None = None
    errors: list[FieldProblem] | None = Field(None, description="Bij 422: elk ongeldig veld met zijn melding.")


__all__ = [
    "ActionPublic", "AskRequest", "AttendeePublic", "AskResponse", "Citation", "ErrorBody", "Health", "ItemPublic", "KeyInfo",
    "MeetingCreate", "MeetingCreated", "MeetingPublic", "MeetingSummary", "NotePublic", "ReindexResult",
    "SourcePublic", "VerslagPublic", "VerslagUpdate", "meeting_public", "meeting_summary",
]
