"""Word (.docx): paragraphs, numbering, tables and comments rendered as Markdown-like text."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from ingest.loaders.base import COMMENTS_HEADER, LoadedDoc, megabytes
from notulist.errors import InputError, TooLargeError
from notulist.models import Annotation
from notulist.settings import Settings


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


def load_docx(name: str, data: bytes, *, settings: Settings, **_) -> LoadedDoc:
    import docx  # python-docx; late: it loads only when a Word file is read

    _check_zip(name, data, settings)
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
    doc = LoadedDoc(body, body_end=len(body))
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
        raise TooLargeError(f"{name}: het Word-bestand pakt uit tot {megabytes(total)}; de limiet is "
                            f"{megabytes(settings.max_file_bytes)} (mogelijk een zip-bom)", filename=name)
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
