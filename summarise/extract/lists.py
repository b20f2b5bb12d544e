"""Lists: a closing list of actions written as lines with columns ("- Offertes opvragen - Ruud - 1 april",
"Secretaris-directeur: communicatieplan ..."), and status lines of earlier actions ("- Offertes (Bas): pas
één offerte binnen.")."""

from __future__ import annotations

import re

from notulist.models import Action, AgendaItem, Source, stable_id
from summarise import rules
from summarise.dates import find_due
from summarise.extract import document as doc
from summarise.extract.document import Ctx

Span = tuple[int, int]

# a closing list of actions or commitments written as lines with columns ("- Offertes opvragen - Ruud - 1 april",
# "T25-01  Overzicht zienswijzen   heemraad Scheper   12-02-2025"): the same as an action table without header
def list_heading(line: str) -> bool:
    """A heading over a closing list of actions ("Actiepunten", "Overzicht van de toezeggingen")."""
    return bool(rules.cue("list_heading").match(line))


_COL_SEP = re.compile(r"\s+[-–—]\s+|\s*\t\s*|\s{2,}")
_COLON_ROW = re.compile(r"^\s*(?:\*\*)?(?P<who>[^:\n]{2,40}?)(?:\*\*)?\s*:\s+(?P<task>\S.*)$")
_ROW_CODE = re.compile(r"^[A-Z]{0,4}[-.]?\d[\w./-]*$")


_BULLET = re.compile(r"^\s*[-*•▪]\s+\S")


def under_todo_intro(raw: str, pos: int) -> bool:
    """The bullet lines at `pos` stand under a lead-in that calls them what is still to be done (cue family
    todo_intro): the first prose line above, past blank lines, headings and other bullets of the list."""
    lines = raw[:pos].split("\n")[-40:]
    for line in reversed(lines):
        if not line.strip() or line.lstrip().startswith("#") or _BULLET.match(line):
            continue
        return bool(rules.cue("todo_intro").search(line))
    return False


def list_table_rows(raw: str, lo: int, hi: int, in_list: bool) -> list[tuple[int, int]]:
    rows: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", raw[lo:hi]):
        line = m.group(0)
        if list_heading(line.strip().strip("*#_ ")):
            in_list = True
            continue
        if not in_list and not (_BULLET.match(line) and under_todo_intro(raw, lo + m.start())):
            continue
        body = re.sub(r"^\s*(?:[-*•▪]\s+|\d{1,2}[.)]\s+)", "", line)
        if len(_COL_SEP.findall(body.strip())) >= 2 or _COLON_ROW.match(body) or (
                _BULLET.match(line) and under_todo_intro(raw, lo + m.start())):
            rows.append((lo + m.start(), lo + m.end()))
        elif re.search(r"\w", line) and not re.match(r"\s*[-*•▪]\s", line):
            in_list = False  # prose after the list; a bullet in another shape stays inside it
    return rows


def _row_cells(raw: str, b: int, e: int) -> list[Span]:
    cells, pos = [], b
    for sep in _COL_SEP.finditer(raw[b:e].rstrip()):
        cells.append((pos, b + sep.start()))
        pos = b + sep.end()
    cells.append((pos, b + len(raw[b:e].rstrip())))
    return cells


def _add_row_action(ctx: Ctx, source: Source, span: Span, text_span: Span, top: AgendaItem | None, **fields) -> None:
    ctx.table_actions.add(stable_id(ctx.meeting.id, "action", *span))
    ctx.actions.append(Action(
        id=stable_id(ctx.meeting.id, "action", *span), meeting_id=ctx.meeting.id,
        item=top.number if top else None, text=doc.display(ctx, source, *text_span),
        citation=doc.citation(ctx, source, *span, top), **fields))


def _colon_row(ctx: Ctx, source: Source, s0: int, b: int, e: int, colon: re.Match, top: AgendaItem | None,
               from_actielijst: bool) -> None:
    """"Secretaris-directeur: communicatieplan voor omwonenden (week 4).": who, then the task."""
    raw = source.raw_text
    who_text = re.sub(r"(?i)^(?:actie(?:punt)?|to\s?-?do)\s+", "", doc.norm(ctx, source, b + colon.start("who"),
                                                                       b + colon.end("who")))
    who = rules.classify_np(who_text)  # "Actie TW: ...": TW, not "Actie TW"
    if who.kind not in ("name", "redacted"):
        return
    task = (b + colon.start("task"), b + len(raw[b:e].rstrip()))
    match = find_due(raw[task[0]:task[1]], ctx.meeting.date)
    _add_row_action(ctx, source, (s0, task[1]), task, top, owner=doc.owner_string(ctx, who, None)[0],
                    owner_redacted=who.kind == "redacted", due=match.as_written if match else None,
                    due_date=match.date if match else None, from_actielijst=from_actielijst)


def _todo_row(ctx: Ctx, source: Source, s0: int, b: int, e: int, top: AgendaItem | None, from_actielijst: bool) -> None:
    """A bullet of a to-do list ("- De piecetable moet naar de client gestuurd worden."): an action nobody is
    named for, unless the line names who does it ("- Jan: ..." / a person as its subject)."""
    raw = source.raw_text
    end = b + len(raw[b:e].rstrip())
    if end - b < 8 or doc.is_checked_box(raw[s0:e]):
        return
    norm = doc.norm(ctx, source, b, end)
    found = [h for h in rules.analyse(norm, "record") if h.kind == "action"]
    owner, redacted = doc.owner_string(ctx, found[0].owner, None) if found else (None, False)
    match = find_due(norm, ctx.meeting.date)
    _add_row_action(ctx, source, (s0, end), (b, end), top, owner=owner, owner_redacted=redacted,
                    due=match.as_written if match else None, due_date=match.date if match else None,
                    from_actielijst=from_actielijst)


def _column_owner(ctx: Ctx, source: Source, cells: list[Span]):
    """(owner, redacted, due, due_date) from the columns after the task: the first date-like column is the
    term, the first that names somebody the owner."""
    raw = source.raw_text
    owner, redacted, due, due_date = None, False, None, None
    for a, z in cells[1:]:
        text = raw[a:z].strip()
        match = find_due(text, ctx.meeting.date)
        if due is None and (match is not None or re.search(r"(?i)\b(?:volgende|z\.?s\.?m|week|doorlopend)\b", text)):
            due, due_date = text, (match.date if match else None)
            continue
        if owner is None and not redacted:
            inner = re.search(r"\(([^)]{2,40})\)", text)
            who = doc.norm(ctx, source, a, z)
            parsed = rules.classify_np(inner.group(1)) if inner else rules.Owner("none")
            if parsed.kind != "name":
                parsed = rules.classify_np(who)
            if parsed.kind == "redacted":
                redacted = True
            elif parsed.kind == "team":
                owner = f"{ctx.team} (wij)" if ctx.team else "wij"
            elif parsed.kind == "name":
                owner = parsed.text
    return owner, redacted, due, due_date


def process_list_rows(ctx: Ctx, source: Source, rows: list[Span], item: AgendaItem | None,
                      from_actielijst: bool) -> None:
    """The actions of a closing list, one a line."""
    raw = source.raw_text
    top = doc.top_item(ctx.meeting, item) if item else None
    for s, e in rows:
        s0 = s + len(raw[s:e]) - len(raw[s:e].lstrip())
        lead = re.match(r"(?:[-*•▪]\s+|\d{1,2}[.)]\s+)", raw[s0:e])
        b = s0 + (lead.end() if lead else 0)
        cells = _row_cells(raw, b, e)
        colon = _COLON_ROW.match(raw[b:e])
        if len(cells) < 2 and colon and not under_todo_intro(raw, s):
            _colon_row(ctx, source, s0, b, e, colon, top, from_actielijst)
            continue
        if under_todo_intro(raw, s):
            _todo_row(ctx, source, s0, b, e, top, from_actielijst)
            continue
        cells = [c for c in cells if c[1] > c[0]]
        if cells and _ROW_CODE.match(raw[cells[0][0]:cells[0][1]].strip()):
            cells = cells[1:]  # a row number or code ("T25-01") before the task
        if len(cells) < 2:
            continue
        owner, redacted, due, due_date = _column_owner(ctx, source, cells)
        if owner is None and not redacted:
            continue  # no column names who does it: not an action row
        _add_row_action(ctx, source, (s0, cells[-1][1]), cells[0], top, owner=owner, owner_redacted=redacted,
                        due=due, due_date=due_date, from_actielijst=from_actielijst)


# the state of an earlier action, one per line: "- Offertes schimmelbehandeling (Bas): pas één offerte binnen."
_STATUS_ROW = re.compile(r"^[ \t]*[-*•▪][ \t]+(?P<task>[^():\n]{3,80}?)[ \t]*\((?P<who>[^()\n]{2,30})\)[ \t]*:[ \t]*(?P<status>[^\n]+)$",
                         re.M)
def process_status_rows(ctx: Ctx, source: Source, lo: int, hi: int, item: AgendaItem | None,
                         skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An earlier action reported on: still open ("loopt", "schuift door naar 1 juli") it stays an action of
    its owner, with the new term; reported done ("gereed", "besteld op 5 juni") it is no action now.
    Returns the spans of the status lines (read here, not again as clauses)."""
    raw = source.raw_text
    top = doc.top_item(ctx.meeting, item) if item else None
    spans = []
    for m in _STATUS_ROW.finditer(raw[lo:hi]):
        s, e = lo + m.start(), lo + m.end()
        if any(a <= s < b for a, b in skip):
            continue
        spans.append((s, e))
        status = m.group("status")
        who = rules.classify_np(doc.norm(ctx, source, lo + m.start("who"), lo + m.end("who")))
        if who.kind not in ("name", "redacted") or rules.cue("done_now").match(status) \
                or not rules.cue("still_open").search(status):
            continue
        s0 = lo + m.start("task")
        match = find_due(status, ctx.meeting.date)
        owner, redacted = doc.owner_string(ctx, who, None)
        ctx.actions.append(Action(
            id=stable_id(ctx.meeting.id, "action", s0, e), meeting_id=ctx.meeting.id,
            item=top.number if top else None, text=doc.display(ctx, source, s0, lo + m.end("task")),
            owner=owner, owner_redacted=redacted, due=match.as_written if match else None,
            due_date=match.date if match else None, from_actielijst=True, citation=doc.citation(ctx, source, s0, e, top)))
    return spans
