"""Dutch calendar words in one place (data: notulist/nl/data/calendar.toml), so the parser, the due-date resolver, the LLM fallback and the
formatters accept and write exactly the same month and weekday spellings."""

from __future__ import annotations

import datetime as dt

from notulist.nl import load_lexicon

# The data is in notulist/nl/data/calendar.toml (one place for every stage).
_lex = load_lexicon()
# Month names and the abbreviations seen in Dutch minutes -> month number (look up lower-cased, without
# a trailing dot). Insertion order matters for callers that build a regex from the keys.
MONTHS: dict[str, int] = _lex.months
# Full month names in calendar order, for writing dates.
MONTH_NAMES: list[str] = _lex.month_names
# Regex alternation of every month spelling, longest first (so "sept" is tried before "sep").
MONTH_PATTERN: str = "|".join(sorted(MONTHS, key=len, reverse=True))

# Weekday names -> date.weekday() index. The two-letter abbreviations are kept apart: they are only safe
# right in front of a date ("di 5 maart"), not as free words in running text ("do" is also a verb).
WEEKDAYS: dict[str, int] = _lex.weekdays
WEEKDAY_ABBREVIATIONS: dict[str, int] = _lex.weekday_abbreviations


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
