"""Turn an uploaded file (md, txt, docx, pdf, html, eml) into a `Source` with one exact raw text.

Every later citation is a span of `Source.raw_text`, so each loader produces that text once, here, and
nothing downstream rewrites it. Plain text (md, txt) is kept byte-for-byte as decoded (newlines as in
the file, only a BOM dropped). For the other formats the raw text is this module's rendering: Word
paragraphs and tables in document order, PDF text per page, visible HTML text with blocks on their own
lines, e-mail headers and body. Word comments and PDF annotations are appended after the body under
`COMMENTS_HEADER`, one per line, and recorded as `Annotation`s (comment text span + anchored body span).

Why not `unstructured` for these formats: its partitioners classify text with a spaCy model that it
downloads at first use (md, docx, html, txt, eml all go through that via text_type/nlp.tokenize), and its
pdf path needs unstructured-inference (torch); Notulist must not download at run time, so the loaders
use the well-kept libraries underneath: python-docx, pdfminer.six + pypdf, BeautifulSoup, stdlib email.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email
import email.policy
import hashlib
import io
import logging
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import PurePath

from notulist.dutch import dutch_date
from notulist.errors import InputError, TooLargeError, UnsupportedFormatError
from notulist.models import Annotation, Source
from notulist.settings import Settings

from ingest.redactions import find_redactions

COMMENTS_HEADER = "\n\n---\nOpmerkingen in het document:\n"
EXTENSIONS = {
    ".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt", ".docx": "docx", ".pdf": "pdf",
    ".html": "html", ".htm": "html", ".eml": "eml",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_MAX_NESTING = 3  # e-mail attachments that are e-mails themselves


def load_document(filename: str, data: bytes, *, settings: Settings, role: str = "agenda") -> Source:
    """Read one file into a `Source`; bad input raises an `InputError` whose message names the file."""
    return _load(filename, data, settings=settings, role=role, depth=0)


def _load(filename: str, data: bytes, *, settings: Settings, role: str, depth: int) -> Source:
    name = PurePath(filename).name or filename
    media_type = _media_type(name)
    check_size(name, len(data), settings)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise InputError(f"{name}: het bestand is leeg", filename=name)
    loader = {"md": _load_plain, "txt": _load_plain, "docx": _load_docx, "pdf": _load_pdf,
              "html": _load_html, "eml": _load_eml}[media_type]
    doc = loader(name, data, settings=settings, depth=depth)
    if not doc.text.strip():
        raise InputError(f"{name}: geen tekst gevonden in het bestand", filename=name)
    return Source(
        id=hashlib.sha256(data).hexdigest(),
        filename=name,
        media_type=media_type,
        role=role,
        raw_text=doc.text,
        body_end=doc.body_end if doc.body_end is not None else len(doc.text),
        annotations=doc.annotations,
        redactions=find_redactions(doc.text),
        size_bytes=len(data),
    )


def check_size(filename: str, size: int, settings: Settings) -> None:
    """Refuse a file over the size limit (callers with a path can check before reading it)."""
    if size > settings.max_file_bytes:
        name = PurePath(filename).name or filename
        raise TooLargeError(f"{name}: het bestand is {_mb(size)}; de limiet is "
                            f"{_mb(settings.max_file_bytes)} (NOTULIST_MAX_FILE_BYTES)", filename=name)


def _media_type(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    supported = ", ".join(sorted({s for s in EXTENSIONS if s not in (".markdown", ".text", ".htm")}))
    if not suffix:
        raise UnsupportedFormatError(f"{name}: geen bestandsextensie; ondersteund zijn {supported}", filename=name)
    hint = "; sla het op als .docx" if suffix in (".doc", ".odt", ".rtf") else ""
    raise UnsupportedFormatError(f"{name}: bestandstype '{suffix}' wordt niet ondersteund "
                                 f"(wel: {supported}){hint}", filename=name)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")


@dataclass
class _Doc:
    text: str
    body_end: int | None = None
    annotations: list[Annotation] = field(default_factory=list)


# --------------------------------------------------------------------------- plain text


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 (BOM dropped), else cp1252; binary content is refused instead of becoming mojibake."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _binary(name) from None
    if b"\x00" in data:
        raise _binary(name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise _binary(name) from None
    if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise _binary(name)
    return text


def _binary(name: str) -> InputError:
    return InputError(f"{name}: geen leesbare tekst; het bestand bevat binaire gegevens "
                      "(verkeerde extensie of beschadigd?)", filename=name)


def _load_plain(name: str, data: bytes, **_) -> _Doc:
    return _Doc(decode_text(name, data))


# --------------------------------------------------------------------------- docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# subtrees whose text is not part of the visible paragraph (deleted text, properties, drawings, fields)
_SKIP = {_W + t for t in ("pPr", "rPr", "del", "moveFrom", "instrText", "delInstrText", "drawing", "pict",
                          "object", "footnoteReference", "endnoteReference")} | {_MC_FALLBACK}


class _TextBuilder:
    """Accumulates the rendered text and where comment ranges start and end in it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.range_start: dict[str, int] = {}
        self.range_end: dict[str, int] = {}
        self.reference: dict[str, tuple[int, int]] = {}  # comment id -> line of its reference mark

    def add(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.length += len(s)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class _Numbering:
    """Renders Word's automatic list numbers ("1.", "2.a"), which are not in the paragraph text."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.findall(_W + "abstractNum"):
            lvls = {}
            for lvl in an.findall(_W + "lvl"):
                fmt = _attr(lvl.find(_W + "numFmt")) or "decimal"
                text = _attr(lvl.find(_W + "lvlText")) or ""
                start = int(_attr(lvl.find(_W + "start")) or 1)
                lvls[int(_attr(lvl, "ilvl") or 0)] = (fmt, text, start)
            abstract[_attr(an, "abstractNumId") or ""] = lvls
        for num in root.findall(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            self.levels[_attr(num, "numId") or ""] = abstract.get(_attr(ref) or "", {})

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return ""
        counts = self.counters.setdefault(num_id, [levels.get(i, ("", "", 1))[2] - 1 for i in range(9)])
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = levels.get(deeper, ("", "", 1))[2] - 1
        label = re.sub(r"%(\d)", lambda m: _format_number(counts[int(m.group(1)) - 1],
                                                          levels.get(int(m.group(1)) - 1, ("decimal",))[0]), text)
        return label + " " if label else ""


def _format_number(n: int, fmt: str) -> str:
    n = max(n, 0)
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) if n else "a"
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s if fmt == "upperRoman" else s.lower()
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def _attr(el, name: str = "val") -> str | None:
    return None if el is None else el.get(_W + name)


def _load_docx(name: str, data: bytes, *, settings: Settings, **_) -> _Doc:
    _check_zip(name, data, settings)
    import docx  # python-docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors, ... on broken parts
        raise InputError(f"{name}: beschadigd of geen Word-bestand (.docx) ({type(exc).__name__})",
                         filename=name) from exc
    styles = _style_info(document)
    numbering = _Numbering(document)
    out = _TextBuilder()
    _render_blocks(document.element.body, out, styles, numbering)
    body = out.text.rstrip("\n") + "\n"
    doc = _Doc(body, body_end=len(body))
    comments = _docx_comments(document)
    if comments:
        text_parts = [body, COMMENTS_HEADER]
        pos = len(body) + len(COMMENTS_HEADER)
        for cid, author, comment_text in comments:
            anchor = _anchor(out, cid, len(body))
            context = body[anchor[0]:anchor[1]].strip() if anchor else ""
            context = re.sub(r"\s+", " ", context)
            context = context if len(context) <= 60 else context[:57] + "..."
            prefix = f"- {author or 'onbekend'}" + (f' bij "{context}"' if context else "") + ": "
            line_text = re.sub(r"\s*\n\s*", " ", comment_text.strip())
            start = pos + len(prefix)
            doc.annotations.append(Annotation(kind="word_comment", author=author or None, text_start=start,
                                              text_end=start + len(line_text),
                                              anchor_start=anchor[0] if anchor else None,
                                              anchor_end=anchor[1] if anchor else None))
            line = prefix + line_text + "\n"
            text_parts.append(line)
            pos += len(line)
        doc.text = "".join(text_parts)
    return doc


def _check_zip(name: str, data: bytes, settings: Settings) -> None:
    """Refuse a broken zip or a zip bomb before anything is decompressed (declared sizes are enforced by
    zipfile while reading, so summing them bounds what python-docx can unpack)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise InputError(f"{name}: beschadigd of geen Word-bestand (.docx): geen geldig zip-archief",
                         filename=name) from exc
    total = sum(i.file_size for i in infos)
    if total > settings.max_file_bytes or len(infos) > 10_000:
        raise TooLargeError(f"{name}: het Word-bestand pakt uit tot {_mb(total)}; de limiet is "
                            f"{_mb(settings.max_file_bytes)} (mogelijk een zip-bom)", filename=name)
    if "word/document.xml" not in {i.filename for i in infos}:
        raise InputError(f"{name}: beschadigd of geen Word-bestand (.docx): word/document.xml ontbreekt",
                         filename=name)


@dataclass
class _Styles:
    names: dict[str, str]  # style id -> name ("Heading1" -> "heading 1", "Kop1" -> "Kop 1")
    numbering: dict[str, tuple[str, int]]  # style id -> (numId, ilvl) for numbered heading styles


def _style_info(document) -> _Styles:
    names: dict[str, str] = {}
    numbering: dict[str, tuple[str, int]] = {}
    try:
        root = document.styles.element
    except Exception:
        return _Styles(names, numbering)
    based: dict[str, str] = {}
    for st in root.findall(_W + "style"):
        sid = _attr(st, "styleId") or ""
        names[sid] = (_attr(st.find(_W + "name")) or sid).lower()
        parent = _attr(st.find(_W + "basedOn"))
        if parent:
            based[sid] = parent
        num_pr = st.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            num_id = _attr(num_pr.find(_W + "numId"))
            if num_id:
                numbering[sid] = (num_id, int(_attr(num_pr.find(_W + "ilvl")) or 0))
    for sid in list(names):  # inherit numbering along basedOn (one or two levels is what Word uses)
        seen, cur = set(), sid
        while cur not in numbering and cur in based and cur not in seen:
            seen.add(cur)
            cur = based[cur]
        if cur in numbering:
            numbering.setdefault(sid, numbering[cur])
    return _Styles(names, numbering)


def _render_blocks(container, out: _TextBuilder, styles: _Styles, numbering: _Numbering) -> None:
    for child in container:
        if child.tag == _W + "p":
            _render_paragraph(child, out, styles, numbering)
            out.add("\n")
        elif child.tag == _W + "tbl":
            _render_table(child, out, styles, numbering)
        elif child.tag in (_W + "sdt", _W + "customXml"):
            content = child.find(_W + "sdtContent")
            _render_blocks(content if content is not None else child, out, styles, numbering)
        elif child.tag in (_W + "commentRangeStart", _W + "commentRangeEnd"):
            _mark_range(child, out)


def _render_table(tbl, out: _TextBuilder, styles: _Styles, numbering: _Numbering) -> None:
    for tr in tbl.iter(_W + "tr"):
        if tr.getparent() is not tbl:
            continue
        first = True
        for tc in tr.findall(_W + "tc"):
            if not first:
                out.add(" | ")
            first = False
            first_par = True
            for p in tc.iter(_W + "p"):
                if not first_par:
                    out.add(" ")
                first_par = False
                _render_paragraph(p, out, styles, numbering, in_table=True)
        out.add("\n")


def _render_paragraph(p, out: _TextBuilder, styles: _Styles, numbering: _Numbering, *, in_table=False) -> None:
    line_start = out.length
    out.add(_paragraph_prefix(p, styles, numbering, in_table))
    _render_inline(p, out)
    for cid, (start, end) in list(out.reference.items()):
        if start == -1:
            out.reference[cid] = (line_start, out.length)


def _paragraph_prefix(p, styles: _Styles, numbering: _Numbering, in_table: bool) -> str:
    ppr = p.find(_W + "pPr")
    style_id = _attr(ppr.find(_W + "pStyle")) if ppr is not None else None
    style = styles.names.get(style_id or "", "")
    num_pr = ppr.find(_W + "numPr") if ppr is not None else None
    label = ""
    if num_pr is not None:
        num_id = _attr(num_pr.find(_W + "numId"))
        if num_id:
            label = numbering.label(num_id, int(_attr(num_pr.find(_W + "ilvl")) or 0))
    elif style_id in styles.numbering:
        label = numbering.label(*styles.numbering[style_id])
    if in_table:
        return label
    heading = re.fullmatch(r"(?:heading|kop)\s*(\d)", style)
    if heading:
        return "#" * int(heading.group(1)) + " " + label
    if style in ("title", "titel"):
        return "# " + label
    return label


def _render_inline(el, out: _TextBuilder) -> None:
    for child in el:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == _W + "t":
            out.add(child.text or "")
        elif tag == _W + "tab":
            out.add("\t")
        elif tag in (_W + "br", _W + "cr"):
            out.add("\n")
        elif tag == _W + "noBreakHyphen":
            out.add("-")
        elif tag in (_W + "commentRangeStart", _W + "commentRangeEnd"):
            _mark_range(child, out)
        elif tag == _W + "commentReference":
            cid = _attr(child, "id")
            if cid is not None and cid not in out.range_start:
                out.reference[cid] = (-1, -1)  # filled with the paragraph's span when it ends
        elif tag == _W + "p":  # nested paragraph (e.g. inside a content control)
            out.add(" ")
            _render_inline(child, out)
        else:
            _render_inline(child, out)


def _mark_range(el, out: _TextBuilder) -> None:
    cid = _attr(el, "id")
    if cid is None:
        return
    if el.tag == _W + "commentRangeStart":
        out.range_start[cid] = out.length
    else:
        out.range_end[cid] = out.length


def _anchor(out: _TextBuilder, cid: str, body_len: int) -> tuple[int, int] | None:
    if cid in out.range_start:
        start = out.range_start[cid]
        end = max(start, out.range_end.get(cid, start))
        return min(start, body_len), min(end, body_len)
    if cid in out.reference and out.reference[cid][0] >= 0:
        return out.reference[cid]
    return None


def _docx_comments(document) -> list[tuple[str, str, str]]:
    """(id, author, text) of every non-empty Word comment, read from the comments part itself (works with
    python-docx 1.1, which has no comments API, and never creates an empty part as 1.2's API would)."""
    from lxml import etree
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        part = document.part.part_related_by(RT.COMMENTS)
        root = etree.fromstring(part.blob)
    except (KeyError, etree.XMLSyntaxError):
        return []
    found = []
    for comment in root.iter(_W + "comment"):
        paragraphs = []
        for p in comment.iter(_W + "p"):
            out = _TextBuilder()
            _render_inline(p, out)
            paragraphs.append(out.text)
        text = "\n".join(paragraphs)
        if text.strip():
            found.append((_attr(comment, "id") or "", (_attr(comment, "author") or "").strip(), text))
    return found


# --------------------------------------------------------------------------- pdf


@dataclass
class _Line:
    start: int
    end: int
    bbox: tuple[float, float, float, float]


def _load_pdf(name: str, data: bytes, **_) -> _Doc:
    head = data[:1024]
    if b"%PDF-" not in head:
        raise InputError(f"{name}: beschadigde of ongeldige PDF (geen PDF-kop)", filename=name)
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox, LTTextLine
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pypdf import PdfReader

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # pypdf logs repairs of slightly broken files; the result says enough
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PDFPasswordIncorrect()
        page_annots = [_pdf_annotations(page) for page in reader.pages]
        pages: list[tuple[int, str, list[_Line]]] = []  # (page start offset, text, lines)
        parts: list[str] = []
        pos = 0
        layouts = list(extract_pages(io.BytesIO(data), laparams=LAParams()))
        furniture = _page_furniture([(layout.height, [(box.y0, box.y1, box.get_text()) if isinstance(box, LTTextBox)
                                                      else None for box in layout]) for layout in layouts])
        for page_no, layout in enumerate(layouts):
            if page_no:
                parts.append("\n\n")
                pos += 2
            page_start, lines, page_parts = pos, [], []
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
            parts += page_parts
            pages.append((page_start, "".join(page_parts), lines))
    except PDFPasswordIncorrect as exc:
        raise InputError(f"{name}: de PDF is beveiligd met een wachtwoord", filename=name) from exc
    except InputError:
        raise
    except Exception as exc:  # pdfminer/pypdf raise many types (PDFSyntaxError, PdfReadError, struct.error...)
        raise InputError(f"{name}: beschadigde of ongeldige PDF ({type(exc).__name__})", filename=name) from exc
    finally:
        quiet.setLevel(level)
    body = "".join(parts)
    if not body.strip():
        raise InputError(f"{name}: de PDF heeft geen tekstlaag; scan? OCR is niet beschikbaar", filename=name)
    if body.count("(cid:") * 6 > len(body) * 0.5:
        raise InputError(f"{name}: de tekstlaag van de PDF is onleesbaar (lettertype zonder tekentabel); "
                         "OCR is niet beschikbaar", filename=name)
    body = body.rstrip("\n") + "\n"
    doc = _Doc(body, body_end=len(body))
    notes = [(i, ann) for i, anns in enumerate(page_annots) for ann in anns]
    if notes:
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
    return doc


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


# --------------------------------------------------------------------------- html

_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol", "li",
           "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "dl", "dt", "dd", "h1", "h2", "h3",
           "h4", "h5", "h6", "hr", "form", "fieldset", "figure", "figcaption", "address", "details", "summary",
           "caption", "body", "html"}
_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe",
              "object", "button", "select", "option", "input"}


def html_to_text(markup: bytes | str) -> str:
    """Visible text of an HTML document: block elements on their own lines, headings as '#', numbered
    and bulleted list items with their number or '- ', table rows as cells joined by ' | '."""
    from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction

    soup = BeautifulSoup(markup, "lxml")
    lines: list[str] = []
    current: list[str] = []
    indent = [""]  # indentation of the pending line (nested list items)

    def flush() -> None:
        line = re.sub(r"[ \t\r\f\v\u00a0]+", " ", "".join(current)).strip()
        if line:
            lines.append(indent[0] + line)
        current.clear()
        indent[0] = ""

    def cell_break() -> None:
        """Inside a table cell, paragraphs and line breaks stay on the row's one line (a row is a line)."""
        text = "".join(current).rstrip()
        if text and not text.endswith("|"):
            current.append(" " if text[-1] in ".!?:;" else "; ")

    def walk(node, list_stack: list[list[int | None]], in_cell: bool = False) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                current.append(re.sub(r"\s+", " ", str(child)))
                continue
            tag = child.name
            if tag in _INVISIBLE or child.get("hidden") is not None or "display:none" in (
                    child.get("style") or "").replace(" ", ""):
                continue
            if in_cell and (tag == "br" or (tag in _BLOCKS and tag not in ("table", "tr", "td", "th"))):
                cell_break()
                walk(child, list_stack, in_cell)
                cell_break()
                continue
            if tag == "br":
                flush()
                continue
            if tag == "pre":
                flush()
                lines.extend(child.get_text().strip("\n").splitlines())
                continue
            if tag in ("td", "th"):
                if current and "".join(current).strip():
                    current.append(" | ")
                walk(child, list_stack, in_cell=True)
                while current and current[-1] in ("; ", " "):
                    current.pop()  # the break after a cell's last paragraph
                continue
            if tag not in _BLOCKS:
                walk(child, list_stack)
                continue
            flush()
            if tag in ("ol", "ul"):
                start = child.get("start")
                counter = (int(start) - 1 if start and start.isdigit() else 0) if tag == "ol" else None
                walk(child, list_stack + [[counter]])
            elif tag == "li":
                if list_stack and list_stack[-1][0] is not None:
                    list_stack[-1][0] += 1
                    prefix = f"{list_stack[-1][0]}. "
                else:
                    prefix = "- "
                indent[0] = "  " * max(len(list_stack) - 1, 0)
                current.append(prefix)
                walk(child, list_stack)
            elif re.fullmatch(r"h[1-6]", tag):
                current.append("#" * int(tag[1]) + " ")
                walk(child, list_stack)
            else:
                walk(child, list_stack)
            flush()

    walk(soup, [])
    flush()
    return "\n".join(lines) + "\n" if lines else ""


def _load_html(name: str, data: bytes, **_) -> _Doc:
    if b"\x00" in data:
        raise _binary(name)
    text = decode_text(name, data)  # refuses binary content; the text keeps any <meta charset> readable
    return _Doc(html_to_text(text))


# --------------------------------------------------------------------------- eml


def _load_eml(name: str, data: bytes, *, settings: Settings, depth: int = 0, **_) -> _Doc:
    """Headers (Onderwerp, Datum, Van) first, then the text body (plain text, else HTML as text), then
    each attachment of a supported type as its own section; attachments that cannot be read are listed
    with the reason instead of silently dropped."""
    decode_text(name, data)  # the message source itself must be text (refuses binary garbage)
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(msg, EmailMessage) or not any(k.lower() in ("from", "subject", "date", "to") for k in msg.keys()):
        raise InputError(f"{name}: geen geldig e-mailbericht (kopregels Van/Onderwerp/Datum ontbreken)",
                         filename=name)
    header_lines = []
    for label, key in (("Onderwerp", "subject"), ("Datum", "date"), ("Van", "from")):
        value = msg.get(key)
        if value is None:
            continue
        value = _dutch_datetime(value) if key == "date" else str(value)
        header_lines.append(f"{label}: {value}")
    parts = ["\n".join(header_lines) + "\n\n"]
    body_part = msg.get_body(preferencelist=("plain", "html"))
    if body_part is not None:
        content = _part_text(body_part)
        if body_part.get_content_subtype() == "html":
            content = html_to_text(content)
        parts.append(content.replace("\r\n", "\n").strip("\n") + "\n")
    # attachment comments (Word comments, PDF notes) move to one block after everything, so that all
    # annotation text still follows body_end
    pending: list[tuple[str, str, Annotation]] = []  # (attachment name, comment line, shifted annotation)
    for attachment in msg.iter_attachments():
        filename = attachment.get_filename() or ""
        if not filename and attachment.get_content_type() == "message/rfc822":
            filename = "doorgestuurd-bericht.eml"
        if not filename:
            continue
        try:
            if depth >= _MAX_NESTING:
                raise InputError(f"{filename}: te diep geneste bijlagen", filename=filename)
            inner = _load(filename, _attachment_bytes(attachment), settings=settings, role="agenda",
                          depth=depth + 1)
        except InputError as exc:
            parts.append(f"\n\n--- Bijlage niet ingelezen: {exc} ---\n")
            continue
        section_head = f"\n\n--- Bijlage: {filename} ---\n"
        offset = sum(map(len, parts)) + len(section_head)
        body_end = inner.body_end if inner.body_end is not None else len(inner.raw_text)
        parts.append(section_head + inner.raw_text[:body_end])
        for a in inner.annotations:
            line_start = inner.raw_text.rfind("\n", 0, a.text_start) + 1
            line = inner.raw_text[line_start:a.text_end]
            shifted = a.model_copy(update={
                "text_start": a.text_start - line_start, "text_end": a.text_end - line_start,
                "anchor_start": None if a.anchor_start is None else a.anchor_start + offset,
                "anchor_end": None if a.anchor_end is None else a.anchor_end + offset})
            pending.append((filename, line, shifted))
    text = "".join(parts)
    body_end = len(text)
    annotations: list[Annotation] = []
    if pending:
        text += COMMENTS_HEADER
        for filename, line, a in pending:
            prefix = f"- {filename}: "
            body = line[2:] if line.startswith("- ") else line
            start = len(text) + len(prefix) + (a.text_start - (len(line) - len(body)))
            annotations.append(a.model_copy(update={"text_start": start, "text_end": start + a.text_end - a.text_start}))
            text += prefix + body + "\n"
    return _Doc(text, body_end=body_end, annotations=annotations)


def _part_text(part) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError):  # unknown or wrong charset: UTF-8, else cp1252
        raw = part.get_payload(decode=True) or b""
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError:
            content = raw.decode("cp1252", errors="replace")
    return content if isinstance(content, str) else ""


def _attachment_bytes(part) -> bytes:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_content()
        return inner.as_bytes() if hasattr(inner, "as_bytes") else bytes(inner)
    payload = part.get_payload(decode=True)
    return payload or b""


def _dutch_datetime(value) -> str:
    """'Mon, 11 Mar 2024 09:15:00 +0100' -> '11 maart 2024, 09.15 uur' (as written if unparsable)."""
    when = getattr(value, "datetime", None)
    if not isinstance(when, dt.datetime):
        return str(value)
    return f"{dutch_date(when)}, {when:%H.%M} uur"
