"""A question that names its meeting by date ("de vergadering van 12 maart 2019") or as the most recent one is
searched in that meeting only; a date of a record of another meeting ("de notulen van ...") or of an event,
and a date on which nothing is stored, leave the search over everything."""

from __future__ import annotations

import pytest

from retrieval.meeting_scope import asks_latest, meeting_days
from tests.conftest import ingest_text


@pytest.mark.parametrize("question, days", [
    ("Wie hebben zich voor de vergadering van 17 april 2014 afgemeld?", [(2014, 4, 17)]),
    ("Waar vergadert het algemeen bestuur op 5 december 2007?", [(2007, 12, 5)]),
    ("Wie nam het voorzitterschap waar op 14 oktober 2020?", [(2020, 10, 14)]),
    ("Hoe laat werd de vergadering van 13 juni geopend en gesloten?", [(None, 6, 13)]),
    ("Wat is besloten over de fietspaden in de vergadering van 12-03-2019?", [(2019, 3, 12)]),
    # a record approved in a later meeting, a meeting the question is about, an event: no meeting named
    ("Wat is er besloten over de notulen van de ALV van 24 september 2010?", []),
    ("Wat is er besloten over het verslag van de vergadering van 17 november 2022?", []),
    ("Wat is er besloten over de vergadering van 19 april 2018?", []),
    ("Waarom kan de lichtjestocht op 21 december niet doorgaan?", []),
])
def test_meeting_days(question, days):
    assert meeting_days(question) == days


def test_latest():
    assert asks_latest("Wat is er in de laatste vergadering besloten over de kantine?")
    assert not asks_latest("Wat is er besloten over de laatste termijn?")
    assert not asks_latest("Wat is er besloten in de laatste Statenvergadering voor het zomerreces?")


MEETING = """# Verslag vergadering {body} {date}

Aanwezig: {present}
Afwezig: {absent}

## 1. Opening
De voorzitter opent de vergadering om 20.00 uur.

## 2. Kantine
De kantine gaat in de zomer dicht voor een verbouwing.
"""


def test_a_named_date_keeps_the_search_to_that_meeting(app, tmp_path):
    ingest_text(app, tmp_path, "2019-03-12_wijkraad-noord_verslag.md",
                MEETING.format(body="wijkraad Noord", date="12 maart 2019", present="Anja, Bert", absent="Carla"))
    ingest_text(app, tmp_path, "2019-04-09_wijkraad-noord_verslag.md",
                MEETING.format(body="wijkraad Noord", date="9 april 2019", present="Anja, Carla", absent="Bert"))
    app.ensure_index()
    hits = app.index.search("Wie waren afwezig bij de vergadering van 12 maart 2019?", k=5)
    assert hits and {h.chunk.date.isoformat() for h in hits} == {"2019-03-12"}
    hits = app.index.search("Wie waren afwezig bij de laatste vergadering?", k=5)
    assert hits and {h.chunk.date.isoformat() for h in hits} == {"2019-04-09"}
    # a date on which no meeting is stored, or none at all: everything is searched
    assert len({h.chunk.date for h in app.index.search("Wie waren afwezig bij de vergadering van 5 mei 2019?", k=8)}) == 2
    assert len({h.chunk.date for h in app.index.search("Wie waren afwezig?", k=8)}) == 2
    answer = app.ask("Wie waren afwezig bij de vergadering van 9 april 2019?", use_llm=False)
    assert "Afwezig: Bert" in answer.answer and "12 maart" not in answer.answer


def test_the_word_naming_the_meeting_is_no_subject():
    from retrieval.intent import detect_intent
    from retrieval.meeting_facts import asked_facts

    assert detect_intent("Wie waren aanwezig bij de collegevergadering van 14 maart 2023?").subject_stems == []
    assert detect_intent("Wat is er op de ALV van 2 maart 2018 besloten over de kantine?").subject_stems == [("kantine",)]
    # "Hoeveel mensen waren er op de ALV": the attendance, a fact of the meeting itself
    assert asked_facts("Hoeveel mensen waren er op de ALV van 2 maart 2018?") == ["present"]
    assert asked_facts("Hoeveel leden zijn er het afgelopen jaar bijgekomen?") == []
