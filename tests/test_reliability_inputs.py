"""Issue 14, bounded work for every input: the hostile-file corpus (generated here, small on disk) and
work that grows linearly with the file (counted, never timed).

Each limit is a setting; the error names it, so a user knows which one to raise."""

from __future__ import annotations

import io
import sys
import zipfile

import pytest
from fpdf import FPDF

from ingest.loaders import load_document
from ingest.loaders.html import _HtmlText
from ingest.parser import parse_meeting
from notulist.errors import InputError, TooLargeError
from notulist.settings import Settings


def deep_html(levels: int) -> bytes:
    """About a thousand nested elements in ~11 KB: the file that crashed ingest with a RecursionError."""
    return (b"<html><body>" + b"<div>" * levels + b"Agenda gemeenteraad 12 maart 2024" + b"</div>" * levels
            + b"</body></html>")


def test_deep_html_is_refused_by_the_depth_limit_not_a_recursion_error(settings):
    data = deep_html(1000)
    assert len(data) < 12_000
    with pytest.raises(InputError, match="NOTULIST_MAX_HTML_DEPTH") as err:
        load_document("diep.html", data, settings=settings)
    assert "te diep genest" in str(err.value) and err.value.filename == "diep.html"


def test_deep_html_within_a_raised_limit_is_walked_without_recursion(settings):
    """The walk uses its own stack: far deeper than Python's recursion limit still gives the text."""
    levels = sys.getrecursionlimit() * 3
    raised = settings.model_copy(update={"max_html_depth": levels + 10})
    src = load_document("diep.html", deep_html(levels), settings=raised)
    assert src.raw_text == "Agenda gemeenteraad 12 maart 2024\n"


def test_html_over_its_own_size_limit_is_refused_before_parsing(settings):
    small = settings.model_copy(update={"max_html_bytes": 2_000})
    data = b"<p>" + b"Agenda punt over de begroting. " * 200 + b"</p>"
    with pytest.raises(TooLargeError, match="NOTULIST_MAX_HTML_BYTES"):
        load_document("groot.html", data, settings=small)
    assert load_document("groot.html", data, settings=settings).raw_text.startswith("Agenda punt")


def test_html_e_mail_body_is_bounded_too(settings):
    mail = (b"From: griffie@example.nl\r\nSubject: Agenda\r\nContent-Type: text/html\r\n\r\n" + deep_html(600))
    with pytest.raises(InputError, match="NOTULIST_MAX_HTML_DEPTH"):
        load_document("agenda.eml", mail, settings=settings)


def test_huge_line_count_is_refused_naming_the_limit(settings):
    data = b"# Agenda gemeenteraad\n" + b"\n" * settings.max_lines
    assert len(data) < 60_000
    with pytest.raises(TooLargeError, match="NOTULIST_MAX_LINES"):
        load_document("regels.md", data, settings=settings)


def test_text_over_the_character_limit_is_refused(settings):
    small = settings.model_copy(update={"max_text_chars": 1_000})
    data = ("Het college besluit akkoord te gaan. " * 40).encode()
    with pytest.raises(TooLargeError, match="NOTULIST_MAX_TEXT_CHARS"):
        load_document("lang.txt", data, settings=small)


@pytest.mark.parametrize("data", [b"x", b"7", b"12-34 56\n", b"..."])
def test_a_file_without_meeting_content_is_refused(settings, data):
    with pytest.raises(InputError, match="geen vergaderstuk herkend") as err:
        load_document("klein.md", data, settings=settings)
    assert "NOTULIST_MIN_TEXT_LETTERS" in str(err.value)


def test_binary_junk_with_a_pdf_name_is_a_clear_error(settings):
    junk = bytes((i * 7919 + 13) % 256 for i in range(4096))
    with pytest.raises(InputError, match="PDF"):
        load_document("agenda.pdf", junk, settings=settings)
    with pytest.raises(InputError, match="PDF"):
        load_document("agenda.pdf", b"%PDF-1.7\n" + junk, settings=settings)


def test_zip_bomb_docx_is_refused_before_unpacking(settings):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (settings.max_file_bytes + 1))
    data = buf.getvalue()
    assert len(data) < 100_000  # small on disk, over the limit unpacked
    with pytest.raises(TooLargeError, match="zip-bom"):
        load_document("bom.docx", data, settings=settings)


def pdf_with_pages(n: int) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for i in range(n):
        pdf.add_page()
        pdf.set_y(100)  # mid-page: text at the top or bottom of every page is running-header furniture
        pdf.cell(0, 10, f"Agenda gemeenteraad pagina {i + 1} vaststelling van de begroting")
    return bytes(pdf.output())


def test_pdf_over_the_page_limit_is_refused(settings):
    few = settings.model_copy(update={"max_pages": 2})
    with pytest.raises(TooLargeError, match="NOTULIST_MAX_PAGES"):
        load_document("lang.pdf", pdf_with_pages(3), settings=few)
    assert "pagina 2" in load_document("lang.pdf", pdf_with_pages(2), settings=few).raw_text


# --------------------------------------------------------------------------- work grows linearly


def lines_executed(fn) -> int:
    """Python lines executed by `fn()`: the work done, independent of how busy the machine is."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        fn()
    finally:
        sys.settrace(previous)
    return count


def meeting_text(n: int) -> str:
    head = "# Vergadering gemeenteraad 12 maart 2024\n\nAanwezig: Jan de Vries, Piet Jansen\n\n"
    body = "".join(f"{i + 1}. Punt {i} over de begroting\nBesloten: akkoord met het voorstel.\n\n" if i % 4 == 0
                   else f"Het college stelt voor om regel {i} vast te stellen.\n" for i in range(n))
    return head + body


def html_of(n: int) -> bytes:
    rows = "".join(f"<tr><td>{i}</td><td><p>Punt {i}.</p><p>Besluit</p></td></tr>" for i in range(n))
    items = "".join(f"<li>Agendapunt {i}<ul><li>toelichting</li></ul></li>" for i in range(n))
    return f"<html><body><h1>Agenda</h1><ol>{items}</ol><table>{rows}</table></body></html>".encode()


@pytest.mark.parametrize("kind", ["md", "html"])
def test_load_and_parse_work_grows_linearly(settings, kind):
    """Four times the document costs about four times the work (a quadratic step would cost ~16x)."""
    def run(n: int):
        data = meeting_text(n).encode() if kind == "md" else html_of(n)
        return lines_executed(lambda: parse_meeting(load_document(f"agenda.{kind}", data, settings=settings)))

    small, large = run(150), run(600)
    assert small > 1_000
    assert large / small < 6, (small, large)


def test_html_walk_visits_each_node_once(settings):
    """The iterative walk's own counter: nodes visited equal the nodes in the tree, at every size."""
    from bs4 import BeautifulSoup

    for n in (50, 200):
        markup = html_of(n)
        walker = _HtmlText("x.html", settings.max_html_depth)
        soup = BeautifulSoup(markup, "lxml")
        walker.walk(soup)
        assert walker.visited == sum(1 for _ in soup.descendants)


def test_every_limit_has_a_sane_default():
    s = Settings()
    assert s.max_html_depth >= 100 and s.max_lines >= 10_000 and s.max_pages >= 300
    assert 1_000_000 <= s.max_text_chars and s.max_html_bytes <= s.max_file_bytes
    assert 1 <= s.min_text_letters <= 10 and s.max_chunks >= 1_000


# --------------------------------------------------------------------------- through the pipeline


def test_a_text_without_meeting_structure_is_refused_and_nothing_stored(app):
    from service.pipeline import InputFile

    result = app.ingest(InputFile(filename="notitie.txt", data=b"Hallo, dit is zomaar een korte tekst."))
    assert result.status == "error" and "geen vergaderstuk herkend" in result.message
    assert app.store.list_meetings() == []


def test_a_meeting_over_the_chunk_limit_is_refused_before_it_is_stored(settings):
    from service.pipeline import InputFile, Notulist

    app = Notulist(settings.model_copy(update={"max_chunks": 10}))
    text = meeting_text(80)
    result = app.ingest(InputFile(filename="lang.md", data=text.encode()))
    assert result.status == "error" and "NOTULIST_MAX_CHUNKS" in result.message, result
    assert app.store.list_meetings() == []
    assert app.ingest(InputFile(filename="kort.md", data=meeting_text(2).encode())).status == "new"
