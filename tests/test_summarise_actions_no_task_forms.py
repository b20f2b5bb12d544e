"""Forms that read like a task but give nobody one (round 10, from the false actions of unseen bodies): the meeting's
own start or a member leaving it, a search that goes on from before, a call to whoever is interested, a forecast, an
account of how something went, what something contributes to, an opinion in the writers' present tense, and a
status under an action label that says the thing has been. The task forms beside them stay actions."""

from __future__ import annotations

import pytest

from conftest import record_actions as _actions


@pytest.mark.parametrize("text", [
    "We starten de vergadering op het geplande tijdstip van 19:45 uur.",
    "Carel de Gast zal rond 15.00 uur de vergadering verlaten wegens afspraken elders.",
    "Het parochiebestuur is nog steeds op zoek naar een ambtelijk secretaris.",
    "Belangstellenden worden verzocht contact op te nemen met pastoor Kimman.",
    "In de toekomst zal er meer gebruik gemaakt worden van enquêtes.",
    "Vragen over de begroting worden naar behoren beantwoord",
    "Het project levert een bijdrage aan het integratieproces van de nieuwkomers.",
    "We appreciëren de inzet van het team heel erg.",
    "Actiepunt mbt betrekken van de jeugd, sessie is succesvol geweest.",
])
def test_no_task(text: str) -> None:
    assert _actions(text) == []


@pytest.mark.parametrize("text, owner", [
    ("Jan zal de vergadering van maart voorbereiden.", "Jan"),
    ("Eenieder wordt gevraagd hierover na te denken en alternatieven aan te dragen.", "Eenieder"),
    ("Mariëtte zal op zoek gaan naar aspirant-leden.", "Mariëtte"),
])
def test_task_stays(text: str, owner: str) -> None:
    hits = _actions(text)
    assert hits and hits[0].owner.text == owner
