"""How working groups and project teams write what they settled on, and the forms next to it that record no
decision of this meeting. Sentences are written fresh (general Dutch forms), not copied from a gold set."""

from __future__ import annotations

import pytest

from summarise import rules
from tests.conftest import extract_text as extract


def kinds(sentence: str) -> list[str]:
    return [h.kind for h in rules.analyse(sentence, "record")]


@pytest.mark.parametrize("sentence", [
    "We hebben afgesproken volgende week met de begeleider de planning door te nemen.",
    "Er is een voorkeur om de werksessies op locatie te houden.",
    "Na overleg: er is een duidelijke voorkeur voor een maandelijkse sessie.",
    "De voorkeur gaat uit naar variant twee.",
    "PostgreSQL kwam als beste uit de vergelijking, en die gaan we gebruiken voor de backend.",
    "We gaan dus een andere bibliotheek gebruiken.",
    "Het bleek te veel werk, dus we hebben de functie geschrapt.",
    "Na de stemming is de taakverdeling gefinaliseerd.",
    "Sanne is nu de contactpersoon van het testteam.",
    "Voortaan worden de besluiten apart in het verslag opgenomen.",
    "Daarom wordt vanaf nu verwacht dat iedereen zijn uren bijhoudt.",
    "Hiervoor wordt een nieuw issue aangemaakt.",
    "Hier wordt een nieuw issue van gemaakt (issue 12).",
    "Richting: één register per gemeente, geen landelijke kopie.",
    "Oplossing: de term 'label' gebruiken in plaats van 'naam'.",
])
def test_settled_forms_are_decisions(sentence):
    assert "decision" in kinds(sentence)


@pytest.mark.parametrize("sentence", [
    "In de vorige sessie hebben we al verschillende soorten registers benoemd.",
    "De criteria zoals hierboven benoemd worden verder uitgewerkt.",
    "Zoals vorige keer vastgesteld zijn de waarden gebaseerd op de oude versie.",
    "bij besluit: verwerken in het document en in het profiel",
    "Het zou helpen als de beheerder de tooling test en goedkeurt.",
    "We maken de groepen aan en we kennen ze toe aan de juiste afdelingen maar de inhoud kunnen we niet wijzigen.",
    "Klachten kunnen voortaan ook rechtstreeks worden gemeld bij de vertrouwenspersoon.",
    "Het afval moet vaker kunnen worden afgevoerd.",
    "De richting van het beleid is nog onduidelijk.",
    "Welke richting kiezen we?",
    "Het Wob-besluit van de minister is gepubliceerd.",
])
def test_look_alikes_are_no_decisions(sentence):
    assert "decision" not in kinds(sentence)


def test_a_body_still_assigns():
    assert "decision" in kinds("De raad kent de subsidie toe aan de stichting.")
    assert "decision" in kinds("Mevrouw Jansen wordt benoemd tot voorzitter.")



TEAM = """# Notulen 3 maart 2025
Notulist: Lotte

Iedereen is aanwezig behalve Sem, hij had het gemeld.

Ruben zoekt nog een taak binnen het project. Er is besloten dat Ruben de testomgeving gaat inrichten.

## Voortgang
- **Inloggen** - werkt, de foutmeldingen zijn nog niet af.

## Architectuur
Richting: één gedeelde database voor alle teams. Elke dienst krijgt een eigen schema. Zie de schets op de wiki.

GraphQL is lastig te beveiligen. We gaan dus een REST-API gebruiken.

# Een aantal besluiten:
- We sluiten aan bij de codeerrichtlijnen van de faculteit. Daarvoor kijken we met name naar:
  - https://example.org/richtlijnen/code-stijl voor de namen van variabelen
- Jorien werkt een overzicht uit van de bibliotheken die we gebruiken.
"""


def test_team_minutes_decisions(settings):
    ex = extract(TEAM, settings)
    quotes = [d.citation.quote for d in ex.decisions]
    # the account before the first heading is a record of the meeting too
    assert "Er is besloten dat Ruben de testomgeving gaat inrichten." in quotes
    # "Richting:" is cited with the rest of its line
    assert ("Richting: één gedeelde database voor alle teams. Elke dienst krijgt een eigen schema. "
            "Zie de schets op de wiki.") in quotes
    # a consequence is cited with the reason right before it
    assert "GraphQL is lastig te beveiligen. We gaan dus een REST-API gebruiken." in quotes
    # under "Een aantal besluiten:": the decisions, not the lead-in, the link or a person's task
    assert any(q.endswith("We sluiten aan bij de codeerrichtlijnen van de faculteit.") for q in quotes)
    assert not [q for q in quotes if "https://" in q or q.endswith("naar:") or "Jorien" in q]
    assert [a.owner for a in ex.actions if "overzicht" in a.citation.quote] == ["Jorien"]
    assert len(quotes) == 4


def test_covering_letter_is_no_record(settings):
    mail = ("Beste leden,\n\nHierbij de notulen van onze vergadering van afgelopen dinsdag. Eventuele correcties hoor ik "
            "graag, dan stellen we ze volgende maand vast.\n\n## 1. Opening\nDe voorzitter opent de vergadering.\n\n"
            "## 2. Begroting\nDe begroting wordt vastgesteld.\n")
    quotes = [d.citation.quote for d in extract(mail, settings, "notulen.txt").decisions]
    assert quotes == ["De begroting wordt vastgesteld."]


@pytest.mark.parametrize("sentence", [
    "Wegens tijdgebrek verplaatsen we dit naar de vergadering van 12 mei.",
    "Dit punt wordt naar de volgende vergadering verplaatst.",
    "We besluiten dit om volgende keer te bespreken.",
])
def test_postponement_forms(sentence):
    assert "postponed" in kinds(sentence)


@pytest.mark.parametrize("sentence", [
    "Wellicht dat de deelnemers nog ideeën hebben waarover op een later moment beslist kan worden.",
    "Daar kan eventueel later een ander besluit over worden genomen.",
])
def test_speculation_is_no_postponement(sentence):
    assert "postponed" not in kinds(sentence)


def test_outcome_at_the_end_of_a_title_line(settings):
    text = ("Besluitenlijst bestuur 4 april 2025\n\n"
            "001 Notulen 7 maart 2025\nDe notulen worden vastgesteld.\n\n"
            "002 Ledenwerving Niet besproken\n\n"
            "003 Aangehouden moties\nHet overzicht is besproken.\n\n"
            "004 De agenda zoals toegestuurd wordt aangehouden\n\n")
    ex = extract(text, settings, "besluitenlijst.txt")
    assert [(p.item, p.citation.quote) for p in ex.postponed] == [("002", "Ledenwerving Niet besproken")]


def test_minutes_written_as_numbered_sentences(settings):
    text = ("Notulen bestuursvergadering 5 mei 2025\n\n"
            " 1. De voorzitter opent de vergadering om 20.00 uur.\n"
            " 2. Het verslag van de vergadering van 7 april wordt ongewijzigd vastgesteld.\n"
            " 3. Ledenwerving\nHet bestuur bespreekt de flyers.\n")
    quotes = [d.citation.quote for d in extract(text, settings, "notulen.txt").decisions]
    assert quotes == ["Het verslag van de vergadering van 7 april wordt ongewijzigd vastgesteld."]


def test_advised_answer_to_a_question(settings):
    text = ("# Verslag overleg 6 oktober 2025\n\n## Agendapunt 1\nLabo:\n"
            "- Moet de router een wachtwoord krijgen? => Best geen wachtwoord instellen\n"
            "- Wie levert de kabels?\n=> Bij voorkeur de school zelf.\n"
            "- Hoeveel printers zijn er nodig?\n=> Zelf voldoende toevoegen\n")
    quotes = [d.citation.quote for d in extract(text, settings).decisions]
    assert quotes == ["Moet de router een wachtwoord krijgen? => Best geen wachtwoord instellen",
                      "Wie levert de kabels?\n=> Bij voorkeur de school zelf."]
