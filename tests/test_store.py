"""The meeting store contract, on SQLite and on a real PostgreSQL: idempotent saves, replacement in one
transaction, keys, verslag versions, and the Alembic migrations that build (and upgrade) the schema."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from notulist.errors import AmbiguousReferenceError, NotFoundError
from notulist.models import (
    Action, AgendaItem, Citation, Extraction, Meeting, Note, ParsedDocument, Source, Verslag, stable_id,
)
from notulist.store import MeetingStore
from tests.postgres import postgres_server, postgres_url  # noqa: F401  (fixtures)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path) -> str:
    if request.param == "postgresql":
        return request.getfixturevalue("postgres_url")
    return f"sqlite:///{tmp_path}/s.db"


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


def test_save_is_idempotent_and_replaces_in_place(store_url):
    store = MeetingStore(store_url)
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


def test_find_meeting_by_id_prefix_and_date(store_url):
    store = MeetingStore(store_url)
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


def test_action_done_survives_re_extraction(store_url):
    store = MeetingStore(store_url)
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


def test_keys_are_hashed_and_roles_ranked(store_url):
    store = MeetingStore(store_url)
    key_id, plain = store.create_key("secretary", series=["Raad"])
    key = store.verify_key(plain)
    assert key.id == key_id and key.has_role("reader") and not key.has_role("admin")
    assert key.may_see("raad") and not key.may_see("Andere reeks")
    assert store.verify_key(plain + "x") is None
    store.revoke_key(key_id)
    assert store.verify_key(plain) is None
    with store.session() as s:
        from notulist.store_rows import ApiKeyRow

        assert all(plain not in (r.key_hash or "") for r in s.query(ApiKeyRow))


def test_verslag_versions_are_kept(store_url):
    store = MeetingStore(store_url)
    v1 = store.save_verslag(Verslag(meeting_id="m", markdown="# Eerste"))
    v2 = store.save_verslag(Verslag(meeting_id="m", markdown="# Tweede"))
    assert (v1.version, v2.version) == (1, 2)
    assert store.latest_verslag("m").markdown == "# Tweede"
    assert [v.markdown for v in store.verslag_versions("m")] == ["# Eerste", "# Tweede"]


def test_meeting_for_sources_is_the_meeting_of_exactly_those_files(store_url):
    store = MeetingStore(store_url)
    a = _parsed("Punt een\nakkoord", filename="a.md")
    store.save_parsed(a, {})
    assert store.meeting_for_sources(a.meeting.source_ids) == a.meeting.id
    assert store.meeting_for_sources([*a.meeting.source_ids, "f" * 64]) is None
    assert store.meeting_for_sources(["0" * 64]) is None
    assert store.meeting_for_sources([]) is None


def test_migrations_build_exactly_the_schema_of_the_models(store_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from notulist import migrations
    from notulist.store_rows import Base

    store = MeetingStore(store_url)
    with store.engine.connect() as conn:
        assert migrations.current(conn) == {migrations.head()}
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    MeetingStore(store_url)  # opening a store at head again changes nothing
    with store.engine.connect() as conn:
        assert migrations.current(conn) == {migrations.head()}


def test_a_store_made_before_migrations_is_stamped_and_upgraded_with_its_data(store_url, monkeypatch):
    from alembic import command
    from sqlalchemy import create_engine, inspect, text

    from notulist import migrations

    with create_engine(store_url).begin() as conn:  # what the build before migrations made: the baseline tables
        command.upgrade(migrations._config(conn), migrations.BASELINE)
        conn.execute(text("DROP TABLE alembic_version"))
    with monkeypatch.context() as old_build:
        old_build.setattr(migrations, "upgrade", lambda engine: None)
        old = MeetingStore(store_url)
        parsed = _parsed("Punt een\nWe zijn akkoord.")
        with old.engine.begin() as conn:  # the old build's rows (its model had no index state: plain SQL)
            _old_build_rows(conn, parsed)
        with old.engine.connect() as conn:
            assert migrations.current(conn) == set()
            assert "ix_meeting_sources_source_id" not in {i["name"] for i in inspect(conn).get_indexes("meeting_sources")}
    store = MeetingStore(store_url)
    with store.engine.connect() as conn:
        assert migrations.current(conn) == {migrations.head()}
        assert "ix_meeting_sources_source_id" in {i["name"] for i in inspect(conn).get_indexes("meeting_sources")}
    assert [m.id for m in store.list_meetings()] == [parsed.meeting.id]
    assert store.meeting_for_sources(parsed.meeting.source_ids) == parsed.meeting.id
    assert store.bump_index_version("chunks") == 1
    assert store.pending_meetings() == [parsed.meeting.id]  # migration 0006: old meetings get their index checked


def _old_build_rows(conn, parsed: ParsedDocument) -> None:
    from sqlalchemy import text

    m, src, now = parsed.meeting, parsed.sources[0], dt.datetime(2024, 1, 1)
    conn.execute(text("INSERT INTO sources (id, filename, media_type, content, raw_text, model_json, created_at) "
                      "VALUES (:id, :fn, 'md', :content, :raw, :json, :now)"),
                 {"id": src.id, "fn": src.filename, "content": b"", "raw": src.raw_text,
                  "json": src.model_dump_json(), "now": now})
    conn.execute(text("INSERT INTO meetings (id, series, title, date, source_ids, model_json, created_at, updated_at) "
                      "VALUES (:id, :series, :title, :date, :sids, :json, :now, :now)"),
                 {"id": m.id, "series": m.series, "title": m.title, "date": m.date, "sids": json.dumps(m.source_ids),
                  "json": m.model_dump_json(), "now": now})
    conn.execute(text("INSERT INTO meeting_sources (meeting_id, source_id, role) VALUES (:m, :s, 'agenda')"),
                 {"m": m.id, "s": src.id})


def test_real_documents_round_trip_exactly(store_url, tmp_path):
    """Every dev-set document (md, txt, html, docx, pdf, eml) parsed, stored with its extraction, and read back
    unchanged: lengths, dates, JSON and bytes survive the engine."""
    from ingest.loaders import load_document
    from ingest.parser import parse_meeting
    from notulist.settings import Settings
    from service.pipeline import Notulist
    from tests.conftest import REPO

    app = Notulist(Settings(data_dir=tmp_path / "data", store_url=store_url))
    stored: dict[str, tuple[Meeting, bytes]] = {}
    extracted = 0
    for path in sorted((REPO / "eval" / "data" / "dev" / "docs").iterdir()):
        data = path.read_bytes()
        source = load_document(path.name, data, settings=app.settings, role="agenda")
        meeting = parse_meeting(source)
        assert app.store.save_parsed(ParsedDocument(meeting=meeting, sources=[source]), {source.id: data}) == "new"
        app.refresh_extraction(meeting, app.store.sources_for(meeting), use_llm=False)
        stored[meeting.id] = (meeting, data)
        extracted += len(app.store.get_extraction(meeting.id).actions)
    assert len(stored) == 13
    for meeting_id, (meeting, data) in stored.items():
        assert app.store.get_meeting(meeting_id) == meeting
        assert app.store.get_source_bytes(meeting.source_ids[0]) == data
    assert extracted > 0 and len(app.store.list_actions()) == extracted


def test_index_versions_count_every_write_across_store_instances(store_url):
    import threading

    first, second = MeetingStore(store_url), MeetingStore(store_url)  # two processes' views of one store
    assert first.index_version("chunks") == 0
    assert first.bump_index_version("chunks") == 1
    assert second.index_version("chunks") == 1
    threads = [threading.Thread(target=(first if i % 2 else second).bump_index_version, args=("chunks",))
               for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert first.index_version("chunks") == second.index_version("chunks") == 9
    assert first.index_version("other") == 0


def test_index_changes_name_the_meetings_each_version_touched(store_url):
    store = MeetingStore(store_url)
    assert store.bump_index_version("chunks", ["m1"]) == 1
    assert store.bump_index_version("chunks", ["m2", "m1"]) == 2
    assert store.bump_index_version("chunks", []) == 3
    assert store.index_changes("chunks", 0, 3) == {"m1", "m2"}
    assert store.index_changes("chunks", 2, 3) == set() and store.index_changes("chunks", 3, 3) == set()
    assert store.index_changes("chunks", 1, 2) == {"m1", "m2"}
    store.bump_index_version("chunks")  # a reset: everything changed
    assert store.index_changes("chunks", 3, 4) is None and store.index_changes("chunks", 0, 2) == {"m1", "m2"}
    assert store.index_changes("chunks", 2, 9) is None  # versions nobody recorded: not known
