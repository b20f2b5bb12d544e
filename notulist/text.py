"""Shared text primitives below the stages: sentence and clause spans, table cells, Dutch date words.

One implementation each, used by ingest, summarise and retrieval alike. Every function works on spans of
the raw source text (absolute offsets), so whatever a caller finds in a span can be cited exactly.

- `clause_spans(raw, lo, hi)`: the rule engine's clauses: lines joined into blocks (a wrapped pdf/Word line
  is glued on), split at sentence ends (not after an abbreviation, not inside brackets), trimmed of
  markdown decoration (bullets, `**`, `|`, link tails).
- `sentence_spans(text, start, end)`: plain sentences of running text (no trimming, no line logic), split
  at . ! ? before a capital or digit; the abbreviation list is the lexicon's unless given.
- `cell_spans(text, start, end)`: the cells of one table row ('| a | b |', 'a | b | c', with
  ``plain_columns`` also tab-separated and two-space-separated columns).
- `split_row(line)`: the cells of a Markdown table row as strings (`\\|` is a literal pipe).
- Dutch date words: `MONTHS`, `MONTH_PATTERN`, `WEEKDAYS`, `DAY_MONTH` (a regex for "di 5 maart 2024"
  with groups d, m, y), `month_number`, `safe_date`, `dutch_date` (from notulist.dutch, data in
  notulist/nl/data/calendar.toml).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from notulist.dutch import (MONTH_NAMES, MONTH_PATTERN, MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS, dutch_date,
                            month_number, safe_date)
from notulist.nl import lexicon

Span = tuple[int, int]

# --------------------------------------------------------------------------- abbreviations

_INITIALS = re.compile(r"(?:[a-z]\.){1,3}[a-z]?|[a-z]")


def is_abbreviation(token: str, *, abbreviations: Collection[str] | None = None, initials: bool = True) -> bool:
    """True when `token` (the word before a dot, without the dot) is an abbreviation ("o.a", "ca") or, with
    `initials`, a lone initial or a run of initials ("j", "j.p")."""
    token = token.lower().lstrip("(")
    if token in (lexicon().abbreviations if abbreviations is None else abbreviations):
        return True
    return initials and bool(_INITIALS.fullmatch(token))


def _dot_ends_abbreviation(block: str, dot: int) -> bool:
    start = dot
    while start > 0 and not block[start - 1].isspace() and block[start - 1] not in "(\"'":
        start -= 1
    return is_abbreviation(block[start:dot])


# --------------------------------------------------------------------------- clauses (the rule engine's sentences)

_SENT_END = re.compile(r"[.!?]+[\"'”’)\]*_]*\s+")
# (an arrow before "Henk: ..." stays: it marks the line as an action)
_LEAD_JUNK = re.compile(r"^(?:\s|[-*•➤►▪#_|]|>(?!\s*\w+\s*:)|\\|\[[ xX✓✔]?\](?=\s)|\[|\*\*|\d{1,2}[.)](?=\s)|[a-z][.)](?=\s))+")
_TRAIL_JUNK = re.compile(r"(?:\s|\*|_|\]\([^)]*\)|\]|\\|\|)+$")
_LIST_START = re.compile(r"^\s*(?:[-*•➤►▪]\s|\d{1,2}[.)]\s|[a-z][.)]\s|#|\|)")
_SHORT_NOTE = re.compile(r"(?:[-*•➤►▪→]|->|=>)\s")


def lines_start(text: str, end: int) -> int:
    """Offset of the start of the line that holds `end`."""
    return text.rfind("\n", 0, end) + 1


def _glues_on(text: str, block: list[int], line: str, width: int) -> bool:
    """Whether `line` continues the sentence of the block before it (a pdf/Word wrap)."""
    prev = text[block[0]:block[1]].rstrip(" *_")
    first = line.lstrip()[:1]
    prev_line = text[lines_start(text, block[1]):block[1]].strip()
    # a short list or arrow line is a note of its own, not the first half of a broken sentence
    wrapped = not (_SHORT_NOTE.match(prev_line) and len(prev_line) < 0.6 * width)
    return bool(prev and prev[-1] not in ".!?:;" and first.islower() and not _LIST_START.match(line)
                and not prev.lstrip().startswith("#") and wrapped)


def blocks(text: str, offset: int = 0) -> list[Span]:
    """Lines joined into blocks; a line that continues a broken sentence (pdf/Word wraps) is glued on."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    # a wrapped line runs (nearly) to the page width; a short typed note line ("-> Ahmed regelt de laptops")
    # followed by another lower-case note is two notes
    width = max((len(text[s:e].rstrip()) for s, e in lines), default=0)
    out: list[list[int]] = []
    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            continue
        if out and _glues_on(text, out[-1], line, width):
            out[-1][1] = e
            continue
        out.append([s, e])
    return [(s + offset, e + offset) for s, e in out]


def trim_decoration(raw: str, s: int, e: int) -> Span | None:
    """The span without leading bullets/markdown and trailing marks or link tails; None if no word is left."""
    piece = raw[s:e]
    lead = _LEAD_JUNK.match(piece)
    if lead:
        s += lead.end()
    piece = raw[s:e]
    trail = _TRAIL_JUNK.search(piece)
    if trail:
        e -= len(piece) - trail.start()
    if e <= s or not re.search(r"\w", raw[s:e]):
        return None
    return s, e


def _block_clauses(raw: str, bs: int, be: int) -> list[Span]:
    block = raw[bs:be]
    spans: list[Span] = []
    cut = depth = last = 0
    for m in _SENT_END.finditer(block):
        depth += block.count("(", last, m.start()) - block.count(")", last, m.start())
        last = m.start()
        nxt = block[m.end():m.end() + 1]
        if depth > 0 or not nxt:
            continue
        if not (nxt.isupper() or nxt.isdigit() or nxt in "[*_\"'“‘(➤-•"):
            continue
        if block[m.start()] == "." and _dot_ends_abbreviation(block, m.start()):
            continue
        end = m.start() + len(m.group(0).rstrip())
        trimmed = trim_decoration(raw, bs + cut, bs + end)
        if trimmed:
            spans.append(trimmed)
        cut = m.end()
    trimmed = trim_decoration(raw, bs + cut, be)
    if trimmed:
        spans.append(trimmed)
    return spans


def clause_spans(raw: str, lo: int, hi: int) -> list[Span]:
    """Sentence spans of raw[lo:hi], trimmed of markdown decoration, as absolute offsets."""
    spans: list[Span] = []
    for bs, be in blocks(raw[lo:hi], lo):
        spans.extend(_block_clauses(raw, bs, be))
    return spans


# --------------------------------------------------------------------------- plain sentences

_SENTENCE_END = re.compile(r"[.!?]+[)\"'”*_]*(?=\s+[\"'“(*_]*[A-Z0-9ÀÉÖ])")


def sentence_spans(text: str, start: int, end: int, *, abbreviations: Collection[str] | None = None,
                   initials: bool = False) -> list[Span]:
    """Sentences of text[start:end] as raw spans (untrimmed, white space between them skipped): split at
    . ! ? before a capital or digit, not after a Dutch abbreviation (the lexicon's, or `abbreviations`)
    nor, with `initials`, after an initial."""
    out: list[Span] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.end()
        tail = text[max(pos, stop - 12):stop].rstrip(")\"'”*_")
        word = re.search(r"([\w./]+)\.$", tail)
        if word and re.match(r"\w", word.group(1)) and is_abbreviation(
                word.group(1), abbreviations=abbreviations, initials=initials):
            continue
        if text[pos:stop].strip():
            out.append((pos, stop))
        pos = stop
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end and text[pos:end].strip():
        out.append((pos, end))
    return out


# --------------------------------------------------------------------------- tables


def cell_spans(text: str, start: int, end: int, *, plain_columns: bool = False) -> list[Span]:
    """Raw spans of the cells of the table row text[start:end], each stripped of white space.

    A row has two or more '|' ('| a | b |' or 'a | b | c'; outer pipes dropped). With `plain_columns`
    also two or more tabs, or else columns apart by two or more spaces (a plain-text table). A line that
    is no row gives []."""
    line = text[start:end]
    if line.count("|") < 2 and not plain_columns:
        return []
    if line.count("|") < 2 and line.count("\t") < 2:  # a plain-text table: columns apart by two or more spaces
        return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+(?: \S+)*", line)]
    sep = "|" if line.count("|") >= 2 else "\t"
    cells: list[Span] = []
    pos = 0
    for part in line.split(sep):
        a = start + pos
        b = a + len(part)
        pos += len(part) + 1
        lead = len(part) - len(part.lstrip())
        trail = len(part) - len(part.rstrip())
        cells.append((a + lead, max(a + lead, b - trail)))
    if sep == "|":
        if line.strip().startswith("|"):
            cells = cells[1:]
        if line.strip().endswith("|"):
            cells = cells[:-1]
    return cells


_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def is_separator_row(line: str) -> bool:
    """A Markdown table's separator row (`|---|:--:|`), which holds no cells."""
    return bool(_SEPARATOR_ROW.match(line))


def split_row(line: str) -> list[str]:
    """Cells of a Markdown table row as text; `\\|` is a literal pipe inside a cell."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", body)]


# --------------------------------------------------------------------------- Dutch date words

WEEKDAY_PATTERN = r"(?:" + "|".join({**WEEKDAYS, **WEEKDAY_ABBREVIATIONS}) + r")"
# "di 5 maart 2024", "5e mrt.", "12 juni": a day and a month word, an optional weekday before and year after
DAY_MONTH = re.compile(
    rf"(?<![\w.])(?:{WEEKDAY_PATTERN}\.?,?\s+)?(?P<d>[0-3]?\d)\s*(?:e\s+)?(?P<m>{MONTH_PATTERN})(?![a-zà-ÿ])\.?"
    r"(?:[ \t]*(?P<y>(?:19|20)\d\d)\b)?", re.IGNORECASE)

__all__ = ["DAY_MONTH", "MONTHS", "MONTH_NAMES", "MONTH_PATTERN", "WEEKDAYS", "WEEKDAY_ABBREVIATIONS",
           "WEEKDAY_PATTERN", "Span", "blocks", "cell_spans", "clause_spans", "dutch_date", "is_abbreviation",
           "lines_start", "month_number", "safe_date", "sentence_spans", "is_separator_row", "split_row", "trim_decoration"]
