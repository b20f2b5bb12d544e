"""What a Dutch question asks for, from general question forms (never from one document's wording).

- `agreement`: "wat hebben we afgesproken / besloten over X", "is er besloten", "wat is de afspraak":
  notes and decisions rank above prepared agenda text.
- `tasks`: "wat moet Peter nog doen", "welke acties liggen bij X": the extracted actions answer.
- `postponed`: "welke punten zijn doorgeschoven": postponed items answer.
- `general`: everything else.
The subject terms (the question minus question words and meeting vocabulary) drive the
query-term coverage that keeps answers on topic.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from notulist.dutch import MONTH_PATTERN, MONTHS
from retrieval.cues import AnswerType, cue
from retrieval.keyword import stem_groups, stems, words

IntentKind = Literal["agreement", "tasks", "postponed", "general"]

_AGREEMENT = re.compile(
    r"\b(afgesproken|afspraak|afspraken|besloten|besluit|besluiten|beslist|akkoord|overeengekomen|"
    r"vastgesteld|ingestemd|goedgekeurd|uitkomst|conclusie|geconcludeerd|afgesloten met)\b", re.I)
_TASKS = re.compile(
    r"\b(acties?|actiepunten?|taken|taak|moet\s+\w+\s+(?:nog\s+)?doen|nog\s+doen|opgepakt|oppakken|actiehouder|"
    r"te doen|openstaande?|toegezegd|toezeggingen|toezegging|beloofd)\b", re.I)


# Question words and meeting vocabulary: they say what kind of answer is wanted, not what about.
META_WORDS = {
    "wat", "wie", "welke", "welk", "wanneer", "waarom", "hoe", "waar", "waarmee", "waarover", "waaraan", "hoeveel",
    "is", "zijn", "was", "waren", "wordt", "worden", "werd", "werden", "hebben", "heeft", "had", "hadden", "gaat",
    "gaan", "moet", "moeten", "kan", "kunnen", "zal", "zullen", "zou", "zouden", "doen", "gedaan", "staat", "staan",
    "liggen", "ligt", "kwamen", "kwam", "komt", "over", "bij", "voor", "na", "tijdens", "sinds", "tot", "we", "wij",
    "er", "nog", "al", "ook", "daarover", "hierover", "afgesproken", "afspraak", "afspraken", "besloten", "besluit",
    "besluiten", "beslist", "besproken", "bespreking", "vergadering", "vergaderingen", "overleg", "overleggen",
    "agenda", "agendapunt", "agendapunten", "punt", "punten", "onderwerp", "onderwerpen", "actie", "acties",
    "actiepunten", "taken", "taak", "openstaande", "openstaand", "gevraagd", "vraag", "vragen", "genoemd",
    "gezegd", "laatste", "keer", "opnieuw", "eerder", "notulen", "verslag", "aantekeningen", "uitkomst",
    "doorgeschoven", "uitgesteld", "volgende", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december", "januari", "februari", "mrt", "jan", "feb", "apr", "jun", "jul", "aug",
    "sep", "sept", "okt", "nov", "dec", "vorige", "week", "jaar", "maand", "dag", "vandaag", "gisteren", "morgen",
    "open", "lopende", "lopend", "status", "stand",
    # function words the Dutch stopword list lacks
    "volgens", "tussen", "zonder", "onder", "boven", "rond", "rondom", "via", "per", "tegen", "namens", "inzake",
    "betreffende", "omtrent", "aangaande", "qua", "m.b.t", "mbt", "i.r.t", "irt", "n.a.v", "nav", "daarbij",
    "daarvoor", "daarna", "welk", "iets", "precies", "eigenlijk", "nu", "dan", "toen", "gebeurd", "gebeurt",
}
_META_STEMS: set[str] | None = None

_DATE = re.compile(r"\b(\d{1,2})\s+(" + MONTH_PATTERN + r")\.?(?:\s+(\d{4}))?\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

# A person named in a task question: "wat moet Peter nog doen", "acties (liggen) bij/voor/van Peter".
_PERSON_PATTERNS = [
    re.compile(r"\bmoet(?:en)?\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+(?:nog\s+)?(?:doen|oppakken|regelen)"),
    re.compile(r"\b(?:bij|voor|van|door|aan)\s+([A-Z][\w'-]+(?:\s+(?:van\s+(?:de|der|den)\s+|de\s+)?[A-Z][\w'-]+)?)"),
    re.compile(r"\b(?:heeft|gaat|zou|pakt)\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\b"),
]
_NOT_NAMES = {"De", "Het", "Een", "Wat", "Wie", "Welke", "GMT", "MT", "P&O", "BI"}


@dataclass
class Intent:
    kind: IntentKind
    subject_stems: list[tuple[str, ...]] = field(default_factory=list)  # per subject word its stem variants
    person: str | None = None
    day: tuple[int | None, int, int] | None = None  # (year or None, month, day) mentioned in the question
    asks_when: bool = False  # "wanneer", "op welke datum", "per wanneer": the answer is a date
    asks_why: bool = False  # "waarom", "waardoor", "om welke reden": the answer is a reason
    asks_amount: bool = False  # "hoeveel", "wat kost", "welk bedrag": the answer is a number or an amount
    asks_who: bool = False  # "wie", "door wie", "aan wie": the answer names a person, role or body
    asks_often: bool = False  # "hoe vaak", "hoe vaak per jaar": the answer is a frequency
    asks_action: bool = False  # "wat wordt er gedaan aan", "hoe staat het met": the answer is a step or a state
    recurring: bool = False  # "welke onderwerpen kwamen opnieuw op de agenda": subjects across meetings
    words: list[str] = field(default_factory=list)  # the question's words, lower case, stopwords kept
    item_ref: str | None = None  # "punt 3", "agendapunt 6b": the item the question names
    days: list[tuple[int | None, int, int]] = field(default_factory=list)  # every date named in the question
    expanded: bool = False  # subject words widened to the stored compounds (SearchIndex.expand)
    subject_roots: list[tuple[str, ...]] | None = None  # the subject words as asked, before widening

    def asked_types(self) -> list[AnswerType]:
        """The kinds of fact the question asks for ("Wie zou ... regelen en wanneer?": who and when)."""
        flags: list[tuple[bool, AnswerType]] = [(self.asks_who, "who"), (self.asks_when, "when"),
                                                (self.asks_why, "why"), (self.asks_amount, "amount"),
                                                (self.asks_often, "frequency"), (self.asks_action, "action")]
        return [kind for on, kind in flags if on]


def meta_stems() -> set[str]:
    global _META_STEMS
    if _META_STEMS is None:
        _META_STEMS = set(stems(" ".join(META_WORDS), keep_stopwords=True))
    return _META_STEMS


def subject_stems(question: str) -> list[tuple[str, ...]]:
    """The content words of a question as stem variants: what it is about (deduplicated, in order)."""
    seen: list[tuple[str, ...]] = []
    for group in stem_groups(question):
        if group[0] not in meta_stems() and group not in seen:
            seen.append(group)
    return seen


def mentioned_day(question: str) -> tuple[int | None, int, int] | None:
    m = _ISO.search(question)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    m = _DATE.search(question)
    if m:
        return (int(m.group(3)) if m.group(3) else None), MONTHS[m.group(2).lower()], int(m.group(1))
    return None


def matches_day(day: tuple[int | None, int, int] | None, date: dt.date | None) -> bool:
    if day is None or date is None:
        return False
    year, month, d = day
    return date.month == month and date.day == d and (year is None or date.year == year)


def find_person(question: str) -> str | None:
    for pattern in _PERSON_PATTERNS:
        for m in pattern.finditer(question):
            name = m.group(1).strip()
            first = name.split()[0]
            if first in _NOT_NAMES or first.lower() in META_WORDS or first.isupper():
                continue
            # the first word of the question is capitalised anyway: only trust names after it
            if m.start(1) == 0:
                continue
            return name
    return None


def detect_intent(question: str) -> Intent:
    intent = _detect(question)
    intent.asks_when = bool(_WHEN.search(question))
    intent.recurring = bool(_RECURRING.search(question))
    intent.asks_amount = bool(_AMOUNT.search(question))
    intent.asks_why = bool(_WHY.search(question))
    intent.asks_who = bool(_WHO.search(question))
    intent.asks_often = bool(_OFTEN.search(question))
    intent.asks_action = bool(_ACTION.search(question))
    intent.days = mentioned_days(question)
    intent.words = words(question)
    m = _ITEM_REF.search(question)
    intent.item_ref = m.group(1).lower() if m else None
    return intent


_ITEM_REF = re.compile(r"\b(?:agenda)?punt\s+(\d+[a-z]?(?:\.\d+)?)\b", re.I)


_AMOUNT = re.compile(r"\b(hoeveel|hoe groot|hoe hoog|wat kost|wat kosten|welk bedrag|welke bedragen|kosten|budget|"
                     r"begroting|aantal)\b", re.I)
_RECURRING = re.compile(r"\b(opnieuw|weer|nogmaals|terug)\s+(op de agenda|aan bod|besproken|geagendeerd)|"
                        r"\b(kwamen|kwam|komen|komt)\b[^?]*\b(opnieuw|terug)\b|\bterugkerende?\b|"
                        r"\bin (beide|meerdere|meer) (vergaderingen|overleggen)\b", re.I)


def mentioned_days(question: str) -> list[tuple[int | None, int, int]]:
    out = [(int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in _ISO.finditer(question)]
    out += [((int(m.group(3)) if m.group(3) else None), MONTHS[m.group(2).lower()], int(m.group(1)))
            for m in _DATE.finditer(question)]
    return out


_WHY = re.compile(r"\b(waarom|waardoor|hoe komt het|om welke reden|wat is de reden|wat was de reden)\b", re.I)
_WHO = re.compile(r"\b(wie|wiens|welke personen|welke persoon)\b", re.I)
_OFTEN = re.compile(r"\b(hoe vaak|hoe dikwijls|hoe frequent|hoe regelmatig|met welke frequentie)\b", re.I)
_ACTION = re.compile(r"\b(wat wordt er (?:aan )?gedaan|wat gebeurt er|wat gaat \w+(?: \w+)? doen|wat gaan we doen|"
                     r"hoe staat het|hoe staat (?:\S+\s+){1,5}?ervoor|wat is de stand|welke stappen|hoe gaat het verder)\b", re.I)
_WHEN = re.compile(r"\b(wanneer|welke datum|per wanneer|hoe laat|welke dag|tot wanneer|vanaf wanneer)\b", re.I)


def _detect(question: str) -> Intent:
    subject = subject_stems(question)
    day = mentioned_day(question)
    person = find_person(question)
    if _TASKS.search(question) and person:
        return Intent("tasks", [g for g in subject if g[0] not in set(stems(person))], person, day)
    if _TASKS.search(question) and not subject and not _AGREEMENT.search(question):
        return Intent("tasks", [], None, day)  # "welke acties staan nog open?": every open action
    if cue("postponed_question").search(question):
        return Intent("postponed", subject, person, day)
    if _AGREEMENT.search(question):
        return Intent("agreement", subject, person, day)
    return Intent("general", subject, person, day)


def question_words(question: str) -> list[str]:
    return words(question)
