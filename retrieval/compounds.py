"""The question's subject words against the stored vocabulary: their IDF weights, and the Dutch compounds
they are part of ("geluid" -> "geluidsinstallatie"), found by prefix and suffix search over the sorted stems."""

from __future__ import annotations

import bisect
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrieval.snapshot import Snapshot


def subject_weights(subject: list[tuple[str, ...]], snap: "Snapshot",
                    roots: list[tuple[str, ...]] | None = None) -> dict[tuple[str, ...], float]:
    """IDF of each subject word: a rare word ("bureauplan") says more about the subject than a name
    that occurs everywhere; a word found nowhere weighs as much as the rarest word that is found.
    The weight is that of the word as asked (`roots`), not of the compounds it was widened to."""
    n = max(1, len(snap.ids))
    roots = roots if roots is not None and len(roots) == len(subject) else subject
    return {g: math.log(1.0 + n / (max(1, max(snap.df.get(v, 0) for v in root)) + 0.5))
            for g, root in zip(subject, roots)}


def covers_word(group: tuple[str, ...], terms: set[str]) -> bool:
    return any(v in terms for v in group)


MIN_COMPOUND_PART = 4  # the shortest stem that counts as one part of a Dutch compound ("mast", "open")
MIN_COMPOUND_REST = 3  # ... and the shortest other part ("ver|licht"); "wint|er", "geld|ig" are no compounds


class Vocabulary:
    """The stored stems, sorted, to find the compounds a question word is part of."""

    def __init__(self, terms):
        self.terms = frozenset(terms)
        self._sorted = sorted(self.terms)
        self._reversed = sorted(t[::-1] for t in self.terms)  # suffix search as a prefix search

    @staticmethod
    def _with_prefix(sorted_terms: list[str], prefix: str) -> list[str]:
        i = bisect.bisect_left(sorted_terms, prefix)
        out = []
        while i < len(sorted_terms) and sorted_terms[i].startswith(prefix):
            out.append(sorted_terms[i])
            i += 1
        return out

    def starting_with(self, prefix: str) -> list[str]:
        return self._with_prefix(self._sorted, prefix)

    def ending_with(self, suffix: str) -> list[str]:
        return [t[::-1] for t in self._with_prefix(self._reversed, suffix[::-1])]

    def is_word(self, part: str) -> bool:
        """A stored word, also with a linking -s or -e ("geluids|installatie", "preventie|budget")."""
        return any(p in self.terms for p in (part, part[:-1] if part[-1:] in "se" else part))


def compound_matches(question_stem: str, vocabulary: Vocabulary) -> set[str]:
    """Stored stems that contain the question word as one part of a Dutch compound, or that are the head
    (last part) of the question word: the question says "geluid" where the minutes say
    "geluidsinstallatie", "speeltuinverlichting" where they say "verlichting speeltuin". A stored word
    counts as the head of a question compound only where the rest of it is a stored word too
    ("vrijdagavond|open"), so "statush|ouder" and "onder|houd" are not split."""
    q = question_stem
    found: set[str] = set()
    if len(q) >= MIN_COMPOUND_PART:
        found |= {t for t in vocabulary.starting_with(q) if len(t) - len(q) >= MIN_COMPOUND_REST}
        found |= {t for t in vocabulary.ending_with(q) if len(t) - len(q) >= MIN_COMPOUND_REST}
    for cut in range(MIN_COMPOUND_REST, len(q) - MIN_COMPOUND_PART + 1):
        head, modifier = q[cut:], q[:cut]
        if head in vocabulary.terms and vocabulary.is_word(modifier):
            found.add(head)
    return found


def expand_subject(subject: list[tuple[str, ...]], vocabulary: Vocabulary) -> list[tuple[str, ...]]:
    """Each subject word with the stored compounds it is part of (see `compound_matches`); the word's own
    stems stay first."""
    out = []
    for group in subject:
        extra = set().union(*(compound_matches(v, vocabulary) for v in group)) - set(group)
        out.append(tuple(group) + tuple(sorted(extra)))
    return out
