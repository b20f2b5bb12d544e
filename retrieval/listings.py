"""Answers listed from the store rather than searched: a person's tasks (or every open action), the
subjects that came back on the agenda (threads of a series) and the postponed items of the extraction."""

from __future__ import annotations

import re

from ingest.threads import find_threads
from notulist.models import Answer, Citation, Meeting
from retrieval.compounds import covers_word
from retrieval.intent import Intent, matches_day
from retrieval.keyword import stems
from retrieval.quotes import Context, display, format_date, sentence_spans, trim_span


MAX_ACTIONS = 15  # actions listed in one answer
MAX_POSTPONED = 25  # postponed items listed in one answer


def _only(series: str | None, allowed_series: list[str] | None) -> list[str] | None:
    """The bodies a listing may read: the one asked for (or named) within the allowed ones."""
    if series is None:
        return allowed_series
    if allowed_series is not None and series.casefold() not in {a.casefold() for a in allowed_series}:
        return []
    return [series]


def answer_tasks(question: str, intent: Intent, ctx: Context, *, series, since, allowed_series,
                 warnings: list[str]) -> Answer | None:
    """A person's tasks (or, without a person, every open action) from the extracted actions
    (None: nothing extracted, search instead). One indexed query of light columns; only the actions
    shown are read in full."""
    try:
        keys = ctx.store.action_rows(owner=intent.person, status=None if intent.person else "open",
                                     series=_only(series, allowed_series),
                                     since=since)
    except Exception:
        return None
    if intent.day:
        on_day = [k for k in keys if matches_day(intent.day, k[2])]
        keys = on_day or keys
    if not keys:
        return None
    open_keys = [k for k in keys if k[1] == "open"]
    keys = open_keys or keys
    if len(keys) > MAX_ACTIONS:
        warnings = [*warnings, f"Er zijn {len(keys)} acties; de {MAX_ACTIONS} meest recente staan hier."]
        keys = keys[-MAX_ACTIONS:]
    dates = {k[0]: k[2] for k in keys}
    rows = [(a, dates.get(a.id)) for a in ctx.store.actions_by_id([k[0] for k in keys])]
    lines = [f"Acties bij {intent.person} ({len(rows)}):" if intent.person else f"Openstaande acties ({len(rows)}):"]
    citations = []
    for action, date in rows:
        c = action.citation
        day = format_date(c.date or date)
        where = f"punt {c.item}" + (f" {c.item_title}" if c.item_title else "") if c.item else "algemeen"
        extra = []
        if not intent.person:  # a redacted owner is never named or guessed
            extra.append("actiehouder " + (action.owner or ("gelakt" if action.owner_redacted else "niet genoemd")))
        if action.due:
            extra.append(f"deadline: {action.due}" + (f" ({format_date(action.due_date)})" if action.due_date else ""))
        if action.status == "done":
            extra.append("afgerond")
        lines.append(f"- {day} — {where}: “{display(c, ctx)}”" + (f" ({'; '.join(extra)})" if extra else ""))
        citations.append(c)
    return Answer(question=question, answer="\n".join(lines), citations=citations, found=True, warnings=warnings)


def _text_before(mark: Citation, meeting: Meeting, ctx: Context) -> Citation | None:
    """The paragraph a postponement mark follows ("... vaststellingsovereenkomst ... [Volgende keer]"):
    it says what was postponed. Only inside the same agenda item, never its heading; long paragraphs
    give their last two sentences."""
    source = ctx.source(mark.source_id)
    item = meeting.item(mark.item) if mark.item else None
    if source is None or item is None or item.source_id != source.id or not item.title_end <= mark.start:
        return None
    text = source.raw_text
    end = mark.start
    while True:
        breaks = [m.end() for m in re.finditer(r"\n\s*\n", text[item.title_end:end])]
        start = item.title_end + (breaks[-1] if breaks else 0)
        s, e = trim_span(text, start, end)
        if e - s >= 3 or start <= item.title_end:
            break
        end = start - 1  # the mark stands on its own line: take the paragraph above it
        while end > item.title_end and text[end - 1].isspace():
            end -= 1
    spans = [sp for sp in sentence_spans(text, start, end) if sp[1] <= mark.start]
    if not spans:
        return None
    if text[spans[0][0]:spans[-1][1]].__len__() > 400:
        spans = spans[-2:]
    s, e = spans[0][0], spans[-1][1]
    return mark.model_copy(update={"quote": text[s:e], "start": s, "end": e})


def answer_recurring(question: str, intent: Intent, ctx: Context, *, series, since, allowed_series,
                     warnings: list[str]) -> Answer | None:
    """Subjects that came back on the agenda: the threads of a series (same subject, several meetings)."""
    meetings = [m for m in ctx.store.list_meetings(series=series)
                if (allowed_series is None or m.series.casefold() in {a.casefold() for a in allowed_series})
                and (since is None or (m.date is not None and m.date >= since))]
    by_id = {m.id: m for m in meetings}
    ctx.meetings.update(by_id)
    days = [d for d in intent.days] if intent.days else []
    lines, citations = [], []
    threads = find_threads(meetings)
    # a question naming its own subject ("kwam de fietsenstalling terug?") keeps only that thread
    subject = [g for g in intent.subject_stems
               if any(covers_word(g, set(stems(t.title))) for t in threads)]
    for thread in threads:
        steps = [(by_id[mid], number) for mid, number in thread.items if mid in by_id]
        if len(steps) < 2:
            continue
        if days and not all(any(matches_day(d, m.date) for m, _ in steps) for d in days):
            continue
        words = set(stems(thread.title))
        if subject and not any(covers_word(g, words) for g in subject):
            continue
        parts = []
        for meeting, number in steps:
            item = meeting.item(number)
            source = ctx.source(item.source_id) if item else None
            if item is None or source is None:
                continue
            s, e = trim_span(source.raw_text, item.title_start, item.title_end)
            citations.append(Citation(meeting_id=meeting.id, date=meeting.date, item=number, item_title=item.title,
                                      quote=source.raw_text[s:e], source_id=source.id, start=s, end=e))
            parts.append(f"{format_date(meeting.date)} punt {number} ‘{display(citations[-1], ctx)}’")
        if parts:
            lines.append(f"- {thread.title}: " + " → ".join(parts))
    if not lines:
        return None
    return Answer(question=question, answer="Onderwerpen die opnieuw op de agenda kwamen:\n" + "\n".join(lines),
                  citations=citations, warnings=warnings)


def answer_postponed(question: str, hits_filter: dict, ctx: Context, warnings: list[str]) -> Answer | None:
    """The most recent postponed items of the extraction, in date order (None: nothing extracted): one
    indexed query with a limit, in the body asked for or named in the question."""
    series = _only(hits_filter.get("series"), hits_filter.get("allowed_series"))
    total, posts = ctx.store.recent_postponed(series=series, since=hits_filter.get("since"), limit=MAX_POSTPONED)
    if total > len(posts):
        warnings = [*warnings, f"Er zijn {total} doorgeschoven punten; de {len(posts)} meest recente staan hier."]
    lines, citations = [], []
    for post in posts:
        meeting = ctx.meeting(post.meeting_id)
        if meeting is None:
            continue
        c = post.citation
        title = post.item_title or c.item_title or ""
        what = _text_before(c, meeting, ctx)
        shown = f"“{display(what, ctx)}” — “{display(c, ctx)}”" if what else f"“{display(c, ctx)}”"
        lines.append(f"- {format_date(meeting.date)} — punt {post.item} {title}: {shown}".replace("  ", " "))
        citations += [what, c] if what else [c]
    if not citations:
        return None
    return Answer(question=question, answer="Doorgeschoven punten:\n" + "\n".join(lines), citations=citations,
                  warnings=warnings)
