"""Dutch calendar words in one place, so the parser, the due-date resolver, the LLM fallback and the
formatters accept and write exactly the same month and weekday spellings."""

from __future__ import annotations

import datetime as dt

# Month names and the abbreviations seen in Dutch minutes -> month number (look up lower-cased, without
# a trailing dot). Insertion order matters for callers that build a regex from the keys.
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# Full month names in calendar order, for writing dates.
MONTH_NAMES: list[str] = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                          "oktober", "november", "december"]
# Regex alternation of every month spelling, longest first (so "sept" is tried before "sep").
MONTH_PATTERN: str = "|".join(sorted(MONTHS, key=len, reverse=True))

# Weekday names -> date.weekday() index. The two-letter abbreviations are kept apart: they are only safe
# right in front of a date ("di 5 maart"), not as free words in running text ("do" is also a verb).
WEEKDAYS: dict[str, int] = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4,
                            "zaterdag": 5, "zondag": 6}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}


def month_number(word: str) -> int | None:
    """'mrt.' / 'Maart' -> 3; None for anything that is not a Dutch month spelling."""
    return MONTHS.get(word.lower().rstrip("."))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None where the numbers do not make one (31 april): a parsed date must never raise."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def dutch_date(day: dt.date) -> str:
    """date(2024, 3, 6) -> '6 maart 2024', the way Dutch minutes write it."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
