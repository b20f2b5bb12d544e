"""An item's own text: where it ends, its prepared segments (minus notes), its body."""

from __future__ import annotations

import re

from ingest.parse.lines import display, rstrip_pos
from notulist.models import AgendaItem, Source


def heading_line_start(item: AgendaItem) -> int:
    """Start of the line holding the item's title (the title may sit on the line after 'Agendapunt 3')."""
    return max(item.start, min(item.title_start, item.end))


def own_ends(items: list[AgendaItem], text: str) -> dict[str, int]:
    """Per item number, where the item's own text ends: before its first sub-item (items are in
    document order, so that is the next item's start when it falls inside this item)."""
    ends: dict[str, int] = {}
    for i, item in enumerate(items):
        stop = item.end
        if i + 1 < len(items) and item.start < items[i + 1].start < stop:
            stop = items[i + 1].start
        ends[item.number] = rstrip_pos(text, item.start, stop)
    return ends


def prepared_segments(source: Source, item: AgendaItem, stop: int, notes: list | None = None, *,
                      include_heading: bool = True) -> list[tuple[int, int]]:
    """The item's own prepared text (up to `stop`, its own end) as raw spans, minus the notes in it."""
    start = item.start
    if not include_heading:
        nl = source.raw_text.find("\n", heading_line_start(item), stop)
        start = stop if nl == -1 else nl + 1
    notes = item.notes if notes is None else notes
    cuts = sorted((n.start, n.end) for n in notes if n.source_id == source.id and n.start < stop and n.end > start)
    segments: list[tuple[int, int]] = []
    pos = start
    for a, b in cuts:
        if a > pos:
            segments.append((pos, a))
        pos = max(pos, b)
    if pos < stop:
        segments.append((pos, stop))
    return [s for s in (trim_segment(source.raw_text, a, b) for a, b in segments) if s is not None]


_EDGE_JUNK = " \t\r\n*_[]"


def trim_segment(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Trim whitespace and markup left over where a note was cut out ('[', '](#)', '*')."""
    while True:
        old = (a, b)
        while a < b and text[a] in _EDGE_JUNK:
            a += 1
        if text.startswith("(#)", a) or text.startswith("()", a):
            a += 3 if text.startswith("(#)", a) else 2
        while b > a and text[b - 1] in _EDGE_JUNK:
            b -= 1
        if text[a:b].endswith(("-", "➤")) and len(text[a:b].strip()) <= 1:
            return None
        if (a, b) == old:
            break
    if not re.search(r"\w", text[a:b]):
        return None
    return a, b


def item_body(source: Source, item: AgendaItem, stop: int, notes: list) -> str:
    """The prepared text of an item (without its heading, its sub-items and its notes), display form."""
    if source.raw_text.find("\n", item.start, stop) == -1 and item.title_end < stop:
        # a one-line item (a table row): its body is the rest of the line
        rest = display(source, item.title_end, stop)
        return re.sub(r"\s*\|\s*", " ", rest).strip(" |*_")
    parts = [display(source, a, b) for a, b in prepared_segments(source, item, stop, notes, include_heading=False)]
    body = "\n".join(parts)
    body = re.sub(r"\[\s*\]\(#?\)", "", body)
    return re.sub(r"\n{3,}", "\n\n", body).strip()
