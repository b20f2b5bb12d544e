"""How besluitenlijsten of executive bodies (Gedeputeerde Staten, the college, a board) write their besluiten, as
far as the clause walk needs to know it:

- A list number on a line of its own ("1.", "2)", "1..") is no clause: the sentence splitter cuts it off the besluit
  clause that follows ("Het college besluit:\\n1. In te stemmen met ..."), and a clause that ends in it ("... Het
  college besluit:\\n1.") is the clause without it (`drop_list_numbers`).
"""

from __future__ import annotations

import re

Span = tuple[int, int]

# "1.", "2)", "1..", "a.", "IV." alone
_LIST_NUMBER = re.compile(r"[ \t]*(?:\d{1,3}|[a-z]|[IVX]{1,5})(?:\.{1,2}|\))[ \t]*")


def drop_list_numbers(raw: str, spans: list[Span]) -> list[Span]:
    """The clauses without the list numbers that stand alone on a line: a clause that is only such a number is
    left out, one that ends in such a line ends before it."""
    out: list[Span] = []
    for a, b in spans:
        if _LIST_NUMBER.fullmatch(raw[a:b]):
            continue
        nl = raw.rfind("\n", a, b)
        if nl > a and _LIST_NUMBER.fullmatch(raw[nl + 1:b]) and raw[a:nl].strip():
            b = a + len(raw[a:nl].rstrip())
        out.append((a, b))
    return out
