"""Agenda items of real published documents, decided from the whole document.

One test per failure class seen on real documents (eval/data/real/first-run-corpus*.md), written the way
other councils, boards and associations write it; no corpus document is used.
"""

from __future__ import annotations

import hashlib

from ingest.meeting import parse_meeting
from ingest.notes.brackets import bracketed_notes
from ingest.parse import find_items
from ingest.redactions import find_redactions
from notulist.models import Source


def source(text: str, name: str = "stuk.md") -> Source:
    return Source(id=hashlib.sha256(text.encode()).hexdigest(), filename=name, media_type="md", role="agenda",
                  raw_text=text, redactions=find_redactions(text))


def items(text: str) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in find_items(source(text))[0]]


BESLUITENLIJST = """BESLUITENLIJST
Gemeenteraad
Zitting van 14 oktober 2024

OPENBAAR

Financiën

1. Financiën: Notulen van de zitting van 16 september 2024. Goedkeuring.
De notulen zijn met eenparigheid van stemmen goedgekeurd.

2. Financiën: Aankoop van een perceel grond aan de Molenstraat ten behoeve van de uitbreiding van de 

begraafplaats. Goedkeuring.

De raad keurt de aankoop eenparig goed.

3. Ruimte: Rooilijnplan Kerkwegel. Definitieve vaststelling.
Het rooilijnplan is definitief vastgesteld met 17 stemmen voor en 4 onthoudingen.

BESLOTEN

4. Personeel: Aanstelling van een financieel directeur. Goedkeuring.
De raad stelt de financieel directeur aan.
"""


def test_sentence_like_item_lines_in_one_numbered_run_are_the_agenda():
    got = items(BESLUITENLIJST)
    assert [n for n, _ in got] == ["1", "2", "3", "4"]
    assert got[0][1] == "Financiën: Notulen van de zitting van 16 september 2024. Goedkeuring."


def test_a_title_broken_at_a_pdf_line_end_runs_on():
    got = dict(items(BESLUITENLIJST))
    assert got["2"] == ("Financiën: Aankoop van een perceel grond aan de Molenstraat ten behoeve van de uitbreiding "
                        "van de begraafplaats. Goedkeuring.")


def test_a_sub_point_below_a_short_title_is_not_a_wrapped_title():
    text = ("1. Opening\n\nWelkom.\n\n2. Ingekomen stukken\na. Brief van de provincie over de subsidie. "
            "Ter kennisname.\n\n3. Rondvraag\n\nGeen.\n")
    assert dict(items(text))["2"] == "Ingekomen stukken"


def test_numbered_prose_alone_is_not_an_agenda():
    text = ("Verslag werkgroep\n\nWe hebben drie dingen afgesproken:\n\n"
            "1. We sturen de planning voor vrijdag rond aan alle leden van de werkgroep.\n"
            "2. We vragen de gemeente om een reactie op de brief van de bewoners.\n"
            "3. We plannen in mei een nieuwe bijeenkomst met de wijkagent en de woningcorporatie.\n")
    assert items(text) == []


def test_markdown_headings_ending_with_a_period_are_items():
    text = ("# Besluitenlijst OCMW-raad\n\n## 1. Goedkeuren notulen vorige vergadering.\nGoedgekeurd.\n\n"
            "## 2. Vaststellen reglement voor het tijdelijk ter beschikking stellen van de noodwoning en de "
            "doorgangswoning.\nGoedgekeurd.\n\n## 3. Kennisnemen van het opvolgingsrapport 2024.\nKennis genomen.\n")
    assert [n for n, _ in items(text)] == ["1", "2", "3"]


def test_prefixed_series_after_the_main_items():
    text = ("## Agendapunten\n1. Notulen vorige zitting.\n2. Mededelingen.\nAP1. Fractie A. Verkeersveiligheid "
            "Stationsstraat.\nAP2. Fractie B. Zwerfvuil.\n\n## 1. Notulen vorige zitting.\nGoedgekeurd.\n\n"
            "## 2. Mededelingen.\nGeen.\n\n## AP1. Fractie A. Verkeersveiligheid Stationsstraat.\nBesproken.\n\n"
            "## AP2. Fractie B. Zwerfvuil.\nBesproken.\n")
    got = items(text)
    assert [n for n, _ in got] == ["1", "2", "AP1", "AP2"]
    assert got[2][1] == "Fractie A. Verkeersveiligheid Stationsstraat."


def test_a_web_list_numbered_one_everywhere_is_numbered_in_order():
    text = ("Notulen vergadering 12 maart 2019\n\nAanwezig: Anna, Bert\n\n  1.      Opening\n\n  1. Vaststellen "
            "agenda:\n\nDe agenda wordt vastgesteld.\n\n  1. Mededelingen:\n\nGeen.\n\n  1. Sluiting\n")
    found, _ = find_items(source(text))
    assert [(i.number, i.title, i.numbered) for i in found] == [
        ("1", "Opening", False), ("2", "Vaststellen agenda", False), ("3", "Mededelingen", False),
        ("4", "Sluiting", False)]


def test_bracketed_notes_typed_into_an_agenda():
    text = ("Agenda bestuur 5 juni 2025\n\n1. Opening\n[Geopend om 19.35 uur.]\n\n2. Jaarrekening\n"
            "De jaarrekening is meegestuurd.\n[Het bestuur stelt de jaarrekening vast. Karin stuurt hem naar de "
            "kascommissie.]\n\n3. Rondvraag\nGeen punten aangemeld.\n")
    m = parse_meeting(source(text))
    notes = {i.number: [n.text for n in i.notes] for i in m.items}
    assert notes["2"] == ["Het bestuur stelt de jaarrekening vast. Karin stuurt hem naar de kascommissie."]
    assert notes["1"] == ["Geopend om 19.35 uur."]


def test_one_bracketed_aside_or_a_redaction_mark_is_no_note_convention():
    text = ("Agenda\n\n1. Opening\n[gelakt 5.1.2e]\n\n2. Jaarrekening\n[zie bijlage]\n\n3. Rondvraag\nGeen.\n")
    src = source(text)
    found, _ = find_items(src)
    assert bracketed_notes(src, found) == []


LETTERED = """Besluitenlijst

Raad

Datum en tijd

6 februari 2025, 14.00 uur

Punt   Omschrijving

A

B

C

D

E

Vaststelling agenda

Vaststelling van de notulen van 16 januari 2025

Vaststelling van de wijze van afdoening van ingekomen stukken

Benoeming van een lid van de rekenkamercommissie

Vaststelling van de besluitenlijst

Besluit

Conform

Conform

Conform

Aangenomen

E.1  Voorstel van het college inzake de Verordening parkeerbelastingen 2025 voor de wijken Noord en

Aangenomen

Zuid (RIS400001)

F

Voorstel van het college inzake het Uitvoeringsprogramma fietsparkeren (RIS400002)

400101  Motie F.1 PvdA Meer stallingen bij het station

400102  Motie F.2 CDA Gratis bewaakt stallen

Geamendeerd voorstel van het college inzake het Uitvoeringsprogramma fietsparkeren

Aangenomen

Verworpen

Aangenomen

Voorstel van het college inzake de Nota grondbeleid (RIS400003)

Amendement G.A VVD Erfpacht

G

H

Themadebat wonen

I

Jaarverslag van de ombudsman (RIS400004)  NIET BEHANDELD
"""


def test_a_lettered_agenda_table_given_column_by_column():
    got = items(LETTERED)
    assert [n for n, _ in got] == ["A", "B", "C", "D", "E", "E.1", "F", "G", "H", "I"]
    titles = dict(got)
    assert titles["B"] == "Vaststelling van de notulen van 16 januari 2025"
    assert titles["E"] == "Vaststelling van de besluitenlijst"
    assert titles["F"] == "Voorstel van het college inzake het Uitvoeringsprogramma fietsparkeren (RIS400002)"
    assert titles["G"] == "Voorstel van het college inzake de Nota grondbeleid (RIS400003)"
    assert titles["H"] == "Themadebat wonen"
    assert titles["E.1"].startswith("Voorstel van het college inzake de Verordening parkeerbelastingen 2025")
    found, _ = find_items(source(LETTERED))
    assert {i.number: i.parent for i in found}["E.1"] == "E"


def test_letters_in_a_list_are_no_lettered_agenda():
    text = "Varianten\n\nA\n\nB\n\nC\n\nVariant met een rotonde\n\nVariant met verkeerslichten\n"
    assert items(text) == []


def test_a_list_whose_bullets_and_titles_are_on_separate_lines():
    text = ("Agenda Gemeenteraad 13 mei 2024 19:30\nPublicatiedatum: 30/04/2024\n-\nNotulen vorige zitting\n-\n"
            "Retributiereglement op het gebruik van de sporthal - aanpassing tarieven vanaf 1 september 2024\n-\n"
            "Intergemeentelijke vereniging Waterland - mandatering algemene vergadering van 12 juni 2024\n-\n"
            "Vragen van raadsleden\nAGENDA - GR\nZitting van maandag 13 mei 2024\n")
    assert [t for _, t in items(text)] == [
        "Notulen vorige zitting",
        "Retributiereglement op het gebruik van de sporthal - aanpassing tarieven vanaf 1 september 2024",
        "Intergemeentelijke vereniging Waterland - mandatering algemene vergadering van 12 juni 2024",
        "Vragen van raadsleden"]


def test_session_part_headings_are_no_items():
    text = ("# Agenda gemeenteraad\n-\n### Openbaar\n  -\n### Goedkeuring verslag vorige zitting\n  -\n"
            "### Jaarrekening 2023\n  -\n### Besloten zitting\n  -\n### Aanstelling financieel directeur\n")
    assert [t for _, t in items(text)] == ["Goedkeuring verslag vorige zitting", "Jaarrekening 2023",
                                          "Aanstelling financieel directeur"]


def test_plain_title_lines_without_text_of_their_own_and_with_a_date():
    text = ("Notulen bestuursvergadering\n\nDatum          : 4 juni 2013\nAanwezig     : Eva, Joost, Karin\n\n"
            "Welkom\n\nBespreken verslag 17-04-2013\nHet verslag is akkoord.\n\nKascontrole\n"
            "De kascommissie heeft de stukken gecontroleerd.\n\nRondvraag\nGeen vragen.\n")
    assert [t for _, t in items(text)] == ["Welkom", "Bespreken verslag 17-04-2013", "Kascontrole", "Rondvraag"]


def test_item_numbers_on_their_own_line_above_the_titles():
    text = ("NOTULEN\n\nDATUM\n\n20 september 2024\n\n1.\n\nOpening en vaststelling agenda\n\nDe voorzitter opent.\n\n"
            "2.\n\n3.\n\nVerslag vorige vergadering\n\nIngekomen stukken\n\nGeen.\n")
    assert items(text) == [("1", "Opening en vaststelling agenda"), ("2", "Verslag vorige vergadering"),
                           ("3", "Ingekomen stukken")]


def test_document_sections_are_no_agenda_items():
    text = ("# Pilotoverleg 13 november 2020\n\n## Attendees\n\n- Gemeente A\n- Gemeente B\n\n## Notes\n\n"
            "### Gemeente A\n\nStand van zaken gedeeld.\n\n### Gemeente B\n\nGeen nieuws.\n")
    assert [t for _, t in items(text)] == ["Gemeente A", "Gemeente B"]


def test_pdf_headings_in_boxes_of_their_own_also_as_questions():
    text = ("Verslag bijeenkomst partners\n\nDatum: 15 september 2020\n\nWat hebben we tot nu toe bereikt? \n\n"
            "Tijdens de bijeenkomst werden de eerste resultaten gepresenteerd en is er aandacht besteed aan de "
            "architectuur. \n\nResultaten brainstorm \n\nEen brainstormsessie was een van de agendapunten en de "
            "deelnemers waren verdeeld in twee groepen. \n")
    assert [t for _, t in items(text)] == ["Wat hebben we tot nu toe bereikt?", "Resultaten brainstorm"]


def test_sub_point_headings_under_one_item_are_not_items():
    text = ("# Werkgroep API-standaarden 12 maart 2024\n\n## Opening\n\nWelkom.\n\n## Wijzigingsverzoeken\n\n"
            "Drie verzoeken besproken.\n\n#### - Toevoegen RESTful API profiel\n\nAkkoord.\n\n"
            "#### - Versienummering in de URL\n\nNog niet.\n\n#### - Foutberichten\n\nAkkoord.\n\n## Rondvraag\n\nGeen.\n")
    assert [t for _, t in items(text)] == ["Opening", "Wijzigingsverzoeken", "Rondvraag"]


def test_grouping_headings_without_text_are_sections_and_their_headings_the_items():
    text = ("# Agenda gemeenteraad 9 april 2024\n\n## Administratieve organisatie\n\n"
            "### Goedkeuring notulen vorige zitting\n\nToelichting.\n\n### Huishoudelijk reglement\n\nToelichting.\n\n"
            "## Personeel\n\n### Aanpassing rechtspositieregeling\n\nToelichting.\n")
    assert [t for _, t in items(text)] == ["Goedkeuring notulen vorige zitting", "Huishoudelijk reglement",
                                          "Aanpassing rechtspositieregeling"]


def test_a_long_bold_numbered_title_is_an_item():
    text = ("Notulen gemeenteraad\n\n**1. Goedkeuring notulen vorige zitting**\n\nGoedgekeurd.\n\n"
            "**2. Openbare orde en rust - politieverordening tijdelijke maatregelen naar aanleiding van de "
            "kermis en de daarbij horende evenementen op het marktplein en in de omliggende straten van het centrum**\n\n"
            "Goedgekeurd.\n\n**3. Mondelinge vragen**\n\nGeen.\n")
    assert [n for n, _ in items(text)] == ["1", "2", "3"]


def test_short_bullets_with_their_text_indented_below_are_the_items():
    text = ("Kort verslag bestuursvergadering 3 maart 2020\n\n • Opening\n  De voorzitter opent de vergadering om "
            "20.00 uur.\n • Notulen 3-2-2020\n  De notulen worden zonder wijzigingen vastgesteld door het bestuur.\n"
            " • Er zijn geen ingekomen stukken.\n • Het bestuur bespreekt de planning van het toernooi in juni.\n")
    assert [t for _, t in items(text)] == ["Opening", "Notulen 3-2-2020"]


def test_a_wrapped_bullet_sentence_is_no_heading():
    text = ("Verslag\n\n • De kascommissie heeft\n   De stukken zijn in orde en worden goedgekeurd door iedereen.\n"
            " • Geen verdere punten\n")
    assert items(text) == []


def test_bold_headings_under_a_notes_section_are_the_items():
    text = ("# Pilotgroep 27 november 2020\n\n## Attendees\n\n- Gemeente A\n- Gemeente B\n\n## Notes\n\n"
            "**Gemeente A**\n\nDe sensoren zijn geplaatst en worden volgende week aangemeld.\n\n"
            "**Gemeente B**\n\nNog geen nieuws over de aanbesteding van de sensoren.\n")
    assert [t for _, t in items(text)] == ["Gemeente A", "Gemeente B"]


def test_a_single_character_is_no_item_title():
    text = "1. Opening\n\nWelkom.\n\n2. Mededelingen\n\nGeen.\n\n3. X\n\n4. Sluiting\n\nEinde.\n"
    assert "X" not in [t for _, t in items(text)]


def test_numbered_decision_points_under_headings_are_not_the_agenda():
    text = ("# Besluitenlijst college 4 maart 2025\n\n## Subsidie muziekschool\n\nHet college besluit:\n"
            "1. In te stemmen met de subsidie voor 2025 van 40.000 euro.\n2. De aanvrager te informeren over het "
            "besluit binnen twee weken.\n3. De raad te informeren met een brief over de subsidie.\n\n"
            "## Verkeersbesluit Dorpsstraat\n\nHet college besluit:\n1. Het verkeersbesluit vast te stellen zoals "
            "voorgesteld.\n2. Het besluit te publiceren in het gemeenteblad van deze week.\n")
    assert [t for _, t in items(text)] == ["Subsidie muziekschool", "Verkeersbesluit Dorpsstraat"]


def test_an_agenda_table_with_a_besluit_column_and_no_numbers():
    text = ("Besluitenlijst stuurgroep 3 juni 2025\n\n| Onderwerp | Besluit |\n|---|---|\n"
            "| Jaarplan 2026 | Vastgesteld |\n| Begroting 2026 | Aangehouden tot juli |\n| Rondvraag | - |\n")
    assert items(text) == [("1", "Jaarplan 2026"), ("2", "Begroting 2026"), ("3", "Rondvraag")]


def test_an_action_table_is_no_agenda():
    text = ("Actielijst\n\n| Onderwerp | Besluit | Wie |\n|---|---|---|\n| Jaarplan | opstellen | Els |\n"
            "| Begroting | herzien | Tom |\n")
    assert items(text) == []


def test_lettered_agenda_repeated_titles_with_their_wrap_and_dictum_rows():
    text = ("Punt   Omschrijving\n\nA\n\nB\n\nC\n\nD\n\nVaststelling agenda\n\nStad in de raad\n\n"
            "Vaststelling van de notulen\n\nVaststelling van de besluitenlijst\n\nE\n\n"
            "Voorstel van het college inzake Verzoek om bindend advies omgevingsvergunning tijdelijke units bij het \n"
            "Stadhuis (RIS500001) \n"
            "Voorstel van het college inzake Verzoek om bindend advies omgevingsvergunning tijdelijke units bij het \n"
            "Stadhuis \n\nAangenomen \n\nF\n\nInitiatiefvoorstel over leesbevordering (RIS500002) \n\n"
            "Dictum I (1) Een leeskoffer bij de geboorteaangifte \nDictum II (4) Meer boekenruilkasten \n\n"
            "Voorstel van het college inzake het beleidskader Jeugd (RIS500003) \n\n500101  Motie G.1 CDA Jeugdhulp \n\n"
            "G \n\nVoorstel van het college inzake het beleidskader Jeugd \n\nAangenomen \n")
    got = dict(items(text))
    assert got["E"].startswith("Voorstel van het college inzake Verzoek om bindend advies")
    assert got["F"] == "Initiatiefvoorstel over leesbevordering (RIS500002)"
    assert got["G"] == "Voorstel van het college inzake het beleidskader Jeugd (RIS500003)"
    assert "Stadhuis" not in got.values()


# --------------------------------------------------------------------------- item level from the whole page
# Flemish council pages (LBLOD): each point a block with its title and the parts of its decision.
LBLOD = """# Notulen van de gemeenteraad van Voorbeeldegem, zitting van 12 maart 2024

## Aanwezigen
Jan Peeters, voorzitter; An Claes, schepen

## Goedkeuring van de notulen van de vorige zitting
### Motivering
De notulen van de zitting van 13 februari 2024 werden ter inzage gelegd.
### Besluit
#### Artikel 1
De gemeenteraad keurt de notulen goed.
### Stemming
Goedgekeurd

## Aanpassing van het retributiereglement op het gebruik van de sporthal
### Motivering
#### Juridische grond
Het decreet over het lokaal bestuur.
### Besluit
#### Artikel 1
De gemeenteraad keurt het aangepaste reglement goed.
#### Artikel 2
Het reglement treedt in werking op 1 april 2024.
### Stemming
Goedgekeurd

## Aanstelling van een nieuwe brandweercommandant
### Motivering
Toelichting bij de aanstelling.
### Besluit
#### Artikel 1
De raad stelt Piet Janssens aan.
"""

LBLOD_FLAT = """Notulen van de gemeenteraad van Voorbeeldegem, zitting van 12 maart 2024

Goedkeuring van de notulen van de vorige zitting
Motivering
De notulen van de zitting van 13 februari 2024 werden ter inzage gelegd.
Besluit
Artikel 1
De gemeenteraad keurt de notulen goed.
Stemming
Goedgekeurd

Aanpassing van het retributiereglement sporthal
Motivering
Het decreet over het lokaal bestuur geeft de raad die bevoegdheid.
Besluit
Artikel 1
De gemeenteraad keurt het aangepaste reglement goed.
Artikel 2
Het reglement treedt in werking op 1 april 2024.
Stemming
Goedgekeurd

Aanstelling van een nieuwe brandweercommandant
Motivering
Toelichting bij de aanstelling van de nieuwe commandant.
Besluit
Artikel 1
De raad stelt Piet Janssens aan.
Stemming
Goedgekeurd
"""

WEB = """Verslag bestuursvergadering 3 februari 2025
Aanwezig: Kees, Marloes, Ahmed, Ineke
Opening en vaststellen agenda
De voorzitter opent de vergadering om 20.00 uur en heet iedereen welkom. De agenda wordt ongewijzigd vastgesteld.
Financiën
De penningmeester licht de cijfers over het vierde kwartaal toe. Er is een klein overschot op de begroting.
Besloten wordt het overschot te reserveren voor het jubileum.
Ledenwerving
Marloes heeft contact gehad met de scholen in de wijk. Er komen drie nieuwe jeugdleden bij in maart.
Rondvraag
Er zijn geen vragen. De voorzitter sluit de vergadering om 21.30 uur.
"""

TABLE = """Verslag werkgroep 4 maart 2025

| Agendapunt | Besluit | Actie |
|---|---|---|
| Opening | - | - |
| Verslag vorige keer | Vastgesteld | - |
| Planning voorjaar | Akkoord met planning | Jan stuurt planning rond |
| Rondvraag | - | - |
"""

SPLIT = """Besluitenlijst gemeenteraad 5 maart 2025

1.
Opening en mededelingen
De voorzitter opent de vergadering.
2.
Vaststelling van de agenda
De agenda wordt vastgesteld.
3.
Verordening parkeren 2025
De raad besluit de verordening vast te stellen.
"""

SUBS = """# Verslag FAB 12 januari 2022

## Mededelingen
Geen.

## Roadmap
Bespreking van de roadmap voor 2022.

#### - Toevoegen RESTful API profiel
Tekst.
#### - Uitbreiden datamodel
Tekst.
#### - Beheer van de registry
Tekst.

## Rondvraag
Niets.
"""


def test_lblod_decision_parts_are_inside_the_item_not_items():
    assert [t for _, t in items(LBLOD)] == ["Goedkeuring van de notulen van de vorige zitting",
                                            "Aanpassing van het retributiereglement op het gebruik van de sporthal",
                                            "Aanstelling van een nieuwe brandweercommandant"]
    assert [t for _, t in items(LBLOD_FLAT)] == ["Goedkeuring van de notulen van de vorige zitting",
                                                 "Aanpassing van het retributiereglement sporthal",
                                                 "Aanstelling van een nieuwe brandweercommandant"]


def test_plain_heading_lines_with_body_text_below_are_the_items():
    assert items(WEB) == [("1", "Opening en vaststellen agenda"), ("2", "Financiën"), ("3", "Ledenwerving"),
                          ("4", "Rondvraag")]


def test_one_short_line_above_prose_is_no_agenda():
    text = "Verslag 3 februari 2025\nAanwezig: Kees\nFinanciën\nDe penningmeester licht de cijfers toe en is tevreden.\n"
    assert items(text) == []


def test_agenda_table_whose_point_column_is_the_title():
    assert [t for _, t in items(TABLE)] == ["Opening", "Verslag vorige keer", "Planning voorjaar", "Rondvraag"]


def test_numbers_on_their_own_lines_above_their_titles():
    assert items(SPLIT) == [("1", "Opening en mededelingen"), ("2", "Vaststelling van de agenda"),
                            ("3", "Verordening parkeren 2025")]


def test_a_hint_heading_with_text_of_its_own_is_an_item_and_sub_headings_are_not():
    assert [t for _, t in items(SUBS)] == ["Mededelingen", "Roadmap", "Rondvraag"]


def test_structure_words_are_read_through_the_lexicon(tmp_path):
    from notulist.nl import copy_data, load_lexicon, use_lexicon

    text = LBLOD.replace("### Motivering", "### Overwegingen")
    assert "Overwegingen" in [t for _, t in items(text)]
    data = copy_data(tmp_path / "nl")
    toml = data / "structure.toml"
    words = toml.read_text(encoding="utf-8").replace("(?:motivering|", "(?:motivering|overwegingen|", 1)
    toml.write_text(words, encoding="utf-8")
    with use_lexicon(load_lexicon(data)):
        assert "Overwegingen" not in [t for _, t in items(text)]
    assert "Overwegingen" in [t for _, t in items(text)]


# whole-document decisions of the item level: headings of a level most of which have text of their own,
# numbered lines without a separator, numbers alone on a line above their titles
GROUP = """# Verslag FAB 12 januari 2022

## Mededelingen
Geen.

## Roadmap
### Toevoegen RESTful API profiel
Tekst over het profiel.
### Uitbreiden datamodel
Tekst over het model.

## Rondvraag
Niets.
"""
THEMES = """# Agenda bestuur 3 maart 2025

## Personeel
### Aanstelling coördinator
Tekst.
### Vrijwilligersbeleid
Tekst.
## Financiën
### Jaarrekening 2024
Tekst.
### Begroting 2025
Tekst.
"""
NOSEP = """Besluitenlijst algemeen bestuur 12 maart 2025

1 Opening en mededelingen van de voorzitter over de gang van zaken
De voorzitter opent de vergadering.
2 Vaststelling van de notulen van de vergadering van 12 februari 2025
De notulen worden vastgesteld.
3 Verordening op de heffing van de zuiveringsheffing voor het jaar 2025
Het bestuur besluit de verordening vast te stellen.
4 Rondvraag en sluiting van de vergadering door de voorzitter
Er zijn geen vragen.
"""
BARE = """Besluitenlijst gemeenteraad 5 maart 2025

1
Opening en mededelingen
De voorzitter opent de vergadering.
2
Vaststelling van de agenda
De agenda wordt vastgesteld.
3
Verordening parkeren 2025
De raad besluit de verordening vast te stellen.
"""


def test_a_level_whose_headings_mostly_have_text_is_the_agenda_even_where_one_only_groups():
    assert [t for _, t in items(GROUP)] == ["Mededelingen", "Roadmap", "Rondvraag"]


def test_headings_that_all_only_group_are_sections_and_the_headings_below_them_the_items():
    assert [t for _, t in items(THEMES)] == ["Aanstelling coördinator", "Vrijwilligersbeleid", "Jaarrekening 2024",
                                             "Begroting 2025"]


def test_long_numbered_lines_without_separator_in_one_run_with_text_below():
    got = items(NOSEP)
    assert [n for n, _ in got] == ["1", "2", "3", "4"]
    assert got[2][1] == "Verordening op de heffing van de zuiveringsheffing voor het jaar 2025"


def test_one_long_numbered_line_without_separator_is_no_item():
    text = "Verslag 12 maart 2025\n\n3 Leden van de werkgroep hebben zich voor deze vergadering afgemeld\nVerder niets.\n"
    assert items(text) == []


def test_bare_numbers_alone_on_a_line_above_their_titles():
    assert items(BARE) == [("1", "Opening en mededelingen"), ("2", "Vaststelling van de agenda"),
                           ("3", "Verordening parkeren 2025")]


# tables with the number in the title cell, bold 'Titel:' headings, minutes written as one outline
NUMBERED_CELLS = """Besluiten- en actielijst MT 4 maart 2025

| Agendapunt | Besluit | Actie |
|---|---|---|
| 1. Opening | - | - |
| 2. Verslag vorige keer | Vastgesteld | - |
| 3. Planning voorjaar | Akkoord | Jan stuurt planning rond |
"""
BOLD_COLON = """Notulen ledenvergadering 4 maart 2025

**Aanwezig:** Kees, Marloes, Ahmed

**Opening:**
De voorzitter opent de vergadering om 20.00 uur.

**Financiën:**
De penningmeester licht de cijfers toe.

**Afspraken:**
Kees maakt de begroting.

**Rondvraag:**
Geen vragen.
"""
BOLD_COLON_TIGHT = """Notulen ledenvergadering 4 maart 2025
**Opening:**
De voorzitter opent de vergadering om 20.00 uur en heet iedereen welkom.
**Financiën:**
De penningmeester licht de cijfers van het afgelopen jaar toe.
**Rondvraag:**
Er zijn geen vragen voor het bestuur van de vereniging.
"""
OUTLINE = """Notulen bestuur 4 maart 2025
Aanwezig: Kees, Marloes

- Opening
  - De voorzitter opent om 20.00 uur.
- Notulen vorige vergadering
  - Goedgekeurd zonder wijzigingen.
  - Actielijst doorgenomen.
- Website
  - Ahmed zoekt een nieuwe hostingpartij.
- Rondvraag
  - Geen.
"""
FLAT_POINTS = """Notulen bestuur 4 maart 2025

- Kees opent de vergadering
- Notulen goedgekeurd
- Ahmed zoekt hosting
  - eind maart
- Geen rondvraag
"""


def test_agenda_table_whose_title_cells_carry_the_numbers():
    assert items(NUMBERED_CELLS) == [("1", "Opening"), ("2", "Verslag vorige keer"), ("3", "Planning voorjaar")]


def test_bold_titles_with_a_colon_are_items_and_list_labels_are_not():
    expected = [("1", "Opening"), ("2", "Financiën"), ("3", "Rondvraag")]
    assert items(BOLD_COLON) == expected
    assert items(BOLD_COLON_TIGHT) == expected


def test_top_level_entries_of_an_outline_are_the_items():
    assert [t for _, t in items(OUTLINE)] == ["Opening", "Notulen vorige vergadering", "Website", "Rondvraag"]
    assert items(FLAT_POINTS) == []


MARKED_SUBS = """# Verslag FAB 12 januari 2022

### Mededelingen
Geen.
### Roadmap
Bespreking van de roadmap.
### - Toevoegen RESTful API profiel
Tekst.
### - Uitbreiden datamodel
Tekst.
### Rondvraag
Niets.
"""


def test_headings_marked_as_list_entries_after_an_unmarked_one_are_its_sub_points():
    assert [t for _, t in items(MARKED_SUBS)] == ["Mededelingen", "Roadmap", "Rondvraag"]


# a plain numbered list inside one item is no agenda when headings around it are
LIST_IN_ITEM = """# Verslag werkgroep API 12 januari 2022

## Mededelingen
Geen.

## Roadmap
We bespreken de volgende punten:
1. Toevoegen RESTful API profiel
2. Uitbreiden datamodel
3. Beheer van de registry

## Planning
De planning wordt vastgesteld.

## Rondvraag
Niets.
"""
LIST_IN_WEB_ITEM = """Verslag bestuursvergadering 3 februari 2025
Aanwezig: Kees, Marloes, Ahmed, Ineke
Opening en vaststellen agenda
De voorzitter opent de vergadering om 20.00 uur en heet iedereen welkom. De agenda wordt ongewijzigd vastgesteld.
Financiën
De penningmeester licht de cijfers over het vierde kwartaal toe. Er zijn drie punten:
1. Contributie
2. Subsidie
3. Sponsoring
Ledenwerving
Marloes heeft contact gehad met de scholen in de wijk. Er komen drie nieuwe jeugdleden bij in maart.
Rondvraag
Er zijn geen vragen. De voorzitter sluit de vergadering om 21.30 uur.
"""


def test_a_numbered_list_inside_one_heading_item_is_not_the_agenda():
    assert [t for _, t in items(LIST_IN_ITEM)] == ["Mededelingen", "Roadmap", "Planning", "Rondvraag"]
    assert [t for _, t in items(LIST_IN_WEB_ITEM)] == ["Opening en vaststellen agenda", "Financiën", "Ledenwerving",
                                                       "Rondvraag"]


def test_numbered_items_under_one_section_heading_stay_the_agenda():
    text = "# Agenda bestuur 3 maart 2025\n\n## Agendapunten\n1. Opening\n2. Notulen\n3. Begroting\n\n## Rondvraag\nGeen.\n"
    assert [t for _, t in items(text)] == ["Opening", "Notulen", "Begroting"]


NUMBER_COLUMN = """Besluitenlijst dagelijks bestuur 12 maart 2025

Nr.
1.
2.
3.
4.
Onderwerp
Opening en mededelingen
Verslag vorige vergadering
Begroting 2026
Rondvraag
Besluit
Geen
Vastgesteld
Akkoord, met wijziging
Geen
"""


def test_a_table_read_column_by_column_pairs_its_numbers_with_the_titles_not_the_column_name():
    assert items(NUMBER_COLUMN) == [("1", "Opening en mededelingen"), ("2", "Verslag vorige vergadering"),
                                    ("3", "Begroting 2026"), ("4", "Rondvraag")]


PADDED = """Openbare besluitenlijst college 3 maart 2025

01A Verslag collegevergadering 24 februari 2025

Het verslag wordt ongewijzigd vastgesteld.

04 Subsidieregeling sportverenigingen

BESLUIT:

Het college besluit:

  1. de subsidieregeling vast te stellen;
  2. de raad te informeren.

07 12 Kernen Plan, uitvoering en financiering

BESLUIT:

  1. het plan vast te stellen.
"""


def test_zero_padded_numbers_with_gaps_are_the_agenda_and_decision_points_are_not():
    assert items(PADDED) == [("01a", "Verslag collegevergadering 24 februari 2025"),
                             ("04", "Subsidieregeling sportverenigingen"),
                             ("07", "12 Kernen Plan, uitvoering en financiering")]


# run-on text: a page per line (web transcripts of PDF pages), the items numbered inside the line
RUN_ON_PAGE = ("Notulen algemeen bestuur\n\nTranscriptie\n\n1 Notulen van de openbare vergadering van het algemeen "
               "bestuur van het waterschap, gehouden op 14 maart 2012 Aanwezig: de heer A. de Vries (voorzitter), "
               "mevrouw B. Jansen, de heer C. Pietersen en mevrouw D. Klaassen Agenda 1. Opening De voorzitter opent "
               "de vergadering en heet iedereen welkom. 2. Notulen en besluitenlijst Besluit: het bestuur stelt de "
               "notulen vast. 3a. Dijkversterking Lekdijk Het projectplan wordt toegelicht door de heer E. Bakker. "
               "3b. Verordening watersysteem a. Toelichting b. Stemming 4. Rondvraag Er zijn geen vragen. De "
               "voorzitter sluit de vergadering en dankt de aanwezigen voor hun komst naar het waterschapshuis.\n")


def test_items_numbered_inside_run_on_lines_count_up_from_one():
    assert items(RUN_ON_PAGE) == [("1", "Opening"), ("2", "Notulen en besluitenlijst"),
                                  ("3a", "Dijkversterking Lekdijk"), ("3b", "Verordening watersysteem"),
                                  ("4", "Rondvraag")]


def test_two_numbers_in_a_run_on_line_are_no_agenda_without_the_word_agendapunt():
    text = RUN_ON_PAGE.split(" 3a.")[0] + " en verder niets van belang voor deze vergadering.\n"
    assert items(text) == []
    assert [n for n, _ in items(text.replace(" 1. ", " Agendapunt 1. ").replace(" 2. ", " Agendapunt 2. "))] == ["1", "2"]


WEB_LIST_NUMBERS = """Commissie Bestuur en Middelen
dinsdag 14 november 2023
Agendapunten
  1. 1
    00:00:05 - 00:03:10 - J. (Jan) Visser
  2. 2
    Vaststellen van de agenda
  3. 3
    Verslag van de vorige vergadering
    00:03:10 - 00:05:00 - J. (Jan) Visser
  4. 4
    Voorstellen ter advisering
  5. 4.1
    Begroting 2024
    1. De begroting 2024 vast te stellen en het dagelijks bestuur te machtigen tot het aangaan van leningen.
"""


def test_a_web_list_mark_with_the_items_own_number_and_the_title_below():
    assert items(WEB_LIST_NUMBERS) == [("2", "Vaststellen van de agenda"), ("3", "Verslag van de vorige vergadering"),
                                       ("4", "Voorstellen ter advisering"), ("4.1", "Begroting 2024")]


LBLOD_HTML = """<html><head><title>Besluitenlijst</title></head><body>
<div class="bestuursorgaan"><h2>Gemeenteraad Voorbeeldegem</h2></div>
<h1>Besluitenlijst van de gemeenteraad, zitting van 12 maart 2024</h1>
<div property="besluit:behandelt">
 <h3 property="eli:title">Goedkeuring van de notulen van de vorige zitting</h3>
 <div class="motivering"><h4>Motivering</h4><p>De notulen werden ter inzage gelegd.</p></div>
 <h4>Besluit</h4><h5>Artikel 1</h5><p>De gemeenteraad keurt de notulen goed.</p>
 <h4>Stemming</h4><p>Goedgekeurd</p>
</div>
<div property="besluit:behandelt">
 <h3 property="eli:title">Aanpassing van het retributiereglement sporthal</h3>
 <h4>Motivering</h4><h5>Juridische grond</h5><p>Het decreet over het lokaal bestuur.</p>
 <h4>Besluit</h4><h5>Artikel 1</h5><p>De raad keurt het reglement goed.</p><h5>Artikel 2</h5><p>Het reglement treedt in werking.</p>
 <h4>Stemming</h4><p>Goedgekeurd</p>
</div>
<div property="besluit:behandelt">
 <h3 property="eli:title">Aanstelling van een brandweercommandant</h3>
 <h4>Besluit</h4><h5>Artikel 1</h5><p>De raad stelt Piet Janssens aan.</p>
</div>
</body></html>
"""


def test_an_lblod_html_besluitenlijst_through_the_html_loader():
    from ingest.loaders.load import load_document
    from notulist.settings import Settings

    src = load_document("2024-03-12_gemeenteraad_besluitenlijst.html", LBLOD_HTML.encode(), settings=Settings())
    m = parse_meeting(src)
    assert [(i.number, i.title) for i in m.items] == [
        ("1", "Goedkeuring van de notulen van de vorige zitting"),
        ("2", "Aanpassing van het retributiereglement sporthal"),
        ("3", "Aanstelling van een brandweercommandant")]
    assert str(m.date) == "2024-03-12"


def test_a_long_paragraph_with_inline_numbers_in_an_ordinary_document_is_no_run_on_agenda():
    para = ("Over de begroting spreken we af dat we het volgende doen: 1. De penningmeester maakt een overzicht "
            "van alle kosten van het afgelopen jaar en stuurt dat rond. 2. Het bestuur bekijkt welke posten "
            "omlaag kunnen. 3. De leden krijgen het voorstel voor de zomer. Dit alles moet klaar zijn voordat de "
            "nieuwe penningmeester begint, zodat de overdracht soepel verloopt en niemand iets mist. Ook de kascommissie "
            "krijgt het overzicht tijdig, zodat zij het kan controleren voor de ledenvergadering.")
    assert len(para) >= 400
    text = "# Verslag bestuur 3 maart 2025\n\n## Opening\nWelkom.\n\n## Begroting\n" + para + "\n\n## Rondvraag\nGeen.\n"
    assert [t for _, t in items(text)] == ["Opening", "Begroting", "Rondvraag"]


REGISTER = """Doorlopende besluitenlijst bestuur tuinvereniging

Vergadering 12 mei 2022. Aanwezig: An, Bert, Carla.

Nr. Onderwerp Datum bespreking Besprokene Besluit Afdoening door
001 Notulen 14 april 2022 12-05-2022 Geen opmerkingen.

Vastgesteld.
004 Waterleiding tuin 3 14-04-2022 De leiding lekt.

Bert belt de gemeente.
017 Open dag 12-05-2022 We houden een open dag in juni.
"""


def test_a_register_numbered_with_zero_padded_numbers_and_gaps():
    assert items(REGISTER) == [("001", "Notulen 14 april 2022"), ("004", "Waterleiding tuin 3"), ("017", "Open dag")]


RESTARTS = """Verslag bestuursvergadering 4 april 2024

 1. Jan opent de vergadering om 14.00 uur.

 1. De agenda wordt vastgesteld
 2. Het verslag van de vorige vergadering wordt goedgekeurd
 1. Evaluatie voorjaarsmarkt

Het was een geslaagde markt met veel bezoekers uit het dorp.

 1. Ledenwerving

Er komt een folder voor nieuwe bewoners.

 1. Rondvraag

Geen vragen.
"""


def test_a_list_whose_numbering_restarts_at_one_in_a_document_without_other_structure():
    got = items(RESTARTS)
    assert [t for _, t in got][-3:] == ["Evaluatie voorjaarsmarkt", "Ledenwerving", "Rondvraag"]
    assert [n for n, _ in got] == [str(k) for k in range(1, len(got) + 1)]


def test_decision_points_restarting_at_one_under_headings_stay_inside_their_items():
    text = ("# Besluitenlijst college 4 april 2024\n\n## Subsidie sportclub\nHet college besluit:\n 1. de subsidie "
            "te verlenen\n 2. de club te informeren\n\n## Verkeersplan\nHet college besluit:\n 1. het plan vast "
            "te stellen\n\n## Personeel\nHet college besluit:\n 1. de vacature open te stellen\n")
    assert [t for _, t in items(text)] == ["Subsidie sportclub", "Verkeersplan", "Personeel"]


def test_a_prose_numbered_line_between_its_neighbours_is_the_item_of_its_number():
    text = ("Notulen ledenvergadering 6 april 2024\n[Agenda]\n1. Opening\nDe voorzitter opent de vergadering.\n"
            "2. Op de notulen van de vorige ledenvergadering van 3 juni 2023 komen vanuit de vergadering geen "
            "opmerkingen, wel is er een schriftelijk verzoek binnengekomen om een passage over de kascommissie aan "
            "te passen, wat zonder bezwaar gebeurt en waarna de notulen met dank aan de secretaris worden vastgesteld "
            "door de aanwezige leden van de vereniging.\n3. Jaarverslag\nDe secretaris doet verslag.\n")
    assert [n for n, _ in items(text)] == ["1", "2", "3"]
    assert items(text)[2] == ("3", "Jaarverslag")
