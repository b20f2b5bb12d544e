"""Answers that carry the key fact of real questions: the sentence stating the owner, the date or the reason
is found even when the question words are written differently in the text (a compound written apart, a
verb form stemmed otherwise), when a context sentence stands between it and the quote, and when the
question's own words look like the kind of fact asked ("Waarom is het lastig?"). Pure functions, plus one
answer through a real store and index."""

from __future__ import annotations

import pytest

from retrieval.cues import answers_type
from retrieval.intent import detect_intent
from retrieval.keyword import stems, words
from retrieval.neighbours import covers_parts, neighbour_spans
from retrieval.sentence_scores import covers_variant, sentence_score
from tests.conftest import ingest_text


def test_a_compound_of_the_question_written_apart():
    assert covers_parts(tuple(stems("Statenlid")), set(words("Zij is geïnstalleerd als lid van Provinciale Staten.")))
    assert covers_parts(tuple(stems("belastingreglementen")),
                        set(words("Aanpassing reglement belasting op drijfkracht")))
    assert not covers_parts(tuple(stems("Statenlid")), set(words("De Staten vergaderen morgen.")))
    assert not covers_parts(tuple(stems("bestuursvergadering")), set(words("De vergadering is op 18 november.")))


def test_another_form_of_a_question_word():
    assert covers_variant(tuple(stems("regelt")), set(stems("Denise gaat de borrel regelen.")))
    assert not covers_variant(tuple(stems("regelt")), set(stems("Het reglement wordt aangepast.")))


def test_the_question_words_are_no_fact_of_the_asked_kind():
    asked = frozenset(words("Waarom is het aansluiten van Hilversum bij Tilburg lastig?"))
    assert answers_type("Dit blijkt lastig te regelen.", "why")
    assert not answers_type("Dit blijkt lastig te regelen.", "why", asked)
    assert answers_type("De situatie is organisatorisch complex.", "why", asked)
    who = frozenset(words("Wie regelt de MR-borrel?"))
    assert not answers_type("Het MR reglement is klaar.", "who", who)
    assert answers_type("Daarna regelt Denise het.", "who", who)


def test_the_sentence_with_the_asked_person_outranks_its_context():
    intent = detect_intent("Wie regelt de OR/MR/teamborrel?")
    context = sentence_score("De verwachting is dat het MR reglement niet veel tijd nodig heeft.",
                             intent.subject_stems, is_note=False, intent=intent)
    owner = sentence_score("Denise gaat de borrel samen met Sandra regelen.", intent.subject_stems, is_note=False,
                           intent=intent)
    assert owner > context


def test_past_a_context_sentence_the_one_with_the_asked_fact_still_comes():
    text = ("MR basiscursus. Inschrijven was niet meer mogelijk. Vanaf maandag 26/3 kan er ingeschreven "
            "worden voor 19 april. Petra en Janneke willen dan gaan.\n\nDe kascommissie is benoemd op 3 mei.")
    quote = (0, len("MR basiscursus."))
    spans = neighbour_spans(text, 0, len(text), quote,
                            detect_intent("Wanneer kan men zich inschrijven voor de MR basiscursus?"))
    quoted = [text[s:e] for s, e in spans]
    assert "Vanaf maandag 26/3 kan er ingeschreven worden voor 19 april." in quoted
    assert "Inschrijven was niet meer mogelijk." not in quoted  # context, not the fact
    assert not any("kascommissie" in q for q in quoted)  # never past the paragraph


def test_a_conclusion_with_dus_comes_with_the_reason():
    text = ("Hilversum wilde aansluiten bij Tilburg. Dit blijkt lastig te regelen. Hoewel het technisch geen "
            "probleem is, zijn er vragen over contracten. De situatie blijkt dus vooral organisatorisch complex.")
    quote = (0, text.index(".") + 1)
    spans = neighbour_spans(text, 0, len(text), quote,
                            detect_intent("Waarom is het aansluiten van Hilversum bij Tilburg lastig?"))
    assert any("organisatorisch complex" in text[s:e] for s, e in spans)


BESLUITEN = """Besluiten Provinciale Staten 10 februari 2016

Provinciale Staten hebben ingestemd met vijf hamerstukken. Mevrouw Beenen (PvdA) is geïnstalleerd als lid van \
Provinciale Staten. Aan de heer Bijker (SP) is een periode van tijdelijk ontslag verleend als lid van Provinciale \
Staten. De heer Jousma (SP) is voor de duur van deze periode geïnstalleerd als lid van Provinciale Staten.
"""


@pytest.fixture
def besluiten_app(app, tmp_path):
    ingest_text(app, tmp_path, "2016-02-10_provinciale-staten_besluiten.txt", BESLUITEN)
    return app


def test_a_compound_question_finds_the_text_that_writes_it_apart(besluiten_app):
    answer = besluiten_app.ask("Wie is tijdelijk vervangen als Statenlid en door wie?")
    assert answer.found
    assert "Bijker" in answer.answer and "tijdelijk ontslag" in answer.answer
    sources = {c.source_id: besluiten_app.store.get_source(c.source_id) for c in answer.citations}
    assert all(sources[c.source_id].raw_text[c.start:c.end] == c.quote for c in answer.citations)


def test_a_question_put_to_the_meeting_in_the_passive_is_a_question_asked():
    from retrieval.cues import quote_cue

    assert quote_cue("asked").search("Via Mentimeter is gevraagd hoe SensRNet het best kan worden gefinancierd.")
    assert not quote_cue("asked").search("Het merendeel gaf aan dat het rijk dit moet financieren.")


def _around(text: str, quote: str, question: str) -> list[str]:
    start = text.index(quote)
    spans = neighbour_spans(text, 0, len(text), (start, start + len(quote)), detect_intent(question))
    return [text[s:e] for s, e in spans]


def test_a_heading_line_comes_with_the_paragraph_under_it():
    text = ("Uitwisseling met de club uit Hoorn op 13 mei\n\nHet was een groot succes. Er kwamen lovende reacties."
            "\n\nDe vraag wordt gesteld of we vaker zoiets doen.")
    quoted = _around(text, "Uitwisseling met de club uit Hoorn op 13 mei", "Hoe verliep de uitwisseling?")
    assert quoted == ["Het was een groot succes.", "Er kwamen lovende reacties."]


def test_an_outcome_question_gets_the_outcome_that_opens_the_next_paragraph():
    text = ("Het gasverbruik is punt van discussie. Soms blijft de thermostaat hoog staan.\n\n"
            "• Besloten wordt dat Nico er aandacht voor vraagt in de nieuwsbrief.\n\nHet dak lekt.")
    quoted = _around(text, "Het gasverbruik is punt van discussie.", "Wat is besloten over het gasverbruik?")
    assert any(q.endswith("Besloten wordt dat Nico er aandacht voor vraagt in de nieuwsbrief.") for q in quoted)
    assert not any("dak" in q for q in quoted)
    assert not any("Besloten" in q for q in _around(text, "Het gasverbruik is punt van discussie.",
                                                      "Hoe hoog staat de thermostaat?"))


def test_a_sentence_that_refers_back_past_a_context_sentence_comes_with_it():
    text = ("Voorgedragen als opvolger van Steef is Ditske. De vergadering stemt in met haar benoeming. "
            "Zij zal zich bezighouden met het buitengebied.")
    quoted = _around(text, "Voorgedragen als opvolger van Steef is Ditske.", "Wie is gekozen als opvolger van Steef?")
    assert quoted[-1] == "Zij zal zich bezighouden met het buitengebied."
