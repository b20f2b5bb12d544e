"""Candidate agenda-item lines: a number (arabic, roman, 'Agendapunt 3') and a title-like text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.parse.lines import Line, display, plain
from notulist.models import Redaction, Source
from notulist.text import MONTH_PATTERN


_NUMBER = re.compile(
    r"^(?P<kw>(?:agenda\s*punt|agendapunt|punt|ad|item|nr\.?)\s*)?"
    r"(?P<pre>[A-Z]{1,3}(?=\d))?(?P<num>0\d{2}(?!\d|\.\d)|\d{1,2}\.[a-z](?=[.)]?\s)|\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?)(?P<sep>[.):]|\s*[-–—]|\s)\s*(?P<title>.*)$",
    re.IGNORECASE)
# LOCAL Dutch words (not in notulist/nl yet; listed in the issue-12 INGEST report):
# titles of list-like items (the trailing action/decision sections: structure.toml `closing_section`)
LIST_PARENTS = re.compile(r"mededeling|actualiteit|actielijst|actiepunt|openstaande acties|ingekomen|rondvraag|"
                           r"lopende zaken|stand van zaken|terugkoppeling|update|informatie", re.I)
_PROSE_START = re.compile(r"^(?:we|wij|ik|je|jij|u|jullie|het|de|een|dit|dat|deze|er|zij|ze|hij|zie)\b", re.I)


_COLUMN_DATE = re.compile(r"\s+(?=\d{1,2}-\d{1,2}-\d{4}\b)")


@dataclass
class Candidate:
    line: Line
    number: str
    main: int
    sub: str  # "" | ".1" | "b" | ".1.2"
    title: str
    strong: bool
    title_like: bool
    title_start: int
    title_end: int
    # a title that reads as a sentence ("Algemeen bestuur: Zittingsverslag van 26 augustus. Goedkeuring.") but
    # could be an item when the whole document numbers such lines in one run (see items.choose_items)
    loose: bool = False
    prefix: str = ""  # a series prefix written before the number ("AP1." - added points of the fractions)
    generated: bool = False  # the number was given here, not written ("1." on every line of a web list)
    padded: bool = False  # written zero-padded ("05", "011"): a register of items, gaps in it are normal
    points_below: bool = False  # the next line is indented below this one (its own sub-points)
    keyword: bool = False  # written with a keyword ('Punt 7:', 'Agendapunt 3 -')


def line_candidate(line: Line, source: Source, reds: list[Redaction]) -> Candidate | None:
    content = line.content.replace("**", "").replace("__", "") if "**" in line.content or "__" in line.content \
        else line.content
    content = content.strip()
    m = _NUMBER.match(content)
    if not m:
        return _roman_candidate(line, source, content)
    title = m.group("title").strip().strip("*_").strip()
    # "1. Onderwerp: Subsidie muziekschool" (college-besluitenlijsten): the label is not part of the title
    title = re.sub(r"^(?:onderwerp|titel|agendapunt|punt)\s*:\s*(?=\S)", "", title, flags=re.I)
    num = m.group("num").lower()
    prefix = m.group("pre") or ""
    if prefix and (not prefix.isupper() or m.group("sep") not in ".):" or m.group("kw")):
        return None  # "AP1." only as written, upper case and with a separator
    if not title or not re.match(r"[\w\"'‘“(\[€]", title):
        return None
    if len(re.findall(r"[^\W\d_]", title)) < 2:
        return None  # ' 1. B' where a page's text breaks off: a title has two letters at least
    only_in_run = False
    # '05 Verbeterplan ...', '01A Openbaar verslag ...': a zero-padded number is an agenda numbering style
    # (a list is never written so); such lines are items whether or not the sequence has gaps
    padded = bool(re.fullmatch(r"0\d{1,2}[a-z]?", num)) and bool(re.match(r"(?:\d+\s+)?[A-ZÀ-Ý\"'‘“(€]", title))
    if m.group("sep").strip() == "" and not m.group("kw") and "." not in num and not padded:
        # "3 Begroting" without separator: a heading, a bold line, or a short capitalised title line; a
        # longer capitalised line ("3 Verordening op de heffing van ... 2025") only where the document
        # numbers such lines 1..n in one run (see runs.loose_run)
        if not (line.md_level or line.bold) and not (re.match(r"[A-ZÀ-Ý]", title) and len(title.split()) <= 8
                                                     and not re.search(r"[.,;:]$", title)):
            if not re.match(r"[A-ZÀ-Ý]", title) or len(title.split()) > 20:
                return None
            only_in_run = True
    # the number must not be (part of) a redaction mark, a date or a time
    num_pos = line.raw.find(prefix + m.group("num"))
    abs_pos = line.start + max(num_pos, 0)
    if any(r.start <= abs_pos < r.end for r in reds):
        return None
    if re.match(rf"^(?:{MONTH_PATTERN}|uur|u|%|procent|euro|min|minuten|jaar|jaren|keer|x|weken|dagen|maanden)(?![\w-])",
                title, re.I):
        return None
    if re.match(r"^\d", title) and not (re.fullmatch(r"0\d{1,2}[a-z]?", num) and re.match(r"\d+\s+[A-ZÀ-Ý]", title)):
        return None  # "10.30 - 11.45", "2024 - 2028"; not "04 75 Jaar Vrijheid"
    # '3.a Kredietaanvraag ...': the letter of a sub-point written after a full stop (number kept as written)
    parts = re.match(r"(\d+)((?:\.\d+)*)\.?([a-z]?)$", num)
    if not parts:
        return None
    main = int(parts.group(1))
    sub = parts.group(2) + parts.group(3)
    if padded:
        # '001 Notulen 25 februari 2021 30-03-2021 Geen opmerkingen.': a table row read as one line, its next
        # column a date written in figures
        title = _COLUMN_DATE.split(title, maxsplit=1)[0]
    # title span in the raw line
    title_raw = title
    rel = line.raw.find(title_raw)
    if rel < 0:
        rel = line.raw.find(title_raw.split()[0])
    t_start = line.start + max(rel, 0)
    t_end = t_start + len(title_raw) if rel >= 0 else line.end
    t_end = min(t_end, line.end)
    while t_end > t_start and source.raw_text[t_end - 1] in "*_ \t:":
        t_end -= 1
    strong = bool(line.md_level or line.bold or m.group("kw") or padded
                  or re.match(r"^\s*(?:\*\*|__)\s*\d", line.raw.lstrip("#- ")))
    title_like, loose = _title_shape(title, line, strong, keyword=bool(m.group("kw")))
    if not title_like and (head := _title_before_text(title)):
        # '5. Versiebeheer uitwerken. Hier wordt een nieuw issue van gemaakt.': a short title, then the
        # point's text on the same line; the title is the first sentence
        title, t_end = head, t_start + len(head)
        title_like, loose = _title_shape(title, line, strong, keyword=bool(m.group("kw")))
    title_like = title_like and not only_in_run
    return Candidate(line, (prefix + num) if prefix else num, main, sub, plain(display(source, t_start, t_end)),
                     strong, title_like, t_start, t_end, loose=loose, prefix=prefix, padded=padded,
                     keyword=bool(m.group("kw")))


_FIRST_SENTENCE = re.compile(r"([A-ZÀ-Ý][^.!?:;]{2,80}?[.!?])\s+(?=[A-ZÀ-Ý])")


def _title_before_text(title: str) -> str | None:
    """The first sentence of a numbered line when it is a short title (at most six words) followed by a
    sentence of text of at least six words; else None."""
    m = _FIRST_SENTENCE.match(title)
    if m is None or len(m.group(1).split()) > 6 or re.search(r"\b\w{1,3}\.$", m.group(1)):
        return None
    return m.group(1) if len(title[m.end():].split()) >= 6 else None


def _title_shape(title: str, line: Line, strong: bool, *, keyword: bool) -> tuple[bool, bool]:
    """(title_like, loose) of a numbered line's text: a title, or a sentence-like line that is one only
    when the whole document numbers such lines in one run (see `runs.loose_run`)."""
    words = plain(title).split()
    ends_sentence = bool(re.search(r"[.;:,!]$", title)) and not re.search(r"\(.*\.\)$|\b\w{1,5}\.$", title)
    # a heading or bold line may carry a long title ("Motie vreemd aan de orde van de dag \"...\" (partij)")
    lower_start = bool(re.match(r"^[a-z]", title) and not keyword)
    prose = bool(_PROSE_START.match(title) and len(words) > 6)
    title_like = ((len(words) <= 12 or (strong and len(words) <= 20 and not ends_sentence))
                  and not (ends_sentence and len(words) > 6) and not lower_start and not prose)
    if strong and len(words) > 20:
        title_like = False
    if (line.md_level or (line.bold and not ends_sentence)) and not lower_start and not prose and len(words) <= 60:
        # a markdown heading is a title even where it ends with a period or runs long
        # ("## 13. Openbare verlichting: vervangen armaturen door LED – <thirty street names>."); so is a
        # whole bold line that runs long without ending a sentence
        title_like = True
    return title_like, not lower_start and not prose and len(words) <= 45


_ROMAN = re.compile(r"^(?P<kw>(?:agenda\s*punt|agendapunt|punt|ad)\s+)?(?P<num>[IVX]{1,5})(?P<sep>[.):]|\s+[-–—])\s+"
                    r"(?P<title>[A-ZÀ-Ý\"'‘“(].*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman_value(numeral: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(numeral):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if 0 < total <= 30 else None


def _roman_candidate(line: Line, source: Source, content: str) -> Candidate | None:
    """Associations and councils number items with Roman numerals ("III. Jaarrekening"): only as a heading,
    bold line or with a keyword, and only a well-formed numeral, so "I. de Vries" in a list is no item."""
    m = _ROMAN.match(content)
    if not m:
        return None
    title_text = m.group("title").strip().strip("*_").strip()
    marked = bool(line.md_level or line.bold or m.group("kw") or re.match(r"^\s*(?:\*\*|__)\s*[IVX]", line.raw.lstrip("#- ")))
    heading_like = len(title_text.split()) <= 8 and not re.search(r"[.,;:]$", title_text)
    if not (marked or heading_like):
        return None
    main = _roman_value(m.group("num"))
    if main is None:
        return None
    title = m.group("title").strip().strip("*_").strip()
    rel = line.raw.find(title)
    if rel < 0:
        return None
    t_start = line.start + rel
    t_end = min(t_start + len(title), line.end)
    while t_end > t_start and source.raw_text[t_end - 1] in "*_ \t":
        t_end -= 1
    words = plain(title).split()
    return Candidate(line, m.group("num"), main, "", plain(display(source, t_start, t_end)), True,
                      len(words) <= 12, t_start, t_end)
