"""Retrieval hits and answers scored as ../shared/eval/README.md says: a passage hits when it covers half of
a gold evidence quote; an answer carries key facts and cites exact quotes that overlap the evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from eval.metrics import NormText, Ratio, Span, normalize, overlap
from notulist.models import Answer, Citation, Source

KEY_FACT_THRESHOLD = 90  # rapidfuzz partial_ratio
MAX_PASSAGE_TOKENS = 320  # cl100k_base; a longer passage is a retrieval miss


@dataclass
class Passage:
    source_id: str
    start: int
    end: int
    text: str


Evidence = dict[str, list[Span]]  # source id -> normalised spans of the gold evidence quotes


def covers(passage: Passage, evidence: Evidence, docs: dict[str, NormText]) -> bool:
    """The passage covers at least half of one gold evidence quote (normalised characters)."""
    doc = docs.get(passage.source_id)
    if doc is None:
        return False
    span = doc.span(passage.start, passage.end)
    return any(2 * overlap(span, ev) >= (ev[1] - ev[0]) > 0 for ev in evidence.get(passage.source_id, []))


def first_hit_rank(passages: Sequence[Passage], evidence: Evidence, docs: dict[str, NormText],
                   count_tokens, max_tokens: int = MAX_PASSAGE_TOKENS) -> int | None:
    """1-based rank of the first passage that covers an evidence quote and is short enough."""
    for rank, p in enumerate(passages, start=1):
        if count_tokens(p.text) > max_tokens:
            continue  # pointing at the whole meeting is not pointing at the place
        if covers(p, evidence, docs):
            return rank
    return None


def key_facts_found(answer_text: str, key_facts: Sequence[str]) -> int:
    """Key facts present in the answer (partial_ratio >= 90 against the normalised answer)."""
    ans = normalize(answer_text)
    return sum(1 for f in key_facts if normalize(f) and fuzz.partial_ratio(normalize(f), ans) >= KEY_FACT_THRESHOLD)


@dataclass
class AnswerScore:
    facts: Ratio
    cited_ok: bool
    quotes: int
    non_exact: int


def is_exact(citation: Citation, sources: dict[str, Source]) -> bool:
    source = sources.get(citation.source_id)
    return (source is not None and bool(citation.quote.strip())
            and source.raw_text[citation.start:citation.end] == citation.quote)


def score_answer(answer: Answer, key_facts: Sequence[str], evidence: Evidence,
                 docs: dict[str, NormText], sources: dict[str, Source]) -> AnswerScore:
    """Key facts, whether a cited quote overlaps a gold evidence quote, and quotes not in the source.

    A citation that is not an exact span of its source cannot point at the evidence."""
    cited_ok, non_exact = False, 0
    for c in answer.citations:
        if not is_exact(c, sources):
            non_exact += 1
            continue
        doc = docs.get(c.source_id)
        if doc is None:
            continue
        span = doc.span(c.start, c.end)
        if any(overlap(span, ev) > 0 for ev in evidence.get(c.source_id, [])):
            cited_ok = True
    return AnswerScore(Ratio(key_facts_found(answer.answer, key_facts), len(key_facts)), cited_ok,
                       len(answer.citations), non_exact)
