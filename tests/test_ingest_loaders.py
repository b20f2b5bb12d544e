"""Loaders: every format on files generated here, exact raw text, annotations, and every bad input."""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from email.message import EmailMessage

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText, Highlight, Text
from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

from ingest.loaders import COMMENTS_HEADER, load_document
from notulist.errors import InputError, TooLargeError, UnsupportedFormatError
from notulist.settings import Settings
from tests.conftest import SEED_0306, SEED_0311, SEEDS

# --------------------------------------------------------------------------- file makers (also used by
# tests/test_ingest_cli.py)


def make_pdf(pages: list[list[str]], *, text_layer: bool = True, header: str | None = None,
             footer: str | None = None) -> bytes:
    """A small real PDF: each page a list of lines in Helvetica (WinAnsi, so Dutch accents work), 16 pt
    apart from y=760 down. Without a text layer the page only holds a filled rectangle (like a scan).
    `header` / `footer` are running lines at the top / bottom of every page ({page} and {pages} filled in)."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
    kids = []
    for i, lines in enumerate(pages):
        page_no, content_no = 4 + 2 * i, 5 + 2 * i
        kids.append(f"{page_no} 0 R")
        if text_layer:
            ops = ["BT /F1 12 Tf 72 760 Td 16 TL"]
            for line in lines:
                escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"({escaped}) Tj T*")
            ops.append("ET")
            for text, y in ((header, 782), (footer, 40)):
                if text:
                    line = text.format(page=i + 1, pages=len(pages)).replace("(", "\\(").replace(")", "\\)")
                    ops.append(f"BT /F1 9 Tf 72 {y} Td ({line}) Tj ET")
        else:
            ops = ["0.2 0.2 0.2 rg 72 500 400 250 re f"]
        stream = "\n".join(ops).encode("cp1252")
        objects[content_no] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects[page_no] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_no} 0 R "
                            f"/Resources << /Font << /F1 3 0 R >> >> >>").encode()
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += b"%010d 00000 n \n" % offsets[n]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def line_top(index: int) -> float:
    """Approximate top edge (PDF points) of line `index` written by make_pdf."""
    return 760 - 16 * index + 9


RAAD_PDF_PAGES = [
    ["Besluitenlijst commissie Ruimte gemeente Zeist", "Datum: 12 juni 2024, 19.30 uur",
     "1. Opening en vaststelling agenda", "2. Voorstel fietsparkeren Stationsplein"],
    ["3. Rondvraag", "Inspreker: 5.1.2e (bewonerscommissie), kosten 5.1 miljoen"],
]


def make_docx(*, with_comment: bool = True) -> bytes:
    """A working-group agenda with a heading, auto-numbered items, an action table and a Word comment."""
    d = docx.Document()
    d.add_heading("Werkgroep Duurzaam Inkopen", level=1)
    d.add_paragraph("Datum: dinsdag 14 mei 2024, 13.00 - 14.30 uur, kamer 4.12")
    d.add_paragraph("Opening en mededelingen", style="List Number")
    item = d.add_paragraph("Verslag van 16 april ", style="List Number")
    commented = item.add_run("en actielijst")
    d.add_paragraph("Actielijst", style="List Number")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("Nr", "Actie", "Wie"), ("1", "Marktconsultatie voorbereiden", "Fatima"),
                             ("2", "Offerte café opvragen", "5.1, 2, e")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("Rondvraag", style="List Number")
    if with_comment:
        d.add_comment(commented, text="Besluit: verslag ongewijzigd vastgesteld.", author="Joost de Vries")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_eml(*, attachments: list[tuple[str, bytes, str, str]] = (), html: str | None = None) -> bytes:
    m = EmailMessage()
    m["Subject"] = "Notulen bestuursvergadering VV De Uil, 4 april"
    m["From"] = "Secretaris VV De Uil <secretaris@vvdeuil.nl>"
    m["To"] = "bestuur@vvdeuil.nl"
    m["Date"] = "Thu, 04 Apr 2024 21:13:00 +0200"
    m.set_content("Beste bestuursleden,\n\nBesluit: de contributie blijft in 2025 gelijk.\n"
                  "Actie: Karin stuurt voor 1 mei de conceptbegroting rond.\n\nGroet, Els\n")
    if html:
        m.add_alternative(html, subtype="html")
    for filename, data, maintype, subtype in attachments:
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return m.as_bytes()


def _check_source(src, data: bytes) -> None:
    assert src.id == hashlib.sha256(data).hexdigest()
    assert src.size_bytes == len(data)
    for r in src.redactions:
        assert src.raw_text[r.start:r.end] == r.original
    for a in src.annotations:
        assert 0 <= a.text_start <= a.text_end <= len(src.raw_text)
        assert a.text_start >= src.body_end
        if a.anchor_start is not None:
            assert 0 <= a.anchor_start <= a.anchor_end <= src.body_end


@pytest.fixture
def small_settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data", max_file_bytes=200_000)


# --------------------------------------------------------------------------- md / txt


@pytest.mark.parametrize("seed", [SEED_0306, SEED_0311])
def test_seed_markdown_raw_text_is_the_file_text(seed, settings):
    data = seed.read_bytes()
    src = load_document(seed.name, data, settings=settings)
    _check_source(src, data)
    assert src.media_type == "md"
    assert src.raw_text == data.decode("utf-8")
    assert src.body_end == len(src.raw_text)
    assert len(src.redactions) == src.raw_text.count("5.1, 2,")


def test_gold_evidence_quotes_are_substrings_of_the_seed_raw_text(settings):
    import json

    gold_dir = SEEDS / "gold"
    checked = 0
    for seed in (SEED_0306, SEED_0311):
        src = load_document(seed.name, seed.read_bytes(), settings=settings)
        gold = json.loads((gold_dir / (seed.stem + ".json")).read_text(encoding="utf-8"))
        for entry in gold.get("decisions", []) + gold.get("actions", []):
            assert entry["evidence"] in src.raw_text
            checked += 1
    assert checked > 5


def test_cp1252_text_is_decoded_and_crlf_kept(settings):
    text = 'Overleg café "De Zwaan" – €250\r\nBesluit: akkoord met de offerte.\r\n'
    data = text.encode("cp1252")
    src = load_document("notities.txt", data, settings=settings)
    assert src.raw_text == text
    assert src.media_type == "txt"


def test_utf8_bom_dropped_and_rest_exact(settings):
    text = "# Agenda\n\n1. Opening\r\n2. Financiën\n"
    src = load_document("agenda.md", b"\xef\xbb\xbf" + text.encode("utf-8"), settings=settings)
    assert src.raw_text == text


def test_utf16_with_bom_is_read(settings):
    text = "Agenda MR-vergadering\n1. Opening\n"
    src = load_document("agenda.txt", text.encode("utf-16"), settings=settings)
    assert src.raw_text == text


def test_role_is_kept(settings):
    src = load_document("aantekeningen.txt", b"Peter is akkoord.", settings=settings, role="notes")
    assert src.role == "notes"


# --------------------------------------------------------------------------- docx


def test_docx_paragraphs_numbering_tables_and_comment(settings):
    data = make_docx()
    src = load_document("werkgroep.docx", data, settings=settings)
    _check_source(src, data)
    body = src.raw_text[:src.body_end]
    lines = body.splitlines()
    assert lines[0] == "# Werkgroep Duurzaam Inkopen"
    assert "1. Opening en mededelingen" in lines
    assert "2. Verslag van 16 april en actielijst" in lines
    assert "3. Actielijst" in lines and "4. Rondvraag" in lines
    # the table sits between item 3 and item 4, rows as cells joined by " | "
    assert lines.index("3. Actielijst") < lines.index("1 | Marktconsultatie voorbereiden | Fatima") < lines.index(
        "4. Rondvraag")
    assert "2 | Offerte café opvragen | 5.1, 2, e" in lines
    assert [r.ground for r in src.redactions] == ["5.1.2e"]
    # the comment: appended after the body, its text an exact span, anchored on the commented run
    assert src.raw_text[src.body_end:].startswith(COMMENTS_HEADER)
    (comment,) = src.annotations
    assert comment.kind == "word_comment"
    assert comment.author == "Joost de Vries"
    assert src.raw_text[comment.text_start:comment.text_end] == "Besluit: verslag ongewijzigd vastgesteld."
    assert src.raw_text[comment.anchor_start:comment.anchor_end] == "en actielijst"


def test_docx_without_comments_has_no_comment_block(settings):
    src = load_document("werkgroep.docx", make_docx(with_comment=False), settings=settings)
    assert src.annotations == []
    assert "Opmerkingen in het document" not in src.raw_text
    assert src.body_end == len(src.raw_text)


def test_docx_zip_bomb_refused_before_extracting(small_settings):
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx()), "r") as src_zip, \
            zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src_zip.infolist():
            out.writestr(info, src_zip.read(info))
        out.writestr("word/media/filler.bin", b"\0" * 5_000_000)  # ~5 KB compressed
    data = buf.getvalue()
    assert len(data) < small_settings.max_file_bytes
    with pytest.raises(TooLargeError, match=r"bom\.docx: .*pakt uit tot [5-6],\d MB; de limiet is 0,2 MB.*zip-bom"):
        load_document("bom.docx", data, settings=small_settings)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 dit is geen zip", "geen geldig zip-archief"),
        (b"Dit is platte tekst met een .docx-extensie", "geen geldig zip-archief"),
    ],
)
def test_corrupt_docx(data, reason, settings):
    with pytest.raises(InputError, match=rf"kapot\.docx: beschadigd of geen Word-bestand.*{reason}"):
        load_document("kapot.docx", data, settings=settings)


def test_zip_without_word_document(settings):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hallo.txt", "geen Word")
    with pytest.raises(InputError, match="word/document.xml ontbreekt"):
        load_document("nep.docx", buf.getvalue(), settings=settings)


def test_truncated_docx(settings):
    data = make_docx()
    with pytest.raises(InputError, match=r"half\.docx: beschadigd"):
        load_document("half.docx", data[: len(data) // 2], settings=settings)


# --------------------------------------------------------------------------- pdf


def test_pdf_text_layer_per_page(settings):
    data = make_pdf(RAAD_PDF_PAGES)
    src = load_document("besluitenlijst.pdf", data, settings=settings)
    _check_source(src, data)
    assert src.media_type == "pdf"
    for line in RAAD_PDF_PAGES[0] + RAAD_PDF_PAGES[1]:
        assert line in src.raw_text
    assert src.raw_text.index("2. Voorstel fietsparkeren") < src.raw_text.index("3. Rondvraag")
    assert [r.original for r in src.redactions] == ["5.1.2e"]  # "5.1 miljoen" is not a mark
    assert src.annotations == []


def test_pdf_running_headers_and_page_numbers_are_left_out(settings):
    """A Woo-published PDF repeats the body's name on top of every page and numbers the pages at the
    bottom; that is page furniture, not meeting text, and must not split an agenda item."""
    pages = [["Verslag commissie Bestuur", "1. Opening", "De voorzitter opent de vergadering.",
              "2. Financiën", "De begroting wordt toegelicht; de commissie vraagt om"],
             ["een tweede rapportage in juni.", "Besluit: de commissie stemt in met de begroting.", "3. Rondvraag"]]
    data = make_pdf(pages, header="Gemeente Oosterwold - commissie Bestuur 12-03-2025", footer="Pagina {page} van {pages}")
    src = load_document("verslag.pdf", data, settings=settings)
    _check_source(src, data)
    assert "Oosterwold" not in src.raw_text and "Pagina" not in src.raw_text
    for line in pages[0] + pages[1]:
        assert line in src.raw_text
    # without the furniture the item runs on across the page break
    between = src.raw_text[src.raw_text.index("vraagt om"):src.raw_text.index("een tweede rapportage")]
    assert between.strip() == "vraagt om"
    # a single page keeps everything but a bare page number
    one = load_document("agenda.pdf", make_pdf([pages[0]], header="Agenda 12 maart", footer="- 1 -"), settings=settings)
    assert "Agenda 12 maart" in one.raw_text and "- 1 -" not in one.raw_text


def _annotated_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(RAAD_PDF_PAGES))))
    note = Text(text="Besluit: agenda ongewijzigd vastgesteld", rect=(40, line_top(2) - 20, 60, line_top(2) - 1))
    note[NameObject("/T")] = TextStringObject("Griffier")
    writer.add_annotation(page_number=0, annotation=note)
    writer.add_annotation(page_number=1, annotation=FreeText(text="Actie: wethouder komt terug op de kosten",
                                                             rect=(300, 250, 550, 280)))
    mark = Highlight(rect=(70, line_top(3) - 12, 400, line_top(3)),
                     quad_points=ArrayObject([FloatObject(v) for v in (70, line_top(3), 400, line_top(3), 70,
                                                                       line_top(3) - 12, 400, line_top(3) - 12)]))
    mark[NameObject("/Contents")] = TextStringObject("Doorgeschoven naar juli")
    writer.add_annotation(page_number=0, annotation=mark)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_pdf_annotations_appended_and_anchored(settings):
    data = _annotated_pdf()
    src = load_document("besluitenlijst.pdf", data, settings=settings)
    _check_source(src, data)
    assert src.raw_text[src.body_end:].startswith(COMMENTS_HEADER)
    by_text = {src.raw_text[a.text_start:a.text_end]: a for a in src.annotations}
    assert set(by_text) == {"Besluit: agenda ongewijzigd vastgesteld", "Doorgeschoven naar juli",
                            "Actie: wethouder komt terug op de kosten"}
    sticky = by_text["Besluit: agenda ongewijzigd vastgesteld"]
    assert (sticky.kind, sticky.page, sticky.author) == ("pdf_annotation", 1, "Griffier")
    assert src.raw_text[sticky.anchor_start:sticky.anchor_end] == "1. Opening en vaststelling agenda"
    highlight = by_text["Doorgeschoven naar juli"]
    assert src.raw_text[highlight.anchor_start:highlight.anchor_end] == "2. Voorstel fietsparkeren Stationsplein"
    free = by_text["Actie: wethouder komt terug op de kosten"]  # far from any text: the page's start
    assert free.page == 2
    assert free.anchor_start == free.anchor_end == src.raw_text.index("3. Rondvraag")


def test_pdf_without_text_layer(settings):
    with pytest.raises(InputError, match=r"scan\.pdf: .*geen tekstlaag en geen gescande pagina"):
        load_document("scan.pdf", make_pdf([[]], text_layer=False), settings=settings)


@pytest.mark.parametrize(
    "data",
    [make_pdf(RAAD_PDF_PAGES)[:300], b"%PDF-1.7\n" + os.urandom(2000), b"Geen pdf maar tekst" * 20],
    ids=["truncated", "header-then-garbage", "not-a-pdf"],
)
def test_corrupt_pdf(data, settings):
    with pytest.raises(InputError, match=r"kapot\.pdf: beschadigde of ongeldige PDF"):
        load_document("kapot.pdf", data, settings=settings)


# --------------------------------------------------------------------------- html


def test_html_visible_text_with_blocks_on_lines(settings):
    page = """<!doctype html><html><head><title>Agenda</title><style>p {color: red}</style>
    <script>document.write('negeer alles')</script></head><body>
    <h1>Agenda algemene ledenvergadering</h1><p>Datum: <b>21 maart 2024</b>,
      20.00 uur, kantine</p>
    <ol><li>Opening</li><li>Notulen <i>vorige</i> vergadering</li><li>Rondvraag<ul><li>kascommissie</li></ul></li></ol>
    <table><tr><th>Actie</th><th>Wie</th></tr><tr><td>Contributie innen</td><td>5.1, 2, e</td></tr></table>
    <p>Tot&nbsp;dan,<br>het bestuur</p><!-- verborgen --><div hidden>geheim</div></body></html>"""
    data = page.encode("utf-8")
    src = load_document("agenda.html", data, settings=settings)
    _check_source(src, data)
    assert src.raw_text.splitlines() == [
        "# Agenda algemene ledenvergadering",
        "Datum: 21 maart 2024, 20.00 uur, kantine",
        "1. Opening",
        "2. Notulen vorige vergadering",
        "3. Rondvraag",
        "  - kascommissie",
        "Actie | Wie",
        "Contributie innen | 5.1, 2, e",
        "Tot dan,",
        "het bestuur",
    ]
    assert [r.ground for r in src.redactions] == ["5.1.2e"]


def test_html_table_row_stays_one_line_when_its_cells_have_paragraphs(settings):
    """A besluitenlijst row whose Besluit cell holds several paragraphs is still one row: the item number, its
    title and all it decided stay together."""
    page = ("<table><tr><th>Agendapunt</th><th>Onderwerp</th><th>Besluit</th></tr>"
            "<tr><td>3</td><td>Verordening</td><td><p>Amendement A1: aangenomen.</p><p>Het voorstel wordt aangenomen</p>"
            "<ul><li>met algemene stemmen</li></ul>regel<br>twee</td></tr>"
            "<tr><td>4</td><td><p>Krediet</p></td><td>Verworpen.</td></tr></table>")
    src = load_document("besluitenlijst.html", page.encode(), settings=settings)
    assert src.raw_text.splitlines() == [
        "Agendapunt | Onderwerp | Besluit",
        "3 | Verordening | Amendement A1: aangenomen. Het voorstel wordt aangenomen; met algemene stemmen; regel; twee",
        "4 | Krediet | Verworpen.",
    ]


def test_html_cp1252_bytes(settings):
    data = "<p>Vergadering in café De Zwaan</p>".encode("cp1252")
    assert load_document("a.htm", data, settings=settings).raw_text == "Vergadering in café De Zwaan\n"


# --------------------------------------------------------------------------- eml


def test_eml_headers_body_and_attachments(settings):
    docx_bytes = make_docx()
    data = make_eml(attachments=[
        ("werkgroep.docx", docx_bytes, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + os.urandom(50), "image", "png"),
        ("kapot.pdf", b"%PDF-1.4 kapot", "application", "pdf"),
    ])
    src = load_document("notulen.eml", data, settings=settings)
    _check_source(src, data)
    lines = src.raw_text.splitlines()
    assert lines[:3] == ["Onderwerp: Notulen bestuursvergadering VV De Uil, 4 april",
                         "Datum: 4 april 2024, 21.13 uur",
                         "Van: Secretaris VV De Uil <secretaris@vvdeuil.nl>"]
    assert "Besluit: de contributie blijft in 2025 gelijk." in lines
    # the supported attachment is a section of its own, its Word comment still an exact, anchored span
    assert "--- Bijlage: werkgroep.docx ---" in lines
    assert "2. Verslag van 16 april en actielijst" in lines
    (comment,) = src.annotations
    assert src.raw_text[comment.text_start:comment.text_end] == "Besluit: verslag ongewijzigd vastgesteld."
    assert src.raw_text[comment.anchor_start:comment.anchor_end] == "en actielijst"
    # the others are reported, not silently dropped
    assert any(line.startswith("--- Bijlage niet ingelezen: logo.png: bestandstype '.png'") for line in lines)
    assert any(line.startswith("--- Bijlage niet ingelezen: kapot.pdf: beschadigde") for line in lines)


def test_eml_html_only_body(settings):
    m = EmailMessage()
    m["Subject"] = "Agenda MR 12 maart"
    m["From"] = "mr@school.nl"
    m.set_content("<html><body><h2>Agenda</h2><ol><li>Opening</li><li>Formatie</li></ol></body></html>",
                  subtype="html")
    src = load_document("agenda.eml", m.as_bytes(), settings=settings)
    assert src.raw_text.splitlines()[:1] == ["Onderwerp: Agenda MR 12 maart"]
    assert "## Agenda" in src.raw_text and "2. Formatie" in src.raw_text
    assert "<li>" not in src.raw_text


def test_eml_without_headers_refused(settings):
    with pytest.raises(InputError, match=r"los\.eml: geen geldig e-mailbericht"):
        load_document("los.eml", b"Gewoon wat tekst zonder kopregels.\n", settings=settings)


# --------------------------------------------------------------------------- bad input in general


@pytest.mark.parametrize("name", ["leeg.md", "leeg.txt", "leeg.pdf", "leeg.docx", "leeg.html", "leeg.eml"])
@pytest.mark.parametrize("data", [b"", b" \n\r\n\t"])
def test_empty_file(name, data, settings):
    with pytest.raises(InputError, match=re.escape(f"{name}: het bestand is leeg")):
        load_document(name, data, settings=settings)


@pytest.mark.parametrize("name", ["ruis.txt", "ruis.md", "ruis.html", "ruis.eml"])
@pytest.mark.parametrize("kind", ["random", "nul-heavy", "small-controls"])
def test_binary_garbage(name, kind, settings):
    data = {"random": os.urandom(4000), "nul-heavy": b"Agenda\x00\x00\x00\x01\x02" * 200,
            "small-controls": bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 65, 66])}[kind]
    with pytest.raises(InputError, match=re.escape(f"{name}: geen leesbare tekst")):
        load_document(name, data, settings=settings)


@pytest.mark.parametrize(("name", "hint"), [("begroting.xlsx", "'.xlsx'"), ("oud.doc", "als .docx"),
                                            ("LEESMIJ", "geen bestandsextensie")])
def test_unsupported_extension(name, hint, settings):
    with pytest.raises(UnsupportedFormatError, match=hint) as info:
        load_document(name, b"inhoud", settings=settings)
    assert str(info.value).startswith(f"{name}: ")
    assert info.value.filename == name


def test_too_large_file(small_settings):
    data = b"Agenda\n" + b"x" * small_settings.max_file_bytes
    with pytest.raises(TooLargeError, match=r"groot\.txt: het bestand is 0,2 MB; de limiet is 0,2 MB"):
        load_document("groot.txt", data, settings=small_settings)


def test_uppercase_extension_and_directory_in_name(settings):
    src = load_document("map/AGENDA.MD", b"# Agenda\n", settings=settings)
    assert (src.filename, src.media_type) == ("AGENDA.MD", "md")


def test_docx_comment_in_table_with_two_paragraphs(settings):
    d = docx.Document()
    d.add_paragraph("Actielijst werkgroep")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Subsidieaanvraag indienen"
    run = table.cell(0, 1).paragraphs[0].add_run("Karin")
    comment = d.add_comment(run, text="Gedaan op 3 mei.", author="Els")
    comment.add_paragraph("Kan van de lijst.")
    buf = io.BytesIO()
    d.save(buf)
    src = load_document("acties.docx", buf.getvalue(), settings=settings)
    assert "Subsidieaanvraag indienen | Karin" in src.raw_text[:src.body_end]
    (note,) = src.annotations
    assert src.raw_text[note.text_start:note.text_end] == "Gedaan op 3 mei. Kan van de lijst."
    assert src.raw_text[note.anchor_start:note.anchor_end] == "Karin"
    assert src.raw_text[src.body_end:].splitlines()[-1] == '- Els bij "Karin": Gedaan op 3 mei. Kan van de lijst.'
