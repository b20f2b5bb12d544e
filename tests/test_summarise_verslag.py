"""The concept verslag (Markdown and Word) and the CLI commands extract / draft / actions."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from click.testing import CliRunner
from docx import Document

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from notulist.models import ParsedDocument
from service.cli import main
from summarise.export import markdown_tables, verslag_to_docx
from summarise.extract import extract_meeting
from summarise.verslag import NO_NOTES, draft_document, draft_verslag
from summarise.verslag_render import render_markdown

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
    for label in ("Vergadering:", "Datum en tijd:** 11 maart 2024", "Locatie:** Kamer 2C4", "Aanwezig:**", "Verslag:**"):
        assert label in md
    for heading in ("## Besluitenlijst", "## Actielijst", "## Doorgeschoven punten", "## Bronnen"):
        assert heading in md
    # redacted people appear only as a token, never as the raw mark or a guessed name
    assert "5.1, 2, e" not in md and "[gelakt 5.1.2e]" in md
    assert "[gelakt [gelakt" not in md
    # minutes, not pasted notes: no block quotes, no doubled labels, nothing cut off
    assert "\n> " not in md and "…" not in md
    assert "**Besluit:** Besluit" not in md and "Besluit: Besluit" not in md and "**Actie:** Afspraak:" not in md
    # "Peter is akkoord" says what he agreed to: the item's question
    assert "Peter gaat akkoord met de beschreven aanpak." in md
    # the long note of item 6 is told whole, to its last sentences
    assert "Peter merkt op: mooist als een directie of GMT het doet" in md and "Samen oppakken." in md
    # "Volgende keer" under the third bullet of item 1 postpones that bullet, not the item
    item1 = md.split("### 1.", 1)[1].split("### 2.", 1)[0]
    assert "Het punt \u2018We worden af en toe betrokken bij casussen" in item1
    assert "Dit punt wordt doorgeschoven" not in item1
    item7 = md.split("### 7.", 1)[1].split("### 8.", 1)[0]
    assert "Dit punt wordt doorgeschoven naar de volgende vergadering." in item7
    tables = markdown_tables(md)
    besluiten, acties = tables
    assert besluiten[0] == ["Nr", "Agendapunt", "Besluit"] and len(besluiten) - 1 == len(extraction.decisions) == 4
    assert acties[0] == ["Nr", "Actie", "Actiehouder", "Deadline", "Status", "Agendapunt"]
    assert len(acties) - 1 == len(extraction.actions)
    morgen = next(r for r in acties if "komt morgen terug" in r[1])
    assert morgen[2] == "Peter" and morgen[3].startswith("12 maart 2024") and morgen[5] == "8"
    assert all(r[2] != "" for r in acties[1:])
    assert "- 7. Proces herijking bestuursopdracht" in md


def test_every_statement_of_the_verslag_cites_an_exact_span(settings):
    meeting, sources = parsed(SEED_0311, settings)
    document = draft_document(meeting, extract_meeting(meeting, sources), sources)
    statements = [st for sec in document.sections for st in sec.statements]
    assert len(statements) > 30 and all(st.citation is not None for st in statements)
    for st in statements:
        c = st.citation
        assert sources[c.source_id].raw_text[c.start:c.end] == c.quote and c.meeting_id == meeting.id
    rows = document.decisions + document.actions + document.postponed
    assert all(r.citation and sources[r.citation.source_id].raw_text[r.citation.start:r.citation.end] == r.citation.quote
               for r in rows)
    md = render_markdown(document)
    notes = [ln for ln in md.splitlines() if ln.startswith("[^")]
    assert notes and all("Voortgangsoverleg inclusie en diversiteit, 11 maart 2024" in ln for ln in notes)
    assert all("5.1, 2, e" not in ln for ln in notes)


def test_an_edited_section_is_rendered_as_the_secretary_wrote_it(settings):
    meeting, sources = parsed(SEED_0311, settings)
    document = draft_document(meeting, extract_meeting(meeting, sources), sources)
    document.sections[3].edited_text = "Peter kan zich vinden in de aanpak en stuurt het stuk naar het GMT."
    document.actions = document.actions[:2]
    md = render_markdown(document)
    item4 = md.split("### 4.", 1)[1].split("### 5.", 1)[0]
    assert "Peter kan zich vinden in de aanpak en stuurt het stuk naar het GMT." in item4 and "Voorgelegd" not in item4
    assert len(markdown_tables(md)[1]) == 3


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
    # a footnote reference [^19] is a superscript 19 in Word
    assert word_tables == [[[re.sub(r"\[\^(\d+)\]", r"\1", c) for c in row] for row in t] for t in markdown_tables(md)]
    supers = [r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
              if r.font.superscript]
    assert supers and all(r.text.isdigit() for r in supers)
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("1. Voortgangsoverleg inclusie en diversiteit, 11 maart 2024, punt 1:") for t in texts)
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
    assert rows and all(r["actiehouder"] == "Peter" and r["status"] in ("open", "verlopen") for r in rows)
    assert {r["citation"]["date"] for r in rows} == {"2024-03-06", "2024-03-11"}
    assert [r["nr"] for r in rows] == list(range(1, len(rows) + 1))

    result = runner.invoke(main, ["extract", "2024-03-11"])  # every citation names its meeting and date
    cites = [ln for ln in result.output.splitlines() if "citaat (" in ln]
    assert cites and all("(Voortgangsoverleg inclusie en diversiteit, 11 maart 2024, punt " in ln for ln in cites)
    assert "5.1, 2, e" not in result.output and "[gelakt 5.1.2e]" in result.output

    result = runner.invoke(main, ["extract", "1999-01-01"])
    assert result.exit_code == 1 and "fout:" in result.output
