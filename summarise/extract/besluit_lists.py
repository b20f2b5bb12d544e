"""How besluitenlijsten of executive bodies (Gedeputeerde Staten, the college, a board) write their besluiten, as
far as the clause walk needs to know it:

- A list number on a line of its own ("1.", "2)", "1..") is no clause: the sentence splitter cuts it off the besluit
  clause that follows ("Het college besluit:\\n1. In te stemmen met ..."), and a clause that ends in it ("... Het
  college besluit:\\n1.") is the clause without it (`drop_list_numbers`).
- A besluit that forwards a proposal to another body quotes that body's beslispunten ("Bijgaand raadsvoorstel met de
  beslispunten: / De raad besluit / 1. kennis te nemen van ..."): those are the other body's decisions still to be
  taken; this body's decision is to put them to it (the closing "en ... voor te leggen aan de raad", or "Aan de raad
  voor te stellen" with its first point) (`read_quoted`, cue family quoted_proposal).
- In the besluitenlijst of an executive body the body's own besluit is often written with a verb no general decision
  cue holds ("Gedeputeerde Staten hebben kennis genomen van ...", "In een brief verklaren GS dat ...", "De provincie
  verstrekt subsidie aan ..."), and its formal name ("Het College van Gedeputeerde Staten van Fryslân heeft besloten")
  is no other body there (`executive_decision`, cue family executive_besluit).
- A point that states its decision twice, as its summary line and as its first article ("De notulen ... worden
  goedgekeurd." / "Art. 1 De notulen ... worden goedgekeurd."), has one decision (`without_restated`).
- In such a besluitenlijst an impersonal "Er is besloten ..." right after what another body did ("De IPO-adviescommissie
  ... is vervallen. Er is besloten een schriftelijke consultatieronde in te lassen.") is that body's decision, not the
  executive's: its own besluiten name it (`executive_decision` / `others_impersonal`).
- Under a "Voorstel van beslissing" / "Ontwerpbesluit" heading the articles are the decision put to the meeting, not
  taken at it (a toelichtende nota, an agenda bundle), until a "Besluit" line records one (`proposed_block`).
- Under a "Mededelingen:" label what "er is besloten / afgesproken" reports was settled elsewhere ("Liquidatie SB|G:
  Er is besloten om het servicebureau op te heffen."): an announcement, no decision of this meeting (`announced`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notulist.models import AgendaItem, Decision, Meeting
from notulist.nl import lexicon
from summarise.rules.cues import PAST_REFERENCE
from summarise.rules.hits import Hit

Span = tuple[int, int]

# "1.", "2)", "1..", "a.", "IV." alone
_LIST_NUMBER = re.compile(r"[ \t]*(?:\d{1,3}|[a-z]|[IVX]{1,5})(?:\.{1,2}|\))[ \t]*")


def drop_list_numbers(raw: str, spans: list[Span]) -> list[Span]:
    """The clauses without the list numbers that stand alone on a line: a clause that is only such a number is
    left out, one that ends in such a line ends before it."""
    out: list[Span] = []
    for a, b in spans:
        if _LIST_NUMBER.fullmatch(raw[a:b]):
            continue
        nl = raw.rfind("\n", a, b)
        if nl > a and _LIST_NUMBER.fullmatch(raw[nl + 1:b]) and raw[a:nl].strip():
            b = a + len(raw[a:nl].rstrip())
        out.append((a, b))
    return out


@dataclass
class Quote:
    """A quoted proposal being read: whether this body's "voor te stellen" line came, and whether its decision is
    cited already."""

    proposing: bool = False
    decided: bool = False


_QUOTED_LINE = re.compile(r"^\W*(?:\d{1,2}[.)]|[a-z][.)]|(?-i:[a-zà-ÿ]))")


def _other_body(line: str, heading: str) -> bool:
    """The body of a "De raad besluit" line is not the one whose besluitenlijst this is."""
    subject = re.sub(r"^\W*(?:aan\s+)?(?:de|het)\s+", "", line.lower())
    subject = re.split(r"\s+(?:besl|voor\s+te)", subject)[0].strip()
    return not re.search(r"\b" + re.escape(subject) + r"\b", heading.lower())


def read_quoted(w, norm: str, is_list_line: bool) -> list[Hit] | None:
    """The clause read inside (or as the start of) a quoted proposal: [] for a quoted point or a line of the
    quotation, [decision] for this body's own decision in it, None when the clause is no part of one (the walk
    reads it as usual; a quotation ends at such a clause)."""
    opening, body_line, proposing, closing = lexicon().each("quoted_proposal")
    q: Quote | None = w.quote
    heading = " ".join((w.ctx.meeting.title or "", w.raw[:200]))
    if q is None:
        if opening.search(norm) or (w.list_kind == "decision" and w.besluit_intro and body_line.match(norm)
                                    and _other_body(norm, heading)):
            w.quote = Quote()
            return []
        return None
    if closing.match(norm):  # the besluit is complete: what follows is no clause of it
        w.quote, w.list_kind, w.besluit_intro = None, None, False
        return [] if q.decided else [Hit("decision", cue="voorstel aan ander orgaan")]
    if body_line.match(norm):
        return []
    if proposing.match(norm):
        q.proposing = True
        return []
    if is_list_line or _QUOTED_LINE.match(norm):
        if q.proposing and not q.decided:
            q.decided = True
            return [Hit("decision", cue="voorstel aan ander orgaan")]
        return []
    w.quote = None
    return None


_NOT_NOW = r"(?!(?:zal|zullen|zou|zouden|wil|willen|kan|kunnen|moet|moeten|wordt|worden|gaat|gaan)\b)"


_FORMS: dict[int, tuple[object, tuple[re.Pattern[str], ...]]] = {}  # id(lexicon) -> (lexicon, composed patterns)


def _executive_forms() -> tuple[re.Pattern[str], ...]:
    lex = lexicon()
    if id(lex) in _FORMS and _FORMS[id(lex)][0] is lex:
        return _FORMS[id(lex)][1]
    heading, body, after, before, grant = lex.each("executive_besluit")
    first = re.compile(rf"^\W*(?:(?:ook|daarnaast|verder|tevens|vervolgens)\s+)?(?:{body.pattern})\s+{_NOT_NOW}"
                       rf"(?:[^.;]{{0,200}}?\s)?(?:{after.pattern})", re.I)
    inverted = re.compile(rf"{before.pattern}(?:{body.pattern})\b", re.I)
    _FORMS[id(lex)] = (lex, (heading, first, inverted, grant))
    return _FORMS[id(lex)][1]


def _heading_line(raw: str, s: int) -> bool:
    """The clause at s is a line alone between blank lines, without a full stop: a heading ("GS reageren op ontwerp
    beleidsnota ...")."""
    start = raw.rfind("\n", 0, s) + 1
    end = raw.find("\n", s)
    end = len(raw) if end < 0 else end
    line = raw[start:end].strip()
    return (bool(line) and not raw[start:s].strip() and not re.search(r"[.!?;:]\W*$", line)
            and (start == 0 or not raw[raw.rfind("\n", 0, start - 1) + 1:start - 1].strip())
            and not raw[end + 1:raw.find("\n", end + 1) if raw.find("\n", end + 1) >= 0 else len(raw)].strip())


def executive_decision(meeting: Meeting, raw: str, s: int, norm: str) -> bool:
    """The clause at raw[s:] records the executive body's own besluit, in that body's besluitenlijst."""
    if meeting.doc_kind != "besluitenlijst" or PAST_REFERENCE.search(norm) or norm.rstrip().endswith("?") \
            or _heading_line(raw, s):
        return False
    heading, first, inverted, grant = _executive_forms()
    if not heading.search(" ".join((meeting.title or "", raw[:400]))):
        return False
    return bool(first.search(norm) or inverted.search(norm) or grant.search(norm))


_ARTICLE_LABEL = re.compile(r"^\W*(?:(?:artikel|art\.?)\s*\d{1,2}\b\s*[.:)]?|enig\s+artikel\b\s*[.:]?)\s*", re.I)


def without_restated(decisions: list[Decision]) -> list[Decision]:
    """The decisions without a second one of the same item that says the same words again (its article label
    aside); of the two, the article stays (it is the besluit, the other line summarises it)."""
    def key(d: Decision) -> tuple[str | None, str]:
        return d.item, " ".join(re.findall(r"\w+", _ARTICLE_LABEL.sub("", d.citation.quote).lower()))

    best: dict[tuple[str | None, str], Decision] = {}
    for d in decisions:
        k = key(d)
        article = bool(_ARTICLE_LABEL.match(d.citation.quote))
        if k[1] and (k not in best or (article and not _ARTICLE_LABEL.match(best[k].citation.quote))):
            best[k] = d
    return [d for d in decisions if not key(d)[1] or best[key(d)] is d]


_ANNOUNCEMENTS = re.compile(r"^\W*(?:mededelingen?|ter\s+kennisname|ingekomen\s+stukken)\W*:\W*$", re.I)
_IMPERSONAL_DONE = re.compile(r"\ber\s+(?:is|werd|zijn|werden)\s+(?:\S+\s+){0,3}?(?:besloten|afgesproken|ingestemd)\b", re.I)


def announced(raw: str, s: int, norm: str) -> bool:
    """The clause at s reports, under a "Mededelingen:" line of its paragraph, that something was settled."""
    if not _IMPERSONAL_DONE.search(norm):
        return False
    block = raw.rfind("\n\n", 0, s)
    lines = raw[block + 1 if block >= 0 else 0:raw.rfind("\n", 0, s) + 1].splitlines()  # the lines above the clause's
    return any(_ANNOUNCEMENTS.match(line) for line in lines if line.strip())


# "3. Mededelingen directeur / Schoolgids goedgekeurd.": under an item of announcements a bare outcome, a subject and its
# participle with no one who decided, is news of what was settled elsewhere
_ANNOUNCEMENT_ITEM = re.compile(r"^\W*(?:\d{1,2}[a-z]?[.)]?\s+)?mededelingen?\b", re.I)
_BARE_OUTCOME = re.compile(r"^\W*(?:[\w'/-]+\s+){1,5}?(?:is\s+|zijn\s+)?(?:goedgekeurd|vastgesteld|aangenomen|akkoord|besloten|"
                           r"bekrachtigd|getekend|ondertekend)\W*$", re.I)


def announced_in_item(item: AgendaItem | None, norm: str) -> bool:
    """The clause is a bare outcome ("Schoolgids goedgekeurd.") in the text of a "Mededelingen ..." item."""
    return item is not None and bool(_ANNOUNCEMENT_ITEM.match(item.title or "")) and bool(_BARE_OUTCOME.match(norm))


_OTHER_BODY = re.compile(r"^\W*(?:de|het)\s+(?:[\w-]+\s+){0,2}?[\w-]*(?:commissie|raad|bestuur|overleg|vergadering|waterschap|"
                         r"gemeente|minister|ministerie|kabinet|stuurgroep|werkgroep|directie)\b", re.I)


def others_impersonal(meeting: Meeting, raw: str, s: int, norm: str) -> bool:
    """The impersonal decision at s follows, in its paragraph, a sentence about another body, in an executive
    body's besluitenlijst that does not name itself there."""
    if meeting.doc_kind != "besluitenlijst" or not _IMPERSONAL_DONE.search(norm) or not re.match(r"\W*er\b", norm, re.I):
        return False
    heading, first, inverted, grant = _executive_forms()
    if not heading.search(" ".join((meeting.title or "", raw[:400]))):
        return False
    block = raw.rfind("\n\n", 0, s)
    before = raw[block + 2 if block >= 0 else 0:s]
    body = lexicon().each("executive_besluit")[1]
    return bool(before.strip()) and bool(_OTHER_BODY.match(before)) and not body.search(before)


_PROPOSAL_HEADING = re.compile(r"^\W*(?:voorstel\s+(?:van|tot)\s+(?:beslissing|besluit)|ontwerp[- ]?(?:beslissing|besluit)|"
                               r"voorgestelde?\s+(?:beslissing|besluit)|gevraagde?\s+(?:beslissing|besluit))\W*:?\W*$", re.I)
_RECORDED = re.compile(r"^\W*(?:besluit|beslissing|besloten|stemming)\b", re.I)


def proposed_block(w, norm: str) -> bool | None:
    """True for the heading of a proposed decision (the walk then reads what follows as proposed), False for the
    line that records the decision taken (it ends the proposal), None for any other clause."""
    if _PROPOSAL_HEADING.match(norm):
        w.proposed = True
        return True
    if w.proposed and _RECORDED.match(norm):
        w.proposed = False
        return False
    return None
