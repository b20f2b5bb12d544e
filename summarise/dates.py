"""Dutch due dates: find the expression as written and resolve it against the meeting date.

Only expressions that determine one day are resolved ("morgen", "25 maart", "vrijdag", "voor 1 april",
"eind april", "over twee weken"). Vague ones ("voor de zomer", "binnenkort", "de komende week",
"volgende vergadering") keep `due` as written and no date: a guessed date is worse than none.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from notulist.dutch import MONTH_PATTERN, MONTHS, WEEKDAYS, month_number as _month_number, safe_date as _safe_date

NUMBERS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
           "negen": 9, "tien": 10}

_MONTH = r"(?:" + MONTH_PATTERN + r")\.?"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
_NUM = r"(?:\d{1,2}|" + "|".join(NUMBERS) + r")"
_PREP = r"(?:(?:uiterlijk|voor|vóór|per|op|tot|rond|medio|in|na)\s+(?:de\s+|het\s+)?)?"

# Order matters: the first pattern that matches at a position wins (longest, most specific first).
_PATTERNS: list[tuple[str, str]] = [
    # days of one month ("15 & 18/10/2020", "15 en 18 oktober"): the term starts on the first
    ("daymonth", _PREP + r"(?P<d>\d{1,2})\s*(?:&|en)\s*\d{1,2}\s*(?P<m>" + _MONTH + r")(?:\s*(?P<y>20\d\d))?\b"),
    ("numeric", _PREP + r"(?<![\w-])(?P<d>0?[1-9]|[12]\d|3[01])\s*(?:&|en)\s*(?:0?[1-9]|[12]\d|3[01])[-/]"
                r"(?P<m>0?[1-9]|1[0-2])(?:[-/](?P<y>(?:20)?\d\d))?\b(?![.,]\d|-\d)"),
    ("daymonth", _PREP + r"(?:" + _WEEKDAY + r"\s+)?(?P<d>\d{1,2})\s*(?P<m>" + _MONTH + r")(?:\s*(?P<y>20\d\d))?\b"),
    # a day and a month that exist, not part of a code ("TZ-2024-41") or a longer number
    ("numeric", _PREP + r"(?<![\w-])(?P<d>0?[1-9]|[12]\d|3[01])[-/](?P<m>0?[1-9]|1[0-2])(?:[-/](?P<y>(?:20)?\d\d))?\b(?![.,]\d|-\d)"),
    ("relday", r"\b(?P<w>overmorgen|morgen|vandaag|vanavond)\b"),
    ("weekday", _PREP + r"(?:a\.s\.\s+|aanstaande\s+|komende\s+|volgende\s+week\s+)?(?P<wd>" + _WEEKDAY + r")\b"),
    ("in", r"\b(?:over|binnen)\s+(?P<n>" + _NUM + r")\s+(?P<u>dagen|dag|weken|week|maanden|maand)\b"),
    ("monthpart", _PREP + r"(?P<part>eind|einde|begin|medio|half|halverwege)\s+(?:van\s+)?(?P<m>" + _MONTH + r")(?:\s*(?P<y>20\d\d))?\b"),
    ("quarter", r"(?:(?:(?P<end>eind(?:e)?|uiterlijk|voor|vóór|tot)|in|per|op|rond|medio|na)\s+(?:van\s+)?(?:de\s+|het\s+)?)?"
                r"(?P<q>Q[1-4]|(?:het\s+)?(?:eerste|tweede|derde|vierde)\s+kwartaal)(?:\s*(?P<y>20\d\d))?\b"),
    ("month", r"(?:uiterlijk|voor|vóór|per|in|eind)\s+(?P<m>" + _MONTH + r")(?:\s*(?P<y>20\d\d))?\b"),
    ("periodend", r"(?:(?:uiterlijk|voor|vóór|tegen|aan|op|per)\s+)?(?:het\s+)?eind(?:e)?\s+(?:van\s+)?(?:de|deze)\s+(?P<p>maand|week)\b"),
    ("vague", r"\b(?:(?:voor|na|rond|in)\s+(?:de\s+)?(?:zomer(?:vakantie|reces)?|kerst(?:reces|vakantie)?|herfstvakantie|"
              r"meivakantie|jaarwisseling)|(?:de\s+)?(?:komende|volgende|deze|eind\s+(?:van\s+)?de|einde\s+(?:van\s+)?de)\s+"
              r"(?:week|weken|maand|maanden|periode|keer|(?-i:[A-Z]{2,5})?[\s-]?(?:vergadering|bijeenkomst|overleg))|binnenkort|z\.s\.m\.?|zsm|"
              r"zo\s+snel\s+mogelijk|op\s+korte\s+termijn|asap)\b"),
]
_COMPILED = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _PATTERNS]


@dataclass
class DueMatch:
    as_written: str
    start: int  # offsets into the text that was searched
    end: int
    date: dt.date | None


def _year_for(month: int, day: int, ref: dt.date, year: str | None) -> int:
    if year:
        y = int(year)
        return y + 2000 if y < 100 else y
    # A date written without a year is the next such date on or after the meeting, within reason:
    # a deadline of "15 januari" written in December is next year's.
    candidate = ref.year
    try:
        if dt.date(candidate, month, day) < ref - dt.timedelta(days=90):
            candidate += 1
    except ValueError:
        pass
    return candidate


def _daymonth(m: re.Match, ref: dt.date) -> dt.date | None:
    month = _month_number(m.group("m"))
    day = int(m.group("d"))
    return _safe_date(_year_for(month, day, ref, m.group("y")), month, day) if month else None


def _numeric(m: re.Match, ref: dt.date) -> dt.date | None:
    day, month = int(m.group("d")), int(m.group("m"))
    if not (1 <= month <= 12):
        return None
    return _safe_date(_year_for(month, day, ref, m.group("y")), month, day)


def _relday(m: re.Match, ref: dt.date) -> dt.date | None:
    return ref + dt.timedelta(days={"vandaag": 0, "vanavond": 0, "morgen": 1, "overmorgen": 2}[m.group("w").lower()])


def _weekday(m: re.Match, ref: dt.date) -> dt.date | None:
    target = WEEKDAYS[m.group("wd").lower()]
    ahead = (target - ref.weekday()) % 7 or 7
    if "volgende week" in m.group(0).lower():
        ahead = (7 - ref.weekday()) + target
    return ref + dt.timedelta(days=ahead)


def _in(m: re.Match, ref: dt.date) -> dt.date | None:
    n_raw = m.group("n").lower()
    n = int(n_raw) if n_raw.isdigit() else NUMBERS[n_raw]
    unit = m.group("u").lower()
    if unit.startswith("dag"):
        return ref + dt.timedelta(days=n)
    if unit in ("week", "weken"):
        return ref + dt.timedelta(weeks=n)
    month = ref.month - 1 + n
    y, mo = ref.year + month // 12, month % 12 + 1
    return _safe_date(y, mo, min(ref.day, calendar.monthrange(y, mo)[1]))


# one resolver per expression kind of _PATTERNS that determines a day. "vague" and the periods ("eind april",
# "eind van de maand", "eind Q1", "uiterlijk juni", "voor april": monthpart, periodend, quarter, month) have none:
# a month, a quarter or the end of a period names no day (the gold conventions: due_date null); `due` keeps
# the words, and matching them keeps a later pattern from reading a day into them.
_RESOLVERS = {"daymonth": _daymonth, "numeric": _numeric, "relday": _relday, "weekday": _weekday, "in": _in}


def resolve(kind: str, m: re.Match, ref: dt.date | None) -> dt.date | None:
    """The one day an expression determines, relative to the meeting date `ref` (None: cannot tell)."""
    if ref is None or kind == "vague":
        if ref is None and kind in ("daymonth", "numeric") and m.group("y"):
            month = _month_number(m.group("m")) if kind == "daymonth" else int(m.group("m"))
            y = int(m.group("y"))
            return _safe_date(y + 2000 if y < 100 else y, month or 0, int(m.group("d")))
        return None
    resolver = _RESOLVERS.get(kind)
    return resolver(m, ref) if resolver else None


_NEXT_MEETING_LINE = re.compile(r"\bvolgende?\s+(?:(?:\w+[\s-]?)?(?:vergadering|overleg|bijeenkomst)|werkgroep|stuurgroep|commissie|keer|sessie|meeting|(?-i:[A-Z]{2,6}))\s*(?::|is\s+op|op|-|–)\s*(?P<rest>[^\n]{0,80})", re.I)
_NEXT_MEETING_REF = re.compile(r"\b(?:de\s+|het\s+)?(?:volgende|komende)\s+(?:[\w-]+[\s-]?)?(?:vergadering|overleg|bijeenkomst)\b", re.I)


def next_meeting_date(text: str, ref: dt.date | None) -> dt.date | None:
    """The date of the next meeting when the document states it ("Volgende overleg: donderdag 18 september")."""
    for m in _NEXT_MEETING_LINE.finditer(text):
        found = find_due(m.group("rest"), ref)
        if found and found.date and (ref is None or found.date > ref):
            return found.date
    return None


def refers_to_next_meeting(text: str) -> bool:
    return bool(_NEXT_MEETING_REF.search(text))


_TIME_CONTEXT = re.compile(r"\d{1,2}[.:]\d{2}\s*$")


_SINCE = re.compile(r"\b(?:sinds|sedert)\s+(?:(?:de|het|half|begin|eind|medio)\s+)?$", re.IGNORECASE)


def find_due(text: str, ref: dt.date | None) -> DueMatch | None:
    """The first due-date expression in `text` (as written, with its span) and its resolved date."""
    best: DueMatch | None = None
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(text):
            if kind == "numeric" and (_TIME_CONTEXT.search(text[: m.start()]) or re.match(r"\s*uur", text[m.end():])):
                continue
            if kind == "numeric" and re.search(r"\d[.,]\s*$", text[: m.start()]):
                continue  # part of a redaction ground or a paragraph number, not a date
            if _SINCE.search(text[: m.start()]):
                continue  # "neemt sinds 20 juli het voorzitterschap waar": a start in the past, no term
            match = DueMatch(m.group(0).strip(), m.start(), m.end(), resolve(kind, m, ref))
            if best is None or match.start < best.start:
                best = match
            break
    return best
