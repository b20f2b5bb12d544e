"""A sentence that opens with a person's name and its verb answers a "wie" question ("Charles bespreekt de
cijfers."); an opening common word, article or title does not (retrieval.names)."""

from __future__ import annotations

from retrieval.cues import answers_type
from retrieval.intent import detect_intent
from retrieval.names import opens_with_name
from retrieval.sentence_scores import sentence_score


def test_an_opening_name_with_its_verb():
    assert opens_with_name("Charles bespreekt de cijfers.")
    assert opens_with_name("Tineke Posthoorn vraagt na en koppelt dit terug naar de secretaris.")
    assert opens_with_name("Leen van der Velde wil graag het woord bij dit agendapunt.")
    assert opens_with_name("Eric en Kitty zijn lid van de kascommissie.")
    assert answers_type("Annelieke wil deze taak graag overnemen van Ilse.", "who")


def test_an_opening_word_or_title_is_no_name():
    for text in ("Bespreking exploitatieoverzicht.", "Het bestuur is op zoek naar een leverancier.",
                 "Notulen zijn goedgekeurd.", "Verslag wordt vastgesteld.", "Vervolgens meldt de voorzitter dit.",
                 "Jong Dames 1 heeft een zwaar jaar gehad.", "Actiepunten worden bekeken."):
        assert not opens_with_name(text), text
    assert not opens_with_name("Dorpsbelangen wil dit uitzoeken.", frozenset({"dorpsbelangen"}))  # the question's


def test_the_name_outranks_the_heading_under_a_who_question():
    intent = detect_intent("Wie bespreekt het exploitatieoverzicht?")
    name = sentence_score("Charles bespreekt de cijfers.", intent.subject_stems, is_note=False, intent=intent,
                          on_subject=True)
    other = sentence_score("Er zijn geen vragen.", intent.subject_stems, is_note=False, intent=intent,
                           on_subject=True)
    assert name > other
