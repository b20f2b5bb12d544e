"""The annotation conventions of shared/eval/README.md, as the rules apply them: the adoption of the previous
minutes (verslag, notulen, besluitenlijst) with an adoption verb is a decision, cited by its own sentence (or
its table row); the adoption of the meeting's own agenda, "geen opmerkingen / geen bezwaren" on the minutes and
the sign-off of these minutes by a later meeting are not. Cue families procedural, paperwork_title and
bare_adoption (notulist/nl/data/)."""

from __future__ import annotations

import pytest

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from notulist.grounding import is_exact_span
from notulist.nl import lexicon
from summarise.extract import rule_extract


def decisions(text: str, settings, name: str) -> list[tuple[str | None, str]]:
    source = load_document(name, text.encode("utf-8"), settings=settings)
    extraction = rule_extract(parse_meeting(source), {source.id: source})
    assert all(is_exact_span(d.citation, {source.id: source}) for d in extraction.decisions)
    return [(d.item, d.citation.quote) for d in extraction.decisions]


MINUTES = """Notulen bestuursvergadering Vereniging Dorpsbelang 12 maart 2025

1. Opening en vaststelling agenda
De voorzitter opent de vergadering. De agenda wordt ongewijzigd vastgesteld.

2. Notulen vorige vergadering
Notulen vastgesteld.

3. Verslag 12 februari
Het verslag wordt met dank aan de notulist vastgesteld.

4. Besluitenlijst
De besluitenlijst van de vorige vergadering wordt ongewijzigd goedgekeurd.

5. Verslag jaarvergadering
Geen opmerkingen. De notulen worden vastgesteld.

6. Speeltuin
Het bestuur besluit de speeltuin te vernieuwen.
"""


def test_adopting_the_previous_minutes_is_a_decision_cited_by_its_sentence(settings):
    assert decisions(MINUTES, settings, "2025-03-12_dorpsbelang_notulen.txt") == [
        ("2", "Notulen vastgesteld."),
        ("3", "Het verslag wordt met dank aan de notulist vastgesteld."),
        ("4", "De besluitenlijst van de vorige vergadering wordt ongewijzigd goedgekeurd."),
        ("5", "De notulen worden vastgesteld."),  # "Geen opmerkingen." before it is no part of it
        ("6", "Het bestuur besluit de speeltuin te vernieuwen."),
    ]  # item 1: the meeting's own agenda, procedural


PROCEDURAL = """Verslag werkgroep Groen 5 mei 2025

1. Opening en vaststelling agenda
Vastgesteld.

2. Verslag vorige keer
Verslag: geen opmerkingen.

3. Notulen 7 april
Tegen het verslag is geen bezwaar.

4. Bomenplan
De werkgroep stemt in met het bomenplan.

Aldus vastgesteld in de vergadering van 2 juni 2025.
"""


def test_own_agenda_no_remarks_and_the_later_sign_off_are_no_decisions(settings):
    assert decisions(PROCEDURAL, settings, "2025-05-05_werkgroep-groen_verslag.txt") == [
        ("4", "De werkgroep stemt in met het bomenplan.")]


def test_a_bare_adoption_in_a_table_row_decides_the_minutes_not_the_agenda(settings):
    text = ("# Besluitenlijst college 4 maart 2025\n\n| Nr | Onderwerp | Besluit |\n|---|---|---|\n"
            "| 1 | Vaststelling agenda | Akkoord |\n| 2 | Verslag vorige vergadering | vastgesteld |\n"
            "| 3 | Subsidie buurthuis | Conform advies |\n")
    assert decisions(text, settings, "2025-03-04_college_besluitenlijst.md") == [
        ("2", "2 | Verslag vorige vergadering | vastgesteld"), ("3", "3 | Subsidie buurthuis | Conform advies")]


def test_a_row_of_an_html_besluitenlijst_with_only_the_verb(settings):
    html = ("<html><body><h1>Besluitenlijst college van B&amp;W</h1><p>Vergaderdatum: 11-02-2025</p><table>"
            "<tr><th>Nr</th><th>Onderwerp</th><th>Besluit</th></tr>"
            "<tr><td>1</td><td>Vaststelling besluitenlijst 4 februari 2025</td><td>Vastgesteld.</td></tr>"
            "<tr><td>2</td><td>Subsidie buurthuis</td><td>Het college besluit de subsidie te verlenen.</td></tr>"
            "</table></body></html>")
    found = decisions(html, settings, "2025-02-11_college_besluitenlijst.html")
    assert [item for item, _ in found] == ["1", "2"], found
    assert found[0][1].endswith("Vastgesteld.") and "besluitenlijst 4 februari" in found[0][1]


FLEMISH = """Notulen gemeenteraad 23 mei 2024

1. Goedkeuring notulen gemeenteraad 18 april 2024
De notulen van de zitting van 18 april 2024 worden goedgekeurd.

2. Algemene vergadering Zefier: goedkeuring agenda
De agenda van de algemene vergadering van Zefier van 13 juni 2024 wordt goedgekeurd.

3. Verslag 12-3
Verslag 12-3: akkoord

4. Goedkeuring notulen
Goedkeuring notulen: goedgekeurd
"""


def test_flemish_and_telegraphic_adoptions_and_another_bodys_agenda(settings):
    assert decisions(FLEMISH, settings, "2024-05-23_gemeenteraad_notulen.txt") == [
        ("1", "De notulen van de zitting van 18 april 2024 worden goedgekeurd."),
        ("2", "De agenda van de algemene vergadering van Zefier van 13 juni 2024 wordt goedgekeurd."),
        ("3", "Verslag 12-3: akkoord"),
        ("4", "Goedkeuring notulen: goedgekeurd"),
    ]


@pytest.mark.parametrize("clause", [
    "De agenda wordt ongewijzigd vastgesteld.", "Agenda vastgesteld.", "Agenda: akkoord",
    "Vaststelling agenda: akkoord", "Besluit: de agenda wordt vastgesteld met toevoeging van punt 7.",
    "Hierna wordt de agenda ongewijzigd vastgesteld.", "Verslag: geen opmerkingen.",
    "Op de notulen van de vorige vergadering komen geen opmerkingen.", "Geen bezwaren tegen de notulen.",
    "Aldus vastgesteld in de vergadering van 18 februari 2025.",
    "Deze besluitenlijst is vastgesteld in de vergadering van 26 maart 2026.",
])
def test_procedural_family_matches_own_agenda_no_remarks_and_sign_off(clause):
    assert lexicon().pattern("procedural").search(clause)


@pytest.mark.parametrize("clause", [
    "Het verslag wordt ongewijzigd vastgesteld.", "Verslag vorige vergadering ongewijzigd vastgesteld.",
    "De agenda en het verslag worden vastgesteld.", "Notulen: geen opmerkingen, vastgesteld.",
    "De notulen worden zonder opmerkingen goedgekeurd.", "De Gemeenteraad keurt de notulen van de vorige zitting goed.",
    "De agenda van de buitengewone algemene vergadering van IVM van 20 november 2024 is goedgekeurd.",
    "De OR heeft geen bezwaar tegen de nieuwe werkwijze.",
])
def test_procedural_family_leaves_minutes_adoption_and_other_decisions_alone(clause):
    assert not lexicon().pattern("procedural").search(clause)


@pytest.mark.parametrize(("title", "paperwork"), [
    ("Opening en vaststelling agenda", True), ("Opening", True), ("Vaststelling agenda", True),
    ("Verslag 17 november", False), ("Opening, verslag en actielijst 13 maart", False),
    ("Besluitenlijst AB 11 december 2025", False), ("Notulen vorige vergadering", False), ("Jaarverslag 2024", False),
])
def test_a_title_naming_the_minutes_wins_over_agenda_and_opening(title, paperwork):
    assert bool(lexicon().pattern("paperwork_title").search(title)) is paperwork
