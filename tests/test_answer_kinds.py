"""Answer sentences for kinds of real questions: the sentence that names the subject and holds the asked
kind of fact outranks one that only holds that kind of fact (a date or a step about something else); the
value under a bare label line ("Voorzitter" / a name) is read with its label. Pure functions, plus one
answer through a real store and index."""

from __future__ import annotations

import pytest

from retrieval.intent import detect_intent
from retrieval.sentence_scores import sentence_score
from tests.conftest import ingest_text


def _score(text: str, question: str) -> float:
    intent = detect_intent(question)
    return sentence_score(text, intent.subject_stems, is_note=False, intent=intent)


def test_a_step_about_the_subject_outranks_a_step_about_something_else():
    question = "Wat gebeurt er met het convenant?"
    about = _score("Het convenant is gisteren door voorzitter en secretaris getekend.", question)
    other = _score("Is een doorlopende actie en zal voor de duidelijkheid een andere kleur krijgen.", question)
    assert about > other > 0


def test_without_subject_words_the_asked_kind_keeps_its_full_weight():
    assert _score("De volgende vergadering is op 3 oktober.", "Wanneer?") == pytest.approx(1.5)


PAGE = """Commissie Waterbeheer

donderdag 26 oktober 2023

Locatie

Het Waterschapshuis

Voorzitter

Ernest de Groot

1. Opening

De voorzitter opent de vergadering.
"""


@pytest.fixture
def page_app(app, tmp_path):
    ingest_text(app, tmp_path, "2023-10-26_commissie-waterbeheer_agenda.txt", PAGE)
    return app


def test_the_value_under_a_label_line_is_read_with_the_label(page_app):
    answer = page_app.ask("Wie was voorzitter van de Commissie Waterbeheer op 26 oktober 2023?")
    assert answer.found
    assert "Ernest de Groot" in answer.answer
    sources = {c.source_id: page_app.store.get_source(c.source_id) for c in answer.citations}
    assert all(sources[c.source_id].raw_text[c.start:c.end] == c.quote for c in answer.citations)


def test_under_a_title_that_names_the_whole_subject_every_sentence_is_on_subject():
    intent = detect_intent("Wanneer is de algemene ledenvergadering?")
    text = "De ALV is op donderdag 10 april om 19.30 uur."
    assert sentence_score(text, intent.subject_stems, is_note=False, intent=intent, on_subject=True) == \
        pytest.approx(1.5)
    assert sentence_score(text, intent.subject_stems, is_note=False, intent=intent) == pytest.approx(0.75)
