"""Retrieval's Dutch cues, read from the shared language data (notulist/nl) when they are used.

A cue family in notulist/nl/data (decision, agreed, postponed, postponed_next, reason, calendar) is the
one place a cue word is written: a word added there changes the rule engine, ingest's note heuristics and
retrieval alike. `cue(name)` is the family (or families) retrieval asks for plus retrieval's own words for
it (notulist/nl/data/retrieval.toml, `[cue_words]`), compiled once per lexicon. The time and amount words
of `date_like`/`amount_like` and the answer kinds (retrieval_answers.toml) are data there too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from notulist.nl import Family, Lexicon, lexicon
from retrieval.names import opens_with_name

CueName = Literal["decision", "agreement", "decision_or_agreement", "postponed", "postponed_question", "reason",
                  "task"]

# which shared families make up each cue retrieval uses
_FAMILIES: dict[CueName, tuple[Family, ...]] = {
    "decision": ("decision",),  # the index's "besluit" cue
    "agreement": ("agreed",),  # the index's "afspraak" cue
    "decision_or_agreement": ("decision", "agreed"),  # a sentence an answer quotes as the outcome
    "postponed": ("postponed", "postponed_next"),  # text: an item moved to a later meeting
    "postponed_question": ("postponed",),  # a question about postponed items ("wat is doorgeschoven?")
    "reason": ("reason",),  # a sentence that gives a reason ("omdat", "in afwachting")
    "task": (),  # the index's task words are retrieval's own (retrieval.toml)
}
_RETRIEVAL_FILE = "retrieval.toml"  # retrieval's own words in notulist/nl/data (cue words, time words)


def _alternation(phrases: list[str]) -> str:
    """Whole words, any whitespace between the words of a phrase, longest first."""
    words = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in words)


def _own_words(lex: Lexicon, table: str) -> list[str]:
    return list(lex.table(_RETRIEVAL_FILE)[table]["phrases"])


@lru_cache(maxsize=64)
def _compile(lex: Lexicon, name: CueName) -> re.Pattern[str]:
    parts = [f"(?:{lex.family(f).regex()})" for f in _FAMILIES[name]]
    extra = lex.table(_RETRIEVAL_FILE)["cue_words"].get(name)
    if extra:
        parts.append(rf"\b(?:{_alternation(extra)})\b")
    return re.compile("|".join(parts), re.IGNORECASE)


def cue(name: CueName) -> re.Pattern[str]:
    """The compiled cue of the lexicon in use (the packaged data, or one a test installed)."""
    return _compile(lexicon(), name)


QuestionCue = Literal["agreement", "tasks", "amount", "recurring", "why", "who", "often", "action", "when",
                      "item_ref"]
QuoteCue = Literal["label_only", "asked", "attachment", "request", "outcome_start", "anaphor_start",
                   "announce_end"]


@lru_cache(maxsize=64)
def _own_pattern(lex: Lexicon, section: str, name: str) -> re.Pattern[str]:
    patterns = lex.table(_RETRIEVAL_FILE)[section][name]["patterns"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def question_cue(name: QuestionCue) -> re.Pattern[str]:
    """What a question asks for (retrieval.toml `[question.<name>]`): "wanneer", "wat is er besloten", ..."""
    return _own_pattern(lexicon(), "question", name)


def quote_cue(name: QuoteCue) -> re.Pattern[str]:
    """A kind of sentence an answer treats apart (retrieval.toml `[quote.<name>]`): a label, a question asked."""
    return _own_pattern(lexicon(), "quote", name)


@lru_cache(maxsize=16)
def _person(lex: Lexicon) -> tuple[tuple[re.Pattern[str], ...], frozenset[str]]:
    data = lex.table(_RETRIEVAL_FILE)["question"]["person"]
    return tuple(re.compile(p) for p in data["patterns"]), frozenset(data["not_names"])


def person_patterns() -> tuple[re.Pattern[str], ...]:
    """Where a task question names a person (group 1), case-sensitive, in the order they are tried."""
    return _person(lexicon())[0]


def not_names() -> frozenset[str]:
    """Capitalised words that are no person in a task question ("De", "Wat", "MT")."""
    return _person(lexicon())[1]


def meta_words() -> frozenset[str]:
    """Question words and meeting vocabulary: no subject words of a question ("wanneer", "besloten")."""
    return _meta_words(lexicon())


@lru_cache(maxsize=16)
def _meta_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.table(_RETRIEVAL_FILE)["question"]["meta"]["words"])


@lru_cache(maxsize=16)
def _calendar(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    months = "|".join(sorted(map(re.escape, lex.months), key=len, reverse=True))
    weekdays = "|".join(map(re.escape, lex.weekdays))
    times = _alternation(_own_words(lex, "time_words"))
    amounts = _alternation(_own_words(lex, "amount_words"))
    date_like = re.compile(
        rf"\b(\d{{1,2}}[-/]\d{{1,2}}|\d{{1,2}}\s+(?:{months})\b|{weekdays}|\d{{4}}-\d{{2}}-\d{{2}}|{times})\b", re.I)
    amount_like = re.compile(rf"(€|\b(?:{amounts})\b|%|\b\d+(?:[.,]\d+)*\b(?!\s*(?:{months})))", re.I)
    return date_like, amount_like


def date_like() -> re.Pattern[str]:
    """A date or a time word in a sentence (answers a "wanneer" question); month and day names from the data."""
    return _calendar(lexicon())[0]


def amount_like() -> re.Pattern[str]:
    """A number or an amount, not a day of a month (answers a "hoeveel" question)."""
    return _calendar(lexicon())[1]


AnswerType = Literal["who", "when", "why", "amount", "frequency", "action"]

_ANSWER_TYPES_FILE = "retrieval_answers.toml"  # retrieval's question vocabulary in notulist/nl/data

# a capitalised word inside a sentence (not its first word): a name, a body or a place ("Marlies", "Kadaster")
_NAME_INSIDE = re.compile(r"(?<=[\w,;:)]\s)(?:[A-Z][a-zà-ÿ]+|[A-Z]{2,})\b")


@lru_cache(maxsize=16)
def _answer_types(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    data = lex.table(_ANSWER_TYPES_FILE)
    return {name: re.compile("|".join(f"(?:{p})" for p in section["patterns"]), re.IGNORECASE)
            for name, section in data.items()}


def refers_back(text: str) -> bool:
    """A sentence that leans on the one before it ("Zij volgt hiermee ... op", "Een en ander wordt ...")."""
    return bool(_answer_types(lexicon())["refers_back"].search(text))


def raises_point(text: str) -> bool:
    """A question, request, remark or letter put to the meeting ("PvdA vraagt ...", "X merkt op dat ...")."""
    return bool(_answer_types(lexicon())["raises"].search(text))


def replies(text: str) -> bool:
    """The reply to, or the step taken on, the point raised before ("Gedeputeerde geeft aan dat ...")."""
    return bool(_answer_types(lexicon())["replies"].search(text))


def _found(pattern: re.Pattern[str], text: str, asked: frozenset[str]) -> bool:
    """The pattern matches text somewhere other than on the question's own words."""
    if not asked:
        return bool(pattern.search(text))
    return any(not set(re.findall(r"\w+", m.group(0).lower())) <= asked for m in pattern.finditer(text))


def answers_type(text: str, kind: AnswerType, asked: frozenset[str] = frozenset()) -> bool:
    """The sentence holds the kind of fact a question asks for: who (a name, role or body), when (a date or
    time), why (a reason), amount (a number), frequency ("ieder kwartaal") or action (a step or a state:
    "Er wordt nagegaan of ...", "de onderhandelingen nog lopen"). A match on the question's own words
    (`asked`, lower case) does not count: "lastig" in "Waarom is het lastig?" is no reason, "MR" in "Wie
    regelt de MR-borrel?" names no one. A name that opens the sentence counts where a verb follows it
    (retrieval.names: "Charles bespreekt de cijfers.")."""
    own = _answer_types(lexicon())
    patterns = {"who": (_NAME_INSIDE, own["who"]), "when": (date_like(), own["when"]),
                "why": (cue("reason"), own["why"]), "frequency": (own["frequency"],),
                "action": (own["action"], lexicon().pattern("passive_action")), "amount": (amount_like(),)}[kind]
    return any(_found(p, text, asked) for p in patterns) or (kind == "who" and opens_with_name(text, asked))
