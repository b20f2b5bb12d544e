"""An action table flattened to text: a header line "Actie Wie Wanneer" and under it one row a line, its cells
joined by single spaces ("Notulen op de website zetten Daphne", "Foto's aanleveren Marion, Suzan en Kees-Jaap
z.s.m", "Kirsty uitnodigen om ... toe te lichten Daphne 8 april 19:30 uur"). A row is an action: the task, then
who (the last run of capitalised names followed by nothing but a term), then when."""

from __future__ import annotations

import re

from notulist.models import AgendaItem, Source
from notulist.nl import lexicon
from summarise.dates import find_due
from summarise.extract import document as doc
from summarise.extract.document import Ctx
from summarise.extract.lists import _add_row_action

Span = tuple[int, int]

# the header: a task column, a who column and a when column ("Actie Wie Wanneer", "Actiepunt Door Datum")
_HEADER = re.compile(r"\s*(?:actie(?:punt)?(?:en|s)?|taak|taken|wat|omschrijving)\s+(?:wie|door|eigenaar|actiehouder)"
                     r"\s+(?:wanneer|datum|deadline|gereed|termijn|klaar)(?:\s+(?:status|opmerking(?:en)?))?\s*", re.I)
_END = re.compile(r"\s*(?:$|#|\d{1,2}[.)]\s|\*\*)")
_NAMES = re.compile(r"(?<!\S)(?-i:[A-ZÀ-Ý][\w'’-]+)(?:(?:\s*,\s*|\s+en\s+|\s*&\s*|\s*/\s*)(?-i:[A-ZÀ-Ý][\w'’-]+))*")
# a term without a day: "z.s.m", "dit schooljaar", "2x per jaar", "doorlopend", "volgende vergadering", "??"
_TERM = re.compile(r"(?:z\.?\s?s\.?\s?m\.?|asap|doorlopend|continu|(?:dit|volgend|komend)\s+(?:school)?jaar|\d+\s*x\s+per\s+\w+|"
                   r"(?:de\s+)?volgende\s+(?:vergadering|keer|mr|bijeenkomst)|\?+)\W*", re.I)
_NOT_NAMES = {"voor", "vóór", "om", "dit", "deze", "de", "het", "een", "eind", "begin", "medio", "uiterlijk", "per", "na",
              "in", "op", "week", "wk", "q1", "q2", "q3", "q4", "nvt", "n.v.t", "alle", "allen", "iedereen"}


def flat_table_rows(raw: str, lo: int, hi: int) -> list[Span]:
    """The row lines under each flattened header line of raw[lo:hi] (up to a blank line or a heading)."""
    rows: list[Span] = []
    in_table = False
    for m in re.finditer(r"[^\n]+|\n(?=\n)", raw[lo:hi]):
        line = m.group(0).strip("\n")
        if _HEADER.fullmatch(line):
            in_table = True
        elif in_table and (not line.strip() or _END.match(line)):
            in_table = False
        elif in_table:
            rows.append((lo + m.start(), lo + m.end()))
    return rows


def _is_term(text: str) -> bool:
    words = text.split()
    if not words:
        return True
    if len(words) > 5:
        return False
    found = find_due(text, None)
    return (found is not None and found.start <= 6) or bool(_TERM.fullmatch(text)) \
        or words[0].lower().strip(".,") in lexicon().months


def row_owner_and_term(row: str) -> tuple[str | None, str | None]:
    """Who (the last run of names followed only by a term) and the term as written, of one row."""
    months = lexicon().months
    for m in reversed(list(_NAMES.finditer(row))):
        first = m.group(0).split()[0].strip(",").lower()
        if first in _NOT_NAMES or first in months or m.start() == 0:
            continue
        rest = row[m.end():].strip()
        if _is_term(rest):
            return m.group(0), rest or None
    words = row.split()
    for k in range(min(5, len(words) - 1), 0, -1):  # a term that ends the row, the holder left blank
        if _is_term(" ".join(words[-k:])):
            return None, " ".join(words[-k:])
    found = find_due(row, None)
    return None, found.as_written if found else None


def process_flat_rows(ctx: Ctx, source: Source, rows: list[Span], item: AgendaItem | None, from_actielijst: bool) -> None:
    """Each row with a holder or a term is an action; a row with neither is a note in the table, no action."""
    raw = source.raw_text
    top = doc.top_item(ctx.meeting, item) if item else None
    for s, e in rows:
        b, end = s + len(raw[s:e]) - len(raw[s:e].lstrip()), s + len(raw[s:e].rstrip())
        if end - b < 8:
            continue
        owner, term = row_owner_and_term(raw[b:end])
        if owner is None and term is None:
            continue
        match = find_due(term, ctx.meeting.date) if term else None
        _add_row_action(ctx, source, (b, end), (b, end), top, owner=owner, owner_redacted=False, due=term,
                        due_date=match.date if match else None, from_actielijst=from_actielijst)
