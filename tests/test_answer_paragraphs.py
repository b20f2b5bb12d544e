"""Page text writes a blank line between sentences: the sentence of the next paragraph that refers back to
a quote ("In het kader van ... zal dit uiterlijk in 2026 zijn.") still comes with it, a bullet or a heading
of its own does not; pronoun forms that refer back ("zal dit", "We willen die ...")."""

from __future__ import annotations

from retrieval.cues import refers_back
from retrieval.intent import detect_intent
from retrieval.neighbours import neighbour_spans


def _around(text: str, quote: str, question: str) -> list[str]:
    start = text.index(quote)
    spans = neighbour_spans(text, 0, len(text), (start, start + len(quote)), detect_intent(question))
    return [text[s:e] for s, e in spans]


def test_pronoun_forms_that_refer_back():
    assert refers_back("In het kader van de vereisten WBTR zal dit uiterlijk in 2026 zijn.")
    assert refers_back("We willen die baseren op DCAT-AP-NLv3.")
    assert not refers_back("De man die de sleutel heeft, komt later.")
    assert not refers_back("Het probleem is dat niemand komt.")


PAGE = ("• Zittingstermijn Wmo-Raad\n\nAangezien de zittingstermijn statutair is vastgelegd, is deze pas aan te "
        "passen na een statutenwijziging.\n\nIn het kader van de vereisten WBTR zal dit uiterlijk in 2026 zijn."
        "\n\n • Voortgang website.\n\nDe website wordt vernieuwd.")


def test_the_next_paragraph_that_refers_back_comes_with_the_quote():
    question = "Wanneer kan de zittingstermijn worden aangepast?"
    quoted = _around(PAGE, "Aangezien de zittingstermijn", question)
    assert quoted == ["In het kader van de vereisten WBTR zal dit uiterlijk in 2026 zijn."]
    under = _around(PAGE, "Zittingstermijn Wmo-Raad", question)
    assert under[-1] == "In het kader van de vereisten WBTR zal dit uiterlijk in 2026 zijn."
    assert not any("website" in q for q in under)  # a bullet of its own is another point


def test_a_next_paragraph_that_does_not_refer_back_stays_apart():
    text = "De kascommissie is benoemd.\n\nHet dak lekt en wordt gerepareerd."
    assert _around(text, "De kascommissie is benoemd.", "Wat is er met de kascommissie gebeurd?") == []


def test_an_action_question_gets_the_next_steps_of_the_paragraph():
    text = ("- Resultaten en bevindingen zijn verzameld en worden gereviewed. De documenten zullen na de reviews "
            "worden gedeeld met betrokkenen. Het is de bedoeling dat daarna de opschalingsanalyse wordt gestart."
            "\n\n3. Backlog")
    quoted = _around(text, "Resultaten en bevindingen zijn verzameld en worden gereviewed.",
                     "Wat gebeurt er met de resultaten van de pilots?")
    assert quoted[-1].startswith("Het is de bedoeling dat daarna de opschalingsanalyse")
    assert _around(text, "Resultaten en bevindingen zijn verzameld en worden gereviewed.",
                   "Wie heeft de resultaten verzameld?") == []
