"""Word comments and PDF annotations as notes on the item that holds their anchor."""

from __future__ import annotations

from ingest.notes.base import _item_at, _note, _target
from ingest.notes.notes_file import _best_item
from ingest.parse.spans import own_ends
from notulist.models import AgendaItem, Note, Source


def annotation_notes(source: Source, items: list[AgendaItem]) -> list[Note]:
    """Word comments and PDF annotations: a note on the item whose span holds the anchor."""
    ends = own_ends(items, source.raw_text)
    out: list[Note] = []
    for ann in source.annotations:
        idx = None
        if ann.anchor_start is not None:
            idx = _item_at(items, ends, ann.anchor_start)
        text = source.raw_text[ann.text_start:ann.text_end]
        if idx is None:
            target = _best_item(text, items) if ann.anchor_start is None else None
        else:
            target = _target(items, idx)
        cue = "comment" if ann.kind == "word_comment" else "annotation"
        note = _note(source, ann.text_start, ann.text_end, target, ann.kind, cue)
        if note is not None:
            out.append(note)
    return out
