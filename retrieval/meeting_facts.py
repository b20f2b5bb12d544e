"""Facts of a meeting itself: where it met, who chaired, who took the minutes, who attended or sent
apologies, when the next meeting is, when the stuk was published ("Waar vergadert het algemeen bestuur op
5 december 2007?", "Wie notuleerde ...?"). Such a fact sits beside a label ("Plaats: Hof van Breda",
"**Verslaggever** | Owen Van Damme", "Locatie" above "Het Waterschapshuis", "Er is één afmelding van
...") more than in a sentence about the question's words, so the answer quotes the labelled span of the
meetings the search found, the meeting held on a named day first. The question and label words are data
(notulist/nl/data/retrieval.toml, `[meeting_fact.*]`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from notulist.models import Meeting, Source
from notulist.nl import Lexicon, lexicon
from notulist.text import clause_spans
from retrieval.index import SearchHit
from retrieval.intent import Intent, matches_day
from retrieval.quotes import Context, Group, Quote, body_words, citation_of, trim_span

MAX_FACT_CHARS = 160  # a labelled fact quoted at most this long (a one-line PDF header runs on)

MAX_LEAD = 60  # a clause that starts at most this far before its label is quoted whole ("Er is één afmelding")

MAX_LIST_LINES = 3  # lines of a list quoted after a label that ends in a colon

MAX_FACT_MEETINGS = 3  # meetings whose fact is quoted when the question does not single one out

NEAR_BEST = 0.8  # ... those whose best hit scores at least this share of the best meeting's

_NEXT_LABEL = re.compile(r"\s(?=[A-Z][\w/-]{2,}\s?:)")  # "Plaats: Hof van Breda Nummer : ..." ends before "Nummer"


@lru_cache(maxsize=16)
def _facts(lex: Lexicon) -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    data = lex.table("retrieval.toml")["meeting_fact"]
    def alt(patterns):
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)
    return {name: (alt(d["question"]), alt(d["label"])) for name, d in data.items()}


def asked_facts(question: str) -> list[str]:
    """The facts of the meeting itself the question asks for, in the data's order."""
    return [name for name, (asks, _) in _facts(lexicon()).items() if asks.search(question)]


def _line(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _has_value(text: str, start: int, end: int) -> bool:
    return bool(re.search(r"[^\W_]", text[start:end]))


def fact_span(text: str, m: re.Match) -> tuple[int, int] | None:
    """The labelled fact as an exact span: from a label with a colon on, else the clause holding the label
    when it starts close before it ("Er is één afmelding van ..."), else from the label on; the label's line, or the next line when the value stands under the label;
    cut before the next label and at MAX_FACT_CHARS."""
    line_start, line_end = _line(text, m.start())
    start = m.start()
    clause = next(((s, e) for s, e in clause_spans(text, line_start, line_end) if s <= m.start() < e), None)
    labelled = m.group(0).rstrip().endswith((":", "|"))  # "Plaats: ..." starts the fact; "... afwezig gemeld" not
    if clause is not None and not labelled and m.start() - clause[0] <= MAX_LEAD:
        start = clause[0]
    end = line_end
    if not _has_value(text, m.end(), line_end):  # "Locatie" alone, its value on the next line with text
        nxt = re.compile(r"\n[ \t]*([^\n]*[^\W_][^\n]*)").search(text, line_end)
        if nxt is None or text[line_end:nxt.start(1)].count("\n") > 3:
            return None
        end = nxt.end(1)
    elif clause is not None and clause[1] > m.end() and _has_value(text, m.end(), clause[1]):
        end = min(end, clause[1])
    if text[start:end].rstrip().endswith(":"):  # "De voorzitter deelt volgende vergaderdata mee:" + the list
        lines = 0
        for nxt in re.finditer(r"\n([^\n]*)", text[end:min(len(text), start + MAX_FACT_CHARS)]):
            if re.search(r"[^\W_]{3}", nxt.group(1)):
                lines += 1
                last = end + nxt.end()
            elif lines and not nxt.group(1).strip():
                break  # a blank line ends the list
            if lines >= MAX_LIST_LINES:
                break
        end = last if lines else end
    cut = _NEXT_LABEL.search(text, m.end() + 2, end)
    if cut is not None and _has_value(text, m.end(), cut.start()):
        end = cut.start()
    if end - start > MAX_FACT_CHARS:
        space = text.rfind(" ", start, start + MAX_FACT_CHARS)
        end = space if space > m.end() else start + MAX_FACT_CHARS
    start, end = trim_span(text, start, end)
    return (start, end) if end > m.end() or end - start > len(m.group(0)) else None


def _find(source: Source, meeting: Meeting, label: re.Pattern[str]) -> tuple[int, int] | None:
    """The first labelled fact in the meeting's header, else in the rest of its text."""
    text = source.raw_text
    ranges = [(meeting.header_start, meeting.header_end)] if meeting.header_end > meeting.header_start else []
    ranges.append((0, len(text)))
    for lo, hi in ranges:
        for m in label.finditer(text, lo, hi):
            span = fact_span(text, m)
            if span is not None:
                return span
    return None


def _candidates(hits: list[SearchHit], intent: Intent, ctx: Context) -> tuple[list, list]:
    """The meetings the hits come from with their best score (those held on a named day alone, if any):
    those whose name holds most of the question's words ("het algemeen bestuur"), and the others."""
    best: dict[str, float] = {}
    for h in hits:
        best[h.chunk.meeting_id] = max(best.get(h.chunk.meeting_id, float("-inf")), h.score)
    on_day = {h.chunk.meeting_id for h in hits if any(matches_day(d, h.chunk.date) for d in intent.days)}
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    ranked = [kv for kv in ranked if kv[0] in on_day] or ranked
    named = {m: sum(body_words(intent, ctx.name_stems(m))) for m, _ in ranked}
    top = max(named.values(), default=0)
    return [kv for kv in ranked if named[kv[0]] == top], [kv for kv in ranked if named[kv[0]] < top]


def fact_groups(facts: list[str], hits: list[SearchHit], ctx: Context, intent: Intent) -> list[Group]:
    """One group per meeting with the asked facts quoted: the best meetings of the hits that label them."""
    named, others = _candidates(hits, intent, ctx)
    return _fact_groups(facts, named, ctx) or _fact_groups(facts, others, ctx)


def _fact_groups(facts: list[str], candidates: list[tuple[str, float]], ctx: Context) -> list[Group]:
    patterns = _facts(lexicon())
    groups: list[Group] = []
    top = None
    for meeting_id, score in candidates:
        if len(groups) >= MAX_FACT_MEETINGS or score < NEAR_BEST * (candidates[0][1] if top is None else top):
            break
        meeting = ctx.meeting(meeting_id)
        source = ctx.source(meeting.source_ids[0]) if meeting is not None and meeting.source_ids else None
        if source is None:
            continue
        group = Group(meeting_id, meeting.date, None, None, score, doc_kind=meeting.doc_kind,
                      prepared=meeting.doc_kind not in ("minutes", "besluitenlijst"))
        for name in facts:
            span = _find(source, meeting, patterns[name][1])
            if span is not None and not any(q.citation.start == span[0] for q in group.quotes):
                group.quotes.append(Quote(citation_of(group, source, *span, score), "agenda", score))
        if group.quotes:
            groups.append(group)
            top = score if top is None else top
    return groups
