"""Header of real published documents: title, series and meeting date as Dutch bodies write them.

Each test is one failure class seen on real documents (eval/data/real/first-run-corpus*.md), written as
other councils, ministries and associations would write it; no document of the corpus is used here.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from ingest.meeting import parse_meeting
from ingest.parse.header import normalise_series, title_from_filename
from ingest.parse.words import is_page_chrome, is_session_heading, names_other_date
from ingest.redactions import find_redactions
from notulist.models import Source


def source(text: str, name: str = "stuk.md") -> Source:
    return Source(id=hashlib.sha256(text.encode()).hexdigest(), filename=name, media_type="md", role="agenda",
                  raw_text=text, redactions=find_redactions(text))


@pytest.mark.parametrize("line", [
    "> Volgende overleg is op **20 oktober 2021 om 9:00 uur**",
    "Volgende vergadering: donderdag 5 maart 2026",
    "De eerstvolgende bijeenkomst is op 12 juni.",
    "Gepubliceerd op 08/03/2024",
    "Publicatiedatum: 04/04/2024",
    "Verzonden: 2 februari 2026",
])
def test_lines_whose_date_is_not_the_meetings(line):
    assert names_other_date(line)


@pytest.mark.parametrize("line", ["Vergadering van 19 maart 2024", "Datum: 4 juni 2013",
                                  "# Werkgroep Archief - 22 september 2021"])
def test_lines_that_may_carry_the_meeting_date(line):
    assert not names_other_date(line)


def test_next_meeting_above_the_title_date_is_not_the_meeting_date():
    text = ("# Overleg werkgroep datastandaarden - 22 september 2021\n\n"
            "> Volgende overleg is op **20 oktober 2021 om 9:00 uur**\n\n"
            "## Aanwezig\n\n- Gemeente Delft\n\n1. **Opening**\n\nTekst.\n\n2. **Rondvraag**\n\nGeen.\n")
    m = parse_meeting(source(text))
    assert m.date == dt.date(2021, 9, 22)


def test_publication_date_of_a_web_page_is_not_the_meeting_date():
    text = ("Startpagina Kalender Zoeken\nGepubliceerd op 08/03/2024\n# Agenda gemeenteraad\n"
            "di 19/03/2024 - 20:00 Raadzaal\n### Goedkeuring verslag vorige zitting\n  -\n"
            "### Jaarrekening 2023\n  -\n### Reglement markten\n")
    m = parse_meeting(source(text))
    assert m.date == dt.date(2024, 3, 19)
    assert m.title == "Agenda gemeenteraad"


@pytest.mark.parametrize("text,title", [
    ("| Betreft | Verslag Technisch Overleg basisregistraties |\n|---|---|\n| Datum | 3 maart 2025 |\n\n"
     "1. Opening\n\nTekst.\n\n2. Rondvraag\n\nGeen.\n", "Verslag Technisch Overleg basisregistraties"),
    ("Titel: Stuurgroep regionale energie - kwartaaloverleg\n\nDatum: 3 maart 2025\n\n"
     "1. Opening\n\nTekst.\n\n2. Rondvraag\n\nGeen.\n", "Stuurgroep regionale energie - kwartaaloverleg"),
])
def test_title_from_a_header_field_or_header_table(text, title):
    m = parse_meeting(source(text))
    assert m.title == title
    assert m.date == dt.date(2025, 3, 3)


def test_attendance_labels_and_breadcrumbs_are_never_the_title():
    text = ("Vergaderingen » Commissie » Ruimte 3 mei 2024\nAanwezige leden\nDeelnemers (in de volgorde van "
            "het voorstelrondje)\nVerslag commissie Ruimte 3 mei 2024\n\n1. Opening\n\nTekst.\n\n2. Sluiting\n\nEinde.\n")
    m = parse_meeting(source(text))
    assert m.title == "Verslag commissie Ruimte 3 mei 2024"
    assert m.series == "Commissie Ruimte"


def test_kind_and_date_line_is_the_title_and_another_line_gives_the_series():
    text = ("MR\n\nNotulen vergadering 22 maart 2018\n\nMR\n\nDatum: 22 maart 2018\n\n"
            "1. Opening\n\nWelkom.\n\n2. Rondvraag\n\nGeen.\n")
    m = parse_meeting(source(text))
    assert m.title == "Notulen vergadering 22 maart 2018"
    assert m.series == "MR"  # an acronym keeps its capitals


def test_first_line_title_with_start_time():
    assert normalise_series("Besluitenlijst raadsvergadering 29 juni 2015 aanvang 17.00 uur") == "Raadsvergadering"
    assert normalise_series("Agenda Gemeenteraad 22 april 2024 20:00") == "Gemeenteraad"
    assert normalise_series("Besluitenlijst van OCMW raad Berlare, zitting van 24 sep 2024, 21:43 uur.") == \
        "OCMW raad Berlare"


def test_time_in_a_title_line_is_no_field_label():
    text = "Agenda Gemeenteraad 22 april 2024 20:00\n\n1. Opening\n\nTekst.\n\n2. Sluiting\n\nEinde.\n"
    m = parse_meeting(source(text))
    assert m.title == "Agenda Gemeenteraad 22 april 2024 20:00"
    assert m.date == dt.date(2024, 4, 22)


def test_title_only_in_the_file_name():
    assert title_from_filename("2021-03-22_buurtplatform-noord_verslag.pdf") == \
        ("Buurtplatform noord verslag", "Buurtplatform noord")


@pytest.mark.parametrize("text,expected", [("OPENBAAR", True), ("Besloten zitting", True), ("Openbare zitting", True),
                                           ("Openbare verlichting: vervangen armaturen", False),
                                           ("Besloten is de subsidie te verlenen.", False)])
def test_session_headings(text, expected):
    assert is_session_heading(text) is expected


@pytest.mark.parametrize("text,expected", [("Home   Notulen 04-06 2013", True), ("Pdf-versie", True),
                                           ("Startpagina Kalender Zoeken", True), ("Homeopathie in de zorg", False)])
def test_page_chrome(text, expected):
    assert is_page_chrome(text) is expected


def test_nested_attendance_lists_with_name_and_role():
    text = ("## Gemeenteraad\n- Aanwezig\n  - Els Peeters; voorzitter\n  - Jan Wouters; schepen\n"
            "  - Mia Claes; raadslid\n- Verontschuldigd\n  - Tom Maes; raadslid\n- Afwezig\n## Agendapunten\n"
            "1. Notulen vorige zitting.\n2. Mededelingen.\n\n## 1. Notulen vorige zitting.\nGoedgekeurd.\n\n"
            "## 2. Mededelingen.\nGeen.\n")
    m = parse_meeting(source(text))
    assert [(a.name, a.role) for a in m.attendees] == [
        ("Els Peeters", "voorzitter"), ("Jan Wouters", "schepen"), ("Mia Claes", "raadslid"), ("Tom Maes", "afwezig")]


def test_attendance_sentence_over_several_lines():
    text = ("Besluitenlijst\n\nRaad\n\nDatum en tijd\n\n6 februari 2025, 14.00 uur\n\n"
            "Deelnemers vergadering   Aanwezig zijn 5 leden: Aerts (PvdA), Bakker (VVD), \n\n"
            "De Boer (CDA), Van Dam (GL), \nEvers (D66). \n\nAfwezig\n\n-\n\n1. Opening\n\nTekst.\n\n2. Sluiting\n\nEinde.\n")
    m = parse_meeting(source(text))
    assert [a.name for a in m.attendees] == ["Aerts", "Bakker", "De Boer", "Van Dam", "Evers"]


def test_title_from_a_label_value_block():
    text = ("ONDERWERP\n\nBeheercommissie objectenbibliotheek\n\nDATUM\n\n20 september 2024\n\n"
            "1. Opening\n\nTekst.\n\n2. Rondvraag\n\nGeen.\n")
    m = parse_meeting(source(text))
    assert m.title == "Beheercommissie objectenbibliotheek"
    assert m.date == dt.date(2024, 9, 20)


def test_collegebesluiten_title_gives_the_date_not_the_publication_line():
    text = ("Collegebesluiten 11 december 2018\n\n19 december 2018 Het college heeft de volgende besluiten "
            "genomen.\n\nDeelname aan de regionale deal\n\nHet college besluit deel te nemen.\n\n"
            "Vaststellen cultuurnota\n\nHet college stelt de nota vast.\n")
    m = parse_meeting(source(text))
    assert m.date == dt.date(2018, 12, 11)
    assert m.doc_kind == "besluitenlijst"


def test_a_first_line_title_with_its_starting_time_is_the_title():
    text = ("Besluitenlijst raadsvergadering 29 juni 2015 aanvang 17.00 uur\nAanwezig: de leden\n\n"
            "1. Opening\nDe voorzitter opent.\n2. Vaststelling agenda\nVastgesteld.\n")
    m = parse_meeting(source(text, "stuk.txt"))
    assert m.title == "Besluitenlijst raadsvergadering 29 juni 2015 aanvang 17.00 uur"
    assert m.series == "Raadsvergadering" and m.date == dt.date(2015, 6, 29)


def test_a_date_time_place_line_starting_with_a_kind_word_is_no_title():
    text = ("BEWONERSOVERLEG DE EIK\n\nVerslag overleg dinsdag 4 maart 2025, 19.30 uur, kleine zaal\n\n"
            "1. Opening\nDe voorzitter opent.\n2. Notulen\nVastgesteld.\n")
    assert parse_meeting(source(text, "stuk.txt")).title == "BEWONERSOVERLEG DE EIK"


def test_a_header_table_row_labelled_with_the_document_kind_gives_the_title():
    text = ("| Verslag | Dorpsraad Oosterhout |\n|---|---|\n| Datum | 3 maart 2025 |\n\n"
            "1. Opening\nDe voorzitter opent.\n2. Notulen\nVastgesteld.\n")
    m = parse_meeting(source(text))
    assert m.title == "Dorpsraad Oosterhout" and m.date == dt.date(2025, 3, 3)


def test_an_acronym_series_keeps_its_capitals():
    text = "# Notulen ALV 12 maart 2024\n\n## 1. Opening\nTekst.\n## 2. Notulen\nTekst.\n"
    assert parse_meeting(source(text)).series == "ALV"


def test_the_file_names_date_picks_among_the_dates_the_header_names():
    text = ("Agenda voor opiniërend en besluitvormend bestuur op respectievelijk 3 oktober en 17 oktober 2012\n\n"
            "1. Opening\nDe voorzitter opent.\n2. Notulen\nVastgesteld.\n")
    assert parse_meeting(source(text, "2012-10-17_bestuur_agenda.txt")).date == dt.date(2012, 10, 17)
    assert parse_meeting(source(text, "bestuur_agenda.txt")).date == dt.date(2012, 10, 3)
    # a file name date the header does not name changes nothing
    assert parse_meeting(source(text, "2012-11-01_bestuur_agenda.txt")).date == dt.date(2012, 10, 3)


def test_a_title_inside_a_run_on_header_line_and_sharing_page_chrome():
    text = ("- 3 - Kenmerk\n\nMaat: px\nWeergave met pagina beginnen:\n\nTranscriptie\n\n"
            "1 Kenmerk 2012/33 Notulen openbare vergadering van het algemeen bestuur van het waterschap Rijnstroom "
            "gehouden op dinsdag 4 december 2012 om uur in het waterschapshuis AGENDA 1. Opening 2. Notulen "
            "3. Begroting 2013 4. Rondvraag Aanwezig: de heer A. de Vries (voorzitter), mevrouw B. Jansen, de heer "
            "C. Pietersen, mevrouw D. Klaassen en de heer E. Bakker, allen lid van het algemeen bestuur van het "
            "waterschap.\n")
    m = parse_meeting(source(text, "stuk.txt"))
    assert m.title == "Notulen openbare vergadering van het algemeen bestuur van het waterschap Rijnstroom"
    assert m.date == dt.date(2012, 12, 4)
    assert is_page_chrome("Transcriptie") and is_page_chrome("Vorige pagina") and not is_page_chrome("Vorige vergadering")


def test_an_attendees_heading_with_a_note_and_a_list_below_it():
    text = ("# Werkgroep open data - 3 maart 2025\n\n## Aanwezig\n\n_(in alfabetische volgorde)_\n\n"
            "- Gemeente Almere\n- Provincie Flevoland\n\n## Notes\n\n1. **Opening**\n\nWelkom.\n\n2. **Rondvraag**\n\nGeen.\n")
    m = parse_meeting(source(text))
    assert [a.name for a in m.attendees] == ["Gemeente Almere", "Provincie Flevoland"]


def test_document_sharing_page_furniture_is_no_title_nor_item():
    from ingest.parse import find_items, parse_header
    from tests.test_ingest_structure_forms import source
    text = """• No results found

13:00 uur 14 nov. 2018 AB-XYZ

N/A
N/A
Protected

Academic year: 2022

Copied!
53
0
0

Bezig met laden.... (Bekijk nu de volledige tekst)

Agenda AB XYZ

Datum : 14 november 2018 Tijd : 13:00-14:30 uur
"""
    src = source(text, "agenda.txt")
    assert parse_header(src, len(text)).title == "Agenda AB XYZ"
    assert [i.title for i in find_items(src)[0]] == []
