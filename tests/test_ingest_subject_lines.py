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


SUBJECT_LINES = """Provincie Oost

Besluitenlijst GS van 3 maart 2020

Aan deze lijst kunnen geen rechten worden ontleend.

Subsidie voor het project "Groene Dijk" van de gemeente Oosterwold.

GS hebben besloten de gemeente Oosterwold een subsidie van maximaal 40.000 euro te verlenen voor de aanleg van de groene dijk langs het kanaal.

Verslag aan Provinciale Staten over het budget voor cultuur 2019.

GS hebben het verslag vastgesteld.

Jaarplan Regionaal Overleg
2020.

Gedeputeerde Staten stemmen in met het jaarplan.

Reactie op ontwerp waterplan van het waterschap

Het waterschap heeft een ontwerp waterplan vastgesteld. GS geven een reactie op het ontwerp, gericht op de afstemming van de opgaven tot 2027.
"""


def test_subject_lines_above_the_recorded_decisions_are_the_items():
    assert [t for _, t in top_items(SUBJECT_LINES, "besluiten.txt")] == [
        'Subsidie voor het project "Groene Dijk" van de gemeente Oosterwold',
        "Verslag aan Provinciale Staten over het budget voor cultuur 2019",
        "Jaarplan Regionaal Overleg 2020",
        "Reactie op ontwerp waterplan van het waterschap",
    ]


def test_short_paragraphs_of_a_report_without_decision_records_are_no_subject_lines():
    text = """Verslag van de werkgroep

Het was een goede avond.

Er waren twintig mensen aanwezig en de zaal was vol met belangstellenden uit het hele dorp die kwamen luisteren.

Iedereen vond het gezellig.

De koffie was op tijd klaar en na afloop werd er nog lang nagepraat over de plannen voor het dorpshuis.

Volgend jaar weer.

De voorzitter dankt de vrijwilligers voor hun inzet en sluit de avond met een woord van dank aan iedereen.
"""
    assert top_items(text) == []


def test_the_record_running_on_after_the_subject_below_its_number_ends_the_title():
    text = """Openbare besluitenlijst van de vergadering van gedeputeerde staten op 22 juni 2021

1.
Vergadering AB IPO op 24 juni 2021 Het college besluit in te stemmen met de voorstellen op de agenda.

2.
Uitvoering motie 55-18A, inzake onveilige kruispunten en knelpunten in het netwerk van fietspaden Het college besluit:
1. kennis te nemen van de inventarisatie van de aangemelde projecten;
2. de staten voor te stellen een bedrag beschikbaar te stellen.
3.
Aanbesteding vervoer in de regio Het college besluit het vervoer voor drie jaar aan te besteden.
"""
    assert top_items(text) == [("1", "Vergadering AB IPO op 24 juni 2021"),
                               ("2", "Uitvoering motie 55-18A, inzake onveilige kruispunten en knelpunten in het netwerk van fietspaden"),
                               ("3", "Aanbesteding vervoer in de regio")]
