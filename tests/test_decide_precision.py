"""Precision guards for the working-group decision forms: the ordinary sentences of working-group and community
notes that look like "We hebben afgesproken ...", "gaan we ... gebruiken", "is geschrapt" but record no decision of
this meeting (a state, speculation, a wish, a condition, a relative clause, an earlier meeting, another body).
Sentences are written fresh (general Dutch forms), not copied from a gold set."""

from __future__ import annotations

import pytest

from summarise import rules
from tests.conftest import extract_text as extract


def kinds(sentence: str) -> list[str]:
    return [h.kind for h in rules.analyse(sentence, "record")]


@pytest.mark.parametrize("sentence", [
    "We hebben het voorstel van Kees besproken, maar nog geen keuze gemaakt.",
    "We hebben vorige keer afgesproken dat iedereen zijn issues bijwerkt.",
    "Conform afspraak heeft Piet de presentatie rondgestuurd.",
    "We hebben het afgesproken tijdstip niet gehaald.",
    "Wellicht gaan we Slack gebruiken in plaats van mail.",
    "Het liefst gaan we de nieuwe versie gebruiken.",
    "Mocht niemand bezwaar hebben, dan gaan we de nieuwe versie gebruiken.",
    "Als de leveranciers meedoen, dan hebben we afgesproken dat de test in mei is.",
    "De bibliotheek die we gaan gebruiken heeft een MIT-licentie.",
    "De definitie is nog niet gefinaliseerd.",
    "Nog niet alle issues zijn geschrapt.",
    "Bij de vorige release zijn drie attributen geschrapt.",
    "Het ministerie heeft de term geschrapt uit de wet.",
    "De werkgroep Metadata heeft afgesproken de waardelijst te herzien.",
    "Het schema is vorige week gefinaliseerd door het kernteam.",
    "We hebben geen voorkeur voor een bepaald tool.",
    "Hopelijk wordt het document in mei vastgesteld.",
    "Er is nog geen groen licht van de stuurgroep.",
    "De leverancier gaat niet akkoord met de voorwaarden.",
    "Het is nog niet duidelijk of de stuurgroep akkoord gaat.",
    "We gaan de komende weken onderzoeken welke standaard we gaan hanteren.",
    "Welke tool we gaan gebruiken is nog onduidelijk.",
    "De voorkeur gaat uit naar variant twee, aldus de leverancier.",
    "Sommige gemeenten kiezen voor een eigen oplossing.",
    "Bij het kiezen voor een tool spelen veel factoren mee.",
    "Hij tekent bezwaar aan tegen het besluit.",
    "Voor elk verzoek wordt een issue aangemaakt door de indiener.",
    "We hebben vastgesteld dat de validator een fout geeft bij lege velden.",
    "In de wet is vastgesteld dat gemeenten dit moeten doen.",
    "Het is gebruikelijk dat de begroting in december wordt vastgesteld.",
    "Het project is in 2019 goedgekeurd door de subsidiegever.",
    "Richting: nog onduidelijk.",
    "Oplossing: misschien een extra attribuut, dat zoekt Jan uit.",
    "Besluit: n.v.t.",
    "Het was voor de vereniging onmogelijk om bezwaar aan te tekenen.",
    "Overleg met de aannemer nadat het bestemmingsplan is vastgesteld.",
    "Er is wel een politiek besluit dat er een nieuwe brug moet komen.",
    "We zijn met genoeg leden om besluiten te mogen nemen.",
    "Het plan, goedgekeurd door de raad in 2020, ligt ter inzage in het gemeentehuis.",
    "Vastgesteld verslag van de vergadering van de commissie Ruimte van 3 maart.",
    "De raad neemt eenparig kennis van het jaarverslag van de brandweer.",
    "Het college heeft in 2022 ingestemd met het plan van aanpak.",
    "De directeur merkt op dat de stuurgroep akkoord is met de planning.",
    "De gedeputeerde geeft aan dat het college heeft ingestemd met de brief.",
    "Het stuk is eerder besproken en toen akkoord bevonden.",
    "Het nieuwe jaarplan wordt voor de zomervakantie goedgekeurd, ook door de MR.",
    "De begroting wordt in juni vastgesteld.",
    "De software ondersteunt de nieuwe standaard.",
    "Aanwezig: 41 leden hebben de presentielijst getekend.",
    "De notulen waren al goedgekeurd en staan op de website.",
    "Besluit 1.",
    "Ze adviseert om de penningmeester decharge te verlenen.",
    "Formeel kan vastgesteld worden dat het bedrag in kas voldoende is gebleken.",
])
def test_look_alikes_are_no_decisions(sentence):
    assert "decision" not in kinds(sentence)


@pytest.mark.parametrize("sentence", [
    "We hebben afgesproken volgende week de planning door te nemen.",
    "Daarom hebben we samen afgesproken dat de demo op vrijdag is.",
    "Iedereen heeft afgesproken de code voortaan te reviewen.",
    "Het bleek te veel werk, dus we hebben de functie geschrapt.",
    "Na de stemming is de taakverdeling gefinaliseerd.",
    "PostgreSQL kwam als beste uit de vergelijking, en die gaan we gebruiken voor de backend.",
    "We gaan de bestaande codelijst hanteren.",
    "Conform voorstel besloten.",
    "We kiezen voor de tweede optie.",
    "De werkgroep stemt in met de nieuwe definitie, op voorwaarde dat de gemeenten ook meedoen.",
    "Richting: niet iedereen maakt een conceptueel model, dus een logisch model mag.",
    "Besluit: geen bezwaar tegen de nieuwe planning.",
    "Nadat de begroting is besproken, wordt zij ongewijzigd vastgesteld.",
    "De raad neemt kennis van het verslag en keurt de jaarrekening goed.",
    "De voorzitter ondertekent het convenant namens het bestuur.",
    "Het college stemt in met de beantwoording van de schriftelijke vragen.",
    "De voorzitter constateert dat het voorstel met algemene stemmen is aangenomen.",
    "Het bestuur ondersteunt de voorgestelde aanleg van een nieuw veld.",
    "Het voorstel wordt in de vergadering van 5 mei aangenomen.",
    "Prima om de vergaderingen voortaan op dinsdag te houden.",
    "Besluit 2: de notulen worden vastgesteld.",
])
def test_settled_forms_stay_decisions(sentence):
    assert "decision" in kinds(sentence)



NOTES = """# Verslag werkgroep Begrippen 12 mei 2025

## 1. Mededelingen
De stuurgroep heeft besloten het budget voor volgend jaar te verhogen.
De programmaraad heeft het voorstel voor de nieuwe versie goedgekeurd.
Versie 2.1 is door het Forum Standaardisatie vastgesteld.
De codelijst is goedgekeurd door het OBDO.
De minister heeft besloten de wet later in te voeren.
Het kernteam van de standaard heeft besloten de release uit te stellen tot april.

## 2. Definities
De werkgroep heeft afgesproken de definitie van 'gebouw' te splitsen.
"""

BOARD = """# Verslag stuurgroep Begrippen 12 mei 2025

## 1. Budget
De stuurgroep heeft besloten het budget voor volgend jaar te verhogen.
"""


def test_a_decision_of_another_body_is_reported(settings):
    ex = extract(NOTES, settings)
    assert [d.citation.quote for d in ex.decisions] == ["De werkgroep heeft afgesproken de definitie van 'gebouw' te splitsen."]
    assert ex.postponed == []  # another body's release put off is no item of this meeting postponed


def test_the_body_that_meets_decides(settings):
    quotes = [d.citation.quote for d in extract(BOARD, settings).decisions]
    assert quotes == ["De stuurgroep heeft besloten het budget voor volgend jaar te verhogen."]


@pytest.mark.parametrize("sentence, owner", [
    ("Arjen stelt een tekst op over de begrippen om volgende keer te bespreken.", "Arjen"),
    ("Marie zoekt uit hoe het zit, zodat we het volgende keer kunnen bespreken.", "Marie"),
    ("Piet schrijft een notitie die we in de volgende vergadering bespreken.", "Piet"),
])
def test_a_task_for_the_next_meeting_is_no_postponement(sentence, owner):
    hits = rules.analyse(sentence, "record")
    assert [(h.kind, h.owner.text) for h in hits] == [("action", owner)]


@pytest.mark.parametrize("sentence", [
    "We bespreken dit volgende keer.",
    "We besluiten dit om volgende keer te bespreken.",
    "Dit punt wordt volgende keer verder besproken.",
])
def test_the_point_itself_moved_is_postponed(sentence):
    assert "postponed" in kinds(sentence)


def test_the_agenda_adopted_by_pronoun_is_procedural(settings):
    text = ("# Verslag adviesraad 4 juni 2025\n\n## 1. Vaststelling agenda\nDeze wordt zonder wijzigingen vastgesteld.\n\n"
            "## 2. Verslag vorige vergadering\nDit wordt ongewijzigd vastgesteld.\n")
    quotes = [d.citation.quote for d in extract(text, settings).decisions]
    assert quotes == ["Dit wordt ongewijzigd vastgesteld."]


def test_a_besluiten_heading_inside_an_item_decides_its_list(settings):
    text = ("# Notulen werkgroep 5 mei 2025\n\n## 1. Documentatie\nWe bespreken de opties.\n\n## 2. Rondvraag\n"
            "Geen vragen.\n\n### Acties\n- Carla: uitzoeken OAuth2\n\n### Besluiten\n- We blijven bij Markdown tot april.\n")
    ex = extract(text, settings)
    assert [d.citation.quote for d in ex.decisions] == ["We blijven bij Markdown tot april."]
    assert [a.owner for a in ex.actions] == ["Carla"]


def test_a_list_of_points_for_the_next_meeting_postpones_nothing():
    assert kinds("- Punten voor volgende vergadering:") == []
    assert kinds("Volgende keer verder.") == ["postponed"]


def test_a_bare_assent_after_the_decision_repeats_it(settings):
    text = ("# Verslag ledenvergadering 4 april 2025\n\n## 5. Bestuursverkiezing\nVoorgedragen is Anna de Vries. De "
            "vergadering stemt in met haar benoeming. Zij gaat zich bezighouden met de ledenwerving. Met applaus gaat de "
            "vergadering akkoord.\n\n## 6. Begroting\nDe kascommissie licht de cijfers toe.\nDe vergadering gaat akkoord.\n")
    quotes = [d.citation.quote for d in extract(text, settings).decisions]
    assert quotes == ["De vergadering stemt in met haar benoeming.", "De vergadering gaat akkoord."]
