"""A list row cut at its full stops ("Z23.028350 Instellen gehandicaptenparkeerplaats Borssele. Wethouder Witkam.
Akkoord.") is quoted whole: the short fragments on the quote's line are its owner and outcome."""

from __future__ import annotations

from retrieval.intent import detect_intent
from retrieval.neighbours import neighbour_spans, sentence_spans

ROWS = ("B&W-adviezen:\n"
        " • Z23.028305 Aankoop percelen grond voor het groenstructuurplan. Wethouder Witkam. Akkoord.\n"
        " • Z23.028350 Instellen gehandicaptenparkeerplaats Borssele. Wethouder Witkam. Akkoord.\n"
        "\n"
        "Raadsvoorstellen:\n")


def _quote(text: str, first: str) -> tuple[int, int]:
    return next(sp for sp in sentence_spans(text, 0, len(text)) if text[sp[0]:sp[1]].startswith(first))


def test_the_fragments_on_the_line_of_a_quote_come_with_it():
    quote = _quote(ROWS, "Z23.028350")
    intent = detect_intent("Welke portefeuillehouder heeft het advies over de gehandicaptenparkeerplaats?")
    got = [ROWS[s:e] for s, e in neighbour_spans(ROWS, 0, len(ROWS), quote, intent)]
    assert got == ["Wethouder Witkam.", "Akkoord."]


def test_the_next_row_is_no_fragment():
    quote = _quote(ROWS, "Akkoord")  # the first row's last cell: the next line is a row of its own
    intent = detect_intent("Wat is er besloten over de percelen?")
    got = [ROWS[s:e] for s, e in neighbour_spans(ROWS, 0, len(ROWS), quote, intent)]
    assert not any(g.startswith("Z23.028350") for g in got)
