"""Tables: an action or decision table (a header row naming its columns: Actie, Wie, Wanneer, Status,
Besluit, Agendapunt), read row by row; each row's cells are exact spans (notulist.text.cell_spans)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from rapidfuzz import fuzz

from notulist.models import Action, AgendaItem, Decision, Meeting, Source, stable_id
from notulist.nl import lexicon
from notulist.text import cell_spans
from summarise import rules
from summarise.dates import find_due, refers_to_next_meeting
from summarise.extract.dues import own_next_meeting
from summarise.extract import document as doc
from summarise.extract.document import Ctx
from summarise.extract.outcomes import outcome_kind

Span = tuple[int, int]
# reads a region's clauses (regions.process_region), for the text of a Besluit cell
RegionReader = Callable[[Ctx, Source, int, int, AgendaItem | None, str, bool, list[str]], None]

_WIDE_GAP = re.compile(r"\S {2,}(?=\S)")  # columns of a plain-text table ("24-09  Gesprek met ...  Henk  z.s.m.")


def table_rows(raw: str, lo: int, hi: int) -> list[list[tuple[int, int]]]:
    """Consecutive table lines (markdown pipes or tabs) of raw[lo:hi], each as one line span."""
    tables, current = [], []
    for m in re.finditer(r"[^\n]+", raw[lo:hi]):
        line = m.group(0)
        if line.count("|") >= 2 or line.count("\t") >= 2 or len(_WIDE_GAP.findall(line.strip())) >= 2:
            current.append((lo + m.start(), lo + m.end()))
        else:
            if current:
                tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def first_record_table(raw: str, lo: int, hi: int) -> int | None:
    """Where the first markdown table of raw[lo:hi] whose header names a decision or action column starts
    ("| Nr | Onderwerp | Besluit |"), or None."""
    for rows in table_rows(raw, lo, hi):
        if rows[0][1] - rows[0][0] and "|" in raw[rows[0][0]:rows[0][1]] and \
                {"action", "decision"} & set(_header_roles(raw, _cells(raw, *rows[0]))):
            return rows[0][0]
    return None


def _header_roles(raw: str, cells: list[tuple[int, int]]) -> dict[str, int]:
    return _roles_of([raw[a:b] for a, b in cells])


def _roles_of(texts: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for idx, cell_text in enumerate(texts):
        text = re.sub(r"[*_:]", "", cell_text).strip()
        if len(text) > 40:
            continue  # a header cell is a short label
        for role, rx in lexicon().table_columns:
            if rx.search(text) and role not in roles:
                roles[role] = idx
                break
    return roles


def _is_early_item(meeting: Meeting, item: AgendaItem) -> bool:
    """An item with at least two agenda items after it (not a list that closes the minutes)."""
    tops = [i for i in meeting.items if not i.parent and i.source_id == item.source_id]
    top = doc.top_item(meeting, item)
    return top in tops and tops.index(top) < len(tops) - 2


def _row_names_item(ctx: Ctx, raw: str, cells: list[tuple[int, int]]) -> AgendaItem | None:
    """A row that starts with an agenda item's number and names that item ("| 5 | OTO-jaarplan 2025 | ...")
    belongs to that item, also where the column is headed "Nr"; the title check keeps row numbers apart."""
    if len(cells) < 2:
        return None
    number = raw[cells[0][0]:cells[0][1]].strip().rstrip(".")
    candidate = ctx.meeting.item(number) if re.fullmatch(r"\d{1,2}[a-z]?", number) else None
    if candidate is None or not candidate.title:
        return None
    named = raw[cells[1][0]:cells[1][1]]
    return candidate if fuzz.token_set_ratio(named.lower(), candidate.title.lower()) >= 80 else None


def _trim_span(raw: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and raw[s] in " \t\r\n|;,":
        s += 1
    while e > s and raw[e - 1] in " \t\r\n|;,":
        e -= 1
    return (s, e) if e - s >= 3 else None




def _cells(raw: str, s: int, e: int) -> list[Span]:
    return cell_spans(raw, s, e, plain_columns=True)


class _Row:
    """One body row of a table: its cells looked up by column role."""

    def __init__(self, raw: str, s: int, e: int, header: dict[str, int]) -> None:
        self.raw, self.s, self.e, self.header = raw, s, e, header
        self.cells = _cells(raw, s, e)
        self.span = (self.cells[0][0], self.cells[-1][1]) if self.cells else (s, e)

    def cell(self, role: str) -> Span | None:
        idx = self.header.get(role)
        cells = self.cells
        return cells[idx] if idx is not None and idx < len(cells) and cells[idx][1] > cells[idx][0] else None

    def text(self, role: str) -> str:
        c = self.cell(role)
        return self.raw[c[0]:c[1]] if c else ""


def _row_item(ctx: Ctx, row: _Row, item: AgendaItem | None) -> AgendaItem | None:
    if (c := row.cell("item")) is not None:
        number = row.raw[c[0]:c[1]].strip().rstrip(".")
        return ctx.meeting.item(number) or item
    return _row_names_item(ctx, row.raw, row.cells) or item


def _decision_row(ctx: Ctx, source: Source, row: _Row, row_item: AgendaItem | None, from_actielijst: bool,
                  read_region: RegionReader) -> None:
    """A Besluit cell: the decision, and the actions of whoever carries it out (read as clauses)."""
    raw, c = source.raw_text, row.cell("decision")
    if re.fullmatch(r"[\s\-–—]*|\s*(?:geen|niets|n\.?v\.?t\.?|nvt)\W*", raw[c[0]:c[1]], re.I) \
            or outcome_kind(raw[c[0]:c[1]]) == "rejected":
        return  # nothing decided: an empty cell, "Geen.", "Verworpen", "Niet akkoord"
    top = doc.top_item(ctx.meeting, row_item) if row_item else None
    # a Besluit cell often goes on with who carries it out ("Portefeuillehouder X informeert ... uiterlijk
    # 25 februari"): those clauses are actions, the clauses before them the decision
    n_actions, n_decisions, n_postponed = len(ctx.actions), len(ctx.decisions), len(ctx.postponed)
    read_region(ctx, source, c[0], c[1], row_item, "record", from_actielijst, [])
    del ctx.decisions[n_decisions:]
    if outcome_kind(raw[c[0]:c[1]]) == "held":
        return  # "Aangehouden": held over (postponed where the row names its item), nothing decided
    if len(ctx.postponed) > n_postponed and not rules.cue("decision").search(raw[c[0]:c[1]]):
        return  # "Aangehouden tot het overleg van 8 mei": the item is postponed, nothing is decided
    new_actions = ctx.actions[n_actions:]
    dec_span = row.span
    if new_actions:
        cut = _trim_span(raw, c[0], min(a.citation.start for a in new_actions))
        if cut is None:
            return
        dec_span = cut
    ctx.decisions.append(Decision(
        id=stable_id(ctx.meeting.id, "decision", *dec_span), meeting_id=ctx.meeting.id,
        item=top.number if top else None, text=doc.display(ctx, source, *(dec_span if new_actions else c)),
        citation=doc.citation(ctx, source, *dec_span, top)))


def _owner_cell(ctx: Ctx, source: Source, row: _Row) -> tuple[str | None, bool]:
    """(owner, redacted) from the Wie column; a redacted person is never named."""
    oc = row.cell("owner")
    if oc is None:
        return None, False
    who = doc.norm(ctx, source, *oc)
    parsed = rules.classify_np(who)
    if parsed.kind == "redacted" or who.strip() == rules.RED:
        return None, True
    if parsed.kind == "team":
        return (f"{ctx.team} (wij)" if ctx.team else "wij"), False
    if who.strip(" -–—") and rules.RED not in who:
        return rules._strip_article(who), False
    if rules.RED in who:
        named = [w for w in re.split(r"\s*(?:,|/|\ben\b|&)\s*", who) if w.strip() and rules.RED not in w]
        return ", ".join(named) or None, not named
    return None, False


def _due_cell(ctx: Ctx, row: _Row) -> tuple[str | None, dt.date | None]:
    written = row.text("due").strip()
    if not written or re.fullmatch(r"[\-–—?]*|n\.?v\.?t\.?|z\.s\.m\.?", written, re.I):
        return None, None
    match = find_due(written, ctx.meeting.date)
    due_date = match.date if match else None
    if due_date is None and (refers_to_next_meeting(written) or own_next_meeting(ctx, written) is not None):
        due_date = ctx.next_meeting
    return written, due_date


def _reviews_earlier_actions(ctx: Ctx, item: AgendaItem | None) -> bool:
    """An agenda item that goes through the previous meeting's actions ("Opening en actielijst"), not a
    closing "Actielijst" of this meeting's own actions."""
    return item is not None and bool(re.search(r"\bactie(?:lijst|punten|s)\b", item.title or "", re.I)) and (
        bool(re.sub(r"(?i)\b(?:de|het|van|en)\b|\bactie(?:lijst|punten|s)\b|\W", "", item.title or ""))
        or _is_early_item(ctx.meeting, item))


def _action_row(ctx: Ctx, source: Source, row: _Row, item: AgendaItem | None, row_item: AgendaItem | None,
                mode: str, from_actielijst: bool, heading: str) -> None:
    raw, c = source.raw_text, row.cell("action")
    status = row.text("status")
    done = bool(status and rules.cue("done_status").search(status) and not rules.says_not_done(status))
    if done and mode != "record":
        return  # a prepared actielijst lists what is still open
    earlier = rules.cue("earlier_action")
    if done and (earlier.search(raw[row.s:row.e]) or earlier.search(heading)
                 or _reviews_earlier_actions(ctx, item)):
        return  # "(uit overleg 13 maart) ... gereed": an earlier meeting's action, reported done
    owner, redacted = _owner_cell(ctx, source, row)
    due, due_date = _due_cell(ctx, row)
    top = doc.top_item(ctx.meeting, row_item) if row_item else None
    ctx.table_actions.add(stable_id(ctx.meeting.id, "action", *row.span))
    ctx.actions.append(Action(
        id=stable_id(ctx.meeting.id, "action", *row.span), meeting_id=ctx.meeting.id,
        item=top.number if top else None, text=doc.display(ctx, source, *c), owner=owner, owner_redacted=redacted,
        due=due, due_date=due_date, status="done" if done else "open", from_actielijst=from_actielijst,
        citation=doc.citation(ctx, source, *row.span, top)))


def _header_above(raw: str, pos: int) -> dict[str, int]:
    """The column roles of the table that the line at `pos` is a body row of (its first line), or {}."""
    top = None
    while pos > 0:
        start = raw.rfind("\n", 0, pos - 1) + 1
        line = raw[start:pos].rstrip("\n")
        if line.count("|") < 2:
            break
        top, pos = (start, start + len(line)), start
    if top is None or re.fullmatch(r"[\s|:\-+\t]*", raw[top[0]:top[1]]):
        return {}
    return _header_roles(raw, _cells(raw, *top))


def _broken_header(raw: str, start: int) -> list[str] | None:
    """The header cells of a table whose header row breaks inside a cell (a Word cell "Actie\nhouder" gives
    "... | Klein | Actie" and "houder" on lines of their own, above the first body row at `start`): the pipe
    lines above and the short continuation line, joined; None where the lines above are no such header."""
    above = raw[:start].rstrip("\n").split("\n")
    if len(above) < 2 or above[-1].count("|") or not 0 < len(above[-1].strip()) <= 20:
        return None
    lines = [above[-1]]
    for line in reversed(above[:-1][-3:]):
        if line.count("|") < 2:
            break
        lines.insert(0, line)
    return " ".join(lines).split("|") if len(lines) > 1 else None


def _issue_list(header: dict[str, int], texts: list[str]) -> dict[str, int]:
    """An issue list with its holders ("Korte beschrijving | ... | Actie houder") and no action column: its
    subject column is the action, read only in rows that name a holder (`owned_only`)."""
    owner, subject = header.get("owner"), header.get("subject")
    if "action" in header or "decision" in header or owner is None or subject is None:
        return header
    if not re.search(lexicon().table("table_columns.toml")["task_owner"], texts[owner], re.I):
        return header
    return {**header, "action": subject, "owned_only": owner}


def _task_table(header: dict[str, int], texts: list[str]) -> dict[str, int]:
    """The header with its action column only where the table has the shape of an action table: its header cells
    are labels (no sentence: a prose line with wide gaps is no header), no time column (a programme, "Tijd |
    Onderwerp | Wie", lists who presents what), and the action column is named as a task ("Actie", "Taak",
    "Toezegging") or stands beside a term or status column ("Wat | Wie | Deadline"); an issue list needs a
    holder column named as such ("Actie houder") or a term column."""
    if "action" not in header:
        return header
    columns = lexicon().table("table_columns.toml")
    labels = [re.sub(r"[*_:]", "", t).strip() for t in texts]
    label = labels[header["action"]] if header["action"] < len(labels) else ""
    prose = any(len(t.split()) > 4 or (len(t.split()) > 2 and re.search(r"\w[.!?]$", t)) for t in labels)
    programme = any(re.search(columns["programme_column"], t, re.I) for t in labels)
    scheduled = "due" in header or "status" in header
    if "owned_only" in header:
        named = not re.fullmatch(r"\W*wie\W*", labels[header["owned_only"]], re.I)
    else:
        named = bool(re.search(columns["task_column"], label, re.I))
    if prose or programme or not (named or scheduled):
        return {k: v for k, v in header.items() if k not in ("action", "owned_only")}
    return header


def process_table(ctx: Ctx, source: Source, rows: list[Span], item: AgendaItem | None, mode: str,
                  from_actielijst: bool, read_region: RegionReader) -> bool:
    """Read an action or decision table; False when it is not one (its text is then read as clauses)."""
    raw = source.raw_text
    above = _header_above(raw, raw.rfind("\n", 0, rows[0][0]) + 1)
    texts = [raw[a:b] for a, b in _cells(raw, *rows[0])]
    if "decision" in above:
        # the rows of a table whose rows are the agenda items ("| 3 | Onderwerp | Conform advies |"): their
        # header stands above the item, at the top of the table; whole lines, so that the cells align with it
        header, body = above, [(raw.rfind("\n", 0, s) + 1, e) for s, e in rows]
    else:
        header, body = _roles_of(texts), rows[1:]
        broken = None if {"action", "decision"} & set(header) else _broken_header(raw, rows[0][0])
        if broken and len(broken) == max(len(_cells(raw, s, e)) for s, e in rows):
            header, body, texts = _roles_of(broken), rows, broken
    header = _issue_list(header, texts)
    if "decision" not in above:  # (the header above a table of agenda items is read as it is)
        header = _task_table(header, texts)
    if not ({"action", "decision"} & set(header)):
        return False
    heading = raw[max(0, raw.rfind("\n", 0, max(0, rows[0][0] - 2)) + 1):rows[0][0]]  # the line(s) right above
    for s, e in body:
        if re.fullmatch(r"[\s|:\-+\t]*", raw[s:e]):
            continue  # markdown separator row
        row = _Row(raw, s, e, header)
        row_item = _row_item(ctx, row, item)
        if "decision" in header and row.cell("decision") is not None and mode == "record":
            _decision_row(ctx, source, row, row_item, from_actielijst, read_region)
        elif "owned_only" in header and not re.search(r"\w", row.text("owner")):
            continue  # an issue nobody holds is no action
        elif "action" in header and row.cell("action") is not None:
            _action_row(ctx, source, row, item, row_item, mode, from_actielijst, heading)
    return True
