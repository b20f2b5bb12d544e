"""The secretary's routes through the real app (FastAPI TestClient): the verslag saved as a document (the
Markdown and the Word file are made from it), the actielijst with filters and exports, the next agenda,
and the redaction spans the page derives its display form from."""

from __future__ import annotations

import io

import pytest
from docx import Document
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from notulist.models import ParsedDocument
from service.app import create_app
from service.pipeline import Notulist

from conftest import SEED_0306, SEED_0311

SERIES = "Voortgangsoverleg inclusie en diversiteit"


@pytest.fixture
def svc(settings):
    ctx = Notulist(settings)
    for path in (SEED_0306, SEED_0311):
        source = load_document(path.name, path.read_bytes(), settings=settings)
        meeting = parse_meeting(source)
        ctx.store.save_parsed(ParsedDocument(meeting=meeting, sources=[source]), {source.id: path.read_bytes()})
        ctx.refresh_extraction(meeting, {source.id: source})
    keys = {"secretary": ctx.store.create_key("secretary", name="Anna")[1], "reader": ctx.store.create_key("reader")[1],
            "other": ctx.store.create_key("reader", series=["Andere reeks"])[1]}
    client = TestClient(create_app(settings))
    return client, keys, ctx.store.find_meeting("2024-03-11")


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_saved_document_makes_the_markdown_and_the_word_file(svc):
    client, keys, meeting = svc
    draft = client.get(f"/api/meetings/{meeting.id}/verslag", headers=auth(keys["reader"])).json()
    assert draft["saved"] is False and draft["document"]["sections"]
    doc = draft["document"]
    doc["sections"][3]["edited_text"] = "Peter kan zich vinden in de aanpak."
    doc["actions"].append({"text": "Anna plant de stuurgroep in.", "owner": "Anna", "deadline": "2024-03-20"})
    verkennen = next(a for a in doc["actions"] if a["text"].startswith("We gaan dit punt verkennen"))
    verkennen.update(owner="Anna", deadline="2024-04-01")
    doc["decisions"] = doc["decisions"][:1]
    assert client.put(f"/api/meetings/{meeting.id}/verslag", headers=auth(keys["reader"]), json={"document": doc}).status_code == 403
    saved = client.put(f"/api/meetings/{meeting.id}/verslag", headers=auth(keys["secretary"]),
                       json={"document": doc, "base_version": 0})
    assert saved.status_code == 200, saved.text
    body = saved.json()
    assert body["version"] == 1 and body["author"] == "Anna" and "Peter kan zich vinden in de aanpak." in body["markdown"]
    # the owner and deadline changed in the verslag are the actielijst's too
    rows = client.get("/api/actielijst", params={"owner": "Anna"}, headers=auth(keys["reader"])).json()["rows"]
    assert [(r["onderwerp"], r["deadline"]) for r in rows] == [("We gaan dit punt verkennen.", "2024-04-01")]
    again = client.get(f"/api/meetings/{meeting.id}/verslag", headers=auth(keys["reader"])).json()
    assert again["saved"] and again["document"]["sections"][3]["edited_text"] == "Peter kan zich vinden in de aanpak."
    word = Document(io.BytesIO(client.get(f"/api/meetings/{meeting.id}/verslag.docx", headers=auth(keys["reader"])).content))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert "Anna plant de stuurgroep in." in cells and "20 maart 2024" in cells
    assert len(word.tables[0].rows) == 2  # header + the one decision kept
    assert client.put(f"/api/meetings/{meeting.id}/verslag", headers=auth(keys["secretary"]), json={}).status_code == 422
    stale = client.put(f"/api/meetings/{meeting.id}/verslag", headers=auth(keys["secretary"]),
                       json={"document": doc, "base_version": 0})
    assert stale.status_code == 409


def test_actielijst_filters_and_exports(svc):
    client, keys, _ = svc
    data = client.get("/api/actielijst", params={"owner": "peter"}, headers=auth(keys["reader"])).json()
    assert data["rows"] and all(r["actiehouder"] == "Peter" for r in data["rows"])
    assert sum(data["counts"].values()) == len(data["rows"])
    assert all(r["bron"].startswith(SERIES + ", ") for r in data["rows"])
    xlsx = client.get("/api/actielijst/export", params={"format": "xlsx"}, headers=auth(keys["reader"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]][:3] == ["Nr", "Onderwerp", "Actiehouder"] and sheet.max_row > 5
    csv = client.get("/api/actielijst/export", params={"format": "csv", "status": "verlopen"}, headers=auth(keys["reader"]))
    assert csv.status_code == 200 and csv.text.splitlines()[0].lstrip("\ufeff").startswith("Nr;Onderwerp")
    assert client.get("/api/actielijst", params={"status": "klaar"}, headers=auth(keys["reader"])).status_code == 422
    assert client.get("/api/actielijst", params={"series": SERIES}, headers=auth(keys["other"])).status_code == 403
    assert client.get("/api/actielijst", headers=auth(keys["other"])).json()["rows"] == []


def test_next_agenda_and_redaction_spans(svc):
    client, keys, meeting = svc
    out = client.get(f"/api/series/{SERIES}/next-agenda", headers=auth(keys["reader"])).json()
    assert any(p["title"].startswith("Proces herijking") for p in out["agenda"]["postponed"])
    assert out["markdown"].startswith(f"# Agenda {SERIES}")
    word = client.get(f"/api/series/{SERIES}/next-agenda.docx", headers=auth(keys["reader"]))
    assert word.status_code == 200 and Document(io.BytesIO(word.content)).paragraphs
    assert client.get("/api/series/Bestaat niet/next-agenda", headers=auth(keys["reader"])).status_code == 404
    shown = client.get(f"/api/meetings/{meeting.id}", headers=auth(keys["reader"])).json()
    reds = shown["sources"][0]["redactions"]
    assert reds and all(r["token"] == "[gelakt 5.1.2e]" for r in reds if "e" in r["token"])
