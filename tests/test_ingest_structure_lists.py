"""Unnumbered agendas written as lists, and titles when the first heading is generic. Every text is
written for the test in the way working groups, boards and councils write; no corpus document is used."""

from __future__ import annotations

import hashlib

from ingest.meeting import parse_meeting
from ingest.parse import find_items
from ingest.redactions import find_redactions
from notulist.models import Source


def source(text: str, name: str = "stuk.md") -> Source:
    return Source(id=hashlib.sha256((name + text).encode()).hexdigest(), filename=name, media_type="md",
                  role="agenda", raw_text=text, redactions=find_redactions(text))


def top_items(text: str, name: str = "stuk.md") -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in find_items(source(text, name))[0] if i.parent is None]


AGENDA_BULLETS_THEN_LABELLED_NOTES = """# Werkgroep Catalogus 2024-03-14

Aanwezig: Anna (voorzitter), Bert, Carla

## Agenda
- Opening
- Stand van zaken API
- Planning
- Rondvraag

## Notities
- Opening: Anna opent om 10:00.
- Stand van zaken API: de API is live. Besloten om versie 1 te bevriezen.
- Planning: volgende release in mei.
- Rondvraag: geen.
"""


def test_bullet_agenda_under_agenda_heading_gives_the_items_at_their_notes():
    text = AGENDA_BULLETS_THEN_LABELLED_NOTES
    items = [i for i in find_items(source(text))[0] if i.parent is None]
    assert [(i.number, i.title) for i in items] == [
        ("1", "Opening"), ("2", "Stand van zaken API"), ("3", "Planning"), ("4", "Rondvraag")]
    # each item starts at its own notes line, so its text holds what was said about it
    assert text[items[1].start:items[1].end].startswith("- Stand van zaken API: de API is live.")
    assert "Besloten" not in text[items[0].start:items[0].end]


AGENDA_LABEL_AND_BULLETS_ONLY = """Agenda bewonersoverleg 9 oktober 2024

Agenda:
* Welkom
* Verkeer in de wijk
  * snelheid Dorpsstraat
  * parkeren bij de school
* Speeltuin
* Wat verder ter tafel komt
"""


def test_bullet_agenda_under_a_label_keeps_its_sub_bullets_inside():
    assert top_items(AGENDA_LABEL_AND_BULLETS_ONLY, "agenda.txt") == [
        ("1", "Welkom"), ("2", "Verkeer in de wijk"), ("3", "Speeltuin"), ("4", "Wat verder ter tafel komt")]


def test_a_bullet_list_of_sentences_under_agenda_is_no_agenda():
    text = ("# Verslag overleg 2 mei 2024\n\nAgenda:\n- We bespreken eerst de planning en daarna de begroting.\n"
            "- Daarna is er tijd voor vragen van de leden over het nieuwe beleid van de vereniging.\n")
    assert top_items(text) == []


BOLD_LABEL_BULLETS = """# Notulen werkgroep 21 maart 2024

- **Opening**: Carla opent de vergadering.
- **Notulen vorige keer**: vastgesteld zonder wijzigingen.
- **Datamodel:** besloten de velden te hernoemen.
  - Bert past het model aan.
- **Rondvraag** - geen.
"""


def test_minutes_as_one_list_of_bold_labels():
    assert top_items(BOLD_LABEL_BULLETS) == [
        ("1", "Opening"), ("2", "Notulen vorige keer"), ("3", "Datamodel"), ("4", "Rondvraag")]


def test_bold_list_labels_are_no_items():
    text = ("# Verslag 4 juni 2024\n\nWe bespraken de planning en de begroting uitgebreid met elkaar.\n\n"
            "- **Besluit**: de begroting wordt vastgesteld.\n- **Actie**: Piet stuurt de stukken.\n"
            "- **Afspraak**: volgende keer om 20:00.\n")
    assert top_items(text) == []


def test_generic_first_heading_with_date_is_the_title_not_a_list_entry():
    text = "# Overleg 2024-03-14\n\n## Aanwezig\n- Anna\n- Bert\n\n## Agenda\n1. Opening\n2. Rondvraag\n"
    m = parse_meeting(source(text, "2024-03-14_kernteam-basisregistratie_notulen.md"))
    assert m.title == "Overleg 2024-03-14"
    assert m.series == "Kernteam basisregistratie"  # the body the title does not name, from the file name


def test_title_without_body_takes_the_series_from_the_file_name():
    text = "# Verslag overleg 15 april 2024\n\n## Opening\nDe voorzitter opent.\n\n## Planning\nBesproken.\n"
    m = parse_meeting(source(text, "2024-04-15_overleg-fietsersbond-noord_verslag.md"))
    assert m.series == "Overleg fietsersbond noord"
    assert parse_meeting(source(text, "verslag.md")).series == "Onbekende reeks"  # no body in the name


def test_numbered_list_entry_is_never_the_title():
    text = ("aanwezig: Anna, Bert, Carla.\n\n* De volgende stappen zijn:\n  1) Versiebeheer op begrippen\n"
            "  2) Uri strategie\n* De volgende bijeenkomst is op 16 maart.\n")
    m = parse_meeting(source(text, "2023-02-23_werkgroep-begrippen_verslag.md"))
    assert m.title == "Werkgroep begrippen verslag"


WEB_LIST_MARK_BEFORE_OWN_NUMBER = """Notulen ouderraad 12 maart 2024

 1. 1.Opening
  De voorzitter opent.
 1. 2.Post
  Geen bijzonderheden
 2. 3.Schoolreis
  - Bus is geboekt.
 3. 4.Rondvraag
"""


def test_web_list_mark_before_the_items_own_number_on_one_line():
    assert top_items(WEB_LIST_MARK_BEFORE_OWN_NUMBER, "notulen.txt") == [
        ("1", "Opening"), ("2", "Post"), ("3", "Schoolreis"), ("4", "Rondvraag")]


def test_a_list_mark_before_a_count_is_no_item_number():
    text = "Verslag 4 juni 2024\n\n 1. Opening\n 2. Leden\n  5 nieuwe leden zijn welkom.\n 3. Rondvraag\n"
    assert top_items(text, "verslag.txt") == [("1", "Opening"), ("2", "Leden"), ("3", "Rondvraag")]


REGISTER_WITH_BESLUIT_POINTS = """Besluitenlijst college 8 mei 2024

 1. 001. Rondvraag

  Besluit 1. De burgemeester meldt de stand van zaken rond de brandweerkazerne en het overleg met de regio. 2. De wethouder doet verslag van het bezoek aan de scholen en de vragen die daar leven. 3. Het college bespreekt de planning van de begroting en de rol van de raad daarin.

 2. 002. Besluitenlijst

  Besluit De besluitenlijst van 30 april 2024 wordt ongewijzigd vastgesteld.
"""


def test_numbered_points_inside_one_register_items_besluit_are_no_agenda():
    assert top_items(REGISTER_WITH_BESLUIT_POINTS, "besluitenlijst.txt") == [
        ("001", "Rondvraag"), ("002", "Besluitenlijst")]


def test_a_list_announced_as_the_points_discussed_at_the_top_is_the_agenda():
    from tests.test_ingest_structure_forms import top_items
    text = """woensdag 9 december 2020

Politieraad december

De politieraad heeft in haar openbare zitting van 8 december 2020 de volgende punten kunnen bespreken:
- Goedkeuring van de begroting dienstjaar 2021: bespreking en vastlegging
- Openstellen vacante betrekkingen. In totaal zullen in de loop van 2021 zeven medewerkers aangeworven worden
- Goedkeuring van de aankoop van twee voertuigen volgens raamcontract, begroting 2021
"""
    assert [t for _, t in top_items(text)] == ["Goedkeuring van de begroting dienstjaar 2021: bespreking en vastlegging",
                                               "Openstellen vacante betrekkingen",
                                               "Goedkeuring van de aankoop van twee voertuigen volgens raamcontract, begroting 2021"]


def test_the_points_a_meeting_discussed_further_down_are_no_agenda():
    from tests.test_ingest_structure_forms import top_items
    lines = [f"Regel {i} van het verslag met wat tekst." for i in range(10)]
    text = "\n\n".join(lines) + """

De volgende punten zijn besproken:
- Degenen die in de inventarisatie staan
- Degenen die in de lijst met issues staan
"""
    assert top_items(text) == []
