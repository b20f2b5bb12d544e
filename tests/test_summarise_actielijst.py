"""The actielijst across meetings (reconciled with later meetings), its exports, the next meeting's agenda,
and `notulist draft` showing the saved version — on the seeds and the three-meeting De Linde series."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from notulist.models import ParsedDocument, Verslag
from service.cli import main
from summarise.actielijst import actielijst
from summarise.actielijst_export import COLUMNS, to_csv, to_docx, to_text, to_xlsx
from summarise.next_agenda import next_agenda, render_markdown

from conftest import REPO, SEED_0306, SEED_0311

LINDE = sorted((REPO / "eval" / "data" / "dev" / "docs").glob("*buurthuis-de-linde*"))
SERIES = "Bewonersoverleg Buurthuis De Linde"


def _store(app, settings, paths) -> None:
    for path in paths:
        source = load_document(path.name, path.read_bytes(), settings=settings)
        meeting = parse_meeting(source)
        app.store.save_parsed(ParsedDocument(meeting=meeting, sources=[source]), {source.id: path.read_bytes()})
        app.refresh_extraction(meeting, {source.id: source})


def test_later_meetings_reconcile_earlier_actions_with_evidence(app, settings):
    assert len(LINDE) == 3
    _store(app, settings, LINDE)
    rows = actielijst(app.store, series=SERIES, today=dt.date(2025, 10, 20))
    by_owner = {(r.actiehouder, r.onderwerp.split()[1]): r for r in rows}
    els = by_owner[("Els", "informeert")]  # 18 Sept: "Els informeert naar de kosten bij de Hartstichting"
    assert els.status == "afgerond" and "2 oktober 2025" in els.stand_van_zaken
    assert els.evidence.quote.startswith("Els heeft bij de Hartstichting nagevraagd")
    sources = app.store.sources_for(app.store.get_meeting(els.evidence.meeting_id))
    assert sources[els.evidence.source_id].raw_text[els.evidence.start:els.evidence.end] == els.evidence.quote
    karim = next(r for r in rows if r.actiehouder == "Karim")
    assert karim.status == "afgerond" and karim.evidence is not None
    wim = next(r for r in rows if r.onderwerp.startswith("Wim schrijft de aanvraag"))
    assert wim.status == "verlopen" and wim.deadline == dt.date(2025, 10, 16)  # deadline past on 20 October
    # one row per action, sorted: verlopen, open, afgerond; numbered in that order
    assert [r.nr for r in rows] == list(range(1, len(rows) + 1))
    order = {"verlopen": 0, "open": 1, "afgerond": 2}
    assert [order[r.status] for r in rows] == sorted(order[r.status] for r in rows)
    assert all(r.bron.startswith(SERIES) for r in rows)
    assert {r.status for r in actielijst(app.store, series=SERIES, status="open", today=dt.date(2025, 10, 20))} \
        == {"open", "verlopen"}
    assert all(r.actiehouder == "Els" for r in actielijst(app.store, owner="els"))


def test_exports_have_the_dutch_columns_and_one_date_format(app, settings):
    _store(app, settings, LINDE)
    rows = actielijst(app.store, series=SERIES, today=dt.date(2025, 10, 20))
    text = to_text(rows).splitlines()
    assert text[0].split() == ["Nr", "Onderwerp", "Actiehouder", "Deadline", "Status", "Stand", "van", "zaken", "Bron"]
    starts = [text[0].index(c) for c in COLUMNS]
    for line in text[2:]:  # every column starts where its heading does, wrapped lines included
        for pos in starts[1:]:
            assert line[pos - 2:pos] in ("  ", "") or len(line) <= pos - 2
    table = list(csv.reader(io.StringIO(to_csv(rows).decode("utf-8-sig")), delimiter=";"))
    assert table[0] == COLUMNS and len(table) == len(rows) + 1
    assert all(c[3] == "—" or c[3].split()[1] in {"september", "oktober"} for c in table[1:])
    sheet = load_workbook(io.BytesIO(to_xlsx(rows))).active
    assert [c.value for c in sheet[1]] == COLUMNS and sheet.max_row == len(rows) + 1
    assert any(isinstance(sheet.cell(r, 4).value, dt.datetime) for r in range(2, sheet.max_row + 1))
    doc = Document(io.BytesIO(to_docx(rows)))
    assert [c.text for c in doc.tables[0].rows[0].cells] == COLUMNS and len(doc.tables[0].rows) == len(rows) + 1


def test_next_agenda_has_date_standing_items_open_actions_and_postponed(app, settings):
    _store(app, settings, LINDE)
    agenda = next_agenda(app.store, SERIES, today=dt.date(2025, 10, 20))
    assert agenda.date == dt.date(2025, 11, 6)  # "Volgende overleg: donderdag 6 november 2025"
    assert agenda.start_items and agenda.end_items == ["Rondvraag"]
    assert agenda.actions and all(a.status in ("open", "verlopen") for a in agenda.actions)
    md = render_markdown(agenda)
    assert "6 november 2025" in md and "| Nr | Onderwerp |" in md and md.count("\n| ") == len(agenda.actions) + 1


def test_next_agenda_of_the_seeds_carries_the_postponed_sub_point(app, settings):
    _store(app, settings, [SEED_0306, SEED_0311])
    agenda = next_agenda(app.store, "Voortgangsoverleg inclusie en diversiteit")
    titles = [p.title for p in agenda.postponed]
    assert any(t.startswith("Proces herijking bestuursopdracht") for t in titles)
    assert any("We worden af en toe betrokken bij casussen" in t for t in titles)
    assert all("11 maart 2024, punt" in p.origin for p in agenda.postponed)


def test_cli_draft_shows_the_saved_version_unless_fresh_and_agenda_next(app, settings, tmp_path):
    _store(app, settings, [SEED_0306, SEED_0311])
    meeting = app.store.find_meeting("2024-03-11")
    runner = CliRunner()
    fresh = runner.invoke(main, ["draft", "2024-03-11"])
    assert fresh.exit_code == 0 and "Peter gaat akkoord met de beschreven aanpak." in fresh.output
    app.store.save_verslag(Verslag(meeting_id=meeting.id, markdown="# Verslag\n\nDoor de secretaris herschreven.",
                                   author="Anna"))
    saved = runner.invoke(main, ["draft", "2024-03-11"])
    assert saved.exit_code == 0 and "Door de secretaris herschreven." in saved.output
    assert "opgeslagen versie 1 door Anna" in saved.output
    again = runner.invoke(main, ["draft", "2024-03-11", "--fresh"])
    assert "Peter gaat akkoord" in again.output and "herschreven" not in again.output
    out = tmp_path / "agenda.docx"
    result = runner.invoke(main, ["agenda", "next", "Voortgangsoverleg inclusie en diversiteit", "--format", "docx",
                                  "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert any("Proces herijking bestuursopdracht" in p.text for p in Document(str(out)).paragraphs)
    result = runner.invoke(main, ["agenda", "next", "Bestaat niet"])
    assert result.exit_code == 1 and "fout:" in result.output
    result = runner.invoke(main, ["actions", "--status", "verlopen", "--json"])
    assert result.exit_code == 0 and all(r["status"] == "verlopen" for r in json.loads(result.output))
    result = runner.invoke(main, ["actions", "--format", "xlsx", "-o", str(tmp_path / "a.xlsx")])
    assert result.exit_code == 0 and load_workbook(tmp_path / "a.xlsx").active.max_row > 1
