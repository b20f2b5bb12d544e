"""Done detection: a clause that reports something as done ("is afgerond", "Bram heeft die gedeeld"), not a
deadline ("gereed eind juni") and not "nog niet". Cue families: done, not_done, done_report,
deadline_ready (notulist/nl/data/). Used for status reports under an action label and for the done rows
that link an action to a later meeting."""

from __future__ import annotations

from summarise.rules.clauses import is_question
from summarise.rules.cues import cue


def is_status_report(text: str) -> bool:
    """"... is binnen; Bram heeft die gedeeld", "afgerond": what was done, not a new action (a deadline such
    as "gereed eind juni" is blanked first)."""
    status = cue("deadline_ready").sub(" ", text)
    return bool(cue("done_report").search(status) or cue("done").search(status))


def reports_done(text: str) -> bool:
    """A clause that says an action is done: a done cue, not "nog niet", not a question."""
    return bool(cue("done").search(text)) and not cue("not_done").search(text) and not is_question(text)


def says_not_done(text: str) -> bool:
    """"nog niet", "loopt nog", "nog open"."""
    return bool(cue("not_done").search(text))


def done_report(text: str) -> bool:
    """"Bram heeft die gedeeld", "is binnen": a report that somebody did something."""
    return bool(cue("done_report").search(text))
