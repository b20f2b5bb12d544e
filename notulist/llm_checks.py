"""Output checks shared by the LLM paths (extraction, verslag, answers).

A quote that is an exact span is necessary but not enough: the statement must share a subject with
its quote, and nothing quoted from a paragraph that addresses the model counts as evidence.
"""

from __future__ import annotations

import re

_STOPWORDS = frozenset(
    "aan al als ben bij dat de deze die dit door een en er had heb heeft het hier hij hoe ik in is je kan "
    "maar met na naar niet nog nu of om omdat ook op over te tot u uit van voor was wat we wel wie wij wil "
    "worden wordt zal ze zich zij zijn zo zou dan dus hun haar hem men mijn ons onze ter the and".split()
)
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def content_stems(text: str) -> set[str]:
    """Crude Dutch content-word stems (first 5 letters), enough to see whether two texts share a subject."""
    return {w[:5] for w in (m.group(0).casefold() for m in _WORD.finditer(text)) if w not in _STOPWORDS}


def supported_by(statement: str, quote: str) -> bool:
    """A statement is backed by its quote only if they share at least one content word.

    Catches the weak-model failure where a real span is copied next to an unrelated (or invented)
    sentence: the quote passes the exact-span check but does not say what the sentence says.
    """
    stems = content_stems(statement)
    return not stems or bool(stems & content_stems(quote))


_INJECTION = re.compile(
    r"\b(negeer|vergeet|ignore|disregard|forget)\b[^.\n]{0,40}\b(instructies|instructie|opdrachten|regels|"
    r"instructions|prompt)\b|\bsysteem ?prompt\b|\bsystem ?prompt\b|\bje bent nu (een|de)\b|\byou are now\b|"
    r"\bantwoord (alleen|uitsluitend|enkel) met\b|</?\s*(document|system|instructions?)\s*>",
    re.IGNORECASE,
)


def injection_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs of a document that address the model ("negeer alle vorige instructies ...").

    They stay in the prompt as data, but nothing quoted from them is accepted as a decision, action or
    answer: a document that talks to the model is not evidence of what the meeting decided.
    """
    spans: list[tuple[int, int]] = []
    for match in _INJECTION.finditer(text):
        start = text.rfind("\n\n", 0, match.start())
        end = text.find("\n\n", match.end())
        span = (0 if start == -1 else start + 2, len(text) if end == -1 else end)
        if not spans or span != spans[-1]:
            spans.append(span)
    return spans


def overlaps_injection(start: int, end: int, text: str, offset: int = 0) -> bool:
    """True when [start, end) (offsets into the source; `text` starts at `offset`) touches such a paragraph."""
    return any(lo + offset < end and hi + offset > start for lo, hi in injection_spans(text))
