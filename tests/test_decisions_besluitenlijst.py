"""How besluitenlijsten of executive bodies write their besluiten (summarise/extract/besluit_lists.py): list numbers
on a line of their own, and the besluit clauses numbered under "Het college besluit:". Text written fresh (general
Dutch forms), not copied from a gold set."""

from __future__ import annotations

from tests.conftest import extract_text
from summarise.extract.besluit_lists import drop_list_numbers


def extract(text: str, settings, name: str = "besluitenlijst.txt"):
    return extract_text(text, settings, name)


def test_a_list_number_alone_is_no_clause():
    raw = "Het college besluit:\n1.\nIn te stemmen met het plan;\n2.\nHet budget te verhogen.\n"
    spans = [(0, 20), (21, 23), (24, 51), (52, 54), (55, 78)]
    kept = drop_list_numbers(raw, spans)
    assert [raw[a:b] for a, b in kept] == ["Het college besluit:", "In te stemmen met het plan;", "Het budget te verhogen."]
    assert [raw[a:b] for a, b in drop_list_numbers("Het college besluit:\n1.", [(0, 23)])] == ["Het college besluit:"]


NUMBERED = """Openbare besluitenlijst van de vergadering van gedeputeerde staten op 3 juni 2025

1.
Busvervoer in de kop van de provincie Het college besluit:

1. De concessie voor twee jaar te verlengen, met dien verstande dat de dienstregeling gelijk blijft;

2. Het voorzieningenniveau in de kleine kernen tot en met 2026 te handhaven.

3. In te stemmen met het programma van eisen voor het doelgroepenvervoer.
4. Een overeenkomst voor te bereiden met de gemeenten over het doelgroepenvervoer.
"""


def test_every_numbered_besluit_clause_is_a_decision_and_no_number_is(settings):
    quotes = [d.citation.quote for d in extract(NUMBERED, settings).decisions]
    assert "1." not in quotes and "2." not in quotes
    for clause in ("Het voorzieningenniveau in de kleine kernen tot en met 2026 te handhaven.",
                   "In te stemmen met het programma van eisen voor het doelgroepenvervoer.",
                   "Een overeenkomst voor te bereiden met de gemeenten over het doelgroepenvervoer."):
        assert clause in quotes


def test_a_table_header_row_is_no_decision():
    from summarise import rules
    for header in ("Onderwerp Besluit", "Onderwerp | Besluit",
                   "Vergadering : Algemeen Bestuur Punt Omschrijving Voorstel/Advies Besluit (cf of anders:) 01 Opening."):
        assert [h.kind for h in rules.analyse(header, "record")] == []
    # a decision written after the header row is still one
    assert [h.kind for h in rules.analyse("Onderwerp Besluit: het college stemt in met het plan.", "record")] == ["decision"]


FORWARDED = """Besluitenlijst college 3 juni 2025

1. Jaarstukken veiligheidsregio

Het college besluit:

Bijgaand raadsvoorstel met de beslispunten:

De raad besluit

 1. kennis te nemen van de jaarrekening 2024 van de veiligheidsregio
 2. in te stemmen met de ontwerpbegroting 2026.

en de bij het raadsvoorstel behorende bijlagen ter besluitvorming voor te leggen aan de raad.

2. Verklaring van geen bedenkingen zonnepark

Het college besluit:

Bijgaand raadsvoorstel met de beslispunten:

Aan de raad voor te stellen

 1. Een ontwerpverklaring van geen bedenkingen af te geven voor het zonnepark aan de Dijkweg.
 2. De verklaring definitief te maken als er geen zienswijzen komen.
"""


def test_the_points_quoted_for_the_council_are_not_the_colleges_decisions(settings):
    quotes = [d.citation.quote for d in extract(FORWARDED, settings).decisions]
    assert "en de bij het raadsvoorstel behorende bijlagen ter besluitvorming voor te leggen aan de raad." in quotes
    assert "Een ontwerpverklaring van geen bedenkingen af te geven voor het zonnepark aan de Dijkweg." in quotes
    assert not [q for q in quotes if "jaarrekening 2024" in q or "ontwerpbegroting" in q or q.startswith("De raad")]
    assert not [q for q in quotes if "definitief te maken" in q]


EXECUTIVE = """Openbare besluitenlijst vergadering Gedeputeerde Staten van 3 juni 2025

Onderwerp: Jaarverslag rekenkamer

Gedeputeerde Staten hebben kennis genomen van het jaarverslag 2024 van de rekenkamer.

Onderwerp: Windpark Oostdijk

In een brief aan de gemeente verklaren Gedeputeerde Staten dat zij bereid zijn van de omgevingsverordening af te wijken.

GS reageren op de ontwerpvisie van het waterschap

Het waterschap heeft een ontwerpvisie vastgesteld. GS geven een reactie op de ontwerpvisie.

Onderwerp: Dorpshuis

Stichting Dorpshuis De Linde ontvangt € 12.000 subsidie voor de verbouwing.

Het College van Gedeputeerde Staten van Zeeland heeft besloten om in te stemmen met de regionale agenda.

Gedeputeerde Staten zullen in juli besluiten over de subsidieregeling.
"""


def test_the_executive_bodys_own_besluiten_in_its_besluitenlijst(settings):
    quotes = [d.citation.quote for d in extract(EXECUTIVE, settings).decisions]
    for sentence in ("Gedeputeerde Staten hebben kennis genomen van het jaarverslag 2024 van de rekenkamer.",
                     "In een brief aan de gemeente verklaren Gedeputeerde Staten dat zij bereid zijn van de "
                     "omgevingsverordening af te wijken.",
                     "GS geven een reactie op de ontwerpvisie.",
                     "Stichting Dorpshuis De Linde ontvangt € 12.000 subsidie voor de verbouwing.",
                     "Het College van Gedeputeerde Staten van Zeeland heeft besloten om in te stemmen met de regionale "
                     "agenda."):
        assert sentence in quotes
    assert "GS reageren op de ontwerpvisie van het waterschap" not in quotes  # a heading
    assert not [q for q in quotes if "zullen in juli" in q]  # a decision still to come


def test_taking_note_in_minutes_stays_no_decision(settings):
    text = "Notulen ledenvergadering 3 juni 2025\n\n1. Jaarverslag\n\nDe leden nemen kennis van het jaarverslag.\n"
    assert extract(text, settings, "notulen.txt").decisions == []



VOTED = """Notulen gemeenteraad 3 juni 2025

1. Goedkeuring notulen

BESLUIT

eenparig

Art. 1:

De raad keurt de notulen van de zitting van 6 mei 2025 goed.
"""


def test_the_vote_between_the_besluit_heading_and_its_first_article(settings):
    quotes = [d.citation.quote for d in extract(VOTED, settings, "notulen.txt").decisions]
    assert quotes == ["De raad keurt de notulen van de zitting van 6 mei 2025 goed."]


FLEMISH = """Notulen gemeenteraad 3 juni 2025

1. Goedkeuring notulen

Het huishoudelijk reglement, goedgekeurd tijdens de zitting van de gemeenteraad van 21 maart 2019.

BESLUIT

eenparig

Art. 1:

De raad keurt de notulen van de zitting van 6 mei 2025 goed.

2. Notulen OCMW

De raad voor maatschappelijk welzijn geeft goedkeuring aan de notulen van de zitting van 6 mei 2025.
"""


def test_flemish_besluit_forms(settings):
    quotes = [d.citation.quote for d in extract(FLEMISH, settings, "notulen.txt").decisions]
    assert "De raad keurt de notulen van de zitting van 6 mei 2025 goed." in quotes  # the vote before Art. 1
    assert "De raad voor maatschappelijk welzijn geeft goedkeuring aan de notulen van de zitting van 6 mei 2025." in quotes
    assert not [q for q in quotes if "21 maart 2019" in q]  # an earlier session's decision, cited


def test_a_members_request_to_the_meeting_is_no_decision():
    from summarise import rules
    hits = rules.analyse("Mevrouw Jansen verzoekt om van hamerstuk 7 een bespreekpunt te maken.", "record")
    assert [h.kind for h in hits] == []


def test_the_chair_noting_assent_to_a_suggestion_cites_both(settings):
    text = ("Verslag van de verenigde vergadering op 3 juni 2025\n\n1. Vaststelling agenda\n\nDe heer Bakker suggereert om "
            "beide nota's tegelijk met de begroting te behandelen. De voorzitter constateert dat de vergadering instemt "
            "met het voorstel van de heer Bakker.\n")
    quotes = [d.citation.quote for d in extract(text, settings, "verslag.txt").decisions]
    assert quotes == ["De heer Bakker suggereert om beide nota's tegelijk met de begroting te behandelen. De voorzitter "
                      "constateert dat de vergadering instemt met het voorstel van de heer Bakker."]


RESTATED = """Notulen OCMW-raad 3 juni 2025

1. Goedkeuring notulen

De notulen van de OCMW-raad d.d. 6 mei 2025 worden goedgekeurd.

Juridische grond: het decreet lokaal bestuur.

Art. 1 De notulen van de OCMW-raad d.d. 6 mei 2025 worden goedgekeurd.
"""


def test_a_decision_restated_as_its_article_is_one_decision(settings):
    quotes = [d.citation.quote for d in extract(RESTATED, settings, "notulen.txt").decisions]
    assert quotes == ["Art. 1 De notulen van de OCMW-raad d.d. 6 mei 2025 worden goedgekeurd."]


def test_other_parties_decisions_are_reported():
    from summarise import rules
    hits = rules.analyse("Ook andere partijen hebben besloten om in te stemmen met een bijdrage, waaronder het fonds.", "record")
    assert hits == []
    assert [h.kind for h in rules.analyse("De partijen hebben besloten de bijdrage te verhogen.", "record")] == ["decision"]


def test_the_noun_besluiten_and_closing_the_evening_are_no_decision():
    from summarise import rules

    def kinds(s):
        return [h.kind for h in rules.analyse(s, "record")]
    assert kinds("N.B.: stukken over genoemde besluiten zijn niet altijd direct beschikbaar.") == []
    assert kinds("Met een kort verhaal besluit Anna de opening van de vergadering.") == []
    assert kinds("Het bestuur besluit de vergadering van mei te verplaatsen.") == ["decision"]
    assert kinds("We besluiten dat de vergadering van 19 april komt te vervallen.") == ["decision"]


def test_the_adoption_stamp_under_the_title_is_no_decision(settings):
    text = ("Provincie Zuid\n\nBesluitenlijst GS van 3 juni 2025\n\nvan de vergadering van Gedeputeerde Staten van 3 juni "
            "2025 vastgesteld op 10 juni 2025.\n\nSubsidie dorpshuis.\n\nGS stemmen in met een bijdrage aan het dorpshuis.\n")
    quotes = [d.citation.quote for d in extract(text, settings).decisions]
    assert quotes == ["GS stemmen in met een bijdrage aan het dorpshuis."]


def test_what_the_announcements_report_is_no_decision(settings):
    text = ("Verslag algemeen bestuur 3 juni 2025\n\n1. Opening en mededelingen\nDe voorzitter heet iedereen welkom.\n"
            "Mededelingen:\nFusie: Er is besloten om het servicebureau per 1 januari op te heffen.\nHuisvesting: de verhuizing "
            "is in mei.\n\n2. Begroting\nHet algemeen bestuur stelt de begroting vast.\n")
    quotes = [d.citation.quote for d in extract(text, settings, "verslag.txt").decisions]
    assert quotes == ["Het algemeen bestuur stelt de begroting vast."]


def test_what_the_chair_mentions_is_reported_and_a_besluit_to_inform_is_decided():
    from summarise import rules
    assert rules.analyse("De voorzitter vermeldt dat de aanwezigheid van de mug is vastgesteld door de autoriteit.",
                         "record") == []
    hits = rules.analyse("Naar aanleiding van het verzoek besluit het bestuur mee te delen dat er geen middelen zijn.", "record")
    assert [h.kind for h in hits] == ["decision"]


def test_an_impersonal_decision_after_another_bodys_doing_is_not_the_executives(settings):
    text = ("Besluitenlijst vergadering Gedeputeerde Staten 3 juni 2025\n\nOnderwerp: IPO-commissie Wonen\n\nDe IPO-commissie "
            "Wonen van 2 juni is vervallen. Er is besloten een schriftelijke ronde te houden. Gedeputeerde Staten hebben "
            "hun standpunten bepaald.\n")
    quotes = [d.citation.quote for d in extract(text, settings).decisions]
    assert quotes == ["Gedeputeerde Staten hebben hun standpunten bepaald."]


def test_besloten_as_an_adjective_is_no_decision():
    from summarise import rules
    assert rules.analyse("De maatregelen beperken het contact tussen personen in een besloten ruimte.", "record") == []
    assert [h.kind for h in rules.analyse("In besloten zitting is besloten de directeur te benoemen.", "record")] == ["decision"]


def test_the_decision_put_to_the_meeting_is_no_decision_until_one_is_recorded(settings):
    text = ("Toelichtende nota gemeenteraad zitting van 3 juni 2025\n\n1. Goedkeuren notulen van de zitting van 6 mei 2025\n\n"
            "VOORSTEL VAN BESLISSING\n\nArt. 1: De notulen van de zitting van 6 mei 2025 worden goedgekeurd.\n\n"
            "2. Reglement fietslessen\n\nVoorstel van beslissing\n\nArt. 1: Het reglement wordt goedgekeurd.\n\n"
            "Besluit: de raad keurt het reglement goed.\n")
    quotes = [d.citation.quote for d in extract(text, settings, "nota.txt").decisions]
    assert quotes == ["Besluit: de raad keurt het reglement goed."]
