"""Notes from a separate notes file, assigned to items by reference or best title match (route `notes_file`)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ingest.notes.base import _note
from ingest.notes.blocks import blocks
from ingest.notes.titles import _norm_title, title_similarity
from ingest.parse.lines import body_limit, plain
from notulist.models import AgendaItem, Note, Source


_ITEM_REF = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:[-*]\s+)?(?:\*\*|__)?\s*(?:(?:agenda)?punt|ad|agendapunt|item|nr\.?)?\s*"
    r"(?P<num>\d{1,2}(?:\.\d{1,2})?[a-z]?)\s*(?:[.):\-–]|\*\*|\s|$)\s*(?:\*\*|__)?\s*(?P<rest>.*)$", re.I)


def notes_file_notes(notes: Source, items: list[AgendaItem]) -> list[Note]:
    """Notes from a separate notes file: a line naming an item starts that item's notes; other text
    goes to the best-matching item (rapidfuzz on title and body)."""
    raw = notes.raw_text
    limit = body_limit(notes)
    numbers = {i.number: i for i in items}
    out: list[Note] = []
    current: str | None = None
    first_content = True
    for block in blocks(notes, 0, limit):
        for ln in block.lines:
            text = plain(ln.content)
            if not text:
                continue
            ref = _ITEM_REF.match(ln.raw)
            rest_start = None
            named = None
            if ref and ref.group("num").lower() in numbers and (
                    ln.md_level or re.match(r"(?i)\s*(?:#|[-*]\s+)?\s*(?:\*\*)?\s*(?:agenda)?punt|\s*ad\b|\s*agendapunt",
                                            ln.raw) or re.match(r"\s*(?:[-*]\s+)?(?:\*\*)?\s*\d{1,2}(?:\.\d{1,2})?[a-z]?"
                                                                r"\s*(?:[.):\-–]|\*\*|$)", ln.raw)):
                named = ref.group("num").lower()
                rest_start = ln.start + ref.start("rest")
                rest = ref.group("rest")
                # "2. Safe space gesprekken" repeats the title: the rest is the heading, not a note
                title = numbers[named].title
                if rest and (title_similarity(rest, title) >= 85 or (
                        len(plain(rest).split()) <= 4
                        and fuzz.partial_ratio(_norm_title(rest), _norm_title(title)) >= 90)):
                    rest_start = None  # "Agendapunt 4 - catering": a short label, not a note
            else:
                best = max(items, key=lambda i: title_similarity(text, i.title), default=None)
                if best is not None and (ln.md_level or ln.bold or len(text.split()) <= 8) and \
                        title_similarity(text, best.title) >= 88:
                    named, rest_start = best.number, None
            if named is not None:
                current = named
                first_content = False
                if rest_start is not None and raw[rest_start:ln.end].strip(" *_:-"):
                    n = _note(notes, rest_start, ln.end, current, "notes_file", "item named")
                    if n:
                        out.append(n)
                continue
            if first_content and (ln.md_level or re.search(r"(?i)aantekening|notitie|notulen|verslag|overleg|"
                                                           r"vergadering", text)) and current is None:
                first_content = False
                continue  # the notes file's own title
            first_content = False
            if current is not None and ln is block.lines[0]:
                # a new paragraph about another item's subject (and not this one's) moves on to that item
                words = set(_norm_title(text).split())
                here = _title_words(numbers[current]) & words
                other = [i for i in items if i.number != current and _title_words(i) & words]
                if not here and len(other) == 1:
                    n = _note(notes, ln.start, ln.end, other[0].number, "notes_file", "best match")
                    if n:
                        out.append(n)
                    current = other[0].number
                    continue
            if current is not None:
                n = _note(notes, ln.start, ln.end, current, "notes_file", "under item")
            else:
                n = _note(notes, ln.start, ln.end, _best_item(text, items), "notes_file", "best match")
            if n:
                out.append(n)
    return out


_STOP = {"en", "van", "de", "het", "een", "over", "voor", "met", "rond", "naar", "stand", "zaken", "vergadering",
         "overleg", "concept", "update", "vorige", "nieuwe"}


def _title_words(item: AgendaItem) -> set[str]:
    return {w for w in _norm_title(item.title).split() if len(w) >= 5 and w not in _STOP and not w.isdigit()}


def _best_item(text: str, items: list[AgendaItem]) -> str | None:
    if not items:
        return None
    scored = [(max(fuzz.token_set_ratio(text.lower(), i.title.lower()) * 1.0,
                   0.9 * fuzz.partial_token_set_ratio(text.lower(), (i.title + " " + i.body).lower())
                   if i.body else 0.0), -k, i) for k, i in enumerate(items)]
    return max(scored, key=lambda s: (s[0], s[1]))[2].number if scored else None
