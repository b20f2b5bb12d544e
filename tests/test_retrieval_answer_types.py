"""Answers that carry the fact: the asked kind of fact (who, when, why, how many, how often), the sentence
a quote leans on or announces, an item's heading when that is all it says, and only the decisions of an
item that are about the question. Real store, real index, the packaged embedder."""

from __future__ import annotations

import pytest

from retrieval.cues import answers_type, refers_back
from retrieval.intent import detect_intent
from retrieval.neighbours import announces, covers_tail, neighbour_spans, sentence_spans, with_label_value
from retrieval.keyword import stems

MINUTES = """Notulen bestuursvergadering 14 maart 2023

Aanwezig: Ria, Kees, Fatima

1. Opening
De voorzitter opent de vergadering om 20.00 uur.

2. Jeugdcommissie
Er is gesproken met de jeugdcommissie over de trainingstijden op het bijveld. Afgesproken wordt om elke maand een dergelijk gesprek te voeren.

3. Fietsenrekken
Het verplaatsen van de fietsenrekken naar de achteringang wordt besproken. Besloten wordt de rekken te laten staan vanwege de kosten.
Het bestuur besluit de contributie voor senioren met vijf euro te verhogen.

4. Mededelingen
De voorzitter deelt de volgende zaken mee:
- Het bezwaar tegen de vergunning ligt bij de Raad van State.
- De nieuwe website gaat in mei live.

5. Bestuurssamenstelling
Mevrouw De Wit is benoemd als penningmeester. Zij volgt hiermee de heer Bakker op.

6. Vaststelling speelruimteplan

7. Rondvraag
Geen vragen.
"""


def test_a_sentence_that_leans_on_the_one_before():
    assert refers_back("Zij volgt hiermee de heer Bakker op.")
    assert refers_back("Een en ander wordt nagevraagd bij de gemeente.")
    assert refers_back("Afgesproken wordt om elke maand een dergelijk gesprek te voeren.")
    assert not refers_back("Mevrouw De Wit is benoemd als penningmeester.")


def test_the_kind_of_fact_a_sentence_holds():
    assert answers_type("Afgesproken wordt om elke maand een dergelijk gesprek te voeren.", "frequency")
    assert not answers_type("Er is gesproken met de jeugdcommissie.", "frequency")
    assert answers_type("Het voorstel wordt begin Q2 behandeld.", "when")
    assert answers_type("De rekken blijven staan vanwege de kosten.", "why")
    assert not answers_type("De rekken blijven staan.", "why")
    assert answers_type("Daarna neemt Kees het over.", "who")
    assert answers_type("Er zijn 17 leden aanwezig.", "amount")
    assert answers_type("Er wordt nagegaan of er een tweede rek kan komen.", "action")
    assert answers_type("De wethouder stelt dat de gesprekken nog lopen.", "action")
    assert not answers_type("De raad stelt vragen over de kosten.", "action")


def test_question_forms_ask_for_kinds_of_fact():
    assert detect_intent("Wie regelt de borrel en wanneer?").asked_types() == ["who", "when"]
    assert detect_intent("Hoe vaak is er overleg met de jeugdcommissie?").asked_types() == ["frequency"]
    assert detect_intent("Wat is er besloten over de kantine?").asked_types() == []
    assert detect_intent("Wat wordt er gedaan aan de fietsenstalling?").asked_types() == ["action"]
    assert detect_intent("Hoe staat de pilot van de gemeente ervoor?").asked_types() == ["action"]


def test_a_bare_label_line_or_a_colon_announces_a_list():
    assert announces("Afwezig") and announces("De voorzitter deelt het volgende mee:")
    assert not announces("Geen vragen.") and not announces("De voorzitter opent de vergadering")


def test_a_label_line_the_neighbours_end_on_comes_with_its_value():
    text = ("Commissie Watersysteembeheer\n\ndonderdag 26 oktober 2023\n\n09:30 - 12:30\nLocatie\n\n"
            "Het Waterschapshuis (4.29)\n\nVoorzitter\nErnest de Groot\n")
    quote = (0, text.index("\n"))
    spans = neighbour_spans(text, 0, len(text), quote, detect_intent("Waar vergaderde de commissie?"))
    said = [text[s:e] for s, e in spans]
    assert said[said.index("Locatie") + 1] == "Het Waterschapshuis (4.29)"
    assert said[-2:] == ["Voorzitter", "Ernest de Groot"]  # the list ends on a label: its value comes too
    # a sentence is no label: after "De zaal is bekend." nothing more comes
    text = "De voorzitter opent de vergadering. De zaal is bekend.\nAfwezig\nJan"
    spans = sentence_spans(text, 0, len(text))
    assert with_label_value(text, spans, spans[:2]) == spans[:2]
    assert with_label_value(text, spans, spans[:3]) == spans


def test_a_compound_of_the_question_meets_its_last_part():
    [group] = [tuple(stems("teamborrel"))]
    assert covers_tail(group, set(stems("de borrel wordt geregeld")))
    assert not covers_tail(group, set(stems("het team vergadert")))


def test_each_next_sentence_is_judged_against_the_quote_itself():
    text = ("Basiscursus. Twee leden willen op 20 mei, de inschrijving start later. "
            "Vanaf 3 april kan er ingeschreven worden voor 12 juni. De zaal is nog niet bekend.")
    quote = (0, text.index(".") + 1)
    spans = neighbour_spans(text, 0, len(text), quote, detect_intent("Wanneer kan men zich inschrijven?"))
    assert [text[s:e] for s, e in spans] == ["Twee leden willen op 20 mei, de inschrijving start later.",
                                             "Vanaf 3 april kan er ingeschreven worden voor 12 juni."]


@pytest.fixture
def minutes_app(app, tmp_path):
    from service.pipeline import InputFile

    path = tmp_path / "2023-03-14_bestuur-notulen.txt"
    path.write_text(MINUTES, encoding="utf-8")
    result = app.ingest(InputFile.from_path(path))
    assert result.status != "error", result.message
    return app


def _exact(app, answer) -> bool:
    return all(app.store.get_source(c.source_id).raw_text[c.start:c.end] == c.quote for c in answer.citations)


def test_the_sentence_after_the_context_carries_the_asked_fact(minutes_app):
    answer = minutes_app.ask("Hoe vaak is er overleg met de jeugdcommissie?")
    assert "elke maand" in answer.answer
    assert any("elke maand" in c.quote for c in answer.citations) and _exact(minutes_app, answer)


def test_an_outcome_question_gets_the_outcome_after_its_introduction(minutes_app):
    answer = minutes_app.ask("Wat is er besloten over de fietsenrekken naar de achteringang?")
    assert "vanwege de kosten" in answer.answer
    # the other decision of the same item is about something else
    assert "contributie" not in answer.answer


def test_a_sentence_that_refers_back_comes_with_the_one_it_refers_to(minutes_app):
    answer = minutes_app.ask("Wie volgt de heer Bakker op?")
    assert "De Wit" in answer.answer and _exact(minutes_app, answer)


def test_a_sentence_ending_in_a_colon_comes_with_its_list(minutes_app):
    answer = minutes_app.ask("Welke zaken deelde de voorzitter mee?")
    assert "Raad van State" in answer.answer and _exact(minutes_app, answer)


def test_an_item_that_is_only_a_heading_is_quoted_by_its_heading(minutes_app):
    answer = minutes_app.ask("Welk plan wordt vastgesteld?")
    assert answer.found
    assert any("speelruimteplan" in c.quote for c in answer.citations) and _exact(minutes_app, answer)


def test_an_unrelated_question_still_finds_nothing(minutes_app):
    answer = minutes_app.ask("Wat is er afgesproken over de zonnepanelen op het dak van het gemeentehuis?")
    assert not answer.found and answer.answer.startswith("Niets gevonden")
