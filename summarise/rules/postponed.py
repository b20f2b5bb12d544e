"""Postponement detectors: an item moved to a later meeting ("aangehouden", "volgende keer bespreken"),
a decision that is still to be taken, and the "Volgende vergadering: ..." line that is no postponement.
Cue families: postponed, postponed_next, postponed_context, next_meeting_line, future_decision,
commitment, hedge, later_purpose (notulist/nl/data/)."""

from __future__ import annotations

from summarise.rules.cues import NEXT_MEETING_LABEL, cue
from summarise.rules.hits import Clause, Hit


def reads_postponed(text: str) -> bool:
    """Whether a clause says something is postponed: a strong cue, or "volgende keer" in a short clause or
    beside a word of discussing, not a line that announces the next meeting, not a commitment."""
    if cue("commitment").search(text) or cue("hedge").search(text):
        return False  # a promise, or speculation ("Wellicht dat daar op een later moment over beslist kan worden")
    if cue("postponed").search(text):
        return True
    return (bool(cue("postponed_next").search(text))
            and (len(text.split()) <= 6 or bool(cue("postponed_context").search(text)))
            and not cue("next_meeting_line").search(text)
            and not cue("later_purpose").search(text)  # "X stelt een tekst op om volgende keer te bespreken": a task
            and not text.rstrip(" *_").endswith(":"))  # "Punten voor volgende vergadering:": the list of new points


def next_meeting_label(c: Clause) -> list[Hit] | None:
    """"Volgende bijeenkomst: dinsdag 17 juni 2025.": a date, nothing recorded."""
    return [] if NEXT_MEETING_LABEL.match(c.text) else None


def future_decision(c: Clause) -> list[Hit] | None:
    """"Over artikel 4.7 besluit de raad in de vergadering van 15 april": a decision still to be taken."""
    if cue("future_decision").search(c.text) and not c.label:
        return [Hit("postponed", cue="besluit later")]
    return None


def postponed(c: Clause) -> list[Hit] | None:
    """Any other clause that reads as postponed."""
    if c.postponed:
        return [*c.tag_hits, Hit("postponed", cue="postponed")]
    return None
