"""Precision guards for narrative minutes (dorpsraden, verenigingen, councils, Woo verslagen): what reads like an
action but gives this meeting's people no task - an outside organisation's intention, a reported opinion, a
condition, a state or a leave-taking, an invitation, a member's request - and what stays an action. Sentences are
invented; the guards are data (notulist/nl/data/not_task.toml) and two owner rules (summarise/rules/owners.py,
verbs.py)."""

from __future__ import annotations

import pytest

from summarise.rules import analyse


def actions(text: str) -> list[tuple[str, str | None]]:
    return [(h.owner.kind, h.owner.text) for h in analyse(text, "record") if h.kind == "action"]


@pytest.mark.parametrize("text", [
    # an outside organisation's intention, no task of this meeting
    "De gemeente zal in het voorjaar de weg opnieuw asfalteren.",
    "De gemeente gaat volgend jaar de speeltuin vernieuwen.",
    "Rijkswaterstaat gaat de dijk versterken.",
    "Waterschap zal het onderhoud van de sloten overnemen.",
    "Staatsbosbeheer gaat in de winter bomen kappen.",
    "De provincie organiseert een inloopavond op 4 april.",
    "Volgend jaar gaat de gemeente het dorpshuis verbouwen.",
    "De gemeente controleert de melding en voegt de sensor toe aan het register.",
    # a reported opinion or plan
    "Volgens de wethouder zal de provincie in 2025 starten met de aanleg van de rotonde.",
    "Volgens Piet gaat het bestuur de contributie verhogen.",
    # a condition in a prepositional phrase
    "Bij voldoende belangstelling organiseert de dorpsraad een informatieavond.",
    # a state, an outcome, a leave-taking, an assumption
    "Het bestuur zal bestaan uit vijf leden.",
    "De burgemeester zal in juni afscheid nemen.",
    "Het bestuur gaat ervan uit dat de begroting sluitend is.",
    # being invited
    "De dorpsraad wordt uitgenodigd voor een gesprek met de wethouder.",
    # a member's request put to somebody
    "De fractie vraagt het college om een reactie.",
    "De heer Pietersen (VVD) verzoekt de wethouder de raad te informeren.",
    # an unknown subject before the verb: the object after it is no owner
    "De minister zal de Kamer voor de zomer informeren over de voortgang.",
])
def test_no_task_of_the_meeting(text):
    assert actions(text) == []


@pytest.mark.parametrize("text, owner", [
    ("Jan zal de offerte opvragen bij de aannemer.", "Jan"),
    ("De secretaris stuurt de brief voor 1 mei naar de gemeente.", "secretaris"),
    ("Het bestuur zal een brief sturen aan de gemeente.", "bestuur"),
    ("De voorzitter neemt contact op met de gemeente over de speeltuin.", "voorzitter"),
    # an outside organisation's commitment or a task with a deadline stays an action
    ("De gemeente zegt toe de bewoners te informeren.", "gemeente"),
    ("De gemeente heeft toegezegd de lantaarnpalen te vervangen.", "gemeente"),
    ("De gemeente stuurt voor 1 mei de offerte naar de dorpsraad.", "gemeente"),
    ("De gemeente zal uiterlijk 1 juni reageren op de brief.", "gemeente"),
    ("Politie levert de evaluatiecijfers aan voor het aanwijzingsbesluit, vóór 1 februari.", "Politie"),
    # a planning or agreement followed is no reported opinion
    ("Volgens afspraak stuurt Jan de notulen rond.", "Jan"),
    # the subject after the verb when the clause opens with an adverb or the object
    ("Morgen belt Jan de aannemer.", "Jan"),
    ("Dit gaat het server team bespreken.", "server team"),
])
def test_still_an_action(text, owner):
    assert actions(text) == [("name", owner)]


def test_todo_list_objects_are_no_owners(settings):
    from ingest.loaders import load_document
    from ingest.parser import parse_meeting
    from summarise.extract import rule_extract

    text = ("# Verslag werkgroep 3 april 2024\n\nAanwezig: Piet, Marloes, Sandra\n\n## Actiepunten:\n"
            "- Contact opnemen met Jan over de zaal\n- Marloes stuurt de uitnodiging naar Sandra\n"
            "- Offerte aanvragen bij Bakker Bouw\n- Sandra en Piet maken het draaiboek\n"
            "- Het bestuur informeren over de planning\n- Presentatie voor Marloes klaarzetten\n")
    source = load_document("werkgroep.md", text.encode(), settings=settings)
    found = rule_extract(parse_meeting(source), {source.id: source})
    owners = {a.citation.quote.lstrip("- "): a.owner for a in found.actions}
    assert owners == {
        "Contact opnemen met Jan over de zaal": None,  # the bullet is no sign that "Contact" is a name
        "Marloes stuurt de uitnodiging naar Sandra": "Marloes",
        "Offerte aanvragen bij Bakker Bouw": None,
        "Sandra en Piet maken het draaiboek": "Sandra en Piet",
        "Het bestuur informeren over de planning": None,  # the object of the infinitive
        "Presentatie voor Marloes klaarzetten": None,
    }


@pytest.mark.parametrize("text, owner", [
    ("De voorbereiding van de antwoorden op de raadsvragen neemt wethouder Timm voor zijn rekening.", ("name", "wethouder Timm")),
    ("Mw. Tolenaars vraagt bij de gemeente naar de stand van zaken.", ("name", "Mw. Tolenaars")),
    ("We zijn per direct op zoek naar een nieuwe penningmeester.", ("team", None)),
    ("Geen, Moniek houdt de post in de gaten tot Theo terug is.", ("name", "Moniek")),
    ("Deze zal worden uitgenodigd door Suzanne om kennis te maken.", ("name", "Suzanne")),
    ("Steven gaat een filmpje maken van de school waarin de visie zichtbaar wordt.", ("name", "Steven")),
])
def test_forms_of_new_bodies(text, owner):
    assert actions(text) == [owner]


@pytest.mark.parametrize("text", [
    "Catherine maakt notulen vandaag.",
    "Actiepunten worden bekeken en de actielijst wordt aangepast.",
    "Geen opmerkingen, de notulen worden vastgesteld.",
])
def test_minute_taking_and_the_action_list_itself_are_no_tasks(text):
    assert actions(text) == []


def test_a_decision_that_gives_a_person_a_task_in_the_present():
    from summarise.rules.actions import decided_task
    assert decided_task("Besloten wordt dat René deze bijeenkomst bijwoont.").text == "René"
    assert decided_task("Het bestuur besluit dat de secretaris de brief stuurt.").text == "secretaris"
    assert decided_task("Besloten wordt dat het budget omhoog gaat.") is None


@pytest.mark.parametrize("text, owner", [
    ("– Petra: actielijst bijwerken!", "Petra"),  # the bullet before the owner, an exclamation mark after the to-do
    ("– Hek schoolplein kapot: offerte hekwerk aanvragen (Marlijn)", "Marlijn"),  # a subject label, the owner after
    ("Jan: offerte opvragen.", "Jan"),
])
def test_note_style_owner_after_a_bullet_or_a_subject_label(text, owner):
    assert actions(text) == [("name", owner)]


def test_a_date_after_sinds_is_a_start_no_term():
    import datetime as dt

    from summarise.dates import find_due
    assert find_due("Peter neemt sinds 20 juli het voorzitterschap waar.", dt.date(2018, 9, 5)) is None
    assert find_due("Jan stuurt de brief voor 1 mei.", dt.date(2018, 9, 5)).date == dt.date(2019, 5, 1)


@pytest.mark.parametrize("text", [
    "Actie Wie Wanneer",  # the header row of an action table written out as text
    "Actiepunt | Door | Datum",
    "Dit schooljaar zullen de MR vergaderingen op locatie 2 plaatsvinden van 19:30 uur tot 21:30 uur.",
    "De ledenavond zal in het dorpshuis worden gehouden.",
])
def test_table_headers_and_event_announcements_are_no_tasks(text):
    assert actions(text) == []


@pytest.mark.parametrize("text, owner", [
    ("Actie: Jan belt de aannemer.", ("name", "Jan")),
    ("Jan zal de zaal regelen voor de ledenavond.", ("name", "Jan")),
    ("Eindhoven en Kadaster zullen samen doorgaan met het uitwerken van de voorstellen.", ("name", "Eindhoven en Kadaster")),
])
def test_tasks_beside_those_forms_stay(text, owner):
    assert actions(text) == [owner]


@pytest.mark.parametrize("text, owner", [
    ("Dhr. Klasen gaat proberen dit in december te plannen.", "Dhr. Klasen"),  # the form of address stays
    ("Mw. Tolenaars vraagt bij de gemeente naar de status.", "Mw. Tolenaars"),
    ("Contactpersoon: Jan. De afdeling verzendt de brief.", "afdeling"),  # a sentence the splitter kept attached
])
def test_a_form_of_address_is_part_of_the_owner(text, owner):
    assert actions(text) == [("name", owner)]
