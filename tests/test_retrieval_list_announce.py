"""A sentence that announces the list under it without a colon ("..., dit waren") is quoted with that list."""

from __future__ import annotations

from retrieval.intent import detect_intent
from retrieval.neighbours import neighbour_spans, sentence_spans

TEXT = (" 3. De voorzitter blikt terug op de activiteiten welke georganiseerd zijn in 2014, dit waren\n"
        "  – Nieuwjaarsborrel 04-01-2014\n"
        "  – Pasen 21-04-2014\n"
        "  – Franse dag 29-06-2014\n"
        " 4. Het financieel jaarverslag over 2014 wordt door de penningmeester gepresenteerd.\n")


def test_dit_waren_announces_the_list():
    spans = sentence_spans(TEXT, 0, len(TEXT))
    quote = next(sp for sp in spans if TEXT[sp[0]:sp[1]].startswith("De voorzitter"))
    got = [TEXT[s:e] for s, e in neighbour_spans(TEXT, 0, len(TEXT), quote, detect_intent(
        "Welke activiteiten zijn in 2014 georganiseerd?"))]
    assert [g.strip("– ") for g in got[:3]] == ["Nieuwjaarsborrel 04-01-2014", "Pasen 21-04-2014", "Franse dag 29-06-2014"]


def test_a_finished_sentence_announces_nothing():
    spans = sentence_spans(TEXT, 0, len(TEXT))
    quote = next(sp for sp in spans if TEXT[sp[0]:sp[1]].startswith("Het financieel"))
    assert neighbour_spans(TEXT, 0, len(TEXT), quote, detect_intent("Wat is er over het jaarverslag gezegd?")) == []
