"""Action forms of real minutes that generalise: an issue list whose header cell breaks over two lines ("Actie\nhouder")
with initials as holders, a division of work ("**Taak** - Jan, Piet"), days of one month as a term ("15 & 18/10"),
and what is no task: a passive inside a clause that describes a noun, an aim ("We werken toe naar ...")."""

from __future__ import annotations

import datetime as dt
import io

import docx

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from summarise.dates import find_due
from summarise.extract import rule_extract
from summarise.rules import analyse, detector_for


def extract_bytes(data: bytes, settings, name: str):
    source = load_document(name, data, settings=settings)
    meeting = parse_meeting(source)
    return rule_extract(meeting, {source.id: source})


def _issue_list_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Verslag overleg kernteam 30 november 2017")
    d.add_paragraph("Aanwezig: Linda van den Brink (LdB), Ellen Debats (ED), Arjan Loeffen (AL).")
    d.add_paragraph("De punten van de inventarisatie zijn besproken en geprioriteerd.")
    table = d.add_table(rows=4, cols=4)
    for cell, text in zip(table.rows[0].cells, ["Nummer", "Korte beschrijving", "Urgent", "Actie\nhouder"]):
        cell.text = text
    rows = [["#1", "Maak de verwijzing naar concepten expliciet", "J", "LdB/ED"],
            ["#2", "Niet aanwezig in github.", "-", "-"],
            ["#3", "Tagged value locatie bij union-element", "N", "AL"]]
    for row, values in zip(table.rows[1:], rows):
        for cell, text in zip(row.cells, values):
            cell.text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_issue_list_with_a_holder_column_broken_over_two_lines(settings):
    ex = extract_bytes(_issue_list_docx(), settings, "2017-11-30_kernteam_verslag.docx")
    by_quote = {a.citation.quote.split("|")[0].strip(): a for a in ex.actions}
    assert set(by_quote) == {"#1", "#3"}  # the row nobody holds is no action
    assert by_quote["#1"].owner == "LdB/ED" and by_quote["#3"].owner == "AL"
    assert "Maak de verwijzing naar concepten expliciet" in by_quote["#1"].text


def test_a_table_with_a_subject_but_no_holder_column_gives_no_actions(settings):
    text = ("Verslag overleg 3 maart 2025\n\nNr | Onderwerp | Ingebracht door\n1 | Begroting | Piet\n"
            "2 | Jaarplan | Kees\n")
    ex = extract_bytes(text.encode(), settings, "2025-03-03_overleg_verslag.txt")
    assert ex.actions == []


def test_division_of_work_under_bold_tasks(settings):
    text = ("# Notulen 7 juni 2019\n\n## Taakverdeling\n\n"
            "- **Cursor van anderen zien** - Martijn, Sam, Robin\n- **Toegang tot bestanden** - Maxim en Jim\n"
            "- **Aanwezig** - Jan, Piet\n- **Editen zonder conflicten** - Mund en Sam gaven het 5/5.\n")
    ex = extract_bytes(text.encode(), settings, "2019-06-07_team_notulen.md")
    assert sorted(a.owner for a in ex.actions) == ["Martijn, Sam, Robin", "Maxim en Jim"]


def test_days_of_one_month_give_the_first_day_as_term():
    ref = dt.date(2020, 10, 12)
    assert find_due("15 & 18/10/2020", ref).date == dt.date(2020, 10, 15)
    assert find_due("uiterlijk 15 en 18 oktober", ref).date == dt.date(2020, 10, 15)
    assert find_due("voor 18/10/2020", ref).date == dt.date(2020, 10, 18)


def test_a_passive_inside_a_clause_that_describes_a_noun_is_no_task():
    for text in ("Dit is een onderwerp dat samen met de community moet worden opgepakt.",
                 "Kortom: naast het product zelf zijn er diverse sporen die nog moeten worden uitgewerkt.",
                 "DCAT biedt houvast, waarbij aangegeven moet worden dat sommige eigenschappen zelden nuttig zijn."):
        assert not [h for h in analyse(text, "record") if h.kind == "action"], text
    assert detector_for("Het verslag wordt nagestuurd.", "record") == "passief"
    assert detector_for("De notitie, die Piet schreef, wordt nagestuurd.", "record") == "passief"


def test_an_aim_is_no_task():
    for text in ("We werken toe van versie 1.0 naar versie 1.1.", "We streven naar een besluit in juni."):
        assert not [h for h in analyse(text, "record") if h.kind == "action"], text
    assert [h.kind for h in analyse("Piet werkt het voorstel uit.", "record")] == ["action"]


def test_the_tools_a_team_uses_are_no_task():
    assert not analyse("We gebruiken TCP, dat verhelpt het probleem.", "record")
    assert not analyse("We hanteren de oude termijn.", "record")
    assert detector_for("We plaatsen een oproep in de wijkkrant.", "record") == "wij"


def test_a_group_named_by_its_role_noun_acts():
    owners = {h.owner.text for h in analyse("deze expertgroep gaat de visievorming uitwerken in een notitie.", "record")
              if h.kind == "action"}
    assert owners == {"expertgroep"}
    hits = analyse("Dit gaat het server team samen met de editor bespreken.", "record")
    assert [(h.kind, h.owner.text) for h in hits] == [("action", "server team")]
    assert not [h for h in analyse("Dit gaat veel geld kosten.", "record") if h.kind == "action"]
    assert not [h for h in analyse("Vervolgens zal de nieuwe regeling worden ingevoerd.", "record") if h.owner.text]


TODO = """# Notulen 14 juni 2019

## Stand van zaken
Hier is een overzicht van de user stories waar we aan willen werken.

- **Een blok code vastzetten** - We gaven dit een 4.
- **Kunnen communiceren via een chat** - We gaven dit een 2.

## Locken van code
Hieronder staat een overzicht van alle dingen die voor deze user story nog gebouwd moeten worden.

### Backend
- De piecetable moet unieke IDs per piece hebben.
- Edit messages - berichten die aanpassingen aangeven ontvangen en interpreteren.

### Frontend
- Een lock aan kunnen vragen in de user interface.
"""


def test_bullets_under_a_lead_in_of_what_is_still_to_be_done_are_to_dos(settings):
    ex = extract_bytes(TODO.encode(), settings, "2019-06-14_team_notulen.md")
    quotes = sorted(a.citation.quote for a in ex.actions)
    assert quotes == ["- De piecetable moet unieke IDs per piece hebben.",
                      "- Edit messages - berichten die aanpassingen aangeven ontvangen en interpreteren.",
                      "- Een lock aan kunnen vragen in de user interface."]
    assert all(a.owner is None for a in ex.actions)  # an overview of estimates above is no to-do list


def test_a_label_word_as_the_object_of_a_step_is_no_labelled_action():
    assert not analyse("actiehouder bepalen", "record")
    assert [h.owner.text for h in analyse("Actie: Piet belt de verhuurder.", "record")] == ["Piet"]
    assert [h.kind for h in analyse("Actie: opruimen", "record")] == ["action"]
