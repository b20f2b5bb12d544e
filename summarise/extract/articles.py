"""A council page's decision block: each point publishes its motivation (Aanleiding, Juridisch kader,
Argumentatie, Financiële gevolgen), then a heading "Besluit" / "Beslissing" right followed by "Artikel 1." or
"Enig artikel." and the vote ("Stemmingen / goedgekeurd"). The decision of the meeting is the first article;
the motivation before the heading records no decision or task of this meeting (it cites laws, earlier decisions
and other bodies), and the later articles carry the decision out (mandates, volmachten, who receives a copy).
A point whose vote after the block is rejected decides nothing; one held over is postponed.
Cue families: article_block (the heading and the first article), outcome_heading, bare_outcome (notulist/nl/data/).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notulist.models import AgendaItem, Decision, Postponed, Source, stable_id
from notulist.nl import lexicon
from summarise import rules
from summarise.extract import document as doc
from summarise.extract.document import Ctx
from summarise.extract.outcomes import OutcomeKind, outcome_kind

Span = tuple[int, int]
_MAX_DECISION = 600  # the first sentence of the article, not the whole regulation
# the vote written between the heading and the first article ("BESLUIT / eenparig / Art. 1:")
_VOTE_LINE = re.compile(r"^\W*(?:eenparig|unaniem|met\s+algemene\s+stemmen|met\s+\d+\s+stemmen\b[^.]{0,120})\W*$", re.I)


@dataclass(frozen=True)
class ArticleBlock:
    heading: int  # where the block heading's line starts
    decision: Span | None  # the first article's decision text (its label left out); None: a regulation's text
    outcome: OutcomeKind | None  # the vote under the block, where one is written
    walk: bool = False  # "BESLUIT: / Gedeputeerde Staten besluiten: / 1. ...": read the block clause by clause


def _besluit_intro_block(raw: str, lines: list[Span], i: int) -> bool:
    """"BESLUIT:" heading an item's decision after its summary: the line goes on with (or is followed by) the
    body's "... besluiten:" intro."""
    head = raw[lines[i][0]:lines[i][1]]
    m = re.match(r"\W*besluit\s*:\s*", head, re.I)
    if not m:
        return False
    rest = head[m.end():]
    following = raw[lines[i + 1][0]:lines[i + 1][1]] if i + 1 < len(lines) else ""
    return bool(rules.DECISION_INTRO.search(rest) or re.search(r"\bbesl\w*\s*:\s*1[.)]\s", rest, re.I)
                or (not rest.strip() and rules.DECISION_INTRO.search(following)))


def _lines(raw: str, lo: int, hi: int) -> list[Span]:
    return [(lo + m.start(), lo + m.end()) for m in re.finditer(r"[^\n]+", raw[lo:hi]) if m.group(0).strip()]


def _first_sentence(raw: str, s: int, hi: int) -> Span | None:
    clauses = rules.split_clauses(raw, s, min(hi, s + 4 * _MAX_DECISION))
    if not clauses:
        return None
    a, b = clauses[0]
    return (a, b) if b - a <= _MAX_DECISION else None


def _vote_after(raw: str, lines: list[Span], start: int) -> OutcomeKind | None:
    """The outcome written under a "Stemming(en)" heading after the articles ("goedgekeurd", "verworpen")."""
    heading = rules.cue("outcome_heading")
    for i in range(start, len(lines) - 1):
        text = raw[lines[i][0]:lines[i][1]].strip()
        if heading.match(text) or re.match(r"^\W*stemmingen\W*$", text, re.I):
            return outcome_kind(" ".join(raw[lines[i + 1][0]:lines[i + 1][1]].split()))
    return None


def article_block(raw: str, lo: int, hi: int) -> ArticleBlock | None:
    """The decision block of the point raw[lo:hi]: its heading right followed by its first article, or None."""
    heading_rx, article_rx = lexicon().each("article_block")
    lines = _lines(raw, lo, hi)
    for i in range(len(lines)):
        if _besluit_intro_block(raw, lines, i):
            return ArticleBlock(heading=lines[i][0], decision=None, outcome=None, walk=True)
        if i + 1 >= len(lines):
            break
        head = raw[lines[i][0]:lines[i][1]]
        if not heading_rx.match(head.strip()):
            continue
        j = i + 1  # "BESLUIT / eenparig / Art. 1:": the vote may stand between the heading and the first article
        while j + 1 < len(lines) and _VOTE_LINE.match(raw[lines[j][0]:lines[j][1]]):
            j += 1
        a, b = lines[j]
        art = article_rx.match(raw[a:b])
        if not art:
            if any(re.match(r"\W*(?:artikel|art\.?)\s*\d", raw[x:y], re.I) for x, y in lines[i + 1:i + 4]):
                # "Beslissing / INLEIDING / Artikel 1. Dit participatiebeleid geeft weer ...": the block is the
                # regulation itself, its articles are its text; no decision sentence to cite
                return ArticleBlock(heading=lines[i][0], decision=None, outcome=None)
            continue
        text_start = a + art.end()
        rest = raw[text_start:b].strip(" \t\u200b")
        if not rest and j + 1 < len(lines):  # "Artikel 1." on a line of its own, its text on the next
            text_start = lines[j + 1][0]
        while text_start < hi and (raw[text_start].isspace() or raw[text_start] == "\u200b"):
            text_start += 1
        sentence = _first_sentence(raw, text_start, hi)
        if sentence is None:
            return None
        return ArticleBlock(heading=lines[i][0], decision=sentence, outcome=_vote_after(raw, lines, j + 1))
    return None


def read_article_block(ctx: Ctx, source: Source, item: AgendaItem, block: ArticleBlock) -> None:
    """The point's decision (or its postponement) from its decision block."""
    top = doc.top_item(ctx.meeting, item)
    if block.decision is None:
        return
    s, e = block.decision
    if block.outcome == "rejected":
        return
    if block.outcome == "held":
        if not any(p.item == top.number for p in ctx.postponed):
            ctx.postponed.append(Postponed(
                id=stable_id(ctx.meeting.id, "postponed", s, e), meeting_id=ctx.meeting.id, item=top.number,
                item_title=top.title, text=doc.display(ctx, source, s, e), citation=doc.citation(ctx, source, s, e, top)))
        return
    ctx.decisions.append(Decision(
        id=stable_id(ctx.meeting.id, "decision", s, e), meeting_id=ctx.meeting.id, item=top.number,
        text=doc.display(ctx, source, s, e), citation=doc.citation(ctx, source, s, e, top)))


_NUMBERED = re.compile(r"(?:(?<=[:;])|^)\s*\d{1,2}[.)]\s+(?=\S)")


def split_beslispunten(raw: str, spans: list[Span]) -> list[Span]:
    """"Gedeputeerde Staten besluiten: 1. het project ... in te dienen; 2. het bedrag ... te reserveren; 3. ..."
    written on one line: the intro and each numbered besluit clause (without its number) as clauses of their own."""
    out: list[Span] = []
    for a, b in spans:
        text = raw[a:b]
        first = re.search(r":\s*1[.)]\s+\S", text)
        if not first or not re.search(r";\s*2[.)]\s+\S", text[first.end():]):
            out.append((a, b))
            continue
        out.append((a, a + first.start() + 1))
        marks = [m for m in _NUMBERED.finditer(text, first.start() + 1)]
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
            piece = text[m.end():end].rstrip()
            if piece:
                out.append((a + m.end(), a + m.end() + len(piece)))
    return out
