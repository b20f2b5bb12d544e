"""Which numbered lines are the agenda, decided from the whole document (not from each line's marks).

- A run of plain numbered lines that read as sentences ("2. Algemeen bestuur: Zittingsverslag van
  26 augustus 2024. Goedkeuring.") is the agenda when the document numbers such lines 1..n in one run and
  the stricter reading finds fewer items (besluitenlijsten title items with their outcome words).
- A web list whose every entry is rendered "1." (HTML ordered lists copied as text) is numbered 1..n here.
- A second series with a prefix ("AP1.", "AP2." - the points the fractions added) follows the main items.
- A title broken over two lines of a PDF ("... dienstverlening via" + "raamovereenkomst Cipal. Goedkeuring.")
  runs on into the next line when that line continues it.
- A point printed as its own page below a repeated page head ('Zitting van maandag 25 november 2024' +
  '2. Goedkeuren toetreding tot de aankoopcentrale ... in bulk') is an item where the same head stands above
  a title-like numbered line, however long its title.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.parse.candidates import Candidate
from ingest.parse.lines import Line, display, plain, rstrip_pos
from notulist.models import Source

_LIST_MARK = re.compile(r"^\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})[.)]\s")  # "a. Brief van ...": a sub-point, no wrap
WRAP_WIDTH = 40  # a line shorter than this ended where its writer ended it, not at the page edge
MIN_RUN = 3  # a run of sentence-like numbered lines is taken as the agenda from three items on
_CONTINUES = re.compile(r"(?:\b(?:van|voor|via|op|het|de|een|en|of|met|tot|bij|aan|in|te|naar|over|inzake|om|"
                        r"door|uit|ter|der|des)|[,–-])\s*$", re.I)


def loose_run(cands: list[Candidate], strict: list[Candidate], select) -> list[Candidate]:
    """The selection when sentence-like numbered lines count too, if it is the better reading: a longer
    consecutive run 1..n (n >= 3) that keeps every strict item and whose extra lines are plain lines of
    the same shape as the rest of the run."""
    if not any(c.loose and not c.title_like for c in cands):
        return strict
    widened = [replace(c, title_like=True) if (c.loose and not c.title_like) else c for c in cands]
    loose = select(widened)
    tops = [c for c in loose if not c.sub and not c.prefix]
    if len(tops) < MIN_RUN or len(loose) <= len(strict):
        return strict
    mains = [c.main for c in tops]
    if mains != list(range(mains[0], mains[0] + len(mains))) or mains[0] > 1:
        return strict
    kept = {c.line.start for c in loose}
    if any(c.line.start not in kept for c in strict):
        return strict
    extra = [c for c in loose if not any(c.line.start == s.line.start for s in strict)]
    shapes = {(c.line.md_level, c.line.bold, c.line.bullet) for c in tops}
    if len(shapes) > 1 or any(c.line.md_level or c.line.bold for c in extra):
        return strict
    # numbered decision points ('1. In te stemmen met ...', '2. ...') restart at 1 under every item and
    # follow each other without text between; agenda items have their text below them
    restarts = sum(1 for c in cands if c.main == 1 and not c.sub and not c.prefix and (c.loose or c.title_like))
    starts = sorted(c.line.start for c in cands)
    followed = sum(1 for c in extra if _text_below(c, starts))
    if restarts > 1 or followed * 2 < len(extra):
        return strict
    return [next(w for w in widened if w.line.start == c.line.start) for c in loose]


def _text_below(c: Candidate, starts: list[int]) -> bool:
    """Something other than the next numbered line follows the candidate's title."""
    nxt = next((st for st in starts if st > c.line.start), None)
    return nxt is None or nxt > c.title_end + 2


def renumber_all_ones(cands: list[Candidate]) -> list[Candidate]:
    """'1. Opening', '1. Vaststellen agenda', '1. Mededelingen' ...: a list whose every entry is numbered 1
    (and no entry 2 anywhere) is numbered 1..n in order; the numbers are generated, not written."""
    tops = _list_tops(cands)
    if len(tops) < MIN_RUN or any(c.main != 1 for c in tops) or not any(c.title_like for c in tops):
        return cands
    return _number_in_order(cands, tops)


def _list_tops(cands: list[Candidate]) -> list[Candidate]:
    """The top entries of a list numbered 1 throughout or restarting at 1. '• 61 Sociale media is uitgesteld
    ...' under '1. Actielijst': a bullet that names a point of another list by its number is text of the
    item, not an entry of the list (whose entries numbered 1 carry no bullet)."""
    tops = [c for c in cands if not c.sub and not c.prefix and (c.title_like or c.loose)]
    shapes = {c.line.bullet for c in tops if c.main == 1}
    return [c for c in tops if c.main == 1 or c.line.bullet in shapes]


def _number_in_order(cands: list[Candidate], tops: list[Candidate]) -> list[Candidate]:
    """The top entries numbered 1..n in order (generated numbers); the other candidates unchanged."""
    out, k = [], 0
    for c in cands:
        if c in tops:
            k += 1
            c = replace(c, main=k, number=str(k), generated=True, title_like=True)
        out.append(c)
    return out


def renumber_restarts(cands: list[Candidate], lines: list[Line]) -> list[Candidate]:
    """'1. Gerard opent ...', '1. Evaluatie ...', '2. ...', '1. Voorstel ...': a word processor's list whose
    numbering restarts at 1 for most entries, in a document with no other structure (no heading, no bold
    line, no marked number): its numbers say nothing, every top entry is an item, numbered 1..n here.
    (Decision points that restart at 1 under each item sit below headings or marked items.)"""
    tops = _list_tops(cands)
    ones = sum(1 for c in tops if c.main == 1)
    if (ones < MIN_RUN or 2 * ones < len(tops) or any(c.strong for c in cands)
            or any(ln.md_level or ln.bold for ln in lines) or all(c.main == 1 for c in tops)):
        return cands
    return _number_in_order(cands, tops)


PROSE_WORDS = 8  # an entry of a list this long that is no title is a paragraph of text


def paragraphs_in_list(cands: list[Candidate], lines: list[Line]) -> list[Candidate]:
    """' 1. Opening en welkomstwoord.' + ' 2. De voorzitster opent de vergadering ... (a paragraph)' + blank +
    ' 3. Ingekomen stukken.' + ' 4. Binnengekomen is een e-mail ...': a web page whose list numbers the
    headings and the paragraphs below them in one sequence. Where two or more paragraphs (entries of
    `PROSE_WORDS` or more that read as no title) sit on the line right below a title entry numbered one
    lower, the paragraphs are that entry's text, and the titles are numbered 1..n here."""
    if any(c.strong for c in cands):
        return cands
    tops = [c for c in cands if not c.sub and not c.prefix]
    index = {ln.start: k for k, ln in enumerate(lines)}
    prose = set()
    for before, c in zip(tops, tops[1:]):
        k = index.get(c.line.start)
        above = next((ln for ln in reversed(lines[:k]) if not ln.blank), None) if k is not None else None
        if (not c.title_like and len(c.title.split()) >= PROSE_WORDS and before.title_like
                and c.main == before.main + 1 and above is before.line):
            prose.add(c.line.start)
    if len(prose) < 2:
        return cands
    titles = [c for c in tops if c.line.start not in prose]
    return _number_in_order([c for c in cands if c.line.start not in prose], titles)


def bridge_sandwiched(cands: list[Candidate]) -> list[Candidate]:
    """'1. Opening', '2. Op de notulen van de vorige vergadering komen geen opmerkingen ... (a long
    sentence)', '3. Algemeen jaarverslag': a numbered line that reads as prose but sits between the items
    numbered one below and one above it, with no other numbered line between, is the item of its number."""
    tops = [c for c in cands if not c.sub and not c.prefix]
    bridged = set()
    for k in range(1, len(tops) - 1):
        before, c, after = tops[k - 1], tops[k], tops[k + 1]
        if (not c.title_like and before.title_like and after.title_like and not c.line.md_level
                and before.main == c.main - 1 and after.main == c.main + 1):
            bridged.add(c.line.start)
    return [replace(c, title_like=True) if c.line.start in bridged else c for c in cands]


def prefixed_series(cands: list[Candidate], chosen: list[Candidate], select, prefer) -> list[Candidate]:
    """The main items plus each prefixed series ('AP1' .. 'AP6') that runs from 1, in document order;
    where the series is written twice (an overview and the points themselves) the later run wins."""
    if not chosen:
        return chosen
    out = list(chosen)
    for prefix in dict.fromkeys(c.prefix for c in cands if c.prefix):
        series = [replace(c, prefix="") for c in cands if c.prefix == prefix]
        picked = prefer(series, select(series))
        if len(picked) >= 2 and picked[0].main == 1:
            by_start = {c.line.start: c for c in cands if c.prefix == prefix}
            out += [by_start[c.line.start] for c in picked]
    return sorted(out, key=lambda c: c.line.start)


def continue_titles(source: Source, lines: list[Line], chosen: list[Candidate]) -> list[Candidate]:
    """A title cut at a PDF line end runs on into the next non-blank line when that line continues it
    (it starts in lower case, or the title ends on a preposition, article or comma) and is no item."""
    starts = {c.line.start for c in chosen}
    index = {ln.start: k for k, ln in enumerate(lines)}
    out = []
    for c in chosen:
        k = index.get(c.line.start)
        title = c.title
        if (k is not None and not c.line.md_level and not re.search(r"[.:;!?)]$", title)
                and c.title_end >= rstrip_pos(source.raw_text, c.line.start, c.line.end)):
            nxt = next((ln for ln in lines[k + 1:k + 3] if not ln.blank), None)
            if (nxt is not None and nxt.start not in starts and not nxt.bullet and not nxt.md_level
                    and len(plain(nxt.content).split()) <= 20 and not _LIST_MARK.match(plain(nxt.content))
                    and ((plain(nxt.content)[:1].islower() and len(c.line.raw.strip()) >= WRAP_WIDTH)
                         or _CONTINUES.search(title))):
                end = rstrip_pos(source.raw_text, nxt.content_start, nxt.end)
                c = replace(c, title_end=end, title=plain(display(source, c.title_start, end)))
        out.append(c)
    return out


def below_repeated_head(cands: list[Candidate], lines: list[Line]) -> list[Candidate]:
    """Sentence-like numbered lines right below a line that also stands right above a title-like numbered
    line (the head each point's page repeats, see module doc) are title-like and strong."""
    above: dict[int, str] = {}
    for k, ln in enumerate(lines):
        prev = next((p for p in reversed(lines[max(0, k - 3):k]) if not p.blank), None)
        if prev is not None and len(plain(prev.content).split()) >= 2:
            above[ln.start] = plain(prev.content).strip().casefold()
    heads = {above.get(c.line.start) for c in cands if c.title_like and not c.sub} - {None}
    return [replace(c, title_like=True, strong=True)
            if c.loose and not c.title_like and not c.sub and above.get(c.line.start) in heads else c for c in cands]


_FOLLOWING_UP = re.compile(r"^\W*(?:n\.\s?a\.\s?v\.?|naar\s+aanleiding\s+van)(?:\W|$)", re.I)


def without_followed_up_points(cands: list[Candidate], lines: list[Line]) -> list[Candidate]:
    """'4. Verslag van de vergadering d.d. 14-09-2017' + 'N.a.v.:' + 'Punt 6: Advies Zilveren Gids.': the points
    of the earlier minutes followed up under an 'N.a.v.' line are no items of this meeting, up to the next
    numbered line written without a keyword."""
    index = {ln.start: k for k, ln in enumerate(lines)}
    out, follow_up, last = [], False, 0
    for c in cands:
        k = index.get(c.line.start, last)
        if any(_FOLLOWING_UP.match(plain(ln.content)) for ln in lines[last:k]):
            follow_up = True
        last = k + 1
        if not c.keyword:
            follow_up = False
        elif follow_up:
            continue
        out.append(c)
    return out


def without_restarted_sublists(cands: list[Candidate], lines: list[Line]) -> list[Candidate]:
    """' 3. Evaluatie' + '  1. Sparkshack' ... '  6. Promotie' + ' 4. Bouwen aan de space': a nested list whose
    indented entries restart at 1 under their parent entry. The entries indented deeper than the list's own
    entries (from a '1' right below a list entry up to the next entry at the list's depth) are sub-points of that
    entry, not items, so their numbers 4-6 cannot take the place of the list's own 4-6."""
    plain_cands = [c for c in cands if not c.sub and not c.prefix and not c.keyword]
    if len(plain_cands) < 2 * MIN_RUN:
        return cands
    depth = {c.line.start: len(c.line.raw) - len(c.line.raw.lstrip()) for c in plain_cands}
    top = min(depth.values())
    tops = [c for c in plain_cands if depth[c.line.start] == top]
    if len(tops) < MIN_RUN or [c.main for c in tops] != list(range(tops[0].main, tops[0].main + len(tops))):
        return cands
    drop: set[int] = set()
    inside = False
    for before, c in zip(plain_cands, plain_cands[1:]):
        if depth[c.line.start] == top:
            inside = False
        elif depth[c.line.start] > top and (inside or (c.main == 1 and depth[before.line.start] < depth[c.line.start])):
            inside = True
            drop.add(c.line.start)
    if not drop:
        return cands
    return [c for c in cands if c.line.start not in drop]
