"""Clauses: the exact spans the rule engine reads (the one implementation is notulist.text), and whether
a clause is a question."""

from __future__ import annotations

import re

from notulist.nl import lexicon
from notulist.text import clause_spans, lines_start

from summarise.rules.cues import cue

split_clauses = clause_spans  # the rule engine's name for it


def abbreviations() -> frozenset[str]:
    """The abbreviations whose dot does not end a clause (notulist/nl/data/abbreviations.txt)."""
    return lexicon().abbreviations


def is_question(text: str) -> bool:
    """A clause that ends in a question mark (not a bracketed "(?)" remark)."""
    return text.rstrip(" *_)]").endswith("?") and not re.search(r"\([^)]*\?\)\s*$", text)


def is_question_like(text: str) -> bool:
    """A question, or one put to the meeting as reported speech ("Tom vraagt of ...": the request family)."""
    return is_question(text) or bool(cue("request").search(text))


_is_question = is_question  # the old private name, used by extraction

__all__ = ["abbreviations", "is_question", "is_question_like", "lines_start", "split_clauses"]
