"""Woo/Wob redaction marks: find them with exact spans and show each as one token, e.g. `[gelakt 5.1.2e]`.

Redaction tools leave the legal ground where a name (or passage) was blacked out. In extracted text that
shows up as `5.1, 2, e` (Woo art. 5.1 lid 2 sub e), sometimes glued to the rest of a word
(`5.1, 2, e irecteur`), wrapped in `<sup>`, mangled (`5.1, 2, €`), or written as `5.1.2e`, `5.1.2.e`,
`5.1 lid 2 sub e`, `art. 5.1 lid 2 onder e Woo`, or the old Wob grounds `10.2e`, `10 lid 2 sub e`, `11.1 Wob`.

Ordinary numbers in Dutch text ("5.1 miljoen", "artikel 5.2 van de begroting", "punt 5.1", "10.30 uur",
"2.1 Voortgang") are NOT marks: a ground with a letter (sub a..i) must carry that letter in one of the
shapes above, and a ground without a letter (5.1.5, 5.2, 11.1) only counts when the law is named
("5.2 Woo", "art. 11.1 Wob"), because a bare "5.2" is far more often a section or article number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notulist.models import Redaction

# Which letters each lettered ground has (Woo 5.1 lid 1 a-e, lid 2 a-i; Wob 10 lid 1 a-d, lid 2 a-g).
_LETTERS = {("5.1", "1"): "abcde", ("5.1", "2"): "abcdefghi", ("10", "1"): "abcd", ("10", "2"): "abcdefg"}
_ORDINALS = {"eerste": "1", "tweede": "2", "vijfde": "5"}

_LEFT = r"(?<![\w.,])(?<!\d[.,] )"  # not the tail of a longer number ("15.1", "2.5.1") or a list "4, 5.1"
# the comma form is specific enough to follow a comma ("Peter, 5.1, 2, e") or a letter (two marks run
# together in extracted text: "5.1, 2, e5.1, 2, e")
_LEFT_COMMA = r"(?<![\d.])"
_ART = r"(?:(?i:art(?:ikel)?)\.?\s*)?"
_LAW = r"(?:,?\s*(?i:van\s+de\s+)?(?P<law>Woo|Wob|WOO|WOB)\b)"
# a lower-case letter or hyphen right after the ground letter makes it a word ("5.1.2 en", "5.1.2 e-mail")
_LETTER = r"(?P<x>[a-i€])(?![a-zà-ÿ-])"
_LID = r"(?P<{name}>[12]|eerste|tweede)"
_SUB = r"(?i:sub|onder|aanhef\s+en\s+onder)"

_PATTERNS = [
    # 5.1, 2, e  /  10, 2, e  (what redaction tools print; "€" is a mangled "e")
    _LEFT_COMMA + _ART + r"(?P<a>5\.1|10), ?(?P<l>[12]), ?" + _LETTER + _LAW + "?",
    # 5.1.2e  5.1.2.e  5.1.2 e  5.1.2 sub e  10.2e  10.2.e  10.2 sub e (not "10.2 e": too much like a list)
    _LEFT + _ART + r"(?P<a>5\.1)\.(?P<l>[12])(?:\.|\s(?:" + _SUB + r"\s)?)?" + _LETTER + _LAW + "?",
    _LEFT + _ART + r"(?P<a>10)\.(?P<l>[12])(?:\.|\s" + _SUB + r"\s)?" + _LETTER + _LAW + "?",
    # OCR noise: stray spaces around the dots of a scanned mark (5.1 .2 e, 5 .1.2e, 5.1. 2 e)
    _LEFT + r"(?P<a>5 ?\. ?1) ?[.,] ?(?P<l>[12]) ?[.,]? ?" + _LETTER + _LAW + "?",
    # 5.1 lid 2 sub e  /  art. 5.1 lid 2 onder e Woo  /  artikel 5.1, tweede lid, onder e  /  10 lid 2 sub e
    _LEFT + _ART + r"(?P<a>5\.1|10)(?:,?\s*(?i:lid)\s*" + _LID.format(name="l") + r"|,?\s*" + _LID.format(name="l2")
    + r"\s+(?i:lid))"
    + r",?\s*" + _SUB + r"\s*" + _LETTER + _LAW + "?",
    # letterless grounds, only with the law named: 5.1.5 Woo, 5.1 lid 5 Woo, 5.2 Woo, 5.2.1 Woo, 11.1 Wob
    _LEFT + _ART + r"(?P<a>5\.1\.5|5\.1,?\s*(?i:lid)\s*5|5\.1,?\s*vijfde\s+lid|5\.2(?:\.1|,?\s*(?i:lid)\s*1)?"
    + r"|11\.1|11,?\s*(?i:lid)\s*1)" + _LAW,
]
_COMPILED = [re.compile(p) for p in _PATTERNS]
# a black box that OCR read as a run of block symbols: a redaction whose ground is not written
_BOX = re.compile(r"[\u2580-\u259f\u25a0-\u25a1\u25aa\u25ac\u25ae\u25fc\u2b1b]{2,}")
_SUP = re.compile(r"<sup>\s*$", re.IGNORECASE)
_SUP_END = re.compile(r"^\s*</sup>", re.IGNORECASE)


@dataclass
class _Hit:
    start: int
    end: int
    ground: str


def _ground(m: re.Match) -> str | None:
    """The normalised ground of a match ("5.1.2e", "5.2", "10.2e", "11.1"), or None if not a real ground."""
    article = re.sub(r"\s+", "", m.group("a"))
    letter = m.groupdict().get("x")
    lid = m.groupdict().get("l") or m.groupdict().get("l2")
    if letter is None:  # letterless pattern
        if article.startswith("5.1"):
            return "5.1.5"
        if article.startswith("5.2"):
            return "5.2"
        return "11.1"
    lid = _ORDINALS.get(lid, lid)
    letter = "e" if letter == "€" else letter
    if letter not in _LETTERS.get((article, lid), ""):
        return None
    return f"{article}.{lid}{letter}"


def find_redactions(text: str) -> list[Redaction]:
    """Every redaction mark in `text`, in order, non-overlapping; `original == text[start:end]`.

    Two marks written back to back (`5.1, 2, €5.1, 2, e`, `5.1, 2, e<sup>5.1, 2, e</sup>`) stay two
    marks: each stands for one blacked-out span, and merging them would hide that two names were removed.
    """
    hits: list[_Hit] = []
    for pattern in _COMPILED:
        pos = 0
        while True:
            m = pattern.search(text, pos)
            if m is None:
                break
            ground = _ground(m)
            if ground is None:
                pos = m.start() + 1
                continue
            hits.append(_Hit(m.start(), m.end(), ground))
            pos = m.end()
    hits += [_Hit(m.start(), m.end(), "") for m in _BOX.finditer(text)]
    # earliest first, longest first at the same start; drop overlaps
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[_Hit] = []
    for hit in hits:
        if chosen and hit.start < chosen[-1].end:
            continue
        chosen.append(hit)
    result: list[Redaction] = []
    chosen_spans: list[int] = []  # ends of marks already emitted, so a widened <sup> span never overlaps
    for hit in chosen:
        start, end = hit.start, hit.end
        window = text[max(0, start - 12):start]
        before, after = _SUP.search(window), _SUP_END.match(text[end:end + 12])
        if before and after and (not chosen_spans or chosen_spans[-1] <= start - len(window) + before.start()):
            # <sup>5.1, 2, e</sup> is one mark, tags included
            start, end = start - len(window) + before.start(), end + after.end()
        chosen_spans.append(end)
        result.append(Redaction(start=start, end=end, original=text[start:end], ground=hit.ground,
                                token=f"[gelakt {hit.ground}]" if hit.ground else "[gelakt]"))
    return result


def display_text(text: str, redactions: list[Redaction], offset: int = 0) -> str:
    """`text` with each mark replaced by its token, for showing to people.

    `text` may be a slice of the raw text that starts at `offset`; marks outside it are ignored and a
    mark cut by the slice edge is replaced as a whole token only if it lies fully inside.
    """
    out: list[str] = []
    pos = 0
    for r in sorted(redactions, key=lambda r: r.start):
        start, end = r.start - offset, r.end - offset
        if start < pos or end > len(text) or start < 0:
            continue
        out.append(text[pos:start])
        out.append(r.token)
        pos = end
    out.append(text[pos:])
    return "".join(out)
