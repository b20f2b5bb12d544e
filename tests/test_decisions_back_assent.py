"""An assent that points back ("De groep gaat daar inderdaad mee akkoord.") is cited with the sentence it agrees to
(summarise/extract/proposals.with_sentence_pointed_at). Text written fresh (general Dutch forms), not copied from a gold set."""

from __future__ import annotations

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from summarise.extract import rule_extract

TEXT = """Verslag werkgroep

1. Opening
De voorzitter opent de vergadering.

2. Wijzigingen
Jan meldt nog een kleine wijziging. Hij neemt aan dat de groep er geen moeite mee heeft dat hij de wijziging meeneemt in de volgende versie. De groep gaat daar inderdaad mee akkoord.

3. Planning
De secretaris gaat hiermee akkoord.
"""


def quotes(settings, text: str) -> list[str]:
    source = load_document("verslag.txt", text.encode("utf-8"), settings=settings)
    return [d.citation.quote for d in rule_extract(parse_meeting(source), {source.id: source}).decisions]


def test_an_assent_pointing_back_is_cited_with_the_sentence_before_it(settings):
    found = quotes(settings, TEXT)
    assert ("Hij neemt aan dat de groep er geen moeite mee heeft dat hij de wijziging meeneemt in de volgende versie. "
            "De groep gaat daar inderdaad mee akkoord.") in found


def test_with_nothing_before_it_the_assent_stands_alone(settings):
    assert "De secretaris gaat hiermee akkoord." in quotes(settings, TEXT)


NEWS = """Notulen MR

1. Notulen
Notulen goedgekeurd.

2. Mededelingen directeur
Schoolgids goedgekeurd.
Het schoolplan is bijna klaar.

3. Mededelingen
We besluiten dat de vergadering van 19 april vervalt.
"""


def test_a_bare_outcome_under_announcements_is_news_not_a_decision(settings):
    """(summarise/extract/besluit_lists.announced_in_item)"""
    found = quotes(settings, NEWS)
    assert "Schoolgids goedgekeurd." not in found
    assert "Notulen goedgekeurd." in found
    assert "We besluiten dat de vergadering van 19 april vervalt." in found
