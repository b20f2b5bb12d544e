"""The search index: Chroma (through llama-index's ChromaVectorStore) plus BM25, fused.

Derived data: the meeting store is the system of record and `reset` + re-upsert rebuilds everything.
- Chroma holds each chunk's exact text (the document), its vector and flat metadata; the keyword
  index is rebuilt in memory from those same stored documents, so both sides always agree.
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
from retrieval.cues import CueName, cue
from retrieval.embeddings import (CachedEmbedder, EmbeddingCache, Embedder, as_chroma_function, as_llama_embedding,
                                  get_embedder)
from retrieval.intent import Intent, detect_intent, matches_day
from retrieval.keyword import KeywordIndex, stems

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


@dataclass
class _Snapshot:
    """Everything stored in Chroma, with the keyword index over it (rebuilt when the ids change)."""

    signature: str
    ids: list[str]
    documents: list[str]
    metadatas: list[dict]
    keyword: KeywordIndex
    title_stems: list[set[str]]
    doc_stems: list[set[str]]
    cues: list[set[str]]  # which cue families (_CUES) the chunk's own text has
    df: dict[str, int]  # in how many chunks (text or item title) each stem occurs
    postponed_items: set[tuple[str, str]]  # (meeting_id, item) with a postponement mark in any chunk
    postponed_anchors: dict[int, list[int]]  # postponement note -> chunks that say what was postponed
    vocabulary: "Vocabulary | None" = None  # every stored stem, built at the first question


def _document_frequency(stem_sets: list[set[str]]) -> dict[str, int]:
    df: dict[str, int] = {}
    for stem_set in stem_sets:
        for stem in stem_set:
            df[stem] = df.get(stem, 0) + 1
    return df


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


def _postponed_anchors(metas: list[dict], cues: list[set[str]]) -> dict[int, list[int]]:
    """For each note that marks a postponement ("Volgende keer"): the chunk with its item's heading and
    the prepared text right before the mark, which together say *what* was postponed."""
    anchors: dict[int, list[int]] = {}
    for i, (meta, tags) in enumerate(zip(metas, cues)):
        if "postponed" not in tags or meta.get("kind") != "note":
            continue
        found: list[int] = []
        before = None
        for j, other in enumerate(metas):
            if other["meeting_id"] != meta["meeting_id"] or other.get("kind") == "note":
                continue
            if other.get("item") == meta.get("item") and other.get("heading"):
                found.append(j)
            if other["source_id"] == meta["source_id"] and other["end"] <= meta["start"]:
                if before is None or other["end"] > metas[before]["end"]:
                    before = j
        if before is not None and before not in found:
            found.append(before)
        anchors[i] = found
    return anchors


class SearchIndex:
    def __init__(self, settings: Settings, embedder: Embedder | None = None):
        self.settings = settings
        self._inner_embedder = embedder
        self._embedder: CachedEmbedder | None = None
        self._client = None
        self._collection = None
        self._store = None
        self._snapshot: _Snapshot | None = None
        self._lock = threading.RLock()
        self.weights = FusionWeights()

    # ------------------------------------------------------------------ lazily built clients

    @property
    def embedder(self) -> CachedEmbedder:
        if self._embedder is None:
            inner = self._inner_embedder or get_embedder(self.settings)
            cache = EmbeddingCache(self.settings.data_dir / "embeddings.sqlite")
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
                self._snapshot = None
            return len(todo)

    def delete_meeting(self, meeting_id: str) -> None:
        with self._lock:
            self.collection.delete(where={"meeting_id": meeting_id})
            self._snapshot = None

    def reset(self) -> None:
        """Drop the whole collection (reindex starts here); the embedding cache is kept on purpose."""
        with self._lock:
            try:
                self.client.delete_collection(self.settings.collection)
            except Exception:  # not there yet: nothing to drop
                pass
            self._forget()

    def count(self) -> int:
        return self.collection.count()

    def chunk_ids(self, meeting_id: str | None = None) -> list[str]:
        got = self.collection.get(where={"meeting_id": meeting_id} if meeting_id else None, include=[])
        return list(got["ids"])

    # ------------------------------------------------------------------ read

    def snapshot(self) -> _Snapshot:
        """All stored chunks and the BM25 index over them; rebuilt only when the stored ids changed."""
        with self._lock:
            try:
                ids = self.collection.get(include=[])["ids"]
            except Exception as exc:  # the collection was dropped by another process (reindex): reopen it
                if "does not exist" not in str(exc).lower() and "not found" not in str(exc).lower():
                    raise
                self._forget()
                ids = self.collection.get(include=[])["ids"]
            signature = hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()
            if self._snapshot is not None and self._snapshot.signature == signature:
                return self._snapshot
            got = self.collection.get(include=["documents", "metadatas"]) if ids else {"ids": [], "documents": [], "metadatas": []}
            docs = [d or "" for d in got["documents"]]
            metas = [m or {} for m in got["metadatas"]]
            titles = [m.get("item_path") or m.get("item_title", "") for m in metas]
            keyword = KeywordIndex([f"{t}\n{d}" for t, d in zip(titles, docs)])
            cues = [{name for name, c in _CUES.items() if cue(c).search(d)} for d in docs]
            title_stems = [set(stems(t)) for t in titles]
            doc_stems = [set(stems(d)) for d in docs]
            self._snapshot = _Snapshot(
                signature=signature, ids=list(got["ids"]), documents=docs, metadatas=metas, keyword=keyword,
                title_stems=title_stems,
                doc_stems=doc_stems,
                cues=cues,
                df=_document_frequency([d | t for d, t in zip(doc_stems, title_stems)]),
                postponed_items={(m["meeting_id"], m.get("item", "")) for m, c in zip(metas, cues)
                                 if "postponed" in c and m.get("kind") == "note"},
                postponed_anchors=_postponed_anchors(metas, cues),
            )
            return self._snapshot

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
        return [_chunk_from(cid, doc, meta) for cid, doc, meta in zip(snap.ids, snap.documents, snap.metadatas)
                if (meeting_id is None or meta["meeting_id"] == meeting_id)
                and (item is None or meta.get("item") == item)]

    @staticmethod
    def _filters(series, since, until, meeting_id, item, kinds, allowed_series):
        """The same filter as a Chroma where clause (llama-index MetadataFilters) and a Python predicate."""
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

        def keep(meta: dict) -> bool:
            for key, op, value in conds:
                got = meta.get(key)
                if op == "==" and got != value:
                    return False
                if op == "in" and got not in value:
                    return False
                if op == ">=" and (not got or got < value):
                    return False
                if op == "<=" and (not got or got > value):
                    return False
            return True

        return filters, keep

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
        filters, keep = self._filters(series, since, until, meeting_id, item, kinds, allowed_series)
        allowed = [i for i, meta in enumerate(snap.metadatas) if keep(meta)]
        if not allowed:
            return []
        intent = self.expand(intent or detect_intent(query))
        position = {cid: i for i, cid in enumerate(snap.ids)}

        # dense side, through llama-index's Chroma store
        n_dense = min(len(allowed), max(50, 5 * k))
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
        idx = np.asarray(allowed)
        seen_dense = idx[dense_seen[idx]]
        floor = float(dense[seen_dense].min()) if len(seen_dense) else 0.0
        d = np.where(dense_seen[idx], dense[idx], floor)
        d_norm = (d - floor) / (float(d.max()) - floor) if float(d.max()) > floor else np.zeros_like(d)
        kw = bm25[idx]
        kw_norm = kw / float(kw.max()) if float(kw.max()) > 0 else np.zeros_like(kw)

        subject = intent.subject_stems
        w = self.weights
        person = intent.person.casefold() if intent.person else None
        asked_cue = {"besluit"} if re.search(r"beslo|besluit|beslis", query, re.I) else set()
        if re.search(r"afspr|afgespr", query, re.I):
            asked_cue.add("afspraak")
        asked_cue = asked_cue or {"besluit", "afspraak"}
        note_prior = 0.0 if _REQUEST_QUESTION.search(query) else w.note_prior

        weights = subject_weights(subject, snap, intent.subject_roots)
        total = sum(weights.values())

        scored: list[tuple[float, int, float]] = []  # (score, position in idx, coverage)
        for j, i in enumerate(idx):
            meta = snap.metadatas[i]
            terms = snap.doc_stems[i] | snap.title_stems[i]
            coverage = sum(wt for g, wt in weights.items() if covers_word(g, terms)) / total if total else 0.0
            score = w.dense * d_norm[j] + w.keyword * kw_norm[j] + w.coverage * coverage
            kind = meta.get("kind")
            cues = snap.cues[i]
            if kind == "header":
                score -= w.header_penalty
            if kind == "note":
                score += note_prior
            if intent.kind == "agreement":
                if kind == "note":
                    score += w.note_agreement
                if cues & asked_cue:
                    score += w.cue_agreement
            if intent.kind == "tasks" and person and person in snap.documents[i].casefold():
                score += w.person_tasks + (w.task_cue if "task" in cues else 0.0)
            if intent.kind == "postponed" and kind != "note" and (meta["meeting_id"], meta.get("item", "")) in snap.postponed_items:
                score += w.postponed_item
            if intent.item_ref and meta.get("item", "").lower() == intent.item_ref:
                score += w.item_ref
            if intent.day and matches_day(intent.day, dt.date.fromisoformat(meta["date"]) if meta.get("date") else None):
                score += w.day_match
            scored.append((float(score), j, coverage))

        # only the best candidates become hits (the corrections below only ever move these)
        scored.sort(key=lambda t: -t[0])
        keep = scored[:max(100, 10 * k)]
        if intent.kind == "postponed":  # the chunks a postponement mark points at stay candidates
            wanted = {a for anchors in snap.postponed_anchors.values() for a in anchors}
            kept = {t[1] for t in keep}
            keep += [t for t in scored if int(idx[t[1]]) in wanted and t[1] not in kept]
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
