"""A quote that raises a point (a question, request, remark or letter put to the meeting) comes with the
reply or the step taken on it: the first replying sentence after it in its paragraph, or the next
paragraph's first sentence (retrieval.neighbours.reply_span)."""

from __future__ import annotations

from retrieval.neighbours import reply_span, sentence_spans


def _reply(text: str, quote: str) -> str | None:
    s = text.index(quote)
    span = reply_span(text, sentence_spans(text, 0, len(text)), (s, s + len(quote)))
    return text[span[0]:span[1]] if span else None


def test_the_reply_in_the_same_paragraph():
    text = ("Expertisecentrum ZMOK: PvdA vraagt de regiovisie gehandicapten hieraan te koppelen. Vindt het overigens "
            "jammer dat het is opgeschoven. Gedeputeerde geeft aan dat het meegenomen wordt. Landbouwnotitie volgt.")
    assert _reply(text, "PvdA vraagt de regiovisie gehandicapten hieraan te koppelen.") == \
        "Gedeputeerde geeft aan dat het meegenomen wordt."


def test_the_reply_opens_the_next_paragraph():
    text = ("Er is een brief binnengekomen met het voorstel om junioren een korting te geven.\n\n"
            "De vergadering stelt voor om dit bij agendapunt 10 te behandelen.\n\nRondvraag.")
    assert _reply(text, "Er is een brief binnengekomen met het voorstel om junioren een korting te geven.") == \
        "De vergadering stelt voor om dit bij agendapunt 10 te behandelen."


def test_no_reply_past_the_paragraph_or_the_next_point():
    text = "De heer Jansen vraagt naar de begroting.\n\nDe jaarrekening is besproken.\n\nHet bestuur zal dit bekijken."
    assert _reply(text, "De heer Jansen vraagt naar de begroting.") is None
    text = "Piet vraagt naar de zaal. Marie vraagt naar de koffie. Het bestuur zal dit regelen."
    assert _reply(text, "Piet vraagt naar de zaal.") is None
    assert _reply("De voorzitter opent de vergadering. Hij geeft aan dat het laat is.",
                  "De voorzitter opent de vergadering.") is None
