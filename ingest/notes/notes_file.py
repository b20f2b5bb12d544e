"""Notes from a separate notes file, assigned to items by reference or best title match (route `notes_file`)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ingest.notes.base import make_note
from ingest.notes.blocks import blocks
from ingest.notes.titles import norm_title, title_similarity
from ingest.parse.lines import Line, body_limit, plain
from notulist.models import AgendaItem, Note, Source


_ITEM_REF = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:[-*]\s+)?(?:\*\*|__)?\s*(?:(?:agenda)?punt|ad|agendapunt|item|nr\.?)?\s*"
    r"(?P<num>\d{1,2}(?:\.\d{1,2})?[a-z]?)\s*(?:[.):\-–]|\*\*|\s|$)\s*(?:\*\*|__)?\s*(?P<rest>.*)$", re.I)


# LOCAL Dutch words (not in notulist/nl yet; listed in the issue-12 INGEST report):
# how a notes file names an item ('punt 3', 'ad 3') and titles itself
_REF_LINE = re.compile(r"(?i)\s*(?:#|[-*]\s+)?\s*(?:\*\*)?\s*(?:agenda)?punt|\s*ad\b|\s*agendapunt")
_NUMBER_LINE = re.compile(r"\s*(?:[-*]\s+)?(?:\*\*)?\s*\d{1,2}(?:\.\d{1,2})?[a-z]?\s*(?:[.):\-–]|\*\*|$)")
_FILE_TITLE = re.compile(r"(?i)aantekening|notitie|notulen|verslag|overleg|vergadering")


def notes_file_notes(notes: Source, items: list[AgendaItem]) -> list[Note]:
    """Notes from a separate notes file: a line naming an item starts that item's notes; other text
    goes to the best-matching item (rapidfuzz on title and body)."""
    reader = _NotesFile(notes, items)
    for block in blocks(notes, 0, body_limit(notes)):
        for ln in block.lines:
            text = plain(ln.content)
            if text:
                reader.line(ln, text, first_of_block=ln is block.lines[0])
    return reader.out


def _named_item(ln: Line, text: str, items: list[AgendaItem],
                numbers: dict[str, AgendaItem]) -> tuple[str | None, int | None]:
    """(the item a line names, where the note text after the reference starts), or (None, None)."""
    ref = _ITEM_REF.match(ln.raw)
    if ref and ref.group("num").lower() in numbers and (
            ln.md_level or _REF_LINE.match(ln.raw) or _NUMBER_LINE.match(ln.raw)):
        named = ref.group("num").lower()
        rest = ref.group("rest")
        # "2. Safe space gesprekken" repeats the title: the rest is the heading, not a note
        title = numbers[named].title
        if rest and (title_similarity(rest, title) >= 85 or (
                len(plain(rest).split()) <= 4 and fuzz.partial_ratio(norm_title(rest), norm_title(title)) >= 90)):
            return named, None  # "Agendapunt 4 - catering": a short label, not a note
        return named, ln.start + ref.start("rest")
    best = max(items, key=lambda i: title_similarity(text, i.title), default=None)
    if best is not None and (ln.md_level or ln.bold or len(text.split()) <= 8) and \
            title_similarity(text, best.title) >= 88:
        return best.number, None
    return None, None


class _NotesFile:
    """Reads a notes file line by line; `current` is the item whose notes are being written."""

    def __init__(self, notes: Source, items: list[AgendaItem]):
        self.notes, self.items = notes, items
        self.numbers = {i.number: i for i in items}
        self.out: list[Note] = []
        self.current: str | None = None
        self.first_content = True

    def add(self, start: int, end: int, item: str | None, cue: str) -> None:
        n = make_note(self.notes, start, end, item, "notes_file", cue)
        if n:
            self.out.append(n)

    def line(self, ln: Line, text: str, *, first_of_block: bool) -> None:
        named, rest_start = _named_item(ln, text, self.items, self.numbers)
        if named is not None:
            self.current = named
            self.first_content = False
            if rest_start is not None and self.notes.raw_text[rest_start:ln.end].strip(" *_:-"):
                self.add(rest_start, ln.end, named, "item named")
            return
        if self.first_content and (ln.md_level or _FILE_TITLE.search(text)) and self.current is None:
            self.first_content = False
            return  # the notes file's own title
        self.first_content = False
        if self.current is not None and first_of_block and self.moved_on(ln, text):
            return
        if self.current is not None:
            self.add(ln.start, ln.end, self.current, "under item")
        else:
            self.add(ln.start, ln.end, best_item_for(text, self.items), "best match")

    def moved_on(self, ln: Line, text: str) -> bool:
        """A new paragraph about another item's subject (and not this one's) moves on to that item."""
        words = set(norm_title(text).split())
        here = _title_words(self.numbers[self.current]) & words
        other = [i for i in self.items if i.number != self.current and _title_words(i) & words]
        if here or len(other) != 1:
            return False
        self.add(ln.start, ln.end, other[0].number, "best match")
        self.current = other[0].number
        return True


_STOP = {"en", "van", "de", "het", "een", "over", "voor", "met", "rond", "naar", "stand", "zaken", "vergadering",
         "overleg", "concept", "update", "vorige", "nieuwe"}


def _title_words(item: AgendaItem) -> set[str]:
    return {w for w in norm_title(item.title).split() if len(w) >= 5 and w not in _STOP and not w.isdigit()}


def best_item_for(text: str, items: list[AgendaItem]) -> str | None:
    if not items:
        return None
    scored = [(max(fuzz.token_set_ratio(text.lower(), i.title.lower()) * 1.0,
                   0.9 * fuzz.partial_token_set_ratio(text.lower(), (i.title + " " + i.body).lower())
                   if i.body else 0.0), -k, i) for k, i in enumerate(items)]
    return max(scored, key=lambda s: (s[0], s[1]))[2].number if scored else None
