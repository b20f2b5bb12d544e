"""Matching agenda-item titles across documents (normalised titles, acronyms, similarity)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ingest.parse.lines import plain
from notulist.models import AgendaItem


def norm_title(title: str) -> str:
    t = plain(title).lower()
    t = re.sub(r"\[gelakt [^\]]*\]", " ", t)
    t = re.sub(r"[-/]", " ", t)
    t = re.sub(r"[^\w ]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def title_similarity(a: str, b: str) -> float:
    """Similarity of two item titles (0-100), treating an acronym as its words ('MO' = 'Midden-Oosten')."""
    ta, tb = norm_title(a), norm_title(b)
    if not ta or not tb:
        return 0.0
    ta, tb = _expand_acronyms(ta, tb), _expand_acronyms(tb, ta)
    return max(fuzz.token_set_ratio(ta, tb) if min(len(ta.split()), len(tb.split())) >= 2 else fuzz.ratio(ta, tb),
               fuzz.ratio(ta, tb))


def _expand_acronyms(a: str, b: str) -> str:
    """Replace a short token of `a` by the run of words in `b` whose initials spell it."""
    words_b = b.split()
    out = []
    for w in a.split():
        if 2 <= len(w) <= 5 and w not in words_b:
            for i in range(len(words_b) - len(w) + 1):
                run = words_b[i:i + len(w)]
                if "".join(x[0] for x in run) == w:
                    out.append(" ".join(run))
                    break
            else:
                out.append(w)
        else:
            out.append(w)
    return " ".join(out)


def match_items(a: list[AgendaItem], b: list[AgendaItem], *, threshold: float = 80) -> list[tuple[int, int]]:
    """One-to-one pairs (index in a, index in b) of items with similar titles, best pairs first."""
    pairs = sorted(((title_similarity(x.title, y.title), i, j) for i, x in enumerate(a) for j, y in enumerate(b)),
                   reverse=True)
    used_a, used_b, out = set(), set(), []
    for score, i, j in pairs:
        if score < threshold or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j))
    return out


_TOKEN = re.compile(r"\S+")


def title_tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    out = []
    for m in _TOKEN.finditer(text, start, end):
        norm = plain(m.group(0)).strip("*_[]()#").lower()
        if norm:
            out.append((norm, m.start(), m.end()))
    return out
