"""Word comments and PDF annotations as notes on the item that holds their anchor."""

from __future__ import annotations

from ingest.notes.base import item_at, make_note, note_target
from ingest.notes.notes_file import best_item_for
from ingest.parse.spans import own_ends
from notulist.models import AgendaItem, Note, Source


def annotation_notes(source: Source, items: list[AgendaItem]) -> list[Note]:
    """Word comments and PDF annotations: a note on the item whose span holds the anchor."""
    ends = own_ends(items, source.raw_text)
    out: list[Note] = []
    for ann in source.annotations:
        idx = None
        if ann.anchor_start is not None:
            idx = item_at(items, ends, ann.anchor_start)
        text = source.raw_text[ann.text_start:ann.text_end]
        if idx is None:
            target = best_item_for(text, items) if ann.anchor_start is None else None
        else:
            target = note_target(items, idx)
        cue = "comment" if ann.kind == "word_comment" else "annotation"
        note = make_note(source, ann.text_start, ann.text_end, target, ann.kind, cue)
        if note is not None:
            out.append(note)
    return out
