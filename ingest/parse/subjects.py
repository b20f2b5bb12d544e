"""A besluitenlijst written as subject lines, each a paragraph of its own above the paragraph that records what was
decided ('Verlenging experimentfase proefgebieden Actief Bodembeheer Limburg.' + 'GS hebben besloten de
experimentfase ... te verlengen.'): the subject lines are the items."""

from __future__ import annotations

import re

from ingest.parse.lines import Line, plain, rstrip_pos
from ingest.parse.listed import Entry
from ingest.parse.words import (is_document_section, is_item_part, is_page_chrome, is_session_heading,
                                 names_other_date, structure_pattern)

MAX_TITLE_WORDS = 16  # a subject line names its subject; a longer paragraph is the text
MIN_SUBJECTS = 3
_INNER_SENTENCE = re.compile(r"[.!?]\s+[A-ZÀ-Ý]")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]?\s+\S")


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    out: list[list[Line]] = []
    run: list[Line] = []
    for ln in lines + [Line(0, 0, "")]:
        if ln.blank:
            if run:
                out.append(run)
            run = []
        else:
            run.append(ln)
    return out


def _text(par: list[Line]) -> str:
    return " ".join(plain(ln.content) for ln in par)


def _short(par: list[Line]) -> bool:
    """One sentence of at most MAX_TITLE_WORDS words on one line (or two, the second a short remainder)."""
    text = _text(par)
    return (len(par) <= 2 and (len(par) == 1 or len(plain(par[1].content).split()) <= 3)
            and 1 <= len(text.split()) <= MAX_TITLE_WORDS and not _INNER_SENTENCE.search(text)
            and not re.search(r"[:;,!?]$", text))


def _opens_with_body(par: list[Line]) -> bool:
    return bool(structure_pattern("decision_opening").match(_text(par)))


def _subject(par: list[Line], nxt: list[Line], last: bool) -> bool:
    """A subject line above its record; one that opens with the body ('GS reageren op ...') only above a long
    record that does not (a short sentence of the body between two subjects is the record itself)."""
    text = _text(par)
    head = par[0]
    if (not _short(par) or not re.match(r"[A-ZÀ-Ý]", text) or ":" in text or head.bullet or head.md_level
            or is_document_section(text) or is_item_part(text) or is_session_heading(text)
            or is_page_chrome(head.content) or names_other_date(text)):
        return False
    if _opens_with_body(par):
        return not _short(nxt) and not _opens_with_body(nxt)
    return _records(nxt, last)


def _records(par: list[Line], last: bool = False) -> bool:
    """The paragraph under a subject: longer than a subject line, or opening with the body that decides, or the
    last paragraph broken off mid-sentence (a page's text cut off)."""
    return not _short(par) or _opens_with_body(par) or last and not re.search(r"[.!?]\W*$", _text(par))


def subject_titles(lines: list[Line], raw: str) -> list[Entry]:
    """The subject lines of a besluitenlijst (the document names itself one, or most records open with the body
    that decides): a short one-sentence paragraph directly above a paragraph that records the decision, at
    least MIN_SUBJECTS times. The title is the line without its closing full stop."""
    if sum(bool(_NUMBERED.match(ln.raw)) for ln in lines) >= 2:
        return []  # numbered points: the numbering is the agenda
    pars = _paragraphs(lines)
    pairs = [(p, nxt) for k, (p, nxt) in enumerate(zip(pars, pars[1:])) if _subject(p, nxt, k + 2 == len(pars))]
    if len(pairs) < MIN_SUBJECTS:
        return []
    opening = sum(_opens_with_body(n) for _, n in pairs)
    named = any(structure_pattern("decision_list").search(_text(p)) for p in pars[:4])
    if not named and 2 * opening < len(pairs):
        return []
    out = []
    for p, _ in pairs:
        end = rstrip_pos(raw, p[0].content_start, p[-1].end)
        while end > p[0].content_start and raw[end - 1] in ". *_":
            end -= 1
        out.append(Entry(p[0], p[0].content_start, end))
    return out
