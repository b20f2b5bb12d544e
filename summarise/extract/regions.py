"""Regions: the text of an agenda item (or a note) read as tables, lists and clauses, in that order; every
clause goes through the rule engine (`rules.analyse`) and its hits become decisions, actions and postponed
items, each cited by its exact span. Follow-ups ("Komt hierop terug.", "Uiterlijk 20 maart.") extend the
action before them; a list under "Afspraken:" / "Besluit:" takes its kind from the label."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notulist.models import Action, AgendaItem, Decision, Meeting, Postponed, Source, stable_id
from summarise import rules
from summarise.extract import document as doc
from summarise.extract.document import Ctx
from summarise.extract.articles import split_beslispunten
from summarise.extract.besluit_lists import (Quote, announced, drop_list_numbers, executive_decision, others_impersonal,
                                            proposed_block, read_quoted)
from summarise.rules.actions import decided_task
from summarise.rules.decisions import decision_list_line
from summarise.rules.cues import AGREED_TO, BESLUIT_MANDATE
from summarise.extract.columns import is_value_run_start
from summarise.dates import find_due
from summarise.extract.dues import due_for
from summarise.extract.evidence_span import antecedent_start, trailing_initials
from summarise.extract.lists import list_heading, list_table_rows, process_list_rows, process_status_rows
from summarise.extract.flat_rows import flat_table_rows, process_flat_rows
from summarise.extract.owner_words import is_common_word, opening_word_is_owner
from summarise.extract.outcomes import decided_elsewhere, heading_before, join_wrapped, label_of_clause, outcome_subject
from summarise.extract.outcomes import LINE_LABELS, labelled_list_end, line_label_span, repeats_assent, repeats_decision
from summarise.extract.tables import process_table, table_rows

# (block labels, term sentences and frame items are cue families: notulist/nl/data/block_label.toml,
# term_sentence.toml, frame_item.toml)
_ITEM_REFERENCE = re.compile(r"\b(?:agenda\s*punt|agendapunt|punt|item|ad)\s+(?P<num>\d{1,2}[a-z]?|[IVX]{1,5})\b", re.I)


def _postponed_target(meeting: Meeting, top: AgendaItem | None, norm: str) -> AgendaItem | None:
    """The item a postponement is about: the item it is written under, or, in the opening/agenda item, the item
    it names."""
    if top is None:
        return None
    if not rules.cue("frame_item").search(top.title or ""):
        return top
    for m in _ITEM_REFERENCE.finditer(norm):
        named = meeting.item(m.group("num"))
        if named is not None and named.number != top.number:
            return doc.top_item(meeting, named)
    return None


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


@dataclass
class _Walk:
    """A region being read clause by clause: where it is, and what the clauses before said."""

    ctx: Ctx
    source: Source
    top: AgendaItem | None
    mode: str
    from_actielijst: bool
    contexts: list[str]
    last_hit: tuple[str, object] | None = None  # ("action", Action) / ("decision", Decision)
    last_end: int = -1
    last_subject: tuple[str | None, bool] | None = None  # who the previous clause was about (for "hij")
    list_kind: str | None = None  # after "Het college besluit:" / "Afspraken:" / "Acties:": what the list lines are
    explaining: bool = False  # after "Kernboodschap" / "Toelichting": the explanation of the decisions listed
    prev_clause: tuple[int, int, str] | None = None  # (start, end, norm) of the clause before this one
    this_clause: tuple[int, int, str] | None = None
    region_start: int = 0
    item: AgendaItem | None = None  # the item whose text this is (its heading is the subject of a bare outcome)
    last_decision_end: int | None = None
    last_decision_start: int = 0
    intro_start: int | None = None  # where "De raad besluit unaniem:" starts, cited with the clause after it
    besluit_intro: bool = False  # the clauses after "... besluit:" are its besluit clauses
    proposal_start: int | None = None  # the last proposal or question put to the meeting (for its assent)
    quote: Quote | None = None  # inside a proposal to another body quoted in the besluit (besluit_lists.py)
    proposed: bool = False  # under "Voorstel van beslissing": what follows is put to the meeting (besluit_lists.py)

    @property
    def raw(self) -> str:
        return self.source.raw_text


def _list_line_hits(w: _Walk, norm: str) -> list[rules.Hit]:
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


def _clause_hits(w: _Walk, norm: str, is_list_line: bool, s: int) -> list[rules.Hit] | None:
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
            w.proposed or announced(w.raw, s, norm) or others_impersonal(w.ctx.meeting, w.raw, s, norm)):
        hits = [h for h in hits if h.kind != "decision"]  # "Mededelingen: / X: Er is besloten om ...": reported
    if w.mode == "record" and not hits:
        hits = _task_after_but(norm)
    if w.mode == "record" and any(h.kind == "decision" for h in hits) and not any(h.kind == "action" for h in hits):
        owner = decided_task(norm)  # "Besloten wordt dat Nico ... zal vragen": a decision and Nico's task
        if owner is not None:
            hits = [*hits, rules.Hit("action", owner, "besloten dat", strong=True)]
    return hits


_BUT = re.compile(r"(?:,\s*|\s)maar\s+(?=\S)", re.I)


def _item_decided(w: _Walk) -> bool:
    return w.top is not None and any(d.item == w.top.number for d in w.ctx.decisions)


def _task_after_but(norm: str) -> list[rules.Hit]:
    """"Ook hier is het voorstel om ... af te wachten maar Eindhoven en Kadaster zullen ... doorgaan": after "maar" a
    main clause of its own; its named person's task counts where the clause before it records nothing."""
    parts = _BUT.split(norm)
    if len(parts) < 2:
        return []
    return [h for h in rules.analyse(parts[-1], "record")
            if h.kind == "action" and h.owner.kind in ("name", "redacted")]


def _right_after(w: _Walk, s: int) -> bool:
    """The clause follows the "... het volgende besloten:" intro directly (a line break, at most a blank line)."""
    between = w.raw[w.intro_start:s] if w.intro_start is not None else ""
    line_end = between.find("\n")
    return line_end > 0 and between[:line_end].rstrip(" *_").endswith(":") and not between[line_end:].strip() \
        and between.count("\n") <= 2


# "=> Best geen wachtwoorden gebruiken", "-> Bij voorkeur apart toevoegen": the advised answer to a question
_ADVISED_ANSWER = re.compile(r"^\W*(?:=>|->|→)\s*(?:best|bij\s+voorkeur|liefst|beter)\b", re.I)


def _answers_the_chair(w: _Walk, norm: str) -> bool:
    """"Ja, per kwartaal delen." or "=> Best geen wachtwoorden gebruiken" right after a question or proposal: the
    answer is a decision."""
    asked, _, answer = norm.rpartition("?")
    if w.mode == "record" and asked.strip() and _ADVISED_ANSWER.match(answer) and len(answer.split()) <= 10:
        return True  # the question and its answer on one line
    prev = w.prev_clause
    return (w.mode == "record" and prev is not None and rules.is_question_like(prev[2]) and len(norm.split()) <= 10
            and bool(re.match(r"^(?:ja|nee)\b", norm, re.I) or _ADVISED_ANSWER.match(norm)))


def _replace_action(w: _Walk, prev: Action, start: int, e: int, **update) -> None:
    ctx = w.ctx
    updated = prev.model_copy(update={
        **update, "text": doc.display(ctx, w.source, start, e), "citation": doc.citation(ctx, w.source, start, e, w.top),
        "id": stable_id(ctx.meeting.id, "action", start, e)})
    ctx.actions[ctx.actions.index(prev)] = updated
    w.last_hit, w.last_end = ("action", updated), e


def _term_of_previous(w: _Walk, norm: str, s: int, e: int, adjacent: bool) -> bool:
    """"Actie: Hans stelt de brief op. Uiterlijk 20 maart naar Weidewonen.": the term of the action before."""
    if not (adjacent and w.last_hit is not None and w.last_hit[0] == "action" and w.last_hit[1].due is None
            and "\n" not in w.raw[w.last_end:s] and rules.cue("term_sentence").match(norm)):
        return False
    prev = w.last_hit[1]
    due, due_date = due_for(w.ctx, norm, prev.owner, w.contexts)
    if due is None:
        return False
    _replace_action(w, prev, prev.citation.start, e, due=due, due_date=due_date)
    return True


# "Provenance is lastig uit te drukken in DCAT. We gaan dus iets anders gebruiken": the consequence with its reason
# "De voorzitter constateert dat de vergadering instemt met het voorstel van de heer Van den Berg.": the assent names
# the proposal before it, and is cited with it
_WITH_THE_PROPOSAL = re.compile(r"\b(?:in(?:stem\w*|gestemd)|akkoord|eens)\s+(?:\S+\s+){0,2}?met\s+(?:het|dit|dat)\s+voorstel\b", re.I)
_CONSEQUENCE = re.compile(r"^\W*(?:\S+\s+){0,2}?(?:dus|daarom|derhalve)\b", re.I)
def _add_decision(w: _Walk, norm: str, s: int, e: int) -> None:
    ctx, prev, ds = w.ctx, w.prev_clause, s
    if w.last_decision_end is not None and w.last_decision_start <= s and e <= w.last_decision_end:
        return  # inside the decision just cited ("Richting: ..." with the rest of its line)
    if w.list_kind == "decision" and w.intro_start is not None:  # the intro with its first besluit clause
        # the intro with its first besluit clause; after a blank line the clause stands alone
        ds = w.intro_start if "\n\n" not in w.raw[w.intro_start:s].replace("\r", "") else s
        w.intro_start = None
    if (len(norm.split()) <= 3 and prev is not None and s - prev[1] < 40 and not w.raw[prev[1]:s].count("\n\n")
            and (rules.cue("proposal").search(prev[2]) or rules.is_question_like(prev[2]))):
        ds = prev[0]  # "Voorstel: ... / Akkoord.": what was agreed is the proposal
    elif (prev is not None and _ADVISED_ANSWER.match(norm) and 0 <= s - prev[1] < 40
          and "\n\n" not in w.raw[prev[1]:s] and rules.is_question(prev[2])):
        ds = prev[0]  # "Moeten wachtwoorden gebruikt worden? => Best geen wachtwoorden gebruiken"
    elif (w.proposal_start is not None and ((len(norm.split()) <= 9 and rules.cue("assent").search(norm))
                                            or _WITH_THE_PROPOSAL.search(norm))
          and 0 < s - w.proposal_start <= 400 and "\n\n" not in w.raw[w.proposal_start:s]):
        ds = w.proposal_start  # "Den Bosch stelt voor ... Overige aanwezigen stemmen hiermee in."
    elif (prev is not None and _CONSEQUENCE.match(norm) and not w.raw[prev[1]:s].strip() and "\n" not in w.raw[prev[1]:s]
          and len(prev[2]) <= 150 and w.last_decision_end != prev[1] and not rules.is_question_like(prev[2])):
        ds = prev[0]  # "Provenance is lastig uit te drukken. We gaan dus iets anders gebruiken."
    w.proposal_start = None
    agreed = _assent_to_agreement(w, norm, s)
    if agreed is not None:
        ds = agreed
    elif ds == s and repeats_assent(w.raw, norm, s, w.last_decision_end):
        return  # "De vergadering stemt in met haar benoeming. ... Met applaus gaat de vergadering akkoord."
    dec = Decision(id=stable_id(ctx.meeting.id, "decision", ds, e), meeting_id=ctx.meeting.id,
                   item=w.top.number if w.top else None, text=doc.display(ctx, w.source, ds, e),
                   citation=doc.citation(ctx, w.source, ds, e, w.top))
    ctx.decisions.append(dec)
    w.last_hit, w.last_end, w.last_decision_end, w.last_decision_start = ("decision", dec), e, e, ds


def _assent_to_agreement(w: _Walk, norm: str, s: int) -> int | None:
    """"In het overleg is afgesproken om de rapportage niet te sturen. Dit is akkoord.": the assent confirms the
    agreement right before it; one decision over both."""
    if w.last_hit is None or len(norm.split()) > 5 or not rules.cue("assent").search(norm):
        return None
    kind, prev = w.last_hit
    gap = w.raw[w.last_end:s]
    if kind not in ("action", "decision") or "\n\n" in gap or len(gap) > 40 or not AGREED_TO.search(prev.citation.quote):
        return None
    (w.ctx.actions if kind == "action" else w.ctx.decisions).remove(prev)
    return prev.citation.start


def _read_outcome(w: _Walk, norm: str, s: int, e: int) -> bool:
    """A bare outcome label ("Aangenomen", "Gevolg: goedgekeurd"): the decision is its subject, cited with it
    (summarise/extract/outcomes.py). True when the clause was such a label."""
    found = label_of_clause(w.raw, s, e) if w.mode == "record" else None
    if found is None:
        return False
    kind, own_subject = found
    prev, w.prev_clause, w.this_clause = w.this_clause, w.this_clause, (s, e, norm)
    if kind == "held":
        _add_postponed(w, norm, s, e)
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
        _add_decision(w, w.raw[start:e], start, e)
    return True


def _add_postponed(w: _Walk, norm: str, s: int, e: int) -> None:
    ctx = w.ctx
    target = _postponed_target(ctx.meeting, w.top, norm)
    if target is None or any(p.item == target.number for p in ctx.postponed):
        return
    ctx.postponed.append(Postponed(
        id=stable_id(ctx.meeting.id, "postponed", s, e), meeting_id=ctx.meeting.id, item=target.number,
        item_title=target.title, text=doc.display(ctx, w.source, s, e),
        citation=doc.citation(ctx, w.source, s, e, target)))


def _real_owner(w: _Walk, hit: rules.Hit, norm: str) -> rules.Hit | None:
    """"Maandelijks zal de penningmeester ... sturen": the opening adverb is no owner; the subject after the
    verb is. None when the clause has no owner left and is no labelled action ("Misschien zal ...")."""
    if hit.owner.kind != "name" or opening_word_is_owner(w.ctx, hit.owner.text, norm):
        return hit
    rest = norm.lstrip(" -*•")[len(hit.owner.text or ""):]
    for again in rules.analyse(rest, w.mode):
        if again.kind == "action" and again.owner.kind in ("name", "redacted", "team"):
            return rules.Hit("action", again.owner, hit.cue, hit.strong, hit.label_end)
    return rules.Hit("action", rules.Owner("none"), hit.cue, True, hit.label_end) if hit.strong else None


def _add_action(w: _Walk, hit: rules.Hit, norm: str, s: int, e: int, adjacent: bool,
                previous_subject: tuple[str | None, bool] | None) -> None:
    ctx = w.ctx
    checked = _real_owner(w, hit, norm)
    if checked is None:
        return
    hit = checked
    if hit.cue == "actie-eigenaar" and adjacent and w.last_hit is not None and w.last_hit[0] == "action":
        owner, redacted = doc.owner_string(ctx, hit.owner, None)  # "Hennie neemt dit mee ...\nACTIE Hennie": one action
        return _replace_action(w, w.last_hit[1], w.last_hit[1].citation.start, e, owner=owner, owner_redacted=redacted)
    follow_up = hit.owner.kind in ("none", "pronoun") and not hit.strong
    if follow_up and adjacent and w.last_hit is not None:
        kind, prev = w.last_hit
        if kind == "action":  # "Komt hierop terug." / "Zij pakken dit op": same action
            _replace_action(w, prev, prev.citation.start, e)
        return
    if hit.owner.kind == "none" and not hit.strong:
        return
    prev_owner = previous_subject
    if hit.owner.kind == "pronoun" and w.last_hit is not None and w.last_hit[0] == "action":
        prev_owner = (w.last_hit[1].owner, w.last_hit[1].owner_redacted)
    owner, redacted = doc.owner_string(ctx, hit.owner, prev_owner)
    due, due_date = due_for(ctx, norm, owner, w.contexts)
    asked = w.prev_clause
    if asked is not None and re.match(r"(?:dit|dat|deze|die)\b", norm, re.I) and rules.is_question_like(asked[2]) \
            and 0 <= s - asked[1] < 40 and "\n\n" not in w.raw[asked[1]:s]:
        s = asked[0]  # "X vraagt of ... Dit wordt nagegaan door de secretaris.": the question says what is done
    start = antecedent_start(w, norm, s)
    if start < s and due is None and (found := find_due(w.prev_clause[2], ctx.meeting.date)) is not None:
        due, due_date = found.as_written, found.date  # "Workshop Jeugdwet 11 mei\nSjaak gaat deze workshop volgen."
    s = start
    initials = trailing_initials(w.raw, s, e)
    if initials and hit.owner.kind in ("none", "pronoun", "team"):  # "... weg wijs te maken\n(SG) AS": AS acts
        owner, redacted, e = initials.group("ini"), False, max(e, initials.end("ini"))
    if hit.cue == "punt blijft staan":  # "<nr> Dit punt blijft staan. Er zijn zaken aangepast ...": the whole row
        row_end = re.search(r"\n[ \t]*(?:\n|[A-Z]{0,4}[-.]?\d{3,})|$", w.raw[e:e + 400])
        ctx.claimed.setdefault(w.source.id, []).append((e, e + row_end.start()))
        e += len(w.raw[e:e + row_end.start()].rstrip())
    act = Action(id=stable_id(ctx.meeting.id, "action", s, e), meeting_id=ctx.meeting.id,
                 item=w.top.number if w.top else None, text=doc.display(ctx, w.source, s, e), owner=owner,
                 owner_redacted=redacted, due=due, due_date=due_date, from_actielijst=w.from_actielijst,
                 citation=doc.citation(ctx, w.source, s, e, w.top))
    ctx.actions.append(act)
    w.last_hit, w.last_end = ("action", act), e


def _read_clause(w: _Walk, s: int, e: int) -> None:
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
    if not hits and _term_of_previous(w, norm, s, e, adjacent):
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
            _add_decision(w, norm, s, e)
        elif hit.kind == "postponed":
            _add_postponed(w, norm, s, e)
        else:
            _add_action(w, hit, norm, s, e, adjacent, previous_subject)


def _claimed(w: _Walk, s: int, e: int) -> bool:
    """A line already read as a row of a detached Besluit column (summarise/extract/columns.py)."""
    return any(a < e and s < b for a, b in w.ctx.claimed.get(w.source.id, ()))


def _is_title_line(w: _Walk, s: int, e: int) -> bool:
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
    w = _Walk(ctx, source, doc.top_item(ctx.meeting, item) if item else None, mode, from_actielijst, contexts,
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
