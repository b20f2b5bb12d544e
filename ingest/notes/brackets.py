"""Notes typed into an agenda between square brackets (route `heuristic`, cue `bracket`).

Secretaries who annotate the prepared agenda often mark what was said and agreed as a bracketed paragraph
under the item: "[Verslag vastgesteld. Actielijst doorgelopen.]", "[Aangehouden: de kostenparagraaf
ontbreekt.]". When a document does this at least twice, every such paragraph is a note of its item. A
redaction mark ("[gelakt 5.1.2e]") and a Markdown link are not."""

from __future__ import annotations

import re

from ingest.notes.base import make_note, note_target
from ingest.notes.blocks import blocks
from ingest.parse.spans import heading_line_start, own_ends
from notulist.models import AgendaItem, Note, Source

_BRACKETED = re.compile(r"\[(?!\s*(?:gelakt|geanonimiseerd|weggelakt)\b)[^\[\]\n]*\w[^\[\]\n]*\]", re.I)
MIN_BRACKETED = 2  # one bracketed line is an aside; a habit of the document from two on


def bracketed_notes(source: Source, items: list[AgendaItem]) -> list[Note]:
    """The bracketed paragraphs under the items, as notes, when the document has at least two."""
    raw = source.raw_text
    ends = own_ends(items, raw)
    spans: list[tuple[int, int, str]] = []
    for idx, item in enumerate(items):
        nl = raw.find("\n", heading_line_start(item), ends[item.number])
        if nl == -1:
            continue
        for block in blocks(source, nl + 1, ends[item.number]):
            text = raw[block.start:block.end]
            m = _BRACKETED.fullmatch(text.strip())
            if m and not raw.startswith("(", block.end):
                lead = len(text) - len(text.lstrip())
                spans.append((block.start + lead + 1, block.start + lead + len(text.strip()) - 1,
                              note_target(items, idx)))
    if len(spans) < MIN_BRACKETED:
        return []
    notes = [make_note(source, a, b, target, "heuristic", "bracket") for a, b, target in spans]
    return [n for n in notes if n is not None]
