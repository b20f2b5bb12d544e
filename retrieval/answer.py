"""Answers with citations: "wat hebben we afgesproken over safe space gesprekken?".

Without an LLM (the default) the answer is extractive and Dutch: per meeting, in date order (a
timeline), the best note, decision and agenda sentences of the matching agenda items, each quoted as an
exact span of the stored raw text; it says plainly when the notes record no decision and when an item
was postponed. With an LLM configured, `retrieval.llm_answer.answer_with_llm` writes from the same
passages; anything it cannot ground falls back to the extractive answer.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from notulist.grounding import is_exact_span
from notulist.llm import LLMClient
from notulist.models import Answer
from notulist.settings import Settings
from notulist.store import MeetingStore
from retrieval.compounds import covers_word
from retrieval.index import SearchHit, SearchIndex
from retrieval.intent import Intent, detect_intent, matches_day
from retrieval.keyword import stems, words
from retrieval.listings import answer_postponed, answer_recurring, answer_tasks
from retrieval.neighbours import covers_parts
from retrieval.llm_answer import answer_with_llm
from retrieval.quotes import Context, Group, group_hits, render


log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000  # longer questions are cut for searching (e5 reads 512 tokens anyway)

LONG_QUESTION_CHARS = 300  # above this, the sentence ending in "?" is the question (the rest is context)

MIN_COVERAGE = 0.5  # share of the question's subject words a passage must contain to count as on topic

MIN_COVERAGE_FALLBACK = 0.4  # ... or, when no passage reaches that, this share: "Niets gevonden" only when nothing is

STRONG_DENSE = 0.90  # ... unless the dense similarity alone is this high (a paraphrase without shared words)

RELATIVE_SCORE = 0.7  # a passage far below the best one is not part of the answer (no padding)


def _not_found(question: str, why: str, warnings: list[str]) -> Answer:
    return Answer(question=question, answer=why, citations=[], found=False, warnings=warnings)


def _coverage(hit: SearchHit, intent: Intent) -> float:
    """The index's coverage of the question's subject, or the share of subject words the passage names
    whole or as a compound written apart ("Statenlid" / "lid van Provinciale Staten"), if higher."""
    if hit.coverage >= MIN_COVERAGE or not intent.subject_stems:
        return hit.coverage
    own, own_words = set(stems(hit.chunk.text)), set(words(hit.chunk.text))
    named = sum(1 for g in intent.subject_stems if covers_word(g, own) or covers_parts(g, own_words))
    return max(hit.coverage, named / len(intent.subject_stems))


def _rescored(hits: list[SearchHit], intent: Intent, weight: float) -> list[SearchHit]:
    """Hits whose text names more of the subject than the index counted (`_coverage`) get that coverage and
    the score it is worth (`weight`, the index's coverage weight), best first."""
    out = []
    for h in hits:
        cov = _coverage(h, intent)
        out.append(h if cov <= h.coverage else
                   h.model_copy(update={"coverage": cov, "score": h.score + weight * (cov - h.coverage)}))
    return sorted(out, key=lambda h: -h.score)


def _on_topic(hits: list[SearchHit], intent: Intent) -> list[SearchHit]:
    """Hits that are about the question's subject (coverage of its words, or a very close paraphrase)."""
    if not hits:
        return []
    if not intent.subject_stems:
        best = hits[0].score
        return [h for h in hits if h.score >= RELATIVE_SCORE * best]
    need = MIN_COVERAGE if len(intent.subject_stems) > 1 else 1.0
    on = [h for h in hits if h.coverage >= need or h.dense >= STRONG_DENSE]
    if not on and len(intent.subject_stems) > 2:  # most of a long question's subject, in other words
        on = [h for h in hits if h.coverage >= MIN_COVERAGE_FALLBACK]
    if not on:
        return []
    best = max(h.score for h in on)
    return [h for h in on if h.score >= RELATIVE_SCORE * best]


def _llm_answer(question: str, groups: list[Group], ctx: Context, llm, warnings: list[str]) -> Answer | None:
    passages = [q.citation for g in groups for q in g.quotes]
    try:
        answer = answer_with_llm(question, passages, llm)
    except Exception as exc:  # the extractive answer always works
        log.info("LLM answer failed: %s", exc)
        warnings.append(f"LLM niet gebruikt ({exc}); antwoord uit de tekst zelf.")
        return None
    if answer is None:
        warnings.append("LLM gaf geen bruikbaar antwoord; antwoord uit de tekst zelf.")
        return None
    sources = {sid: s for sid in {c.source_id for c in answer.citations} if (s := ctx.source(sid)) is not None}
    grounded = [c for c in answer.citations if is_exact_span(c, sources)]
    if not grounded:
        warnings.append("LLM-antwoord zonder exacte citaten verworpen; antwoord uit de tekst zelf.")
        return None
    return answer.model_copy(update={"citations": grounded, "llm_used": True,
                                     "warnings": [*warnings, *answer.warnings]})


def _core_question(text: str) -> str | None:
    """The first sentence that ends in a question mark, if it is short enough to be the question."""
    m = re.search(r"(?:^|(?<=[.!?]\s))([^.!?]{3,%d}\?)" % LONG_QUESTION_CHARS, text)
    return m.group(1).strip() if m else None


def ask(question: str, *, store: MeetingStore, index: SearchIndex, llm: LLMClient | None, settings: Settings,
        series: str | None = None, since: dt.date | None = None,
        allowed_series: list[str] | None = None) -> Answer:
    """Answer a Dutch question from the meeting history, with exact-span citations.

    Answers with what it is given: the store and index to read, and the LLM to write with (None: the
    extractive answer). `service.pipeline.Notulist.ask` builds those and calls this."""
    question = question or ""
    q = " ".join(question.split())
    warnings: list[str] = []
    if not q:
        return _not_found(question, "Er is geen vraag gesteld. Stel een vraag, bijvoorbeeld: "
                                    "‘Wat hebben we afgesproken over …?’", warnings)
    if len(q) > LONG_QUESTION_CHARS:
        core = _core_question(q)
        if core is not None:
            warnings.append(f"De vraag is erg lang ({len(q)} tekens); alleen de vraagzin ‘{core}’ is gebruikt om te zoeken.")
            q = core
        elif len(q) > MAX_QUESTION_CHARS:
            warnings.append(f"De vraag is erg lang ({len(q)} tekens); alleen de eerste {MAX_QUESTION_CHARS} tekens "
                            f"zijn gebruikt om te zoeken.")
            q = q[:MAX_QUESTION_CHARS]
    if series and allowed_series is not None and series.casefold() not in {s.casefold() for s in allowed_series}:
        return _not_found(question, f"Niets gevonden: je hebt geen toegang tot de reeks ‘{series}’.", warnings)
    ctx = Context(store)
    intent = detect_intent(q)

    if intent.kind == "tasks":
        answer = answer_tasks(question, intent, ctx, series=series, since=since, allowed_series=allowed_series,
                               warnings=warnings)
        if answer is not None:
            return answer
    if intent.recurring:
        answer = answer_recurring(question, intent, ctx, series=series, since=since, allowed_series=allowed_series,
                                   warnings=warnings)
        if answer is not None:
            return answer
    if intent.kind == "postponed" and not intent.subject_stems:
        answer = answer_postponed(question, {"series": series, "since": since, "allowed_series": allowed_series},
                                   ctx, warnings)
        if answer is not None:
            return answer

    intent = index.expand(intent)  # "geluid" also finds "geluidsinstallatie", for searching and quoting
    hits = []
    if intent.item_ref:  # "wat is er besproken bij punt 6": that item, in the named meeting if any
        hits = index.search(q, k=12, series=series, since=since, allowed_series=allowed_series, intent=intent,
                                item=intent.item_ref)
        on_day = [h for h in hits if intent.day and matches_day(intent.day, h.chunk.date)]
        hits = on_day or hits
        if not _on_topic(_rescored(hits, intent, index.weights.coverage), intent):
            hits = []  # the item says nothing on the subject: "Wie wil het woord bij agendapunt 13?" is asked elsewhere
    if not hits:
        hits = index.search(q, k=12, series=series, since=since, allowed_series=allowed_series, intent=intent)
    relevant = _on_topic(_rescored(hits, intent, index.weights.coverage), intent)
    if not relevant:
        if not hits:
            why = "Niets gevonden: er zijn (in deze selectie) geen vergaderstukken om te doorzoeken."
            if index.count() == 0 and store.list_meetings():
                warnings.append("De zoekindex is leeg terwijl er vergaderingen zijn opgeslagen; draai 'notulist reindex'.")
        else:
            why = "Niets gevonden over dit onderwerp in de vergaderstukken."
        return _not_found(question, why, warnings)
    groups = group_hits(relevant, ctx, intent)
    if not groups:
        return _not_found(question, "Niets gevonden over dit onderwerp in de vergaderstukken.", warnings)

    if llm is not None and settings.llm_enabled:
        answer = _llm_answer(question, groups, ctx, llm, warnings)
        if answer is not None:
            return answer

    citations = [q_.citation for g in groups for q_ in g.quotes]
    return Answer(question=question, answer=render(groups, intent, ctx), citations=citations, llm_used=False,
                  found=True, warnings=warnings)

