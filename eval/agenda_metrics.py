"""Agenda items and postponed items scored as ../shared/eval/README.md says: items matched one-to-one by
title, numbers compared where the document writes them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from eval.metrics import PRF, REDACTED, NormText, Ratio, mask_redactions, norm_number, normalize
from notulist.models import AgendaItem

TITLE_THRESHOLD = 85  # rapidfuzz token_set_ratio


def norm_title(title: str) -> str:
    """Normalised title with every redaction mark as the word `gelakt`; punctuation becomes space
    (rapidfuzz's default processor) so "Mededelingen/actualiteiten" has the same tokens as
    "Mededelingen / actualiteiten"."""
    return utils.default_process(normalize(mask_redactions(title)).replace(REDACTED, " gelakt "))


def title_score(a: str, b: str) -> float:
    return fuzz.token_set_ratio(norm_title(a), norm_title(b))


@dataclass
class AgendaScore:
    prf: PRF
    numbers: Ratio  # number agreement over items matched by title alone


def number_written(doc: NormText, number: str | None, title: str) -> bool:
    """The document writes this item number before the item's title ('3. Begroting', 'Agendapunt 3:
    Begroting', '| 3 | Begroting |', '3.' and the title on the next line of a PDF text). The gold numbers
    unnumbered headings 1..n by convention; those numbers are not the document's and need not agree."""
    num = norm_number(number)
    head = norm_title(title)[:30].strip()
    if num is None or not head:
        return False
    for m in re.finditer(rf"(?<![\w.]){re.escape(num)}(?![\w])", doc.text):
        rest = re.sub(r"^[\W_]{0,10}", "", doc.text[m.end():m.end() + 10 + 3 * len(head)])
        if fuzz.ratio(norm_title(rest)[:len(head)], head) >= TITLE_THRESHOLD:
            return True
    return False


def document_numbers_items(doc: NormText, gold: Sequence[tuple[str | None, str]]) -> bool:
    """The document numbers its items: at least half of the gold's numbers are written before their
    titles (a table read column by column writes the rest apart from them). Otherwise the gold's numbers
    are the 1..n of the conventions, and only the titles are matched."""
    numbered = [(n, t) for n, t in gold if norm_number(n) is not None]
    return bool(numbered) and 2 * sum(number_written(doc, n, t) for n, t in numbered) >= len(numbered)


def score_agenda(gold: Sequence[tuple[str | None, str]], predicted: Sequence[tuple[str | None, str]],
                 numbered_doc: bool = True) -> AgendaScore:
    """Items matched one-to-one by title (token_set_ratio >= 85, redactions equal); where the document
    numbers its items (`numbered_doc`, see `document_numbers_items`), a gold item's number must agree
    for the match to count. Number agreement is also reported over the title-only matching."""
    written = [numbered_doc and norm_number(g) is not None for g, _t in gold]

    def greedy(require_number: bool) -> list[tuple[int, int]]:
        pairs = []
        for gi, (gnum, gtitle) in enumerate(gold):
            for pi, (pnum, ptitle) in enumerate(predicted):
                s = title_score(gtitle, ptitle)
                if s < TITLE_THRESHOLD:
                    continue
                if require_number and written[gi] and norm_number(gnum) != norm_number(pnum):
                    continue
                pairs.append((s, gi, pi))
        pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
        ug, up, out = set(), set(), []
        for _s, gi, pi in pairs:
            if gi not in ug and pi not in up:
                ug.add(gi)
                up.add(pi)
                out.append((gi, pi))
        return out

    strict = greedy(True)
    loose = greedy(False)
    numbered = [(gi, pi) for gi, pi in loose if written[gi]]
    agree = sum(norm_number(gold[gi][0]) == norm_number(predicted[pi][0]) for gi, pi in numbered)
    return AgendaScore(PRF(len(strict), len(predicted), len(gold)), Ratio(agree, len(numbered)))


def scored_items(items: Sequence[AgendaItem]) -> list[AgendaItem]:
    """Top-level items and items whose number is written; generated sub-item numbers do not count."""
    return [i for i in items if i.numbered or i.parent is None]


def score_postponed(gold: Iterable[str], predicted: Iterable[str]) -> PRF:
    g = {norm_number(x) for x in gold} - {None}
    p = {norm_number(x) for x in predicted} - {None}
    return PRF(len(g & p), len(p), len(g))
