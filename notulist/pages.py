"""Page numbers of cited text: a PDF source records where each page starts in its raw text
(`Source.pages`, page start offsets); a citation's page is the page its quote starts on."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping

from notulist.models import Citation, Source


def page_at(source: Source | None, offset: int) -> int | None:
    """The 1-based page on which `offset` of the source's raw text lies; for a PDF comment appended after
    the body, the page the comment is on; None for a source without pages (anything but a PDF)."""
    if source is None or not source.pages:
        return None
    if source.body_end is not None and offset >= source.body_end:
        return next((a.page for a in source.annotations if a.text_start <= offset < max(a.text_end, a.text_start + 1)),
                    None)
    return max(1, bisect_right(source.pages, offset))


def add_pages(citations: Iterable[Citation | None], sources: Mapping[str, Source]) -> None:
    """Set `page` on every citation whose source has pages (in place; other citations stay as they are)."""
    for citation in citations:
        if citation is not None and citation.source_id in sources:
            page = page_at(sources[citation.source_id], citation.start)
            if page is not None:
                citation.page = page
