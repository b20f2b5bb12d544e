"""Actions by task shape (ACT9): an announced event, the meeting returning to a topic and narration in the present
tense are no task; a modal's verb cluster, a take-over with its object first and a passive with a deliverable are."""

from __future__ import annotations

import pytest

from summarise import rules


def _actions(text: str) -> list[rules.Hit]:
    return [h for h in rules.analyse(text, "record") if h.kind == "action"]


@pytest.mark.parametrize("text", [
    "Op 1 september organiseert DBW een dorpsbarbecue op het dorpsplein voor alle inwoners.",
    "Zaterdag 12 mei houdt de club haar open dag.",
    "In juni start de cursus voor nieuwe vrijwilligers.",
])
def test_an_event_announced_with_its_date_first_is_no_task(text):
    assert rules.detector_for(text, "record") == "aankondiging"
    assert _actions(text) == []


def test_a_date_first_with_a_future_modal_or_a_passive_is_still_a_task():
    assert _actions("Op 5 mei zal Jan de brief sturen.")[0].owner.text == "Jan"
    assert _actions("Op 5 mei wordt de brief verstuurd door Jan.")[0].owner.text == "Jan"


@pytest.mark.parametrize("text", ["Kleuterrapport komen we nog op terug.", "Komen we dus op terug."])
def test_the_meeting_returning_to_a_topic_is_no_task(text):
    assert _actions(text) == []


def test_a_return_with_its_trigger_or_a_person_is_a_task():
    assert _actions("Als het clientteam terug is komen we hier op terug.")[0].owner.kind == "team"
    assert _actions("Peter komt hierop terug.")[0].owner.text == "Peter"


def test_narration_with_a_point_in_time_is_no_timed_task():
    text = "Ze begint met het vertellen over de bijzondere ledenvergadering in januari waarin een oproep werd gedaan."
    assert _actions(text) == []
    assert _actions("Hij informeert de commissie voor de zomer.")[0].owner.kind == "pronoun"


def test_the_date_of_a_meeting_to_attend_is_a_time_to_come():
    text = "Heemraad Hoekstra informeert de algemene vergadering in de vergadering van 17 december over de dijken."
    assert [a.owner.text for a in _actions(text)] == ["Heemraad Hoekstra"]
    assert _actions("Ze vertelt over de vergadering van 17 december, waarin de begroting werd besproken.") == []


@pytest.mark.parametrize("text, owner", [
    # a possessive "zijn" after the infinitive is no "zal ... zijn"
    ("Herman Beks zal een weekend organiseren met onze leden en de leden van zijn oude schaakclub.", "Herman Beks"),
    # a question clause after the infinitive has its own verbs
    ("Jan zal de leden informeren hoe de werkgroep zal worden samengesteld.", "Jan"),
    ("Nadia gaat navraag doen over de polsbandjes.", "Nadia"),
    ("Jan zal hem vragen of hij nog lid blijft.", "Jan"),
])
def test_a_modal_with_its_infinitive_is_a_task(text, owner):
    found = _actions(text)
    assert found, text
    if owner is not None:
        assert found[0].owner.text == owner


def test_the_modal_own_auxiliary_still_blocks():
    assert not [h for h in _actions("Jan zal blij zijn met de nieuwe regelingen.") if h.cue == "zal"]


@pytest.mark.parametrize("text", [
    "Jan Darwinkel neemt deze vraag mee en geeft een terugkoppeling aan Dorpsbelangen.",
    "Ook dit pakt Jan op en geeft een terugkoppeling.",
])
def test_a_take_over_is_a_task_of_who_takes_it(text):
    assert _actions(text)[0].owner.text in ("Jan Darwinkel", "Jan")


@pytest.mark.parametrize("text", ["De rekening zal worden verstuurd.",
                                  "Er wordt contact gezocht met de schoolfotograaf."])
def test_a_passive_with_a_deliverable_is_a_task(text):
    assert _actions(text)[0].cue == "passief"


def test_planned_works_in_the_passive_are_no_task():
    assert _actions("De singel zal worden gerooid en daar zal gras worden ingezaaid.") == []


@pytest.mark.parametrize("text", [
    "De komende jaren zullen 350 woningen vervangen worden door 300 nieuwe woningen.",
    "In totaal zullen in de loop van 2010 zeven (7) operationele medewerkers aangeworven worden.",
])
def test_a_forecast_of_numbers_in_the_passive_is_no_task(text):
    assert _actions(text) == []


def test_a_counted_deliverable_with_its_article_is_still_a_task():
    assert _actions("De 2 brieven zullen worden nagestuurd.")[0].cue == "passief"


def test_a_body_asked_to_decide_is_the_proposal_not_a_task():
    assert _actions("De commissie wordt gevraagd de concept notulen vast te stellen.") == []
    assert rules.analyse("De Commissie wordt gevraagd om de agenda ongewijzigd vast te stellen.", "prepared") == []
    assert _actions("FAB-leden worden verzocht dit te corrigeren.")[0].owner.text == "FAB-leden"


def test_going_there_and_a_preposition_door_are_no_task():
    assert _actions("Tonny en Liliane gaan erheen.") == []
    assert _actions("Jos Voppen geeft door de presentatie een inzicht in het vervolgtraject.") == []
    assert _actions("Jan geeft dit door aan de gemeente.")[0].owner.text == "Jan"


def test_an_outcome_promised_and_a_proposal_brought_in_are_no_task():
    assert _actions("De gemeente heeft toegezegd dat er een meerjarenfinanciering zou komen.") == []
    assert _actions("Gé Dakkus-Smit heeft toegezegd dat ze de kosten voor een nieuwe AED wil dragen.")[0].owner.text \
        == "Gé Dakkus-Smit"
    assert _actions("Jos brengt een voorstel in om na te gaan of het een optie is.") == []


def test_a_status_of_now_is_no_task():
    text = "Op dit moment is er één beheerder en regelt Hennie de Vries de verjaardagen."
    assert _actions(text) == []
    assert _actions("Op dit moment gaat Jan de offertes vergelijken.")[0].owner.text == "Jan"


def test_a_question_taken_over_is_the_task_of_who_takes_it(settings):
    from ingest.loaders import load_document
    from ingest.parser import parse_meeting
    from summarise.extract import rule_extract
    text = ("# Notulen jaarvergadering dorpsbelangen\n\n**Datum:** 22 mei 2014\n\n## 5. Rondvraag\n"
            "Johan vraagt na of de vragen die hij heeft gemaild ook bekend zijn binnen de gemeente. "
            "Jan Darwinkel neemt deze vraag mee en geeft een terugkoppeling aan Dorpsbelangen.\n")
    source = load_document("2014-05-22_dorpsbelangen_notulen.md", text.encode("utf-8"), settings=settings)
    ex = rule_extract(parse_meeting(source), {source.id: source})
    assert [a.owner for a in ex.actions] == ["Jan Darwinkel"]
