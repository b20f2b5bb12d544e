"""How the CLI names a citation: the meeting's title and date, the item, and the quote as shown (redaction
marks as their token, from the source's recorded spans; the stored quote stays the exact span)."""

from __future__ import annotations

from ingest.parse.lines import display
from notulist.errors import NotFoundError
from notulist.models import Citation
from notulist.store import MeetingStore
from retrieval.quotes import format_date
from summarise.actielijst import meeting_name


def citation_where(store: MeetingStore, c: Citation) -> str:
    """"Voortgangsoverleg inclusie en diversiteit, 11 maart 2024, punt 2 Safe space gesprekken" (", p. 3" for
    a quote from a PDF)."""
    try:
        name = meeting_name(store.get_meeting(c.meeting_id))
    except NotFoundError:
        name = "vergadering"
    where = f"punt {c.item}" + (f" {c.item_title}" if c.item_title else "") if c.item else "algemeen"
    page = f", p. {c.page}" if c.page else ""
    return f"{name}, {format_date(c.date)}, {where}{page}"


def quote_shown(store: MeetingStore, c: Citation) -> str:
    try:
        text = display(store.get_source(c.source_id), c.start, c.end)
    except NotFoundError:
        text = c.quote
    return " ".join(text.split())
