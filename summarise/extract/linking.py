"""Across meetings: an open action is marked done when a later meeting of the series reports it done
("is afgerond", "heeft plaatsgevonden"), citing that report."""

from __future__ import annotations

import logging
import re

from notulist.models import Action, AgendaItem, Citation, Meeting, Source
from summarise import rules
from summarise.extract import document as doc
from summarise.extract.document import Ctx
from summarise.extract.dues import stop_words

log = logging.getLogger("notulist.summarise")


def content_words(text: str) -> set[str]:
    return {w for w in (x.lower() for x in re.findall(r"[A-Za-zÀ-ÿ&]{4,}", text))
            if w not in stop_words() and w != rules.RED.lower()}


def _done_candidates(meeting: Meeting, sources: dict[str, Source]):
    """(source, start, end, item, clause words, clause text) of every clause of a meeting that reports
    something done ("is afgerond", "heeft plaatsgevonden", "is gebeurd")."""
    ctx = Ctx(meeting=meeting, sources=sources, team=None)
    for item in meeting.items:
        source = sources.get(item.source_id)
        if source is None:
            continue
        lo, hi = doc.own_region(meeting, item)
        regions = [(source, lo, hi)]
        regions += [(sources[n.source_id], n.start, n.end) for n in item.notes
                    if n.source_id in sources and not (n.source_id == source.id and lo <= n.start < hi)]
        for src, a, b in regions:
            for s, e in rules.split_clauses(src.raw_text, a, b):
                norm = doc.norm(ctx, src, s, e)
                if rules.reports_done(norm):
                    yield src, s, e, item, content_words(norm), norm


def _title_words(meeting: Meeting, number: str | None) -> set[str]:
    item = meeting.item(number) if number else None
    if item is None:
        return set()
    return set().union(*(content_words(it.title) for it in doc.chain(meeting, item)[:2]))


def _done_score(action: Action, action_meeting: Meeting, later: Meeting, item: AgendaItem, words: set[str],
                text: str) -> int:
    """How surely a done-report in a later meeting is about this action: the same subject words, the
    owner named in the report, the same agenda subject (item titles)."""
    subject = content_words(action.text) - content_words(action.owner or "") - _title_words(action_meeting, None)
    score = len(subject & words)
    if action.owner and re.search(r"\b" + re.escape(action.owner.split()[0]) + r"\b", text, re.I):
        score += 2
    here = _title_words(later, item.number)
    there = _title_words(action_meeting, action.item) | content_words(action.citation.item_title or "")
    shared_titles = here & there
    if shared_titles:
        score += 1 + min(1, len(subject & here))
    return score if (subject & words or (action.owner and score >= 3)) else 0


def link_across_meetings(store, series: str) -> None:
    """Mark an open action done when a later meeting of the series reports it done, citing that report."""
    meetings = [m for m in store.list_meetings(series) if m.date is not None]
    meetings.sort(key=lambda m: m.date)
    candidates_cache: dict[str, list] = {}
    for i, meeting in enumerate(meetings[:-1]):
        extraction = store.get_extraction(meeting.id)
        if extraction is None:
            continue
        open_actions = [a for a in extraction.actions if a.status == "open"]
        for later in meetings[i + 1:]:
            if not open_actions:
                break
            if later.date <= meeting.date:
                continue
            if later.id not in candidates_cache:
                candidates_cache[later.id] = list(_done_candidates(later, store.sources_for(later)))
            for action in list(open_actions):
                best = None
                for src, s, e, item, words, text in candidates_cache[later.id]:
                    score = _done_score(action, meeting, later, item, words, text)
                    if score >= 3 and (best is None or score > best[0]):
                        best = (score, src, s, e, item)
                if best is None:
                    continue
                _, src, s, e, item = best
                top = doc.top_item(later, item)
                evidence = Citation(meeting_id=later.id, date=later.date, item=top.number, item_title=top.title,
                                    quote=src.raw_text[s:e], source_id=src.id, start=s, end=e)
                try:
                    store.update_action(action.model_copy(update={"status": "done", "done_evidence": evidence}))
                except Exception as exc:  # an action row removed meanwhile: nothing to mark
                    log.info("actie %s niet bijgewerkt: %s", action.id, exc)
                    continue
                open_actions.remove(action)
