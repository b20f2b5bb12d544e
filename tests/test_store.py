"""The meeting store: idempotent saves, replacement in one transaction, keys, verslag versions."""

from __future__ import annotations

import datetime as dt

import pytest

from notulist.errors import AmbiguousReferenceError, NotFoundError
from notulist.models import (
    Action, AgendaItem, Citation, Extraction, Meeting, Note, ParsedDocument, Source, Verslag, stable_id,
)
from notulist.store import MeetingStore


def _parsed(text: str, *, date=dt.date(2024, 3, 11), filename="agenda.md") -> ParsedDocument:
    sid = stable_id(text, length=64)
    source = Source(id=sid, filename=filename, media_type="md", raw_text=text)
    start = text.index("Punt")
    note_at = text.index("akkoord")
    item = AgendaItem(
        number="1", title="Punt een", source_id=sid, start=start, end=len(text),
        title_start=start, title_end=start + 8,
        notes=[Note(id=stable_id(sid, note_at), item="1", text="akkoord", source_id=sid,
                    start=note_at, end=note_at + 7, method="heuristic")],
    )
    meeting = Meeting(id=stable_id("reeks", date, filename), series="Reeks", title="Reeks", date=date,
                      items=[item], source_ids=[sid])
    return ParsedDocument(meeting=meeting, sources=[source])


def test_save_is_idempotent_and_replaces_in_place(tmp_path):
    store = MeetingStore(f"sqlite:///{tmp_path}/s.db")
    first = _parsed("Punt een\nWe zijn akkoord.")
    assert store.save_parsed(first, {}) == "new"
    assert store.save_parsed(first, {}) == "unchanged"
    changed = _parsed("Punt een\nIedereen is akkoord.")
    assert store.save_parsed(changed, {}) == "replaced"
    meetings = store.list_meetings()
    assert [m.id for m in meetings] == [first.meeting.id]
    # the old source is gone with the replaced meeting; the new one is stored
    with pytest.raises(NotFoundError):
        store.get_source(first.sources[0].id)
    assert store.get_source(changed.sources[0].id).raw_text.startswith("Punt een")


def test_find_meeting_by_id_prefix_and_date(tmp_path):
    store = MeetingStore(f"sqlite:///{tmp_path}/s.db")
    a = _parsed("Punt een\nakkoord", filename="a.md")
    b = _parsed("Punt een\nniet akkoord", filename="b.md")
    store.save_parsed(a, {})
    assert store.find_meeting("2024-03-11").id == a.meeting.id
    assert store.find_meeting(a.meeting.id[:6]).id == a.meeting.id
    store.save_parsed(b, {})
    with pytest.raises(AmbiguousReferenceError):
        store.find_meeting("2024-03-11")
    with pytest.raises(NotFoundError):
        store.find_meeting("2030-01-01")


def test_action_done_survives_re_extraction(tmp_path):
    store = MeetingStore(f"sqlite:///{tmp_path}/s.db")
    parsed = _parsed("Punt een\nakkoord")
    store.save_parsed(parsed, {})
    m = parsed.meeting
    cit = Citation(meeting_id=m.id, quote="akkoord", source_id=m.source_ids[0], start=9, end=16)
    action = Action(id="a1", meeting_id=m.id, item="1", text="doen", owner="Peter", citation=cit)
    store.save_extraction(Extraction(meeting_id=m.id, actions=[action]))
    store.update_action(action.model_copy(update={"status": "done"}))
    store.save_extraction(Extraction(meeting_id=m.id, actions=[action]))
    assert store.get_extraction(m.id).actions[0].status == "done"
    assert [a.id for a in store.list_actions(owner="peter", status="done")] == ["a1"]
    assert store.list_actions(status="open") == []


def test_keys_are_hashed_and_roles_ranked(tmp_path):
    store = MeetingStore(f"sqlite:///{tmp_path}/s.db")
    key_id, plain = store.create_key("secretary", series=["Raad"])
    key = store.verify_key(plain)
    assert key.id == key_id and key.has_role("reader") and not key.has_role("admin")
    assert key.may_see("raad") and not key.may_see("Andere reeks")
    assert store.verify_key(plain + "x") is None
    store.revoke_key(key_id)
    assert store.verify_key(plain) is None
    with store.session() as s:
        from notulist.store import ApiKeyRow

        assert all(plain not in (r.key_hash or "") for r in s.query(ApiKeyRow))


def test_verslag_versions_are_kept(tmp_path):
    store = MeetingStore(f"sqlite:///{tmp_path}/s.db")
    v1 = store.save_verslag(Verslag(meeting_id="m", markdown="# Eerste"))
    v2 = store.save_verslag(Verslag(meeting_id="m", markdown="# Tweede"))
    assert (v1.version, v2.version) == (1, 2)
    assert store.latest_verslag("m").markdown == "# Tweede"
    assert [v.markdown for v in store.verslag_versions("m")] == ["# Eerste", "# Tweede"]
