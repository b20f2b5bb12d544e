"""Decision forms of narrative minutes and besluitenlijsten of unseen bodies (round 10): what the meeting decided,
and what only looks like it. Text written fresh (general Dutch forms), not copied from a gold set."""

from __future__ import annotations

from summarise import rules
from summarise.rules.engine import detector_for
from tests.conftest import extract_text


def kinds(text: str) -> list[str]:
    return [h.kind for h in rules.analyse(text, "record")]


def test_previous_minutes_adopted_now_are_no_earlier_decision():
    assert kinds("De notulen van de vorige vergadering zijn goedgekeurd.") == ["decision"]
    assert kinds("Het vorige verslag is ongewijzigd vastgesteld.") == ["decision"]
    # an earlier decision is still reported
    assert kinds("Het bestuur heeft vorige week besloten de contributie te verhogen.") == []
    assert detector_for("De notulen van de vorige vergadering zijn vorige week al goedgekeurd.", "record") \
        == "eerder of elders besloten"


def test_inverted_and_consequence_agreements_are_decisions():
    assert kinds("Ook spreken we af dat er een oproep op het prikbord komt.") == ["decision"]
    assert kinds("Als resultaat van de bijeenkomst is afgesproken dat de regio's meer van elkaar gaan leren.") == ["decision"]
    assert kinds("Als de gemeente akkoord is, gaan we door.") == []  # a condition stays none


def test_past_tense_besloot_and_a_vote_of_the_meeting_are_decisions():
    assert kinds("Over de tuin besloot de commissie vooralsnog geen hekken te plaatsen.") == ["decision"]
    assert kinds("Om 22.30 uur besloot de voorzitter de vergadering.") == []  # closes the meeting
    assert kinds("De vergadering stemt (in meerderheid) vóór het voorstel, mits de jeugd erbij betrokken wordt.") == ["decision"]
    assert kinds("De VVD-fractie stemt voor het voorstel.") == []  # a party's vote, not the meeting's
    assert kinds("De leden stemmen voor of tegen.") == []


def test_a_group_set_up_by_the_body_is_a_decision():
    assert kinds("De stuurgroep heeft een werkgroep ingesteld die het plan gaat uitwerken.") == ["decision"]
    assert kinds("Het bestuur stelt een commissie in die het jubileum voorbereidt.") == ["decision"]


def test_what_only_looks_like_a_decision():
    assert kinds("Er worden geen besluiten genomen die langlopende verplichtingen betreffen.") == []
    assert kinds("Gezien de omstandigheden rechtvaardigen wij het nemen van besluiten op de agendapunten.") == []
    assert kinds("Daarna volgt de oprichtingsvergadering, waarin besloten wordt of de stichting wordt opgericht.") == []
    assert kinds("Karin heeft om persoonlijke redenen besloten het bestuur te verlaten.") == []
    assert kinds("Het bestuur besluit in oktober hoe de tellingen worden gedaan.") == []
    assert kinds("NR Datum overleg Besluit") == []
    assert "decision" not in kinds("Het lekkende dak wordt opgevolgd door Kurt en Jan.")
    assert kinds("Hij zal worden opgevolgd door Petra Kapitein als penningmeester.") == ["decision"]


def test_adopting_the_own_agenda_is_procedural(settings):
    text = ("Notulen ouderraad 12 maart 2024\n\n1. Opening\n\nDe standaard agenda is vastgesteld als agenda.\n\n"
            "2. Goedkeuring agenda\n\nUnaniem en ongewijzigd goedgekeurd\n\n3. Jaarverslag\n\nUnaniem vastgesteld.\n")
    quotes = [d.citation.quote for d in extract_text(text, settings, "2024-03-12_ouderraad_notulen.txt").decisions]
    assert len(quotes) == 1 and quotes[0].endswith("Unaniem vastgesteld."), quotes


def test_an_infinitive_that_ends_an_agenda_proposal_is_no_decision():
    assert kinds("1. De mondeling gegeven machtiging aan de voorzitter bekrachtigen.") == []
    assert kinds("De overeenkomst met de gemeente ondertekenen.") == []
    assert kinds("Gedeputeerde Staten bekrachtigen het besluit van de voorzitter.") == ["decision"]
    assert kinds("Het bestuur bekrachtigt de geheimhouding.") == ["decision"]


def test_closing_the_meeting_and_a_decision_not_to_are_no_decisions():
    assert kinds("Precies om 21.45 uur besloot de voorzitter deze geslaagde vergadering.") == []
    assert kinds("Toch besloot het college daar niet mee in te stemmen.") == []


def test_no_questions_on_the_minutes_and_an_adoption_in_one_sentence_is_a_decision(settings):
    text = ("Verslag ledenvergadering 4 juni 2024\n\n1. Verslag vorige vergadering\n\nOver het verslag zijn geen vragen "
            "of opmerkingen en de vergadering besluit deze ongewijzigd vast te stellen.\n\n2. Rondvraag\n\n"
            "Er zijn geen vragen of opmerkingen over het verslag.\n")
    quotes = [d.citation.quote for d in extract_text(text, settings, "2024-06-04_ledenvergadering_verslag.txt").decisions]
    assert quotes == ["Over het verslag zijn geen vragen of opmerkingen en de vergadering besluit deze ongewijzigd vast "
                      "te stellen."], quotes
    assert detector_for("Tom vraagt of er al duidelijkheid is.", "record") == "vraag in de derde persoon"


def test_a_title_with_its_outcome_after_the_colon_is_a_decision(settings):
    text = ("Verslag ledenvergadering 5 maart 2024\n\n 1. Opening en mededelingen: geen mededelingen\n"
            " 2. Verslag van ledenvergadering 17 oktober 2023: ongewijzigd vastgesteld, met dank aan de notulist\n"
            " 3. Vaststelling agenda: akkoord\n 4. Rondvraag: niemand heeft een vraag\n")
    quotes = [d.citation.quote for d in extract_text(text, settings, "2024-03-05_ledenvergadering_verslag.txt").decisions]
    assert quotes == ["Verslag van ledenvergadering 17 oktober 2023: ongewijzigd vastgesteld, met dank aan de notulist"], quotes
