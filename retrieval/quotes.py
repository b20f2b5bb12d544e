"""Quotes for an answer: the agenda items a question is about (groups of search hits per meeting and
item), the best note, decision and agenda sentences of each as exact spans of the stored text, and the
Dutch timeline they are rendered into. Sentences are the shared clause spans of notulist.text; the cue
words come from the language data (retrieval/cues.py, notulist/nl/data/retrieval.toml)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ingest.redactions import display_text
from notulist.dutch import dutch_date
from notulist.errors import NotFoundError
from notulist.models import AgendaItem, Citation, Extraction, Meeting, Source
from notulist.store import MeetingStore
from retrieval.cues import cue, quote_cue
from retrieval.compounds import covers_word
from retrieval.ranking import SearchHit
from retrieval.intent import Intent, matches_day
from retrieval.keyword import stems, words
from retrieval.neighbours import announces, neighbour_spans, sentence_spans
from retrieval.sentence_scores import points_back_at_heading, sentence_score, usable


_TEXT_LABEL = {"agenda": "op de agenda", "minutes": "in het verslag", "besluitenlijst": "in de besluitenlijst"}

NO_DECISION = "In de aantekeningen is geen besluit vastgelegd."

NO_DECISION_MINUTES = "In de verslagen is geen besluit vastgelegd."

MAX_GROUPS = 4  # agenda items in one answer

MAX_SENTENCES = 3  # quoted sentences per agenda item

_TRIM_LEFT = set(" \t\r\n*#>-–•➤_[|")

_TRIM_RIGHT = set(" \t\r\n*#_|")

_LINK_TAIL = re.compile(r"\]\([^)]*\)$")

def format_date(day: dt.date | None) -> str:
    return dutch_date(day) if day else "datum onbekend"


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


class Context:
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


def citation_of(group_or_hit, source: Source, start: int, end: int, score: float | None = None) -> Citation:
    return Citation(meeting_id=group_or_hit.meeting_id, date=group_or_hit.date, item=group_or_hit.item,
                    item_title=group_or_hit.item_title, quote=source.raw_text[start:end], source_id=source.id,
                    start=start, end=end, score=None if score is None else round(float(score), 4))


def quoted(group: Group, citation: Citation) -> bool:
    """The group already quotes (part of) this span."""
    return any(q.citation.source_id == citation.source_id and q.citation.start < citation.end
               and citation.start < q.citation.end for q in group.quotes)


def item_of(meeting: Meeting | None, number: str | None) -> AgendaItem | None:
    return meeting.item(number) if meeting and number else None


def fill_group(group: Group, hits: list[SearchHit], ctx: Context, intent: Intent) -> None:
    """Pick the quotes of one agenda item: decisions, note sentences, else the best agenda sentences."""
    meeting = ctx.meeting(group.meeting_id)
    # inside one agenda item its title words are given: the rest of the question picks the sentences
    title_stems = set(stems(group.item_title or ""))
    title_words = frozenset(words(group.item_title or ""))
    subject = [g for g in intent.subject_stems if not covers_word(g, title_stems)] or intent.subject_stems
    titled = bool(intent.subject_stems) and all(covers_word(g, title_stems) for g in intent.subject_stems)
    group.prepared = meeting is None or meeting.doc_kind not in ("minutes", "besluitenlijst")
    group.doc_kind = meeting.doc_kind if meeting is not None else "unknown"
    item = item_of(meeting, group.item)
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
        _add_decisions(group, extraction, intent, title_stems, title_words, add)
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
            if not usable(text, intent, group.item_title):
                continue
            note_sentences.append((sentence_score(text, subject, is_note=True, intent=intent, title_words=title_words,
                                                  on_subject=titled),
                                   citation_of(group, source, s, e, group.score), text))
    for _, citation, text in note_sentences:
        if cue("decision_or_agreement").search(text) and quote_cue("outcome_start").match(text):
            group.decided = True
        if cue("postponed").search(text):
            group.postponed = True
    # the best note sentences, shown in document order
    best_notes = sorted((t for t in note_sentences if not quoted(group, t[1])), key=lambda t: -t[0])[:MAX_SENTENCES]
    for score, citation, _ in sorted(best_notes, key=lambda t: t[1].start):
        add(citation, "aantekening", score)

    # prepared agenda text: the best sentences of the hit agenda chunks (notes excluded)
    note_ranges = [(sid, s, e) for sid, s, e in note_spans]
    agenda_sentences: list[tuple[float, Citation]] = []
    replies: dict[tuple[str, int], Citation] = {}  # a question asked in the meeting -> the sentence after it
    for source_id, lo, hi, hit_score in [(h.chunk.source_id, h.chunk.start, h.chunk.end, h.score) for h in hits
                                         if h.chunk.kind != "note"]:
        source = ctx.source(source_id)
        if source is None:
            continue
        spans = sentence_spans(source.raw_text, lo, hi)
        asked = quote_cue("asked")
        for (s, e), (ns, ne) in zip(spans, spans[1:]):
            if asked.search(source.raw_text[s:e]) and not asked.search(source.raw_text[ns:ne]):
                replies[(source.id, s)] = citation_of(group, source, ns, ne, hit_score)
        label = ""
        for s, e in spans:
            if any(sid == source.id and s < ne and ns < e for sid, ns, ne in note_ranges):
                continue
            text = source.raw_text[s:e]
            # the value under a bare label line is read with its label ("Voorzitter" / "Ernest de Groot")
            scored, label = (f"{label} {text}" if label else text), (text if announces(text) else "")
            if bare_heading(source.raw_text, s, e, item):
                continue  # the heading itself says nothing the label does not
            if not usable(text, intent, group.item_title):
                continue
            lexical = sentence_score(scored, subject, is_note=False, intent=intent, title_words=title_words,
                                     on_subject=titled)
            lexical += points_back_at_heading(source.raw_text, s, item, intent.subject_stems, title_stems)
            agenda_sentences.append((lexical + 0.3 * hit_score, lexical, citation_of(group, source, s, e, hit_score)))
    noted = any(q.origin == "aantekening" for q in group.quotes)
    wanted = 1 if noted else (2 if group.quotes else MAX_SENTENCES)
    # a sentence a decision or note already quotes, or that two overlapping chunks both hold, takes one place
    ranked, spans_seen = [], set()
    for t in sorted(agenda_sentences, key=lambda t: -t[0]):
        key = (t[2].source_id, t[2].start, t[2].end)
        if key not in spans_seen and not quoted(group, t[2]):
            spans_seen.add(key)
            ranked.append(t)
    # only sentences that say something about the question; at least the best one
    floor = max(0.5, 0.5 * max((t[1] for t in ranked), default=0.0))
    best_agenda = [(t[0], t[2]) for t in ranked[:wanted] if t[1] >= floor]
    heading = None if best_agenda or noted else heading_citation(group, item, ctx, intent)
    if heading is not None:  # nothing in the text says more than the item's own heading: quote the heading
        add(heading, "agenda", 1.0)
    if not best_agenda:  # ... and the best sentence of its text, unless that is a scrap ("Pdf-versie")
        best_agenda = [(t[0], t[2]) for t in ranked[:1] if heading is None or len(words(t[2].quote)) >= 5]
    for score, citation in sorted(best_agenda, key=lambda t: (t[1].source_id, t[1].start)):
        add(citation, "agenda", score)
        reply = replies.get((citation.source_id, citation.start))
        if reply is not None:  # "Een bewoner vraagt naar ...": the answer given is in the next sentence
            add(reply, "agenda", score)
    _add_neighbours(group, item, ctx, intent, add)


def _neighbours(citation: Citation, item: AgendaItem | None, ctx: Context, intent: Intent) -> list[Citation]:
    """The sentences a quote leans on or announces (retrieval.neighbours), inside its agenda item."""
    source = ctx.source(citation.source_id)
    if source is None:
        return []
    inside = item is not None and item.source_id == source.id and item.start <= citation.start <= item.end
    heading = inside and citation.start < item.title_end  # the heading quoted: what follows it may hold the fact
    lo = (item.title_start if heading else max(item.title_end, item.start)) if inside else max(0, citation.start - 800)
    hi = item.end if inside else min(len(source.raw_text), citation.end + 800)
    if citation.start < lo:
        return []
    return [citation_of(citation, source, s, e, citation.score)
            for s, e in neighbour_spans(source.raw_text, lo, hi, (citation.start, citation.end), intent)]


def _add_neighbours(group: Group, item: AgendaItem | None, ctx: Context, intent: Intent, add) -> None:
    for quote in list(group.quotes):
        origin = "aantekening" if quote.origin == "aantekening" else "agenda"
        for citation in _neighbours(quote.citation, item, ctx, intent):
            add(citation, origin, quote.score)
    order = {"besluit": 0, "aantekening": 1, "doorgeschoven": 2, "agenda": 3}
    group.quotes.sort(key=lambda q: (order.get(q.origin, 4), q.citation.source_id,
                                     q.citation.start if q.origin != "besluit" else 0))


def _add_decisions(group: Group, extraction: Extraction, intent: Intent, title_stems: set[str],
                   title_words: frozenset[str], add) -> None:
    """The item's decisions that answer the question: all of them when the item's title is what was asked
    about an outcome ("Wat is er besloten over de begroting?" at the item Begroting), otherwise those that
    name the rest of the subject (an item "Algemeen" with ten decisions on other matters quotes none)."""
    rest = [g for g in intent.subject_stems if not covers_word(g, title_stems)]
    about = not rest and intent.kind == "agreement"
    for decision in extraction.decisions:
        if decision.item != group.item:
            continue
        group.decided = True
        quote = decision.citation.quote
        named = any(covers_word(g, set(stems(quote))) for g in (rest or intent.subject_stems))
        answers = intent.kind != "agreement" and sentence_score(quote, rest or intent.subject_stems, is_note=False,
                                                                intent=intent, title_words=title_words) >= 1.0
        if about or named or answers:
            add(decision.citation.model_copy(update={"score": group.score}), "besluit", 10.0)


_LETTERS = re.compile(r"[^\W\d_]{2,}")


def bare_heading(raw: str, s: int, e: int, item: AgendaItem | None) -> bool:
    """The sentence is the item's heading and no more (its number or one label word aside), and the item has
    text of its own besides: a heading distinct from the body. A title that is the point's whole text (a
    one-line point, a besluitenlijst subject line) or a sentence that runs on past the title is read."""
    if item is None or not (s <= item.title_end and e >= item.title_start):
        return False
    outside = raw[s:max(s, item.title_start)] + " " + raw[min(e, item.title_end):e]
    if len(_LETTERS.findall(outside)) > 1:
        return False
    rest = raw[item.start:min(s, item.title_start)] + " " + raw[max(e, item.title_end):item.end]
    return bool(_LETTERS.search(rest))


def heading_citation(group: Group, item: AgendaItem | None, ctx: Context, intent: Intent) -> Citation | None:
    """The item's heading as a quote, when it names what was asked and the item has no text that does
    (an agenda or besluitenlijst whose items are headings only: "Definitieve goedkeuring hemelwaterplan")."""
    if item is None or item.title_end <= item.title_start:
        return None
    source = ctx.source(item.source_id)
    if source is None:
        return None
    s, e = trim_span(source.raw_text, item.title_start, item.title_end)
    own = set(stems(source.raw_text[s:e]))
    if e - s < 3 or not any(covers_word(g, own) for g in intent.subject_stems):
        return None
    return citation_of(group, source, s, e, group.score)


def group_hits(hits: list[SearchHit], ctx: Context, intent: Intent) -> list[Group]:
    by_item: dict[tuple[str, str | None], list[SearchHit]] = defaultdict(list)
    for h in hits:
        by_item[(h.chunk.meeting_id, h.chunk.item)].append(h)
    groups = []
    for (meeting_id, item), its in by_item.items():
        first = its[0].chunk
        group = Group(meeting_id, first.date, item, first.item_title, max(h.score for h in its))
        fill_group(group, its, ctx, intent)
        if group.quotes:
            groups.append(group)
    groups.sort(key=lambda g: -g.score)
    groups = groups[:MAX_GROUPS]
    # in date order; the meeting the question names ("de actielijst van december 2023") first
    groups.sort(key=lambda g: (not any(matches_day(d, g.date) for d in intent.days), g.date or dt.date.min,
                               g.meeting_id, item_key(g.item)))
    return groups


def item_key(number: str | None) -> tuple:
    parts = re.findall(r"\d+|\D+", number or "")
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def display(citation: Citation, ctx: Context) -> str:
    """The quote as shown: redaction marks as one token, whitespace collapsed (the citation stays exact)."""
    text = citation.quote
    source = ctx.source(citation.source_id)
    if source is not None and source.redactions:
        try:
            text = display_text(text, source.redactions, citation.start)
        except Exception:  # display only: the exact quote is still correct
            pass
    return " ".join(text.split())


def render(groups: list[Group], intent: Intent, ctx: Context) -> str:
    lines: list[str] = []
    for g in groups:
        parts = []
        for origin in ("besluit", "aantekening", "doorgeschoven", "agenda"):
            quotes = [q for q in g.quotes if q.origin == origin]
            if not quotes:
                continue
            said = " ".join(f"“{display(q.citation, ctx)}”" for q in quotes)
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

