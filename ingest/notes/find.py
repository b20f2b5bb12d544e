"""Every note for a meeting, from every available route."""

from __future__ import annotations

import re

from ingest.notes.annotations import annotation_notes
from ingest.notes.brackets import bracketed_notes
from ingest.notes.clean_diff import clean_diff_notes
from ingest.notes.heuristic import heuristic_notes
from ingest.notes.notes_file import notes_file_notes
from ingest.parse.items import find_items
from notulist.models import AgendaItem, Note, Source


def find_notes(agenda: Source, items: list[AgendaItem], *, notes: Source | None = None,
               clean_agenda: Source | None = None, names: list[str] | tuple[str, ...] = (),
               heuristics: bool = True) -> list[Note]:
    """Every note for the meeting: clean-agenda diff for matched items, heuristics for the rest,
    comments/annotations, and the separate notes file."""
    name_tokens = {w for n in names for w in re.findall(r"[A-Z][\w'-]+", n)}
    found: list[Note] = []
    diffed: set[str] = set()
    if clean_agenda is not None:
        clean_items, _ = find_items(clean_agenda)
        diff_notes, diffed = clean_diff_notes(agenda, items, clean_agenda, clean_items)
        found += diff_notes
    if heuristics:
        bracketed = bracketed_notes(agenda, items)
        found += bracketed
        found += [n for n in heuristic_notes(agenda, items, names=name_tokens, skip=diffed)
                  if not any(b.start < n.end and n.start < b.end for b in bracketed)]
    found += annotation_notes(agenda, items)
    if notes is not None:
        found += notes_file_notes(notes, items)
    return found
