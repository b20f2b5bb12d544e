"""Parse one meeting: header, agenda items and notes (from every route) into a `Meeting`."""

from __future__ import annotations

from ingest.notes import find_notes
from ingest.parse.header import names_a_body, parse_header, title_from_filename
from ingest.parse.items import find_items
from ingest.parse.lines import body_limit, rstrip_pos
from ingest.parse.spans import item_body, own_ends
from notulist.models import Meeting, Source, stable_id


def parse_meeting(agenda: Source, *, notes: Source | None = None, clean_agenda: Source | None = None,
                  series: str | None = None, year: int | None = None) -> Meeting:
    """Parse one meeting: header, agenda items, notes (from every available route), item bodies."""
    items, header_end = find_items(agenda)
    head = parse_header(agenda, header_end if items else min(body_limit(agenda), 4000), year=year)
    if not head.title:
        head.title, head.series = title_from_filename(agenda.filename)
    elif not head.series:
        # a title that names no body ('Verslag overleg 15 april 2024'): the file name may ('..._werkgroep-x_notulen')
        named = title_from_filename(agenda.filename)[1]
        head.series = named if names_a_body(named) else ""
    if series:
        head.series = series.strip()
    meeting_series = head.series or "Onbekende reeks"

    # in a verslag or besluitenlijst all text is the record of the meeting: no "notes inside prepared
    # text" to separate (comments, a notes file and a clean-agenda diff still apply)
    found = find_notes(agenda, items, notes=notes, clean_agenda=clean_agenda,
                                 names=[a.name for a in head.attendees if a.name],
                                 heuristics=head.doc_kind not in ("minutes", "besluitenlijst", "notes"))
    by_number = {i.number: i for i in items}
    for note in found:
        target = by_number.get(note.item or "")
        if target is not None:
            target.notes.append(note)
    ends = own_ends(items, agenda.raw_text)
    in_agenda = [n for n in found if n.source_id == agenda.id]
    for item in items:
        item.notes.sort(key=lambda n: (n.source_id != agenda.id, n.start))
        item.body = item_body(agenda, item, ends[item.number], in_agenda)

    source_ids = [agenda.id] + [s.id for s in (notes, clean_agenda) if s is not None]
    date = head.date
    return Meeting(
        id=stable_id(meeting_series.casefold(), date.isoformat() if date else None, agenda.filename),
        series=meeting_series, title=head.title or meeting_series, date=date,
        date_as_written=head.date_as_written, date_inferred=head.date_inferred, time=head.time,
        location=head.location, attendees=head.attendees, doc_kind=head.doc_kind,
        items=items, source_ids=source_ids, header_start=0,
        header_end=rstrip_pos(agenda.raw_text, 0, header_end if items else body_limit(agenda)),
    )
