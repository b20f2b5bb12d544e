"""The search snapshot at scale: questions never re-read the collection; a write anywhere (another
process sharing the store) is seen at the next question through the store-wide index version, and only
the meetings it touched are re-read; a new process loads the saved snapshot instead of rebuilding it; the
result is the same as reading everything again; postponement anchors are found per meeting."""

from __future__ import annotations

import pytest
from chromadb.api.models.Collection import Collection

from notulist.settings import Settings
from retrieval import snapshot as snapshots
from retrieval.index import SearchIndex
from service.pipeline import InputFile, Notulist
from tests.conftest import REPO, SEED_0306

DEV = REPO / "eval" / "data" / "dev" / "docs"
LINDE = DEV / "2025-09-04_bewonersoverleg-buurthuis-de-linde_verslag.md"
TENNIS = DEV / "2025-04-08_bestuur-tennisvereniging-de-kaats_notulen.txt"


@pytest.fixture
def full_reads(monkeypatch) -> list[int]:
    """Counts every read of all documents in a Chroma collection (what building a snapshot costs)."""
    calls: list[int] = []
    real_get = Collection.get

    def counting_get(self, *args, **kwargs):
        if "documents" in (kwargs.get("include") or []) and not kwargs.get("where") and not kwargs.get("ids") and not kwargs.get("offset"):
            calls.append(1)
        return real_get(self, *args, **kwargs)

    monkeypatch.setattr(Collection, "get", counting_get)
    return calls


def _cites(answer, meeting_id: str) -> bool:
    return any(c.meeting_id == meeting_id for c in answer.citations)


def test_questions_reuse_the_snapshot_until_a_write_anywhere_moves_the_version(settings, full_reads):
    one, other = Notulist(settings), Notulist(Settings(data_dir=settings.data_dir))  # two processes' views
    linde = one.ingest(InputFile.from_path(LINDE)).meeting_id
    assert _cites(one.ask("Wie vraagt een offerte aan voor de verlichting van de speeltuin?", use_llm=False), linde)
    for question in ("Wanneer is de burendag?", "Wat is er besloten over de openingstijden van het buurthuis?"):
        one.ask(question, use_llm=False)
    assert len(full_reads) == 1  # one snapshot for all three questions

    tennis = other.ingest(InputFile.from_path(TENNIS)).meeting_id  # written through the other view
    assert one.index.versions.index_version(one.index.identity) == 2
    answer = one.ask("Wat is er besloten over de offerte voor baan 3?", use_llm=False)
    assert _cites(answer, tennis) and len(full_reads) == 1  # caught up by reading the one new meeting
    assert one.index.snapshot().ids == one.index._read_all(2).ids  # the same as reading everything again


def test_a_new_process_loads_the_persisted_snapshot_with_the_same_results(settings, full_reads):
    app = Notulist(settings)
    for path in (LINDE, SEED_0306):
        app.ingest(InputFile.from_path(path))
    before = [(h.chunk.id, h.score) for h in app.index.search("offerte ledverlichting speeltuin", k=5)]
    assert len(full_reads) == 1
    fresh = SearchIndex(Settings(data_dir=settings.data_dir), embedder=app.index.embedder)
    after = [(h.chunk.id, h.score) for h in fresh.search("offerte ledverlichting speeltuin", k=5)]
    assert after == before and len(full_reads) == 1  # loaded from the data dir, not rebuilt

    gone = next(h.chunk.meeting_id for h in fresh.search("offerte ledverlichting speeltuin", k=1))
    fresh.delete_meeting(gone)  # a write: the saved snapshot is one version behind for everyone
    third = SearchIndex(Settings(data_dir=settings.data_dir), embedder=app.index.embedder)
    assert all(m["meeting_id"] != gone for m in third.snapshot().metadatas)
    assert all(h.chunk.meeting_id != gone for h in app.index.search("offerte ledverlichting speeltuin", k=5))
    assert len(full_reads) == 1  # both caught up from the saved or held snapshot with the deleted meeting
    assert third.snapshot().ids == app.index.snapshot().ids == third._read_all(third.snapshot().version).ids


def _meta(meeting: str, kind: str, item: str, start: int, end: int, heading: int = 0, source: str = "s") -> dict:
    return {"meeting_id": meeting, "kind": kind, "item": item, "start": start, "end": end, "heading": heading,
            "source_id": source}


def test_postponement_anchors_are_the_heading_and_the_text_before_the_mark_in_the_same_meeting():
    metas = [
        _meta("m1", "agenda", "3", 0, 100, heading=1),
        _meta("m1", "agenda", "3", 100, 180),
        _meta("m1", "note", "3", 185, 200),  # "Volgende keer."
        _meta("m2", "agenda", "3", 0, 190, heading=1),  # another meeting's item 3: never an anchor of m1
        _meta("m1", "agenda", "4", 210, 260, heading=1),
        _meta("m2", "note", "3", 195, 210),
    ]
    cues = [set(), set(), {"postponed"}, set(), set(), {"postponed"}]
    assert snapshots.postponed_anchors(metas, cues) == {2: [0, 1], 5: [3]}
