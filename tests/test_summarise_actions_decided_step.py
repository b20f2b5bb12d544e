"""A decision that is a step to take (round 10, from the missed actions of unseen bodies): "Besloten is om ... te
organiseren", "We hebben afgesproken ... te bespreken". Not a step: a
decision with no task verb, a step not to take, a verb too general to be a deliverable."""

from __future__ import annotations

import pytest

from summarise.rules.actions import decided_task


@pytest.mark.parametrize("text, kind", [
    ("Besloten is om op de volgende vergadering een thema-avond te organiseren voor de leden.", "none"),
    ("We hebben afgesproken maandag met Thomas de voortgang te bespreken.", "team"),
    ("Besloten wordt dat Nico er aandacht voor zal vragen.", "name"),
])
def test_decided_step(text: str, kind: str) -> None:
    owner = decided_task(text)
    assert owner is not None and owner.kind == kind


@pytest.mark.parametrize("text", [
    "Besloten wordt de agenda vast te stellen.",
    "Er is besloten om de contributie te verhogen.",
    "In het overleg is afgesproken om de rapportage niet naar de leden te sturen.",
    "Er wordt afgesproken om aan het eind van de volgende vergadering ruimte te maken voor een uitleg.",
])
def test_no_step(text: str) -> None:
    assert decided_task(text) is None

