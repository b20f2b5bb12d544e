"""Page numbers in citations for a PDF with a text layer: the loader records where each page starts, every
citation carries `page`, the CLI shows "p. 2" and `extract --json` / `ask --json` add the field (the
existing fields stay as they were)."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib
from click.testing import CliRunner
from fpdf import FPDF

from ingest.loaders import load_document
from notulist.models import Citation
from notulist.pages import page_at
from service.pipeline import InputFile

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
PAGES = [
    ["Overleg fietsbeleid", "", "Datum: 3 april 2024, 14.00 - 15.00 uur", "Aanwezig: Ilse, Bram, Noor (verslag)", "",
     "1. Opening", "De voorzitter opent de vergadering.", "", "2. Stallingen station",
     "Het aantal stallingsplekken bij het station is te klein."],
    ["3. Fietspad Kanaalweg", "Het fietspad langs de Kanaalweg wordt in mei verbreed.",
     "Besluit: het overleg stemt in met de verbreding van het fietspad.",
     "Actie: Bram informeert de bewoners voor 15 april.", "", "4. Rondvraag", "Geen vragen."],
]


def text_pdf(pages: list[list[str]]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    for lines in pages:
        pdf.add_page()
        pdf.set_font("DejaVu", size=11)
        for line in lines:
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_the_pdf_loader_records_where_each_page_starts(settings):
    source = load_document("fiets.pdf", text_pdf(PAGES), settings=settings)
    assert len(source.pages) == 2 and source.pages[0] == 0
    assert source.raw_text[source.pages[1]:].startswith("3. Fietspad Kanaalweg")
    assert page_at(source, source.raw_text.index("Stallingen")) == 1
    assert page_at(source, source.raw_text.index("Besluit:")) == 2
    md = load_document("fiets.md", b"# Overleg\n\n1. Opening\n", settings=settings)
    assert md.pages == [] and page_at(md, 3) is None


def test_citations_from_a_pdf_carry_their_page_in_the_cli_and_json(app, tmp_path):
    from service.cli import main

    path = tmp_path / "fietsoverleg.pdf"
    path.write_bytes(text_pdf(PAGES))
    assert app.ingest(InputFile.from_path(path)).status == "new"
    runner = CliRunner()
    extracted = runner.invoke(main, ["extract", "2024-04-03", "--json"])
    assert extracted.exit_code == 0, extracted.output
    data = json.loads(extracted.stdout)
    [decision] = [d for d in data["decisions"] if "fietspad" in d["text"]]
    assert decision["citation"]["page"] == 2
    assert set(Citation.model_fields) <= set(decision["citation"])  # no field renamed or dropped
    assert any(a["owner"] == "Bram" and a["citation"]["page"] == 2 for a in data["actions"])
    shown = runner.invoke(main, ["extract", "2024-04-03"])
    assert "Fietspad Kanaalweg, p. 2" in shown.stdout
    asked = runner.invoke(main, ["ask", "Wat is er besloten over het fietspad langs de Kanaalweg?", "--json"])
    assert asked.exit_code == 0, asked.output
    citation = json.loads(asked.stdout)["citations"][0]
    assert citation["page"] == 2 and "fietspad" in citation["quote"]
    plain = runner.invoke(main, ["ask", "Wat is er besloten over het fietspad langs de Kanaalweg?"])
    assert "Fietspad Kanaalweg, p. 2: “" in plain.stdout
