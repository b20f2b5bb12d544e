"""An agenda written before the meeting puts decisions to it; it records none: "Beslispunten:", "Voorgesteld
besluit:", a committee's "Advies commissie: conform." and the item's category ("Hamerstuk", "Bespreekstuk",
"Ter besluitvorming") are proposals (cue family proposal), while "Voorstel akkoord." is the outcome of one."""

from __future__ import annotations

import pytest

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from summarise.extract import rule_extract
from summarise.rules import analyse

AB_AGENDA = """Agenda vergadering algemeen bestuur 12 maart 2025

1. Opening en mededelingen

2. Verslag vergadering 5 februari 2025
Voorstel: het verslag ongewijzigd vaststellen.
Hamerstuk

3. Jaarrekening 2024
Het dagelijks bestuur stelt voor de jaarrekening 2024 vast te stellen.
Beslispunten:
1. De jaarrekening 2024 vast te stellen;
2. Het positieve resultaat toe te voegen aan de algemene reserve.
Ter besluitvorming
Advies commissie: conform.

4. Kadernota 2026
Voorgesteld besluit: in te stemmen met de kadernota 2026.
Bespreekstuk

5. Benoeming lid rekenkamercommissie
Beslispunt: de heer Jansen te benoemen tot lid van de rekenkamercommissie.
Ter vaststelling

6. Rondvraag en sluiting
"""


def test_an_agenda_of_the_algemeen_bestuur_records_no_decision(settings):
    source = load_document("2025-03-12_ab-waterschap_agenda.txt", AB_AGENDA.encode("utf-8"), settings=settings)
    meeting = parse_meeting(source)
    assert meeting.doc_kind == "agenda"
    extraction = rule_extract(meeting, {source.id: source})
    assert [d.citation.quote for d in extraction.decisions] == []


@pytest.mark.parametrize("line", ["Beslispunt: in te stemmen met de kaderbrief 2025.", "Hamerstuk", "Bespreekstuk",
                                  "Advies commissie: conform.", "Advies van de auditcommissie: positief.",
                                  "Voorgesteld besluit: akkoord gaan met de notulen."])
def test_agenda_text_that_puts_a_decision_to_the_meeting_decides_nothing(line):
    assert [h for h in analyse(line, "prepared") if h.kind == "decision"] == []


def test_the_outcome_of_a_proposal_noted_in_an_agenda_is_still_a_decision():
    assert [h.kind for h in analyse("Voorstel akkoord.", "prepared")] == ["decision"]
