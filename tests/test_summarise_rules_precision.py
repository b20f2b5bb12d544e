"""What gives nobody a task although it reads like one (precision on real minutes), and the few general forms
that do. Sentences written fresh after the forms seen in real notes (a project's advisory board, a vereniging's
besluitenlijst), not copied from any document."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from summarise import rules
from summarise.extract import rule_extract
from summarise.rules.actions import decided_task
from summarise.dates import find_due, next_meeting_date, refers_to_next_meeting
from summarise.rules.notes_style import is_past_plural


def actions(sentence: str) -> list[tuple[str, str | None]]:
    return [(h.owner.kind, h.owner.text) for h in rules.analyse(sentence, "record") if h.kind == "action"]


@pytest.mark.parametrize("sentence", [
    # the task negated
    "Voorlopig wordt dit nog niet opgepakt, maar er is wel een issue voor aangemaakt.",
    "Het ontwikkelteam zal de koppeling niet bouwen.",
    "We bewaren de notulen niet op papier.",
    "Jan stuurt geen uitnodiging naar de pers.",
    "Er is afgesproken dat er voorlopig geen nieuwe functies zullen worden ontwikkeld.",
    "Niet alle velden in het formulier kunnen worden aangepast.",
    # a possibility, a guess, an expectation
    "Dit kan worden meegenomen in het volgende plan.",
    "De leden kunnen zelf bepalen welke punten eerst worden opgepakt.",
    "Waarschijnlijk zullen ook andere gemeenten worden benaderd.",
    "We verwachten eind volgende week een testomgeving beschikbaar te hebben.",
    # past tense of the writers, what is said at the meeting, a portfolio, a meeting's rhythm
    "We gaven het probleem een 3 op de lijst.",
    "We stuurden de brief naar alle leden.",
    "In haar welkomstwoord gaat zij in op de stand van zaken.",
    "Hij zal zich als nieuw bestuurslid gaan bezighouden met de ledenadministratie.",
    "Het overleg zal een maandelijks ritme krijgen.",
    # 'trekt' leads something only when it is 'dit'/'het' right after the verb
    "Formeel is het zo: de provincie trekt de pilots, de gemeente is het eerste aanspreekpunt.",
])
def test_no_task(sentence):
    assert actions(sentence) == [], sentence


@pytest.mark.parametrize("sentence, owner", [
    ("Jan stuurt de brief niet later dan vrijdag.", "Jan"),
    ("Jan zal de brief niet alleen aan de raad maar ook aan de pers sturen.", "Jan"),
    ("De heer Post laat onderzoeken of het maaisel vaker kan worden afgevoerd.", "De heer Post"),
    ("Peter trekt dit.", "Peter"),
    ("–        Mart neemt contact op met de gemeente.", "Mart"),  # a dash bullet the text kept
])
def test_still_a_task(sentence, owner):
    assert ("name", owner) in actions(sentence), (sentence, actions(sentence))


def test_we_present_is_the_teams_plan_but_not_its_past():
    assert actions("We plaatsen een oproep in de wijkkrant.") == [("team", None)]
    assert is_past_plural("stuurden") and is_past_plural("namen") and is_past_plural("bekeken")
    assert not any(is_past_plural(v) for v in ("plaatsen", "sturen", "zoeken", "regelen", "schrijft"))


@pytest.mark.parametrize("sentence", [
    "Antw: we sturen de planning na de zomer rond.",
    "Daaruit blijkt dat de meeste wensen binnenkort worden gerealiseerd.",
])
def test_a_label_or_an_adverb_is_no_owner(sentence):
    assert all(text not in ("Antw", "Daaruit") for _, text in actions(sentence)), actions(sentence)


def test_the_next_meeting_named_with_the_bodys_abbreviation():
    ref = dt.date(2021, 11, 17)
    due = find_due("Het team zal volgende ABC overleg een demo geven.", ref)
    assert due is not None and due.as_written == "volgende ABC overleg" and refers_to_next_meeting(due.as_written)
    due = find_due("Jan brengt het in op de volgende MR-vergadering.", ref)
    assert due is not None and refers_to_next_meeting(due.as_written)
    assert next_meeting_date("> Volgende ABC-overleg is op **15 december 2021 om 9:00 uur**", ref) == dt.date(2021, 12, 15)
    assert find_due("de volgende ledenvergadering", ref) is None  # another body's meeting: no term of this one


@pytest.mark.parametrize("sentence, owner", [
    ("Ilse heeft zich bereid verklaard de kascontrole te doen.", "Ilse"),
    ("Jan biedt aan om de notulen te maken.", "Jan"),
    ("Mund gaat aan de slag met de integratietests.", "Mund"),
    ("Els neemt dit op zich.", "Els"),
    ("Jan meldt de losliggende tegels bij de gemeente.", "Jan"),
    ("Ingrid meldt de adviseur deze week aan bij de bestuurder.", "Ingrid"),
])
def test_offers_and_taken_up_tasks(sentence, owner):
    assert ("name", owner) in actions(sentence), (sentence, actions(sentence))


def test_reporting_at_the_meeting_is_no_task():
    assert actions("Piet meldt parkeeroverlast in de Dorpsstraat bij thuiswedstrijden.") == []
    assert actions("De gemeente gaat niet aan de slag met het plan.") == []


@pytest.mark.parametrize("sentence, owner", [
    ("Besloten wordt dat Nico er aandacht voor zal vragen in de nieuwsbrief.", "Nico"),
    ("Er is besloten dat Frederick mee gaat werken aan de vergrendeling.", "Frederick"),
    ("Besloten wordt dat Gerard en Theo met de vrijwilligers een gesprek zullen hebben.", "Gerard en Theo"),
])
def test_a_decision_that_gives_somebody_a_task(sentence, owner):
    assert decided_task(sentence) == rules.Owner("name", owner)


def test_a_decision_without_a_task_for_somebody():
    assert decided_task("Besloten wordt dat de contributie omhoog gaat.") is None
    assert decided_task("Besloten wordt dat Jan niet zal aftreden.") is None
    assert decided_task("Het bestuur stemt in met de begroting.") is None


def test_the_decision_and_the_task_are_both_extracted(settings):
    text = ("Notulen bestuursvergadering 9 juni 2017\n\n1. Vrijwilligers\n"
            "Besloten wordt dat Nico er aandacht voor zal vragen in de nieuwsbrief.\n")
    source = load_document("2017-06-09_bestuur_notulen.txt", text.encode("utf-8"), settings=settings)
    ex = rule_extract(parse_meeting(source), {source.id: source})
    quote = "Besloten wordt dat Nico er aandacht voor zal vragen in de nieuwsbrief."
    assert [d.citation.quote for d in ex.decisions] == [quote]
    assert [(a.citation.quote, a.owner) for a in ex.actions] == [(quote, "Nico")]


def test_the_bodys_own_next_meeting_named_by_its_kind(settings):
    text = ("# Verslag werkgroep Parkeren Noord\n\n**Datum:** 5 februari 2026\n\n## 1. Vergunningen\n"
            "**Actie** (Freek, vóór de volgende werkgroep): de tarieven laten doorrekenen.\n"
            "Jan stuurt het overzicht voor het volgende DB rond.\n\n"
            "*Volgende werkgroep: donderdag 5 maart 2026, 10.00 uur.*\n")
    source = load_document("2026-02-05_werkgroep-parkeren_verslag.md", text.encode("utf-8"), settings=settings)
    ex = rule_extract(parse_meeting(source), {source.id: source})
    dues = {a.owner: (a.due, a.due_date) for a in ex.actions}
    assert dues["Freek"] == ("vóór de volgende werkgroep", dt.date(2026, 3, 5))
    assert dues["Jan"][1] is None  # 'DB' is no name of this body's meeting: another body's next meeting
    assert next_meeting_date("Volgend DO: maandag 16 maart 2026, 14.00 uur.", dt.date(2026, 3, 2)) == dt.date(2026, 3, 16)
    assert next_meeting_date("Volgende week: maandag 16 maart 2026.", dt.date(2026, 3, 2)) is None


def test_a_passive_of_reason_or_condition_and_a_time_are_no_task():
    assert actions("Omdat er veel moet worden uitgezocht, kan de secretaris minder notuleren.") == []
    assert actions("Eind maart is er een beslismoment gepland over de scenario's.") == []
    # ... while the sentence before a clause of condition does not count: only the passive's own sentence
    assert actions("Als antwoord op de vraag licht Tilburg de inrichting toe. Verder zijn scenario's besproken die "
                   "verder uitgewerkt moeten worden.") == [("none", None)]
    assert actions("Er wordt nagegaan of er een fietsenstalling kan worden bijgeplaatst.") == [("none", None)]


def test_a_named_task_after_maar_and_no_term_after_an_event(settings):
    text = ("Notulen overleg 20 oktober 2021\n\n1. Eenheden\n"
            "Ook hier is het voorstel om de pilotresultaten af te wachten maar Eindhoven en Kadaster zullen wel samen "
            "doorgaan met het uitwerken van voorstellen.\n\n"
            "2. Informatieavond\nDe informatieavond is op 10 november.\n"
            "Overige ouders worden geïnformeerd via een nieuwsbrief, na de informatieavond.\n")
    source = load_document("2021-10-20_overleg_notulen.txt", text.encode("utf-8"), settings=settings)
    ex = rule_extract(parse_meeting(source), {source.id: source})
    owners = {a.owner: a for a in ex.actions}
    assert "Eindhoven en Kadaster" in owners, [a.citation.quote for a in ex.actions]
    informed = [a for a in ex.actions if "nieuwsbrief" in a.citation.quote]
    assert len(informed) == 1 and informed[0].due_date is None  # after the evening: no deadline


@pytest.mark.parametrize("sentence, owner", [
    ("issue 62 plaatje toevoegen in hoofdstuk 2 -> Marco maakt dit plaatje", "Marco"),  # the arrow names who acts
    ("Frank zet dit contact voort.", "Frank"),
    ("Marco stelt een nieuwe lijst op gebaseerd op de standaard.", "Marco"),
    ("Dit wordt voor de volgende keer voorbereid door Jesse, Marco en Pano.", "Jesse, Marco en Pano"),
])
def test_more_written_forms_of_a_task(sentence, owner):
    assert ("name", owner) in actions(sentence), (sentence, actions(sentence))


def test_a_role_given_with_the_persons_name_and_a_use_that_is_no_task():
    assert actions("Teamleider, Frederick, wordt verzocht de planning bij te houden.") == [("name", "Frederick")]
    assert actions("De voorzitter, Jan, stuurt de brief.") == [("name", "Jan")]
    assert actions("Peter, Jan en Kees sturen de brief.") == [("name", "Peter, Jan en Kees")]
    assert actions("Dit is de beste optie, en deze gaan we gebruiken voor het project.") == []
