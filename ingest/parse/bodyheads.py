"""Item headings written as plain lines (web pages copied as text, PDF text without marks): a short
title-like line with the item's text right below it, decided over the whole document.

A line is such a heading when it is short (at most `MAX_WORDS` words), starts with a capital, has no
final punctuation and no label colon, and the next line is body text (a sentence of at least
`MIN_BODY_WORDS` words); the line before it ends a paragraph (blank, or a sentence end) or is the end
of the header. The document's items are these lines when it has at least `MIN_HEADINGS` of them: one
short line followed by prose is no agenda, a pattern that repeats with body text between is.
"""

from __future__ import annotations

import re

from ingest.parse.dates import find_dates
from ingest.parse.lines import Line, plain
from ingest.parse.words import is_document_section, is_item_part, is_page_chrome, is_session_heading
from notulist.nl import lexicon

MAX_WORDS = 10
MIN_BODY_WORDS = 6
MIN_HEADINGS = 3
_END = re.compile(r"[.,;:!?]$")
_PARAGRAPH_END = re.compile(r"[.!?:)\"”’]$")
_LIST_ENTRY = re.compile(r"\(?(?:\d{1,2}|[a-z])[.)]\s")  # the last entry of a list ends the block above


def bold_colon_heading(ln: Line) -> bool:
    """'**Financiën:**' with the item's text below: a bold title with a colon, not a list label
    ('**Afspraken:**', 'Acties:', notulist/nl block_label) and not a header field."""
    text = plain(ln.content)
    return (ln.bold and text.endswith(":") and text.count(":") == 1 and len(text.split()) <= 8
            and not lexicon().pattern("block_label").match(text) and not is_item_part(text))


def is_table_row(ln: Line) -> bool:
    """'Niveau | Onderdeel | Onderwerp | Prioriteit': a row of a table (a Word table read as text), whose
    cells are never one title."""
    return plain(ln.content).count("|") >= 1 and len(re.findall(r"\S\s*\|\s*\S", ln.raw)) >= 1


def heading_shaped(ln: Line) -> bool:
    """Short, capitalised, no final punctuation, no 'Label:' and no list mark: it reads as a title."""
    text = plain(ln.content)
    if bold_colon_heading(ln):
        text = text[:-1]
    words = text.split()
    return (not ln.blank and not ln.bullet and 1 <= len(words) <= MAX_WORDS and not _END.search(text)
            and not is_table_row(ln)
            and ":" not in text and bool(re.match(r"[A-ZÀ-Ý]", text)) and not is_session_heading(text)
            and not is_document_section(text) and not is_page_chrome(ln.content) and not is_item_part(text)
            and not (find_dates(text) and len(words) <= 4))


def is_body_text(ln: Line) -> bool:
    """A line of prose: several words that end or run on as a sentence, not a title line itself."""
    text = plain(ln.content)
    words = text.split()
    return not ln.blank and not ln.md_level and len(words) >= MIN_BODY_WORDS and (
        bool(_PARAGRAPH_END.search(text)) or len(words) >= 2 * MIN_BODY_WORDS or text[-1:].isalpha())


def opens_paragraph(lines: list[Line], i: int, begin: int) -> bool:
    """Line i starts a new block: it is the first after the header, or the line above is blank, ends a
    sentence or is a list entry."""
    if i == begin or i == 0:
        return True
    above = lines[i - 1]
    return (above.blank or bool(_PARAGRAPH_END.search(plain(above.content))) or above.bullet
            or bool(_LIST_ENTRY.match(plain(above.content))))


def body_headings(lines: list[Line], begin: int) -> list[Line]:
    """The plain heading lines of the document (see module doc), or [] when it has too few."""
    out = []
    for i in range(max(begin, 1), len(lines) - 1):
        ln, nxt = lines[i], lines[i + 1]
        if heading_shaped(ln) and opens_paragraph(lines, i, begin) and is_body_text(nxt) \
                and len(plain(nxt.content).split()) > len(plain(ln.content).split()):
            out.append(ln)
    return out if len(out) >= MIN_HEADINGS else []


def _indent(ln: Line) -> int:
    return len(ln.raw.expandtabs(4)) - len(ln.raw.expandtabs(4).lstrip())


def outline_heads(lines: list[Line]) -> list[Line]:
    """Minutes written as one outline ('- Opening' with '  - De voorzitter opent ...' below it): the
    top-level entries are the items when most of them (and at least `MIN_HEADINGS`) carry deeper lines
    and read as titles; a flat list of points is no agenda."""
    bullets = [ln for ln in lines if ln.bullet and not ln.blank]
    if not bullets:
        return []
    top = min(_indent(b) for b in bullets)
    index = {ln.start: k for k, ln in enumerate(lines)}
    entries, heads = 0, []
    for b in bullets:
        if _indent(b) != top:
            continue
        entries += 1
        nxt = next((o for o in lines[index[b.start] + 1:] if not o.blank), None)
        text = plain(b.content).rstrip(":")
        if (nxt is not None and _indent(nxt) > top and 1 <= len(text.split()) <= MAX_WORDS
                and not _END.search(text) and re.match(r"[A-ZÀ-Ý0-9]", text) and not is_document_section(text)
                and not is_item_part(text)):
            heads.append(b)
    return heads if len(heads) >= MIN_HEADINGS and 2 * len(heads) > entries else []
