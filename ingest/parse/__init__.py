"""Turn a Dutch meeting document (agenda, verslag/notulen, besluitenlijst) into a `Meeting`.

The parser is line based and hand written on purpose: Dutch agendas mix heading levels (`##` .. `#####`),
bold lines and plain numbered lines, and put numbered lists inside items. An agenda item is a numbered,
title-like line at any level whose number continues the sequence of items; a numbered list inside an
item's body restarts at 1, is written as running prose, or sits below a stronger heading of the same
number, and is therefore not an item.

Every item keeps exact spans in the agenda Source's `raw_text`; titles and bodies are the display form
(redaction marks shown as one token). Notes (text written during the meeting) are found by
`ingest.notes` and kept apart from the prepared text.

One module per job: `lines` (lines and markup), `dates`, `header`, `series` and `attendees`, `kinds` (item kinds,
hint and attachment lines), `candidates`, `items` and `tables` (agenda items), `runs` (which numbered
lines are the agenda, decided from the whole document), `lists` (numbered lists inside the minutes' text, gaps in an outline's numbering), `letters` (agendas lettered A, B, C ... whose PDF
table comes column by column), `split_titles` (numbers and titles on separate lines), `bodyheads`
(plain heading lines with body text below, bold 'Titel:' lines, outlines), `runon` (items and titles
numbered inside run-on lines: a page per line), `spans` (an item's own text), `words` (the structure words of
`notulist/nl/data/structure.toml`: next-meeting and publication dates, session parts, site chrome, outcome values). `ingest.meeting.parse_meeting` puts header, items and notes together; it lives above both
`ingest.parse` and `ingest.notes`, so neither imports the other back.
"""

from ingest.parse.dates import filename_date, find_dates, infer_year
from ingest.parse.header import normalise_series, parse_header
from ingest.parse.items import find_items
from ingest.parse.lines import Line, plain, split_lines
from ingest.parse.spans import item_body, own_ends, prepared_segments

__all__ = ["Line", "filename_date", "find_dates", "find_items", "infer_year", "item_body", "normalise_series",
           "own_ends", "parse_header", "plain", "prepared_segments", "split_lines"]
