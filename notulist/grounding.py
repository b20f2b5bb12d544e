"""The grounding check: every quote must be an exact span of a stored source.

Shared by the rule engine, the LLM path, answers and the verslag, so that one function decides
what counts as grounded.
"""

from __future__ import annotations

import re

from notulist.models import Citation, Source

_WS = re.compile(r"\s+")


def is_exact_span(citation: Citation, sources: dict[str, Source]) -> bool:
    """True when the citation's quote is exactly the text at its offsets in its source."""
    source = sources.get(citation.source_id)
    if source is None or not citation.quote.strip():
        return False
    return source.raw_text[citation.start:citation.end] == citation.quote


def locate_quote(quote: str, text: str, *, near: int = 0) -> tuple[int, int] | None:
    """Find `quote` in `text`: exactly first, then ignoring differences in whitespace only.

    Returns the span of the *source* text (so the stored quote is always `text[start:end]`), preferring
    the occurrence closest to `near`. Anything that differs in more than whitespace is not found.
    """
    quote = quote.strip()
    if not quote:
        return None
    hits = [m.start() for m in re.finditer(re.escape(quote), text)]
    if hits:
        start = min(hits, key=lambda h: abs(h - near))
        return start, start + len(quote)
    words = [re.escape(w) for w in _WS.split(quote) if w]
    if not words:
        return None
    pattern = re.compile(r"\s+".join(words))
    matches = list(pattern.finditer(text))
    if not matches:
        return None
    best = min(matches, key=lambda m: abs(m.start() - near))
    return best.start(), best.end()


def ground(quote: str, source: Source, *, near: int = 0, within: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Locate a quote in a source, optionally only inside the span `within` (e.g. one agenda item)."""
    if within is None:
        return locate_quote(quote, source.raw_text, near=near)
    lo, hi = within
    found = locate_quote(quote, source.raw_text[lo:hi], near=max(0, near - lo))
    return None if found is None else (found[0] + lo, found[1] + lo)
