"""What an adviesraad's verslag reports of other bodies is no decision of its own (cue family reported_decision):
what somebody is said to hold ("Volgens de wethouder ..."), a decision of another meeting named by its date ("In de
raadsvergadering van 10 februari ..."), a decision still to be taken ("De raad neemt in mei een besluit over ...")."""

from __future__ import annotations

import pytest

from summarise.rules import analyse


@pytest.mark.parametrize("sentence", ["Volgens de wethouder is het budget akkoord.",
                                      "In de raadsvergadering van 10 februari is de motie over armoede aangenomen.",
                                      "De raad neemt in mei een besluit over de verordening.",
                                      "Het college neemt na de zomer een besluit."])
def test_reported_or_still_to_take_is_no_decision(sentence):
    assert [h.kind for h in analyse(sentence, "record")] == []


@pytest.mark.parametrize("sentence", ["Volgens voorstel besloten.", "Het bestuur neemt het besluit om de contributie te verhogen.",
                                      "Het bestuur neemt een besluit: de contributie wordt verhoogd.",
                                      "De adviesraad besluit een ongevraagd advies uit te brengen over de eigen bijdrage."])
def test_this_meetings_decision_stays(sentence):
    assert "decision" in [h.kind for h in analyse(sentence, "record")]


@pytest.mark.parametrize("sentence", ["Zij nam de volgende besluiten.", "Het college neemt de volgende besluiten:",
                                      "Wordt voor kennisgeving aangenomen."])
def test_a_list_intro_or_taking_note_is_no_decision(sentence):
    assert [h.kind for h in analyse(sentence, "record")] == []


def test_an_adopted_motion_stays_a_decision():
    assert [h.kind for h in analyse("De motie wordt aangenomen.", "record")] == ["decision"]
