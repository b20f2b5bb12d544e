"""A `VerslagDocument` as Markdown: the account per item, besluitenlijst, actielijst, doorgeschoven punten
and, last, the sources ("Bronnen") as numbered footnotes — meeting, date, item and the quote as shown.

Footnotes use the common Markdown syntax (`[^3]`); `summarise.export` turns them into superscript numbers
and a source list in Word.
"""

from __future__ import annotations

import re

from notulist import dutch as _dutch
from notulist.models import Citation
from notulist.verslag_doc import ActionRow, VerslagDocument, VerslagSection, VerslagStatement
from ingest.redactions import display_text, find_redactions
from summarise.verslag_sentences import is_question_lead

NO_NOTES = "Geen aantekeningen uit de vergadering."
CONCEPT = ("**Concept** — opgesteld door Notulist uit de agenda en de aantekeningen; controleer het voordat je het "
           "verstuurt.")
STATUS = {"open": "open", "afgerond": "afgerond", "vervallen": "vervallen"}


def _date(day) -> str:
    return _dutch.dutch_date(day) if day else "onbekend"


def quote_display(quote: str) -> str:
    """A stored quote as shown: redaction marks as their tokens, on one line (the stored quote is unchanged)."""
    if "[gelakt" in quote:
        shown = quote
    else:
        shown = display_text(quote, find_redactions(quote))
    return re.sub(r"\s+", " ", re.sub(r"</?sup>", "", shown)).strip()


class _Notes:
    """Numbered footnotes, one per distinct cited span."""

    def __init__(self, document: VerslagDocument):
        self.document = document
        self.numbers: dict[tuple[str, int, int], int] = {}
        self.lines: list[str] = []

    def ref(self, citation: Citation | None) -> str:
        if citation is None:
            return ""
        key = (citation.source_id, citation.start, citation.end)
        if key not in self.numbers:
            self.numbers[key] = len(self.numbers) + 1
            d = self.document
            where = f"{d.meeting_title or d.series}, {_date(citation.date or d.date)}"
            if citation.item:
                where += f", punt {citation.item}"
            self.lines.append(f"[^{self.numbers[key]}]: {where}: \u201c{quote_display(citation.quote)}\u201d")
        return f"[^{self.numbers[key]}]"


def _cell(text: str | None) -> str:
    if not text:
        return "—"
    return re.sub(r"\s+", " ", text).replace("|", "\\|").strip() or "—"


def _groups(statements: list[VerslagStatement]) -> list[tuple[str | None, list[VerslagStatement]]]:
    groups: list[tuple[str | None, list[VerslagStatement]]] = []
    for st in statements:
        if groups and groups[-1][0] == st.subpoint:
            groups[-1][1].append(st)
        else:
            groups.append((st.subpoint, [st]))
    return groups


def _statement_lines(statements: list[VerslagStatement], notes: _Notes) -> list[str]:
    out: list[str] = []
    asked = [st for st in statements if st.kind == "gevraagd"]
    said = [st for st in statements if st.kind == "besproken"]
    if asked:
        label = "Voorgelegd" if any(is_question_lead(st.text) for st in asked) else "Geagendeerd"
        out += [f"*{label}:* " + " ".join(st.text + notes.ref(st.citation) for st in asked), ""]
    if said:
        out += [" ".join(st.text + notes.ref(st.citation) for st in said), ""]
    ends = []
    for st in statements:
        if st.kind == "besluit":
            ends.append(f"- **Besluit:** {st.text}{notes.ref(st.citation)}")
        elif st.kind == "actie":
            ends.append(f"- **Actie:** {st.text}{notes.ref(st.citation)}")
        elif st.kind == "doorgeschoven":
            ends.append(f"- *{st.text}*{notes.ref(st.citation)}")
    return out + (ends + [""] if ends else [])


def _section(section: VerslagSection, notes: _Notes, followups: dict[str, str]) -> list[str]:
    out = [f"### {section.item}. {section.title}", ""]
    if section.edited_text is not None:
        text = section.edited_text.strip()
        return out + ([text, ""] if text else [NO_NOTES, ""])
    for subpoint, statements in _groups(section.statements):
        if subpoint:
            out += [f"**{subpoint}**", ""]
        out += _statement_lines(statements, notes)
    if not section.notes and not any(st.kind == "besproken" for st in section.statements):
        out += [NO_NOTES, ""]
    if section.item in followups:
        out += [f"Dit punt komt terug op {followups[section.item]}.", ""]
    return out


def _action_status(row: ActionRow) -> str:
    if row.earlier and row.status == "open":
        return "open (eerdere actie)"
    return STATUS[row.status]


def _deadline(row: ActionRow) -> str:
    if row.deadline and row.due:
        return f"{_date(row.deadline)} ({row.due})"
    if row.deadline:
        return _date(row.deadline)
    return row.due or "—"


def _lists(document: VerslagDocument, notes: _Notes) -> list[str]:
    out = ["## Besluitenlijst", ""]
    if document.decisions:
        out += ["| Nr | Agendapunt | Besluit |", "|---|---|---|"]
        for n, d in enumerate(document.decisions, 1):
            out.append(f"| {n} | {_cell(_item_label(document, d.item))} | {_cell(d.text)}{notes.ref(d.citation)} |")
    else:
        out.append("Geen besluiten vastgelegd.")
    out += ["", "## Actielijst", ""]
    if document.actions:
        out += ["| Nr | Actie | Actiehouder | Deadline | Status | Agendapunt |", "|---|---|---|---|---|---|"]
        for n, a in enumerate(document.actions, 1):
            out.append(f"| {n} | {_cell(a.text)}{notes.ref(a.citation)} | {_cell(a.owner)} | {_cell(_deadline(a))} | "
                       f"{_action_status(a)} | {_cell(a.item)} |")
    else:
        out.append("Geen acties vastgelegd.")
    out += ["", "## Doorgeschoven punten", ""]
    if document.postponed:
        for p in document.postponed:
            where = f" — terug op {p.followup}" if p.followup else ""
            out.append(f"- {p.subject}{where}{notes.ref(p.citation)}")
    else:
        out.append("Geen.")
    return out + [""]


def _item_label(document: VerslagDocument, number: str | None) -> str:
    if number is None:
        return "—"
    section = next((s for s in document.sections if s.item == number), None)
    return f"{number}. {section.title}" if section else number


def render_markdown(document: VerslagDocument, *, status: str = "concept") -> str:
    notes = _Notes(document)
    out = [f"# {document.title}", ""]
    if status == "concept":
        out += [CONCEPT, ""]
    out += [f"- **Vergadering:** {document.meeting_title or document.series}", f"- **Datum en tijd:** {document.when}",
            f"- **Locatie:** {document.location}", f"- **Aanwezig:** {document.present}",
            f"- **Verslag:** {document.minute_takers}", "", "## Verloop van de vergadering", ""]
    followups = {p.item: p.followup for p in document.postponed if p.followup}
    for section in document.sections:
        out += _section(section, notes, followups)
    out += _lists(document, notes)
    if notes.lines:
        out += ["## Bronnen", ""] + notes.lines + [""]
    return "\n".join(out)
