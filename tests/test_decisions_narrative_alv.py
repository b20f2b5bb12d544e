"""How a narrative report of an algemene ledenvergadering writes its outcomes (notulist/nl/data/decision.toml): the
discharge of the treasurer in any spelling, an appointment carried by an approving applause, a seat taken on the
board or the kascommissie, a successor named. Text written fresh (general Dutch forms), not copied from a gold set."""

from __future__ import annotations

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from summarise.extract import rule_extract

ALV = """Verslag algemene ledenvergadering

1. Opening
De voorzitter opent de vergadering om acht uur.

2. Financien
De penningmeester lichtte de cijfers van het afgelopen jaar toe. Na het verslag van de kascommissie ging de vergadering over tot dechargeren van het bestuur. Karin de Wit trad toe tot de kascommissie.

3. Bestuursverkiezing
Het bestuur stelde voor om Ruud Bakker tot penningmeester te benoemen, wat een instemmend applaus van de zaal opleverde. De vertrekkende secretaris oogstte een applaus van de vergadering. Zij wordt opgevolgd door Anna Smit. Ze adviseert om de penningmeester volgend jaar décharge te verlenen.
"""


def quotes(settings, text: str) -> list[str]:
    source = load_document("alv-verslag.txt", text.encode("utf-8"), settings=settings)
    return [d.citation.quote for d in rule_extract(parse_meeting(source), {source.id: source}).decisions]


def test_discharge_applause_and_a_seat_taken_are_the_meetings_decisions(settings):
    found = quotes(settings, ALV)
    assert "Na het verslag van de kascommissie ging de vergadering over tot dechargeren van het bestuur." in found
    assert "Karin de Wit trad toe tot de kascommissie." in found
    assert "Zij wordt opgevolgd door Anna Smit." in found
    assert any(q.startswith("Het bestuur stelde voor om Ruud Bakker") and "instemmend applaus" in q for q in found)


def test_a_thank_you_applause_and_advice_to_discharge_are_no_decisions(settings):
    found = quotes(settings, ALV)
    assert not any("oogstte een applaus" in q for q in found)
    assert not any("adviseert" in q for q in found)


def test_an_election_still_to_come_is_no_decision():
    """(negation family: a present passive with a time ahead)"""
    from summarise.rules import analyse
    assert analyse("De secretaris van de stichting wordt het volgende jaar gekozen en benoemd voor drie jaar.", "record") == []
    assert [h.kind for h in analyse("Jan wordt gekozen tot voorzitter.", "record")] == ["decision"]


def test_the_kascommissie_advises_the_discharge_it_does_not_grant_it():
    from summarise.rules import analyse
    assert "decision" not in [h.kind for h in analyse(
        "De kascommissie rapporteert haar bevindingen en verleent décharge aan penningmeester en bestuur.", "record")]
    assert [h.kind for h in analyse("De vergadering verleent décharge aan het bestuur.", "record")] == ["decision"]


def test_an_infinitive_of_ratifying_and_an_adoption_still_due_are_no_decisions():
    """(decision family: 'bekrachtigen' after 'het'/'laten'/'te'; negation family: 'moeten worden vastgesteld')"""
    from summarise.rules import analyse
    assert analyse("We keken naar de waarde van het bestuurlijk laten bekrachtigen van de afspraken.", "record") == []
    assert "decision" not in [h.kind for h in analyse(
        "Omdat de statuten opnieuw moeten worden vastgesteld, komen ze ook aan de orde.", "record")]
    assert [h.kind for h in analyse("Gedeputeerde Staten bekrachtigen de geheimhouding.", "record")] == ["decision"]
