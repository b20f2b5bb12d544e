"""Scanned PDFs: the tests draw a two-page agenda with notes as images (Pillow), wrap them in a PDF without
a text layer, and read it back through the real pipeline: Tesseract (Dutch model) recognises the pages, the
parser finds the items and the notes, and an answer cites an exact span of the OCR text with its page."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest
from PIL import Image, ImageDraw, ImageFont

from ingest.loaders import load_document
from ingest.ocr import missing_ocr
from ingest.redactions import find_redactions
from notulist.errors import InputError
from service.pipeline import InputFile

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
PAGE_1 = """Overleg wijkteam Noord

Datum: 14 mei 2024, 10.00 - 11.30 uur
Aanwezig: Marieke, Joost, Fatima (verslag)
Locatie: Wijkcentrum De Schakel

1. Opening en mededelingen
De voorzitter opent de vergadering.

2. Speeltuin Lindenplein
Het voorstel voor de nieuwe speeltuin ligt voor.
Besluit: het plan voor de speeltuin wordt goedgekeurd.
"""
PAGE_2 = """3. Verkeersveiligheid Dorpsstraat
Bewoners melden te hard rijden bij de school.
Actie: Joost vraagt voor 1 juni een snelheidsmeting aan.

4. Rondvraag en sluiting
Geen vragen.
"""



@pytest.fixture
def tesseract():
    """Tesseract with its Dutch model, or a skip naming the packages (a failure in CI: CI_REQUIRE_OCR)."""
    problem = missing_ocr("test")
    if problem and os.environ.get("CI_REQUIRE_OCR"):
        pytest.fail(problem)
    if problem:
        pytest.skip(problem)


def scanned_pdf(pages: list[str], *, boxes: list[tuple[int, int, int, int]] | None = None) -> bytes:
    """A PDF whose pages are only images of the given text (300 dpi A4), like a scanner makes."""
    font = ImageFont.truetype(str(FONT), 40)
    images = []
    for n, text in enumerate(pages):
        image = Image.new("L", (2480, 3508), 255)
        draw = ImageDraw.Draw(image)
        draw.multiline_text((200, 250), text, font=font, fill=0, spacing=18)
        for box in (boxes or []) if n == len(pages) - 1 else []:
            draw.rectangle(box, fill=0)
        images.append(image)
    buf = io.BytesIO()
    images[0].save(buf, "PDF", save_all=True, append_images=images[1:], resolution=300)
    return buf.getvalue()


def test_a_scanned_pdf_has_no_text_layer():
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(scanned_pdf([PAGE_1, PAGE_2])))
    assert len(reader.pages) == 2
    assert all(not (page.extract_text() or "").strip() for page in reader.pages)


def test_scanned_agenda_is_read_with_ocr_and_answered_with_a_quote_and_page(app, tesseract):
    data = scanned_pdf([PAGE_1, PAGE_2])
    result = app.ingest(InputFile(filename="wijkteam-scan.pdf", data=data))
    assert result.status == "new", result.message
    meeting = app.store.get_meeting(result.meeting_id)
    assert meeting.date.isoformat() == "2024-05-14"
    titles = [(i.number, i.title) for i in meeting.items]
    assert titles == [("1", "Opening en mededelingen"), ("2", "Speeltuin Lindenplein"),
                      ("3", "Verkeersveiligheid Dorpsstraat"), ("4", "Rondvraag en sluiting")]
    notes = {n.item: n.text for n in meeting.notes}
    assert "speeltuin wordt goedgekeurd" in notes["2"]
    assert "snelheidsmeting" in notes["3"]

    source = app.store.sources_for(meeting)[meeting.source_ids[0]]
    assert source.pages[0] == 0 and len(source.pages) == 2  # page start offsets of the OCR text
    assert "Verkeersveiligheid" in source.raw_text[source.pages[1]:]

    answer = app.ask("Wie vraagt de snelheidsmeting aan?", use_llm=False)
    assert answer.found and answer.citations
    cited = answer.citations[0]
    assert source.raw_text[cited.start:cited.end] == cited.quote
    assert "snelheidsmeting" in cited.quote
    assert cited.page == 2

    extraction = app.extraction(meeting.id)
    assert [d.citation.page for d in extraction.decisions if "speeltuin" in d.text] == [1]
    assert any(a.owner == "Joost" and a.citation.page == 2 for a in extraction.actions)


def test_redaction_marks_in_ocr_text_are_recognised(tesseract):
    page = PAGE_2.replace("Geen vragen.", "5.1.2e vraagt naar de planning.\nDe wethouder antwoordt 5.1 .2 e.")
    source = load_document("scan.pdf", scanned_pdf([PAGE_1, page]), settings=_settings())
    grounds = [r.ground for r in source.redactions]
    assert grounds.count("5.1.2e") >= 2, source.raw_text


def test_ocr_noise_shapes_of_a_redaction_mark_are_marks():
    text = "Gesprek met 5.1 .2 e over de planning; ████████ belt terug en ■■■■■ ook. Kosten 5.1 miljoen."
    found = find_redactions(text)
    assert [text[r.start:r.end] for r in found] == ["5.1 .2 e", "████████", "■■■■■"]
    assert [r.ground for r in found] == ["5.1.2e", "", ""]


def test_without_tesseract_a_scan_is_refused_naming_the_packages(tmp_path):
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(scanned_pdf([PAGE_1]))
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    env = {**os.environ, "PATH": str(empty_bin), "NOTULIST_DATA_DIR": str(tmp_path / "data")}
    notulist = Path(sys.executable).with_name("notulist")
    proc = subprocess.run([str(notulist), "ingest", str(pdf)], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1
    said = proc.stdout + proc.stderr
    assert "scan.pdf: error:" in said or "scan.pdf" in proc.stdout
    assert "tesseract-ocr" in said and "tesseract-ocr-nld" in said and "Tesseract" in said
    assert "Traceback" not in said
    listed = subprocess.run([str(notulist), "meetings"], capture_output=True, text=True, env=env, timeout=120)
    assert "Nog geen vergaderingen" in listed.stdout  # nothing half-stored


def test_missing_tesseract_is_an_input_error(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(InputError, match="tesseract-ocr-nld"):
        load_document("scan.pdf", scanned_pdf([PAGE_1]), settings=_settings())


def _settings():
    from notulist.settings import Settings

    return Settings()
