"""Regions: the text of an agenda item (or a note) read as tables, lists and clauses, in that order; every
clause goes through the rule engine (`rules.analyse`) and its hits become decisions, actions and postponed
items (summarise/extract/records.py adds them, each cited by its exact span). A list under "Afspraken:" /
"Besluit:" takes its kind from the label."""

from __future__ import annotations

import re

from notulist.models import AgendaItem, Source
from summarise import rules
from summarise.extract import document as doc
from summarise.extract.document import Ctx
from summarise.extract.articles import split_beslispunten
from summarise.extract.besluit_lists import (announced, announced_in_item, drop_list_numbers, executive_decision, others_impersonal,
                                            proposed_block, read_quoted)
from summarise.rules.actions import decided_task
from summarise.rules.decisions import decision_list_line
from summarise.rules.cues import BESLUIT_MANDATE
from summarise.extract.columns import is_value_run_start
from summarise.extract.lists import list_heading, list_table_rows, process_list_rows, process_status_rows
from summarise.extract.flat_rows import flat_table_rows, process_flat_rows
from notulist.nl.words import is_common_word
from summarise.extract.outcomes import (decided_elsewhere, heading_before, join_wrapped, label_of_clause, outcome_subject,
                                        qualified_outcome)
from summarise.extract.outcomes import LINE_LABELS, labelled_list_end, line_label_span, repeats_decision
from summarise.extract.records import ADVISED_ANSWER, Walk, add_action, add_decision, add_postponed, term_of_previous
from summarise.extract.tables import process_table, table_rows

# (block labels, term sentences and frame items are cue families: notulist/nl/data/block_label.toml,
# term_sentence.toml, frame_item.toml)


def item_contexts(ctx: Ctx, agenda: Source, item: AgendaItem) -> list[str]:
    """Titles and prepared text of the item, its sub-items and its parent, where an event's date may be
    written ("Stuurgroep ... 25 maart" as a sub-item title, "De volgende stuurgroep is op 25 maart.")."""
    family = [item] + [i for i in ctx.meeting.items if i.parent == item.number]
    parent = ctx.meeting.item(item.parent) if item.parent else None
    if parent is not None:
        family.append(parent)
    out = []
    for it in family:
        out.append(it.title)
        if it.source_id != agenda.id:
            continue
        lo, hi = doc.own_region(ctx.meeting, it)
        out.extend(agenda.raw_text[s:e] for s, e in rules.split_clauses(agenda.raw_text, lo, hi))
    return out


def _list_line_hits(w: Walk, norm: str) -> list[rules.Hit]:
    """A line of a list under "Afspraken:" / "Besluiten:": an action of whoever acts, else the list's kind."""
    hits = rules.analyse(norm, w.mode)
    mandate = BESLUIT_MANDATE.match(norm) if w.list_kind == "decision" else None
    if mandate:  # "de provinciesecretaris opdracht te geven zorg te dragen voor ...": decided, and a task
        return [rules.Hit("decision", cue="besluit-lijst"),
                rules.Hit("action", rules.Owner("name", mandate.group("np")), "opdracht", strong=True)]
    acted = [h for h in hits if h.kind == "action" and h.owner.kind not in ("none", "generic")
             and not (w.list_kind == "decision" and h.owner.kind == "team")]  # "- We sluiten aan bij ...": decided
    if acted:
        return acted
    # "- Districtschef levert de cijfers aan — vóór 1 februari": who starts the line
    who = rules.clause_subject(norm)
    if w.list_kind == "decision":
        person = who.kind == "redacted" or (who.kind == "name" and not is_common_word((who.text or "x").split()[0])
                                             and not re.search(r"\b(?:wordt|worden)\b", norm))
        return decision_list_line(hits, norm, who if person else rules.Owner("none"))
    return [rules.Hit("action", who, "actie-lijst", strong=True)] if who.kind != "none" else hits


def _clause_hits(w: Walk, norm: str, is_list_line: bool, s: int) -> list[rules.Hit] | None:
    """The clause's hits; None for a label line that only says what the list below it is."""
    heading = w.mode == "record" and re.match(r"[ \t]*#{1,6}[ \t]", w.raw[w.raw.rfind("\n", 0, s) + 1:s + 1])
    if heading and len(norm.split()) <= 4 and rules.DECISION_INTRO.search(norm.strip(" #:*") + ":"):
        w.list_kind, w.intro_start, w.besluit_intro, w.explaining = "decision", None, False, False
        return None  # "## Besluiten" inside the text of an item: the list under it decides
    if w.mode == "record" and rules.cue("explanation_label").match(norm):
        w.explaining, w.list_kind, w.intro_start, w.besluit_intro = True, None, None, False
        return None
    block = rules.cue("block_label").match(norm) if w.mode == "record" else None
    if block is not None:  # "**Afspraken:**", "Acties:" on a line of its own: the list below is that
        w.explaining = False
        w.list_kind = None if block.group("none") else (
            "action" if block.group("label").lower().startswith(("act", "to")) else "decision")
        return None
    if w.mode == "record" and proposed_block(w, norm):
        return None  # "VOORSTEL VAN BESLISSING": the heading of the decision put to the meeting
    quoted = read_quoted(w, norm, is_list_line) if w.mode == "record" else None
    if quoted is not None:
        return quoted
    if w.list_kind and w.mode == "record" and is_list_line:
        return _list_line_hits(w, norm)
    if w.list_kind == "decision" and w.besluit_intro and (
            rules.BESLUIT_CLAUSE.search(norm) or (w.intro_start is not None and _right_after(w, s))):
        return _list_line_hits(w, norm)  # "De raad besluit unaniem:" / "vast te stellen de Verordening ..."
    if w.mode == "record" and rules.DECISION_INTRO.search(norm):
        w.list_kind, w.intro_start, w.besluit_intro, w.explaining = "decision", s, True, False
        return None
    w.list_kind = w.intro_start = None
    w.besluit_intro = False
    hits = rules.analyse(norm, w.mode)
    if w.mode == "record" and not any(h.kind == "decision" for h in hits) and executive_decision(w.ctx.meeting, w.raw, s, norm):
        hits = [rules.Hit("decision", cue="besluit van het college"), *hits]  # "GS hebben kennis genomen van ..."
    if w.mode == "record" and any(h.kind == "decision" for h in hits) and (
            decided_elsewhere(norm, w.ctx.meeting, w.raw) or (w.explaining and _item_decided(w) and not any(
                h.kind == "decision" and h.label_end for h in hits))):
        # "De stuurgroep heeft besloten ... uit te stellen": reported (nor is this item postponed); under
        # "Kernboodschap" after the besluit clauses: explained
        hits = [h for h in hits if h.kind == "action"]
    if w.mode == "record" and any(h.kind == "decision" for h in hits) and (
            w.proposed or announced(w.raw, s, norm) or announced_in_item(w.item, norm)
            or others_impersonal(w.ctx.meeting, w.raw, s, norm)):
        hits = [h for h in hits if h.kind != "decision"]  # "Mededelingen: / X: Er is besloten om ...": reported
    if w.mode == "record" and not hits:
        hits = _task_after_but(norm)
    if w.mode == "record" and any(h.kind == "decision" for h in hits) and not any(h.kind == "action" for h in hits):
        owner = decided_task(norm)  # "Besloten wordt dat Nico ... zal vragen": a decision and Nico's task
        if owner is not None:
            hits = [*hits, rules.Hit("action", owner, "besloten dat", strong=True)]
    return hits


_BUT = re.compile(r"(?:,\s*|\s)maar\s+(?=\S)", re.I)


def _item_decided(w: Walk) -> bool:
    return w.top is not None and any(d.item == w.top.number for d in w.ctx.decisions)


def _task_after_but(norm: str) -> list[rules.Hit]:
    """"Ook hier is het voorstel om ... af te wachten maar Eindhoven en Kadaster zullen ... doorgaan": after "maar" a
    main clause of its own; its named person's task counts where the clause before it records nothing."""
    parts = _BUT.split(norm)
    if len(parts) < 2:
        return []
    return [h for h in rules.analyse(parts[-1], "record")
            if h.kind == "action" and h.owner.kind in ("name", "redacted")]


def _right_after(w: Walk, s: int) -> bool:
    """The clause follows the "... het volgende besloten:" intro directly (a line break, at most a blank line)."""
    between = w.raw[w.intro_start:s] if w.intro_start is not None else ""
    line_end = between.find("\n")
    return line_end > 0 and between[:line_end].rstrip(" *_").endswith(":") and not between[line_end:].strip() \
        and between.count("\n") <= 2


def _answers_the_chair(w: Walk, norm: str) -> bool:
    """"Ja, per kwartaal delen." or "=> Best geen wachtwoorden gebruiken" right after a question or proposal: the
    answer is a decision."""
    asked, _, answer = norm.rpartition("?")
    if w.mode == "record" and asked.strip() and ADVISED_ANSWER.match(answer) and len(answer.split()) <= 10:
        return True  # the question and its answer on one line
    prev = w.prev_clause
    return (w.mode == "record" and prev is not None and rules.is_question_like(prev[2]) and len(norm.split()) <= 10
            and bool(re.match(r"^(?:ja|nee)\b", norm, re.I) or ADVISED_ANSWER.match(norm)))


def _read_outcome(w: Walk, norm: str, s: int, e: int) -> bool:
    """A bare outcome label ("Aangenomen", "Gevolg: goedgekeurd"): the decision is its subject, cited with it
    (summarise/extract/outcomes.py). True when the clause was such a label."""
    found = label_of_clause(w.raw, s, e) if w.mode == "record" else None
    if found is None:
        return w.mode == "record" and qualified_outcome(norm) and _qualified_outcome(w, norm, s, e)
    kind, own_subject = found
    prev, w.prev_clause, w.this_clause = w.this_clause, w.this_clause, (s, e, norm)
    if kind == "held":
        add_postponed(w, norm, s, e)
        return True
    if kind == "rejected" or repeats_decision(w.raw, s, w.last_decision_end):
        return True
    if not own_subject and is_value_run_start(w.raw, s, e):
        return True  # the first of a run of column values: paired in summarise/extract/columns.py or not at all
    if not own_subject and w.last_decision_end is not None and heading_before(w.raw, s, w.region_start) is not None:
        return True  # "Besluit / Artikel 1: De raad keurt ... goed. / Stemming / Goedgekeurd": decided already
    start = s if own_subject else outcome_subject(w.raw, s, prev, w.item, w.region_start)
    if start is not None:
        w.prev_clause = None
        add_decision(w, w.raw[start:e], start, e)
    return True


def _qualified_outcome(w: Walk, norm: str, s: int, e: int) -> bool:
    """"Z23.0412 Aankoop grond. Wethouder Witkam. Akkoord, gewijzigd besloten (...).": the outcome with its qualifier,
    cited with the subject line before it; with no subject next to it, the clause is read as a sentence."""
    start = outcome_subject(w.raw, s, w.this_clause, None, w.region_start)
    if start is None or start >= s or repeats_decision(w.raw, s, w.last_decision_end):
        return False
    w.prev_clause, w.this_clause = None, (s, e, norm)
    add_decision(w, w.raw[start:e], start, e)
    return True


def _read_clause(w: Walk, s: int, e: int) -> None:
    raw = w.raw
    norm = doc.norm(w.ctx, w.source, s, e)
    line_start = raw.rfind("\n", 0, s) + 1
    is_list_line = bool(re.match(r"\s*(?:[-*•]|\d{1,2}[.)]|[a-z][.)])\s", raw[line_start:s + 1]))
    if _is_title_line(w, s, e) or _claimed(w, s, e) or _read_outcome(w, norm, s, e):
        return
    if doc.is_checked_box(raw[line_start:e]):
        return  # "- [x] Sleutel ophalen": ticked off, no open action
    hits = _clause_hits(w, norm, is_list_line, s)
    if hits is None:
        return
    w.prev_clause, w.this_clause = w.this_clause, (s, e, norm)
    if rules.cue("proposal").search(norm) or rules.is_question_like(norm):
        w.proposal_start = s
    if not hits and _answers_the_chair(w, norm):
        hits = [rules.Hit("decision", cue="antwoord")]
    subject = rules.clause_subject(norm)
    previous_subject = w.last_subject
    if subject.kind != "none":
        w.last_subject = doc.owner_string(w.ctx, subject, None)
    adjacent = w.last_hit is not None and not raw[w.last_end:s].count("\n\n") and s - w.last_end < 40
    if not hits and term_of_previous(w, norm, s, e, adjacent):
        return
    if not hits and w.mode == "record" and (list_end := labelled_list_end(raw, norm, e)) is not None:
        w.ctx.claimed.setdefault(w.source.id, []).append((e, list_end))  # "Richting:" and the list under it
        hits, e = [rules.Hit("decision", cue="richting")], list_end
    if not hits:
        w.last_hit = None if not adjacent or raw[w.last_end:s].strip() else w.last_hit
        return
    for hit in hits:
        if hit.kind == "decision":
            if hit.label_end and hit.cue in LINE_LABELS:
                s, e = line_label_span(w.raw, s, e)
            add_decision(w, norm, s, e)
        elif hit.kind == "postponed":
            add_postponed(w, norm, s, e)
        else:
            add_action(w, hit, norm, s, e, adjacent, previous_subject)


def _claimed(w: Walk, s: int, e: int) -> bool:
    """A line already read as a row of a detached Besluit column (summarise/extract/columns.py)."""
    return any(a < e and s < b for a, b in w.ctx.claimed.get(w.source.id, ()))


def _is_title_line(w: Walk, s: int, e: int) -> bool:
    """The document's first line ("Besluiten Provinciale Staten 29 april 2015") is its title, never a decision."""
    raw = w.raw
    first = len(raw) - len(raw.lstrip())
    return s <= first and "\n" not in raw[first:e].strip() and (raw.find("\n", first) == -1 or e <= raw.find("\n", first) + 1)


def _structured_cuts(ctx: Ctx, source: Source, lo: int, hi: int, item: AgendaItem | None, mode: str,
                     from_actielijst: bool) -> list[tuple[int, int]]:
    """Tables, status lines and list rows of the region, read as such; their spans are not read again."""
    raw = source.raw_text
    # a row of a table whose rows are the agenda items ("| 3 | Baggerprogramma | Het DB stelt ... vast |") has
    # no header of its own: its cells are read as text
    tables = [rows for rows in table_rows(raw, lo, hi)
              if process_table(ctx, source, rows, item, mode, from_actielijst, process_region)]
    cuts = [(r[0][0], r[-1][1]) for r in tables]
    if mode != "prepared":
        in_list = item is not None and list_heading((item.title or "").strip())
        cuts += process_status_rows(ctx, source, lo, hi, item, cuts)
        list_rows = [r for r in list_table_rows(raw, lo, hi, in_list) if not any(a <= r[0] < b for a, b in cuts)]
        process_list_rows(ctx, source, list_rows, item, from_actielijst)
        cuts += list_rows
        flat = [r for r in flat_table_rows(raw, lo, hi) if not any(a <= r[0] < b for a, b in cuts)]
        process_flat_rows(ctx, source, flat, item, from_actielijst)
        cuts += flat
    return cuts


def process_region(ctx: Ctx, source: Source, lo: int, hi: int, item: AgendaItem | None, mode: str,
                   from_actielijst: bool, contexts: list[str]) -> None:
    """Read source.raw_text[lo:hi] (an item's own text or a note) in `mode` ("record", "actielijst",
    "prepared") into ctx.decisions / actions / postponed."""
    raw = source.raw_text
    cuts = _structured_cuts(ctx, source, lo, hi, item, mode, from_actielijst)
    w = Walk(ctx, source, doc.top_item(ctx.meeting, item) if item else None, mode, from_actielijst, contexts,
              region_start=lo, item=item)
    title = (item.title or "").strip(" *_#") if item is not None else ""
    if mode == "record" and title and (rules.DECISION_INTRO.search(title + (":" if not title.endswith(":") else ""))
                                       and len(title.split()) <= 4):
        w.list_kind = "decision"  # "## Besluiten", "# Een aantal besluiten:": the list under the heading decides
    before = raw[max(0, lo - 300):lo].rstrip(" \t\r\n*_")
    if before.endswith("?"):  # a note that answers the question printed just before it
        w.this_clause = (lo, lo, "?")
    for seg_lo, seg_hi in doc.minus(lo, hi, sorted(cuts)):
        clauses = drop_list_numbers(raw, join_wrapped(raw, rules.split_clauses(raw, seg_lo, seg_hi)))
        for s, e in split_beslispunten(raw, clauses):
            _read_clause(w, s, e)
