"""Questions about the meeting itself: where it met, who chaired it, who took the minutes, who was absent or
present, when it opened ("Waar vergadert het algemeen bestuur op 5 december 2007?", "Wie hadden zich
afgemeld?"). The answer is a header line ("Plaats: Hof van Breda", "Afwezig: ...") or the opening sentence,
not an agenda item's subject: the header ranks up and the line that states the asked fact is quoted first.
The forms are data (notulist/nl/data/retrieval_meeting.toml); the facts are tried in the file's order."""

from __future__ import annotations

import re
from functools import lru_cache

from notulist.nl import Lexicon, lexicon
from retrieval.keyword import stems

_FILE = "retrieval_meeting.toml"


@lru_cache(maxsize=16)
def _facts(lex: Lexicon) -> tuple[tuple[str, re.Pattern[str], re.Pattern[str], frozenset[str]], ...]:
    def joined(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    return tuple((name, joined(f["question"]), joined(f["states"]), frozenset(stems(" ".join(f["words"]))))
                 for name, f in lex.table(_FILE).items())


def asked_facts(question: str) -> list[str]:
    """The meeting facts a question asks for, in the data's order ("Waar en hoe laat ...": place, time)."""
    return [name for name, asks, _, _ in _facts(lexicon()) if asks.search(question)]


def fact_stems(facts: list[str]) -> frozenset[str]:
    """The stems of the words that name the asked facts themselves: no subject of the question."""
    return frozenset().union(*(w for name, _, _, w in _facts(lexicon()) if name in facts))


def states_fact(text: str, facts: list[str]) -> bool:
    """The text states one of the asked facts ("Plaats: ...", "De voorzitter opent om 9.30 uur ...")."""
    return any(states.search(text) for name, _, states, _ in _facts(lexicon()) if name in facts)
