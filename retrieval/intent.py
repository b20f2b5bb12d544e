"""What a Dutch question asks for, from general question forms (never from one document's wording).

- `agreement`: "wat hebben we afgesproken / besloten over X", "is er besloten", "wat is de afspraak":
  notes and decisions rank above prepared agenda text.
- `tasks`: "wat moet Peter nog doen", "welke acties liggen bij X": the extracted actions answer.
- `postponed`: "welke punten zijn doorgeschoven": postponed items answer.
- `general`: everything else.
The subject terms (the question minus question words and meeting vocabulary) drive the
query-term coverage that keeps answers on topic. The question words are data
(notulist/nl/data/retrieval.toml, `[question.*]`, read through retrieval/cues.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from notulist.dutch import MONTH_PATTERN, MONTHS
from retrieval.cues import AnswerType, cue, meta_words, not_names, person_patterns, question_cue
from retrieval.keyword import stem_groups, stems, words
from retrieval.meeting_facts import asked_facts, fact_stems
from retrieval.meeting_scope import Day, matches_day, meeting_words  # Day, matches_day: imported from here too

IntentKind = Literal["agreement", "tasks", "postponed", "general"]


_DATE = re.compile(r"\b(\d{1,2})\s+(" + MONTH_PATTERN + r")\.?(?:\s+(\d{4}))?\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_YEAR = re.compile(r"\b(" + MONTH_PATTERN + r")\.?\s+(\d{4})\b", re.I)  # "de vergadering van december 2023"



@dataclass
class Intent:
    kind: IntentKind
    subject_stems: list[tuple[str, ...]] = field(default_factory=list)  # per subject word its stem variants
    person: str | None = None
    day: Day | None = None  # the meeting date (or month of a year) the question names
    asks_when: bool = False  # "wanneer", "op welke datum", "per wanneer": the answer is a date
    asks_why: bool = False  # "waarom", "waardoor", "om welke reden": the answer is a reason
    asks_amount: bool = False  # "hoeveel", "wat kost", "welk bedrag": the answer is a number or an amount
    asks_who: bool = False  # "wie", "door wie", "aan wie": the answer names a person, role or body
    asks_often: bool = False  # "hoe vaak", "hoe vaak per jaar": the answer is a frequency
    asks_action: bool = False  # "wat wordt er gedaan aan", "hoe staat het met": the answer is a step or a state
    recurring: bool = False  # "welke onderwerpen kwamen opnieuw op de agenda": subjects across meetings
    words: list[str] = field(default_factory=list)  # the question's words, lower case, stopwords kept
    item_ref: str | None = None  # "punt 3", "agendapunt 6b": the item the question names
    days: list[Day] = field(default_factory=list)  # every date (or month of a year) named in the question
    expanded: bool = False  # subject words widened to the stored compounds (SearchIndex.expand)
    subject_roots: list[tuple[str, ...]] | None = None  # the subject words as asked, before widening
    meeting_facts: list[str] = field(default_factory=list)  # "waar vergadert ...", "wie waren afwezig": the header

    def asked_types(self) -> list[AnswerType]:
        """The kinds of fact the question asks for ("Wie zou ... regelen en wanneer?": who and when)."""
        flags: list[tuple[bool, AnswerType]] = [(self.asks_who, "who"), (self.asks_when, "when"),
                                                (self.asks_why, "why"), (self.asks_amount, "amount"),
                                                (self.asks_often, "frequency"), (self.asks_action, "action")]
        return [kind for on, kind in flags if on]


def meta_stems() -> frozenset[str]:
    """The stems of the question words and meeting vocabulary (retrieval.toml `[question.meta]`)."""
    return _meta_stems(meta_words())


@lru_cache(maxsize=16)
def _meta_stems(meta: frozenset[str]) -> frozenset[str]:
    return frozenset(stems(" ".join(sorted(meta)), keep_stopwords=True))


def subject_stems(question: str) -> list[tuple[str, ...]]:
    """The content words of a question as stem variants: what it is about (deduplicated, in order)."""
    seen: list[tuple[str, ...]] = []
    for group in stem_groups(question):
        if group[0] not in meta_stems() and group not in seen:
            seen.append(group)
    return seen


def mentioned_day(question: str) -> Day | None:
    """The first date the question names; a month with its year ("december 2023") when it names no day."""
    days = mentioned_days(question)
    exact = [d for d in days if d[2] is not None]
    return (exact or days or [None])[0]


def find_person(question: str) -> str | None:
    for pattern in person_patterns():
        for m in pattern.finditer(question):
            name = m.group(1).strip()
            first = name.split()[0]
            if first in not_names() or first.lower() in meta_words() or first.isupper():
                continue
            # the first word of the question is capitalised anyway: only trust names after it
            if m.start(1) == 0:
                continue
            return name
    return None


def detect_intent(question: str) -> Intent:
    intent = _detect(question)
    intent.asks_when = bool(question_cue("when").search(question))
    intent.recurring = bool(question_cue("recurring").search(question))
    intent.asks_amount = bool(question_cue("amount").search(question))
    intent.asks_why = bool(question_cue("why").search(question))
    intent.asks_who = bool(question_cue("who").search(question))
    intent.asks_often = bool(question_cue("often").search(question))
    intent.asks_action = bool(question_cue("action").search(question))
    intent.days = mentioned_days(question)
    intent.words = words(question)
    m = question_cue("item_ref").search(question)
    intent.item_ref = m.group(1).lower() if m else None
    intent.meeting_facts = asked_facts(question)
    if intent.meeting_facts:  # "afgemeld" names the fact asked, not what the meeting is about
        named = fact_stems(intent.meeting_facts)
        intent.subject_stems = [g for g in intent.subject_stems if not set(g) & named]
    if scope := set(stems(" ".join(meeting_words(question)))):  # "de ALV van 2 maart 2018" names the meeting searched
        intent.subject_stems = [g for g in intent.subject_stems if not set(g) & scope]
    return intent


def mentioned_days(question: str) -> list[Day]:
    """Every date the question names, then every month named with its year but without a day."""
    out: list[Day] = [(int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in _ISO.finditer(question)]
    dated = list(_DATE.finditer(question))
    out += [((int(m.group(3)) if m.group(3) else None), MONTHS[m.group(2).lower()], int(m.group(1))) for m in dated]
    taken = [range(m.start(2), m.end()) for m in dated]
    out += [(int(m.group(2)), MONTHS[m.group(1).lower()], None) for m in _MONTH_YEAR.finditer(question)
            if not any(m.start() in r for r in taken)]
    return out


def _detect(question: str) -> Intent:
    subject = subject_stems(question)
    day = mentioned_day(question)
    person = find_person(question)
    tasks = question_cue("tasks")
    if tasks.search(question) and person:
        return Intent("tasks", [g for g in subject if g[0] not in set(stems(person))], person, day)
    if tasks.search(question) and not subject and not question_cue("agreement").search(question):
        return Intent("tasks", [], None, day)  # "welke acties staan nog open?": every open action
    if cue("postponed_question").search(question):
        return Intent("postponed", subject, person, day)
    if question_cue("agreement").search(question):
        return Intent("agreement", subject, person, day)
    return Intent("general", subject, person, day)


def question_words(question: str) -> list[str]:
    return words(question)
