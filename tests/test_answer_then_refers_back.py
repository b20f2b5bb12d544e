"""A sentence whose "dan" points at what the sentence before said ("De vergadering zal dan wel een uurtje
langer gaan duren.") refers back, so a quote of the sentence before comes with it (retrieval_answers.toml
[refers_back], read by retrieval.cues.refers_back and retrieval.neighbours)."""

from __future__ import annotations

from retrieval.cues import refers_back
from retrieval.intent import detect_intent
from retrieval.neighbours import neighbour_spans


def test_then_refers_back():
    assert refers_back("De vergadering zal dan wel een uurtje langer gaan duren.")
    assert refers_back("Het bestuur zal dan ook nog kijken naar de kosten.")
    assert not refers_back("Het zal dan gaan regenen.")
    assert not refers_back("Dan volgt de rondvraag.")


def test_the_sentence_that_goes_on_with_then_is_quoted_too():
    text = ("De voorzitter heeft geen jaarverslag tot zijn beschikking maar zal volgend jaar met een verslag komen. "
            "De vergadering zal dan wel een uurtje langer gaan duren.")
    quote = "De voorzitter heeft geen jaarverslag tot zijn beschikking maar zal volgend jaar met een verslag komen."
    spans = neighbour_spans(text, 0, len(text), (0, len(quote)), detect_intent("Waarom was er geen jaarverslag?"))
    assert [text[s:e] for s, e in spans] == ["De vergadering zal dan wel een uurtje langer gaan duren."]
