"""Structural action paths need a task shape: a table is an action table only with a task-named action column
(or a term/status column beside a generic one), never a programme with a time column, never a prose line."""

from __future__ import annotations

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from summarise.extract import extract_meeting

NOTES = """# Pilotgroep Basisregistratie - notities overleg 8 februari 2023

Aanwezig: Kadaster (Eva, Tom), gemeente Ede (Sanne), gemeente Zwolle (Bart)

## 1. Agenda en opening

| Tijd | Onderwerp | Wie |
|---|---|---|
| 10:00 | Opening en mededelingen | Eva |
| 10:10 | Stand van zaken pilots | Sanne, Bart |
| 10:40 | Demo nieuwe viewer | Tom |

## 2. Demo nieuwe viewer

Tom liet de nieuwe viewer zien. De reacties waren positief.

| Onderwerp | Omschrijving | Door |
|---|---|---|
| Viewer | Nieuwe kaartlagen toegevoegd | Tom |
| Validator | Versie 2.1 uitgebracht | Eva |

## 3. Acties

| Actie | Wie |
|---|---|
| Testdata delen met Zwolle | Sanne |

Zwolle vraagt om een betere handleiding.

| Wat | Wie | Deadline |
|---|---|---|
| Handleiding aanpassen | Eva | 1 maart |
"""


def _actions(text: str, filename: str, settings):
    source = load_document(filename, text.encode(), settings=settings)
    return extract_meeting(parse_meeting(source), {source.id: source}).actions


def test_programme_and_report_tables_give_no_actions_task_tables_do(settings):
    actions = _actions(NOTES, "2023-02-08_pilotgroep-basisregistratie_notities.md", settings)
    quotes = [a.citation.quote for a in actions]
    assert not [q for q in quotes if "10:" in q]  # the programme: who presents what at what time
    assert not [q for q in quotes if "toegevoegd" in q or "uitgebracht" in q]  # "Omschrijving | Door": a report
    owners = sorted(a.owner for a in actions)
    assert owners == ["Eva", "Sanne"], quotes  # "Actie | Wie" and "Wat | Wie | Deadline" are action tables
