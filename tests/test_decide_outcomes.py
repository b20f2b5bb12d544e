"""Outcome forms that record this meeting's decision: the run-through of a list of toezeggingen and moties
("Motie 12 wordt afgevoerd", "De overige toezeggingen blijven staan") and an agreement that gives nobody a task
("Er wordt afgesproken om ..."). Sentences written fresh (general Dutch forms), not copied from a gold set."""

from __future__ import annotations

import pytest

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from summarise import rules
from summarise.extract import rule_extract


def kinds(sentence: str) -> list[str]:
    return [h.kind for h in rules.analyse(sentence, "record")]


@pytest.mark.parametrize("sentence", [
    "Motie 12 wordt afgevoerd, omdat het college de brief al heeft gestuurd.",
    "Motie 7 is afgedaan met de raadsinformatiebrief en wordt afgevoerd.",
    "De toezegging over de fietsenstalling kan worden afgevoerd.",
    "De overige toezeggingen en moties blijven staan.",
    "Er wordt afgesproken om de bewoners na de zomer opnieuw uit te nodigen.",
    "We hebben afgesproken om de planning in de volgende sessie door te nemen.",
])
def test_outcomes_of_this_meeting_are_decisions(sentence):
    assert kinds(sentence) == ["decision"]


@pytest.mark.parametrize("sentence", [
    "Het afval wordt wekelijks afgevoerd.",
    "De voorzitter stelt voor om toezegging 3 af te voeren.",
    "Dit punt wordt van de agenda afgevoerd.",
])
def test_look_alikes_of_striking_a_list_item(sentence):
    assert "decision" not in kinds(sentence)


def test_an_arrangement_with_somebody_is_a_step_to_take():
    hits = rules.analyse("De groep heeft afgesproken met de leverancier om volgende week te bellen.", "record")
    assert [h.kind for h in hits] == ["action"]


def test_an_agreement_reported_still_open_stays_an_action():
    hits = rules.analyse("Naar aanleiding van de motie afgesproken om met de wethouders te spreken, maar nog niet gebeurd.",
                         "record")
    assert [h.kind for h in hits] == ["action"]


def test_an_agreement_with_its_assent_is_one_decision(settings):
    text = ("# Notulen MR 4 maart 2025\n\n## 3. Rapportage\nIn het overleg is daarom afgesproken om de rapportage niet "
            "rond te sturen. Dit is akkoord.\n")
    source = load_document("notulen.md", text.encode("utf-8"), settings=settings)
    ex = rule_extract(parse_meeting(source), {source.id: source})
    assert [d.citation.quote for d in ex.decisions] == [
        "In het overleg is daarom afgesproken om de rapportage niet rond te sturen. Dit is akkoord."]
    assert ex.actions == []


ISSUES = """# Verslag kernteam 4 maart 2025

## Punten
#3 De naam van het register is onduidelijk, kies een naam.  JV
Duiding: organisatorisch.
Richting: NRB
Voor: allen.

Richting:
- een plek voor de beheerders (lezen en schrijven)
- een aparte plek voor de gebruikers

Voor: kernteam.

Richting: één register per provincie, geen landelijke kopie.
"""


def test_direction_labels_cite_what_they_settle(settings):
    source = load_document("verslag.md", ISSUES.encode("utf-8"), settings=settings)
    ex = rule_extract(parse_meeting(source), {source.id: source})
    assert [d.citation.quote for d in ex.decisions] == [
        "#3 De naam van het register is onduidelijk, kies een naam.  JV\nDuiding: organisatorisch.\nRichting: NRB",
        "Richting:\n- een plek voor de beheerders (lezen en schrijven)\n- een aparte plek voor de gebruikers",
        "Richting: één register per provincie, geen landelijke kopie.",
    ]


LIST = """Besluitenlijst dagelijks bestuur 3 juni 2025

1. Beheerplan dijken

Besluit

Het dagelijks bestuur heeft op 3 juni 2025 besloten:

 1. het beheerplan dijken vast te stellen;
 2. af te zien van terinzagelegging.

Kernboodschap

Het dagelijks bestuur stelt een nieuw beheerplan vast, zodat het onderhoud weer aansluit bij de wet.

2. Subsidie natuurvereniging

Toelichting

De vereniging vraagt een bijdrage voor de inrichting van het gebied. Het dagelijks bestuur stemt in met een bijdrage van € 5.000.
"""


def test_an_explanation_after_the_besluit_clauses_is_no_new_decision(settings):
    source = load_document("besluitenlijst.txt", LIST.encode("utf-8"), settings=settings)
    ex = rule_extract(parse_meeting(source), {source.id: source})
    quotes = [d.citation.quote for d in ex.decisions]
    assert not [q for q in quotes if q.startswith("Het dagelijks bestuur stelt een nieuw beheerplan vast")]
    assert any(q.endswith("het beheerplan dijken vast te stellen;") for q in quotes)
    # an item with no besluit clauses keeps the decision its explanation states
    assert "Het dagelijks bestuur stemt in met een bijdrage van € 5.000." in quotes
