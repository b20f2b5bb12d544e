"""How well one sentence answers a question: subject words (and their other forms), the question's own
phrase, the kind of fact asked, outcome and request cues, and a sentence that points back at its heading.
retrieval/quotes.py picks an answer's quotes with these scores."""

from __future__ import annotations

from rapidfuzz import fuzz

from notulist.models import AgendaItem
from retrieval.compounds import covers_word
from retrieval.cues import answers_type, cue, quote_cue
from retrieval.intent import Intent
from retrieval.keyword import stems, words
from retrieval.meeting_facts import states_fact
from retrieval.neighbours import covers_tail


def _longest_shared_run(a: list[str], b: list[str]) -> int:
    """Length of the longest run of words the question and the sentence share ("in te stemmen")."""
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, start=1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


MIN_VARIANT = 5  # letters of a stem whose spelling variant counts ("regel" / "regeel", "motie" / "moties")

VARIANT_RATIO = 88  # rapidfuzz ratio of two stems that are one word's forms


def covers_variant(group: tuple[str, ...], own: set[str]) -> bool:
    """Another form of a question word whose stem came out differently ("regelt" / "regelen"): the same
    first three letters and nearly the same letters."""
    return any(len(q) >= MIN_VARIANT and len(w) >= MIN_VARIANT and q[:3] == w[:3]
               and fuzz.ratio(q, w) >= VARIANT_RATIO for q in group for w in own)


TYPE_WEIGHT = 1.5  # a sentence holding the kind of fact the question asks for ("wanneer": a date)

TYPE_WEIGHT_OFF_SUBJECT = 0.75  # ... when it names none of the subject words

FACT_WEIGHT = 2.0  # a line that states the meeting fact asked (retrieval.meeting_facts)


def sentence_score(text: str, subject: list[tuple[str, ...]], *, is_note: bool, intent: Intent,
                   title_words: frozenset[str] = frozenset(), on_subject: bool = False) -> float:
    """`on_subject`: every sentence is about the subject (the item's title names all of it)."""
    own = set(stems(text))
    score = float(sum(1.0 if covers_word(g, own) else 0.75 if covers_variant(g, own) else
                      0.5 if covers_tail(g, own) else 0.0 for g in subject))
    run = _longest_shared_run([w if w not in title_words else "\x00" for w in intent.words], words(text))
    if run >= 2:
        score += 0.5 * (run - 1)  # the question's own phrase, not just its words
    # "wanneer" a date, "waarom" a reason, "hoeveel" a number, "wie" a name or role, "hoe vaak" a frequency
    # ... worth less in a sentence that names none of the subject: a date or a step about something else
    asked = frozenset(intent.words)
    fact = bool(intent.meeting_facts) and states_fact(text, intent.meeting_facts)  # about the meeting asked
    kind_weight = TYPE_WEIGHT if score > 0 or on_subject or not subject or fact else TYPE_WEIGHT_OFF_SUBJECT
    score += kind_weight * sum(1 for kind in intent.asked_types() if answers_type(text, kind, asked))
    if is_note:
        score += 0.5
    if cue("decision_or_agreement").search(text):  # an outcome answers an outcome question about its subject
        score += 1.0 if intent.kind == "agreement" and (score > 0 or not subject) else 0.3
    if intent.kind == "postponed" and cue("postponed").search(text):
        score += 2.0
    if intent.person and intent.person.casefold() in text.casefold():
        score += 2.0
    if fact:
        score += FACT_WEIGHT  # "Plaats: Hof van Breda" answers "waar vergadert ..."
    if not is_note and quote_cue("request").search(text):
        score += 0.5
    if quote_cue("attachment").match(text):
        score -= 2.0  # "Bijlage 3: ..." names a file, it does not answer
    return score


def points_back_at_heading(raw: str, start: int, item: AgendaItem | None, subject: list[tuple[str, ...]],
                           title_stems: set[str]) -> float:
    """The first sentence under an item's heading that opens with "Deze", "Dit", "Hierover" ... is about
    the heading: it counts the subject words the heading names."""
    if item is None or not subject or not 0 <= start - item.title_end <= 40:
        return 0.0
    if raw[item.title_end:start].strip(" \t\r\n*#:|-_"):
        return 0.0  # other text stands between the heading and this sentence
    if not quote_cue("anaphor_start").match(raw[start:start + 40]):
        return 0.0
    return float(sum(1 for g in subject if covers_word(g, title_stems)))


def usable(text: str, intent: Intent, item_title: str | None) -> bool:
    """A sentence worth quoting: not the heading again; for a person's tasks, one that names the person."""
    if item_title and " ".join(text.split()).strip(" *#.:").casefold() == item_title.strip(" *#.:").casefold():
        return False
    if quote_cue("label_only").match(text):
        return False  # "Ter bespreking:" labels the item, it says nothing
    if intent.kind == "tasks" and intent.person and intent.person.casefold() not in text.casefold():
        return False
    return True
