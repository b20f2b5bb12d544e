"""The concept verslag in Dutch minutes conventions, as Markdown.

Header (reeks, datum en tijd, locatie, aanwezig, verslag), per agenda item what was on the agenda (one
line of the prepared text) and what was said or concluded (the notes, quoted exactly), then the
besluitenlijst, the actielijst and the doorgeschoven punten. A redacted person appears only as the
redaction token ("[gelakt 5.1.2e]"), never by a guessed name. It stays "Concept" until the secretary
saves it.
"""

from __future__ import annotations

import datetime as dt
import re

from notulist import dutch as _dutch
from notulist.models import Action, AgendaItem, Attendee, Extraction, Meeting, Source, Verslag
from summarise import rules

NO_NOTES = "Geen aantekeningen uit de vergadering."
_TOKEN = re.compile(r"\[gelakt[^\]]*\]")
_MAX_AGENDA_LINE = 240
_MAX_QUOTE = 600


def dutch_date(day: dt.date | None) -> str:
    return _dutch.dutch_date(day) if day else "onbekend"


def _display(text: str) -> str:
    """Text with redaction marks as tokens and markdown link/emphasis debris removed, on one line."""
    from ingest.redactions import display_text, find_redactions

    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]  # already shown as tokens: leave alone
    marks = [r for r in find_redactions(text) if not any(a <= r.start < b for a, b in tokens)]
    text = display_text(text, marks)
    text = re.sub(r"<sup>|</sup>", "", text)
    text = re.sub(r"\[([^\]]*)\]\(#?[^)]*\)", r"\1", text)
    text = re.sub(r"(?<!\w)[*_]{1,2}|[*_]{1,2}(?!\w)", "", text)
    text = re.sub(r"^\s*(?:[-*•➤]\s+)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _cell(text: str | None) -> str:
    """A Markdown table cell: one line, pipes escaped."""
    if not text:
        return "—"
    return re.sub(r"\s+", " ", text).replace("|", "\\|").strip() or "—"


def _attendee(a: Attendee) -> str:
    """A name as written, or for a redacted person only the redaction token(s) — never a guess."""
    if not a.redacted and a.name:
        return a.name
    tokens = _TOKEN.findall(_display(a.as_written))
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


def _first_line(item: AgendaItem) -> str | None:
    """One line of what was on the agenda: the first sentence of the prepared text."""
    body = (item.body or "").strip()
    if not body:
        return None
    lines = [ln for ln in body.splitlines() if ln.strip() and not re.match(r"\s*\*?bijlage", ln, re.I)]
    if not lines:
        return None
    text = _display(" ".join(lines))
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", text, maxsplit=1)[0]
    return sentence if len(sentence) <= _MAX_AGENDA_LINE else sentence[: _MAX_AGENDA_LINE - 1].rsplit(" ", 1)[0] + " …"


def _due(action: Action) -> str:
    if action.due_date and action.due and not re.search(r"\d", action.due):
        return f"{dutch_date(action.due_date)} ({action.due})"
    if action.due_date:
        return dutch_date(action.due_date)
    return action.due or "—"


def _owner(action: Action) -> str:
    if action.owner_redacted and not action.owner:
        return "[gelakt]"
    return action.owner or "—"


def _item_label(meeting: Meeting, number: str | None) -> str:
    if number is None:
        return "—"
    item = meeting.item(number)
    return f"{number}. {_display(item.title)}" if item else number


def _record_sentences(meeting: Meeting, item: AgendaItem, sources: dict[str, Source]) -> list[str]:
    """For minutes: the item's own text (it is already the account of the meeting), sentence by sentence."""
    from summarise.extract import _own_region

    source = sources.get(item.source_id)
    if source is None:
        return []
    lo, hi = _own_region(meeting, item)
    return [source.raw_text[s:e] for s, e in rules.split_clauses(source.raw_text, lo, hi)
            if "|" not in source.raw_text[s:e]]


def draft_verslag(meeting: Meeting, extraction: Extraction, sources: dict[str, Source], *, llm=None,
                  followups: dict[str, str] | None = None) -> Verslag:
    """A concept verslag from the stored meeting and its extraction (rule-based; `llm` is optional).

    With an `llm`, each item also gets a short account written by the model, kept only where every
    sentence rests on an exact quote (the grounding check); without one, or when it fails, the
    rule-based text stands alone and one warning says so.
    `followups` maps a postponed item number to where it reappears (e.g. "agenda 18 maart, punt 2").
    """
    from summarise.extract import is_record_document

    accounts, warnings, llm_used = {}, [], False
    if llm is not None:
        from notulist.errors import LLMError
        from summarise.llm_verslag import item_accounts_with_llm

        try:
            accounts, warnings = item_accounts_with_llm(meeting, sources, llm)
            llm_used = bool(accounts)
        except LLMError as exc:
            warnings = [f"taalmodel niet gebruikt voor het verslag: {exc}"]

    agenda = sources.get(meeting.source_ids[0]) if meeting.source_ids else None
    record = agenda is not None and is_record_document(meeting, agenda)
    present, minute_takers = _attendees(meeting)
    when = dutch_date(meeting.date)
    if meeting.date and meeting.date_inferred:
        when += " (jaar afgeleid)"
    if meeting.time:
        when += f", {meeting.time} uur" if "uur" not in meeting.time else f", {meeting.time}"

    out: list[str] = [f"# Verslag {meeting.series}", "", "**Concept** — opgesteld door Notulist uit de agenda en de "
                      "aantekeningen; controleer het voordat je het verstuurt.", ""]
    out += [f"- **Reeks:** {meeting.series}", f"- **Datum en tijd:** {when}",
            f"- **Locatie:** {meeting.location or '—'}", f"- **Aanwezig:** {present}",
            f"- **Verslag:** {minute_takers}", ""]

    out += ["## Verloop van de vergadering", ""]
    decisions_by_item: dict[str | None, list[str]] = {}
    for d in extraction.decisions:
        decisions_by_item.setdefault(d.item, []).append(d.text)
    actions_by_item: dict[str | None, list[Action]] = {}
    for a in extraction.actions:
        actions_by_item.setdefault(a.item, []).append(a)
    postponed_items = {p.item for p in extraction.postponed}

    for item in meeting.items:
        if item.parent:
            continue  # sub-items are told under their parent
        out.append(f"### {item.number}. {_display(item.title)}")
        out.append("")
        family = [item] + [i for i in meeting.items if i.parent == item.number]
        if not record:
            line = _first_line(item) or next((_first_line(i) for i in family[1:] if _first_line(i)), None)
            if line:
                out += [f"*Geagendeerd:* {line}", ""]
        notes = [n for it in family for n in it.notes]
        if record:
            said = [s for it in family for s in _record_sentences(meeting, it, sources)]
            quotes = [f"> {_display(s)}" for s in said]
        else:
            quotes = [f"> {_display(n.text)}" for n in notes]
        if quotes:
            out.append("*Besproken* (uit de aantekeningen):" if not record else "*Besproken:*")
            out.append("")
            shown = 0
            for q in quotes:
                out.append(q if len(q) <= _MAX_QUOTE else q[:_MAX_QUOTE].rsplit(" ", 1)[0] + " …")
                out.append(">")
                shown += 1
            out.pop()
            out.append("")
        elif not (record and actions_by_item.get(item.number)):
            out += [NO_NOTES, ""]
        account = [sent for it in family for sent in accounts.get(it.number, [])]
        if account:
            out += ["*Samenvatting* (taalmodel, elk punt met citaat):", ""]
            out += [f"- {_display(sent.text)} (\u201c{_display(sent.citation.quote)}\u201d)" for sent in account]
            out.append("")
        for text in decisions_by_item.get(item.number, []):
            out.append(f"- **Besluit:** {text}")
        for a in actions_by_item.get(item.number, []):
            who = _owner(a)
            tail = f" ({who}" + (f", {_due(a)})" if a.due or a.due_date else ")")
            out.append(f"- **Actie:** {a.text}{tail}")
        if item.number in postponed_items:
            out.append("- **Doorgeschoven** naar een volgende vergadering.")
        if out[-1] != "":
            out.append("")

    out += ["## Besluitenlijst", ""]
    if extraction.decisions:
        out += ["| Nr | Agendapunt | Besluit |", "|---|---|---|"]
        for n, d in enumerate(extraction.decisions, 1):
            out.append(f"| {n} | {_cell(_item_label(meeting, d.item))} | {_cell(d.text)} |")
    else:
        out.append("Geen besluiten vastgelegd.")
    out.append("")

    out += ["## Actielijst", ""]
    if extraction.actions:
        out += ["| Nr | Actie | Actiehouder | Deadline | Status | Agendapunt |", "|---|---|---|---|---|---|"]
        for n, a in enumerate(extraction.actions, 1):
            status = "afgerond" if a.status == "done" else "open"
            if a.from_actielijst and a.status != "done":
                status = "open (eerdere actie)"
            out.append(f"| {n} | {_cell(a.text)} | {_cell(_owner(a))} | {_cell(_due(a))} | {status} | "
                       f"{_cell(a.item or '—')} |")
    else:
        out.append("Geen acties vastgelegd.")
    out.append("")

    out += ["## Doorgeschoven punten", ""]
    if extraction.postponed:
        for p in extraction.postponed:
            where = f" — terug op {followups[p.item]}" if followups and p.item in followups else ""
            out.append(f"- {_item_label(meeting, p.item)}: \"{_display(p.citation.quote)}\"{where}")
    else:
        out.append("Geen.")
    out.append("")
    return Verslag(meeting_id=meeting.id, markdown="\n".join(out), status="concept", llm_used=llm_used,
                   warnings=warnings)


def postponed_followups(store, meeting: Meeting, extraction: Extraction) -> dict[str, str]:
    """Where each postponed item of this meeting comes back: the next meeting of the series whose item
    is on the same thread (matched by title, see ingest.threads), e.g. {"7": "18 maart 2024, punt 3"}."""
    if not extraction.postponed:
        return {}
    try:
        from ingest.threads import find_threads
    except ImportError:  # pragma: no cover - part of the project
        return {}
    meetings = store.list_meetings(meeting.series)
    by_id = {m.id: m for m in meetings}
    result: dict[str, str] = {}
    for thread in find_threads(meetings):
        entries = list(thread.items)
        for idx, (mid, number) in enumerate(entries):
            if mid != meeting.id:
                continue
            top = number.split(".")[0]
            if not any(p.item in (number, top) for p in extraction.postponed):
                continue
            later = [(m2, n2) for m2, n2 in entries[idx + 1:] if m2 in by_id and by_id[m2].date and meeting.date
                     and by_id[m2].date > meeting.date]
            if later:
                nxt, item_number = later[0]
                result.setdefault(top if top in {p.item for p in extraction.postponed} else number,
                                  f"{dutch_date(by_id[nxt].date)}, punt {item_number}")
    return result
