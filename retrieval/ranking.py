"""How the hybrid search ranks: the fusion weights, the fused score of every allowed chunk, and the
corrections after it (a note ranks above the prepared text of its own item; a postponement mark hands its
score to the chunks that say what was postponed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel

from notulist.models import Chunk
from retrieval import snapshot as snapshots
from retrieval.compounds import covers_word
from retrieval.intent import Intent, matches_day
from retrieval.meeting_facts import states_fact
from retrieval.snapshot import Snapshot


class SearchHit(BaseModel):
    """One retrieved chunk with its fused score and the parts it was made of (for answers and debugging)."""

    chunk: Chunk
    score: float
    dense: float = 0.0
    keyword: float = 0.0
    coverage: float = 0.0  # share of the question's subject stems found in the chunk (or its item title)


@dataclass
class FusionWeights:
    """Weighted fusion of normalised scores; tuned on the seeds with general features only."""

    dense: float = 1.0
    keyword: float = 0.6
    coverage: float = 0.6
    note_prior: float = 0.2  # text written in the meeting records what came of an item
    note_agreement: float = 0.4  # agreement questions: what was said in the meeting first
    cue_agreement: float = 0.3  # ... and a chunk with the asked kind of cue ("Besluit:", "Afspraak:")
    person_tasks: float = 0.5  # task questions: chunks naming the person ...
    task_cue: float = 0.3  # ... with an action form ("zou", "pakt op", "komt terug op")
    postponed_item: float = 0.5  # postponed questions: the items that carry a postponement mark
    postponed_mark: float = 0.5  # a bare "Volgende keer" ranks below the text that says what was postponed
    day_match: float = 0.2  # the question names a meeting date
    item_ref: float = 0.3  # the question names an agenda item number ("punt 3")
    header_penalty: float = 0.1  # the meeting header rarely answers a subject question
    meeting_fact: float = 0.4  # a question about the meeting itself: a chunk that states the asked fact
    #   ("Plaats: ...", "Afwezig: ...", "De voorzitter opent om 9.30 uur ..."), the header no less than the items


# more chunks pointed at by postponement marks than this (a large corpus): only those the marks among the
# best candidates point at stay candidates, so a postponed question does not turn thousands into hits
MAX_POINTED = 400


def notes_answer_their_item(hits: list[SearchHit], subject: list[tuple[str, ...]], cue: set[str], snap: Snapshot,
                        idx: np.ndarray) -> None:
    """The prepared text of an item asks, its notes record the answer: a note that shares a subject
    word (or the asked cue) ranks just above its own item's prepared text."""
    best: dict[tuple[str, str | None], float] = {}
    for h in hits:
        if h.chunk.kind == "agenda":
            key = (h.chunk.meeting_id, h.chunk.item)
            best[key] = max(best.get(key, -1e9), h.score)
    for j, h in enumerate(hits):
        if h.chunk.kind != "note":
            continue
        i = int(idx[j])
        own = sum(1 for g in subject if covers_word(g, snap.doc_stems[i])) / len(subject) if subject else 0.0
        if own == 0 and not (cue & snap.cues[i]):
            continue
        top = best.get((h.chunk.meeting_id, h.chunk.item))
        if top is not None and h.score < top:
            h.score = top + 0.01 + 0.02 * own

def pointed_at(snap: Snapshot, idx: np.ndarray, order: np.ndarray, top: np.ndarray) -> np.ndarray:
    """The positions (into idx, in score order) beyond `top` of chunks a postponement mark points at;
    past MAX_POINTED only those the marks within `top` point at."""
    rest = order[len(top):]
    pointed = rest[snap.anchored[idx[rest]]]
    if len(pointed) <= MAX_POINTED:
        return pointed
    wanted = [a for m in idx[top].tolist() for a in snap.postponed_anchors.get(m, ())]
    return pointed[np.isin(idx[pointed], np.asarray(wanted, dtype=idx.dtype))] if wanted else pointed[:0]

def point_at_postponed(hits: list[SearchHit], idx: np.ndarray, snap: Snapshot, w: FusionWeights) -> None:
    """A postponement mark hands its score to the chunks that say what was postponed."""
    at = {int(i): j for j, i in enumerate(idx)}
    for note, anchors in snap.postponed_anchors.items():
        if note not in at:
            continue
        mark = hits[at[note]]
        for rank, a in enumerate(anchors):
            if a in at:
                target = hits[at[a]]
                target.score = max(target.score, mark.score + 0.05 - 0.01 * rank)
        mark.score -= w.postponed_mark

def fused(w: FusionWeights, snap: Snapshot, idx: np.ndarray, intent: Intent, d_norm: np.ndarray, kw_norm: np.ndarray,
      coverage: np.ndarray, asked_cue: set[str], note_prior: float) -> np.ndarray:
    """The fused score of every allowed chunk (float32): dense + keyword + subject coverage, then the
    intent's corrections, each added as one vector operation in the order the weights list them."""
    score = w.dense * d_norm + w.keyword * kw_norm + (w.coverage * coverage).astype(np.float32)
    kind = snap.kind[idx]
    bits = snap.cue_bits[idx]
    score[kind == snapshots.KIND_CODES["header"]] -= w.header_penalty
    note = kind == snapshots.KIND_CODES["note"]
    if note_prior:
        score[note] += note_prior
    if intent.kind == "agreement":
        score[note] += w.note_agreement
        asked = sum(snapshots.CUE_BITS[c] for c in asked_cue)
        score[(bits & asked) != 0] += w.cue_agreement
    person = intent.person.casefold() if intent.person else None
    if intent.kind == "tasks" and person:
        named = snapshots.naming(snap, person)[idx]
        task = (bits & snapshots.CUE_BITS["task"]) != 0
        score[named & task] += w.person_tasks + w.task_cue
        score[named & ~task] += w.person_tasks + 0.0
    if intent.kind == "postponed":
        score[snap.in_postponed_item[idx]] += w.postponed_item
    if intent.item_ref:
        score[snap.columns["item_lower"][idx] == intent.item_ref] += w.item_ref
    if intent.meeting_facts:
        score[kind == snapshots.KIND_CODES["header"]] += w.header_penalty
        states = np.fromiter((states_fact(snap.documents[i], intent.meeting_facts) for i in idx), bool, len(idx))
        score[states] += w.meeting_fact
    if intent.day:
        day = intent.day
        score[snapshots.on_day(snap, lambda d: matches_day(day, d), dt.date.fromisoformat)[idx]] += w.day_match
    return score
