"""An action table flattened to text ("Actie Wie Wanneer" and one row a line, cells joined by single spaces): each
row with a holder or a term is an action, the holder the last run of names before the term."""

from __future__ import annotations

import datetime as dt

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from summarise.extract import rule_extract
from summarise.extract.flat_rows import row_owner_and_term

_MINUTES = """Notulen MR vergadering 10 september 2018

Aanwezig: Joris, Lili, Daphne, Marion, Susan

1. Opening

2. Actielijst
Actie Wie Wanneer
Gastspreker uitnodigen om het leesbeleid toe te lichten Susan Voor 8 oktober
Foto's aanleveren voor de website Marion, Lili en Joris z.s.m
Lili afwezig i.v.m. ouderavond. Dit wordt onderzocht.
Het cultuurbeleid op de agenda zetten Dit schooljaar
Notulen op de website zetten Daphne

3. Jaarplan
Het jaarplan wordt besproken.
"""


def test_rows_of_a_flattened_action_table(settings):
    source = load_document("mr.txt", _MINUTES.encode(), settings=settings)
    actions = rule_extract(parse_meeting(source), {source.id: source}).actions
    got = [(a.citation.quote, a.owner, a.due_date) for a in actions]
    assert got == [
        ("Gastspreker uitnodigen om het leesbeleid toe te lichten Susan Voor 8 oktober", "Susan", dt.date(2018, 10, 8)),
        ("Foto's aanleveren voor de website Marion, Lili en Joris z.s.m", "Marion, Lili en Joris", None),
        ("Het cultuurbeleid op de agenda zetten Dit schooljaar", None, None),
        ("Notulen op de website zetten Daphne", "Daphne", None),
    ], got


def test_the_holder_is_the_last_name_run_before_the_term():
    assert row_owner_and_term("De kalender is niet up-to-date. Erna belt Gerben Directie z.s.m.") == ("Directie", "z.s.m.")
    assert row_owner_and_term("Kirsty uitnodigen om te spreken Daphne 8 april 19:30 uur") == ("Daphne", "8 april 19:30 uur")
    assert row_owner_and_term("Jaarplan op de agenda zetten Joris 2x per jaar") == ("Joris", "2x per jaar")
