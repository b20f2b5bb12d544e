"""Building a `Note`: trimmed exact span, target item, the item that holds an offset."""

from __future__ import annotations

import re

from notulist.models import AgendaItem, Note, NoteMethod, Source, stable_id


def make_note(source: Source, start: int, end: int, item: str | None, method: NoteMethod, cue: str | None) -> Note | None:
    text = source.raw_text
    while True:
        old = (start, end)
        while start < end and text[start] in " \t\r\n*_":
            start += 1
        while end > start and text[end - 1] in " \t\r\n*_":
            end -= 1
        lead = re.match(r"(?:[-•→➤>]+|=>|->)\s+|\[(?=[^\]]*\]\(#?[^)\s]*\)\s*$)", text[start:end])
        if lead:
            start += lead.end()
        if text[start:start + 1] == "(" and text[end - 1:end] == ")" and "(" not in text[start + 1:end - 1] \
                and ")" not in text[start + 1:end - 1]:
            start, end = start + 1, end - 1  # "(akkoord, volgende keer)": the aside itself
        tail = re.search(r"\]\(#?[^)\s]*\)$", text[start:end])
        if tail and "[" not in text[start:start + tail.start()]:
            end = start + tail.start()
        if (start, end) == old:
            break
    if not re.search(r"\w", text[start:end]):
        return None
    return Note(id=stable_id(source.id, start, end, method), item=item, text=text[start:end], source_id=source.id,
                start=start, end=end, method=method, cue=cue)


def note_target(items: list[AgendaItem], idx: int) -> str:
    """Notes in an unnumbered sub-item (a bold bullet under Mededelingen) belong to its parent item."""
    item = items[idx]
    by_number = {i.number: i for i in items}
    while not item.numbered and item.parent and item.parent in by_number:
        item = by_number[item.parent]
    return item.number


def item_at(items: list[AgendaItem], ends: dict[str, int], pos: int) -> int | None:
    """Index of the most specific item whose own region holds `pos`."""
    best = None
    for i, item in enumerate(items):
        if item.start <= pos < max(item.end, ends[item.number]) or (item.start <= pos <= item.end):
            if best is None or item.start >= items[best].start:
                best = i
    return best
