"""A sentence that is an item's heading is skipped as a quote only where the heading stands apart from the
item's text; a title that is the point's whole text (a one-line point, a besluitenlijst subject line) or a
sentence that runs on past the title is read (retrieval.quotes.bare_heading)."""

from __future__ import annotations

from notulist.models import AgendaItem
from retrieval.quotes import bare_heading


def _item(raw: str, title: str, end: int | None = None) -> AgendaItem:
    start = raw.index(title)
    return AgendaItem(number="3", title=title, source_id="s", start=max(0, start - 3), end=len(raw) if end is None else end,
                      title_start=start, title_end=start + len(title))


def _sentence(raw: str, text: str) -> tuple[int, int]:
    s = raw.index(text)
    return s, s + len(text)


def test_a_heading_above_its_text_is_skipped():
    raw = "3. Vaststelling verslag\nHet verslag wordt ongewijzigd vastgesteld."
    item = _item(raw, "Vaststelling verslag")
    assert bare_heading(raw, *_sentence(raw, "3. Vaststelling verslag"), item)
    assert not bare_heading(raw, *_sentence(raw, "Het verslag wordt ongewijzigd vastgesteld."), item)


def test_a_one_line_point_is_its_own_answer():
    raw = "3. Het verslag wordt ongewijzigd vastgesteld.\n4. Rondvraag"
    item = _item(raw, "Het verslag wordt ongewijzigd vastgesteld.", end=raw.index("4."))
    assert not bare_heading(raw, *_sentence(raw, "3. Het verslag wordt ongewijzigd vastgesteld."), item)


def test_a_sentence_that_runs_on_past_the_title_is_read():
    raw = "1. Opening De voorzitter opent de vergadering om 20.00 uur en heet iedereen welkom. Er zijn geen afmeldingen."
    item = _item(raw, "Opening")
    assert not bare_heading(raw, *_sentence(raw, "1. Opening De voorzitter opent de vergadering om 20.00 uur en heet "
                                                 "iedereen welkom."), item)
