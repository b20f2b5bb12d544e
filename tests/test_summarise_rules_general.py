"""General Dutch meeting-language rules added while generalising the rule engine on the blind set
(eval/data/blind). Sentences here are written fresh, not copied from the blind documents."""

from __future__ import annotations

import pytest

from summarise import rules


def kinds(sentence: str) -> list[tuple[str, str | None]]:
    return [(h.kind, h.owner.text if h.owner.kind == "name" else h.owner.kind) for h in rules.analyse(sentence, "record")]


@pytest.mark.parametrize("sentence", [
    "Mevrouw De Jong wordt bij acclamatie herbenoemd als penningmeester.",
    "Het bestuur neemt het besluit om de huur te verhogen.",
    "De commissie adviseert de raad het bestemmingsplan vast te stellen.",
    "Voorstel akkoord.",
])
def test_decision_cues(sentence):
    assert ("decision", "none") in kinds(sentence)


@pytest.mark.parametrize("sentence,owner", [
    ("De motie draagt het college op voor 1 juni een plan te maken.", "college"),
    ("Het verslag wordt voor 3 april verspreid door de secretaris.", "secretaris"),
    ("Dit wordt door Karel opgepakt.", "Karel"),
    ("De heer Smit laat uitzoeken wat de kosten zijn.", "De heer Smit"),
    ("XREDX stelt een plan van aanpak op, gereed voor de zomer.", "redacted"),
    ("Iedereen levert input aan voor 1 mei.", "Iedereen"),
    ("De beheerder vraagt een offerte op.", "beheerder"),
    ("actie Noor: subsidieaanvraag indienen, gereed eind mei", "Noor"),
])
def test_action_owners(sentence, owner):
    assert ("action", owner) in kinds(sentence)


@pytest.mark.parametrize("sentence", [
    "Wethouder Kok meldt dat de fietsbrug voor de zomer klaar is.",
    "Petra vraagt of de zaal ook op zaterdag open kan.",
    "Hij antwoordt dat de aanvraag na de zomer wordt behandeld.",
    "Het college informeert de stichting over het besluit.",  # "het besluit" is the noun, not a decision cue
])
def test_reports_and_questions_are_not_actions_or_decisions(sentence):
    assert not [k for k in kinds(sentence) if k[0] == "decision"]
    assert not [k for k in kinds(sentence) if k[0] == "action" and k[1] not in ("college",)]


@pytest.mark.parametrize("sentence", [
    "Dit punt is van de agenda gehaald.",
    "Het onderwerp komt terug in de commissie van april.",
    "Besloten wordt de keuze uit te stellen.",
    "nog geen offerte, volgende keer",
    "Besluit volgende vergadering.",
])
def test_postponement_cues(sentence):
    assert ("postponed", "none") in kinds(sentence)


def test_deferred_decision_is_no_decision():
    assert not [k for k in kinds("Besluit volgende vergadering.") if k[0] == "decision"]
    assert not [k for k in kinds("geld nog niet rond, besluit volgende keer") if k[0] == "decision"]


# --------------------------------------------------------------------------- layouts (parser)


def _items(name: str, text: str, settings) -> list[tuple[str, str]]:
    from ingest.loaders import load_document
    from ingest.parser import parse_meeting

    meeting = parse_meeting(load_document(name, text.encode(), settings=settings))
    return [(i.number, i.title) for i in meeting.items if i.parent is None]


def test_roman_numerals_number_the_items(settings):
    text = ("Notulen ledenvergadering 3 juni 2025\n\nAanwezig: I. Bakker, K. Vos\n\nI. Opening\nDe voorzitter opent.\n\n"
            "II. Contributie 2026\nDe contributie blijft gelijk.\n\nIII. Rondvraag\nGeen.\n")
    assert _items("notulen.txt", text, settings) == [("I", "Opening"), ("II", "Contributie 2026"), ("III", "Rondvraag")]


def test_sub_numbered_besluitenlijst_without_parent_heading(settings):
    text = ("# Besluitenlijst raad 3 juni 2025\n\n## Agendapunt 4.1 Kadernota 2026\nBesluit: aangenomen\n\n"
            "## Agendapunt 4.2 Verordening parkeren\nBesluit: aangenomen\n\n## Agendapunt 5 Sluiting\n")
    assert [n for n, _ in _items("besluitenlijst.md", text, settings)] == ["4.1", "4.2", "5"]


def test_onderwerp_label_is_not_part_of_the_title(settings):
    text = ("Besluitenlijst college 3 juni 2025\n\n1. Onderwerp: Subsidie theater\nBesluit: verleend.\n\n"
            "2. Onderwerp: Inkoopbeleid\nBesluit: vastgesteld.\n")
    assert _items("bw.txt", text, settings) == [("1", "Subsidie theater"), ("2", "Inkoopbeleid")]


# --------------------------------------------------------------------------- generalised on eval/data/blind2
# (sentences written fresh, in the style of a wijkraad, a faculteitsraad, a provincial committee)


@pytest.mark.parametrize("sentence,owner", [
    ("We hangen de nieuwe roosters op in de kantine.", "team"),
    ("Wij benaderen twee andere zalen voor het voorjaar.", "team"),
    ("TZ-2025-07 Wethouder Smit stuurt de raad een overzicht van de subsidies.", "Wethouder Smit"),
    ("De rector zegt toe de notitie na te sturen.", "rector"),
    ("Notitie over de huisvesting opstellen (MdV), vóór 1 maart.", "MdV"),
    ("Nagaan of de aannemer de schade wil herstellen (RB).", "RB"),
    ("Joke geeft de meldingen door aan de beheerder.", "Joke"),
    ("Femke vraagt de drukker om een nieuwe offerte.", "Femke"),
    ("De penningmeester plant een gesprek met de bank.", "penningmeester"),
    ("de voorzitter beantwoordt de brief van de bewoners.", "voorzitter"),
])
def test_more_action_forms(sentence, owner):
    assert ("action", owner) in kinds(sentence)


@pytest.mark.parametrize("sentence", [
    "We vinden het belangrijk dat bewoners meepraten.",
    "Wij hebben de stukken al rondgestuurd.",
    "Wethouder Smit beantwoordt een vraag van de fractie van de PvdA.",
    "De fractie vraagt aandacht voor de verkeersveiligheid.",
    "Volgende vergadering: donderdag 6 maart 2025.",
])
def test_more_reports_that_are_no_actions(sentence):
    assert not [k for k in kinds(sentence) if k[0] == "action"]


def test_a_decision_still_to_be_taken_is_postponed_not_decided():
    found = kinds("Over de tarieven besluit het bestuur in de vergadering van 12 mei.")
    assert ("postponed", "none") in found and not [k for k in found if k[0] == "decision"]
    # a promise to come back next time is an action, not a postponed item
    found = kinds("De decaan zegt toe hierop terug te komen in de volgende vergadering.")
    assert ("action", "decaan") in found and not [k for k in found if k[0] == "postponed"]


def test_initials_introduced_in_the_attendee_list_name_the_owner():
    from notulist.models import Source
    from summarise.extract import initials_map

    text = ("Aanwezig: Joop van Dam, voorzitter (JvD); Karim Benali (KB); Ans de Ruiter (AdR)\n"
            "Namens de gemeente: Sylvia Koster, wijkmanager (SK)\n- Brief opstellen (KB).\n(Zie bijlage A) en (NB)")
    source = Source(id="s", filename="n.txt", media_type="txt", raw_text=text, size_bytes=len(text))
    assert initials_map({"s": source}) == {"JvD": "Joop van Dam", "KB": "Karim Benali", "AdR": "Ans de Ruiter",
                                           "SK": "Sylvia Koster"}


def test_a_question_put_to_the_meeting_with_its_answer_is_a_decision():
    assert ("decision", "none") in kinds("Anna vraagt of de borrel kan schuiven: ja, de borrel gaat naar juni.")
    assert not kinds("Anna vraagt of de borrel kan schuiven.")


# --------------------------------------------------------------------------- generalised on eval/data/blind3


@pytest.mark.parametrize("sentence,owner", [
    ("**Actie** (Sanne, vóór 1 april): de begroting laten doorrekenen.", "Sanne"),
    ("→ Bas: offertes voor het dak vergelijken, vóór de zomer", "Bas"),
    ("Marieke vraagt de drukker om een nieuwe proef.", "Marieke"),
])
def test_blind3_action_forms(sentence, owner):
    assert ("action", owner) in kinds(sentence)


@pytest.mark.parametrize("sentence", [
    "Enkele leden vragen om een lagere contributie.",
    "De stichting vraagt de dorpsraad om een bijdrage.",
])
def test_a_request_to_the_meeting_is_no_action(sentence):
    assert not [k for k in kinds(sentence) if k[0] == "action"]


def test_holding_a_decision_back_is_a_postponement():
    assert ("postponed", "none") in kinds("De PGMR houdt haar besluit aan tot de vergadering van 11 maart.")


def test_an_arrow_typed_as_dash_and_angle_bracket_also_marks_the_owner():
    assert ("action", "Henk") in kinds("> Henk: offertes voor het dak vergelijken, in januari")


@pytest.mark.parametrize("sentence", [
    "De raad besluit de verordening vast te stellen.",
    "Het algemeen bestuur besluit de begroting 2026 ongewijzigd vast te stellen.",
    "De raad besluit in te stemmen met het voorstel.",
    "Er wordt besloten het beleidsplan vast te stellen.",
])
def test_the_bodys_own_besluit_with_a_te_infinitive_is_a_decision(sentence):
    assert "decision" in [kind for kind, _ in kinds(sentence)]


@pytest.mark.parametrize("sentence", [
    "Voorgesteld wordt de begroting vast te stellen.",
    "De raad wordt voorgesteld in te stemmen met de verordening.",
    "Het college stelt de raad voor te besluiten de begroting vast te stellen.",
    "Het besluit van de raad om de nota vast te stellen is gepubliceerd.",
])
def test_a_proposal_to_adopt_is_no_decision(sentence):
    assert all(kind != "decision" for kind, _ in kinds(sentence))
