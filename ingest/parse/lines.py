"""Lines of a raw text with their markup peeled off (raw offsets kept), plain and display forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.redactions import display_text, find_redactions
from notulist.models import Redaction, Source


_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_BULLET = re.compile(r"^(?:[-•➤▪◦·●○►▶→–]|\*(?=\s))\s+")
WHITESPACE = re.compile(r"\s+")


@dataclass
class Line:
    """One line of the raw text with its markup peeled off (offsets stay raw)."""

    start: int
    end: int  # end of the line text (without the newline)
    raw: str
    content: str = ""  # text without heading marks, bullet, whole-line bold/italic wrappers
    md_level: int = 0
    bullet: bool = False
    bold: bool = False  # the whole line (after bullet) is bold
    italic: bool = False  # the whole line is italic
    content_start: int = 0  # raw offset of `content`

    @property
    def blank(self) -> bool:
        return not self.content.strip(" *_#>-")


def peel(raw: str, start: int) -> Line:
    line = Line(start=start, end=start + len(raw), raw=raw)
    lead = len(raw) - len(raw.lstrip())
    s = raw.strip()
    off = lead
    m = _MD_HEADING.match(s)
    if m:
        line.md_level = len(m.group(1))
        s, off = s[m.end():], off + m.end()
    m = _BULLET.match(s)
    if m:
        line.bullet = True
        s, off = s[m.end():], off + m.end()
    # whole-line wrappers: **bold**, __bold__, *italic*, _italic_ (possibly nested once)
    for _ in range(2):
        for mark, attr in (("**", "bold"), ("__", "bold"), ("*", "italic"), ("_", "italic")):
            if len(s) > 2 * len(mark) and s.startswith(mark) and s.endswith(mark):
                inner = s[len(mark):-len(mark)]
                if mark in ("*", "_") and (inner.startswith(mark) or inner.endswith(mark)):
                    continue
                if mark == "**" and "**" in inner:
                    continue
                setattr(line, attr, True)
                s, off = inner, off + len(mark)
                break
    line.content = s.strip()
    line.content_start = start + off + (len(s) - len(s.lstrip()))
    return line


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of text[start:end] with raw offsets."""
    end = len(text) if end is None else end
    lines: list[Line] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        raw = text[pos:stop].rstrip("\r")
        lines.append(peel(raw, pos))
        pos = stop + 1
    return lines


def plain(text: str) -> str:
    """Text without markdown emphasis, link syntax and surrounding punctuation, whitespace collapsed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"</?sup>", " ", text)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<!\w)[*_]|[*_](?!\w)", "", text)
    return WHITESPACE.sub(" ", text).strip()


def display(source: Source, start: int, end: int) -> str:
    """The display form of raw_text[start:end]: redaction marks shown as one token each."""
    return display_text(source.raw_text[start:end], redactions_of(source), offset=start)


_REDACTION_CACHE: dict[str, list[Redaction]] = {}


def redactions_of(source: Source) -> list[Redaction]:
    """The source's redactions; computed here when a hand-built Source carries none."""
    if source.redactions:
        return source.redactions
    if source.id not in _REDACTION_CACHE:
        if len(_REDACTION_CACHE) > 256:
            _REDACTION_CACHE.clear()
        _REDACTION_CACHE[source.id] = find_redactions(source.raw_text)
    return _REDACTION_CACHE[source.id]


def body_limit(source: Source) -> int:
    """Where the document body ends (appended Word comments / PDF annotations start)."""
    return len(source.raw_text) if source.body_end is None else source.body_end


def rstrip_pos(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end
