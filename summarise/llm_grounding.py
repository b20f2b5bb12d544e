"""Grounding an LLM's extraction in the stored text: where an item's text is, the exact span a quote is
found at, and the owner and due date the model names kept only where the source writes them (a redaction
mark is never an owner; a due date only as written). Used by summarise/llm_extract.py and llm_verslag.py."""

from __future__ import annotations

import datetime as dt
import re

from notulist.grounding import ground
from notulist.models import AgendaItem, Citation, Source
from summarise.dates import find_due

MAX_QUOTE_CHARS = 600  # a quote longer than this points at a whole passage, not at the decision


def item_spans(item: AgendaItem) -> list[tuple[str, tuple[int, int]]]:
    spans = [(item.source_id, (item.start, item.end))]
    spans += [(n.source_id, (n.start, n.end)) for n in item.notes if n.source_id != item.source_id]
    return spans


def locate(quote: str, item: AgendaItem, sources: dict[str, Source]) -> tuple[str, int, int] | None:
    if not quote or not quote.strip() or len(quote) > MAX_QUOTE_CHARS:
        return None
    for source_id, within in item_spans(item):
        source = sources.get(source_id)
        if source is None:
            continue
        found = ground(quote, source, near=within[0], within=within)
        if found is not None:
            return source_id, found[0], found[1]
    return None


def item_text(item: AgendaItem, sources: dict[str, Source]) -> str:
    return "\n".join(sources[sid].raw_text[lo:hi] for sid, (lo, hi) in item_spans(item) if sid in sources)


# --------------------------------------------------------------------------- owners and due dates

_REDACTION_WORDS = re.compile(r"gelakt|geanonimiseerd|weggelakt|redacted|\bxxx+\b|█", re.IGNORECASE)
_REDACTION_MARK = re.compile(r"\d+\s*[.,]\s*\d+\s*[.,]?\s*\d*\s*[.,]?\s*[a-z]?\b", re.IGNORECASE)


def is_redaction_mark(name: str, sources: dict[str, Source] | None = None) -> bool:
    """'5.1, 2, e', '[gelakt 5.1.2e]', '5.1.2.e', 'XXX': a mark, not a name."""
    if _REDACTION_WORDS.search(name):
        return True
    if sources and any(name.strip() in (r.original, r.token) for s in sources.values() for r in s.redactions):
        return True
    rest = _REDACTION_MARK.sub(" ", name)
    return not re.search(r"[^\W\d_]{2,}", rest)


def _has_redaction(cit: Citation, sources: dict[str, Source]) -> bool:
    source = sources.get(cit.source_id)
    if source and any(r.start < cit.end and r.end > cit.start for r in source.redactions):
        return True
    return bool(re.search(r"\b\d\.\d\s*,\s*\d\s*,\s*[a-z]\b", cit.quote))


def check_owner(owner: str | None, flagged_redacted: bool, cit: Citation, item_text: str,
                sources: dict[str, Source]) -> tuple[str | None, bool]:
    """(owner, owner_redacted): a redaction mark is never an owner; a name must be in the text."""
    if owner is not None and owner.strip():
        name = owner.strip()
        if is_redaction_mark(name, sources):
            return None, True
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        if pattern.search(cit.quote) or pattern.search(item_text):
            return name, False
        return None, flagged_redacted and _has_redaction(cit, sources)
    return None, flagged_redacted and _has_redaction(cit, sources)


def as_written(value: str | None, quote: str, item_text: str) -> str | None:
    """Keep a due date only as it is written in the source (never an invented one)."""
    if not value or not value.strip():
        return None
    value = value.strip()
    lowered = value.casefold()
    return value if lowered in quote.casefold() or lowered in item_text.casefold() else None


def resolve_due(due: str | None, meeting_date: dt.date | None) -> dt.date | None:
    """A due date as written resolved against the meeting date, where it determines one day.

    The rule engine's Dutch date resolver serves both paths (one rule for both).
    """
    if not due or meeting_date is None:
        return None
    iso = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})\s*", due)  # a model may answer in ISO form
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    found = find_due(due, meeting_date)
    return found.date if found is not None else None
