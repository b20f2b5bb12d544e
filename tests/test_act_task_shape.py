"""Task shape in narrative minutes (dorpsraden, ALV's, MR's, councils): what reads like an action because of a
future, a modal or the writers' present tense, but gives nobody a task - the meeting's own proceedings, a talk
announced at this meeting - and what stays an action. Sentences are invented; the guards are data
(notulist/nl/data/not_task.toml)."""

from __future__ import annotations

import pytest

from summarise.rules import analyse


def actions(text: str) -> list[tuple[str, str | None]]:
    return [(h.owner.kind, h.owner.text) for h in analyse(text, "record") if h.kind == "action"]


@pytest.mark.parametrize("text", [
    # the meeting's own proceedings
    "We starten met een korte voorstelronde.",
    "We sluiten af met een borrel.",
    "Daarna beginnen we met de presentatie.",
    "We gaan in drie groepen uiteen om de plannen te bespreken.",
    "Marc neemt ons mee in de plannen voor 2021.",
    "Jeroen neemt de aanwezigen mee door de nieuwe website.",
    # a talk at this meeting
    "De directeur zal een toelichting geven op de begroting.",
    "Na de pauze zal Johan een presentatie houden over de geschiedenis van het dorp.",
    "Het bestuur zal de plannen toelichten.",
    # keeping on with something, no deliverable
    "Het bestuur zal de ontwikkelingen op de voet blijven volgen.",
    "We zullen de contacten in de regio verder blijven intensiveren.",
    # being invited to attend or take part
    "Alle leden worden uitgenodigd om de vergadering bij te wonen.",
    "De leden worden uitgenodigd om mee te denken over het beleidsplan.",
    # a body's decision to come
    "De gemeenteraad zal in maart een besluit nemen over het plan.",
    "De raad zal hier in april over beslissen.",
    # a national or umbrella organisation's plan
    "Scouting Nederland gaat het spelaanbod vernieuwen.",
    "De landelijke vereniging zal een nieuwe website lanceren.",
    "De bond gaat de competitie anders indelen.",
    # an event in the life of a body
    "De school gaat volgend jaar verhuizen naar een nieuw gebouw.",
    "De vereniging gaat fuseren met de buurtvereniging.",
    # a speaker doing something with the meeting now
    "Egbert bespreekt met ons een nieuw woord dat vaak in de kranten staat.",
    "Anne leest met ons een gedicht.",
    # being invited, without who invites
    "De aanwezigen worden aan tafel uitgenodigd.",
    # keeping the readers informed, an appeal to the readers, the writers' own reference
    "Wij zullen u op de hoogte houden van de ontwikkelingen.",
    "Daarom vragen wij de buurt om een vrijwillige bijdrage.",
    "Wij verwijzen u naar het actuele overzicht.",
    # offering a place to meet
    "Dian biedt aan om bij haar kantoor in Amersfoort te vergaderen.",
    # this body hearing about something at the meeting
    "Het wijkpanel wordt geïnformeerd over de kap van een aantal bomen in de wijk.",
])
def test_no_task(text):
    assert actions(text) == []


@pytest.mark.parametrize("text, owner", [
    ("Kadaster zal volgende vergadering een demo geven van de nieuwe viewer.", "Kadaster"),
    ("We starten een petitie voor een veilige oversteek.", None),
    ("Piet neemt de offerte mee naar het overleg met de gemeente.", "Piet"),
    ("De secretaris zal de brief versturen.", "secretaris"),
    ("Eindhoven en Kadaster zullen hieraan blijven werken in de komende periode.", "Eindhoven en Kadaster"),
    ("De nieuwe leden worden door Suzanne uitgenodigd om kennis te maken.", "Suzanne"),
    ("De voorzitter zal de wethouder uitnodigen voor de volgende vergadering.", "voorzitter"),
    ("Het bestuur gaat de verhuizing van het clubhuis voorbereiden.", "bestuur"),
    ("Mevrouw Van der Veen zal de flatcommissies op de hoogte stellen van de regels.", "Mevrouw Van der Veen"),
    ("Piet biedt aan om de offertes te vergelijken.", "Piet"),
])
def test_still_a_task(text, owner):
    found = actions(text)
    assert found and found[0][1] == owner


@pytest.mark.parametrize("text, expected", [
    ("Project Logistiek: antwoord volgt in de volgende vergadering.", [("none", None)]),
    ("Het antwoord op de vraag over de kosten volgt schriftelijk.", [("none", None)]),
    ("Datum hiervoor volgt.", []),
    ("Verdere info volgt.", []),
])
def test_an_answer_owed_is_an_action(text, expected):
    assert actions(text) == expected
