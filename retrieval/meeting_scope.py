"""Which stored meeting a question names, so that the search keeps to it: a date tied to a meeting ("de
vergadering van 17 april 2014", "de ALV van 2 maart 2018", "Waar vergadert het algemeen bestuur op 5 december
2007?") or the most recent meeting ("de laatste vergadering"). A question that names none, or a date on which
no meeting of the selection was held, is searched as before: over everything allowed.

A date with its year names a meeting unless it is part of a record's name ("de notulen van de ALV van 24
september 2010": those minutes are approved in a later meeting); a date without a year only right after a
meeting word ("de vergadering van 13 juni", not "de lichtjestocht op 21 december"). The words are data
(notulist/nl/data/retrieval_scope.toml)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import numpy as np

from notulist.dutch import MONTH_PATTERN, MONTHS
from notulist.nl import Lexicon, lexicon
from retrieval import snapshot as snapshots

Day = tuple[int | None, int, int | None]  # (year or None, month, day or None: the whole month of that year)

_FILE = "retrieval_scope.toml"
_DATES = (  # (pattern, day from match); a day-month-year written with dashes or slashes too
    (re.compile(r"\b(\d{1,2})\s+(" + MONTH_PATTERN + r")\.?(?:\s+(\d{4}))?\b", re.I),
     lambda m: (int(m.group(3)) if m.group(3) else None, MONTHS[m.group(2).lower()], int(m.group(1)))),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), lambda m: (int(m.group(1)), int(m.group(2)), int(m.group(3)))),
    (re.compile(r"\b(\d{1,2})[-/](\d{1,2})[-/](\d{4})\b"), lambda m: (int(m.group(3)), int(m.group(2)), int(m.group(1)))),
)
_WORDS_BETWEEN = 6  # words between a meeting (or record) word and its date: "de vergadering van het algemeen bestuur op"


@lru_cache(maxsize=16)
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = lex.table(_FILE)
    gap = r"(?:\s+\S+){0,%d}?" % _WORDS_BETWEEN

    meeting, joins = "|".join(data["meeting"]["nouns"]), "|".join(data["meeting"]["joins"])
    record, about = "|".join(data["record"]["nouns"]), "|".join(data["record"]["about"])
    return (re.compile(r"\b(%s)\b%s\s+(?:%s)\s*$" % (meeting, gap, joins), re.I),
            # "de notulen van 9 juli", "het verslag van de vergadering van", "over de vergadering van"
            re.compile(r"\b(?:(?:%s)(?:\s+van\s+(?:de|het)(?:\s+\S+){1,4}?)?|(?:%s)\s+(?:de|het)\s+(?:%s))\s+(?:%s)\s*$"
                       % (record, about, meeting, joins), re.I),
            re.compile("|".join(data["latest"]["phrases"]), re.I))


def matches_day(day: Day | None, date: dt.date | None) -> bool:
    if day is None or date is None:
        return False
    year, month, d = day
    return date.month == month and (d is None or date.day == d) and (year is None or date.year == year)


def _references(question: str) -> list[tuple[Day, str | None]]:
    """Each date that names a meeting, with the meeting word before it (None: a dated "op 14 oktober 2020")."""
    meeting, record, _ = _patterns(lexicon())
    out: list[tuple[Day, str | None]] = []
    for pattern, day_of in _DATES:
        for m in pattern.finditer(question):
            day, before = day_of(m), question[:m.start()]
            noun = meeting.search(before)
            if record.search(before) or not (day[0] is not None or noun) or not 1 <= day[1] <= 12:
                continue
            out.append((day, noun.group(1) if noun else None))
    return out


def meeting_days(question: str) -> list[Day]:
    """The dates (day, month, optional year) of the meetings the question names, in order."""
    out: list[Day] = []
    for day, _ in _references(question):
        if day not in out:
            out.append(day)
    return out


def meeting_words(question: str) -> list[str]:
    """The words that name the meeting a date is tied to ("de ALV van 2 maart 2018", "de collegevergadering
    van 14 maart 2023"): they say which meeting is searched, not what the question is about."""
    return [noun for _, noun in _references(question) if noun]


def asks_latest(question: str) -> bool:
    """"de laatste vergadering", "de meest recente ALV": the question names the most recent meeting."""
    return bool(_patterns(lexicon())[2].search(question))


def scoped_meetings(snap: snapshots.Snapshot, rows: np.ndarray, question: str) -> list[str] | None:
    """The ids of the meetings among `rows` the question names (None: it names none that is stored)."""
    if not len(rows):
        return None
    days, latest = meeting_days(question), asks_latest(question)
    if not days and not latest:
        return None
    if days:
        on = snapshots.on_day(snap, lambda d: any(matches_day(day, d) for day in days), dt.date.fromisoformat)[rows]
        if on.any():
            rows = rows[on]
        elif not latest:
            return None
    if latest:
        dates = snap.columns["date_int"][rows]
        if not dates.max():
            return None
        rows = rows[dates == dates.max()]
    return sorted(set(snap.columns["meeting_id"][rows].tolist()))
