"""Retrieval chunks: per agenda item its prepared text and its notes as separate chunks, plus the header.

Every chunk is an exact span of its source (`text == source.raw_text[start:end]`), so a retrieved passage
is already a grounded quote. Chunks stay under the token budget (cl100k_base): a long passage is split
on sentence boundaries with a small overlap; only a single sentence longer than the budget is split on
words. An item's first chunk starts at its heading, so the title words are in the passage.
"""

from __future__ import annotations

import re

from ingest.notes.sentences import sentences
from ingest.parse.spans import own_ends, prepared_segments, trim_segment
from notulist.models import AgendaItem, Chunk, ChunkKind, Meeting, Note, Source, stable_id
from notulist.settings import count_tokens


def _spans_within_budget(text: str, start: int, end: int, max_tokens: int, overlap_tokens: int) -> list[tuple[int, int]]:
    """Split text[start:end] into spans of at most max_tokens, on sentence boundaries with overlap."""
    if count_tokens(text[start:end]) <= max_tokens:
        return [(start, end)]
    units: list[tuple[int, int]] = []
    for s in sentences(text, start, end):
        if count_tokens(text[s.start:s.end]) <= max_tokens:
            units.append((s.start, s.end))
        else:
            units += _split_words(text, s.start, s.end, max_tokens)
    spans = _pack(text, units, max_tokens, overlap_tokens, max_tokens)
    if len(spans) >= 2 and count_tokens(text[spans[-1][0]:spans[-1][1]]) < max_tokens // 4:
        # a stub at the end: pack again towards even sizes
        total = count_tokens(text[start:end])
        target = min(max_tokens, int(total / len(spans) * 1.15) + overlap_tokens)
        balanced = _pack(text, units, max_tokens, overlap_tokens, target)
        if len(balanced) <= len(spans):
            spans = balanced
    return spans


def _pack(text: str, units: list[tuple[int, int]], max_tokens: int, overlap_tokens: int,
          target: int) -> list[tuple[int, int]]:
    """Greedy packing of sentence units up to `target` tokens (never over max_tokens), with overlap."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        j = i
        while j + 1 < len(units) and count_tokens(text[units[i][0]:units[j + 1][1]]) <= min(target, max_tokens):
            j += 1
        spans.append((units[i][0], units[j][1]))
        if j + 1 >= len(units):
            break
        # overlap: restart at the last sentences of this span that fit in the overlap budget
        k = j + 1
        while k - 1 > i and count_tokens(text[units[k - 1][0]:units[j][1]]) <= overlap_tokens:
            k -= 1
        i = k
    return spans


def _split_words(text: str, start: int, end: int, max_tokens: int) -> list[tuple[int, int]]:
    """A sentence longer than the budget: consecutive word runs of at most max_tokens."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        j = i
        while j + 1 < len(words) and count_tokens(text[start + words[i][0]:start + words[j + 1][1]]) <= max_tokens:
            j += 1
        out.append((start + words[i][0], start + words[j][1]))
        i = j + 1
    return out


def _chunk(meeting: Meeting, source: Source, start: int, end: int, kind: ChunkKind, item: AgendaItem | None,
           note: Note | None = None) -> Chunk:
    return Chunk(id=stable_id(meeting.id, source.id, start, end, kind), meeting_id=meeting.id, series=meeting.series,
                 date=meeting.date, item=(note.item if note is not None else item.number if item else None),
                 item_title=item.title if item else None, kind=kind, text=source.raw_text[start:end],
                 source_id=source.id, start=start, end=end, note_method=note.method if note else None)


def chunk_meeting(meeting: Meeting, sources: dict[str, Source], *, max_tokens: int = 256,
                  overlap_tokens: int = 32) -> list[Chunk]:
    """Header chunk(s), then per item its prepared-text chunks and its note chunks, in document order."""
    if not meeting.source_ids or meeting.source_ids[0] not in sources:
        return []
    agenda = sources[meeting.source_ids[0]]
    text = agenda.raw_text
    chunks: list[Chunk] = []
    seen: set[str] = set()

    def emit(source: Source, start: int, end: int, kind: ChunkKind, item: AgendaItem | None,
             note: Note | None = None) -> None:
        for a, b in _spans_within_budget(source.raw_text, start, end, max_tokens, overlap_tokens):
            trimmed = trim_segment(source.raw_text, a, b)
            if trimmed is None:
                continue
            c = _chunk(meeting, source, trimmed[0], trimmed[1], kind, item, note)
            if c.id not in seen:
                seen.add(c.id)
                chunks.append(c)

    header = trim_segment(text, meeting.header_start, meeting.header_end) if meeting.header_end > meeting.header_start \
        else None
    if header is not None:
        # a meeting without items has no header apart from its text: the whole text is the header span,
        # and it is read as text (the header's lesser weight for subject questions is for a real header)
        emit(agenda, header[0], header[1], "header" if meeting.items else "agenda", None)

    ends = own_ends(meeting.items, text)
    all_notes = meeting.notes
    agenda_notes = [n for n in all_notes if n.source_id == agenda.id]
    by_number = {i.number: i for i in meeting.items}
    carry: int | None = None  # start of a parent's bare heading, to open its first sub-item's chunk
    for item in meeting.items:
        segments = prepared_segments(agenda, item, ends[item.number], agenda_notes)
        has_children = any(o.parent == item.number for o in meeting.items)
        if carry is not None and item.parent is not None and segments and segments[0][0] == item.start \
                and count_tokens(text[carry:segments[0][1]]) <= max_tokens:
            segments[0] = (carry, segments[0][1])
        carry = None
        if has_children and len(segments) == 1 and segments[0][0] == item.start and \
                count_tokens(text[segments[0][0]:segments[0][1]]) <= 40 and "\n" not in text[item.start:segments[0][1]].strip():
            carry = item.start  # "1. Mededelingen" alone: its words go with the first sub-item
            segments = []
        for a, b in segments:
            emit(agenda, a, b, "agenda", item)
        for note in item.notes:
            source = sources.get(note.source_id)
            if source is None:
                continue
            emit(source, note.start, note.end, "note", by_number.get(note.item or "", item), note)
    return chunks
