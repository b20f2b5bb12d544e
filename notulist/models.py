"""The one domain model shared by every stage (ingest -> retrieval / summarise -> service).

Offsets (`start`, `end`) are always character offsets into the `raw_text` of the `Source` named by
`source_id`, so that `source.raw_text[start:end] == quote` can be checked anywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def stable_id(*parts: object, length: int = 12) -> str:
    """A short, stable hex id from the given parts (same input, same id, across runs and machines)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


# --------------------------------------------------------------------------- sources


class Redaction(Model):
    """A Woo/Wob redaction mark, kept as written in the raw text and shown as one token."""

    start: int
    end: int
    original: str  # exactly raw_text[start:end], e.g. "5.1, 2, e" or "<sup>5.1, 2, e</sup>"
    ground: str  # normalised ground, e.g. "5.1.2e", "5.2", "10.2e" (old Wob)
    token: str  # display token, e.g. "[gelakt 5.1.2e]"


class Annotation(Model):
    """A comment found in the file itself (Word comment, PDF sticky note / free text).

    The comment text is part of the source's raw_text (after `body_end`), so it can be quoted exactly;
    the anchor is the span in the body it is attached to (None when the format gives no anchor).
    """

    kind: Literal["word_comment", "pdf_annotation"]
    author: str | None = None
    text_start: int
    text_end: int
    anchor_start: int | None = None
    anchor_end: int | None = None
    page: int | None = None


class Source(Model):
    """One ingested file, its exact text and what the loader found in it."""

    id: str  # sha256 of the file bytes (content hash)
    filename: str
    media_type: str  # md, txt, docx, pdf, html, eml
    role: Literal["agenda", "notes", "clean_agenda"] = "agenda"
    raw_text: str
    body_end: int | None = None  # where the document body ends and appended annotation text starts
    annotations: list[Annotation] = Field(default_factory=list)
    redactions: list[Redaction] = Field(default_factory=list)
    size_bytes: int = 0
    pages: list[int] = Field(default_factory=list)  # PDF: where each page starts in raw_text (page 1 at 0)


# --------------------------------------------------------------------------- meeting structure

ItemKind = Literal["mededeling", "ter bespreking", "ter besluitvorming", "ter kennisname", "actielijst"]
NoteMethod = Literal["notes_file", "clean_diff", "word_comment", "pdf_annotation", "heuristic"]


class Note(Model):
    """Text written during the meeting, kept apart from the prepared agenda text."""

    id: str
    item: str | None  # agenda item number it belongs to (None: not attached)
    text: str  # exactly source.raw_text[start:end]
    source_id: str
    start: int
    end: int
    method: NoteMethod
    cue: str | None = None  # what marked it, e.g. "Besluit:", "link", "after question", "comment"


class AgendaItem(Model):
    number: str  # "1", "2", "6b", "2.1"; generated ("1.a") for unnumbered sub-items
    numbered: bool = True  # the number is written in the document
    parent: str | None = None  # number of the parent item for sub-items
    title: str
    kinds: list[ItemKind] = Field(default_factory=list)
    attachments: list[str] = Field(default_factory=list)
    source_id: str
    start: int  # span of the whole item (heading up to the next item) in the raw text
    end: int
    title_start: int
    title_end: int
    body: str = ""  # prepared text of the item with notes removed (display form)
    notes: list[Note] = Field(default_factory=list)


class Attendee(Model):
    name: str | None  # None when redacted
    redacted: bool = False
    role: str | None = None  # "verslag", "voorzitter", "afwezig", ...
    as_written: str


class Meeting(Model):
    id: str  # stable_id(series, date, agenda filename)
    series: str  # normalised title, e.g. "Voortgangsoverleg inclusie en diversiteit"
    title: str
    date: dt.date | None = None
    date_as_written: str | None = None
    date_inferred: bool = False  # the year was not written in the date line
    time: str | None = None  # "10.30 - 11.45"
    location: str | None = None
    attendees: list[Attendee] = Field(default_factory=list)
    doc_kind: Literal["agenda", "minutes", "besluitenlijst", "notes", "unknown"] = "unknown"
    items: list[AgendaItem] = Field(default_factory=list)
    source_ids: list[str] = Field(default_factory=list)  # agenda first, then notes / clean agenda
    header_start: int = 0
    header_end: int = 0

    def item(self, number: str) -> AgendaItem | None:
        return next((i for i in self.items if i.number == number), None)

    @property
    def notes(self) -> list[Note]:
        return [n for i in self.items for n in i.notes]


class ParsedDocument(Model):
    """What ingest hands to the store: the meeting and every source its offsets refer to."""

    meeting: Meeting
    sources: list[Source]


# --------------------------------------------------------------------------- retrieval

ChunkKind = Literal["agenda", "note", "header"]


class Chunk(Model):
    id: str  # stable_id(meeting_id, source_id, start, end, kind)
    meeting_id: str
    series: str
    date: dt.date | None
    item: str | None
    item_title: str | None
    kind: ChunkKind
    text: str  # exactly source.raw_text[start:end]
    source_id: str
    start: int
    end: int
    note_method: NoteMethod | None = None


class Thread(Model):
    """The same subject across meetings of a series (matched by normalised title similarity)."""

    id: str
    series: str
    title: str
    items: list[tuple[str, str]]  # (meeting_id, item number), in date order


# --------------------------------------------------------------------------- citations and extraction


class Citation(Model):
    """Where a statement comes from: an exact span of a stored source."""

    meeting_id: str
    date: dt.date | None = None
    item: str | None = None
    item_title: str | None = None
    quote: str  # exactly source.raw_text[start:end]
    source_id: str
    start: int
    end: int
    score: float | None = None
    page: int | None = None  # PDF page (1-based) on which the quote starts; None for other formats


Method = Literal["rule", "llm"]


class Decision(Model):
    id: str
    meeting_id: str
    item: str | None
    text: str
    citation: Citation
    method: Method = "rule"


class Action(Model):
    id: str
    meeting_id: str
    item: str | None
    text: str
    owner: str | None = None  # None when redacted or not stated; never a guessed name
    owner_redacted: bool = False
    due: str | None = None  # as written ("morgen", "25 maart", "voor de zomer")
    due_date: dt.date | None = None  # resolved against the meeting date where it determines one
    status: Literal["open", "done"] = "open"
    done_evidence: Citation | None = None
    from_actielijst: bool = False  # an open action listed in a prepared Actielijst
    citation: Citation
    method: Method = "rule"


class Postponed(Model):
    id: str
    meeting_id: str
    item: str  # the agenda item (or the item a postponed sub-point belongs to)
    item_title: str | None = None
    text: str
    citation: Citation
    method: Method = "rule"


class Extraction(Model):
    meeting_id: str
    decisions: list[Decision] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    postponed: list[Postponed] = Field(default_factory=list)
    llm_used: bool = False
    warnings: list[str] = Field(default_factory=list)
    # the Dutch language data the rule engine used (notulist.nl.lexicon().version), as prompts record theirs
    lexicon_version: str | None = None


# --------------------------------------------------------------------------- answers and verslag


class Answer(Model):
    question: str
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    llm_used: bool = False
    found: bool = True  # False: "niets gevonden"
    warnings: list[str] = Field(default_factory=list)


class Verslag(Model):
    meeting_id: str
    version: int = 0  # 0 = generated draft not yet saved
    status: Literal["concept", "vastgesteld"] = "concept"
    markdown: str
    created_at: dt.datetime | None = None
    author: str | None = None
    llm_used: bool = False
    warnings: list[str] = Field(default_factory=list)
