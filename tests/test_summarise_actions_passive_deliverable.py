"""A passive task without its agent (round 10, from the missed actions of unseen bodies): the modal apart from the
auxiliary with a deliverable sent or put to somebody, a "toe-" participle before "worden", a present passive with a
time to come, an impersonal search, "Gevraagd wordt ... te". Not tasks: what is expected to arrive, a document put
before the council for its decision, a passive inside a "vermits" clause."""

from __future__ import annotations

import pytest

from conftest import record_actions as _actions


@pytest.mark.parametrize("text", [
    "Dit rapport zal aan de secretaris worden verstuurd.",
    "De concepten zullen voor verzending aan de colleges ter afstemming aan het Algemeen Bestuur worden gestuurd.",
    "Het reglement wordt uitgedeeld en zal ook per mail toegestuurd worden.",
    "Het magazijn wordt binnenkort opgeruimd in samenwerking met de school.",
    "Het concept wordt digitaal aan de stuurgroep voorgelegd.",
    "Er wordt gezocht naar een alternatief voor de ochtend van 22 december.",
    "Gevraagd wordt om ideeën aan te leveren bij de secretaris.",
])
def test_passive_task(text: str) -> None:
    hits = _actions(text)
    assert hits and hits[0].owner.kind == "none"


@pytest.mark.parametrize("text", [
    "De tweede offerte wordt volgende week verwacht.",
    "Deze worden voor goedkeuring voorgelegd aan de leden van de gemeenteraad.",
    "Vermits elke rechtspersoon voor de eigen verplichtingen blijft instaan, wordt de jaarrekening voorgelegd aan de raad.",
])
def test_no_passive_task(text: str) -> None:
    assert _actions(text) == []


NOTES = """# Ouderraad - notulen vergadering 22 november 2017

## 1. Kerstviering

Er wordt gezocht naar een alternatief voor de ochtend van 22 december.

De brief wordt vóór 15 december verstuurd.
"""


def test_part_of_day_is_no_term_a_deadline_is(settings):
    from ingest.loaders import load_document
    from ingest.parser import parse_meeting
    from summarise.extract import extract_meeting

    source = load_document("2017-11-22_ouderraad_notulen.md", NOTES.encode(), settings=settings)
    actions = extract_meeting(parse_meeting(source), {source.id: source}).actions
    dues = {a.citation.quote.split()[0]: (a.due, a.due_date) for a in actions}
    assert dues["Er"] == (None, None)  # what the alternative is for, not a term
    assert dues["De"][1] is not None and dues["De"][1].isoformat() == "2017-12-15"
