"""Item kinds from title words (hamerstuk, besluitvormend, ...), hint lines and attachment lines."""

from __future__ import annotations

import re

from ingest.parse.lines import Line, display, plain
from notulist.models import ItemKind, Source


# LOCAL Dutch words (not in notulist/nl yet; listed in the issue-12 INGEST report):
# item-kind words (ter besluitvorming, hamerstuk, ter kennisname, ...), hint lines
# and attachment labels
_KIND_WORDS: list[tuple[re.Pattern, ItemKind]] = [
    (re.compile(r"\bmededeling(?:en)?\b|\bactualiteit(?:en)?\b|\bter\s+informatie\b|\binformatief\b", re.I),
     "mededeling"),
    (re.compile(r"\bter\s+(?:\w+\s*/\s*)?bespreking\b|/\s*bespreking\b|\bbespreekpunt(?:en)?\b|"
                r"\bbespreekstuk(?:ken)?\b|\bter\s+discussie\b|\bter\s+advise?(?:ring|s)\b|\bter\s+consultatie\b", re.I),
     "ter bespreking"),
    (re.compile(r"\bter\s+(?:\w+\s*/\s*)?besluitvorming\b|/\s*besluitvorming\b|\bter\s+besluit\b|"
                r"\bbesluitvormend\b|\bter\s+vaststelling\b|\bter\s+goedkeuring\b|\bhamerstuk(?:ken)?\b|"
                r"\bter\s+instemming\b", re.I), "ter besluitvorming"),
    (re.compile(r"\bter\s+(?:\w+\s*/\s*)?kennisname\b|/\s*kennisname\b|\bter\s+informatie\b|\binformerend\b|"
                r"\bter\s+kennisneming\b", re.I), "ter kennisname"),
    (re.compile(r"\bactie(?:lijst|punten(?:lijst)?|s)\b|\bopenstaande\s+acties\b", re.I), "actielijst"),
]
_HINT_LINE = re.compile(r"^(?:(?:punten|stukken|onderwerpen|agendapunten)\s+)?(?:ter\s+[\w/ ]+|bespreekpunten|"
                        r"bespreekstukken|hamerstukken|besluitvormend|informerend|mededelingen|ter informatie)"
                        r"\s*:?$", re.I)
_ATTACHMENT = re.compile(r"^(?:bijlage[n]?|bijl\.|annex|bijgevoegd|stuk(?:ken)?)\b\s*(?:\d+[a-z]?)?\s*[:.\-–]?\s*\S",
                         re.I)


def kinds_in(text: str) -> list[ItemKind]:
    kinds: list[ItemKind] = []
    for rx, kind in _KIND_WORDS:
        if rx.search(text) and kind not in kinds:
            kinds.append(kind)
    return kinds


def is_hint_line(line: Line) -> bool:
    """A short line that only says what kind of item follows ('Ter bespreking', '*Ter bespreking:*')."""
    text = plain(line.content)
    return bool(text) and len(text.split()) <= 6 and bool(_HINT_LINE.match(text)) and bool(kinds_in(text))


def is_attachment_line(line: Line) -> bool:
    return bool(_ATTACHMENT.match(plain(line.content)))


def attachment_text(line: Line, source: Source) -> str:
    """'Bijlage 3: Beknopt handelingskader' as written (display form); a line that runs on into prose is
    cut at the first sentence end."""
    text = plain(display(source, line.content_start, line.end))
    m = re.search(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z])", text)
    if m and m.start() > 10:
        text = text[:m.start() + 1]
    if len(text) > 160:
        text = text[:160].rsplit(" ", 1)[0] + " ..."
    return text.rstrip(" *_")
