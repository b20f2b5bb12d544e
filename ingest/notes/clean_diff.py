"""Notes as the difference between the annotated agenda and the clean agenda (route `clean_diff`)."""

from __future__ import annotations

import difflib
import re

from ingest.notes.base import make_note, note_target
from ingest.notes.titles import match_items, title_similarity, title_tokens
from ingest.parse.spans import heading_line_start, own_ends
from notulist.models import AgendaItem, Note, Source


def clean_diff_notes(agenda: Source, items: list[AgendaItem], clean: Source,
                     clean_items: list[AgendaItem]) -> tuple[list[Note], set[str]]:
    """Notes as the text inserted into the annotated agenda, per item matched to the clean agenda.

    Word-level diff of the item bodies (headings excluded, markup ignored). An inserted run counts as a
    note when it adds at least two words or twelve characters; a replacement of about the same length
    is an editorial edit ('Midden Oosten' -> 'Midden-Oosten'), not a note. Runs separated by at most two
    unchanged words in the same paragraph are one note.
    """
    notes: list[Note] = []
    matched: set[str] = set()
    ends_a, ends_c = own_ends(items, agenda.raw_text), own_ends(clean_items, clean.raw_text)
    for i, j in match_items(items, clean_items):
        item, citem = items[i], clean_items[j]
        a_start = agenda.raw_text.find("\n", heading_line_start(item), ends_a[item.number])
        c_start = clean.raw_text.find("\n", heading_line_start(citem), ends_c[citem.number])
        a_start = ends_a[item.number] if a_start == -1 else a_start
        c_start = ends_c[citem.number] if c_start == -1 else c_start
        ta = title_tokens(agenda.raw_text, a_start, ends_a[item.number])
        tc = title_tokens(clean.raw_text, c_start, ends_c[citem.number])
        sm = difflib.SequenceMatcher(a=[t[0] for t in tc], b=[t[0] for t in ta], autojunk=False)
        kept = sum(block.size for block in sm.get_matching_blocks())
        if not tc and title_similarity(item.title, citem.title) < 90:
            continue
        if tc and kept < 0.6 * len(tc):
            continue  # same subject, but not the same prepared text: not a clean version of this item
        matched.add(item.number)
        runs: list[list[int]] = []  # [first token, last token] in ta
        for op, c1, c2, a1, a2 in sm.get_opcodes():
            if op not in ("insert", "replace") or a2 <= a1:
                continue
            inserted = " ".join(t[0] for t in ta[a1:a2])
            removed = " ".join(t[0] for t in tc[c1:c2])
            if op == "replace" and len(inserted) <= 1.6 * len(removed) + 6:
                continue  # editorial edit
            if op == "replace":  # keep the part beyond the replaced words
                a1 = a1 + (c2 - c1)
            if a2 - a1 < 2 and len(inserted) < 12:
                continue
            if runs and a1 - runs[-1][1] <= 3 and "\n\n" not in agenda.raw_text[ta[runs[-1][1] - 1][2]:ta[a1][1]]:
                runs[-1][1] = a2
            else:
                runs.append([a1, a2])
        target = note_target(items, i)
        for a1, a2 in runs:
            # one note per paragraph of the inserted text
            lo, hi = ta[a1][1], ta[a2 - 1][2]
            pos = lo
            for gap in list(re.finditer(r"\n[ \t]*\n\s*", agenda.raw_text[lo:hi])) + [None]:
                stop = hi if gap is None else lo + gap.start()
                note = make_note(agenda, pos, stop, target, "clean_diff", "diff")
                if note is not None:
                    notes.append(note)
                if gap is not None:
                    pos = lo + gap.end()
    return notes, matched
