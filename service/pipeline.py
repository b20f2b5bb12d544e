"""The one place where the stages meet: load -> parse -> store -> extract -> index.

Data flows one way: ingest produces domain models, the store keeps them, retrieval and summarise read
them. The CLI, the HTTP API and the eval runner all go through `Notulist`, so they behave the same.
"""

from __future__ import annotations

import hashlib
import logging
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from notulist.errors import InputError, NotulistError
from notulist.models import Extraction, Meeting, Source
from notulist.settings import Settings, make_offline_safe
from notulist.store import MeetingStore

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
        make_offline_safe()
        self.settings = settings

    @cached_property
    def store(self) -> MeetingStore:
        return MeetingStore.from_settings(self.settings)

    @cached_property
    def index(self):
        from retrieval.index import SearchIndex

        return SearchIndex(self.settings)

    @cached_property
    def llm(self):
        """The configured LLM client, or None (rule engine and extractive answers)."""
        from notulist.llm import get_llm

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
        from ingest.loaders import load_document
        from ingest.parser import parse_meeting

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
        from notulist.models import ParsedDocument

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
        from ingest.chunking import chunk_meeting

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
        from summarise.extract import extract_meeting, link_across_meetings

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
