"""Outcome labels and wrapped lines: how besluitenlijsten write a vote next to its subject, and how PDF text
breaks a sentence over lines.

- A bare outcome ("Aangenomen", "Gevolg: goedgekeurd", "Conform", a cell of a Besluit column) says how a vote
  ended, not what was decided: the decision is the subject it stands next to (the motion, proposal or item line
  right before it, or the item's heading when the label is all the item says), cited together with the label.
  A label right after the decision sentence it repeats adds nothing; a rejected or withdrawn subject
  ("Verworpen", "Ingetrokken") decides nothing; a held one ("Aangehouden", "Niet in stemming gebracht") is
  postponed. Where no subject stands next to the label, nothing is recorded (precision first).
- A sentence that a PDF wrapped over two lines ("... van de kerkfabriek OLV Geboorte \\nNazareth positief.") is
  one clause again (`join_wrapped`), so that its quote is the whole sentence.
Cue families: bare_outcome, rejected_outcome, held_outcome (notulist/nl/data/).
"""

from __future__ import annotations

import re
from typing import Literal

from notulist.models import AgendaItem, Meeting
from summarise import rules

Span = tuple[int, int]
OutcomeKind = Literal["adopted", "rejected", "held"]

_MAX_SUBJECT = 400  # a subject line (and its wrapped continuation) is not a page
_LIST_START = re.compile(r"\s*(?:[-*•▪→>|–—]|\d{1,3}[.)]|[a-z][.)]|[^\s:]{1,30}(?:\s[^\s:]{1,30}){0,3}:\s)")


def outcome_kind(norm: str) -> OutcomeKind | None:
    """The outcome a bare label records, or None when the clause is more than a label."""
    if not rules.cue("bare_outcome").match(norm):
        return None
    if rules.cue("rejected_outcome").search(norm):
        return "rejected"
    if rules.cue("held_outcome").search(norm):
        return "held"
    return "adopted"


def label_of_clause(raw: str, s: int, e: int) -> tuple[OutcomeKind, bool] | None:
    """(outcome, the clause is its own subject) where a clause carries an outcome label without being a
    sentence: the whole clause ("Aangenomen"), its first line with the wrapped rest of a subject after it
    ("Aangenomen \n\nondersteuning Den Haag 2018 (RIS320816)"), or a column of a row laid out with wide gaps
    ("Ingetrokken      Amendement J.A ..."), where the row itself is the subject."""
    text = " ".join(raw[s:e].split())
    kind = outcome_kind(text)
    if kind is not None:
        return kind, False
    lines = [ln.strip() for ln in raw[s:e].splitlines() if ln.strip()]
    if len(lines) > 1 and (kind := outcome_kind(lines[0])) is not None and re.match(r"[a-zà-ÿ(\d]", lines[1]):
        return kind, False
    columns = [c.strip() for c in re.split(r"[ \t]{3,}", raw[s:e].strip()) if c.strip()]
    if len(columns) > 1 and (kind := outcome_kind(columns[0]) or outcome_kind(columns[-1])) is not None:
        return kind, True
    return None


def qualified_outcome(norm: str) -> bool:
    """An adopted outcome with a short qualifier after its comma ("Akkoord, gewijzigd besloten (wijziging in
    mandatering).", "Akkoord, met een aanpassing van de termijn."): a label all the same, about the subject before it."""
    head, comma, rest = norm.partition(",")
    return bool(comma) and outcome_kind(head) == "adopted" and len(rest.split()) <= 20


def _is_subject(norm: str) -> bool:
    """A line that can be what a vote is about: a few words of its own, not a label, question or outcome."""
    words = re.findall(r"\w+", norm)
    return (len(words) >= 3 and outcome_kind(norm) is None and not rules.is_question(norm)
            and not rules.DECISION_INTRO.search(norm) and not rules.cue("meta_line").match(norm))


def _subject_line(raw: str, prev: tuple[int, int, str]) -> bool:
    """The clause before the label is a subject, or ends a line that is one: in "Z23.0412 Aankoop grond. Wethouder
    Witkam. Akkoord." the clause before the label names only the portefeuillehouder, the line names the subject."""
    return _is_subject(prev[2]) or _is_subject(" ".join(raw[_line_start(raw, prev[0]):prev[1]].split()))


def _line_start(raw: str, pos: int) -> int:
    start = raw.rfind("\n", 0, pos) + 1
    return start + len(raw[start:pos]) - len(raw[start:pos].lstrip())


def outcome_subject(raw: str, s: int, prev: tuple[int, int, str] | None, item: AgendaItem | None,
                    region_start: int) -> int | None:
    """Where the subject of the bare label at `s` starts: the clause right before it (only white space between,
    at most one blank line), from the start of its line; else the item's heading when the label is the first
    thing the item says. None when the label stands next to nothing it can be about."""
    if prev is not None and not raw[prev[1]:s].strip() and raw[prev[1]:s].count("\n") <= 3 and _subject_line(raw, prev):
        start = _line_start(raw, prev[0])
        if s - start <= _MAX_SUBJECT:
            return start
    if item is not None and not _only_meta(raw[region_start:s]) and 0 <= s - item.start <= _MAX_SUBJECT:
        return item.start
    heading = heading_before(raw, s, region_start)
    if heading is not None:  # "Besluit / Goedgekeurd": the point itself is approved
        first = item is not None and not raw[region_start:heading].strip(" \t\r\n*_:-–")
        return item.start if first and 0 <= s - item.start <= _MAX_SUBJECT else heading
    return None


def _only_meta(text: str) -> str:
    """What of the text before a label is more than white space, marks, cell separators ("Verslag 4 februari |
    Vastgesteld.": a row whose title is the item) and metadata lines ("Portefeuillehouder: ...")."""
    meta = rules.cue("meta_line")
    return "".join(ln for ln in text.splitlines() if not meta.match(ln)).strip(" \t\r\n*_:-–|")


def heading_before(raw: str, s: int, region_start: int) -> int | None:
    """Where the outcome heading ("Besluit", "Stemming") on the line right before the label at `s` starts, or
    None when no such heading stands there."""
    line_end = raw.rfind("\n", region_start, s)
    if line_end < 0 or raw[line_end:s].strip():
        return None
    before = raw[region_start:line_end].rstrip()
    start = max(region_start, before.rfind("\n") + 1 if "\n" in before else region_start)
    line = raw[start:line_end]
    if rules.cue("outcome_heading").match(line.strip()):
        return start + len(line) - len(line.lstrip())
    return None


def repeats_decision(raw: str, s: int, last_decision_end: int | None) -> bool:
    """The label follows the decision sentence it repeats ("De raad keurt ... goed. \\n Goedgekeurd")."""
    return last_decision_end is not None and 0 <= s - last_decision_end < 200 and not raw[last_decision_end:s].strip()


def join_wrapped(raw: str, spans: list[Span], min_line: int = 60) -> list[Span]:
    """Clauses the splitter cut at the end of a long line although the sentence goes on (PDF text): joined.
    A clause is continued by the next one when it ends without punctuation at a single line break, its line is
    long (wrapped prose, not a heading or a list line), and the next line is no list item."""
    out: list[Span] = []
    for a, b in spans:
        if out:
            pa, pb = out[-1]
            gap = raw[pb:a]
            line = raw.rfind("\n", 0, pb) + 1
            if (not gap.strip() and gap.count("\n") == 1 and pb - line >= min_line
                    and not re.search(r"[.!?;:]\W*$", raw[pa:pb]) and not _LIST_START.match(raw[a:b])
                    and not re.match(r"\s*(?:[-*•▪→>|–—#]|\d{1,3}[.)]\s)", raw[line:pb])
                    and not raw[a:a + 1].isdigit()):
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


def decided_elsewhere(norm: str, meeting: Meeting, raw: str) -> bool:
    """"De stuurgroep heeft besloten het budget te verhogen" in the notes of a working group: a decision of another
    body, reported (cue family other_body). It stays this meeting's decision where the meeting's own heading (its
    title and series, the document's first lines) names that body - "Verslag stuurgroep" - and, for a body written
    with its name ("de werkgroep Metadata"), that name too."""
    found = rules.cue("other_body").match(norm)
    if found is None:
        return False
    first_lines = [line for line in raw[:400].splitlines() if line.strip()][:2]
    heading = " ".join((meeting.title or "", meeting.series or "", *first_lines)).lower()
    groups = {k.rsplit("_", 1)[-1]: v for k, v in found.groupdict().items() if v is not None}
    body, name = groups["body"].lower(), " ".join(groups.get("name", "").split()).lower()
    return not (body in heading and (not name or name in heading))


# "Richting: ...", "Oplossing: ...": labels under which working groups write the direction they settled on
LINE_LABELS = ("richting", "oplossing")
_LINE_LABEL = re.compile(r"^\W*(?:richting|oplossing)\s*:\s*", re.I)
_ISSUE_LINE = re.compile(r"^\s*(?:#\d+|\d{1,3}[.)])\s+\S")
_LIST_LINE = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+\S")


def line_label_span(raw: str, s: int, e: int) -> Span:
    """What a "Richting:" clause at raw[s:e] cites: the rest of its line (telegraphic sentences, at most 400
    characters from s); a terse value ("Richting: MIM") with the lines above it in its paragraph, back to the issue
    they settle ("#8 Afkorting ontbreekt ... / Duiding: organisatorisch. / Richting: MIM"; at most three lines)."""
    end = raw.find("\n", e)
    end = len(raw) if end < 0 else end
    while end > e and raw[end - 1].isspace():
        end -= 1
    end = end if e < end and end - s <= 400 else e
    label = _LINE_LABEL.match(raw[s:end])
    if label is None or len(raw[s + label.end():end].split()) > 2:
        return s, end
    start = _line_start(raw, s)
    for _ in range(3):  # the lines above, within the paragraph
        if start == 0:
            break
        above = _line_start(raw, start - 1)
        if not raw[above:start].strip():
            break  # a blank line ends the paragraph
        start = above
        if _ISSUE_LINE.match(raw[start:s]):
            return start + len(raw[start:s]) - len(raw[start:s].lstrip()), end
    return s, end


def labelled_list_end(raw: str, norm: str, e: int) -> int | None:
    """"Richting:" alone on its line, then the list that says it ("- maak een plek voor de kerngroep / - maak een
    aparte plek voor gebruikers"): where that list ends (its lines up to a blank line, at most five), else None."""
    if not _LINE_LABEL.fullmatch(norm.strip()):
        return None
    pos, end, count = raw.find("\n", e), None, 0
    while pos >= 0 and count < 5:
        nxt = raw.find("\n", pos + 1)
        line = raw[pos + 1: nxt if nxt >= 0 else len(raw)]
        if not _LIST_LINE.match(line):
            break
        end, count, pos = pos + 1 + len(line.rstrip()), count + 1, nxt
    return end


# "Met applaus gaat de vergadering akkoord.", "Iedereen stemt in.": an assent without an object of its own
_BARE_ASSENT = re.compile(r"\b(?:gaat|gaan|is|zijn)\s+(?:\S+\s+){0,3}?akkoord\W*$|\bstem(?:t|men)\s+(?:\S+\s+){0,3}?in\W*$", re.I)


def repeats_assent(raw: str, norm: str, s: int, last_decision_end: int | None) -> bool:
    """A bare assent shortly after a decision in the same paragraph repeats it ("De vergadering stemt in met haar
    benoeming. Zij zal zich bezighouden met ... Met applaus gaat de vergadering akkoord."): no decision of its own."""
    return (last_decision_end is not None and len(norm.split()) <= 7 and bool(_BARE_ASSENT.search(norm))
            and not re.match(r"\W*(?:dit|dat|deze|die|het)\s", norm, re.I)  # "Dit is akkoord.": assent to what precedes
            and 0 <= s - last_decision_end < 300 and "\n\n" not in raw[last_decision_end:s])
