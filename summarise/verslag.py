"""The concept verslag in Dutch minutes style, without an LLM: a `VerslagDocument`, then Markdown.

Per agenda item a short account: what was asked (the item's question in the prepared text), what was
said (the notes as complete sentences: "Peter is akkoord" -> "Peter gaat akkoord met de beschreven
aanpak."), the conclusion (besluiten, acties), and what was postponed — at the level of the sub-point
("Volgende keer" under the third bullet of item 1 postpones that bullet, not the item). Then the
besluitenlijst, the actielijst and the doorgeschoven punten. Every statement keeps its citation (an exact
span); nothing is cut off. A redacted person appears only as the token ("[gelakt 5.1.2e]").
With an LLM, the notes part of each account is the model's grounded prose (summarise/llm_verslag.py).
"""

from __future__ import annotations

import re

from ingest.redactions import display_text, find_redactions
from ingest.threads import find_threads
from notulist import dutch as _dutch
from notulist.errors import LLMError
from notulist.models import Action, AgendaItem, Attendee, Citation, Extraction, Meeting, Note, Source, Verslag
from notulist.text import clause_spans
from notulist.verslag_doc import ActionRow, DecisionRow, PostponedRow, VerslagDocument, VerslagSection, VerslagStatement
from summarise import verslag_sentences as vs
from summarise.extract.document import is_record_document, own_region
from summarise.llm_verslag import item_accounts_with_llm
from summarise.verslag_render import NO_NOTES, render_markdown

__all__ = ["NO_NOTES", "draft_document", "draft_verslag", "draft_with_document", "dutch_date", "postponed_followups"]

_TOKEN = re.compile(r"\[gelakt[^\]]*\]")
_BULLET = re.compile(r"^[-*•➤]\s+", re.M)
_MAX_ASKED = 3


def dutch_date(day) -> str:
    return _dutch.dutch_date(day) if day else "onbekend"


def _attendee(a: Attendee) -> str:
    """A name as written, or for a redacted person only the redaction token(s) — never a guess."""
    if not a.redacted and a.name:
        return a.name
    tokens = _TOKEN.findall(re.sub(r"\s+", " ", a.as_written))
    if not tokens:
        tokens = _TOKEN.findall(display_text(a.as_written, find_redactions(a.as_written)))
    return " ".join(dict.fromkeys(tokens)) if tokens else "[gelakt]"


def _attendees(meeting: Meeting) -> tuple[str, str]:
    present, minute_takers = [], []
    for a in meeting.attendees:
        role = (a.role or "").lower()
        if "afwezig" in role:
            continue
        shown = _attendee(a)
        if any(w in role for w in ("verslag", "notul", "notitie")):
            minute_takers.append(shown)
        present.append(f"{shown} ({a.role})" if a.role and a.role.lower() not in shown.lower() else shown)
    return ", ".join(present) or "—", ", ".join(minute_takers) or "—"


def _owner(action: Action) -> str | None:
    if action.owner_redacted and not action.owner:
        red = _TOKEN.search(action.text)
        return red.group(0) if red else "[gelakt]"
    return action.owner


class _Ctx:
    """What every item's account needs: the sources, the extraction's quotes and the attendees."""

    def __init__(self, meeting: Meeting, extraction: Extraction, sources: dict[str, Source]):
        self.meeting, self.extraction, self.sources = meeting, extraction, sources
        self.speakers = frozenset(a.name for a in meeting.attendees if a.name and not a.redacted)
        self.cited = [c for c in self._citations() if c is not None]

    def _citations(self):
        e = self.extraction
        return [d.citation for d in e.decisions] + [a.citation for a in e.actions] + [p.citation for p in e.postponed]

    def used(self, source_id: str, s: int, e: int) -> bool:
        """The span is (part of) a quote of a decision, action or postponement: told as the conclusion."""
        return any(c.source_id == source_id and c.start < e and s < c.end for c in self.cited)

    def citation(self, item: AgendaItem, source: Source, s: int, e: int) -> Citation:
        m = self.meeting
        return Citation(meeting_id=m.id, date=m.date, item=item.number, item_title=item.title,
                        quote=source.raw_text[s:e], source_id=source.id, start=s, end=e)


def _subpoints(raw: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The bullets of an item's own text as (start, end) spans; the whole region when it has fewer than two."""
    starts = [lo + m.start() for m in _BULLET.finditer(raw[lo:hi])]
    if len(starts) < 2:
        return [(lo, hi)]
    return [(s, e) for s, e in zip(starts, starts[1:] + [hi])]


def _subject(raw: str, source: Source, s: int, e: int, prepared: list[tuple[int, int]]) -> str:
    """A bullet's subject: its bold heading line, else its first prepared sentence (whole)."""
    first_line = raw[s:e].split("\n", 1)[0]
    if re.match(r"^[-*•➤]\s+\*\*[^*]+\*\*\s*$", first_line):
        return vs.display(source, s, s + len(first_line))
    if prepared:
        return vs.display(source, *prepared[0])
    return vs.display(source, s, s + len(first_line))


def postponed_subject(meeting: Meeting, sources: dict[str, Source], citation: Citation, item_number: str) -> str | None:
    """The sub-point (bullet) of the item that a postponement's quote lies in, when the item has several."""
    item = meeting.item(item_number.split(".")[0]) or meeting.item(item_number)
    source = sources.get(item.source_id) if item else None
    if item is None or source is None or citation.source_id != source.id:
        return None
    lo, hi = own_region(meeting, item)
    parts = _subpoints(source.raw_text, lo, max(hi, item.end))
    if len(parts) < 2:
        return None
    for s, e in parts:
        if s <= citation.start < e:
            notes = [n for n in item.notes]
            return _subject(source.raw_text, source, s, e, _prepared(source.raw_text, s, e, notes, source.id)).rstrip(".")
    return None


def _in_notes(item_notes, source_id: str, s: int, e: int) -> bool:
    return any(n.source_id == source_id and n.start < e and s < n.end for n in item_notes)


def _prepared(raw: str, lo: int, hi: int, notes, source_id: str) -> list[tuple[int, int]]:
    out = []
    for s, e in clause_spans(raw, lo, hi):
        text = raw[s:e].strip()
        if _in_notes(notes, source_id, s, e) or re.match(r"^[*_]*bijlage\b", text, re.I) or "|" in text:
            continue
        out.append((s, e))
    return out


def _asked(ctx: _Ctx, item: AgendaItem, source: Source, prepared, subject: str | None) -> list[VerslagStatement]:
    texts = [(s, e, vs.display(source, s, e)) for s, e in prepared if not ctx.used(source.id, s, e)]
    texts = [t for t in texts if t[2] and t[2] != subject]
    asked = [t for t in texts if vs.is_question_lead(t[2])][:_MAX_ASKED] or texts[:1]
    return [VerslagStatement(kind="gevraagd", text=vs.finish(t), citation=ctx.citation(item, source, s, e),
                             subpoint=subject) for s, e, t in asked]


def _said(ctx: _Ctx, item: AgendaItem, notes, questions: list[str], subject: str | None) -> list[VerslagStatement]:
    out = []
    for note in notes:
        source = ctx.sources.get(note.source_id)
        if source is None:
            continue
        for s, e in clause_spans(source.raw_text, note.start, note.end) or [(note.start, note.end)]:
            if ctx.used(source.id, s, e):
                continue
            text = vs.display(source, s, e)
            if not text or vs.is_postponed_note(text):
                continue
            sentence = vs.as_sentence(text, questions=questions, title=item.title, speakers=ctx.speakers)
            out.append(VerslagStatement(kind="besproken", text=sentence, citation=ctx.citation(item, source, s, e),
                                        subpoint=subject))
    return out


def _decision_text(ctx: _Ctx, text: str, questions: list[str], title: str) -> str:
    return vs.as_sentence(text, questions=questions, title=title, speakers=ctx.speakers)


def _action_text(action: Action, owner: str | None) -> str:
    sentence = vs.finish(vs.strip_label(action.text))
    written = action.due and re.search(r"\d", action.due) and action.due.casefold() in sentence.casefold()
    deadline = None if written else _deadline_text(action)  # "voor 16 oktober" says it already
    if deadline and action.due_date and action.due and action.due.casefold() in sentence.casefold():
        deadline = dutch_date(action.due_date)  # "komt morgen terug" -> "(12 maart 2024)"
    extra = [x for x in (owner, deadline) if x and x not in sentence]
    if not extra:
        return sentence
    end = sentence[-1] if sentence[-1] in ".!" else ""
    return f"{sentence[:len(sentence) - len(end)]} ({', '.join(extra)}){end or '.'}"


def _deadline_text(action: Action) -> str | None:
    if action.due_date and action.due and not re.search(r"\d", action.due):
        return f"{action.due}, {dutch_date(action.due_date)}"
    if action.due_date:
        return dutch_date(action.due_date)
    return action.due


def _conclusions(ctx: _Ctx, item_numbers: set[str], inside, questions: list[str], title: str,
                 subject: str | None, subject_count: int) -> list[VerslagStatement]:
    """Besluiten, acties and postponements of these items whose quote lies inside this sub-point."""
    e, out = ctx.extraction, []
    for d in e.decisions:
        if d.item in item_numbers and inside(d.citation):
            out.append(VerslagStatement(kind="besluit", text=_decision_text(ctx, d.text, questions, title),
                                        citation=d.citation, subpoint=subject))
    for a in e.actions:
        if a.item in item_numbers and inside(a.citation):
            out.append(VerslagStatement(kind="actie", text=_action_text(a, _owner(a)), citation=a.citation,
                                        subpoint=subject))
    for p in e.postponed:
        if p.item in item_numbers and inside(p.citation):
            text = (vs.wording().postponed_subpoint.format(subject=subject.rstrip("."))
                    if subject and subject_count > 1 else vs.wording().postponed_item)
            out.append(VerslagStatement(kind="doorgeschoven", text=text, citation=p.citation, subpoint=subject))
    return out


def _item_statements(ctx: _Ctx, item: AgendaItem, family: list[AgendaItem], record: bool) -> list[VerslagStatement]:
    source = ctx.sources.get(item.source_id)
    if source is None:
        return []
    raw, numbers = source.raw_text, {i.number for i in family}
    notes = [n for it in family for n in it.notes]
    lo, hi = own_region(ctx.meeting, item)
    hi = max([hi] + [own_region(ctx.meeting, i)[1] for i in family[1:] if i.source_id == item.source_id])
    parts = _subpoints(raw, lo, hi)
    out: list[VerslagStatement] = []
    for idx, (s, e) in enumerate(parts):
        last = idx == len(parts) - 1
        prepared = _prepared(raw, s, e, notes, source.id)
        subject = _subject(raw, source, s, e, prepared) if len(parts) > 1 else None

        def inside(c: Citation, s=s, e=e, last=last) -> bool:
            return (c.source_id == source.id and s <= c.start < e) or (last and c.source_id != source.id) \
                or (last and c.source_id == source.id and not lo <= c.start < hi)

        here = [n for n in notes if inside(Citation(meeting_id="", quote="", source_id=n.source_id, start=n.start,
                                                    end=n.end))]
        if record:
            said = _said(ctx, item, [_pseudo_note(source, a, b) for a, b in prepared], [], subject)
            out += said + _conclusions(ctx, numbers, inside, [], item.title, subject, len(parts))
            continue
        asked = _asked(ctx, item, source, prepared, subject)
        questions = [st.text for st in asked]
        out += asked + _said(ctx, item, here, questions, subject)
        out += _conclusions(ctx, numbers, inside, questions, item.title, subject, len(parts))
    return out


def _pseudo_note(source: Source, s: int, e: int):
    return Note(id="", item=None, text=source.raw_text[s:e], source_id=source.id, start=s, end=e, method="heuristic")


def _with_llm(statements: list[VerslagStatement], account) -> list[VerslagStatement]:
    """The model's grounded sentences in place of the rule-based notes part of the account."""
    if not account:
        return statements
    said = [VerslagStatement(kind="besproken", text=vs.finish(sent.text), citation=sent.citation) for sent in account]
    asked = [st for st in statements if st.kind == "gevraagd"]
    rest = [st for st in statements if st.kind not in ("gevraagd", "besproken")]
    return asked + said + rest


def _rows(ctx: _Ctx, sections: list[VerslagSection]) -> tuple[list[DecisionRow], list[ActionRow], list[PostponedRow]]:
    by_quote = {(st.citation.source_id, st.citation.start, st.kind): st for sec in sections for st in sec.statements
                if st.citation}
    e = ctx.extraction
    decisions = []
    for d in e.decisions:
        st = by_quote.get((d.citation.source_id, d.citation.start, "besluit"))
        decisions.append(DecisionRow(text=st.text if st else vs.finish(vs.strip_label(d.text)), item=d.item,
                                     citation=d.citation))
    actions = [ActionRow(text=vs.finish(vs.strip_label(a.text)), owner=_owner(a), deadline=a.due_date,
                         due=a.due if not a.due_date or not re.search(r"\d", a.due or "") else None,
                         status="afgerond" if a.status == "done" else "open", item=a.item,
                         earlier=a.from_actielijst, action_id=a.id, citation=a.citation) for a in e.actions]
    postponed = []
    for p in e.postponed:
        st = by_quote.get((p.citation.source_id, p.citation.start, "doorgeschoven"))
        item = ctx.meeting.item(p.item)
        label = f"{p.item}. {item.title}" if item else p.item
        subject = f"{label} — {st.subpoint}" if st and st.subpoint and "Het punt" in st.text else label
        postponed.append(PostponedRow(item=p.item, subject=vs.display_plain(subject), citation=p.citation))
    return decisions, actions, postponed


def draft_document(meeting: Meeting, extraction: Extraction, sources: dict[str, Source], *,
                   accounts: dict | None = None, followups: dict[str, str] | None = None) -> VerslagDocument:
    """The concept verslag as a structured document (rule-based; `accounts` are grounded LLM sentences)."""
    ctx = _Ctx(meeting, extraction, sources)
    agenda = sources.get(meeting.source_ids[0]) if meeting.source_ids else None
    record = agenda is not None and is_record_document(meeting, agenda)
    sections = []
    for item in meeting.items:
        if item.parent:
            continue  # sub-items are told under their parent
        family = [item] + [i for i in meeting.items if i.parent == item.number]
        statements = _item_statements(ctx, item, family, record)
        account = [sent for it in family for sent in (accounts or {}).get(it.number, [])]
        sections.append(VerslagSection(item=item.number, title=vs.display_plain(item.title),
                                       statements=_with_llm(statements, account),
                                       notes=sum(len(i.notes) for i in family)))
    decisions, actions, postponed = _rows(ctx, sections)
    for row in postponed:
        row.followup = (followups or {}).get(row.item)
    present, minute_takers = _attendees(meeting)
    return VerslagDocument(meeting_id=meeting.id, title=f"Verslag {meeting.series}", series=meeting.series,
                           meeting_title=meeting.title, date=meeting.date, when=_when(meeting),
                           location=meeting.location or "—", present=present, minute_takers=minute_takers,
                           sections=sections, decisions=decisions, actions=actions, postponed=postponed)


def _when(meeting: Meeting) -> str:
    when = dutch_date(meeting.date)
    if meeting.date and meeting.date_inferred:
        when += " (jaar afgeleid)"
    if meeting.time:
        when += f", {meeting.time} uur" if "uur" not in meeting.time else f", {meeting.time}"
    return when


def draft_verslag(meeting: Meeting, extraction: Extraction, sources: dict[str, Source], *, llm=None,
                  followups: dict[str, str] | None = None) -> Verslag:
    """A concept verslag (Markdown) from the stored meeting and extraction; see `draft_with_document`."""
    return draft_with_document(meeting, extraction, sources, llm=llm, followups=followups)[0]


def draft_with_document(meeting: Meeting, extraction: Extraction, sources: dict[str, Source], *, llm=None,
                        followups: dict[str, str] | None = None) -> tuple[Verslag, VerslagDocument]:
    """A concept verslag and its structured document from the stored meeting and extraction.

    With an `llm`, each item's notes are told by the model, kept only where every sentence rests on an
    exact quote (the grounding check); without one, or when it fails, the rule-based account stands and
    one warning says so. `followups` maps a postponed item number to where it reappears.
    """
    accounts, warnings = {}, []
    if llm is not None:
        try:
            accounts, warnings = item_accounts_with_llm(meeting, sources, llm)
        except LLMError as exc:
            warnings = [f"taalmodel niet gebruikt voor het verslag: {exc}"]
    document = draft_document(meeting, extraction, sources, accounts=accounts, followups=followups)
    verslag = Verslag(meeting_id=meeting.id, markdown=render_markdown(document), status="concept",
                      llm_used=bool(accounts), warnings=warnings)
    return verslag, document


def postponed_followups(store, meeting: Meeting, extraction: Extraction) -> dict[str, str]:
    """Where each postponed item of this meeting comes back: the next meeting of the series whose item
    is on the same thread (matched by title, see ingest.threads), e.g. {"7": "18 maart 2024, punt 3"}."""
    if not extraction.postponed:
        return {}
    meetings = store.list_meetings(meeting.series)
    by_id = {m.id: m for m in meetings}
    postponed = {p.item for p in extraction.postponed}
    result: dict[str, str] = {}
    for thread in find_threads(meetings):
        entries = list(thread.items)
        for idx, (mid, number) in enumerate(entries):
            top = number.split(".")[0]
            if mid != meeting.id or not ({number, top} & postponed):
                continue
            later = [(m2, n2) for m2, n2 in entries[idx + 1:] if m2 in by_id and by_id[m2].date and meeting.date
                     and by_id[m2].date > meeting.date]
            if later:
                nxt, item_number = later[0]
                result.setdefault(top if top in postponed else number, f"{dutch_date(by_id[nxt].date)}, punt {item_number}")
    return result
