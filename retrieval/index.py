"""The search index: Chroma (through llama-index's ChromaVectorStore) plus BM25, fused.

Derived data: the meeting store is the system of record and `reset` + re-upsert rebuilds everything.
- Chroma holds each chunk's exact text (the document), its vector and flat metadata; the keyword
  index is built from those same stored documents (the search snapshot, retrieval/snapshot.py), kept
  per store-wide index version (one primary-key read per question), saved in the data dir for the next
  process, and after a write caught up by re-reading only the meetings written.
- `upsert` compares the chunk ids and content hashes already stored for the meeting: only new or
  changed chunks are embedded (and an embedding cache keyed by text makes even a reindex cheap).
- Metadata values cannot be None in Chroma: absent values are "" (strings) or 0 (ints); dates are
  stored as an ISO string plus an int yyyymmdd for range filters.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import logging
import math
import re
import threading
from dataclasses import dataclass, replace
from urllib.parse import urlparse

import numpy as np
from pydantic import BaseModel

from notulist.errors import ConfigError
from notulist.models import Chunk, Meeting
from notulist.settings import Settings
from notulist.store import MeetingStore
from retrieval import snapshot as snapshots
from retrieval.cues import CueName, cue
from retrieval.embeddings import (CachedEmbedder, EmbeddingCache, Embedder, as_chroma_function, as_llama_embedding,
                                  get_embedder)
from retrieval.intent import Intent, detect_intent, matches_day
from retrieval.keyword import stems

log = logging.getLogger(__name__)

INDEX_VERSION = "2"  # bump when the embedded text of a chunk changes shape: every chunk re-embeds


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


_CUES: dict[str, CueName] = {  # the cue families a chunk's own text is tagged with (data: notulist/nl)
    "besluit": "decision",
    "afspraak": "agreement",
    "postponed": "postponed",
    "task": "task",
}
_REQUEST_QUESTION = re.compile(r"\b(gevraagd|voorgesteld|voorstel|op de agenda|geagendeerd|ter bespreking|bijlage)\b", re.I)


def _cue_stems(words_: set[str]) -> set[str]:
    return set(stems(" ".join(words_), keep_stopwords=True))


def item_paths(meeting: Meeting) -> dict[str, str]:
    """Each item's title with its parents' titles ("Actielijst › Hoger management potentieel"):
    a sub-item's chunk is about its parent's subject too."""
    by_number = {i.number: i for i in meeting.items}
    paths: dict[str, str] = {}
    for item in meeting.items:
        titles, seen, cur = [], set(), item
        while cur is not None and cur.number not in seen:
            seen.add(cur.number)
            titles.append(cur.title)
            cur = by_number.get(cur.parent) if cur.parent else None
        paths[item.number] = " › ".join(reversed(titles))
    return paths


def embed_text(chunk: Chunk, item_path: str | None = None) -> str:
    """What is embedded for a chunk: its item (path) title gives the passage its subject; the text stays exact."""
    title = item_path or chunk.item_title
    head = ""
    if title:
        head = f"{chunk.item}. {title}\n" if chunk.item else f"{title}\n"
    return head + chunk.text


def _metadata(chunk: Chunk, content_hash: str, item_path: str = "", heading: bool = False) -> dict:
    return {
        "item_path": item_path or chunk.item_title or "",
        "heading": int(heading),
        "meeting_id": chunk.meeting_id,
        "series": chunk.series,
        "series_key": chunk.series.casefold(),
        "date": chunk.date.isoformat() if chunk.date else "",
        "date_int": int(chunk.date.strftime("%Y%m%d")) if chunk.date else 0,
        "item": chunk.item or "",
        "item_title": chunk.item_title or "",
        "kind": chunk.kind,
        "source_id": chunk.source_id,
        "start": chunk.start,
        "end": chunk.end,
        "note_method": chunk.note_method or "",
        "content_hash": content_hash,
    }


def _chunk_from(chunk_id: str, text: str, meta: dict) -> Chunk:
    return Chunk(
        id=chunk_id,
        meeting_id=meta["meeting_id"],
        series=meta["series"],
        date=dt.date.fromisoformat(meta["date"]) if meta.get("date") else None,
        item=meta.get("item") or None,
        item_title=meta.get("item_title") or None,
        kind=meta["kind"],
        text=text,
        source_id=meta["source_id"],
        start=int(meta["start"]),
        end=int(meta["end"]),
        note_method=meta.get("note_method") or None,
    )


def content_hash(chunk: Chunk, model_id: str, item_path: str = "", heading: bool = False) -> str:
    payload = json.dumps([INDEX_VERSION, model_id, embed_text(chunk, item_path), _metadata(chunk, "", item_path, heading)],
                         sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def _date_int(day: dt.date | str | None) -> int | None:
    if day is None or day == "":
        return None
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return int(day.strftime("%Y%m%d"))


_Snapshot = snapshots.Snapshot  # the search snapshot (retrieval/snapshot.py)
# a process this many meetings behind re-reads just those; further behind, it reloads or rebuilds everything
CATCH_UP_MEETINGS = 200
SAVE_EVERY = 20  # versions between saves of the snapshot (a restart catches up on the rest)
READ_PAGE = 5000  # chunks per Chroma read when reading everything
# more chunks pointed at by postponement marks than this (a large corpus): only those the marks among the
# best candidates point at stay candidates, so a postponed question does not turn thousands into hits
MAX_POINTED = 400


def subject_weights(subject: list[tuple[str, ...]], snap: "_Snapshot",
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


class SearchIndex:
    def __init__(self, settings: Settings, embedder: Embedder | None = None):
        self.settings = settings
        self._inner_embedder = embedder
        self._embedder: CachedEmbedder | None = None
        self._client = None
        self._collection = None
        self._store = None
        self._snapshot: _Snapshot | None = None
        self._versions: MeetingStore | None = None
        self._saved_version: int | None = None  # the version of the snapshot saved in the data dir
        self._lock = threading.RLock()
        self.weights = FusionWeights()

    # ------------------------------------------------------------------ lazily built clients

    @property
    def embedder(self) -> CachedEmbedder:
        if self._embedder is None:
            inner = self._inner_embedder or get_embedder(self.settings)
            cache = EmbeddingCache(self.settings.embed_cache_path or self.settings.data_dir / "embeddings.sqlite")
            self._embedder = CachedEmbedder(inner, cache)
        return self._embedder

    @property
    def client(self):
        if self._client is None:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            chroma_settings = ChromaSettings(anonymized_telemetry=False)
            if self.settings.chroma_url:
                url = urlparse(self.settings.chroma_url if "://" in self.settings.chroma_url
                               else f"http://{self.settings.chroma_url}")
                try:
                    self._client = chromadb.HttpClient(host=url.hostname or "127.0.0.1", port=url.port or 8000,
                                                       ssl=url.scheme == "https", settings=chroma_settings)
                except Exception as exc:  # unreachable server: a clear message, not a stack trace
                    raise ConfigError(f"Chroma-server op {self.settings.chroma_url} is niet bereikbaar ({exc}).") from exc
            else:
                self.settings.chroma_path.mkdir(parents=True, exist_ok=True)
                self._client = chromadb.PersistentClient(path=str(self.settings.chroma_path), settings=chroma_settings)
        return self._client

    @property
    def collection(self):
        if self._collection is None:
            self._collection = self.client.get_or_create_collection(
                self.settings.collection,
                embedding_function=as_chroma_function(self.embedder),
                metadata={"hnsw:space": "cosine"},
            )
        return self._collection

    @property
    def vector_store(self):
        if self._store is None:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            self._store = ChromaVectorStore(chroma_collection=self.collection)
        return self._store

    def as_llama_index(self):
        """A llama-index `VectorStoreIndex` over the same Chroma collection, with our embedder set
        explicitly (llama-index's default is OpenAI; no global `Settings` is touched)."""
        from llama_index.core import VectorStoreIndex

        return VectorStoreIndex.from_vector_store(self.vector_store, embed_model=as_llama_embedding(self.embedder))

    @property
    def versions(self) -> MeetingStore:
        """The store that keeps this index's store-wide version (the store the meetings are in)."""
        if self._versions is None:
            self._versions = MeetingStore.from_settings(self.settings)
        return self._versions

    @property
    def identity(self) -> str:
        """Which index this is: the Chroma server or directory, and the collection."""
        where = self.settings.chroma_url or str(self.settings.chroma_path.resolve())
        digest = hashlib.sha256(f"{where}\n{self.settings.collection}".encode()).hexdigest()[:16]
        return f"chunks:{self.settings.collection[:150]}:{digest}"

    def _changed(self, meeting_ids: list[str] | None) -> None:
        """After a write to these meetings' chunks (None: all): every process sharing the store, this one
        too, sees a new version at its next question and re-reads just those meetings."""
        self.versions.bump_index_version(self.identity, meeting_ids)

    def _forget(self) -> None:
        self._collection = None
        self._store = None
        self._snapshot = None

    # ------------------------------------------------------------------ writes

    def upsert(self, meeting: Meeting, chunks: list[Chunk]) -> int:
        """Write a meeting's chunks; embeds only chunks that are new or changed. Returns how many."""
        from llama_index.core.schema import TextNode

        with self._lock:
            unique: dict[str, Chunk] = {}
            for chunk in chunks:
                unique.setdefault(chunk.id, chunk)
            model_id = self.embedder.model_id
            paths = item_paths(meeting)
            titles = {(i.source_id, i.number): (i.title_start, i.title_end) for i in meeting.items}

            def heading(c: Chunk) -> bool:
                span = titles.get((c.source_id, c.item or ""))
                return span is not None and c.start <= span[0] < c.end

            context = {cid: (paths.get(c.item or "", c.item_title or ""), heading(c)) for cid, c in unique.items()}
            wanted = {cid: content_hash(c, model_id, *context[cid]) for cid, c in unique.items()}
            stored = self.collection.get(where={"meeting_id": meeting.id}, include=["metadatas"])
            have = {cid: (meta or {}).get("content_hash") for cid, meta in zip(stored["ids"], stored["metadatas"])}
            stale = [cid for cid in have if cid not in wanted or have[cid] != wanted[cid]]
            todo = [cid for cid in wanted if have.get(cid) != wanted[cid]]
            if stale:
                self.vector_store.delete_nodes(node_ids=stale)
            if todo:
                vectors = self.embedder.embed_passages([embed_text(unique[cid], context[cid][0]) for cid in todo])
                nodes = [
                    TextNode(id_=cid, text=unique[cid].text, embedding=vectors[i].tolist(),
                             metadata=_metadata(unique[cid], wanted[cid], *context[cid]))
                    for i, cid in enumerate(todo)
                ]
                self.vector_store.add(nodes)
            if stale or todo:
                self._changed([meeting.id])
            return len(todo)

    def delete_meeting(self, meeting_id: str) -> None:
        with self._lock:
            self.collection.delete(where={"meeting_id": meeting_id})
            self._changed([meeting_id])

    def reset(self) -> None:
        """Drop the whole collection (reindex starts here); the embedding cache is kept on purpose."""
        with self._lock:
            try:
                self.client.delete_collection(self.settings.collection)
            except Exception:  # not there yet: nothing to drop
                pass
            self._forget()
            self._changed(None)

    def count(self) -> int:
        return self.collection.count()

    def chunk_ids(self, meeting_id: str | None = None) -> list[str]:
        got = self.collection.get(where={"meeting_id": meeting_id} if meeting_id else None, include=[])
        return list(got["ids"])

    # ------------------------------------------------------------------ read

    def snapshot(self) -> _Snapshot:
        """All stored chunks and the keyword index over them at the store-wide index version: one
        primary-key read per question. When the version moved, the meetings written since are re-read
        (or, far behind, everything); a new process starts from the snapshot saved in the data dir."""
        with self._lock:
            version = self.versions.index_version(self.identity)
            snap = self._snapshot
            if snap is not None and snap.version == version:
                return snap
            if snap is None:
                snap = snapshots.load(self._snapshot_path(), self.identity)
                self._saved_version = snap.version if snap is not None else None
                if snap is not None and snap.version == version and len(snap) != self._count():
                    snap = None  # the collection changed behind the store's back (restored, deleted): rebuild
            if snap is not None and snap.version != version:
                changed = self.versions.index_changes(self.identity, snap.version, version) if snap.version < version else None
                snap = self._caught_up(snap, changed, version) if changed is not None and len(changed) <= CATCH_UP_MEETINGS else None
            if snap is None:
                snap = self._read_all(version)
            if self._saved_version is None or version - self._saved_version >= SAVE_EVERY or len(snap) == 0:
                snapshots.save(snap, self._snapshot_path(), self.identity)
                self._saved_version = version
            self._snapshot = snap
            return snap

    def _snapshot_path(self):
        return self.settings.data_dir / "search-index" / f"{hashlib.sha256(self.identity.encode()).hexdigest()[:24]}.pickle"

    def _read_all(self, version: int) -> _Snapshot:
        """A snapshot from every chunk Chroma holds (the only read linear in the corpus)."""
        ids: list[str] = []
        docs: list[str] = []
        metas: list[dict] = []
        seen: set[str] = set()
        for offset in range(0, self._count(), READ_PAGE):  # in pages: one read of 100k chunks is too big for Chroma
            got = self.collection.get(include=["documents", "metadatas"], limit=READ_PAGE, offset=offset)
            for cid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"]):
                if cid not in seen:
                    seen.add(cid)
                    ids.append(cid)
                    docs.append(doc)
                    metas.append(meta)
        snap = snapshots.build(version, ids, docs, metas, {name: cue(c) for name, c in _CUES.items()})
        snap.vocabulary = Vocabulary(snap.df)  # saved with it: the first question need not sort every stem
        return snap

    def _caught_up(self, earlier: _Snapshot, changed: set[str], version: int) -> _Snapshot:
        """The earlier snapshot with just the changed meetings re-read from Chroma (stems of the rest reused)."""
        ids = sorted(changed)
        where = {"meeting_id": ids[0]} if len(ids) == 1 else {"meeting_id": {"$in": ids}}
        got = (self.collection.get(where=where, include=["documents", "metadatas"]) if ids
               else {"ids": [], "documents": [], "metadatas": []})
        snap = snapshots.build(version, *snapshots.caught_up(earlier, changed, got),
                               {name: cue(c) for name, c in _CUES.items()}, earlier=earlier)
        snap.vocabulary = Vocabulary(snap.df)
        return snap

    def _count(self) -> int:
        try:
            return self.collection.count()
        except Exception as exc:  # the collection was dropped by another process (reindex): reopen it
            if "does not exist" not in str(exc).lower() and "not found" not in str(exc).lower():
                raise
            self._forget()
            return self.collection.count()

    def expand(self, intent: Intent) -> Intent:
        """The intent with its subject words widened to the stored compounds that contain them."""
        if intent.expanded or not intent.subject_stems:
            return intent
        snap = self.snapshot()
        if snap.vocabulary is None:
            snap.vocabulary = Vocabulary(snap.df)
        subject = expand_subject(intent.subject_stems, snap.vocabulary)
        return replace(intent, subject_stems=subject, subject_roots=list(intent.subject_stems), expanded=True)

    def chunks(self, *, meeting_id: str | None = None, item: str | None = None) -> list[Chunk]:
        snap = self.snapshot()
        conds = [(key, "==", value) for key, value in (("meeting_id", meeting_id), ("item", item)) if value is not None]
        return [_chunk_from(snap.ids[i], snap.documents[i], snap.metadatas[i]) for i in snapshots.allowed_rows(snap, conds)]

    @staticmethod
    def _filters(series, since, until, meeting_id, item, kinds, allowed_series):
        """The same filter as a Chroma where clause (llama-index MetadataFilters) and as conditions for the snapshot."""
        from llama_index.core.vector_stores.types import FilterOperator, MetadataFilter, MetadataFilters

        conds: list[tuple[str, str, object]] = []
        if series:
            conds.append(("series_key", "==", series.casefold()))
        if allowed_series is not None:
            conds.append(("series_key", "in", [s.casefold() for s in allowed_series] or ["\x00"]))
        if (lo := _date_int(since)) is not None:
            conds.append(("date_int", ">=", lo))
        if (hi := _date_int(until)) is not None:
            conds.append(("date_int", "<=", hi))
        if meeting_id:
            conds.append(("meeting_id", "==", meeting_id))
        if item:
            conds.append(("item", "==", str(item)))
        if kinds:
            conds.append(("kind", "in", list(kinds)))
        ops = {"==": FilterOperator.EQ, "in": FilterOperator.IN, ">=": FilterOperator.GTE, "<=": FilterOperator.LTE}
        filters = MetadataFilters(filters=[MetadataFilter(key=k, value=v, operator=ops[op]) for k, op, v in conds]) if conds else None

        return filters, conds

    @staticmethod
    def _notes_answer_their_item(hits: list[SearchHit], subject: list[tuple[str, ...]], cue: set[str], snap: _Snapshot,
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

    @staticmethod
    def _pointed_at(snap: _Snapshot, idx: np.ndarray, order: np.ndarray, top: np.ndarray) -> np.ndarray:
        """The positions (into idx, in score order) beyond `top` of chunks a postponement mark points at;
        past MAX_POINTED only those the marks within `top` point at."""
        rest = order[len(top):]
        pointed = rest[snap.anchored[idx[rest]]]
        if len(pointed) <= MAX_POINTED:
            return pointed
        wanted = [a for m in idx[top].tolist() for a in snap.postponed_anchors.get(m, ())]
        return pointed[np.isin(idx[pointed], np.asarray(wanted, dtype=idx.dtype))] if wanted else pointed[:0]

    def _point_at_postponed(self, hits: list[SearchHit], idx: np.ndarray, snap: _Snapshot) -> None:
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
            mark.score -= self.weights.postponed_mark

    def _fused(self, snap: _Snapshot, idx: np.ndarray, intent: Intent, d_norm: np.ndarray, kw_norm: np.ndarray,
               coverage: np.ndarray, asked_cue: set[str], note_prior: float) -> np.ndarray:
        """The fused score of every allowed chunk (float32): dense + keyword + subject coverage, then the
        intent's corrections, each added as one vector operation in the order the weights list them."""
        w = self.weights
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
        if intent.day:
            day = intent.day
            score[snapshots.on_day(snap, lambda d: matches_day(day, d), dt.date.fromisoformat)[idx]] += w.day_match
        return score

    def search(self, query: str, *, k: int = 10, series=None, since=None, until=None, meeting_id=None,
               item=None, kinds=None, allowed_series: list[str] | None = None,
               intent: Intent | None = None) -> list[SearchHit]:
        """Hybrid search: dense (e5 via Chroma) + BM25 + subject coverage, shaped by the question's intent."""
        from llama_index.core.vector_stores.types import VectorStoreQuery

        query = (query or "").strip()
        if not query:
            return []
        snap = self.snapshot()
        if not snap.ids:
            return []
        filters, conds = self._filters(series, since, until, meeting_id, item, kinds, allowed_series)
        idx = snapshots.allowed_rows(snap, conds)
        if not len(idx):
            return []
        intent = self.expand(intent or detect_intent(query))
        position = snap.position

        # dense side, through llama-index's Chroma store
        n_dense = min(len(idx), max(50, 5 * k))
        qvec = self.embedder.embed_queries([query])[0].tolist()
        result = self.vector_store.query(VectorStoreQuery(query_embedding=qvec, similarity_top_k=n_dense, filters=filters))
        dense = np.zeros(len(snap.ids), dtype=np.float32)
        dense_seen = np.zeros(len(snap.ids), dtype=bool)
        for cid, sim in zip(result.ids or [], result.similarities or []):
            if cid in position:
                dense[position[cid]] = 1.0 + math.log(max(sim, 1e-9))  # exp(-cosine distance) -> cosine
                dense_seen[position[cid]] = True

        # keyword side
        bm25 = snap.keyword.scores(query)
        seen_dense = idx[dense_seen[idx]]
        floor = float(dense[seen_dense].min()) if len(seen_dense) else 0.0
        d = np.where(dense_seen[idx], dense[idx], floor)
        d_norm = (d - floor) / (float(d.max()) - floor) if float(d.max()) > floor else np.zeros_like(d)
        kw = bm25[idx]
        kw_norm = kw / float(kw.max()) if float(kw.max()) > 0 else np.zeros_like(kw)

        subject = intent.subject_stems
        w = self.weights
        asked_cue = {"besluit"} if re.search(r"beslo|besluit|beslis", query, re.I) else set()
        if re.search(r"afspr|afgespr", query, re.I):
            asked_cue.add("afspraak")
        asked_cue = asked_cue or {"besluit", "afspraak"}
        note_prior = 0.0 if _REQUEST_QUESTION.search(query) else w.note_prior
        coverage = snapshots.coverage(snap, subject_weights(subject, snap, intent.subject_roots))[idx]
        score = self._fused(snap, idx, intent, d_norm, kw_norm, coverage, asked_cue, note_prior)

        # only the best candidates become hits (the corrections below only ever move these)
        order = np.argsort(-score, kind="stable")
        top = order[:max(100, 10 * k)]
        if intent.kind == "postponed":  # the chunks a postponement mark points at stay candidates
            top = np.concatenate([top, self._pointed_at(snap, idx, order, top)])
        keep = [(float(score[j]), int(j), float(coverage[j])) for j in top]
        sub = np.asarray([idx[j] for _, j, _ in keep], dtype=int)
        hits = [SearchHit(chunk=_chunk_from(snap.ids[idx[j]], snap.documents[idx[j]], snap.metadatas[idx[j]]),
                          score=score, dense=float(d[j]), keyword=float(kw[j]), coverage=float(coverage))
                for score, j, coverage in keep]
        if note_prior:
            self._notes_answer_their_item(hits, subject, asked_cue if intent.kind == "agreement" else set(), snap, sub)
        if intent.kind == "postponed":
            self._point_at_postponed(hits, sub, snap)
        hits.sort(key=lambda h: (-h.score, h.chunk.id))
        return hits[:k]
