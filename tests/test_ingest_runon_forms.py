"""Run-on page text (PDF transcripts, text copied without its line breaks): forms of the inline numbers."""

from __future__ import annotations

from ingest.parse.items import find_items
from tests.test_ingest_structure_forms import source, top_items

GLUED = ("Algemene Ledenvergadering van de vereniging d.d. 15 december 2014 1.Opening De voorzitter opent om 20.05 uur "
         "de vergadering en heet de leden van harte welkom, in het bijzonder de ereleden. 2.Vaststelling Agenda De "
         "voorzitter vraagt om een agendapunt toe te voegen na agendapunt 11. De agenda wordt vervolgens vastgesteld. "
         "3.Ingekomen stukken en mededelingen Er zijn twee brieven binnengekomen van leden over de contributie. "
         "4.Rondvraag Niemand heeft nog een vraag; de kas heeft 1.250 euro over. De vergadering sluit om 22.15 uur, "
         "waarna de voorzitter iedereen bedankt voor de komst en de inbreng van deze avond in het clubhuis.")


def test_run_on_numbers_written_against_their_title_open_the_items():
    got = top_items(GLUED)
    assert [n for n, _ in got] == ["1", "2", "3", "4"]
    assert got[0] == ("1", "Opening")
    assert got[2] == ("3", "Ingekomen stukken en mededelingen")


def test_a_decimal_or_a_lower_case_word_after_the_stop_opens_no_item():
    text = GLUED.replace("3.Ingekomen", "3.ingekomen").replace("4.Rondvraag", "Rondvraag 4.50 uur")
    assert [n for n, _ in top_items(text)] == []


REPEATED_HEAD = """Zitting van maandag 25 november 2024
1. Goedkeuren notulen 28 oktober 2024
FEITEN EN CONTEXT
De notulen vermelden alle besproken onderwerpen.
Besluit
Enig artikel
De gemeenteraad keurt de notulen van de vergadering van 28 oktober 2024 goed.
Zitting van maandag 25 november 2024
2. Goedkeuren toetreding tot de aankoopcentrale aangaande de groepsaankoop van de intercommunale voor het leveren van brandstoffen in bulk
FEITEN EN CONTEXT
De gemeente is lid van de aankoopdienst.
"""


def test_a_long_numbered_title_below_the_head_each_point_repeats_is_an_item():
    got = top_items(REPEATED_HEAD)
    assert [n for n, _ in got] == ["1", "2"]
    assert got[1][1].startswith("Goedkeuren toetreding tot de aankoopcentrale")


def test_a_long_numbered_sentence_below_another_line_stays_text():
    text = REPEATED_HEAD.replace("Zitting van maandag 25 november 2024\n2.", "De raad stemt als volgt.\n2.")
    assert [n for n, _ in top_items(text)] == ["1"]


WEB_FIELDS = """Pagina delen

Forumverslag 11-04-2016

Initiatief burgerenergiecoöperaties tot realisatie van windenergie. (11-04-2016)

Datum 11-04-2016 Tijd 19:00 - 20:30
Zaal
Commissiekamer
Behandeling
Oordeelsvormend
Openbaarheid
Openbaar

De voorzitter heet iedereen welkom bij deze forumvergadering.
"""


def test_the_field_labels_of_a_web_meeting_page_are_no_items_and_share_buttons_no_title():
    from ingest.parse.header import parse_header
    assert top_items(WEB_FIELDS) == []
    assert parse_header(source(WEB_FIELDS, "verslag.txt"), 4000).title == "Forumverslag 11-04-2016"


def test_a_one_letter_entry_where_the_text_breaks_off_is_no_item():
    text = (" 1. Opening\nDe voorzitter opent.\n\n 1. Jaarverslag\nWordt goedgekeurd.\n\n 1. Financieel verslag\n"
            "De begroting wordt vastgesteld.\n\n 1. B")
    assert [t for _, t in top_items(text)] == ["Opening", "Jaarverslag", "Financieel verslag"]


PARAGRAPHS_IN_ONE_LIST = """Notulen ALV d.d. 30 september 2011

 1. Opening en welkomstwoord door de voorzitter.
 2. De voorzitter opent de vergadering om 20.00 uur en verwelkomt de aanwezigen en de gasten van de club.

 3. Ingekomen stukken.
 4. Binnengekomen is een e-mail van het bestuur van de ijsclub waarvan de inhoud wordt voorgelezen.

 5. Notulen algemene ledenvergadering van 24 september 2010.
 6. De leden hebben geen op- en/of aanmerkingen met betrekking tot de notulen, die worden vastgesteld.

 7. Jaarverslagen.
"""


def test_list_numbering_headings_and_their_paragraphs_in_one_sequence():
    got = find_items(source(PARAGRAPHS_IN_ONE_LIST))[0]
    assert [(i.number, i.numbered) for i in got] == [("1", False), ("2", False), ("3", False), ("4", False)]
    assert [i.title for i in got][1:] == ["Ingekomen stukken.", "Notulen algemene ledenvergadering van 24 september 2010.",
                                          "Jaarverslagen."]


def test_numbered_items_with_their_text_below_stay_numbered():
    text = PARAGRAPHS_IN_ONE_LIST.replace(" 2. De", "De").replace(" 4. Binnen", "Binnen").replace(" 6. De", "De")
    text = text.replace(" 3. Ingekomen", " 2. Ingekomen").replace(" 5. Notulen", " 3. Notulen").replace(" 7. Jaar", " 4. Jaar")
    assert [(i.number, i.numbered) for i in find_items(source(text))[0]] == [("1", True), ("2", True), ("3", True), ("4", True)]


FOLLOWED_UP = """Notulen van de vergadering van de seniorenraad 23 november 2017

 1. Opening

De voorzitter opent de vergadering.

 1. Vaststelling agenda

Geen wijzigingen.

 1. Verslag van de vergadering d.d. 14-09-2017

N.a.v.:

Punt 6: Advies Zilveren Gids.

Een advies daarover is verzonden aan het college.

Punt 9: Enquête maaltijdvoorziening.

De enquête wordt in januari verstuurd.

 1. Rondvraag

Geen vragen.
"""


def test_points_of_the_earlier_minutes_followed_up_are_no_items():
    assert [t for _, t in top_items(FOLLOWED_UP)] == ["Opening", "Vaststelling agenda",
                                                      "Verslag van de vergadering d.d. 14-09-2017", "Rondvraag"]


def test_a_kind_word_inside_a_sentence_is_no_run_on_title():
    from ingest.parse.runon import title_in_run_on
    debate = ("Sandra Maes (N-VA): Kan in het verslag bij het toegevoegd punt toegevoegd worden dat het om de "
              "wijken Lege Veldkant en Ster ging?")
    assert title_in_run_on(debate) is None
    header = ("1 Registratienummer Notulen openbare vergadering van de gemeenteraad van Bloemendaal over de "
              "begroting 2010 gehouden op 12 november 2009")
    assert title_in_run_on(header) == "Notulen openbare vergadering van de gemeenteraad van Bloemendaal over de begroting 2010"


def test_the_section_labels_of_a_flemish_council_decision_are_no_items():
    from ingest.parse.words import is_item_part
    for label in ("Juridische achtergrond", "JURIDISCHE GRONDSLAG", "Juridisch kader", "Enig artikel", "Juridische grond"):
        assert is_item_part(label), label
    assert not is_item_part("Juridische ondersteuning wijkteams")


RESTARTED_SUBLIST = """Deelnemersvergadering 12 april 2016

Agenda

 1. Opening
 2. Jaaroverzichten
  1. activiteiten
  2. financieel
 3. Evaluatie
  1. Sparkshack
  2. Bounty's
  3. Reglement
  4. Stagiair
  5. Nieuwe apparatuur;
   1. 3D-printer
  6. Promotie
 4. Bouwen aan de space
  1. Projectruimte
 5. Wijzigingen tarieven
 6. WVTTK
"""


def test_indented_entries_that_restart_at_one_are_sub_points_of_their_entry():
    assert top_items(RESTARTED_SUBLIST) == [("1", "Opening"), ("2", "Jaaroverzichten"), ("3", "Evaluatie"),
                                            ("4", "Bouwen aan de space"), ("5", "Wijzigingen tarieven"), ("6", "WVTTK")]


LABEL_PARAGRAPHS = """Notulen vergadering 30-06-2014

Aanwezig: Jennifer, Manuela, Jolanda, Kim.
Afwezig: Desiree.

Opening: Bianca heet iedereen van harte welkom en opent de vergadering.
Mededelingen:
• De nieuwe podiumdelen worden nog geleverd voor het eind van dit schooljaar.
Ingekomen post: Er is geen post.

Evaluatie avondvierdaagse: Er hebben 143 deelnemers meegelopen vanuit de school.

Rondvraag: Geen vragen.
"""


def test_labels_opening_the_paragraphs_of_unmarked_minutes_are_the_items():
    assert [t for _, t in top_items(LABEL_PARAGRAPHS)] == ["Opening", "Mededelingen", "Ingekomen post",
                                                          "Evaluatie avondvierdaagse", "Rondvraag"]


def test_labels_repeated_under_every_point_are_no_items():
    text = LABEL_PARAGRAPHS.replace("Ingekomen post:", "Duiding:").replace("Rondvraag:", "Duiding:")
    assert [t for _, t in top_items(text)] != ["Opening", "Mededelingen", "Duiding", "Evaluatie avondvierdaagse", "Duiding"]
