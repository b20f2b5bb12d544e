"""PDF: text lines by page (pdfminer), page furniture removed, note annotations anchored (pypdf)."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass

from ingest.loaders.base import COMMENTS_HEADER, LoadedDoc
from ingest.ocr import ocr_pages, scanned_pages
from notulist.errors import InputError, TooLargeError
from notulist.models import Annotation
from notulist.settings import Settings


@dataclass
class _Line:
    start: int
    end: int
    bbox: tuple[float, float, float, float]


_Page = tuple[int, str, list[_Line]]  # (page start offset, text, lines)


def load_pdf(name: str, data: bytes, *, settings: Settings | None = None, **_) -> LoadedDoc:
    from pdfminer.high_level import extract_pages  # late: pdfminer and pypdf load only when a PDF is read
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pypdf import PdfReader

    head = data[:1024]
    if b"%PDF-" not in head:
        raise InputError(f"{name}: beschadigde of ongeldige PDF (geen PDF-kop)", filename=name)
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # pypdf logs repairs of slightly broken files; the result says enough
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PDFPasswordIncorrect()
        if settings is not None and len(reader.pages) > settings.max_pages:
            raise TooLargeError(f"{name}: de PDF telt {len(reader.pages)} pagina's; de limiet is "
                                f"{settings.max_pages} (NOTULIST_MAX_PAGES)", filename=name)
        page_annots = [_pdf_annotations(page) for page in reader.pages]
        layouts = list(extract_pages(io.BytesIO(data), laparams=LAParams()))
        pages = _pdf_pages(layouts, ocr_pages(name, data, scanned_pages(layouts)))
    except PDFPasswordIncorrect as exc:
        raise InputError(f"{name}: de PDF is beveiligd met een wachtwoord", filename=name) from exc
    except InputError:
        raise
    except Exception as exc:  # pdfminer/pypdf raise many types (PDFSyntaxError, PdfReadError, struct.error...)
        raise InputError(f"{name}: beschadigde of ongeldige PDF ({type(exc).__name__})", filename=name) from exc
    finally:
        quiet.setLevel(level)
    body = "\n\n".join(text for _, text, _ in pages)
    if not body.strip():
        raise InputError(f"{name}: de PDF heeft geen tekstlaag en geen gescande pagina's om te herkennen",
                         filename=name)
    if body.count("(cid:") * 6 > len(body) * 0.5:
        raise InputError(f"{name}: de tekstlaag van de PDF is onleesbaar (lettertype zonder tekentabel)",
                         filename=name)
    body = body.rstrip("\n") + "\n"
    doc = LoadedDoc(body, body_end=len(body), pages=[start for start, _, _ in pages])
    notes = [(i, ann) for i, anns in enumerate(page_annots) for ann in anns]
    if notes:
        _append_notes(doc, notes, pages)
    return doc


def _pdf_pages(layouts: list, ocr: dict[int, str] | None = None) -> list[_Page]:
    """The text of each page (text boxes in order, one line break between boxes, page furniture left
    out) with its lines; pages are joined by a blank line. A scanned page is its OCR text (`ocr`)."""
    from pdfminer.layout import LTTextBox, LTTextLine

    ocr = ocr or {}
    furniture = _page_furniture([(layout.height, [(box.y0, box.y1, box.get_text()) if isinstance(box, LTTextBox)
                                                  else None for box in layout]) for layout in layouts])
    pages: list[_Page] = []
    pos = 0
    for page_no, layout in enumerate(layouts):
        if page_no:
            pos += 2
        page_start, lines, page_parts = pos, [], []
        if page_no in ocr:
            pages.append((page_start, ocr[page_no], []))
            pos += len(ocr[page_no])
            continue
        for box_no, box in enumerate(layout):
            if not isinstance(box, LTTextBox) or (page_no, box_no) in furniture:
                continue
            if page_parts:
                page_parts.append("\n")
                pos += 1
            for line in box:
                if not isinstance(line, LTTextLine):
                    continue
                text = line.get_text()
                lines.append(_Line(pos, pos + len(text.rstrip("\n")), line.bbox))
                page_parts.append(text)
                pos += len(text)
        pages.append((page_start, "".join(page_parts), lines))
    return pages


def _append_notes(doc: LoadedDoc, notes: list, pages: list[_Page]) -> None:
    """PDF note annotations as lines under COMMENTS_HEADER, each anchored to the line it points at."""
    body = doc.text
    text_parts, pos = [body, COMMENTS_HEADER], len(body) + len(COMMENTS_HEADER)
    for page_index, (author, contents, rect, subtype) in notes:
        page_start, _, lines = pages[page_index] if page_index < len(pages) else (0, "", [])
        anchor = _pdf_anchor(lines, rect, subtype, page_start, len(body))
        prefix = f"- p. {page_index + 1}, {author or 'onbekend'}: "
        line_text = re.sub(r"\s*\n\s*", " ", contents.strip())
        start = pos + len(prefix)
        doc.annotations.append(Annotation(kind="pdf_annotation", author=author or None, text_start=start,
                                          text_end=start + len(line_text), anchor_start=anchor[0],
                                          anchor_end=anchor[1], page=page_index + 1))
        line = prefix + line_text + "\n"
        text_parts.append(line)
        pos += len(line)
    doc.text = "".join(text_parts)


PAGE_MARGIN = 0.12  # share of the page height at the top and at the bottom where running headers/footers sit
_PAGE_NUMBER = re.compile(r"^\s*(?:(?:pagina|page|blz\.?|p\.)\s*)?[-–]?\s*\d{1,3}\s*(?:(?:van|of|/)\s*\d{1,3})?\s*[-–]?\s*$",
                          re.I)


def _page_furniture(pages: list[tuple[float, list[tuple[float, float, str] | None]]]) -> set[tuple[int, int]]:
    """(page, box) of the running headers and footers: a text box wholly in the top or bottom margin that is
    a page number ("Pagina 2 van 5", "- 3 -") or that repeats (digits aside) on at least half of the pages.
    They are page furniture, not meeting text: left in, they split agenda items and notes mid-sentence."""
    def key(text: str) -> str:
        return re.sub(r"\d+", "#", " ".join(text.split())).casefold()

    def in_margin(y0: float, y1: float, height: float) -> bool:
        return y0 >= height * (1 - PAGE_MARGIN) or y1 <= height * PAGE_MARGIN

    counts: Counter[str] = Counter()
    for height, boxes in pages:
        counts.update({key(b[2]) for b in boxes if b is not None and in_margin(b[0], b[1], height)})
    repeated = {k for k, c in counts.items() if k and len(pages) >= 2 and c >= max(2, (len(pages) + 1) // 2)}
    found = set()
    for page_no, (height, boxes) in enumerate(pages):
        for box_no, b in enumerate(boxes):
            if b is not None and in_margin(b[0], b[1], height) and (key(b[2]) in repeated or _PAGE_NUMBER.match(b[2])):
                found.add((page_no, box_no))
    return found


_NOTE_SUBTYPES = {"/Text", "/FreeText", "/Highlight", "/Underline", "/StrikeOut", "/Squiggly", "/Square",
                  "/Circle", "/Ink", "/Stamp", "/Caret"}


def _pdf_annotations(page) -> list[tuple[str, str, tuple[float, float, float, float], str]]:
    """(author, text, rect, subtype) of the page's comment-like annotations that carry text (not links or fields)."""
    found = []
    for ref in page.get("/Annots") or []:
        try:
            annot = ref.get_object()
            if annot.get("/Subtype") not in _NOTE_SUBTYPES:
                continue
            contents = str(annot.get("/Contents") or "").replace("\r\n", "\n").replace("\r", "\n")
            if not contents.strip():
                continue
            rect = tuple(float(v) for v in annot.get("/Rect", [0, 0, 0, 0]))
            found.append((str(annot.get("/T") or "").strip(), contents, rect, str(annot.get("/Subtype"))))
        except Exception:  # one broken annotation must not lose the document
            continue
    return found


_MARKUP = {"/Highlight", "/Underline", "/StrikeOut", "/Squiggly"}


def _pdf_anchor(lines: list[_Line], rect, subtype: str, page_start: int, body_len: int) -> tuple[int, int]:
    """The body text next to an annotation, else the page's start.

    A highlight-like markup covers its text: every line inside its rectangle. A sticky note's icon hangs
    from the point that was clicked (its top edge): the line at that height. Other boxes (free text,
    shapes): the line they overlap most. Failing that, the nearest line within ~3 lines.
    """
    x0, y0, x1, y1 = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])
    if subtype == "/Text":
        y0 = y1 = y1 - 1
    vertical = [ln for ln in lines if ln.bbox[1] <= y1 and ln.bbox[3] >= y0]
    both = [ln for ln in vertical if ln.bbox[0] <= x1 and ln.bbox[2] >= x0]
    chosen = both or vertical
    if chosen and subtype not in _MARKUP:
        chosen = [max(chosen, key=lambda ln: min(ln.bbox[3], y1) - max(ln.bbox[1], y0))]
    if not chosen and lines:
        centre = (y0 + y1) / 2
        nearest = min(lines, key=lambda ln: abs((ln.bbox[1] + ln.bbox[3]) / 2 - centre))
        if abs((nearest.bbox[1] + nearest.bbox[3]) / 2 - centre) <= 40:
            chosen = [nearest]
    if not chosen:
        start = min(page_start, body_len)
        return start, start
    return min(ln.start for ln in chosen), min(max(ln.end for ln in chosen), body_len)
