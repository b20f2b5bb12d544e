"""The proposal beside its outcome: where a besluitenlijst writes under one item both what was put to the meeting
("Voorstel: ...", "Advies: in te stemmen met ...", "Beslispunten: 1. ... 2. ...") and how it ended ("Besluit:
conform advies.", "Besluit: akkoord, met de aanpassing ..."), the outcome is the decision and the proposal lines
are not decisions of their own (a GS besluitenlijst, a waterschap's terugkoppeling of besluiten)."""

from __future__ import annotations

import re

from notulist.models import Decision, Source
from summarise import rules
from summarise.rules.cues import LABEL

# "Beslispunten:" / "Advies:" / "Voorstel:" on a line of its own, with the numbered points below it
_PROPOSAL_HEAD = re.compile(r"^\W*(?:beslispunt(?:en)?|voorstel(?:len)?|advies|voorgesteld(?:e)?\s+besluit|"
                            r"gevraagd(?:e)?\s+besluit|te\s+nemen\s+besluit)\s*:\s*$", re.I)
_POINT = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s", re.I)


def is_outcome_line(line: str) -> bool:
    """"Besluit: conform advies.", "Besluit: akkoord, met ...", "Het college besluit conform voorstel.",
    "Conform.": how the item ended (not "Beslispunt:", not "Besluitvorming:")."""
    label = LABEL.match(line)
    if label and re.fullmatch(r"besl(?:uit|oten|issing)\w*", label.group("label"), re.I) \
            and not label.group("label").lower().startswith("beslispunt"):
        return True
    return bool(rules.cue("bare_outcome").match(line) or rules.cue("bare_adoption").match(line)
                or re.search(r"\bbesl(?:uit|uiten|oten)\s+conform\b", line, re.I))


def _is_proposal(quote: str, raw: str, start: int) -> bool:
    """The decision's quote is what was put to the meeting: it opens with a proposal label ("Advies: ...",
    "Voorstel: ...", "Beslispunten:"), or it is a numbered point under such a label on an earlier line."""
    first = quote.strip().splitlines()[0] if quote.strip() else ""
    label = LABEL.match(first)
    if (label and label.group("label").lower().startswith(("advies", "beslispunt"))) \
            or (rules.cue("proposal").search(first) and not rules.cue("proposal_outcome").match(first)):
        return True
    lines = raw[:start].splitlines()[-8:]
    for line in reversed(lines[:-1] if lines and not raw[:start].endswith("\n") else lines):
        if _PROPOSAL_HEAD.match(line):
            return True
        if not _POINT.match(line) and line.strip():
            return False
    return False


def proposals_beside_outcome(decisions: list[Decision], sources: dict[str, Source]) -> list[Decision]:
    """The decisions without the proposal lines of an item whose outcome is written beside them."""
    def lines(d: Decision) -> list[str]:
        return [ln for ln in d.citation.quote.splitlines() if ln.strip()]
    with_outcome = {d.item for d in decisions if d.item and any(is_outcome_line(ln) for ln in lines(d))}
    kept = []
    for d in decisions:
        source = sources.get(d.citation.source_id)
        if (d.item in with_outcome and source is not None and not any(is_outcome_line(ln) for ln in lines(d))
                and _is_proposal(d.citation.quote, source.raw_text, d.citation.start)):
            continue
        kept.append(d)
    return kept


# a decision sentence that points back at the sentence before it: "Dat hebben Gedeputeerde Staten besloten.",
# "Dit heeft het college besloten.", "De Provincie stemt hier mee in.", "Het bestuur gaat daarmee akkoord.", with an
# adverb inside the split form ("De expertgroep gaat daar inderdaad mee akkoord.")
_POINTS_BACK = re.compile(r"^\W*(?:dat|dit)\s+(?:heeft|hebben|is|werd|wordt)\b|\b(?:hier|daar)\s*(?:[a-zà-ÿ]+\s+){0,2}?(?:mee|toe)\b"
                          r"(?:\s+\S+){0,2}?\s+(?:in|akkoord)\b", re.I)


def with_sentence_pointed_at(decisions: list[Decision], sources: dict[str, Source]) -> list[Decision]:
    """A decision that points back ("Dat hebben GS besloten.") is cited with the sentence it points at, in the
    same paragraph ("Hiervoor is 3 miljoen euro gereserveerd. Dat hebben Gedeputeerde Staten besloten.")."""
    out = []
    for d in decisions:
        source, c = sources.get(d.citation.source_id), d.citation
        if source is not None and _POINTS_BACK.search(c.quote) and "\n" not in c.quote:
            raw = source.raw_text
            before = raw[:c.start]
            line_start = before.rfind("\n") + 1
            head = before[line_start:].rstrip()
            if head.endswith((".", "!", "?")) and len(head) - len(head.lstrip()) < len(head):
                cut = max((m.end() for m in re.finditer(r"[.!?]\s+(?=[A-ZÀ-Ý])", head[:-1])), default=0)
                start = line_start + cut + (len(head[cut:]) - len(head[cut:].lstrip()))
                if 0 < c.start - start <= 400:
                    d = d.model_copy(update={"citation": c.model_copy(update={"start": start, "quote": raw[start:c.end]})})
        out.append(d)
    return out
