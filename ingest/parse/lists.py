"""Numbered lines that are a list inside the minutes' text and not the agenda, and gaps in an agenda's
numbering, decided from the layout around the lines (indentation, bullets, running text before them)."""

from __future__ import annotations

from ingest.parse.candidates import Candidate
from ingest.parse.lines import Line, plain
from ingest.parse.words import is_standard_item

PROSE_WORDS = 8  # a line of at least this many words that ends a sentence is running text
PROSE_BEFORE = 60  # words of running text before a list that make it part of the minutes' text


def indent(ln: Line) -> int:
    return len(ln.raw) - len(ln.raw.lstrip())


def points_below(lines: list[Line], k: int) -> bool:
    """The next line below lines[k] is indented deeper (the line's own sub-points), and no heading."""
    nxt = next((o for o in lines[k + 1:k + 3] if not o.blank), None)
    return nxt is not None and indent(nxt) > indent(lines[k]) and not nxt.md_level


def inside_bullet(lines: list[Line], k: int) -> bool:
    """'* De volgende stappen zijn:' + '  1) Versiebeheer ...': a numbered line indented right below a bullet
    (no blank line between) is a list inside that bullet's text."""
    own = indent(lines[k])
    if not own:
        return False
    for ln in reversed(lines[:k]):
        if ln.blank:
            return False
        if indent(ln) < own:
            return ln.bullet
    return False


def skipped_point(c: Candidate, chosen: list[Candidate], cands: list[Candidate]) -> bool:
    """'1. Verslag acties' ... '3. Openstaande issues': minutes keep the numbers of the agenda and skip a point
    that was not dealt with. One missing number is a gap in the agenda, not a list inside an item, where
    both lines are outline points of the same shape at the left margin with their own indented sub-points,
    and the missing number is nowhere a numbered line."""
    prev = chosen[-1]
    if c.main != prev.main + 2 or c.sub or prev.sub or any(o.main == prev.main + 1 for o in cands):
        return False
    if any(indent(x.line) or x.line.bullet or x.line.md_level or x.line.bold for x in (c, prev)):
        return False
    return prev.points_below and c.points_below


def list_in_running_text(chosen: list[Candidate], lines: list[Line]) -> bool:
    """Plain numbered lines that come after the minutes' own running text (more sentences before the first
    of them than a header holds, and more than half of the document) are a list inside that text ('...
    zijn er twee soorten begrippen:' + '1. ...' '2. ...'), not the agenda."""
    if sum(1 for c in chosen if is_standard_item(c.title)) >= 2:
        return False  # '1. Opening en vaststelling agenda' ... '8. Rondvraag en sluiting': an agenda after a web page's text
    first = chosen[0].line.start
    before = [ln for ln in lines if ln.end <= first and not ln.blank]
    after = [ln for ln in lines if ln.start >= first and not ln.blank]
    prose = sum(len(words) for ln in before
                if len(words := plain(ln.content).split()) >= PROSE_WORDS and plain(ln.content)[-1:] in ".!?:…")
    size = lambda part: sum(len(ln.content) for ln in part)  # noqa: E731
    return prose >= PROSE_BEFORE and size(before) > size(after)


def reference_ahead(c: Candidate, later: list[Candidate], last_main: int | None) -> bool:
    """'2. Vaststellen agenda' + 'Punt 7: Zakelijke ouderavond' + '3. Notulen' ... '7. Zakelijke ouderavond':
    a keyword line that jumps ahead of the numbering while the next number and its own number still follow
    as items is a reference to that point (a change to the agenda), not the point itself."""
    if not c.keyword or last_main is None or c.main <= last_main + 1 or c.sub:
        return False
    later = [o for o in later if o.title_like and not o.sub]
    return any(o.main == last_main + 1 for o in later) and any(o.main == c.main for o in later)
