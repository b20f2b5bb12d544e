"""Dates in Dutch meeting documents: written dates, weekday checks, the year when it is left out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath

from notulist.text import DAY_MONTH, WEEKDAYS, WEEKDAY_ABBREVIATIONS, month_number, safe_date

# month and weekday words are the shared ones (notulist/nl/data/calendar.toml via notulist.text)
_WEEKDAYS = {**WEEKDAYS, **WEEKDAY_ABBREVIATIONS}
_DATE_WORDS = DAY_MONTH  # "di 5 maart 2024", "5e mrt.", "12 juni"
_DATE_NUM = re.compile(r"(?<![\w.,-])(?P<d>[0-3]?\d)[-/.](?P<m>[01]?\d)[-/.](?P<y>(?:19|20)?\d\d)(?![\w.,-]?\d)")
DATE_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_YEAR = re.compile(r"(?<![\d.,-])((?:19|20)\d\d)(?![\d])")
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)(?!\d)")
DATE_LABEL = re.compile(r"^(?:vergader)?datum(?:\s+en\s+(?:tijd|tijdstip|plaats))?|^date\b|^wanneer\b|^tijdstip\b",
                         re.IGNORECASE)


@dataclass
class FoundDate:
    day: int
    month: int
    year: int | None
    start: int
    end: int
    text: str


def find_dates(text: str, offset: int = 0) -> list[FoundDate]:
    """Every date in `text` (Dutch month names/abbreviations, d-m-yyyy, ISO), in order."""
    found: list[FoundDate] = []
    for rx in (DATE_ISO, _DATE_NUM, _DATE_WORDS):
        for m in rx.finditer(text):
            if any(f.start <= m.start() + offset < f.end for f in found):
                continue
            month_raw = m.group("m")
            month = month_number(month_raw) if not month_raw.isdigit() else int(month_raw)
            year = m.group("y")
            if year is not None:
                year = int(year) + (2000 if len(year) == 2 else 0)
            day = int(m.group("d"))
            if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            if year is not None:
                try:
                    dt.date(year, month, day)
                except ValueError:
                    continue
            found.append(FoundDate(day, month, year, m.start() + offset, m.end() + offset, m.group(0).strip()))
    found.sort(key=lambda f: f.start)
    return found


def weekday_of(date_text: str) -> int | None:
    """The weekday written with a date ('dinsdag 5 maart' -> 1), or None."""
    m = re.match(r"^\s*([a-z]+)\.?,?\s", date_text.lower())
    return _WEEKDAYS.get(m.group(1)) if m else None


def typo_year(found: FoundDate, text: str) -> int | None:
    """The year a header date was meant to have when the written one is a typing error: every other full
    date of the document lies years later, within one or two consecutive years ('Datum | 2000-10-19' in
    minutes whose deadlines are 21/10/2020 and 26/10/2020: 2020), the written year stands nowhere else in the
    text and the meant date lies within two months of another date. None when the written year stands."""
    if found.year is None:
        return None
    dated = [f for f in find_dates(text) if f.year is not None and not found.start <= f.start < found.end]
    others = [f.year for f in dated]
    if len(others) < 2 or found.year in others:
        return None
    low, high = min(others), max(others)
    meant = safe_date(low, found.month, found.day)
    if low - found.year < 2 or high - low > 1 or meant is None:
        return None
    if any(not found.start <= m.start() < found.end for m in re.finditer(rf"(?<!\d){found.year}(?!\d)", text)):
        return None  # the written year stands elsewhere in the text ('jaarverslag 2019')
    # the meant date lies among the others (deadlines days or weeks after the meeting), not months away
    near = any(abs((d - meant).days) <= 60 for f in dated if (d := safe_date(f.year, f.month, f.day)))
    return low if near else None


def infer_year(month: int, day: int, text: str, exclude: tuple[int, int] | None = None,
               weekday: int | None = None) -> int | None:
    """The most plausible year for a date written without one, from the other dates in the document.

    Rule: candidate years are every year the document mentions (full dates, ranges like "2024-2028",
    bare years) and the year after each. Each candidate costs the distance in days from the meeting to
    every full date in the document, a date AFTER the meeting counting double (an agenda mostly refers
    back: "het besluit van 4 juli 2023"), plus a year's cost for each range the candidate falls outside
    and half a year per year of distance to each bare year. The cheapest candidate wins; ties go to the
    later year. None when the document names no year at all.
    """
    full: list[dt.date] = []
    ranges: list[tuple[int, int]] = []
    bare: list[int] = []
    for f in find_dates(text):
        if exclude and exclude[0] <= f.start < exclude[1]:
            continue
        if f.year is not None:
            d = safe_date(f.year, f.month, f.day)
            if d:
                full.append(d)
    range_spans = []
    for m in _YEAR_RANGE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b <= a + 20:
            ranges.append((a, b))
            range_spans.append((m.start(), m.end()))
    date_spans = [(f.start, f.end) for f in find_dates(text) if f.year is not None]
    for m in _YEAR.finditer(text):
        if any(a <= m.start() < b for a, b in range_spans + date_spans):
            continue
        bare.append(int(m.group(1)))
    years = {d.year for d in full} | {y for r in ranges for y in r} | set(bare)
    if not years:
        return None
    candidates = years | {y + 1 for y in years}
    if weekday is not None:
        # a written weekday pins the year down among the plausible ones
        near = {y + k for y in candidates for k in range(-3, 4)}
        fitting = {y for y in near if (d := safe_date(y, month, day)) is not None and d.weekday() == weekday}
        if fitting:
            candidates = fitting

    def cost(year: int) -> float:
        meeting = safe_date(year, month, day)
        if meeting is None:
            return float("inf")
        total = 0.0
        for d in full:
            delta = (meeting - d).days
            total += delta if delta >= 0 else -2 * delta
        for a, b in ranges:
            if not a <= year <= b:
                total += 365 * min(abs(year - a), abs(year - b))
        for y in bare:
            total += 182 * abs(year - y)
        return total

    return min(sorted(candidates, reverse=True), key=cost)


_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_]?([01]\d)[-_]?([0-3]\d)(?!\d)")


def filename_date(filename: str) -> dt.date | None:
    """A YYYY-MM-DD (or YYYYMMDD) date in the file name, e.g. '2024-03-11_agenda.md'."""
    m = _FILENAME_DATE.search(PurePath(filename).name)
    return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
