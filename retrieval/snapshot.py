"""The search snapshot: every stored chunk, the keyword index over them, and the per-chunk features the
fused scoring reads, held as arrays so that a question costs vector operations, not a Python loop per chunk.

A snapshot is built from Chroma once per store-wide index version (`MeetingStore.index_version`) and
persisted in the data dir, so a new process (the CLI, a restarted or second `serve`) loads it instead of
re-reading and re-stemming the whole collection; any write to the index bumps the version, and every
process sharing the store rebuilds on its next question.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from retrieval.keyword import KeywordIndex, stems

log = logging.getLogger(__name__)

FORMAT = 3  # bump when the snapshot's fields change: a persisted snapshot of another format is rebuilt
CUE_BITS = {"besluit": 1, "afspraak": 2, "postponed": 4, "task": 8}
KIND_CODES = {"header": 1, "agenda": 2, "note": 3}  # anything else: 0
# what llama-index's Chroma store adds to every chunk's metadata (the whole node again as JSON, ~90% of
# the metadata): the snapshot never reads it, so it does not keep it
LLAMA_KEYS = frozenset({"_node_content", "_node_type", "ref_doc_id", "document_id", "doc_id"})


class MetaTable(Sequence):
    """The chunks' Chroma metadata as columns: per key one array of codes into that key's distinct values
    (-1: the chunk has no such key). Reads like the list of dicts it was made from (`table[i]` is chunk i's
    dict again), but holds and pickles a few arrays instead of a dict per chunk (at 111k chunks the
    dicts were 158 MB of a 230 MB snapshot and most of its load time)."""

    def __init__(self, metas: list[dict]):
        self._n = len(metas)
        self._values: dict[str, list] = {}
        self._codes: dict[str, np.ndarray] = {}
        for key in dict.fromkeys(k for m in metas for k in m):
            seen: dict[tuple[type, object], int] = {}
            values: list = []
            codes = np.full(self._n, -1, dtype=np.int32)
            for i, m in enumerate(metas):
                if key in m:
                    v = m[key]
                    tag = (type(v), v)
                    code = seen.get(tag)
                    if code is None:
                        code = seen[tag] = len(values)
                        values.append(v)
                    codes[i] = code
            self._values[key], self._codes[key] = values, codes

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        i = int(i)
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        return {key: self._values[key][c] for key, codes in self._codes.items() if (c := codes[i]) >= 0}


@dataclass
class Snapshot:
    """Everything stored in Chroma at one index version, with the keyword index and feature arrays."""

    version: int
    ids: list[str]
    documents: list[str]
    metadatas: MetaTable  # reads as a list of dicts
    keyword: KeywordIndex
    title_stems: list[set[str]]
    doc_stems: list[set[str]]
    cues: list[set[str]]  # which cue families the chunk's own text has
    df: dict[str, int]  # in how many chunks (text or item title) each stem occurs
    postponed_items: set[tuple[str, str]]  # (meeting_id, item) with a postponement mark in any chunk
    postponed_anchors: dict[int, list[int]]  # postponement note -> chunks that say what was postponed
    position: dict[str, int] = field(default_factory=dict)
    kind: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))  # KIND_CODES
    cue_bits: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))  # CUE_BITS
    columns: dict[str, np.ndarray] = field(default_factory=dict)  # metadata values per chunk, for filters
    in_postponed_item: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # non-note chunk of such an item
    anchored: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # pointed at by a postponement mark
    postings: dict[str, np.ndarray] = field(default_factory=dict)  # stem -> chunks whose text or title has it
    vocabulary: object | None = None  # every stored stem (index.Vocabulary), built at the first question
    _folded: tuple[str, np.ndarray] | None = None  # all texts casefolded and joined, for name search

    def __len__(self) -> int:
        return len(self.ids)


def postponed_anchors(metas: list[dict], cues: list[set[str]]) -> dict[int, list[int]]:
    """For each note that marks a postponement ("Volgende keer"): the chunk with its item's heading and
    the prepared text right before the mark, which together say *what* was postponed. Only the chunks of
    the note's own meeting are looked at (in stored order), so this is linear in the corpus."""
    by_meeting: dict[str, list[int]] = {}
    for j, meta in enumerate(metas):
        if meta.get("kind") != "note":
            by_meeting.setdefault(meta.get("meeting_id", ""), []).append(j)
    anchors: dict[int, list[int]] = {}
    for i, (meta, tags) in enumerate(zip(metas, cues)):
        if "postponed" not in tags or meta.get("kind") != "note":
            continue
        found: list[int] = []
        before = None
        for j in by_meeting.get(meta["meeting_id"], []):
            other = metas[j]
            if other.get("item") == meta.get("item") and other.get("heading"):
                found.append(j)
            if other["source_id"] == meta["source_id"] and other["end"] <= meta["start"]:
                if before is None or other["end"] > metas[before]["end"]:
                    before = j
        if before is not None and before not in found:
            found.append(before)
        anchors[i] = found
    return anchors


def _document_frequency(stem_sets: list[set[str]]) -> dict[str, int]:
    df: dict[str, int] = {}
    for stem_set in stem_sets:
        for stem in stem_set:
            df[stem] = df.get(stem, 0) + 1
    return df


def _postings(stem_sets: list[set[str]]) -> dict[str, np.ndarray]:
    lists: dict[str, list[int]] = {}
    for i, stem_set in enumerate(stem_sets):
        for stem in stem_set:
            lists.setdefault(stem, []).append(i)
    return {stem: np.asarray(rows, dtype=np.int32) for stem, rows in lists.items()}


def _column(metas: list[dict], key: str, default, dtype=object) -> np.ndarray:
    return np.asarray([m.get(key, default) or default for m in metas], dtype=dtype)


def _reused(ids: list[str], docs: list[str], metas: list[dict], earlier: Snapshot | None) -> list[int | None]:
    """Per chunk: its row in the earlier snapshot when text and metadata are the same there, else None."""
    if earlier is None:
        return [None] * len(ids)
    out: list[int | None] = []
    for cid, doc, meta in zip(ids, docs, metas):
        j = earlier.position.get(cid)
        out.append(j if j is not None and earlier.documents[j] == doc and earlier.metadatas[j] == meta else None)
    return out


@contextmanager
def _many_objects() -> Iterator[None]:
    """Around making millions of small objects (a snapshot of 100k chunks): no cyclic garbage collection
    while they are made (it would walk them again and again), and afterwards they are frozen out of it,
    so later collections in a serving process do not walk them either (they are freed by reference count)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()


def build(version: int, ids: list[str], documents: list[str], metadatas: list[dict],
          cue_patterns: dict[str, re.Pattern[str]], earlier: Snapshot | None = None) -> Snapshot:
    """A snapshot of these stored chunks (Chroma's ids, documents and metadatas, in Chroma's order); the
    stems and cues of chunks an `earlier` snapshot already holds unchanged are taken from it."""
    with _many_objects():
        return _build(version, ids, documents, metadatas, cue_patterns, earlier)


def _build(version: int, ids: list[str], documents: list[str], metadatas: list[dict],
           cue_patterns: dict[str, re.Pattern[str]], earlier: Snapshot | None) -> Snapshot:
    docs = [d or "" for d in documents]
    metas = [{k: v for k, v in m.items() if k not in LLAMA_KEYS} if m else {} for m in metadatas]
    titles = [m.get("item_path") or m.get("item_title", "") for m in metas]
    same = _reused(list(ids), docs, metas, earlier)
    cues = [earlier.cues[j] if j is not None else {name for name, rx in cue_patterns.items() if rx.search(d)}
            for d, j in zip(docs, same)]
    title_stems = [earlier.title_stems[j] if j is not None else set(stems(t)) for t, j in zip(titles, same)]
    doc_stems = [earlier.doc_stems[j] if j is not None else set(stems(d)) for d, j in zip(docs, same)]
    both = [d | t for d, t in zip(doc_stems, title_stems)]
    postponed_items = {(m["meeting_id"], m.get("item", "")) for m, c in zip(metas, cues)
                       if "postponed" in c and m.get("kind") == "note"}
    anchors = postponed_anchors(metas, cues)
    snap = Snapshot(
        version=version, ids=list(ids), documents=docs, metadatas=MetaTable(metas),
        keyword=KeywordIndex([f"{t}\n{d}" for t, d in zip(titles, docs)],
                             [earlier.keyword.doc_stems(j) if j is not None else None for j in same]),
        title_stems=title_stems, doc_stems=doc_stems, cues=cues, df=_document_frequency(both),
        postponed_items=postponed_items, postponed_anchors=anchors,
    )
    n = len(ids)
    snap.position = {cid: i for i, cid in enumerate(snap.ids)}
    snap.kind = np.asarray([KIND_CODES.get(m.get("kind", ""), 0) for m in metas], dtype=np.int8)
    snap.cue_bits = np.asarray([sum(CUE_BITS[c] for c in tags if c in CUE_BITS) for tags in cues], dtype=np.int8)
    snap.columns = {
        "series_key": _column(metas, "series_key", ""), "meeting_id": _column(metas, "meeting_id", ""),
        "item": _column(metas, "item", ""), "kind": _column(metas, "kind", ""),
        "date_int": _column(metas, "date_int", 0, np.int64), "date": _column(metas, "date", ""),
    }
    snap.columns["item_lower"] = np.asarray([str(x).lower() for x in snap.columns["item"]], dtype=object)
    snap.in_postponed_item = np.asarray([m.get("kind") != "note" and (m["meeting_id"], m.get("item", "")) in postponed_items
                                         for m in metas], dtype=bool).reshape(n)
    snap.anchored = np.zeros(n, dtype=bool)
    for targets in anchors.values():
        snap.anchored[targets] = True
    snap.postings = _postings(both)
    return snap


# --------------------------------------------------------------------------- per-question features


def caught_up(earlier: Snapshot, changed: set[str], got: dict) -> tuple[list[str], list[str], list[dict]]:
    """The stored chunks after the meetings in `changed` were rewritten, from the earlier snapshot plus
    those meetings' chunks as Chroma has them now (`got`): unchanged chunks keep their place, deleted ones
    go, new or rewritten ones come last in Chroma's order (where a full read would put them)."""
    fresh = {cid: (doc or "", meta or {}) for cid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"])}
    ids, docs, metas = [], [], []
    kept: set[str] = set()
    for cid, doc, meta in zip(earlier.ids, earlier.documents, earlier.metadatas):
        if meta.get("meeting_id") in changed:
            now = fresh.get(cid)
            if now is None or now[1].get("content_hash") != meta.get("content_hash") or now[0] != doc:
                continue
            kept.add(cid)
        ids.append(cid)
        docs.append(doc)
        metas.append(meta)
    for cid in got["ids"]:
        if cid not in kept:
            ids.append(cid)
            docs.append(fresh[cid][0])
            metas.append(fresh[cid][1])
    return ids, docs, metas


def allowed_rows(snap: Snapshot, conds: list[tuple[str, str, object]]) -> np.ndarray:
    """The positions of the chunks that pass every filter condition (key, op, value), in stored order;
    the same rules as the Chroma where clause (a missing date never passes a date bound)."""
    mask = np.ones(len(snap), dtype=bool)
    for key, op, value in conds:
        col = snap.columns[key]
        if op == "==":
            mask &= col == value
        elif op == "in":
            mask &= np.isin(col, np.asarray(list(value), dtype=col.dtype))
        elif op == ">=":
            mask &= (col != 0) & (col >= value)
        elif op == "<=":
            mask &= (col != 0) & (col <= value)
    return np.flatnonzero(mask)


def coverage(snap: Snapshot, weights: dict[tuple[str, ...], float]) -> np.ndarray:
    """Per chunk: the weighted share of the subject word groups its text or title has (float64, like
    summing the weights one chunk at a time, in the weights' order)."""
    total = sum(weights.values())
    out = np.zeros(len(snap), dtype=np.float64)
    if not total:
        return out
    for group, weight in weights.items():
        has = np.zeros(len(snap), dtype=bool)
        for stem in group:
            rows = snap.postings.get(stem)
            if rows is not None:
                has[rows] = True
        out[has] += weight
    return out / total


def naming(snap: Snapshot, name: str) -> np.ndarray:
    """Per chunk: does its text contain `name` (casefolded substring)? One search through all texts."""
    if snap._folded is None:
        offsets = np.cumsum([0] + [len(d.casefold()) + 1 for d in snap.documents], dtype=np.int64)
        snap._folded = ("\x00".join(d.casefold() for d in snap.documents), offsets)
    text, offsets = snap._folded
    out = np.zeros(len(snap), dtype=bool)
    if not name or "\x00" in name:
        return out
    at = text.find(name)
    while at != -1:
        row = int(np.searchsorted(offsets, at, side="right")) - 1
        out[row] = True
        at = text.find(name, int(offsets[row + 1]))  # the next chunk on
    return out


def on_day(snap: Snapshot, matches: Callable[[object], bool], parse: Callable[[str], object]) -> np.ndarray:
    """Per chunk: does its meeting date match (`matches` is called once per distinct date)?"""
    dates = snap.columns["date"]
    distinct, inverse = np.unique(dates.astype(str), return_inverse=True)
    hit = np.asarray([matches(parse(d) if d else None) for d in distinct], dtype=bool)
    return hit[inverse] if len(distinct) else np.zeros(len(snap), dtype=bool)


# --------------------------------------------------------------------------- persistence


def save(snap: Snapshot, path: Path, identity: str) -> None:
    """Write the snapshot atomically (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    folded, snap._folded = snap._folded, None
    try:
        with open(tmp, "wb") as fh:
            pickle.dump((FORMAT, identity, snap), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only or full data dir: the snapshot stays in memory only
        log.warning("zoekindex niet bewaard in %s: %s", path, exc)
        tmp.unlink(missing_ok=True)
    finally:
        snap._folded = folded


def load(path: Path, identity: str) -> Snapshot | None:
    """The snapshot saved for this index, of this format (any version: the caller catches it up)."""
    try:
        with open(path, "rb") as fh, _many_objects():
            fmt, ident, snap = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged or foreign file: rebuild
        log.warning("bewaarde zoekindex %s onleesbaar (%s); opnieuw opgebouwd", path, exc)
        return None
    return snap if fmt == FORMAT and ident == identity else None
