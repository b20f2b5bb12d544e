"""The store is the system of record, the search index is derived: this module keeps them in step.

- `finish_pending`: every meeting whose chunks are not (yet) in the index is indexed; ingest, `serve`
  start-up and `reindex` call it, so a run killed half-way is finished by the next one.
- `check`: store against index (pending meetings, meetings without chunks, orphan chunks, chunks made
  with another embedder or chunk size, extractions made with other language data); `repair=True` fixes
  what it finds.
- `rebuild`: a new collection beside the old one, one meeting (below Chroma's batch limit) at a time;
  the old one is only replaced when the new one is complete, so a crash leaves the old index in use.
- `open_index`: an unreadable local Chroma folder is set aside (renamed, never deleted) and rebuilt.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Protocol

from pydantic import BaseModel

from notulist.errors import ConfigError
from notulist.models import Chunk, Extraction, Meeting
from notulist.nl import lexicon
from notulist.settings import Settings
from notulist.store import MeetingStore
from retrieval.index import SearchIndex


class Notulist(Protocol):
    """What this module uses of service.pipeline.Notulist (which imports this module)."""

    settings: Settings
    store: MeetingStore
    index: SearchIndex

    def finish(self, meeting_id: str) -> list[str]: ...
    def index_meeting(self, meeting: Meeting) -> int: ...
    def chunks_for(self, meeting: Meeting) -> list[Chunk]: ...
    def refresh_extraction(self, meeting: Meeting) -> Extraction: ...

log = logging.getLogger("notulist")
REBUILD_SUFFIX = "-opbouw"


class CheckReport(BaseModel):
    """What `notulist check` (and /health) report; `consistent` when nothing needs repair."""

    consistent: bool
    meetings: int
    chunks: int | None = None
    pending: list[str] = []
    without_chunks: list[str] = []
    orphan_meetings: list[str] = []
    orphan_chunks: int = 0
    stale_index: list[str] = []
    stale_rules: list[str] = []
    index_problem: str | None = None
    repaired: list[str] = []

    def summary(self) -> str:
        """One Dutch sentence per finding (empty when consistent)."""
        parts = []
        if self.index_problem:
            parts.append(self.index_problem)
        for ids, what in ((self.pending, "nog niet in de zoekindex (pending)"),
                          (self.without_chunks, "zonder tekstdelen in de zoekindex"),
                          (self.stale_index, "geïndexeerd met een ander embeddingmodel of andere chunkgrootte"),
                          (self.stale_rules, "met besluiten/acties van een oudere versie van de taalregels"),
                          (self.orphan_meetings, "alleen nog in de index, niet meer in de opslag")):
            if ids:
                parts.append(f"{len(ids)} vergadering(en) {what}: {', '.join(ids[:5])}{' ...' if len(ids) > 5 else ''}")
        if self.orphan_chunks:
            parts.append(f"{self.orphan_chunks} tekstdeel/delen in de index zonder vergadering in de opslag")
        return "\n".join(parts)


def index_signature(nl: Notulist) -> str:
    """What the chunks in the index depend on besides the text: embedder and chunk size."""
    s = nl.settings
    return f"{nl.index.embedder.model_id}|{s.chunk_tokens}/{s.chunk_overlap_tokens}"


def open_index(nl: Notulist) -> str | None:
    """Make sure the index can be read. An unreadable local Chroma folder is renamed aside and an
    empty one started (every meeting then pending); returns the message saying so, else None."""
    try:
        nl.index.count()
        return None
    except ConfigError:
        raise
    except Exception as exc:
        if nl.settings.chroma_url:
            raise ConfigError(f"De zoekindex op {nl.settings.chroma_url} is onleesbaar ({exc}); "
                              "herstel de Chroma-server of draai 'notulist reindex'.") from exc
        return _set_aside(nl, exc)


def _set_aside(nl: Notulist, exc: Exception) -> str:
    from chromadb.api.client import SharedSystemClient

    path = nl.settings.chroma_path
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.onleesbaar-{stamp}")
    SharedSystemClient.clear_system_cache()  # forget the broken client for this path
    if path.exists():
        path.rename(aside)
    nl.__dict__.pop("index", None)
    nl.store.mark_pending(None)
    message = (f"De zoekindex in {path} was onleesbaar ({type(exc).__name__}: {exc}); opzijgezet als "
               f"{aside.name} (niet verwijderd) en opnieuw opgebouwd uit de opslag.")
    log.warning(message)
    return message


def finish_pending(nl: Notulist) -> list[str]:
    """Complete every pending meeting (extraction if missing, chunks in the index); returns their ids.
    A meeting that fails stays pending."""
    done = []
    for meeting_id in nl.store.pending_meetings():
        try:
            warnings = nl.finish(meeting_id)
        except Exception:  # deleted meanwhile
            log.exception("finishing %s failed", meeting_id)
            continue
        if not warnings:
            done.append(meeting_id)
    return done


def check(nl: Notulist, *, repair: bool = False) -> CheckReport:
    """Compare store and index; with `repair`, fix what was found and check again."""
    problem = open_index(nl) if repair else _index_problem(nl)
    report = _compare(nl) if problem is None or repair else CheckReport(
        consistent=False, meetings=len(nl.store.index_states()), index_problem=problem)
    if not repair:
        return report
    repaired = [problem] if problem else []
    repaired += _repair(nl, report)
    final = _compare(nl)
    final.repaired = repaired
    return final


def _index_problem(nl: Notulist) -> str | None:
    try:
        nl.index.count()
        return None
    except ConfigError as exc:
        return str(exc)
    except Exception as exc:
        return (f"De zoekindex is onleesbaar ({type(exc).__name__}: {exc}); 'notulist check --repair' zet "
                "hem opzij en bouwt hem opnieuw op uit de opslag.")


def _compare(nl: Notulist) -> CheckReport:
    states = nl.store.index_states()
    got = nl.index.collection.get(include=["metadatas"])
    per_meeting: dict[str, int] = {}
    for meta in got["metadatas"]:
        mid = (meta or {}).get("meeting_id", "")
        per_meeting[mid] = per_meeting.get(mid, 0) + 1
    signature = index_signature(nl)
    rules = lexicon().version
    extractions = nl.store.extraction_versions()
    pending = sorted(m for m, (status, _) in states.items() if status != "indexed")
    report = CheckReport(
        consistent=True, meetings=len(states), chunks=len(got["ids"]), pending=pending,
        without_chunks=sorted(m for m in states if m not in per_meeting and m not in pending),
        orphan_meetings=sorted(m for m in per_meeting if m not in states),
        stale_index=sorted(m for m, (status, sig) in states.items() if status == "indexed" and sig != signature),
        stale_rules=sorted(m for m in states if extractions.get(m, "") != rules),
    )
    report.orphan_chunks = sum(per_meeting[m] for m in report.orphan_meetings)
    report.consistent = not (report.pending or report.without_chunks or report.orphan_meetings
                             or report.stale_index or report.stale_rules)
    return report


def _repair(nl: Notulist, report: CheckReport) -> list[str]:
    done = []
    signature = index_signature(nl)
    for meeting_id in report.orphan_meetings:
        nl.index.delete_meeting(meeting_id)
    if report.orphan_meetings:
        done.append(f"{report.orphan_chunks} verweesde tekstdelen verwijderd")
    for meeting_id in sorted(set(report.pending) | set(report.without_chunks) | set(report.stale_index)):
        nl.index_meeting(nl.store.get_meeting(meeting_id))
        nl.store.mark_indexed(meeting_id, signature)
        done.append(f"{meeting_id} opnieuw geïndexeerd")
    for meeting_id in report.stale_rules:
        nl.refresh_extraction(nl.store.get_meeting(meeting_id))
        done.append(f"{meeting_id}: besluiten en acties opnieuw afgeleid")
    return done


def rebuild(nl: Notulist) -> int:
    """Build the whole index in a new collection beside the old one and swap when it is complete."""
    open_index(nl)
    main = nl.settings.collection
    building = SearchIndex(nl.settings.model_copy(update={"collection": main + REBUILD_SUFFIX}))
    building.reset()  # a half-built collection from an interrupted rebuild
    signature = index_signature(nl)
    meetings = nl.store.list_meetings()
    for meeting in meetings:
        building.upsert(meeting, nl.chunks_for(meeting))
    total = building.count()
    nl.index.reset()  # from here until the rename (one call) the old collection is gone
    building.client.get_collection(main + REBUILD_SUFFIX).modify(name=main)
    for meeting in meetings:
        nl.store.mark_indexed(meeting.id, signature)
    return total
