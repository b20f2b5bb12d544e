"""The parser's structure words as data (`notulist/nl/data/structure.toml`, read through `notulist.nl`),
compiled once per lexicon."""

from __future__ import annotations

import re
from typing import Literal

from notulist.nl import Lexicon, lexicon

DATA_FILE = "structure.toml"

StructureList = Literal["not_meeting_date", "session_heading", "page_chrome", "table_outcome", "motion_line",
                        "document_section", "item_part", "closing_section",
                        "document_title", "standard_item", "decision_opening", "decision_list",
                        "decision_in_line"]


def structure_pattern(name: StructureList) -> re.Pattern[str]:
    """One list of `structure.toml` as one case-insensitive alternation (of the lexicon in use)."""

    def build(lex: Lexicon) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in lex.table(DATA_FILE)[name]), re.IGNORECASE)

    return lexicon().compiled(f"structure:{name}", build)


def is_session_heading(text: str) -> bool:
    """'OPENBAAR', 'Besloten zitting': a part of the session, not an agenda item."""
    return bool(structure_pattern("session_heading").match(text.strip()))


def names_other_date(line_text: str) -> bool:
    """A line whose date is not the meeting's: the next meeting, publication or sending, a deadline."""
    return bool(structure_pattern("not_meeting_date").search(line_text))


def is_page_chrome(text: str) -> bool:
    """Website navigation printed with the page ('Home', 'Startpagina Kalender Zoeken', 'Pdf-versie')."""
    return bool(structure_pattern("page_chrome").match(text.strip()))


def is_document_section(text: str) -> bool:
    """'## Attendees', '## Notes', 'Aanwezigen': a part of the document, not an agenda item."""
    return bool(structure_pattern("document_section").match(text.strip()))


def is_item_part(text: str) -> bool:
    """'Motivering', 'Besluit', 'Artikel 1', 'Stemming', 'Goedgekeurd': a part of one agenda point, no item."""
    return bool(structure_pattern("item_part").match(text.strip()))


def is_closing_section(text: str) -> bool:
    """'Actiepunten', 'Besluitenlijst', 'Afspraken en acties': the meeting's summary list, which after the
    last agenda item closes the document and is no item of its own."""
    return bool(structure_pattern("closing_section").match(text.strip()))


def is_document_title(text: str) -> bool:
    """'Notulen ALV', 'Verslag overleg': a line that names the document (its kind or the meeting)."""
    return bool(structure_pattern("document_title").search(text))


def is_standard_item(text: str) -> bool:
    """'Opening', 'Mededelingen', 'Notulen 14 mei', 'Rondvraag': a standard point of a Dutch agenda."""
    return bool(structure_pattern("standard_item").match(text.strip()))
