"""A Besluit column that PDF text puts after its rows (summarise/extract/columns.py): a tie vote ("Stemmen
staken") is a value of the run like "Aangenomen" or "Verworpen" - the motion is held over, not decided - so the
values still pair with their rows one to one. Text written fresh in the shape of a council's besluitenlijst."""

from __future__ import annotations

from summarise.extract.columns import column_rows

RUN = """Punt   Omschrijving

321001  Motie C.1 Partij A Meer bankjes in het park
321002  Motie C.2 Partij B Een extra bushalte bij het station
321003  Motie C.3 Partij C Gratis zwemles voor alle kinderen

Besluit

Aangenomen
Stemmen staken
Verworpen
"""


def test_a_tie_vote_is_a_held_value_of_the_run():
    rows = column_rows(RUN, 0, len(RUN))
    got = [(RUN[r.subject[0]:r.subject[1]].split()[2], r.kind) for r in rows]
    assert got == [("C.1", "adopted"), ("C.2", "held"), ("C.3", "rejected")]


def test_without_the_tie_value_the_counts_differ_and_nothing_pairs():
    text = RUN.replace("Stemmen staken\n", "")
    assert column_rows(text, 0, len(text)) == []
