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
from collections.abc import Callable
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Literal

from filelock import FileLock
from pydantic import BaseModel

from ingest.chunking import chunk_meeting
from ingest.loaders import load_document
from ingest.parser import parse_meeting
from notulist import audit
from notulist.errors import AccessDeniedError, InputError, NotulistError, TooLargeError
from notulist.jobs import FileResult, Job, JobFile, Submitter, submitter_of
from notulist.jobs_worker import Outcome, Reporter
from notulist.llm import LLMClient, get_llm
from notulist.models import Answer, Chunk, Extraction, Meeting, ParsedDocument, Source
from notulist.pages import add_pages
from notulist.settings import Settings, make_offline_safe
from notulist.store import MeetingStore
from notulist.store_keys import ApiKey
from retrieval.answer import ask as answer_question
from retrieval.index import SearchIndex
from service import consistency
from summarise.extract import extract_meeting, link_across_meetings
from summarise.ori.importer import MEDIA_TYPE as ORI_RECORD
from summarise.ori.importer import record_extraction

log = logging.getLogger("notulist")
MIN_WORDS_WITHOUT_STRUCTURE = 30  # a short text with no agenda item and no date is no meeting document
CHROMA_MAX_BATCH = 5461  # chromadb's get_max_batch_size() with SQLite; a meeting is written in one batch
# the steps of one ingest, in order, reported to the `progress` callback (a job's progress bar)
IngestStage = Literal["lezen", "ontleden", "opslaan", "extractie", "index"]
INGEST_STAGES: tuple[IngestStage, ...] = ("lezen", "ontleden", "opslaan", "extractie", "index")
STAGE_NL = {"lezen": "tekst lezen", "ontleden": "agenda en aantekeningen ontleden", "opslaan": "opslaan",
            "extractie": "besluiten en acties zoeken", "index": "in de zoekindex zetten"}
Progress = Callable[[IngestStage], None]


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
        progress: Progress | None = None,
    ) -> IngestResult:
        """Ingest one meeting. Bad input is reported in the result (status "error"), or raised as the
        typed `InputError` when `raise_errors` is set (the HTTP API maps those to 413/415/422). `progress` is
        called with each stage as it starts (INGEST_STAGES); an exception it raises before "opslaan" has
        returned stops the ingest with nothing stored."""
        args = dict(notes=notes, clean_agenda=clean_agenda, series=series, year=year, progress=progress or _quiet)
        if raise_errors:
            return self._ingest(agenda, **args)
        try:
            return self._ingest(agenda, **args)
        except InputError as exc:
            return IngestResult(filename=exc.filename or agenda.filename, status="error", message=str(exc))
        except NotulistError as exc:
            return IngestResult(filename=agenda.filename, status="error", message=str(exc))

    def _ingest(self, agenda, *, notes, clean_agenda, series, year, progress: Progress) -> IngestResult:
        inputs = [(agenda, "agenda"), (notes, "notes"), (clean_agenda, "clean_agenda")]
        inputs = [(f, role) for f, role in inputs if f is not None]
        year = year or self.settings.default_year
        with self.writing(agenda.content_hash):  # identical uploads run one after the other
            known = self.store.meeting_for_sources([f.content_hash for f, _ in inputs])
            if known is not None and series is None and year is None:
                return IngestResult(filename=agenda.filename, status="unchanged", meeting_id=known,
                                    warnings=self.finish(known))
            progress("lezen")
            sources: list[Source] = []
            for file, role in inputs:
                sources.append(load_document(file.filename, file.data, settings=self.settings, role=role))
            by_role = {s.role: s for s in sources}
            progress("ontleden")
            meeting = parse_meeting(
                by_role["agenda"], notes=by_role.get("notes"), clean_agenda=by_role.get("clean_agenda"),
                series=series, year=year,
            )
            if not meeting.items and meeting.date is None and len(inputs) == 1 and \
                    len(by_role["agenda"].raw_text.split()) < MIN_WORDS_WITHOUT_STRUCTURE:
                raise InputError(f"{agenda.filename}: geen vergaderstuk herkend: geen agendapunten en geen "
                                 "vergaderdatum gevonden", filename=agenda.filename)
            chunks = self.chunks_for(meeting, {s.id: s for s in sources})  # over the limit: refused before storing
            progress("opslaan")
            status = self.store.save_parsed(ParsedDocument(meeting=meeting, sources=sources),
                                            {f.content_hash: f.data for f, _ in inputs})
            warnings = self.after_store(meeting, chunks, progress) if status != "unchanged" \
                else self.finish(meeting.id)
        return IngestResult(filename=agenda.filename, status=status, meeting_id=meeting.id, warnings=warnings)

    @contextmanager
    def writing(self, key: str):
        """Serialise writes for one upload across threads and worker processes: a lock file per first two
        hex digits of the agenda's hash (at most 256 files; two different uploads share one rarely, and
        then merely wait for each other)."""
        locks = self.settings.data_dir / "locks"
        locks.mkdir(parents=True, exist_ok=True)
        with FileLock(str(locks / f"{key[:2]}.lock"), timeout=600):
            yield

    def after_store(self, meeting: Meeting, chunks: list[Chunk] | None = None,
                    progress: Progress | None = None) -> list[str]:
        """Derived data for a new or replaced meeting: extraction (rule engine) and the search index.
        The meeting stays `pending` in the store until its chunks are in the index."""
        warnings: list[str] = []
        progress = progress or _quiet
        sources = self.store.sources_for(meeting)
        progress("extractie")
        try:
            self.refresh_extraction(meeting, sources, use_llm=False)
        except Exception as exc:  # derived too: the meeting is stored; `notulist check --repair` retries
            log.exception("extraction of %s failed", meeting.id)
            warnings.append(f"besluiten en acties niet bijgewerkt ({exc}); draai 'notulist check --repair'")
        progress("index")
        try:
            self.index_meeting(meeting, sources, chunks)
            self.store.mark_indexed(meeting.id, consistency.index_signature(self))
        except Exception as exc:  # the index is derived: the meeting is stored and pending; the next run repairs
            log.exception("indexing %s failed", meeting.id)
            warnings.append(f"index niet bijgewerkt ({exc}); de volgende ingest of 'notulist check --repair' "
                            "maakt het af")
        return warnings

    def finish(self, meeting_id: str) -> list[str]:
        """Complete a stored meeting that is still pending (a run killed half-way): its extraction if that is
        missing, and its chunks in the index; warnings if that fails."""
        if meeting_id not in self.store.pending_meetings():
            return []
        meeting = self.store.get_meeting(meeting_id)
        warnings: list[str] = []
        if self.store.extraction_versions().get(meeting_id) is None:
            try:
                self.refresh_extraction(meeting)
            except Exception as exc:
                log.exception("extraction of %s failed", meeting_id)
                warnings.append(f"besluiten en acties niet bijgewerkt ({exc}); draai 'notulist check --repair'")
        try:
            self.index_meeting(meeting)
            self.store.mark_indexed(meeting_id, consistency.index_signature(self))
        except Exception as exc:
            log.exception("indexing %s failed", meeting_id)
            warnings.append(f"index niet bijgewerkt ({exc}); 'notulist check --repair' maakt het af")
        return warnings

    def finish_pending(self) -> list[str]:
        """Index every pending meeting (ingest, serve start-up and reindex call this)."""
        self.ensure_index()
        return consistency.finish_pending(self)

    def ensure_index(self) -> str | None:
        """Once per context: an unreadable index is set aside and rebuilt; returns that message."""
        if "_index_checked" not in self.__dict__:
            notice = consistency.open_index(self)
            self._index_checked = notice
            if notice:
                consistency.finish_pending(self)
        return self._index_checked

    def check(self, *, repair: bool = False) -> consistency.CheckReport:
        return consistency.check(self, repair=repair)

    def chunks_for(self, meeting: Meeting, sources: dict[str, Source] | None = None) -> list[Chunk]:
        """The meeting's chunks; more than NOTULIST_MAX_CHUNKS (or Chroma's batch limit) is refused."""
        sources = sources or self.store.sources_for(meeting)
        chunks = chunk_meeting(meeting, sources, max_tokens=self.settings.chunk_tokens,
                               overlap_tokens=self.settings.chunk_overlap_tokens)
        limit = min(self.settings.max_chunks, CHROMA_MAX_BATCH)
        if len(chunks) > limit:
            first = sources.get(meeting.source_ids[0]) if meeting.source_ids else None
            name = first.filename if first is not None else meeting.id
            raise TooLargeError(f"{name}: het document geeft {len(chunks)} tekstdelen voor de zoekindex; de limiet "
                                f"is {limit} (NOTULIST_MAX_CHUNKS)", filename=name)
        return chunks

    def index_meeting(self, meeting: Meeting, sources: dict[str, Source] | None = None,
                      chunks: list[Chunk] | None = None) -> int:
        return self.index.upsert(meeting, chunks if chunks is not None else self.chunks_for(meeting, sources))

    def reindex(self) -> int:
        """Rebuild the whole derived index from the store, beside the old one (swapped in when complete)."""
        return consistency.rebuild(self)

    def delete_meeting(self, meeting_id: str, *, key: ApiKey | None = None) -> None:
        """Remove a meeting; its files stay in the bin for NOTULIST_DELETE_RETENTION_DAYS (restore_meeting)."""
        meeting = self.store.get_meeting(meeting_id)
        files = [audit.KeptFile(role=src.role, filename=src.filename, data=self.store.get_source_bytes(sid))
                 for sid, src in self.store.sources_for(meeting).items()]
        audit.keep_deleted(self.store, meeting_id, meeting.series, meeting.title, files)
        self.store.delete_meeting(meeting_id)
        audit.record(self.store, "delete", key=key, meeting_id=meeting_id, detail=meeting.title)
        self.index.delete_meeting(meeting_id)

    def restore_meeting(self, meeting_id: str, *, key: ApiKey | None = None) -> IngestResult:
        """Undo a delete within the retention period: the kept files are ingested again."""
        info, files = audit.take_deleted(self.store, meeting_id, self.settings.delete_retention_days)
        by_role = {f.role: InputFile(filename=f.filename, data=f.data) for f in files}
        result = self.ingest(by_role["agenda"], notes=by_role.get("notes"), clean_agenda=by_role.get("clean_agenda"),
                             series=info.series, raise_errors=True)
        audit.record(self.store, "restore", key=key, meeting_id=result.meeting_id, detail=info.title)
        return result

    # ------------------------------------------------------------------ extraction

    def refresh_extraction(self, meeting: Meeting, sources: dict[str, Source] | None = None,
                           *, use_llm: bool = False) -> Extraction:
        sources = sources or self.store.sources_for(meeting)
        records = [s for s in sources.values() if s.media_type == ORI_RECORD]
        if records:  # an imported ORI record: its besluiten are the extraction, derived again from it
            extraction = record_extraction(records[0], self.store.get_source_bytes(records[0].id))
        else:
            extraction = extract_meeting(meeting, sources, llm=self.llm if use_llm else None)
        add_pages([x.citation for x in [*extraction.decisions, *extraction.actions, *extraction.postponed]]
                  + [a.done_evidence for a in extraction.actions], sources)
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
        notice = self.ensure_index()
        answer = answer_question(question, store=self.store, index=self.index, llm=llm, settings=self.settings,
                                 series=series, since=since, allowed_series=allowed_series)
        if llm_problem and answer.found:
            answer.warnings.append(llm_problem)
        if notice:
            answer.warnings.append(notice)
        add_pages(answer.citations, {sid: self.store.get_source(sid) for sid in {c.source_id for c in answer.citations}})
        behind = self.store.pending_meetings()
        if behind:
            answer.warnings.append(f"{len(behind)} vergadering(en) staan nog niet in de zoekindex; het antwoord kan "
                                   "ze missen (ze worden nu of bij de volgende ingest geïndexeerd; of draai "
                                   "'notulist check --repair').")
        return answer


def _quiet(stage: IngestStage) -> None:
    return None


# ------------------------------------------------------------------ background jobs


def run_ingest_job(nl: Notulist, job: Job, files: list[JobFile], reporter: Reporter) -> Outcome:
    """The handler of an ingest job (notulist.jobs_worker): each agenda is one meeting, ingested as the
    synchronous upload does (all or nothing per meeting), with the submitter's series rights and audit entry.
    With one agenda, its notes and clean agenda go with it. Any file in error fails the job; meetings already
    stored from its other files stay (and are listed in the results)."""
    agendas = [f for f in files if f.role == "agenda"]
    extra = {f.role: InputFile(filename=f.filename, data=f.data) for f in files if f.role != "agenda"}
    submitter = submitter_of(nl.store, job.id)
    total = len(agendas) * len(INGEST_STAGES)
    for n, agenda in enumerate(agendas):
        reporter.checkpoint()

        def progress(stage: IngestStage, n=n, name=agenda.filename) -> None:
            if stage == "opslaan":  # the last moment to stop with nothing of this meeting stored
                reporter.checkpoint()
            where = f" ({n + 1} van {len(agendas)})" if len(agendas) > 1 else ""
            reporter.progress(n * len(INGEST_STAGES) + INGEST_STAGES.index(stage), total,
                              f"{name}: {STAGE_NL[stage]}{where}")

        reporter.results.append(_ingest_one(nl, job, agenda, extra if len(agendas) == 1 else {}, submitter,
                                            progress))
    reporter.progress(total, total, "klaar")
    errors = [f"{r.filename}: {r.message}" for r in reporter.results if r.status == "error"]
    return Outcome(status="failed" if errors else "done", results=reporter.results,
                   error="; ".join(errors) or None)


def _ingest_one(nl: Notulist, job: Job, agenda: JobFile, extra: dict[str, InputFile], submitter: Submitter,
                progress: Progress) -> FileResult:
    result = nl.ingest(InputFile(filename=agenda.filename, data=agenda.data), notes=extra.get("notes"),
                       clean_agenda=extra.get("clean_agenda"), series=job.series, year=job.year, progress=progress)
    if result.status == "error":
        return FileResult(filename=agenda.filename, status="error", message=_without_name(result))
    meeting = nl.store.get_meeting(result.meeting_id)
    who = ApiKey(submitter.key_id, submitter.role or "secretary", submitter.series, submitter.name) \
        if submitter.key_id else None
    if who is not None and not who.may_see(meeting.series):  # the parser named a series the key may not write
        if result.status == "new":
            nl.delete_meeting(meeting.id)
        return FileResult(filename=agenda.filename, status="error",
                          message=str(AccessDeniedError(f"Deze sleutel geeft geen toegang tot de reeks "
                                                        f"'{meeting.series}'.")))
    action = {"new": "upload", "replaced": "replace"}.get(result.status, "unchanged")
    audit.record(nl.store, action, key=who, meeting_id=meeting.id, detail=f"{agenda.filename} (taak {job.id})")
    return FileResult(filename=agenda.filename, status=result.status, meeting_id=meeting.id, warnings=result.warnings)


def _without_name(result: IngestResult) -> str:
    message = result.message or "onbekende fout"
    return message[len(result.filename) + 2:] if message.startswith(f"{result.filename}: ") else message
