"""A number on a line of its own above a long title standing alone, and a besluitenlijst written as subject lines
above the paragraph that records each decision (round 8). Texts written for the test in the way provinces and
colleges publish their decisions; no corpus document is used."""

from __future__ import annotations

from tests.test_ingest_structure_forms import top_items

NUMBER_ABOVE_LONG_TITLE = """Openbare besluitenlijst vergadering GS van 10 maart 2021

1..

Project Europa

Gedeputeerde Staten hebben kennis genomen van het projectplan.

2.

Vragen ex artikel 21 RvO van de heer Jansen (D66) inzake de verwikkelingen rondom de benoeming van burgemeesters

Gedeputeerde Staten hebben de antwoorden vastgesteld.

3.

Aankoop onroerend goed ten behoeve van project N280

Gedeputeerde Staten hebben besloten in te stemmen met de aankoop.
"""


def test_a_number_alone_above_a_long_title_standing_alone_opens_the_item():
    assert [n for n, _ in top_items(NUMBER_ABOVE_LONG_TITLE)] == ["1", "2", "3"]
    assert top_items(NUMBER_ABOVE_LONG_TITLE)[1][1].endswith("de benoeming van burgemeesters")
