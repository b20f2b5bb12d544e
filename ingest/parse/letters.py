"""Agendas lettered A, B, C ... (council besluitenlijsten: Punt | Omschrijving | Besluit) whose table a
PDF's text gives column by column: a run of bare letters ("A", "B", ... "F"), then the titles in the same
order, the outcome column's values ("Conform", "Aangenomen") and motion rows in between; sub-points
written with their label ("F.1  Voorstel van het college ...").

Each new letter, in alphabetical order, waits for the next title line; a title repeated for the vote
("Geamendeerd voorstel van het college inzake ...") belongs to the item it repeats. A title that comes
before its letter is given to the next letter when the motions below it name that letter ("Amendement
O.A ..."). Outcome values, motion rows and document numbers are never titles.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from ingest.parse.kinds import kinds_in
from ingest.parse.lines import Line, body_limit, display, plain, rstrip_pos
from ingest.parse.words import structure_pattern
from notulist.models import AgendaItem, Source

_BARE = re.compile(r"[A-Z]{1,2}(?:\.\d{1,2})?")
_STATUS = re.compile(r"\s{2,}[A-Z][A-Z]+(?:\s+[A-Z]+)+\s*$")  # an outcome in capitals after the title
_VOTE_WORDS = re.compile(r"^(?:(?:gewijzigde?|geamendeerde?|en)\s+)+")
WRAP_WIDTH = 90  # a title line this long without an end ran into the page edge: the next line continues it
_SUB = re.compile(r"(?P<label>[A-Z]{1,2})\.(?P<n>\d{1,2})\s+(?=[A-Z\"'‘“(])")
MIN_LETTERS = 5  # a lettered agenda from A to at least E
REPEAT = 88  # token_set_ratio at which a title line repeats an earlier item's title (the vote on it)


def rank(label: str) -> int:
    """A=1 .. Z=26, AA=27, AB=28 ..."""
    value = 0
    for ch in label:
        value = value * 26 + (ord(ch) - 64)
    return value


def label_of(value: int) -> str:
    out = ""
    while value:
        value, rest = divmod(value - 1, 26)
        out = chr(65 + rest) + out
    return out


@dataclass
class _Entry:
    label: str
    parent: str | None
    line: Line  # the title's first line
    title_start: int
    title_end: int


class _Reader:
    def __init__(self, source: Source):
        self.source = source
        self.expected = 1
        self.subs: dict[str, int] = {}  # last sub-point number per letter
        self.seen: set[str] = set()
        self.pending: deque[tuple[str, str | None]] = deque()
        self.entries: list[_Entry] = []
        self.orphan: Line | None = None
        self.last: _Entry | None = None  # the title the next line may continue
        self.last_line: Line | None = None
        self.skipped: Line | None = None  # a line left out as a repeated title (its wrap goes with it)
        self.first_label: int | None = None

    def title_of(self, e: _Entry) -> str:
        return plain(display(self.source, e.title_start, e.title_end))

    def repeats(self, text: str) -> bool:
        """A title written again for the vote ('Geamendeerd voorstel van het college inzake X')."""
        new = _VOTE_WORDS.sub("", text.lower()).strip()
        return len(new) >= 15 and any(_VOTE_WORDS.sub("", self.title_of(e).lower()).startswith(new)
                                      for e in self.entries)

    def new_label(self, label: str, ln: Line) -> str | None:
        """'' for a new letter in order, its parent for a new sub-point in order, None otherwise."""
        if label in self.seen:
            return None
        parent, _, n = label.partition(".")
        if n:
            if parent not in self.seen or int(n) != self.subs.get(parent, 0) + 1:
                return None
            self.subs[parent] = int(n)
        elif rank(label) != self.expected:
            return None
        else:
            self.expected += 1
        self.seen.add(label)
        self.first_label = ln.start if self.first_label is None else self.first_label
        return parent if n else ""

    @staticmethod
    def wraps(above: Line | None, ln: Line, text: str) -> bool:
        """`ln` goes on with the line above: it starts in lower case, or it follows in the same text box (no
        blank line between) a line that reached the page edge without ending."""
        if above is None:
            return False
        raw = above.raw.strip()
        adjacent = ln.start == above.end + 1
        return text[:1].islower() or (adjacent and len(raw) >= WRAP_WIDTH and not re.search(r"[.)!?]$", raw))

    def continues(self, ln: Line, text: str) -> bool:
        return self.last is not None and self.wraps(self.last_line, ln, text)

    def line(self, ln: Line) -> None:
        text = plain(ln.content)
        raw = ln.content.strip()
        if _BARE.fullmatch(raw):
            parent = self.new_label(raw, ln)
            if parent is not None:
                self.pending.append((raw, parent or None))
            self.last = None
            return
        sub = _SUB.match(raw)
        if sub and self.new_label(f"{sub.group('label')}.{sub.group('n')}", ln) is not None:
            self.add(f"{sub.group('label')}.{sub.group('n')}", sub.group("label"), ln, ln.content_start + sub.end())
            return
        motion = structure_pattern("motion_line").match(text)
        if motion or structure_pattern("table_outcome").match(text):
            ref = motion.group("ref") if motion else None
            if ref and self.orphan is not None and not self.pending and self.new_label(ref.upper(), ln) == "":
                self.add(ref.upper(), None, self.orphan, self.orphan.content_start)
            self.orphan = None
            self.last = None
            return
        if self.continues(ln, text):
            self.last.title_end = rstrip_pos(self.source.raw_text, ln.content_start, ln.end)
            self.last_line = ln
            return
        self.last = None
        if self.wraps(self.skipped, ln, text):
            self.skipped = ln  # the rest of a repeated title
            return
        self.skipped = None
        if self.repeats(text):
            self.skipped = ln
            return
        if text[:1].islower() or (text.endswith(".") and len(text.split()) >= 5):
            return  # a continuation, a sentence of explanation
        if self.pending:
            label, parent = self.pending.popleft()
            self.add(label, parent, ln, ln.content_start)
        elif self.seen:
            self.orphan = ln

    def add(self, number: str, parent: str | None, ln: Line, start: int) -> None:
        end = rstrip_pos(self.source.raw_text, start, ln.end)
        status = _STATUS.search(self.source.raw_text, start, end)
        if status:  # "Werkagenda circulaire economie (RIS318676)  NIET BEHANDELD": the outcome is no title
            end = rstrip_pos(self.source.raw_text, start, status.start())
        entry = _Entry(number, parent, ln, start, end)
        self.entries.append(entry)
        self.last, self.last_line = entry, ln
        self.orphan = None


def letter_items(source: Source, lines: list[Line]) -> tuple[list[AgendaItem], int] | None:
    """The items of a lettered agenda (see module doc) and where its header ends, or None."""
    bare = [ln.content.strip() for ln in lines if re.fullmatch(r"[A-Z]{1,2}", ln.content.strip())]
    if "A" not in bare or not {label_of(k) for k in range(1, MIN_LETTERS + 1)} <= set(bare):
        return None
    reader = _Reader(source)
    for ln in lines:
        if not ln.blank:
            reader.line(ln)
    tops = [e for e in reader.entries if e.parent is None]
    if len(tops) < MIN_LETTERS:
        return None
    entries = sorted(reader.entries, key=lambda e: e.line.start)
    limit = body_limit(source)
    items = []
    text = source.raw_text
    for k, e in enumerate(entries):
        nxt_any = entries[k + 1].line.start if k + 1 < len(entries) else limit
        nxt_top = next((o.line.start for o in entries[k + 1:] if o.parent is None or e.parent is not None), limit)
        end = nxt_any if e.parent is not None else max(nxt_top, nxt_any)
        title = reader.title_of(e)
        items.append(AgendaItem(number=e.label, numbered=True, parent=e.parent, title=title, kinds=kinds_in(title),
                                source_id=source.id, start=e.line.start, end=rstrip_pos(text, e.line.start, end),
                                title_start=e.title_start, title_end=e.title_end))
    header_end = min(reader.first_label or limit, entries[0].line.start)
    return items, header_end
