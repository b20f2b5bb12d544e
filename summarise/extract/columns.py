"""A Besluit column that PDF text puts apart from its rows: the subject lines (motions, amendments, proposals)
come first, then the outcomes of the same rows as a run of value lines ("Verworpen", "Aangenomen", "Q2 2025",
"-"). Where a run of k values follows exactly k subject lines, they are the rows of one table, paired in order:
an adopted subject is a decision (cited by its own line), a held one postponed, a rejected or withdrawn one
nothing. Where the counts differ nothing is paired (precision first); a single value next to its subject is
read by the region walk (summarise/extract/outcomes.py).

A proposal that heads its block and is voted on at its end (the same title again, "Geamendeerd voorstel van het
college inzake ...") is one row, the last; a row that carries its own value ("Ingetrokken   Amendement J.A ...")
is no row of the run. Cue families: subject_line, bare_outcome, rejected_outcome, held_outcome (notulist/nl/data/).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notulist.models import AgendaItem, Decision, Postponed, Source, stable_id
from summarise import rules
from summarise.extract import document as doc
from summarise.extract.document import Ctx
from summarise.extract.outcomes import OutcomeKind, outcome_kind

Span = tuple[int, int]

_CELL = re.compile(r"^(?:-|–|(?:begin|eind|medio)?\s*q[1-4](?:\s+\d{4})?)$", re.I)  # an empty or a date cell
_REF = re.compile(r"\s*\((?:[A-Z]{2,}\s?\d+[^)]*)\)\s*$")  # "(RIS321259)": a reference number after a title


@dataclass(frozen=True)
class Row:
    subject: Span  # the subject's line (stripped)
    outcome: Span  # its value in the column
    kind: OutcomeKind


def _lines(raw: str, lo: int, hi: int) -> list[Span]:
    """The non-blank lines, stripped; a value wrapped over two lines ("Niet in stemming" / "gebracht") is one."""
    out: list[Span] = []
    for m in re.finditer(r"[^\n]+", raw[lo:hi]):
        a, b = lo + m.start(), lo + m.end()
        text = raw[a:b]
        if not text.strip():
            continue
        span = (a + len(text) - len(text.lstrip()), a + len(text.rstrip()))
        if out and text.strip()[:1].islower() and _value(raw[out[-1][0]:out[-1][1]]) is None \
                and _value(raw[out[-1][0]:out[-1][1]] + " " + text.strip()) is not None:
            out[-1] = (out[-1][0], span[1])
            continue
        out.append(span)
    return out


def _value(text: str) -> OutcomeKind | None:
    kind = outcome_kind(text)
    if kind is not None:
        return kind
    return "adopted" if _CELL.match(text.strip()) else None


def _line_kind(text: str, subject_rx: re.Pattern[str]) -> str:
    columns = re.split(r"[ \t]{2,}", text.strip())
    if len(columns) > 1 and _value(columns[0]) is not None:
        # "Ingetrokken      Amendement J.A ...", "Niet ingediend  Q.3": the row carries its value ("-" at its
        # end: its cell too)
        return "self-done" if _CELL.match(columns[-1]) else "self"
    if _value(text) is not None:
        return "value"
    return "subject" if subject_rx.match(text) else "other"


def _core(text: str) -> str:
    """A subject's title without its row code, reference number and 'gewijzigd/geamendeerd' marks."""
    text = _REF.sub("", text)
    text = re.sub(r"^\s*(?:\d{5,}\s+)?(?:[A-Z]{1,2}(?:\.\d+)?\s+)?", "", text)
    text = re.sub(r"(?i)^(?:(?:gewijzigd|geamendeerd)e?\s+(?:en\s+)?)+", "", text)
    return " ".join(text.lower().split())


def _rows_of_block(raw: str, subjects: list[Span], later: set[str]) -> list[Span]:
    """The block's subjects that are rows: a title repeated later (its vote) is the heading, not a row."""
    cores = [_core(raw[a:b]) for a, b in subjects]
    return [s for i, s in enumerate(subjects) if cores[i] not in set(cores[i + 1:]) and cores[i] not in later]


def column_rows(raw: str, lo: int, hi: int) -> list[Row]:
    """The rows of a detached Besluit column in raw[lo:hi] (see the module doc)."""
    lines = _lines(raw, lo, hi)
    subject_rx = rules.cue("subject_line")
    kinds = [_line_kind(raw[a:b], subject_rx) for a, b in lines]
    for i in range(1, len(kinds)):
        if kinds[i] == "value" and kinds[i - 1] == "self" and _CELL.match(raw[lines[i][0]:lines[i][1]]):
            kinds[i - 1], kinds[i] = "self-done", "other"  # "Ingetrokken  Amendement J.A" + its "-" cell
    rows: list[Row] = []
    pending: list[Span] = []
    i = 0
    while i < len(lines):
        if kinds[i] != "value":
            if kinds[i] in ("subject", "self"):
                pending.append(lines[i])  # a row with its own value still has a cell in the run ("-")
            i += 1
            continue
        j = i
        while j < len(lines) and kinds[j] == "value":
            j += 1
        run = lines[i:j]
        later = {_core(raw[a:b]) for (a, b), k in zip(lines[j:], kinds[j:]) if k == "subject"}
        block = _rows_of_block(raw, pending, later)
        if len(run) >= 2 and len(block) == len(run):
            rows.extend(Row(subject=s, outcome=v, kind=_row_kind(raw, s, v)) for s, v in zip(block, run))
        pending = []
        i = j
    return rows


def _row_kind(raw: str, subject: Span, value: Span) -> OutcomeKind:
    own = re.split(r"[ \t]{2,}", raw[subject[0]:subject[1]].strip())
    if len(own) > 1 and (kind := _value(own[0])) is not None:
        return kind  # the row's own value ("Aangehouden   Motie Q.6 ...") decides, not its "-" cell
    return _value(raw[value[0]:value[1]]) or "adopted"


def is_value_run_start(raw: str, s: int, e: int) -> bool:
    """The label at raw[s:e] is followed by another value line: it opens a run, not a row of its own."""
    following = _lines(raw, e, min(len(raw), e + 200))
    return bool(following) and _value(raw[following[0][0]:following[0][1]]) is not None


def _item_at(ctx: Ctx, source: Source, pos: int) -> AgendaItem | None:
    """The agenda item (its top item) whose text holds `pos`."""
    holding = [i for i in ctx.meeting.items if i.source_id == source.id and i.start <= pos < max(i.end, i.title_end)]
    if not holding:
        return None
    return doc.top_item(ctx.meeting, max(holding, key=lambda i: i.start))


def read_columns(ctx: Ctx, source: Source) -> None:
    """The rows of detached Besluit columns of the source: decisions and postponed items, cited by the subject's
    line; their lines are claimed so that the clause walk does not read them again."""
    raw = source.raw_text
    end = source.body_end if source.body_end is not None else len(raw)
    claimed = ctx.claimed.setdefault(source.id, [])
    for row in column_rows(raw, 0, end):
        claimed += [row.subject, row.outcome]
        top = _item_at(ctx, source, row.subject[0])
        s, e = row.subject
        if row.kind == "adopted":
            ctx.decisions.append(Decision(
                id=stable_id(ctx.meeting.id, "decision", s, e), meeting_id=ctx.meeting.id,
                item=top.number if top else None, text=doc.display(ctx, source, s, e),
                citation=doc.citation(ctx, source, s, e, top)))
        elif row.kind == "held" and top is not None and not any(p.item == top.number for p in ctx.postponed):
            ctx.postponed.append(Postponed(
                id=stable_id(ctx.meeting.id, "postponed", s, e), meeting_id=ctx.meeting.id, item=top.number,
                item_title=top.title, text=doc.display(ctx, source, s, e), citation=doc.citation(ctx, source, s, e, top)))
