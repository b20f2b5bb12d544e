"""Questions about the meeting itself and about one meeting of a series: where it met, who chaired or took
the minutes, who sent apologies, when the next meeting is (the labelled fact is quoted, not a sentence that
shares the question's words); a question naming a meeting date is answered from the meeting held that
day; the words that name the body ("van Land van Ooij") say which meeting, not what about. Pure functions,
plus answers through a real store and index."""

from __future__ import annotations

import re

import pytest

from retrieval.meeting_facts import _facts, asked_facts, fact_span
from notulist.nl import lexicon


def _fact(text: str, name: str) -> str | None:
    label = _facts(lexicon())[name][1]
    for m in label.finditer(text):
        span = fact_span(text, m)
        if span is not None:
            return text[span[0]:span[1]]
    return None


def test_the_questions_that_ask_for_a_fact_of_the_meeting():
    assert asked_facts("Waar vergadert het algemeen bestuur en wie is voorzitter?") == ["location", "chair"]
    assert asked_facts("Waar werd de vergadering van 12 november 2009 gehouden?") == ["location"]
    assert asked_facts("Wie notuleerde de vergadering?") == ["minutes"]
    assert asked_facts("Wie maakte het verslag van de raadsvergadering?") == ["minutes"]
    assert asked_facts("Wie had zich afgemeld?") == ["absent"]
    assert asked_facts("Wanneer is de volgende bestuursvergadering?") == ["next_meeting"]
    assert asked_facts("Wanneer is de agenda gepubliceerd?") == ["published"]
    # a place, a chair or a report inside the subject is no fact of the meeting
    assert asked_facts("Waar vindt de borrel plaats?") == []
    assert asked_facts("Wat zei de voorzitter over de begroting?") == []
    assert asked_facts("Wie doet verslag van het afgelopen jaar?") == []
    assert asked_facts("Waar worden de begrippen gepubliceerd?") == []


def test_a_labelled_fact_is_quoted_in_every_way_documents_write_it():
    assert _fact("Agenda Algemeen bestuur Op 5 december 2007, aanvang uur Plaats: Hof van Breda Nummer : *07I*",
                 "location") == "Plaats: Hof van Breda"  # a one-line header: cut before the next label
    assert _fact("Commissie Water\n\n09:30 - 12:30\nLocatie\n\nHet Waterschapshuis (4.29)\n\nVoorzitter\nErnest",
                 "location") == "Locatie\n\nHet Waterschapshuis (4.29)"  # the value under its label
    assert _fact("|    **Aanwezig** | iedereen |\n|    **Verslaggever** | Owen Van Damme    |\n", "minutes") \
        == "Verslaggever** | Owen Van Damme"  # a table row
    assert _fact("Aanwezig: Pano en Kees. Jesse Bakker had zich afwezig gemeld.\n\nPano opent.", "absent") \
        == "Jesse Bakker had zich afwezig gemeld."  # the clause the label sits in
    assert _fact("Opening. Er is één afmelding van oud voorzitter Gerard Hofs.", "absent") \
        == "Er is één afmelding van oud voorzitter Gerard Hofs."
    assert _fact("De voorzitter deelt volgende vergaderdata mee:\n\n•\n\nraadscommissie op 9 december\n"
                 "gemeenteraad op 16 december.\n\nBESLOTEN", "next_meeting").endswith("gemeenteraad op 16 december.")
    assert _fact("Het bestuur neemt plaats aan tafel.", "location") is None  # "plaats" is no label here


def _ingest(app, tmp_path, name: str, text: str) -> None:
    from service.pipeline import InputFile

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = app.ingest(InputFile.from_path(path))
    assert result.status != "error", result.message


def _exact(app, answer) -> bool:
    return all(app.store.get_source(c.source_id).raw_text[c.start:c.end] == c.quote for c in answer.citations)


SERIES = """Agenda algemeen bestuur Waterschap De Vliet

Op {day} maart 2024, aanvang 14.00 uur
Plaats: {place}
Voorzitter: {chair}

1. Opening
De voorzitter opent de vergadering.

2. Begroting
Het algemeen bestuur bespreekt de begroting {year} van het waterschap.
"""


@pytest.fixture
def series_app(app, tmp_path):
    _ingest(app, tmp_path, "2024-03-06_ab-de-vliet_agenda.md",
            SERIES.format(day=6, place="Gemeentehuis Delft", chair="J. de Boer", year=2025))
    _ingest(app, tmp_path, "2024-03-20_ab-de-vliet_agenda.md",
            SERIES.format(day=20, place="Kasteel Duurstede", chair="A. Visser", year=2026))
    return app


def test_the_meeting_of_a_named_day_answers_where_it_met(series_app):
    answer = series_app.ask("Waar vergadert het algemeen bestuur op 20 maart 2024?")
    assert answer.found and "Kasteel Duurstede" in answer.answer
    assert "Gemeentehuis Delft" not in answer.answer
    assert {c.date.isoformat() for c in answer.citations} == {"2024-03-20"}
    assert _exact(series_app, answer)
    chair = series_app.ask("Wie was voorzitter van het algemeen bestuur op 6 maart 2024?")
    assert "J. de Boer" in chair.answer and "A. Visser" not in chair.answer


def test_a_named_day_picks_the_meeting_for_a_subject_question_too(series_app):
    answer = series_app.ask("Wat bespreekt het algemeen bestuur op 6 maart 2024 over de begroting?")
    assert answer.found and "begroting 2025" in answer.answer and "2026" not in answer.answer
    assert _exact(series_app, answer)


LIST = """Notulen bestuursvergadering d.d.

Doorlopende besluitenlijst bestuur Tuinvereniging Ooijpolder

Vergadering 30 maart 2021. Aanwezig: Mart, Henk, Lilia.

011 Samenstelling kascommissie

Eric en Kitty zijn lid van de kascommissie. Simone vraagt de leden die zich hadden opgegeven.

012 Nieuwsbrief

Het stukje voor de nieuwsbrief wordt geplaatst.
"""


def test_the_words_naming_the_body_say_which_meeting_not_what_about(app, tmp_path):
    _ingest(app, tmp_path, "2021-03-30_bestuur-ooijpolder_besluitenlijst.txt", LIST)
    answer = app.ask("Wie zitten in de kascommissie van Tuinvereniging Ooijpolder?")
    assert answer.found and "Eric en Kitty" in answer.answer
    assert _exact(app, answer)
    assert not re.search(r"Aanwezig: Mart", answer.answer)  # the header names the body, it does not answer
