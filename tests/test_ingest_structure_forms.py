"""General forms of agenda items in real minutes (round 7): keyword references to a later point, labelled
paragraphs, numbered rows whose label is the title. Every text is written for the test in the way boards,
parent councils and associations write; no corpus document is used."""

from __future__ import annotations

import hashlib

from ingest.parse import find_items
from ingest.redactions import find_redactions
from notulist.models import Source


def source(text: str, name: str = "notulen.txt") -> Source:
    return Source(id=hashlib.sha256((name + text).encode()).hexdigest(), filename=name, media_type="txt",
                  role="agenda", raw_text=text, redactions=find_redactions(text))


def top_items(text: str, name: str = "notulen.txt") -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in find_items(source(text, name))[0] if i.parent is None]


PUNT_REFERENCES = """Notulen bestuursvergadering 12 maart 2024
Aanwezig: Anna, Bert, Carla
1. Opening
Anna opent de vergadering.
2. Vaststellen agenda
Punt 6: Jubileumfeest
Punt 7: Kascommissie
3. Notulen vorige vergadering
Geen opmerkingen.
4. Mededelingen
Geen.
5. Financien
De penningmeester licht de cijfers toe.
6. Jubileumfeest
Het feest wordt in juni gehouden.
7. Kascommissie
Bert en Carla doen de kascontrole.
8. Rondvraag
Niets.
"""


def test_keyword_reference_to_a_later_point_is_no_item():
    assert [n for n, _ in top_items(PUNT_REFERENCES)] == ["1", "2", "3", "4", "5", "6", "7", "8"]


PUNT_HEADINGS = """Verslag bestuur 4 april 2024
Punt 1: Opening
De voorzitter opent.
Punt 2: Verslag vorige vergadering
Akkoord.
Punt 3: Begroting 2025
Zoals besproken in punt 2 wordt de begroting later vastgesteld.
Punt 4: Rondvraag
Geen vragen.
"""


def test_keyword_lines_in_sequence_stay_items():
    assert top_items(PUNT_HEADINGS) == [("1", "Opening"), ("2", "Verslag vorige vergadering"),
                                        ("3", "Begroting 2025"), ("4", "Rondvraag")]


ALL_ONES_WITH_NUMBERED_BULLETS = """Verslag adviesraad 26 oktober 2023

 1. Opening

De voorzitter opent de vergadering.

 1. Verslag 18 september 2023

Ongewijzigd vastgesteld.

 1. Actielijst oktober 2023

 • 53 Beide evenementen zijn geweest en de terugkoppeling volgt later op de agenda.
 • 61 Sociale media is uitgesteld tot de nieuwe raad aan de slag is.
 1. Postlijst oktober 2023

Er zijn vier nieuwe stukken binnengekomen.
"""


def test_bullet_naming_a_list_point_by_number_is_no_item():
    assert top_items(ALL_ONES_WITH_NUMBERED_BULLETS) == [
        ("1", "Opening"), ("2", "Verslag 18 september 2023"), ("3", "Actielijst oktober 2023"),
        ("4", "Postlijst oktober 2023")]


def test_letter_sub_point_after_a_full_stop_keeps_its_index():
    text = """Besluitenlijst DB 12 maart 2024

3.a Kredietaanvraag gemaal Noord
Het DB stemt in.
3.b. Projectplan beek
Het DB stelt het plan vast.
4. Rondvraag
Geen.
"""
    assert top_items(text) == [("3.a", "Kredietaanvraag gemaal Noord"), ("3.b", "Projectplan beek"), ("4", "Rondvraag")]


def test_numbered_table_rows_without_a_head_row_are_the_items():
    text = """# Notulen bestuur 3 maart 2024

| 1. | Opening | - |
| 2. | Vaststellen notulen | De notulen worden vastgesteld |
| 3. | Begroting 2025 | Aangenomen |
| 4. | Rondvraag | Geen |
"""
    assert top_items(text, "notulen.md") == [("1", "Opening"), ("2", "Vaststellen notulen"), ("3", "Begroting 2025"),
                                             ("4", "Rondvraag")]


def test_a_headless_numbered_table_below_numbered_items_is_no_agenda():
    text = """Notulen bestuur 3 maart 2024

1. Opening
2. Actielijst
| 1 | Jan belt de gemeente | maart |
| 2 | Piet stuurt de brief | april |
3. Rondvraag
"""
    assert [n for n, _ in top_items(text)] == ["1", "2", "3"]


def test_agenda_with_standard_points_after_a_web_page_text_is_no_list_in_prose():
    intro = ("Het algemeen bestuur bepaalt de hoofdlijnen van het financiele en inhoudelijke beleid van de dienst. "
             "Het dagelijks bestuur is verantwoordelijk voor de uitvoering van het beleid en de activiteiten. "
             "Hierover legt het dagelijks bestuur verantwoording af aan het algemeen bestuur in de vergadering. "
             "Toehoorders op de publieke tribune kunnen in een vergadering het woord voeren over de agendapunten.\n")
    text = ("Vergaderingen\n" + intro * 2 + "Datum: 23-2-2023\n1. Opening en vaststelling agenda\n"
            "2. Verslag vergadering d.d. 17 november 2022\n3. Uitgangspuntenbrief 2024\n4. Rondvraag en sluiting\n")
    assert [n for n, _ in top_items(text)] == ["1", "2", "3", "4"]



SUBJECT_PARAGRAPHS = """Provincie Oost

Besluitenlijst vergadering Gedeputeerde Staten 30 juni 2009

Onderwerp: Streekplanafwijking voor bestemmingsplan "Bedrijvenpark A1" (GM-beslissing d.d. 24-6-2009) Kenmerk: 2009/0092348

De gemeente heeft het bestemmingsplan in ontwikkeling. Gedeputeerde Staten zijn bereid af te wijken.

Onderwerp: Digitale vervanging archiefbescheiden

Gedeputeerde Staten stemmen in met de vervanging.

Onderwerp: Reactie op brief voorzitters Plaatselijke Groepen Kenmerk: 2011/0021251

Gedeputeerde Staten sturen een reactie.
"""


def test_paragraphs_opening_with_onderwerp_are_the_items():
    assert [t for _, t in top_items(SUBJECT_PARAGRAPHS)] == [
        'Streekplanafwijking voor bestemmingsplan "Bedrijvenpark A1"', "Digitale vervanging archiefbescheiden",
        "Reactie op brief voorzitters Plaatselijke Groepen"]
