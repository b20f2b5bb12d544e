"""Quotable sentences and their neighbours: which sentence of the stored text a quote leans on or
announces, so that an answer quotes the sentence holding the fact and not only its context.

- a quote that refers back ("Zij volgt hiermee de heer ... op.") comes with the sentence before it;
- a context sentence comes with the next one when that refers back, holds the kind of fact the question
  asks for and the quote lacks (who, when, why, how many, how often), or states the outcome an outcome
  question asks for ("... wordt besproken." + "Besloten wordt ...");
- a sentence ending in a colon comes with the list it announces.
The cue words are data (notulist/nl/data/answer_types.toml, read through retrieval/cues.py).
"""

from __future__ import annotations

import re

from notulist.text import clause_spans
from retrieval.cues import answers_type, cue, refers_back
from retrieval.intent import Intent

Span = tuple[int, int]

_PARAGRAPH = re.compile(r"\n\s*\n")

MAX_LIST_SENTENCES = 4  # sentences quoted after a sentence that ends in a colon (the list it announces)

MAX_FOLLOW = 2  # sentences quoted after a quote because they continue it

MIN_TAIL = 4  # letters of a word that a compound of the question ends in ("team|borrel", "bestuurs|vergadering")


def sentence_spans(text: str, start: int, end: int) -> list[Span]:
    """Quotable sentences of text[start:end]: the shared clause spans of notulist.text (split at sentence
    ends, not after an abbreviation of the language data, a wrapped line glued on, markdown marks trimmed),
    each an exact span with at least a word in it."""
    return [(s, e) for s, e in clause_spans(text, start, end) if e - s >= 3 and re.search(r"\w", text[s:e])]


def covers_tail(group: tuple[str, ...], own: set[str]) -> bool:
    """A compound of the question whose last part the sentence names ("teamborrel" -> "de borrel")."""
    return any(len(q) > len(w) + 2 and q.endswith(w) for q in group for w in own if len(w) >= MIN_TAIL)


MAX_LABEL_WORDS = 2  # a line of this many words without a sentence end labels what follows ("Afwezig")


def announces(said: str) -> bool:
    """A quote that announces a list: it ends in a colon, or it is a bare label line ("Afwezig")."""
    tail = said.rstrip()
    return tail.endswith(":") or (len(re.findall(r"\w+", tail)) <= MAX_LABEL_WORDS and tail[-1:] not in ".!?")


def follows_up(said: str, after: str, intent: Intent, taken: str = "") -> bool:
    """The next sentence continues what was quoted: it refers back, holds an asked kind of fact the quote
    lacks, or (for an outcome question) states the outcome of what the quote introduced and nothing taken
    after it stated yet."""
    if refers_back(after):
        return True
    if any(answers_type(after, k) for k in intent.asked_types() if not answers_type(said, k)):
        return True
    outcome = cue("decision_or_agreement")
    return intent.kind == "agreement" and bool(outcome.search(after)) and not outcome.search(said + " " + taken)


def neighbour_spans(text: str, lo: int, hi: int, quote: Span, intent: Intent) -> list[Span]:
    """The sentences of text[lo:hi] that the quote text[quote] leans on or announces (see the module);
    never across a paragraph break, except for the list after a colon."""
    spans = sentence_spans(text, lo, hi)
    start, end = quote
    at = next((i for i, (s, e) in enumerate(spans) if s <= start < e), None)
    if at is None:
        return []
    last = next((i for i, (s, e) in enumerate(spans) if s < end <= e), at)

    def same_paragraph(a: Span, b: Span) -> bool:
        return a[1] > b[0] or not _PARAGRAPH.search(text, a[1], b[0])

    out: list[Span] = []
    if at > 0 and refers_back(text[spans[at][0]:spans[at][1]]) and same_paragraph(spans[at - 1], spans[at]):
        out.append(spans[at - 1])
    said = text[start:end]
    if announces(said):
        return out + spans[last + 1:last + 1 + MAX_LIST_SENTENCES]
    taken = ""
    for step in range(last + 1, min(last + 1 + MAX_FOLLOW, len(spans))):  # judged against the quote itself
        after = text[spans[step][0]:spans[step][1]]
        if not same_paragraph(spans[step - 1], spans[step]) or not follows_up(said, after, intent, taken):
            break
        out.append(spans[step])
        taken += " " + after
    return out
