"""A label line that names only who acts, under the task it belongs to ("Hennie neemt dit mee naar het team.\\nACTIE
Hennie"): one action with the task and its owner, not a second action of the label alone."""

from __future__ import annotations

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from summarise.extract import rule_extract
from summarise.rules import analyse

_MINUTES = """Notulen ouderraad 3 september 2024

Aanwezig: Hennie, Rennie, Sjoerd

1. Ouderavond
De ouderavond wordt gehouden op 2 oktober. Hennie neemt dit mee naar het team om er over na te
denken.
ACTIE Hennie
De OR gaat ook hierover nadenken.
ACTIE OR

2. Kerst
Voor de kerst moet er een nieuwe boom komen. Rennie gaat hierachteraan.
Actie: Rennie
"""


def test_owner_only_label_joins_the_task_before_it(settings):
    source = load_document("or.txt", _MINUTES.encode(), settings=settings)
    actions = rule_extract(parse_meeting(source), {source.id: source}).actions
    quotes = [(a.citation.quote, a.owner) for a in actions]
    assert len(actions) == 3, quotes
    assert all(not q.startswith(("ACTIE", "Actie")) for q, _ in quotes)
    assert quotes[0][0].endswith("ACTIE Hennie") and quotes[0][1] == "Hennie"
    assert quotes[1][0].endswith("ACTIE OR") and quotes[1][1] == "OR"
    assert quotes[2][0].endswith("Actie: Rennie") and quotes[2][1] == "Rennie"


def test_owner_only_label_alone_is_still_an_action():
    hits = analyse("Actie: Jan", "record")
    assert [(h.kind, h.owner.text) for h in hits] == [("action", "Jan")]


_ANAPHORA = """Notulen bestuur 15 mei 2014

Aanwezig: Pascal, Hans, Martin

1. Website
De kosten van de website staan niet op de begroting. Hans past dit nog even aan.
Er moet een printer komen. Pascal regelt dit.
Martin stuurt het verslag van de ALV rond.
"""


def test_a_pronoun_that_points_back_takes_the_sentence_before(settings):
    source = load_document("bestuur.txt", _ANAPHORA.encode(), settings=settings)
    actions = rule_extract(parse_meeting(source), {source.id: source}).actions
    quotes = [(a.citation.quote, a.owner) for a in actions]
    assert ("De kosten van de website staan niet op de begroting. Hans past dit nog even aan.", "Hans") in quotes, quotes
    assert ("Er moet een printer komen. Pascal regelt dit.", "Pascal") in quotes, quotes
    assert ("Martin stuurt het verslag van de ALV rond.", "Martin") in quotes, quotes


_KEPT = """Notulen adviesraad 20 april 2023

Aanwezig: Coretta, Evert, Sjaak

3. Actielijst
20220421128 Dit punt blijft staan
20221117162 Dit punt blijft staan. Er zijn zaken aangepast, maar er moeten nieuwe aanpassingen komen.
20230216176 Dit punt blijft staan, Coretta pakt dit met Evert en Sjaak op

4. Rondvraag
Dit punt blijft staan.
"""


def test_a_numbered_action_list_row_kept_open_is_an_open_action(settings):
    source = load_document("ar.txt", _KEPT.encode(), settings=settings)
    actions = rule_extract(parse_meeting(source), {source.id: source}).actions
    got = [(a.citation.quote, a.owner) for a in actions]
    assert got == [
        ("20220421128 Dit punt blijft staan", None),
        ("20221117162 Dit punt blijft staan. Er zijn zaken aangepast, maar er moeten nieuwe aanpassingen komen.", None),
        ("20230216176 Dit punt blijft staan, Coretta pakt dit met Evert en Sjaak op", "Coretta"),
    ], got


_COURSE = """Notulen adviesraad 20 april 2023

Aanwezig: Sjaak, Ada

5. Mededelingen
Workshop over de Jeugdwet op 11 mei
Sjaak gaat deze workshop volgen.
"""


def test_taking_a_workshop_named_in_the_line_before(settings):
    source = load_document("ws.txt", _COURSE.encode(), settings=settings)
    actions = rule_extract(parse_meeting(source), {source.id: source}).actions
    got = [(a.citation.quote, a.owner, a.due_date.isoformat() if a.due_date else None) for a in actions]
    assert got == [("Workshop over de Jeugdwet op 11 mei\nSjaak gaat deze workshop volgen.", "Sjaak",
                    "2023-05-11")], got


def test_a_named_owner_is_the_subject_not_its_co_owner(settings):
    text = "Notulen MR 22 maart 2018\n\nAanwezig: Denise, Sandra\n\n1. Borrel\nDenise gaat de borrel samen met Sandra regelen.\n"
    source = load_document("mr.txt", text.encode(), settings=settings)
    actions = rule_extract(parse_meeting(source), {source.id: source}).actions
    assert [a.owner for a in actions] == ["Denise"]


def test_initials_alone_after_the_task_name_who_acts(settings):
    text = ("Notulen oudercommissie 10 januari 2017\n\nAanwezig: Annelieke, Sandra\n\n1. Taken\n"
            "Annelieke wil deze taak overnemen. We gaan Sandra vragen Annelieke wegwijs te maken\n(SG) AS\n")
    source = load_document("oc.txt", text.encode(), settings=settings)
    actions = rule_extract(parse_meeting(source), {source.id: source}).actions
    assert [(a.citation.quote.endswith("(SG) AS"), a.owner) for a in actions] == [(True, "AS")]
