"""A besluitenlijst that writes under one item what was put to the meeting ("Advies: ...", "Beslispunten: 1. ...")
and how it ended ("Besluit: akkoord, ...", "Besluit: Conform."): the outcome is the decision, the proposal lines
are none of their own (summarise/extract/proposals.py)."""

from __future__ import annotations

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from summarise.extract import rule_extract
from summarise.extract.proposals import is_outcome_line

GS = """Besluitenlijst vergadering Gedeputeerde Staten 4 maart 2025

1. Subsidieregeling natuurinclusieve landbouw
Voorstel: de subsidieregeling natuurinclusieve landbouw 2025 vast te stellen.
Besluit: Conform advies.

2. Beantwoording Statenvragen over de N33
Gedeputeerde Staten besluiten de beantwoording van de Statenvragen vast te stellen.

3. Zienswijze begroting 2026 Veiligheidsregio
Advies: in te stemmen met de zienswijze.
Besluit: akkoord, met de aanpassing dat de brief voor 1 april wordt verzonden.

4. Statenvoordracht Jaarstukken 2024
Beslispunten:
1. De jaarstukken 2024 vast te stellen;
2. Provinciale Staten voor te stellen het resultaat toe te voegen aan de reserve.
Besluit: Conform, met dien verstande dat de voordracht na de zomer wordt behandeld.
"""


def test_the_outcome_is_the_decision_and_the_proposal_beside_it_is_none(settings):
    source = load_document("2025-03-04_gs_besluitenlijst.txt", GS.encode("utf-8"), settings=settings)
    meeting = parse_meeting(source)
    quotes = [" / ".join(d.citation.quote.split("\n")) for d in rule_extract(meeting, {source.id: source}).decisions]
    assert quotes == ["Voorstel: de subsidieregeling natuurinclusieve landbouw 2025 vast te stellen. / Besluit: Conform advies.",
                      "Gedeputeerde Staten besluiten de beantwoording van de Statenvragen vast te stellen.",
                      "Besluit: akkoord, met de aanpassing dat de brief voor 1 april wordt verzonden.",
                      "Besluit: Conform, met dien verstande dat de voordracht na de zomer wordt behandeld."]


def test_outcome_lines():
    assert is_outcome_line("Besluit: conform advies.")
    assert is_outcome_line("Het college besluit conform voorstel.")
    assert is_outcome_line("Conform.")
    assert not is_outcome_line("Beslispunten:")
    assert not is_outcome_line("Advies: in te stemmen met de zienswijze.")


GS_PROSE = """Besluitenlijst Gedeputeerde Staten 6 juli 2025

1. Samenwerking middelgrote gemeenten
De provincie gaat samen met zeven gemeenten de leefbaarheid aanpakken. Hiervoor is 3 miljoen euro gereserveerd. Dat hebben Gedeputeerde Staten besloten. Centraal staan kennisdeling en innovatie.

2. Samenwerkingsovereenkomst
Sinds het ondermandaat niet meer bestaat, is de overeenkomst achterhaald. De overeenkomst moet worden aangepast. De Provincie stemt hier mee in.
"""


def test_a_decision_that_points_back_is_cited_with_the_sentence_it_points_at(settings):
    source = load_document("2025-07-06_gs_besluitenlijst.txt", GS_PROSE.encode("utf-8"), settings=settings)
    meeting = parse_meeting(source)
    quotes = [d.citation.quote for d in rule_extract(meeting, {source.id: source}).decisions]
    assert "Hiervoor is 3 miljoen euro gereserveerd. Dat hebben Gedeputeerde Staten besloten." in quotes
    assert "De overeenkomst moet worden aangepast. De Provincie stemt hier mee in." in quotes
