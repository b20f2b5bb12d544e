"""Issue 15: listing answers (postponed items, a person's tasks) are indexed store queries with a limit and
the body named in the question as a filter: their work does not grow with the corpus. Real store, parser
and rule engine on generated meetings (benchmarks/scale/generate.py); work is counted, never timed."""

from __future__ import annotations

import pytest

from benchmarks.scale.generate import all_series, meeting_document
from ingest.loaders import load_document
from ingest.parser import parse_meeting
from notulist.models import ParsedDocument
from notulist.settings import Settings
from notulist.store import MeetingStore
from retrieval import listings
from retrieval.intent import detect_intent
from retrieval.quotes import Context
from summarise.extract import extract_meeting

N = 80


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> MeetingStore:
    settings = Settings(data_dir=tmp_path_factory.mktemp("listings"))
    store = MeetingStore.from_settings(settings)
    series = all_series(15)
    for i in range(N):
        doc = meeting_document(15, i, series)
        data = doc.text.encode("utf-8")
        source = load_document(doc.filename, data, settings=settings, role="agenda")
        meeting = parse_meeting(source)
        store.save_parsed(ParsedDocument(meeting=meeting, sources=[source]), {source.id: data})
        store.save_extraction(extract_meeting(meeting, {source.id: source}))
    return store


class Counting(Context):
    """A Context that counts the meetings and extractions it reads from the store."""

    def __init__(self, store):
        super().__init__(store)
        self.reads = 0

    def meeting(self, meeting_id):
        self.reads += meeting_id not in self.meetings
        return super().meeting(meeting_id)

    def extraction(self, meeting_id):
        self.reads += meeting_id not in self.extractions
        return super().extraction(meeting_id)


def _all_postponed(store: MeetingStore) -> list:
    return [(m, p) for m in store.list_meetings() for p in (store.get_extraction(m.id).postponed)]


def test_postponed_items_are_rows_of_the_store_in_step_with_the_extraction(store):
    everything = _all_postponed(store)
    total, recent = store.recent_postponed(limit=10_000)
    assert total == len(everything) > listings.MAX_POSTPONED
    assert [p.id for p in recent] == [p.id for _, p in everything]  # date order, as the extractions list them
    meeting, _ = everything[0]
    store.delete_meeting(meeting.id)
    assert store.recent_postponed(limit=10_000)[0] == total - sum(1 for m, _ in everything if m.id == meeting.id)


def test_postponed_answer_reads_only_the_meetings_it_shows(store):
    ctx = Counting(store)
    answer = listings.answer_postponed("Welke punten zijn doorgeschoven?", {}, ctx, [])
    assert answer is not None and answer.found
    assert ctx.reads <= listings.MAX_POSTPONED < len(store.list_meetings())
    assert any("meest recente" in w for w in answer.warnings)
    shown = {c.meeting_id for c in answer.citations}
    newest = sorted(store.list_meetings(), key=lambda m: m.date)[-1]
    assert newest.id in shown or not store.get_extraction(newest.id).postponed


def test_tasks_answer_parses_only_the_actions_it_shows(store, monkeypatch):
    owners = [a.owner for a in store.list_actions() if a.owner]
    first = max({o.split()[0] for o in owners}, key=lambda f: sum(o.startswith(f) for o in owners))
    question = f"Welke acties heeft {first}?"
    intent = detect_intent(question)
    assert intent.kind == "tasks" and intent.person == first
    monkeypatch.setattr(listings, "MAX_ACTIONS", 5)  # fewer than this name has in 80 meetings
    parsed = []
    real = store.actions_by_id
    monkeypatch.setattr(store, "actions_by_id", lambda ids: parsed.extend(ids) or real(ids))
    answer = listings.answer_tasks(question, intent, Counting(store), series=None, since=None,
                                   allowed_series=None, warnings=[])
    assert answer is not None and answer.found
    matching = store.list_actions(owner=first)
    assert len(matching) > listings.MAX_ACTIONS  # more than one answer shows
    assert len(parsed) == len(answer.citations) == listings.MAX_ACTIONS
