"""Meeting structure (agenda items, title, date) the way minutes are laid out in general, from the failure
kinds of eval/data/real/first-run-corpus8.md (6, 7, 14, 15). Every text here is written for the test in
the way other teams, boards and working groups write; no corpus document is used.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from ingest.meeting import parse_meeting
from ingest.parse import find_items
from ingest.parse.dates import find_dates, typo_year
from ingest.parse.words import is_closing_section, is_document_title
from ingest.redactions import find_redactions
from notulist.models import Source


def source(text: str, name: str = "stuk.md") -> Source:
    return Source(id=hashlib.sha256((name + text).encode()).hexdigest(), filename=name, media_type="md",
                  role="agenda", raw_text=text, redactions=find_redactions(text))


def top_items(text: str, name: str = "stuk.md") -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in find_items(source(text, name))[0] if i.parent is None]


# --------------------------------------------------------------------------- closing summary lists

HEADINGS_WITH_CLOSING_LIST = """# Verslag teamoverleg 3 maart

Aanwezig: Anna, Bram, Carla

## Planning sprint
We nemen de planning door.

## Testomgeving
De testomgeving is weer bereikbaar.

## Presentatie klant
Bram laat de nieuwe schermen zien.

## Actiepunten
- Anna: planning bijwerken.
- Bram: schermen aanpassen.
"""


def test_a_closing_action_list_after_the_last_heading_is_no_item_but_stays_in_the_text():
    src = source(HEADINGS_WITH_CLOSING_LIST)
    found = find_items(src)[0]
    assert [(i.number, i.title) for i in found if i.parent is None] == [
        ("1", "Planning sprint"), ("2", "Testomgeving"), ("3", "Presentatie klant")]
    closing = [i for i in found if i.parent is not None]
    assert [(i.parent, i.title) for i in closing] == [("3", "Actiepunten")]
    last = next(i for i in found if i.number == "3")
    assert src.raw_text[last.start:last.end].rstrip().endswith("Bram: schermen aanpassen.")


def test_an_action_review_between_items_stays_an_item():
    text = HEADINGS_WITH_CLOSING_LIST.replace("## Actiepunten\n- Anna: planning bijwerken.\n- Bram: schermen aanpassen.\n",
                                              "") .replace("## Testomgeving", "## Actiepunten\nDe vorige acties zijn af.\n\n## Testomgeving")
    assert [t for _n, t in top_items(text)] == ["Planning sprint", "Actiepunten", "Testomgeving", "Presentatie klant"]


def test_closing_section_words():
    assert is_closing_section("Actiepunten") and is_closing_section("Besluitenlijst:")
    assert is_closing_section("Afspraken en acties")
    assert not is_closing_section("Actiepunten en opmerkingen") and not is_closing_section("Doornemen nieuwe actiepunten")


# --------------------------------------------------------------------------- the first heading

NO_TITLE_HEADING = """Datum: dinsdag 8 oktober 2024

Notulist: Sanne

**Mededelingen**:
Geen mededelingen

## Wat is bereikt
De koppeling met de server werkt.

## Wat we gaan doen
We maken de demo af.

## Opmerkingen
Volgende keer beginnen we op tijd.
"""


def test_the_first_heading_is_an_item_when_text_comes_before_it_and_it_names_no_document():
    assert [t for _n, t in top_items(NO_TITLE_HEADING)] == ["Wat is bereikt", "Wat we gaan doen", "Opmerkingen"]


def test_a_first_heading_that_names_the_document_is_its_title():
    text = NO_TITLE_HEADING.replace("## Wat is bereikt", "## Verslag werkgroep\n\n## Wat is bereikt")
    assert [t for _n, t in top_items(text)] == ["Wat is bereikt", "Wat we gaan doen", "Opmerkingen"]
    assert is_document_title("Notulen Juni 4") and is_document_title("Verslag overleg")
    assert not is_document_title("Wat is bereikt")


# --------------------------------------------------------------------------- 'Agenda' as a point

AGENDA_AS_POINT = """# Notulen 12 maart

## Opening
De voorzitter opent om 10.00 uur.

## Mededelingen
Geen.

## Agenda
### Doel van vandaag
We werken de tests uit.

### Wat moet af voor de demo
De bestandenlijst.

## Rondvraag
Geen vragen.
"""


def test_an_agenda_heading_between_items_is_the_point_where_its_subjects_are_discussed():
    assert [t for _n, t in top_items(AGENDA_AS_POINT)] == ["Opening", "Mededelingen", "Agenda", "Rondvraag"]


def test_an_agenda_overview_at_the_top_is_no_item():
    text = """# Verslag overleg

## Agenda
- Taken
- Planning
- Rondvraag

## Taken
De taken zijn verdeeld.

## Planning
De planning staat.

## Rondvraag
Geen vragen.
"""
    assert [t for _n, t in top_items(text)] == ["Taken", "Planning", "Rondvraag"]


# --------------------------------------------------------------------------- dates

def test_a_header_year_years_before_every_other_date_is_a_typing_error():
    text = "Datum | 2001-11-09, 14:00\n\nDeadline 12/11/2021 en 16/11/2021.\n"
    found = find_dates(text)[0]
    assert typo_year(found, text) == 2021
    meeting = parse_meeting(source("# Verslag overleg\n\n| **Datum** | 2001-11-09, 14:00 |\n\n## Taken\n"
                                   "Klaar op 12/11/2021.\n\n## Planning\nDeadline 16/11/2021.\n\n## Varia\nGeen.\n"))
    assert meeting.date == dt.date(2021, 11, 9)


def test_a_header_year_that_other_dates_share_or_that_precede_it_stands():
    text = "Datum: 9-11-2001\n\nBesluit van 12/11/1999 en 16/11/1999.\n"
    assert typo_year(find_dates(text)[0], text) is None
    text = "Datum: 9-11-2001\n\nEerder op 12/11/2001, nu 16/11/2021.\n"
    assert typo_year(find_dates(text)[0], text) is None


def test_a_yearless_day_in_running_text_gives_way_to_the_date_in_the_file_name():
    text = ("aanwezig: Anna, Bram, Carla\n\n* Er is op 8 maart een overleg gepland met de leverancier.\n"
            "* De teksten zijn grotendeels verwerkt.\n")
    meeting = parse_meeting(source(text, "20230223 verslag.md"))
    assert meeting.date == dt.date(2023, 2, 23)


# --------------------------------------------------------------------------- 'Agendapunt 1' headings

PUNT_HEADINGS = """# Verslag overleg

| **Datum** | 2021-03-08, 10:00 |

## Agendapunt 1
Inrichting server:
- Hoe richten we de gebruikers in?
- Wie beheert de back-ups?

## Agendapunt 2
Netwerk:
- Welke adressen krijgen de printers?

## Rondvraag
Geen vragen.

## Actiepunten
- Kim: adressenplan maken.
"""


def test_a_punt_heading_above_a_label_that_opens_its_list_is_its_own_title():
    got = find_items(source(PUNT_HEADINGS))[0]
    assert [(i.number, i.title) for i in got if i.parent is None] == [
        ("1", "Agendapunt 1"), ("2", "Agendapunt 2"), ("3", "Rondvraag")]
    assert [(i.parent, i.title) for i in got if i.parent is not None] == [("3", "Actiepunten")]


def test_a_punt_line_with_its_title_below_keeps_that_title():
    text = "Agenda bestuur\n\nAgendapunt 1\nOpening\n\nAgendapunt 2\nJaarverslag 2024\n\nHet jaarverslag ligt ter inzage.\n"
    assert top_items(text) == [("1", "Opening"), ("2", "Jaarverslag 2024")]


def test_an_unnumbered_heading_after_numbered_headings_goes_on_with_the_sequence():
    text = """# Notulen ledenvergadering 4 april 2024

## 1. Opening
De voorzitter opent.

## 2. Jaarrekening
De jaarrekening is goedgekeurd.

## Rondvraag
Geen vragen.

## Sluiting
De voorzitter sluit om 21.30 uur.
"""
    assert top_items(text) == [("1", "Opening"), ("2", "Jaarrekening"), ("3", "Rondvraag"), ("4", "Sluiting")]


def test_a_closing_list_of_commitments_after_the_last_item_is_no_item():
    text = """# Verslag commissie 2 oktober 2024

## 1. Opening
De voorzitter opent.

## 2. Rondvraag
Geen vragen.

## Toezeggingen
- De gedeputeerde stuurt de evaluatie na.
"""
    assert top_items(text) == [("1", "Opening"), ("2", "Rondvraag")]
    assert is_closing_section("Toezeggingen") and is_closing_section("Lijst van toezeggingen")


# --------------------------------------------------------------------------- numbered outlines and lists

OUTLINE_WITH_GAP = """*Aanwezig:* Anna, Bram, Carla

1. Stand van zaken beheer.
   * Anna heeft de beheerorganisatie gesproken over de overdracht.
   * Zij houdt het contact warm.
3. Openstaande meldingen
   * melding 12 is opgelost.
4. Opmerkingen uit de review
   * De begrippenlijst wordt aangevuld.
5. Versies uitwerken. Hier wordt een nieuwe melding van gemaakt voor de volgende keer.
   * Dit wordt voorbereid door Bram en Carla.
"""


def test_a_skipped_number_in_an_outline_of_points_is_a_gap_in_the_agenda():
    got = top_items(OUTLINE_WITH_GAP)
    assert [n for n, _t in got] == ["1", "3", "4", "5"]
    assert got[3][1] == "Versies uitwerken."


def test_a_numbered_list_without_sub_points_does_not_skip_numbers():
    text = "Agenda\n\n1. Opening\n2. Notulen\n4. Rondvraag\n"
    assert [n for n, _t in top_items(text)] == ["1", "2"]


def test_a_numbered_list_indented_right_below_a_bullet_is_part_of_that_bullet():
    text = """aanwezig: Anna, Bram, Carla.

* De teksten zijn bijna klaar; er komt nog een laatste ronde waarin iedereen zijn opmerkingen nakijkt.
* Dit is een eerste stap in een breder stelsel van beschrijvingen. De volgende stappen zijn:
  1) Versiebeheer op begrippen.
  2) Uri strategie
  3) Beschrijven van waardelijsten. Dit pakken we samen met een andere werkgroep op.
* De volgende bijeenkomst is op donderdag 16 maart.
"""
    assert top_items(text) == []


def test_a_short_numbered_list_after_the_minutes_running_text_is_no_agenda():
    prose = ("- Werkwijze: Er is een voorkeur om de bijeenkomsten van de groep op locatie te houden en niet online.\n\n"
             "- Planning: De groep werkt dit najaar de visie uit in een notitie die in de winter klaar moet zijn.\n\n"
             "- Documentatie: Er is behoefte aan een modulaire opzet van de documenten, per taal een eigen deel.\n\n"
             "Voor het laatste niveau is er nu geen goede naam. Er zijn twee soorten begrippen te onderscheiden:\n\n")
    text = ("Visie vergadering 25-09-2024\n\n" + prose + "1. Begrippen voor de dingen in de werkelijkheid\n"
            "DOMEINOBJECT, EIGENSCHAP\n2. Begrippen voor de gegevens\nGEGEVENSOBJECT\n\n- Tot slot: geen.\n")
    assert top_items(text) == []


def test_an_agenda_of_plain_numbered_lines_after_a_short_header_stays():
    text = ("Agenda ledenvergadering 12 april 2024\n\nAanwezig: het bestuur en elf leden.\n\n1. Opening\n"
            "De voorzitter opent.\n2. Jaarverslag\nHet jaarverslag wordt besproken.\n3. Rondvraag\nGeen.\n")
    assert [t for _n, t in top_items(text)] == ["Opening", "Jaarverslag", "Rondvraag"]


def test_rows_of_a_word_table_are_never_title_lines():
    text = """Intern verslag
Datum | 2017-12-05

Onderwerp overleg
Er is een mailing verstuurd naar de gebruikers van de standaard om punten op te halen en te inventariseren.

Niveau | Onderdeel | Onderwerp | Prioriteit
(U, N, L) | Versie | Korte beschrijving van het punt en hoe ermee om te gaan

Kadaster
Het Kadaster heeft geen urgente punten ingebracht bij deze ronde van het overleg.

Niveau | Onderdeel | Onderwerp | Prioriteit
(U, N, L) | Versie | Korte beschrijving van het punt en hoe ermee om te gaan
"""
    assert all("|" not in t for _n, t in top_items(text))


def test_several_closing_lists_after_the_last_heading_are_all_sub_items_of_it():
    text = HEADINGS_WITH_CLOSING_LIST.replace("## Actiepunten", "## Afspraken\n- De planning staat vast.\n\n## Actiepunten")
    got = find_items(source(text))[0]
    assert [t for n, t in [(i.number, i.title) for i in got if i.parent is None]] == [
        "Planning sprint", "Testomgeving", "Presentatie klant"]
    assert [(i.number, i.parent, i.title) for i in got if i.parent] == [
        ("3.1", "3", "Afspraken"), ("3.2", "3", "Actiepunten")]


def test_a_punt_heading_right_above_its_list_is_its_own_title():
    text = PUNT_HEADINGS.replace("Inrichting server:\n", "").replace("Netwerk:\n", "")
    assert top_items(text)[:2] == [("1", "Agendapunt 1"), ("2", "Agendapunt 2")]


def test_a_header_year_that_the_text_names_elsewhere_or_far_from_the_other_dates_stands():
    text = "Datum: 9-11-2019\n\nJaarverslag 2019. Nieuwe wet per 12/11/2021 en 16/11/2021.\n"
    assert typo_year(find_dates(text)[0], text) is None
    text = "Datum: 9-3-2019\n\nDe wet gaat in op 1-10-2021 en de regeling op 1-11-2021.\n"
    assert typo_year(find_dates(text)[0], text) is None


def test_a_signature_heading_after_the_numbered_items_is_no_item():
    text = """# Notulen ledenvergadering 4 april 2024

## 1. Opening
De voorzitter opent.

## 2. Rondvraag
Geen vragen.

## Ondertekening
De voorzitter, de secretaris
"""
    assert top_items(text) == [("1", "Opening"), ("2", "Rondvraag")]
