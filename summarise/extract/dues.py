"""Due dates of actions: the term written in the clause ("vóór 1 maart", "volgende vergadering"), else the
date of the event the action is about written elsewhere in the item ("De stuurgroep is op 25 maart"), else
the date of a meeting a term names ("vóór de ALV")."""

from __future__ import annotations

import datetime as dt
import re

from notulist.nl import lexicon
from summarise import rules
from summarise.dates import find_due, refers_to_next_meeting
from summarise.extract.document import Ctx


def stop_words() -> frozenset[str]:
    """Words that say nothing about what an action is about (notulist/nl/data/content_words.toml)."""
    return lexicon().word_set("stop_words")


def _event_words(text: str, owner: str | None) -> set[str]:
    owner_words = {w.lower() for w in re.findall(r"\w+", owner or "")}
    return {w for w in (x.lower() for x in re.findall(r"[A-Za-zÀ-ÿ]{6,}", text))
            if w not in stop_words() and w not in owner_words and not w.endswith("en") and w != rules.RED.lower()}


# a date that names the part of a day something is for ("voor de ochtend van 22 december", "de avond van 5 mei")
_PART_OF_DAY = re.compile(r"\b(?:de|het)\s+(?:ochtend|middag|avond|nacht|voormiddag|namiddag)\s+van\s+$", re.I)
_AFTER_EVENT = re.compile(r"\bna\s+(?:de|het|afloop|een|deze|die)\b", re.I)


def due_for(ctx: Ctx, norm: str, owner: str | None, contexts: list[str]) -> tuple[str | None, dt.date | None]:
    """The due date written in the clause, else the date of the event it is about (same item)."""
    ref = ctx.meeting.date
    found = find_due(norm, ref)
    own = own_next_meeting(ctx, norm)
    if own is not None and (found is None or (found.date is None and own[0].startswith(found.as_written))):
        return own
    if found and _PART_OF_DAY.search(norm[:found.start]):
        return None, None  # "een alternatief voor de ochtend van 22 december": the occasion the task is for, no term
    if found:
        if found.date is None and refers_to_next_meeting(found.as_written):
            return found.as_written, ctx.next_meeting
        return found.as_written, found.date
    words = _event_words(norm, owner) - ctx.people  # "regelt een account voor Marloes": a person is no event
    if not words or ref is None or _AFTER_EVENT.search(norm):  # "na de informatieavonden": a start, not a term
        return None, None
    for text in contexts:
        low = text.lower()
        if not any(re.search(r"\b" + re.escape(w) + r"\b", low) for w in words):
            continue
        match = find_due(text, ref)
        if match and match.date and match.date >= ref and re.search(r"\d", match.as_written):
            return re.sub(r"^(?:op|per|tot|voor|vóór|uiterlijk)\s+", "", match.as_written, flags=re.I), match.date
    return _before_named_event(ctx, norm)


# "vóór de volgende werkgroep", "in het volgende RVO", "volgend DO": the body's own next meeting, named by its kind
_NEXT_OWN = re.compile(r"\b(?:(?:vóór|voor|in|op|tijdens|uiterlijk)\s+)?(?:de\s+|het\s+)?volgende?\s+(?P<w>[A-Z]{2,6}|[a-z]{4,})\b")


def own_next_meeting(ctx: Ctx, norm: str) -> tuple[str, dt.date] | None:
    """The next meeting's date (written in the document) where the term names this body's next meeting by the word
    its title uses ("Werkgroep warmtetransitie": "vóór de volgende werkgroep") or an abbreviation the document uses
    elsewhere too ("Regionaal Veiligheidsoverleg (RVO)": "in het volgende RVO")."""
    m = _NEXT_OWN.search(norm)
    if m is None or ctx.next_meeting is None:
        return None
    word = m.group("w")
    names = f"{ctx.meeting.title} {ctx.meeting.series}"
    if word.isupper():  # an abbreviation the document also uses elsewhere ("Verslag DO 16 februari", "(RVO)")
        source = ctx.sources.get(ctx.meeting.source_ids[0]) if ctx.meeting.source_ids else None
        found = re.search(r"\b" + re.escape(word) + r"\b", names) or (
            source is not None and len(re.findall(r"\b" + re.escape(word) + r"\b", source.raw_text)) >= 2)
    else:
        found = re.search(r"\b" + re.escape(word) + r"\b", names, re.I)
    return (m.group(0).strip(), ctx.next_meeting) if found else None


# "vóór de ALV", "voor de raadsvergadering": a term set by a meeting the document dates elsewhere
_BEFORE_EVENT = re.compile(r"\b(?:vóór|voor|uiterlijk\s+(?:op|bij)?)\s+de\s+(?P<event>[A-Z]{2,5}(?:-vergadering)?|[a-z]*(?:vergadering|"
                           r"bijeenkomst|zitting|ledenvergadering|raad))\b")


def _before_named_event(ctx: Ctx, norm: str) -> tuple[str | None, dt.date | None]:
    """The date of the event a term names ("vóór de ALV"), where the document gives one date for it on or after
    the meeting ("De ALV is op donderdag 10 april 2025")."""
    m = _BEFORE_EVENT.search(norm)
    if m is None or ctx.meeting.date is None or not ctx.meeting.source_ids:
        return None, None
    event = m.group("event")
    source = ctx.sources.get(ctx.meeting.source_ids[0])
    if source is None:
        return None, None
    dates = set()
    for s, e in rules.split_clauses(source.raw_text, 0, len(source.raw_text)):
        clause = source.raw_text[s:e]
        if not re.search(r"\b" + re.escape(event) + r"\b", clause, re.I if event.islower() else 0):
            continue
        found = find_due(clause, ctx.meeting.date)
        if found and found.date and found.date >= ctx.meeting.date and re.search(r"\d", found.as_written):
            dates.add(found.date)
    return (m.group(0), dates.pop()) if len(dates) == 1 else (None, None)
