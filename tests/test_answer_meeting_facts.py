"""Questions about the meeting itself (where, who chaired, who took the minutes, who was absent or present,
when it opened) are told apart from subject questions, their fact words leave the subject, and the header
line that states the fact is the one quoted (retrieval.meeting_facts)."""

from __future__ import annotations

from retrieval.intent import detect_intent
from retrieval.meeting_facts import asked_facts, states_fact
from retrieval.sentence_scores import sentence_score


def test_meeting_questions_and_subject_questions():
    assert asked_facts("Waar vergadert het algemeen bestuur op 5 december 2007?") == ["place"]
    assert asked_facts("Wie zit de vergadering voor en hoe laat wordt die geopend?") == ["chair", "time"]
    assert asked_facts("Wie hebben zich voor de vergadering afgemeld?") == ["absent"]
    assert asked_facts("Wie notuleerde de begrotingsvergadering?") == ["minutes"]
    assert asked_facts("Waar vindt de borrel plaats?") == []
    assert asked_facts("Waar worden de notulen bewaard?") == []
    assert asked_facts("Wat is er besloten over de notulen?") == []


def test_the_fact_word_is_no_subject():
    intent = detect_intent("Wie hebben zich voor de vergadering van de kerkenraad afgemeld?")
    assert intent.meeting_facts == ["absent"]
    flat = {s for g in intent.subject_stems for s in g}
    assert not any(s.startswith("afgemeld") for s in flat) and any(s.startswith("kerkenraad") for s in flat)


def test_the_line_that_states_the_fact_is_quoted_first():
    assert states_fact("Plaats: Hof van Breda", ["place"])
    assert states_fact("Afwezig met bericht van verhindering: de heren Sabel en Sleijpen", ["absent"])
    assert states_fact("Notulist: mevrouw E.A. van der Giessen (Extern Support)", ["minutes"])
    assert states_fact("De voorzitter opent om 9.30 uur de vergadering.", ["time"])
    assert not states_fact("De voorzitter opent de vergadering.", ["chair", "time"])
    intent = detect_intent("Wie waren afwezig bij de vergadering van de kerkenraad?")
    line = sentence_score("Afwezig: Anneke van der Keur en Evert Jan Kasteel.", intent.subject_stems,
                          is_note=False, intent=intent)
    other = sentence_score("De kerkenraad bespreekt de jaarrekening met Anneke.", intent.subject_stems,
                           is_note=False, intent=intent)
    assert line > other
