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
from collections import defaultdict
from dataclasses import dataclass, field
from ingest.redactions import display_text
from ingest.threads import find_threads
from notulist.dutch import dutch_date
from notulist.errors import NotFoundError
from notulist.grounding import is_exact_span
from notulist.llm import LLMClient
from notulist.models import Action, AgendaItem, Answer, Citation, Extraction, Meeting, Source
from notulist.settings import Settings
from notulist.store import MeetingStore
from notulist.text import clause_spans
from retrieval.cues import amount_like, cue, date_like
from retrieval.index import SearchHit, SearchIndex, covers_word
from retrieval.intent import Intent, detect_intent, matches_day
from retrieval.keyword import stems, words
from retrieval.llm_answer import answer_with_llm

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000  # longer questions are cut for searching (e5 reads 512 tokens anyway)
LONG_QUESTION_CHARS = 300  # above this, the sentence ending in "?" is the question (the rest is context)
MIN_COVERAGE = 0.5  # share of the question's subject words a passage must contain to count as on topic
STRONG_DENSE = 0.90  # ... unless the dense similarity alone is this high (a paraphrase without shared words)
RELATIVE_SCORE = 0.7  # a passage far below the best one is not part of the answer (no padding)
MAX_GROUPS = 4  # agenda items in one answer
MAX_SENTENCES = 3  # quoted sentences per agenda item
MAX_ACTIONS = 15  # actions listed in one answer

_TEXT_LABEL = {"agenda": "op de agenda", "minutes": "in het verslag", "besluitenlijst": "in de besluitenlijst"}
NO_DECISION = "In de aantekeningen is geen besluit vastgelegd."
NO_DECISION_MINUTES = "In de verslagen is geen besluit vastgelegd."

_TRIM_LEFT = set(" \t\r\n*#>-–•➤_[|")
_TRIM_RIGHT = set(" \t\r\n*#_|")
_LINK_TAIL = re.compile(r"\]\([^)]*\)$")
_LABEL_ONLY = re.compile(r"^\W*(ter\s+(bespreking|besluitvorming|kennisname|informatie|advisering)|bespreekpunt|"
                         r"hamerstuk|mededelingen?|punten ter [\w/ ]+|wij vragen je om|we vragen je om)\W*$", re.I)
_ASKED = re.compile(r"\?[\s*_)\]]*$|\b(?:vraagt|vragen|vroeg|vroegen)\s+(?:\S+\s+){0,3}?(?:naar|of|wie|wat|hoe|wanneer|"
                    r"waarom|welke)\b", re.I)
_ATTACHMENT = re.compile(r"\s*\*?\s*(bijlage|bijlagen|attachment)\b", re.I)
_REQUEST_CUE = re.compile(r"\?|\b(wij vragen|we vragen|vragen (?:je|jou|u)|voorstel|ter besluitvorming|"
                          r"in te stemmen|graag met je|ter bespreking)\b", re.I)


def format_date(day: dt.date | None) -> str:
    return dutch_date(day) if day else "datum onbekend"


# --------------------------------------------------------------------------- sentences as exact spans


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past markdown marks and whitespace at its edges (the quote stays an exact span)."""
    while start < end and text[start] in _TRIM_LEFT:
        start += 1
    m = _LINK_TAIL.search(text, start, end)
    if m and m.end() == end:
        end = m.start()
    while end > start and text[end - 1] in _TRIM_RIGHT:
        end -= 1
    return start, end


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotable sentences of text[start:end]: the shared clause spans of notulist.text (split at sentence
    ends, not after an abbreviation of the language data, a wrapped line glued on, markdown marks trimmed),
    each an exact span with at least a word in it."""
    return [(s, e) for s, e in clause_spans(text, start, end) if e - s >= 3 and re.search(r"\w", text[s:e])]


# --------------------------------------------------------------------------- gathering per agenda item


@dataclass
class Quote:
    citation: Citation
    origin: str  # "besluit", "aantekening", "agenda", "doorgeschoven"
    score: float = 0.0


@dataclass
class Group:
    """One agenda item of one meeting that the question is about."""

    meeting_id: str
    date: dt.date | None
    item: str | None
    item_title: str | None
    score: float
    quotes: list[Quote] = field(default_factory=list)
    decided: bool = False
    postponed: bool = False
    prepared: bool = True  # the document is an agenda (prepared text), not minutes of what was said
    doc_kind: str = "agenda"

    def label(self) -> str:
        where = f"punt {self.item}" if self.item else "algemeen"
        if self.item_title:
            where += f" {self.item_title}"
        return f"{format_date(self.date)} — {where}"


class _Context:
    """Per-question cache of what the store holds (meetings, sources, extractions)."""

    def __init__(self, store: MeetingStore):
        self.store = store
        self.meetings: dict[str, Meeting | None] = {}
        self.sources: dict[str, Source] = {}
        self.extractions: dict[str, Extraction | None] = {}

    def meeting(self, meeting_id: str) -> Meeting | None:
        if meeting_id not in self.meetings:
            try:
                self.meetings[meeting_id] = self.store.get_meeting(meeting_id)
            except NotFoundError:
                self.meetings[meeting_id] = None
        return self.meetings[meeting_id]

    def source(self, source_id: str) -> Source | None:
        if source_id not in self.sources:
            try:
                self.sources[source_id] = self.store.get_source(source_id)
            except NotFoundError:
                return None
        return self.sources[source_id]

    def extraction(self, meeting_id: str) -> Extraction | None:
        if meeting_id not in self.extractions:
            try:
                self.extractions[meeting_id] = self.store.get_extraction(meeting_id)
            except Exception:  # extraction is derived and optional for answering
                self.extractions[meeting_id] = None
        return self.extractions[meeting_id]


def _citation(group_or_hit, source: Source, start: int, end: int, score: float | None = None) -> Citation:
    return Citation(meeting_id=group_or_hit.meeting_id, date=group_or_hit.date, item=group_or_hit.item,
                    item_title=group_or_hit.item_title, quote=source.raw_text[start:end], source_id=source.id,
                    start=start, end=end, score=None if score is None else round(float(score), 4))


def _longest_shared_run(a: list[str], b: list[str]) -> int:
    """Length of the longest run of words the question and the sentence share ("in te stemmen")."""
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, start=1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def _sentence_score(text: str, subject: list[tuple[str, ...]], *, is_note: bool, intent: Intent,
                    title_words: frozenset[str] = frozenset()) -> float:
    own = set(stems(text))
    score = float(sum(1 for g in subject if covers_word(g, own)))
    run = _longest_shared_run([w if w not in title_words else "\x00" for w in intent.words], words(text))
    if run >= 2:
        score += 0.5 * (run - 1)  # the question's own phrase, not just its words
    if intent.asks_when and date_like().search(text):
        score += 1.5  # "wanneer": a sentence with a date answers it
    if intent.asks_why and cue("reason").search(text):
        score += 1.5  # "waarom", "waardoor": a sentence that gives a reason answers it
    if intent.asks_amount and amount_like().search(text):
        score += 1.5  # "hoeveel", "wat kost": a sentence with a number or an amount answers it
    if is_note:
        score += 0.5
    if cue("decision_or_agreement").search(text):
        score += 1.0 if intent.kind == "agreement" else 0.3
    if intent.kind == "postponed" and cue("postponed").search(text):
        score += 2.0
    if intent.person and intent.person.casefold() in text.casefold():
        score += 2.0
    if not is_note and _REQUEST_CUE.search(text):
        score += 0.5
    if _ATTACHMENT.match(text):
        score -= 2.0  # "Bijlage 3: ..." names a file, it does not answer
    return score


def _usable(text: str, intent: Intent, item_title: str | None) -> bool:
    """A sentence worth quoting: not the heading again; for a person's tasks, one that names the person."""
    if item_title and " ".join(text.split()).strip(" *#.:").casefold() == item_title.strip(" *#.:").casefold():
        return False
    if _LABEL_ONLY.match(text):
        return False  # "Ter bespreking:" labels the item, it says nothing
    if intent.kind == "tasks" and intent.person and intent.person.casefold() not in text.casefold():
        return False
    return True


def _item_of(meeting: Meeting | None, number: str | None) -> AgendaItem | None:
    return meeting.item(number) if meeting and number else None


def _fill_group(group: Group, hits: list[SearchHit], ctx: _Context, intent: Intent) -> None:
    """Pick the quotes of one agenda item: decisions, note sentences, else the best agenda sentences."""
    meeting = ctx.meeting(group.meeting_id)
    # inside one agenda item its title words are given: the rest of the question picks the sentences
    title_stems = set(stems(group.item_title or ""))
    title_words = frozenset(words(group.item_title or ""))
    subject = [g for g in intent.subject_stems if not covers_word(g, title_stems)] or intent.subject_stems
    group.prepared = meeting is None or meeting.doc_kind not in ("minutes", "besluitenlijst")
    group.doc_kind = meeting.doc_kind if meeting is not None else "unknown"
    item = _item_of(meeting, group.item)
    extraction = ctx.extraction(group.meeting_id)
    seen: set[tuple[str, int, int]] = set()

    def add(citation: Citation, origin: str, score: float) -> None:
        key = (citation.source_id, citation.start, citation.end)
        if key in seen or any(q.citation.source_id == citation.source_id and q.citation.start <= citation.start
                              and citation.end <= q.citation.end for q in group.quotes):
            return
        seen.add(key)
        group.quotes.append(Quote(citation, origin, score))

    if extraction is not None:
        for decision in extraction.decisions:
            if decision.item == group.item:
                group.decided = True
                # a decision answers an agreement question; otherwise only when it is about what was asked
                if intent.kind == "agreement" or _sentence_score(decision.citation.quote, subject, is_note=False,
                                                                 intent=intent, title_words=title_words) >= 1.0:
                    add(decision.citation.model_copy(update={"score": group.score}), "besluit", 10.0)
        for post in extraction.postponed:
            if post.item == group.item:
                group.postponed = True
                add(post.citation.model_copy(update={"score": group.score}), "doorgeschoven", 9.0)

    # notes written in the meeting: from the parsed meeting, else from the note chunks that were hit
    note_spans: list[tuple[str, int, int]] = []
    if item is not None and item.notes:
        note_spans = [(n.source_id, n.start, n.end) for n in item.notes]
    else:
        note_spans = [(h.chunk.source_id, h.chunk.start, h.chunk.end) for h in hits if h.chunk.kind == "note"]
    note_sentences: list[tuple[float, Citation, str]] = []
    for source_id, start, end in note_spans:
        source = ctx.source(source_id)
        if source is None:
            continue
        for s, e in sentence_spans(source.raw_text, start, end):
            text = source.raw_text[s:e]
            if not _usable(text, intent, group.item_title):
                continue
            note_sentences.append((_sentence_score(text, subject, is_note=True, intent=intent, title_words=title_words),
                                   _citation(group, source, s, e, group.score), text))
    for _, citation, text in note_sentences:
        if cue("decision_or_agreement").search(text) and re.match(r"\s*(besluit|besloten|afspraak|afgesproken)\b", text, re.I):
            group.decided = True
        if cue("postponed").search(text):
            group.postponed = True
    # the best note sentences, shown in document order
    best_notes = sorted(note_sentences, key=lambda t: -t[0])[:MAX_SENTENCES]
    for score, citation, _ in sorted(best_notes, key=lambda t: t[1].start):
        add(citation, "aantekening", score)

    # prepared agenda text: the best sentences of the hit agenda chunks (notes excluded)
    note_ranges = [(sid, s, e) for sid, s, e in note_spans]
    agenda_sentences: list[tuple[float, Citation]] = []
    replies: dict[tuple[str, int], Citation] = {}  # a question asked in the meeting -> the sentence after it
    for h in hits:
        if h.chunk.kind == "note":
            continue
        source = ctx.source(h.chunk.source_id)
        if source is None:
            continue
        spans = sentence_spans(source.raw_text, h.chunk.start, h.chunk.end)
        for (s, e), (ns, ne) in zip(spans, spans[1:]):
            if _ASKED.search(source.raw_text[s:e]) and not _ASKED.search(source.raw_text[ns:ne]):
                replies[(source.id, s)] = _citation(group, source, ns, ne, h.score)
        for s, e in spans:
            if any(sid == source.id and s < ne and ns < e for sid, ns, ne in note_ranges):
                continue
            text = source.raw_text[s:e]
            if item is not None and s <= item.title_end and e >= item.title_start:
                continue  # the heading itself says nothing the label does not
            if not _usable(text, intent, group.item_title):
                continue
            lexical = _sentence_score(text, subject, is_note=False, intent=intent, title_words=title_words)
            agenda_sentences.append((lexical + 0.3 * h.score, lexical, _citation(group, source, s, e, h.score)))
    noted = any(q.origin == "aantekening" for q in group.quotes)
    wanted = 1 if noted else (2 if group.quotes else MAX_SENTENCES)
    ranked = sorted(agenda_sentences, key=lambda t: -t[0])
    # only sentences that say something about the question; at least the best one
    floor = max(0.5, 0.5 * max((t[1] for t in ranked), default=0.0))
    best_agenda = [(t[0], t[2]) for t in ranked[:wanted] if t[1] >= floor] or [(t[0], t[2]) for t in ranked[:1]]
    for score, citation in sorted(best_agenda, key=lambda t: (t[1].source_id, t[1].start)):
        add(citation, "agenda", score)
        reply = replies.get((citation.source_id, citation.start))
        if reply is not None:  # "Een bewoner vraagt naar ...": the answer given is in the next sentence
            add(reply, "agenda", score)


def _groups(hits: list[SearchHit], ctx: _Context, intent: Intent) -> list[Group]:
    by_item: dict[tuple[str, str | None], list[SearchHit]] = defaultdict(list)
    for h in hits:
        by_item[(h.chunk.meeting_id, h.chunk.item)].append(h)
    groups = []
    for (meeting_id, item), its in by_item.items():
        first = its[0].chunk
        group = Group(meeting_id, first.date, item, first.item_title, max(h.score for h in its))
        _fill_group(group, its, ctx, intent)
        if group.quotes:
            groups.append(group)
    groups.sort(key=lambda g: -g.score)
    groups = groups[:MAX_GROUPS]
    groups.sort(key=lambda g: (g.date or dt.date.min, g.meeting_id, _item_key(g.item)))
    return groups


def _item_key(number: str | None) -> tuple:
    parts = re.findall(r"\d+|\D+", number or "")
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


# --------------------------------------------------------------------------- display


def _display(citation: Citation, ctx: _Context) -> str:
    """The quote as shown: redaction marks as one token, whitespace collapsed (the citation stays exact)."""
    text = citation.quote
    source = ctx.source(citation.source_id)
    if source is not None and source.redactions:
        try:
            text = display_text(text, source.redactions, citation.start)
        except Exception:  # display only: the exact quote is still correct
            pass
    return " ".join(text.split())


def _render(groups: list[Group], intent: Intent, ctx: _Context) -> str:
    lines: list[str] = []
    for g in groups:
        parts = []
        for origin in ("besluit", "aantekening", "doorgeschoven", "agenda"):
            quotes = [q for q in g.quotes if q.origin == origin]
            if not quotes:
                continue
            said = " ".join(f"“{_display(q.citation, ctx)}”" for q in quotes)
            label = {"besluit": "besluit", "aantekening": "aantekeningen", "doorgeschoven": "doorgeschoven",
                     "agenda": _TEXT_LABEL.get(g.doc_kind, "in het stuk")}[origin]
            parts.append(f"{label}: {said}")
        line = f"{g.label()}: " + "; ".join(parts)
        if g.postponed:
            line += " (dit punt is doorgeschoven)"
        lines.append(line)
    if intent.kind == "agreement" and not any(g.decided for g in groups):
        lines.append(NO_DECISION if any(g.prepared for g in groups) else NO_DECISION_MINUTES)
    return "\n".join(lines)


# --------------------------------------------------------------------------- the question kinds


def _not_found(question: str, why: str, warnings: list[str]) -> Answer:
    return Answer(question=question, answer=why, citations=[], found=False, warnings=warnings)


def _answer_tasks(question: str, intent: Intent, ctx: _Context, *, series, since, allowed_series,
                  warnings: list[str]) -> Answer | None:
    """A person's tasks (or, without a person, every open action) from the extracted actions
    (None: nothing extracted, search instead)."""
    try:
        actions = ctx.store.list_actions(owner=intent.person, series=allowed_series,
                                             status=None if intent.person else "open")
    except Exception:
        return None
    rows: list[tuple[Action, Meeting | None]] = []
    for action in actions:
        meeting = ctx.meeting(action.meeting_id)
        if series and (meeting is None or meeting.series.casefold() != series.casefold()):
            continue
        if since and (meeting is None or meeting.date is None or meeting.date < since):
            continue
        rows.append((action, meeting))
    if intent.day:
        on_day = [r for r in rows if r[1] is not None and matches_day(intent.day, r[1].date)]
        rows = on_day or rows
    if not rows:
        return None
    open_rows = [r for r in rows if r[0].status == "open"]
    rows = open_rows or rows
    if len(rows) > MAX_ACTIONS:
        warnings = [*warnings, f"Er zijn {len(rows)} acties; de {MAX_ACTIONS} meest recente staan hier."]
        rows = rows[-MAX_ACTIONS:]
    lines = [f"Acties bij {intent.person} ({len(rows)}):" if intent.person else f"Openstaande acties ({len(rows)}):"]
    citations = []
    for action, meeting in rows:
        c = action.citation
        day = format_date(c.date or (meeting.date if meeting else None))
        where = f"punt {c.item}" + (f" {c.item_title}" if c.item_title else "") if c.item else "algemeen"
        extra = []
        if not intent.person:  # a redacted owner is never named or guessed
            extra.append("actiehouder " + (action.owner or ("gelakt" if action.owner_redacted else "niet genoemd")))
        if action.due:
            extra.append(f"deadline: {action.due}" + (f" ({format_date(action.due_date)})" if action.due_date else ""))
        if action.status == "done":
            extra.append("afgerond")
        lines.append(f"- {day} — {where}: “{_display(c, ctx)}”" + (f" ({'; '.join(extra)})" if extra else ""))
        citations.append(c)
    return Answer(question=question, answer="\n".join(lines), citations=citations, found=True, warnings=warnings)


def _text_before(mark: Citation, meeting: Meeting, ctx: _Context) -> Citation | None:
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


def _answer_recurring(question: str, intent: Intent, ctx: _Context, *, series, since, allowed_series,
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
            parts.append(f"{format_date(meeting.date)} punt {number} ‘{_display(citations[-1], ctx)}’")
        if parts:
            lines.append(f"- {thread.title}: " + " → ".join(parts))
    if not lines:
        return None
    return Answer(question=question, answer="Onderwerpen die opnieuw op de agenda kwamen:\n" + "\n".join(lines),
                  citations=citations, warnings=warnings)


def _answer_postponed(question: str, hits_filter: dict, ctx: _Context, warnings: list[str]) -> Answer | None:
    """Postponed items from the extraction, per meeting in date order (None: nothing extracted)."""
    meetings = ctx.store.list_meetings(series=hits_filter.get("series"))
    allowed = hits_filter.get("allowed_series")
    since = hits_filter.get("since")
    lines, citations = [], []
    for meeting in meetings:
        if allowed is not None and meeting.series.casefold() not in {s.casefold() for s in allowed}:
            continue
        if since and (meeting.date is None or meeting.date < since):
            continue
        ctx.meetings[meeting.id] = meeting
        extraction = ctx.extraction(meeting.id)
        for post in (extraction.postponed if extraction else []):
            c = post.citation
            title = post.item_title or c.item_title or ""
            what = _text_before(c, meeting, ctx)
            shown = f"“{_display(what, ctx)}” — “{_display(c, ctx)}”" if what else f"“{_display(c, ctx)}”"
            lines.append(f"- {format_date(meeting.date)} — punt {post.item} {title}: {shown}".replace("  ", " "))
            citations += [what, c] if what else [c]
    if not citations:
        return None
    return Answer(question=question, answer="Doorgeschoven punten:\n" + "\n".join(lines), citations=citations,
                  warnings=warnings)


def _on_topic(hits: list[SearchHit], intent: Intent) -> list[SearchHit]:
    """Hits that are about the question's subject (coverage of its words, or a very close paraphrase)."""
    if not hits:
        return []
    if not intent.subject_stems:
        best = hits[0].score
        return [h for h in hits if h.score >= RELATIVE_SCORE * best]
    need = MIN_COVERAGE if len(intent.subject_stems) > 1 else 1.0
    on = [h for h in hits if h.coverage >= need or h.dense >= STRONG_DENSE]
    if not on:
        return []
    best = max(h.score for h in on)
    return [h for h in on if h.score >= RELATIVE_SCORE * best]


def _llm_answer(question: str, groups: list[Group], ctx: _Context, llm, warnings: list[str]) -> Answer | None:
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
    ctx = _Context(store)
    intent = detect_intent(q)

    if intent.kind == "tasks":
        answer = _answer_tasks(question, intent, ctx, series=series, since=since, allowed_series=allowed_series,
                               warnings=warnings)
        if answer is not None:
            return answer
    if intent.recurring:
        answer = _answer_recurring(question, intent, ctx, series=series, since=since, allowed_series=allowed_series,
                                   warnings=warnings)
        if answer is not None:
            return answer
    if intent.kind == "postponed" and not intent.subject_stems:
        answer = _answer_postponed(question, {"series": series, "since": since, "allowed_series": allowed_series},
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
    if not hits:
        hits = index.search(q, k=12, series=series, since=since, allowed_series=allowed_series, intent=intent)
    relevant = _on_topic(hits, intent)
    if not relevant:
        if not hits:
            why = "Niets gevonden: er zijn (in deze selectie) geen vergaderstukken om te doorzoeken."
            if index.count() == 0 and store.list_meetings():
                warnings.append("De zoekindex is leeg terwijl er vergaderingen zijn opgeslagen; draai 'notulist reindex'.")
        else:
            why = "Niets gevonden over dit onderwerp in de vergaderstukken."
        return _not_found(question, why, warnings)
    groups = _groups(relevant, ctx, intent)
    if not groups:
        return _not_found(question, "Niets gevonden over dit onderwerp in de vergaderstukken.", warnings)

    if llm is not None and settings.llm_enabled:
        answer = _llm_answer(question, groups, ctx, llm, warnings)
        if answer is not None:
            return answer

    citations = [q_.citation for g in groups for q_ in g.quotes]
    return Answer(question=question, answer=_render(groups, intent, ctx), citations=citations, llm_used=False,
                  found=True, warnings=warnings)

