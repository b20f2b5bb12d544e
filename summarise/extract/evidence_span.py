"""Where an action's evidence starts and who its initials name: the short sentence before a task that points back at
it with a pronoun ("Er moet een printer komen. Pascal regelt dit."), and initials alone after the task ("... weg wijs te
maken\n(SG) AS"). Used by summarise/extract/regions.py while it walks an item's clauses."""

from __future__ import annotations

import re

# a pronoun that stands for what the sentence before says ("Er moet een printer komen. Pascal regelt dit.", "Rennie gaat
# hierachteraan", "Janneke schrijft ze in"): "dit"/"dat"/"ze" as the object, not as a determiner ("dit verslag")
_ANAPHOR = re.compile(r"\b(?:dit|dat|ze|deze)(?=\s*(?:[.,;:!?)]|$|\s+(?:nog|even|alsnog|verder|ook|dan|wel|zelf|graag|op|aan|uit|"
                      r"na|mee|door|in|af|voor|bij|samen|met|te|nader|z\.s\.m\.?)\b))|\bhier(?:aan|achteraan|naar|over|mee|voor|"
                      r"op|in|bij)\b|\ber(?:naar|achteraan|aan|mee|voor|op|over)\b", re.I)


# the initials of who acts, alone at the end of the line after the task (gold keeps them as written)
_TRAILING_INITIALS = re.compile(r"[ \t]*(?:\n[ \t]*)?(?:\([A-Z]{2,3}\)[ \t]*)?(?P<ini>[A-Z]{2,3})[ \t]*(?=\n|$)")


_INITIALS_AT_END = re.compile(r"(?:\n[ \t]*(?:\([A-Z]{2,3}\)[ \t]*)?|[.!)][ \t]+)(?P<ini>[A-Z]{2,3})[ \t]*$")


def antecedent_start(w, norm: str, s: int) -> int:
    """Where the action's evidence starts: at the sentence before when this one points back at it with a pronoun
    ("De kosten staan niet op de begroting. Hans past dit nog even aan."), that sentence short, in the same
    paragraph and recording nothing itself."""
    prev = w.prev_clause
    if prev is None or not _points_back(norm, prev[2]) or not 0 <= s - prev[1] < 40 or "\n\n" in w.raw[prev[1]:s]:
        return s
    if prev[1] - prev[0] > 160 or prev[2].rstrip().endswith(":") or (w.last_hit is not None and w.last_end > prev[0]):
        return s
    return prev[0]


def _points_back(norm: str, before: str) -> bool:
    """"dit"/"hierachteraan" as the object, or "deze workshop" where the sentence before names a workshop."""
    if _ANAPHOR.search(norm):
        return True
    return any(len(noun) >= 4 and re.search(re.escape(noun), before, re.I)
               for noun in re.findall(r"\b(?:deze|die|dit|dat)\s+([a-zé][\w-]+)", norm, re.I))


def trailing_initials(raw: str, s: int, e: int) -> re.Match[str] | None:
    """The initials (group `ini`) right after raw[s:e] or ending it on their own, else None."""
    return _TRAILING_INITIALS.match(raw, e) or _INITIALS_AT_END.search(raw, s, e)
