"""Retrieval's own Dutch words are data (notulist/nl/data/retrieval.toml): a word added there changes the
cue retrieval matches, the "wanneer" facts an answer looks for and the intent of a question, with no code
change. A modified copy of the data is installed with `use_lexicon`; the packaged data is back after it."""

from __future__ import annotations

import pytest

from notulist.nl import copy_data, load_lexicon, use_lexicon
from retrieval.cues import answers_type, cue
from retrieval.intent import detect_intent


@pytest.fixture
def edited(tmp_path):
    data = copy_data(tmp_path / "nl")
    path = data / "retrieval.toml"
    text = path.read_text(encoding="utf-8")
    for old, new in [('postponed_question = ["', 'postponed_question = ["op de lange baan", "'),
                     ('[time_words]\nphrases = ["', '[time_words]\nphrases = ["overmorgen", "'),
                     ('decision_or_agreement = ["', 'decision_or_agreement = ["beklonken", "')]:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return load_lexicon(data)


def test_the_packaged_words_are_read():
    assert cue("task").search("Marieke pakt dit op.")
    assert cue("postponed").search("Het punt schuift door naar juni.")
    assert answers_type("We horen het voor de zomer.", "when")
    assert answers_type("Het kost 300 euro.", "amount")
    assert not answers_type("Het wordt besproken.", "when")


def test_a_word_added_to_retrieval_toml_changes_retrieval(edited):
    question = "Welke punten zijn op de lange baan geschoven?"
    assert detect_intent(question).kind != "postponed"
    assert not answers_type("De leverancier belt overmorgen.", "when")
    assert not cue("decision_or_agreement").search("De koop is beklonken.")
    with use_lexicon(edited):
        assert detect_intent(question).kind == "postponed"
        assert answers_type("De leverancier belt overmorgen.", "when")
        assert cue("decision_or_agreement").search("De koop is beklonken.")
    assert detect_intent(question).kind != "postponed"
    assert not answers_type("De leverancier belt overmorgen.", "when")
