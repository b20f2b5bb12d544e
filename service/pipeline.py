"""The one place where the stages meet: load -> parse -> store -> extract -> index.

Data flows one way: ingest produces domain models, the store keeps them, retrieval and summarise read
them. The CLI, the HTTP API and the eval runner all go through `Notulist`, so they behave the same.
The clients (store, search index, LLM) are built on first use, so a command that only reads the store
never loads Chroma, llama-index or the embedder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from ingest.chunking import chunk_meeting
from ingest.loaders import load_document
from ingest.parser import parse_meeting
from notulist.errors import InputError, NotulistError
from notulist.llm import LLMClient, get_llm
from notulist.models import Answer, Extraction, Meeting, ParsedDocument, Source
from notulist.settings import Settings, make_offline_safe
from notulist.store import MeetingStore
from retrieval.answer import ask as answer_question
from retrieval.index import SearchIndex
from summarise.extract import extract_meeting, link_across_meetings

log = logging.getLogger("notulist")


class InputFile(BaseModel):
    filename: str
    data: bytes

    @classmethod
    def from_path(cls, path: Path | str) -> "InputFile":
        path = Path(path)
        try:
            return cls(filename=path.name, data=path.read_bytes())
        except FileNotFoundError as exc:
            raise InputError(f"{path.name}: bestand niet gevonden", filename=path.name) from exc
        except IsADirectoryError as exc:
            raise InputError(f"{path.name}: is een map, geen bestand", filename=path.name) from exc
        except PermissionError as exc:
            raise InputError(f"{path.name}: geen leesrechten", filename=path.name) from exc
        except OSError as exc:
            raise InputError(f"{path.name}: kan het bestand niet lezen ({exc.strerror})", filename=path.name) from exc

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class IngestResult(BaseModel):
    filename: str
    status: Literal["new", "unchanged", "replaced", "error"]
    meeting_id: str | None = None
    message: str | None = None
    warnings: list[str] = []


class Notulist:
    """Application context: settings plus lazily built clients, passed explicitly to every stage."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def store(self) -> MeetingStore:
        return MeetingStore.from_settings(self.settings)

    @cached_property
    def index(self) -> SearchIndex:
        make_offline_safe()  # before Chroma, llama-index and the embedder load: no downloads, no telemetry
        return SearchIndex(self.settings)

    @cached_property
    def llm(self) -> LLMClient | None:
        """The configured LLM client, or None (rule engine and extractive answers)."""
        make_offline_safe()
        return get_llm(self.settings, store=self.store)

    # ------------------------------------------------------------------ ingest

    def ingest(
        self,
        agenda: InputFile,
        *,
        notes: InputFile | None = None,
        clean_agenda: InputFile | None = None,
        series: str | None = None,
        year: int | None = None,
        raise_errors: bool = False,
    ) -> IngestResult:
        """Ingest one meeting. Bad input is reported in the result (status "error"), or raised as the
        typed `InputError` when `raise_errors` is set (the HTTP API maps those to 413/415/422)."""
        if raise_errors:
            return self._ingest(agenda, notes=notes, clean_agenda=clean_agenda, series=series, year=year)
        try:
            return self._ingest(agenda, notes=notes, clean_agenda=clean_agenda, series=series, year=year)
        except InputError as exc:
            return IngestResult(filename=exc.filename or agenda.filename, status="error", message=str(exc))
        except NotulistError as exc:
            return IngestResult(filename=agenda.filename, status="error", message=str(exc))

    def _ingest(self, agenda, *, notes, clean_agenda, series, year) -> IngestResult:
        inputs = [(agenda, "agenda"), (notes, "notes"), (clean_agenda, "clean_agenda")]
        inputs = [(f, role) for f, role in inputs if f is not None]
        year = year or self.settings.default_year
        known = self.store.meeting_for_sources([f.content_hash for f, _ in inputs])
        if known is not None and series is None and year is None:
            return IngestResult(filename=agenda.filename, status="unchanged", meeting_id=known)

        sources: list[Source] = []
        for file, role in inputs:
            sources.append(load_document(file.filename, file.data, settings=self.settings, role=role))
        by_role = {s.role: s for s in sources}
        meeting = parse_meeting(
            by_role["agenda"], notes=by_role.get("notes"), clean_agenda=by_role.get("clean_agenda"),
            series=series, year=year,
        )
        status = self.store.save_parsed(ParsedDocument(meeting=meeting, sources=sources),
                                        {f.content_hash: f.data for f, _ in inputs})
        warnings: list[str] = []
        if status != "unchanged":
            warnings += self.after_store(meeting)
        return IngestResult(filename=agenda.filename, status=status, meeting_id=meeting.id, warnings=warnings)

    def after_store(self, meeting: Meeting) -> list[str]:
        """Derived data for a new or replaced meeting: extraction (rule engine) and the search index."""
        warnings: list[str] = []
        sources = self.store.sources_for(meeting)
        try:
            self.refresh_extraction(meeting, sources, use_llm=False)
        except Exception as exc:  # derived too: the meeting is stored; `notulist extract` retries
            log.exception("extraction of %s failed", meeting.id)
            warnings.append(f"besluiten en acties niet bijgewerkt ({exc})")
        try:
            self.index_meeting(meeting, sources)
        except Exception as exc:  # the index is derived: the meeting is stored; `notulist reindex` repairs
            log.exception("indexing %s failed", meeting.id)
            warnings.append(f"index niet bijgewerkt ({exc}); draai 'notulist reindex'")
        return warnings

    def index_meeting(self, meeting: Meeting, sources: dict[str, Source] | None = None) -> int:
        sources = sources or self.store.sources_for(meeting)
        chunks = chunk_meeting(meeting, sources, max_tokens=self.settings.chunk_tokens,
                               overlap_tokens=self.settings.chunk_overlap_tokens)
        return self.index.upsert(meeting, chunks)

    def reindex(self) -> int:
        """Rebuild the whole derived index from the store."""
        self.index.reset()
        return sum(self.index_meeting(m) for m in self.store.list_meetings())

    def delete_meeting(self, meeting_id: str) -> None:
        self.store.delete_meeting(meeting_id)
        self.index.delete_meeting(meeting_id)

    # ------------------------------------------------------------------ extraction

    def refresh_extraction(self, meeting: Meeting, sources: dict[str, Source] | None = None,
                           *, use_llm: bool = False) -> Extraction:
        sources = sources or self.store.sources_for(meeting)
        extraction = extract_meeting(meeting, sources, llm=self.llm if use_llm else None)
        self.store.save_extraction(extraction)
        link_across_meetings(self.store, meeting.series)
        return self.store.get_extraction(meeting.id) or extraction

    def extraction(self, meeting_id: str, *, use_llm: bool = False) -> Extraction:
        meeting = self.store.get_meeting(meeting_id)
        if use_llm and self.llm is not None:
            return self.refresh_extraction(meeting, use_llm=True)
        stored = self.store.get_extraction(meeting_id)
        return stored if stored is not None else self.refresh_extraction(meeting)

    # ------------------------------------------------------------------ questions

    def ask(self, question: str, *, series: str | None = None, since: dt.date | None = None,
            allowed_series: list[str] | None = None, use_llm: bool = True) -> Answer:
        """Answer a question from the stored meetings (retrieval.answer.ask with this app's clients)."""
        llm, llm_problem = None, None
        if use_llm and self.settings.llm_enabled:
            try:
                llm = self.llm
            except Exception as exc:  # a broken LLM setting must not break answering
                llm_problem = f"LLM niet beschikbaar ({exc}); antwoord uit de tekst zelf."
        answer = answer_question(question, store=self.store, index=self.index, llm=llm, settings=self.settings,
                                 series=series, since=since, allowed_series=allowed_series)
        if llm_problem and answer.found:
            answer.warnings.append(llm_problem)
        return answer
