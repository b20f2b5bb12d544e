"""The scoring rules of ../shared/eval/README.md, implemented once so every run is comparable.

All matching happens in the *normalised* document (NFKC, whitespace collapsed, lower case). Predicted
spans are character offsets into a stored source's raw text; `NormText` maps them to normalised
offsets, and gold evidence is located in the same normalised text, so both sides are compared in one
coordinate system. Agenda items are scored in `eval.agenda_metrics`, retrieval hits and answers in
`eval.answer_metrics`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields

from ingest.redactions import find_redactions
from notulist.models import Citation

Span = tuple[int, int]

RANKS = (1, 3, 5)


# --------------------------------------------------------------------------- normalisation


def _norm_piece(piece: str) -> str:
    return unicodedata.normalize("NFKC", piece).lower()


def normalize(text: str | None) -> str:
    """NFKC, whitespace collapsed to one space (and stripped), lower case."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def _segments(raw: str) -> Iterable[tuple[int, int]]:
    """Raw text cut before every starter character, so NFKC never composes across two segments."""
    start = 0
    for i in range(1, len(raw)):
        if unicodedata.combining(raw[i]) == 0:
            yield start, i
            start = i
    if raw:
        yield start, len(raw)


class NormText:
    """A raw text, its normalised form and the map raw offset -> normalised offset."""

    def __init__(self, raw: str):
        self.raw = raw
        out: list[str] = []
        offsets = [0] * (len(raw) + 1)
        pos = 0
        in_space = False
        for start, end in _segments(raw):
            piece = _norm_piece(raw[start:end])
            if piece and piece.isspace():
                offsets[start:end] = [pos] * (end - start)
                if not in_space:
                    out.append(" ")
                    pos += 1
                    # a span starting inside the whitespace run starts after the single space
                    for i in range(start + 1, end):
                        offsets[i] = pos
                in_space = True
                continue
            in_space = False
            # whitespace inside a normalised piece (rare, e.g. NFKC of some symbols) is collapsed too
            piece = re.sub(r"\s+", " ", piece)
            for i in range(start, end):
                offsets[i] = pos
            out.append(piece)
            pos += len(piece)
        offsets[len(raw)] = pos
        # offsets for the later whitespace characters of a run point after the space
        self.text = "".join(out)
        self.offsets = offsets

    def span(self, start: int, end: int) -> Span:
        """Normalised span of raw[start:end] (offsets clipped to the text)."""
        n = len(self.raw)
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if end < start:
            start, end = end, start
        return self.offsets[start], self.offsets[end]

    def locate(self, quote: str) -> list[Span]:
        """Normalised spans of the gold quote: every exact occurrence in the raw text, mapped through
        the offset map; only when the raw text has none (a gold quote that differs in whitespace or case),
        the occurrences of the normalised quote in the normalised text."""
        if quote:
            raw_hits, i = [], self.raw.find(quote)
            while i >= 0:
                raw_hits.append(self.span(i, i + len(quote)))
                i = self.raw.find(quote, i + 1)
            if raw_hits:
                return raw_hits
        return self.find_all(quote)

    def find_all(self, quote: str) -> list[Span]:
        """Every occurrence of the normalised quote in the normalised text (overlapping ones too)."""
        needle = normalize(quote)
        if not needle:
            return []
        found, i = [], self.text.find(needle)
        while i >= 0:
            found.append((i, i + len(needle)))
            i = self.text.find(needle, i + 1)
        return found


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# --------------------------------------------------------------------------- counters


@dataclass
class PRF:
    """Counts for precision / recall / F1; summed over documents for the micro average."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.n_pred + other.n_pred, self.n_gold + other.n_gold)

    @property
    def precision(self) -> float:
        # nothing predicted: perfect if there was nothing to find, else 0
        if self.n_pred == 0:
            return 1.0 if self.n_gold == 0 else 0.0
        return self.tp / self.n_pred

    @property
    def recall(self) -> float:
        # nothing to find: perfect if nothing was predicted, else 0 (predictions are all wrong)
        if self.n_gold == 0:
            return 1.0 if self.n_pred == 0 else 0.0
        return self.tp / self.n_gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Ratio:
    """hits / total; None (not defined) when there was nothing to count."""

    hits: float = 0
    total: int = 0

    def __add__(self, other: "Ratio") -> "Ratio":
        return Ratio(self.hits + other.hits, self.total + other.total)

    @property
    def value(self) -> float | None:
        return None if self.total == 0 else self.hits / self.total


# --------------------------------------------------------------------------- decisions and actions


def _match_allowed(pred: Span, gold: Span) -> int:
    """Overlap (chars) when `pred` points at `gold` by the README rule, else 0."""
    glen = gold[1] - gold[0]
    plen = pred[1] - pred[0]
    if glen <= 0 or plen <= 0:
        return 0
    if plen > max(3 * glen, glen + 200):  # quoting a whole item is not pointing at the decision
        return 0
    ov = overlap(pred, gold)
    return ov if 2 * ov >= glen else 0


def match_spans(gold: Sequence[Sequence[Span]], preds: Sequence[Span | None]) -> list[tuple[int, int]]:
    """One-to-one matching of gold items (each with every occurrence of its evidence) to predicted
    spans: all allowed pairs, best overlap first (share of the gold span covered, then characters,
    then the shorter prediction), each gold and each prediction used at most once."""
    pairs = []
    for gi, occurrences in enumerate(gold):
        for pi, pred in enumerate(preds):
            if pred is None:
                continue
            best = None
            for occ in occurrences:
                ov = _match_allowed(pred, occ)
                if ov:
                    key = (ov / (occ[1] - occ[0]), ov, -(pred[1] - pred[0]))
                    best = key if best is None or key > best else best
            if best is not None:
                pairs.append((best, gi, pi))
    pairs.sort(key=lambda t: (-t[0][0], -t[0][1], -t[0][2], t[1], t[2]))
    used_g, used_p, matches = set(), set(), []
    for _key, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matches.append((gi, pi))
    return sorted(matches)


def citation_span(citation: Citation, source_id: str, doc: NormText) -> Span | None:
    """The normalised span a citation points at in this document (None: another source)."""
    if citation.source_id != source_id:
        return None
    return doc.span(citation.start, citation.end)


# --------------------------------------------------------------------------- owners, dates, items

_SUP = re.compile(r"<sup>.*?</sup>", re.I | re.S)
_DISPLAY = re.compile(r"\[\s*gelakt[^\]]*\]", re.I)
REDACTED = "\u2588"  # one token for "a redaction mark was here", whatever its spelling


def mask_redactions(text: str) -> str:
    """Every spelling of a redaction mark (`5.1, 2, e`, `5.1.2e`, `<sup>…</sup>`, `[gelakt …]`) -> one token."""
    text = _DISPLAY.sub(f" {REDACTED} ", text)
    for r in sorted(find_redactions(text), key=lambda r: r.start, reverse=True):  # ingest decides what a mark is
        text = f"{text[:r.start]} {REDACTED} {text[r.end:]}"
    text = _SUP.sub(f" {REDACTED} ", text)
    return re.sub(rf"{REDACTED}(?:\s*{REDACTED})+", REDACTED, text)


def is_redacted_name(text: str | None) -> bool:
    return bool(text) and REDACTED in mask_redactions(text)


def norm_owner(owner: str | None, redacted: bool = False) -> str | None:
    """A redacted or missing owner is null; otherwise case-insensitive text."""
    if redacted or owner is None or not owner.strip() or is_redacted_name(owner):
        return None
    return normalize(owner)


def norm_number(number: str | None) -> str | None:
    if number is None:
        return None
    n = re.sub(r"\s+", "", normalize(number)).rstrip(".")
    return n or None


# --------------------------------------------------------------------------- retrieval counts


@dataclass
class RetrievalCounts:
    questions: int = 0
    hits: dict[int, int] = field(default_factory=lambda: {k: 0 for k in RANKS})
    rr: float = 0.0

    def add_rank(self, rank: int | None) -> None:
        self.questions += 1
        for k in RANKS:
            self.hits[k] += int(rank is not None and rank <= k)
        self.rr += 0.0 if rank is None or rank > max(RANKS) else 1.0 / rank

    def __add__(self, other: "RetrievalCounts") -> "RetrievalCounts":
        return RetrievalCounts(self.questions + other.questions,
                               {k: self.hits[k] + other.hits[k] for k in RANKS}, self.rr + other.rr)

    def as_dict(self) -> dict[str, float | None]:
        n = self.questions
        out: dict[str, float | None] = {f"hit@{k}": (self.hits[k] / n if n else None) for k in RANKS}
        out["mrr"] = self.rr / n if n else None
        return out


# --------------------------------------------------------------------------- per-document totals


@dataclass
class Scores:
    """Every count of one document (or a sum of documents): the report is computed from these."""

    decisions: PRF = field(default_factory=PRF)
    actions: PRF = field(default_factory=PRF)
    owner: Ratio = field(default_factory=Ratio)
    due: Ratio = field(default_factory=Ratio)
    postponed: PRF = field(default_factory=PRF)
    agenda: PRF = field(default_factory=PRF)
    agenda_numbers: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    retrieval: RetrievalCounts = field(default_factory=RetrievalCounts)
    key_facts: Ratio = field(default_factory=Ratio)
    citations: Ratio = field(default_factory=Ratio)
    non_exact: Ratio = field(default_factory=Ratio)

    def __add__(self, other: "Scores") -> "Scores":
        return Scores(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def report(self) -> dict:
        """The fixed report.json structure."""
        return {
            "decisions": self.decisions.as_dict(),
            "actions": {**self.actions.as_dict(), "owner_accuracy": self.owner.value,
                        "due_accuracy": self.due.value},
            "postponed": self.postponed.as_dict(),
            "agenda_items": {"f1": self.agenda.f1},
            "meeting_date": {"accuracy": self.date.value},
            "retrieval": self.retrieval.as_dict(),
            "answers": {"key_fact_recall": self.key_facts.value, "citation_accuracy": self.citations.value,
                        # no quotes cited: none of them is inexact
                        "non_exact_quotes": self.non_exact.value if self.non_exact.total else 0.0},
        }

    def details(self) -> dict:
        """Counts behind the scores (for report.md and debugging a drop)."""
        return {
            "decisions": vars(self.decisions).copy(), "actions": vars(self.actions).copy(),
            "owner": vars(self.owner).copy(), "due": vars(self.due).copy(),
            "postponed": vars(self.postponed).copy(),
            "agenda_items": {**vars(self.agenda), "precision": self.agenda.precision,
                             "recall": self.agenda.recall, "number_agreement": self.agenda_numbers.value},
            "questions": self.retrieval.questions,
            "key_facts": vars(self.key_facts).copy(), "cited_quotes": self.non_exact.total,
            "non_exact_quotes": self.non_exact.hits,
        }


def sum_scores(items: Iterable[Scores]) -> Scores:
    total = Scores()
    for s in items:
        total = total + s
    return total
