"""Item numbers and their titles on separate lines: '2.' or a bare '2' above the title (PDF text of a
table or a hanging indent), 'Agendapunt 3' with the title below it, '2. 2' (a web page's list mark and the
item's own number) above the title."""

from __future__ import annotations

import re

from ingest.parse.candidates import Candidate, line_candidate
from ingest.parse.lines import Line, display, peel, plain, rstrip_pos
from ingest.parse.words import is_page_chrome, structure_pattern
from notulist.models import Source


NUMBER_ONLY = re.compile(r"\d{1,2}(?:[.)]|\.\.)?")  # "2." or a bare "2" (a PDF table's number column), "1.." typed
MAX_ALONE_WORDS = 20  # a title standing alone between blank lines below its number may run long


def number_above_title(source: Source, num: Line, title: Line, reds, *, alone: bool = False) -> Candidate | None:
    """'1.' on a line of its own and the title on a later line (PDF text of a table or of a hanging
    indent): a candidate numbered by the one line and titled by the other. A title that stands `alone` between
    blank lines is one up to MAX_ALONE_WORDS words where it ends no sentence ('3.' + blank + 'Vragen ex artikel
    21 RvO van de heer Wessels (D66) inzake de verwikkelingen rondom burgemeestersbenoemingen' + blank)."""
    mark = re.sub(r"\.\.$", ".", num.content.strip())  # '1..' typed for '1.'
    merged = peel(mark + " " + title.raw.strip(), num.start)
    c = None if is_page_chrome(title.content) else line_candidate(merged, source, reds)
    record = structure_pattern("decision_in_line").search(title.raw)
    if (c is None or not c.title_like) and record is not None and not is_page_chrome(title.content):
        # 'Vergadering AB IPO op 24 juni 1999 Het college besluit ...': the subject, then the record of the decision
        title = peel(title.raw[:record.start()], title.start)
        c = line_candidate(peel(mark + " " + title.raw.strip(), num.start), source, reds)
        alone = True  # the record after it marks the end of the title as a blank line would
    if c is not None and not c.title_like and alone and len(plain(title.content).split()) <= MAX_ALONE_WORDS \
            and re.match(r"[A-ZÀ-Ý]", plain(title.content)) and not re.search(r"[.;:,!?]$", plain(title.content)):
        c.title_like = True
    if c is None or not c.title_like:
        return None
    t_end = trim_title_end(source.raw_text, title.content_start, title.end, "*_: \t")
    c.line, c.title_start, c.title_end = num, title.content_start, t_end
    c.title = plain(display(source, title.content_start, t_end))
    return c


# ' 1. 1.Opening', ' 2. 3.Mededelingen voorzitter', ' 1. 001. Rondvraag': a web page's list mark before the item's
# own number and its title on one line (the page renders each item as an entry of an ordered list)
LIST_MARK_BEFORE_NUMBER = re.compile(r"\s*\d{1,2}\.\s+(?=(?:0\d{2}|\d{1,2}[a-z]?)(?:[.)]\s*|\s+)[A-ZÀ-Ý])")


def without_list_mark(ln: Line, mark_end: int) -> Line:
    """The line with its list mark blanked out (offsets kept), so its own number opens it."""
    return peel(" " * mark_end + ln.raw[mark_end:], ln.start)


LIST_AND_NUMBER = re.compile(r"\d{1,2}[.)]\s+(?P<n>\d{1,2}(?:\.\d{1,2})?[a-z]?)\.?")


def listed_number_above_title(source: Source, ln: Line, number: str, following: list[Line],
                               reds) -> Candidate | None:
    """'2. 2' (a web page's list mark, then the item's own number) with the title on the next line
    ('Mededelingen en ingekomen stukken'): a candidate with the item's number."""
    nxt = next((o for o in following if not o.blank), None)
    if nxt is None:
        return None
    merged = peel(number + " " + nxt.raw.strip(), ln.start)
    c = line_candidate(merged, source, reds)
    if c is None or len(plain(nxt.content).split()) > 20:
        return None
    t_end = trim_title_end(source.raw_text, nxt.content_start, nxt.end, "*_ \t")
    c.line, c.title_start, c.title_end = ln, nxt.content_start, t_end
    c.title = plain(display(source, nxt.content_start, t_end))
    c.strong = c.title_like = True
    return c


PUNT_ONLY = re.compile(r"(?i)(?:agenda)?punt\s+\d{1,2}[a-z]?\s*:?")


def punt_with_title_below(source: Source, ln: Line, following: list[Line], reds) -> Candidate | None:
    """"Agendapunt 3" with the title on the next line. A heading '## Agendapunt 1' above a label that opens
    the point's list ('Windows Server (DC):' + its bullets) or above the list itself is its own title: the
    label and the list are content."""
    nxt = next((o for o in following if not o.blank), None)
    if nxt is not None and ln.md_level and not nxt.md_level and (plain(nxt.content).endswith(":") or nxt.bullet):
        return _punt_as_title(source, ln, reds)
    if nxt is None or len(plain(nxt.content).split()) > 12:
        return None
    merged = peel(plain(ln.content).rstrip(":") + ": " + nxt.raw.strip(), ln.start)
    c = line_candidate(merged, source, reds)
    if c is None:
        return None
    t_end = trim_title_end(source.raw_text, nxt.content_start, nxt.end, "*_ \t")
    c.line, c.title_start, c.title_end = ln, nxt.content_start, t_end
    c.title = plain(display(source, nxt.content_start, t_end))
    c.strong = True
    return c


def trim_title_end(text: str, start: int, end: int, junk: str) -> int:
    end = rstrip_pos(text, start, end)
    while end > start and text[end - 1] in junk:
        end -= 1
    return end


def _punt_as_title(source: Source, ln: Line, reds) -> Candidate | None:
    """'Agendapunt 1' as the item's number and its title both."""
    text = plain(ln.content).rstrip(": ")
    m = re.search(r"\d{1,2}[a-z]?$", text)
    if m is None or any(r.start <= ln.content_start < r.end for r in reds):
        return None
    number = m.group(0)
    t_end = trim_title_end(source.raw_text, ln.content_start, ln.end, "*_: \t")
    return Candidate(ln, number, int(re.match(r"\d+", number).group(0)), number.lstrip("0123456789"),
                     plain(display(source, ln.content_start, t_end)), True, True, ln.content_start, t_end)


# '| 3. | Vaststellen notulen | De notulen worden vastgesteld |': a table row without a head row whose first cell
# is the item's number and whose second cell is its title
NUMBERED_ROW = re.compile(r"^(?P<a>\s*\|?\s*)(?P<n>\d{1,2}(?:\.\d{1,2})?[a-z]?\.?)(?P<b>\s*\|\s*)(?P<t>[^|\s][^|]*?)"
                          r"(?P<rest>\s*(?:\|.*)?)$")


def numbered_row(lines: list[Line], k: int) -> Line | None:
    """lines[k] as a numbered line of its own (the pipes and the later cells blanked, offsets kept) where it is
    a row of a table whose first row is numbered too (no head row: an action table's '| nr | actie | wie |' is
    no agenda), or None."""
    ln = lines[k]
    first = k
    while first > 0 and "|" in lines[first - 1].raw and not lines[first - 1].blank:
        first -= 1
    if not NUMBERED_ROW.match(lines[first].raw):
        return None
    m = NUMBERED_ROW.match(ln.raw)
    if m is None or "|" not in m.group("a") + m.group("b"):
        return None
    raw = " " * len(m.group("a")) + m.group("n") + " " * len(m.group("b")) + m.group("t") + " " * len(m.group("rest"))
    row = peel(raw, ln.start)
    return row if row.content else None
