"""Records: the state of a region being read clause by clause (`Walk`), and how a clause's hits become
decisions, actions and postponed items, each cited by its exact span: an assent cited with the proposal it
answers, a follow-up ("Komt hierop terug.", "Uiterlijk 20 maart.") extending the action before it, a
postponement placed on the item it names. Used by summarise/extract/regions.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notulist.models import Action, AgendaItem, Decision, Meeting, Postponed, Source, stable_id
from summarise import rules
from summarise.extract import document as doc
from summarise.extract.document import Ctx
from summarise.extract.besluit_lists import Quote
from summarise.rules.cues import AGREED_TO
from summarise.dates import find_due
from summarise.extract.dues import due_for
from summarise.extract.evidence_span import antecedent_start, trailing_initials
from summarise.extract.owner_words import opening_word_is_owner
from summarise.extract.outcomes import repeats_assent

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


@dataclass
class Walk:
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


# "=> Best geen wachtwoorden gebruiken", "-> Bij voorkeur apart toevoegen": the advised answer to a question
ADVISED_ANSWER = re.compile(r"^\W*(?:=>|->|→)\s*(?:best|bij\s+voorkeur|liefst|beter)\b", re.I)


def replace_action(w: Walk, prev: Action, start: int, e: int, **update) -> None:
    ctx = w.ctx
    updated = prev.model_copy(update={
        **update, "text": doc.display(ctx, w.source, start, e), "citation": doc.citation(ctx, w.source, start, e, w.top),
        "id": stable_id(ctx.meeting.id, "action", start, e)})
    ctx.actions[ctx.actions.index(prev)] = updated
    w.last_hit, w.last_end = ("action", updated), e


def term_of_previous(w: Walk, norm: str, s: int, e: int, adjacent: bool) -> bool:
    """"Actie: Hans stelt de brief op. Uiterlijk 20 maart naar Weidewonen.": the term of the action before."""
    if not (adjacent and w.last_hit is not None and w.last_hit[0] == "action" and w.last_hit[1].due is None
            and "\n" not in w.raw[w.last_end:s] and rules.cue("term_sentence").match(norm)):
        return False
    prev = w.last_hit[1]
    due, due_date = due_for(w.ctx, norm, prev.owner, w.contexts)
    if due is None:
        return False
    replace_action(w, prev, prev.citation.start, e, due=due, due_date=due_date)
    return True


# "Provenance is lastig uit te drukken in DCAT. We gaan dus iets anders gebruiken": the consequence with its reason
# "De voorzitter constateert dat de vergadering instemt met het voorstel van de heer Van den Berg.": the assent names
# the proposal before it, and is cited with it
_WITH_THE_PROPOSAL = re.compile(r"\b(?:in(?:stem\w*|gestemd)|akkoord|eens)\s+(?:\S+\s+){0,2}?met\s+(?:het|dit|dat)\s+voorstel\b", re.I)
_CONSEQUENCE = re.compile(r"^\W*(?:\S+\s+){0,2}?(?:dus|daarom|derhalve)\b", re.I)
def add_decision(w: Walk, norm: str, s: int, e: int) -> None:
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
    elif (prev is not None and ADVISED_ANSWER.match(norm) and 0 <= s - prev[1] < 40
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


def _assent_to_agreement(w: Walk, norm: str, s: int) -> int | None:
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


def add_postponed(w: Walk, norm: str, s: int, e: int) -> None:
    ctx = w.ctx
    target = _postponed_target(ctx.meeting, w.top, norm)
    if target is None or any(p.item == target.number for p in ctx.postponed):
        return
    ctx.postponed.append(Postponed(
        id=stable_id(ctx.meeting.id, "postponed", s, e), meeting_id=ctx.meeting.id, item=target.number,
        item_title=target.title, text=doc.display(ctx, w.source, s, e),
        citation=doc.citation(ctx, w.source, s, e, target)))


def _real_owner(w: Walk, hit: rules.Hit, norm: str) -> rules.Hit | None:
    """"Maandelijks zal de penningmeester ... sturen": the opening adverb is no owner; the subject after the
    verb is. None when the clause has no owner left and is no labelled action ("Misschien zal ...")."""
    if hit.owner.kind != "name" or opening_word_is_owner(w.ctx, hit.owner.text, norm):
        return hit
    rest = norm.lstrip(" -*•")[len(hit.owner.text or ""):]
    for again in rules.analyse(rest, w.mode):
        if again.kind == "action" and again.owner.kind in ("name", "redacted", "team"):
            return rules.Hit("action", again.owner, hit.cue, hit.strong, hit.label_end)
    return rules.Hit("action", rules.Owner("none"), hit.cue, True, hit.label_end) if hit.strong else None


# a question raised ("vraagt (na) of ...") and, in the next sentence, taken over by another ("neemt deze vraag mee")
_RAISED = re.compile(r"\b(?:vraagt|vragen|vroeg|vroegen)\s+(?:\S+\s+){0,2}?(?:na\s+)?(?:of|wie|wat|hoe|waarom|wanneer)\b", re.I)
_THE_QUESTION = re.compile(r"\b(?:deze|die|de(?:ze)?\s+)?vra(?:ag|gen)\b|^\W*(?:ook\s+)?(?:dit|dat)\b", re.I)


def _takes_over(w: Walk, norm: str, owner: str | None) -> bool:
    """The action before is a question somebody raised and this clause gives it to another person."""
    if w.last_hit is None or w.last_hit[0] != "action" or owner is None or w.prev_clause is None:
        return False
    prev = w.last_hit[1]
    return (prev.citation.start == w.prev_clause[0] and bool(_RAISED.search(w.prev_clause[2]))
            and bool(_THE_QUESTION.search(norm)) and (prev.owner or "").casefold() != owner.casefold()
            and prev in w.ctx.actions)


def add_action(w: Walk, hit: rules.Hit, norm: str, s: int, e: int, adjacent: bool,
                previous_subject: tuple[str | None, bool] | None) -> None:
    ctx = w.ctx
    checked = _real_owner(w, hit, norm)
    if checked is None:
        return
    hit = checked
    if hit.cue == "actie-eigenaar" and adjacent and w.last_hit is not None and w.last_hit[0] == "action":
        owner, redacted = doc.owner_string(ctx, hit.owner, None)  # "Hennie neemt dit mee ...\nACTIE Hennie": one action
        return replace_action(w, w.last_hit[1], w.last_hit[1].citation.start, e, owner=owner, owner_redacted=redacted)
    follow_up = hit.owner.kind in ("none", "pronoun") and not hit.strong
    if follow_up and adjacent and w.last_hit is not None:
        kind, prev = w.last_hit
        if kind == "action":  # "Komt hierop terug." / "Zij pakken dit op": same action
            replace_action(w, prev, prev.citation.start, e)
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
    if adjacent and _takes_over(w, norm, owner):
        ctx.actions.remove(w.last_hit[1])  # "Johan vraagt na of ... Jan neemt deze vraag mee": Jan's task, not Johan's
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
