"""The concept verslag (Markdown and Word) and the CLI commands extract / draft / actions."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner
from docx import Document

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from notulist.models import ParsedDocument
from service.cli import main
from summarise.export import markdown_tables, verslag_to_docx
from summarise.extract import extract_meeting
from summarise.verslag import NO_NOTES, _display, draft_verslag

from conftest import SEED_0306, SEED_0311


def parsed(path: Path, settings):
    source = load_document(path.name, path.read_bytes(), settings=settings)
    meeting = parse_meeting(source)
    return meeting, {source.id: source}


def test_verslag_11_march_follows_minutes_conventions(settings):
    meeting, sources = parsed(SEED_0311, settings)
    extraction = extract_meeting(meeting, sources)
    md = draft_verslag(meeting, extraction, sources).markdown
    assert md.startswith("# Verslag Voortgangsoverleg inclusie en diversiteit")
    assert "**Concept**" in md
    for label in ("Reeks:", "Datum en tijd:** 11 maart 2024", "Locatie:** Kamer 2C4", "Aanwezig:**", "Verslag:**"):
        assert label in md
    for heading in ("## Besluitenlijst", "## Actielijst", "## Doorgeschoven punten"):
        assert heading in md
    # redacted people appear only as a token, never as the raw mark or a guessed name
    assert "5.1, 2, e" not in md and "[gelakt 5.1.2e]" in md
    assert "[gelakt [gelakt" not in md
    # every statement from the notes is the note text, quoted
    for note in meeting.notes:
        assert f"> {_display(note.text)}"[:120] in md
    tables = markdown_tables(md)
    besluiten, acties = tables
    assert besluiten[0] == ["Nr", "Agendapunt", "Besluit"] and len(besluiten) - 1 == len(extraction.decisions) == 4
    assert acties[0] == ["Nr", "Actie", "Actiehouder", "Deadline", "Status", "Agendapunt"]
    assert len(acties) - 1 == len(extraction.actions)
    morgen = next(r for r in acties if "komt morgen terug" in r[1])
    assert morgen[2] == "Peter" and morgen[3].startswith("12 maart 2024") and morgen[5] == "8"
    assert all(r[2] != "" for r in acties[1:])
    assert "- 7. Proces herijking bestuursopdracht" in md


def test_items_without_notes_say_so(settings):
    meeting, sources = parsed(SEED_0306, settings)
    md = draft_verslag(meeting, extract_meeting(meeting, sources), sources).markdown
    top_items = [i for i in meeting.items if not i.parent]
    assert md.count(NO_NOTES) == len(top_items)
    assert "Geen besluiten vastgelegd." in md
    assert "open (eerdere actie)" in md  # the Actielijst of an agenda lists still-open actions


def test_docx_opens_and_its_tables_hold_the_markdown_rows(settings):
    meeting, sources = parsed(SEED_0311, settings)
    md = draft_verslag(meeting, extract_meeting(meeting, sources), sources).markdown
    document = Document(io.BytesIO(verslag_to_docx(md)))
    word_tables = [[[cell.text for cell in row.cells] for row in t.rows] for t in document.tables]
    assert word_tables == markdown_tables(md)
    texts = [p.text for p in document.paragraphs]
    assert "Verslag Voortgangsoverleg inclusie en diversiteit" in texts
    assert any(p.style.name.startswith("Heading") and p.text == "Besluitenlijst" for p in document.paragraphs)
    assert any("Concept" in t for t in texts)


def test_docx_keeps_a_pipe_inside_a_cell():
    md = "# V\n\n| Nr | Actie |\n|---|---|\n| 1 | kiezen tussen A \\| B |\n"
    document = Document(io.BytesIO(verslag_to_docx(md)))
    assert [[c.text for c in r.cells] for r in document.tables[0].rows] == [["Nr", "Actie"], ["1", "kiezen tussen A | B"]]


def _store(app, settings) -> None:
    for path in (SEED_0306, SEED_0311):
        meeting, sources = parsed(path, settings)
        app.store.save_parsed(ParsedDocument(meeting=meeting, sources=list(sources.values())),
                              {s.id: path.read_bytes() for s in sources.values()})
        app.refresh_extraction(meeting, sources)


def test_cli_extract_json_draft_docx_and_actions(app, settings, tmp_path):
    _store(app, settings)
    runner = CliRunner()
    result = runner.invoke(main, ["extract", "2024-03-11", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"decisions", "actions", "postponed", "llm_used"}
    assert len(data["decisions"]) == 4 and data["llm_used"] is False
    assert all(d["citation"]["quote"] for d in data["decisions"] + data["actions"])

    out = tmp_path / "v.docx"
    result = runner.invoke(main, ["draft", "2024-03-11", "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(Document(str(out)).tables) == 2

    result = runner.invoke(main, ["draft", "2024-03-11"])
    assert result.exit_code == 0 and "## Actielijst" in result.output

    result = runner.invoke(main, ["actions", "--owner", "peter", "--open", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all(r["owner"] == "Peter" and r["status"] == "open" for r in rows)
    assert {r["citation"]["date"] for r in rows} == {"2024-03-06", "2024-03-11"}

    result = runner.invoke(main, ["extract", "1999-01-01"])
    assert result.exit_code == 1 and "fout:" in result.output
