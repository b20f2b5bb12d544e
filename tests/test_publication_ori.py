"""ORI export and import: the seeds exported as ODS Open Raadsinformatie 2.0 validate against the vendored
OpenAPI schema's components; export -> import into a fresh store keeps meetings, items and decisions, and
every imported quote is an exact span of the stored ORI record."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from notulist.errors import InputError
from notulist.settings import Settings
from service.pipeline import InputFile, Notulist
from service.publication import export_ori, import_ori
from summarise.ori.schema import COLLECTIONS, SCHEMA_FILE, validation_errors
from tests.seeded_store import seed_template, seeded  # noqa: F401 - fixtures


def _fresh(tmp_path, name: str) -> Notulist:
    return Notulist(Settings(data_dir=tmp_path / name))


def test_the_vendored_schema_is_the_vng_specification_with_its_licence():
    assert "Open Raads" in SCHEMA_FILE.read_text(encoding="utf-8")[:2000]
    licence = (SCHEMA_FILE.parent / "LICENSE.md").read_text(encoding="utf-8")
    assert "EUPL-1.2" in licence and "VNG-Realisatie/ODS-Open-Raadsinformatie" in licence


def test_the_validator_rejects_what_the_schema_forbids():
    assert validation_errors("Besluit", {"id": "b1", "url": "urn:notulist:besluit:b1"})  # no besluitresultaat
    bad_type = {"id": "v1", "url": "urn:x:v1", "vergaderingstype": "borrel"}
    assert any("vergaderingstype" in e for e in validation_errors("Vergadering", bad_type))
    too_long = {"id": "a1", "url": "urn:x:a1", "vergadering": {"id": "v1", "url": "urn:x:v1"},
                "agendapuntvolgnummer": "1234"}
    assert any("agendapuntvolgnummer" in e for e in validation_errors("Agendapunt", too_long))


def test_export_of_the_seeds_validates_against_the_schema(seeded):
    meetings = seeded.store.list_meetings()
    bundle = export_ori(seeded, meetings)
    for collection, component in COLLECTIONS.items():
        assert bundle[collection], collection
        for obj in bundle[collection]:
            assert validation_errors(component, obj) == [], (collection, obj["id"])
    assert len(bundle["vergaderingen"]) == 2
    assert len(bundle["agendapunten"]) == sum(len(m.items) for m in meetings)
    extractions = [seeded.extraction(m.id) for m in meetings]
    expected = sum(len(e.decisions) + len(e.actions) + len(e.postponed) for e in extractions)
    assert len(bundle["besluiten"]) == expected
    # agendapunten: volgnummer is the order, kenmerk the number as written, sub-items point at their parent
    ids = {a["id"] for a in bundle["agendapunten"]}
    subs = [a for a in bundle["agendapunten"] if "hoofdagendapunt" in a]
    assert subs and all(a["hoofdagendapunt"]["id"] in ids for a in subs)
    march11 = next(v for v in bundle["vergaderingen"] if v["vergaderdatum"] == "2024-03-11")
    assert march11["aanvangVergadering"] == "2024-03-11T15:30:00" and march11["locatie"] == "Kamer 2C4"
    # actions are toezeggingen with their status; a postponed item is 'Aangehouden' and not behandeld
    toezeggingen = [b for b in bundle["besluiten"] if "toezegging" in b]
    assert len(toezeggingen) == sum(len(e.actions) for e in extractions)
    assert {b["besluitresultaat"] for b in toezeggingen} == {"Toezegging (open)"}
    assert any(b["toezegging"].startswith("Peter: ") and "morgen" in b["toezegging"] for b in toezeggingen)
    assert any(b["besluitresultaat"] == "Peter is akkoord" for b in bundle["besluiten"])
    assert sum(b["besluitresultaat"] == "Aangehouden" for b in bundle["besluiten"]) == 2
    assert any(a.get("indicatorBehandeld") is False for a in bundle["agendapunten"])
    # nothing redacted is ever named: the raw marks are shown as tokens
    assert "5.1, 2, e" not in json.dumps([b["besluitresultaat"] for b in bundle["besluiten"]], ensure_ascii=False)


def test_a_done_action_exports_as_afgedaan(seeded):
    meeting = seeded.store.find_meeting("2024-03-11")
    action = seeded.extraction(meeting.id).actions[0]
    seeded.store.update_action(action.model_copy(update={"status": "done"}))
    besluiten = export_ori(seeded, [meeting])["besluiten"]
    done = [b for b in besluiten if b["x-notulist"].get("tekst") == action.text]
    assert [b["besluitresultaat"] for b in done] == ["Toezegging (afgedaan)"]


def _summary(app: Notulist):
    found = []
    for m in sorted(app.store.list_meetings(), key=lambda m: m.date):
        e = app.extraction(m.id)
        found.append({
            "meeting": (m.series, m.title, m.date, m.location, m.time),
            "items": [(i.number, i.title, i.parent) for i in m.items],
            "decisions": sorted((d.item, d.text) for d in e.decisions),
            "actions": sorted((a.item, a.text, a.owner, a.owner_redacted, a.due, a.due_date, a.status) for a in e.actions),
            "postponed": sorted(p.item for p in e.postponed),
        })
    return found


def test_export_import_round_trip_keeps_meetings_items_and_decisions(seeded, tmp_path):
    data = json.dumps(export_ori(seeded, seeded.store.list_meetings()), ensure_ascii=False).encode("utf-8")
    target = _fresh(tmp_path, "other")
    results = import_ori(target, "reeks.json", data)
    assert [r.status for r in results] == ["new", "new"]
    assert _summary(target) == _summary(seeded)
    for meeting in target.store.list_meetings():
        sources = target.store.sources_for(meeting)
        assert [s.media_type for s in sources.values()] == ["ori"]
        e = target.extraction(meeting.id)
        for c in [d.citation for d in e.decisions] + [a.citation for a in e.actions]:
            assert sources[c.source_id].raw_text[c.start:c.end] == c.quote
        # derived again from the stored record, the extraction is the one imported
        assert target.refresh_extraction(meeting).decisions == e.decisions
    assert [r.status for r in import_ori(target, "reeks.json", data)] == ["unchanged", "unchanged"]
    answer = target.ask("Wie tekent de offerte?", use_llm=False)
    assert answer.found and "Peter tekent" in answer.citations[0].quote


def test_an_invalid_ori_file_is_refused_whole_and_stores_nothing(seeded, tmp_path):
    bundle = export_ori(seeded, seeded.store.list_meetings())
    del bundle["besluiten"][3]["besluitresultaat"]
    target = _fresh(tmp_path, "other")
    with pytest.raises(InputError, match=r"besluiten\[3\].*besluitresultaat"):
        import_ori(target, "kapot.json", json.dumps(bundle).encode())
    with pytest.raises(InputError, match="geen geldige JSON"):
        import_ori(target, "kapot.json", b"{niet: json")
    with pytest.raises(InputError, match="geen enkele vergadering"):
        import_ori(target, "leeg.json", b'{"vergaderingen": []}')
    assert target.store.list_meetings() == []


def test_a_foreign_ori_file_links_besluiten_through_stemmingen(tmp_path):
    ref = lambda kind, i: {"id": i, "url": f"https://raad.example/{kind}/{i}"}  # noqa: E731
    bundle = {
        "vergaderingen": [{**ref("vergaderingen", "v1"), "naam": "Raadsvergadering", "vergaderdatum": "2023-06-29",
                           "vergaderingstype": "raadsvergadering", "status": "gehouden"}],
        "agendapunten": [{**ref("agendapunten", "a1"), "vergadering": ref("vergaderingen", "v1"),
                          "agendapuntKenmerk": "7", "agendapuntvolgnummer": "1",
                          "agendapuntTitel": "Verordening parkeerbelastingen"}],
        "besluiten": [{**ref("besluiten", "b1"), "besluitresultaat": "Aangenomen",
                       "besluittoelichting": "Met 21 stemmen voor en 8 tegen."}],
        "stemmingen": [{**ref("stemmingen", "s1"), "agendapunt": ref("agendapunten", "a1"),
                        "besluit": ref("besluiten", "b1")}],
    }
    target = _fresh(tmp_path, "raad")
    [result] = import_ori(target, "raad.json", json.dumps(bundle).encode())
    meeting = target.store.get_meeting(result.meeting_id)
    assert [(i.number, i.title) for i in meeting.items] == [("7", "Verordening parkeerbelastingen")]
    [decision] = target.extraction(meeting.id).decisions
    assert (decision.item, decision.text, decision.citation.quote) == ("7", "Aangenomen", "Aangenomen")


def test_cli_exports_a_meeting_and_a_series_and_imports_them(seeded, tmp_path, monkeypatch):
    from service.cli import main

    runner = CliRunner()
    out = tmp_path / "vergadering.json"
    done = runner.invoke(main, ["export", "2024-03-11", "--format", "ori", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["vergaderingen"]) == 1
    series = runner.invoke(main, ["export", "--series", "Voortgangsoverleg inclusie en diversiteit"])
    assert series.exit_code == 0 and len(json.loads(series.stdout)["vergaderingen"]) == 2
    monkeypatch.setenv("NOTULIST_DATA_DIR", str(tmp_path / "elders"))
    imported = runner.invoke(main, ["import", "--format", "ori", str(out)])
    assert imported.exit_code == 0, imported.output
    assert "new" in imported.stdout
    shown = runner.invoke(main, ["extract", "2024-03-11", "--json"])
    assert shown.exit_code == 0 and "Peter is akkoord" in shown.stdout
    bad = tmp_path / "bad.json"
    bad.write_text('{"vergaderingen": [{"id": "x"}]}', encoding="utf-8")
    refused = runner.invoke(main, ["import", str(bad)])
    assert refused.exit_code == 1 and "geen geldig ORI-bestand" in refused.stderr and "Traceback" not in refused.output


def test_api_serves_ori_json_per_meeting_and_series_to_keys_that_may_see_it(seeded, settings):
    from service.app import create_app

    client = TestClient(create_app(settings))
    _, reader = seeded.store.create_key("reader")
    _, other = seeded.store.create_key("reader", series=["Andere reeks"])
    meeting = seeded.store.find_meeting("2024-03-11")
    assert client.get(f"/api/meetings/{meeting.id}/ori.json").status_code == 401
    ok = client.get(f"/api/meetings/{meeting.id}/ori.json", headers={"Authorization": f"Bearer {reader}"})
    assert ok.status_code == 200
    assert all(validation_errors("Agendapunt", a) == [] for a in ok.json()["agendapunten"])
    assert client.get(f"/api/meetings/{meeting.id}/ori.json", headers={"Authorization": f"Bearer {other}"}).status_code == 403
    series = client.get("/api/ori.json", params={"series": meeting.series}, headers={"Authorization": f"Bearer {reader}"})
    assert series.status_code == 200 and len(series.json()["vergaderingen"]) == 2
    assert client.get("/api/meetings/onbekend/ori.json", headers={"Authorization": f"Bearer {reader}"}).status_code == 404


def test_api_imports_an_ori_file_for_a_secretary(seeded, tmp_path):
    from service.app import create_app

    data = json.dumps(export_ori(seeded, seeded.store.list_meetings()), ensure_ascii=False).encode("utf-8")
    target = Settings(data_dir=tmp_path / "elders")
    client = TestClient(create_app(target))
    store = Notulist(target).store
    _, secretary = store.create_key("secretary")
    _, reader = store.create_key("reader")
    files = {"file": ("reeks.json", data, "application/json")}
    assert client.post("/api/ori/import", files=files, headers={"Authorization": f"Bearer {reader}"}).status_code == 403
    bad = client.post("/api/ori/import", files={"file": ("x.json", b"[]", "application/json")},
                      headers={"Authorization": f"Bearer {secretary}"})
    assert bad.status_code == 422 and "geen geldig ORI-bestand" in bad.json()["detail"]
    done = client.post("/api/ori/import", files=files, headers={"Authorization": f"Bearer {secretary}"})
    assert done.status_code == 200, done.text
    assert [r["status"] for r in done.json()] == ["new", "new"]
    assert len(store.list_meetings()) == 2
