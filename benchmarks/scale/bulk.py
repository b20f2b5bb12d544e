"""Building the large benchmark index in bulk: the product's loader, parser, store and rule engine per
meeting, but the chunks written to Chroma in batches of many meetings (one `add` per batch, as the
index's `upsert` writes them: same ids, texts, metadata and content hashes) and actions linked across
meetings once per body at the end, not after every meeting.

Why: on 2 shared cores the meeting-by-meeting ingest costs ~0.1 s per meeting at 100 meetings and grows
with the size of the body's history (linking reads every meeting of the series after each ingest), so a
10k index took hours. Ingest throughput itself is measured with the real path (ingest_ratio.py).
"""

from __future__ import annotations

import time
from pathlib import Path

from llama_index.core.schema import TextNode

from benchmarks.scale.embedders import RandomProjectionEmbedder
from benchmarks.scale.generate import all_series, meeting_document
from ingest.chunking import chunk_meeting
from ingest.loaders import load_document
from ingest.parser import parse_meeting
from notulist.models import Chunk, Meeting, ParsedDocument
from notulist.settings import Settings
from notulist.store import MeetingStore
from retrieval.chunk_meta import chunk_metadata, content_hash, embed_text, item_paths
from retrieval.index import SearchIndex
from summarise.extract import extract_meeting, link_across_meetings


def _nodes(index: SearchIndex, meeting: Meeting, chunks: list[Chunk]) -> list[tuple[str, str, dict]]:
    """(id, embedded text, metadata) per chunk, exactly as `SearchIndex.upsert` computes them."""
    unique: dict[str, Chunk] = {}
    for chunk in chunks:
        unique.setdefault(chunk.id, chunk)
    paths = item_paths(meeting)
    titles = {(i.source_id, i.number): (i.title_start, i.title_end) for i in meeting.items}
    out = []
    for cid, c in unique.items():
        span = titles.get((c.source_id, c.item or ""))
        heading = span is not None and c.start <= span[0] < c.end
        path = paths.get(c.item or "", c.item_title or "")
        digest = content_hash(c, index.embedder.model_id, path, heading)
        out.append((cid, embed_text(c, path), chunk_metadata(c, digest, path, heading) | {"_text": c.text}))
    return out


def _flush(index: SearchIndex, pending: list[tuple[str, str, dict]], meeting_ids: list[str]) -> None:
    if not pending:
        return
    vectors = index.embedder.embed_passages([text for _, text, _ in pending])
    nodes = [TextNode(id_=cid, text=meta.pop("_text"), embedding=vectors[i].tolist(), metadata=meta)
             for i, (cid, _, meta) in enumerate(pending)]
    index.vector_store.add(nodes)
    if hasattr(index, "versions"):  # tell every process sharing the store which meetings changed
        index.versions.bump_index_version(index.identity, meeting_ids)
    pending.clear()
    meeting_ids.clear()


def mark_indexed(data_dir: Path) -> int:
    """Record every stored meeting as indexed (with the projected vectors it was indexed with), so that
    `serve` does not take them for meetings still to embed at start-up; returns how many were pending."""
    settings = Settings(data_dir=data_dir)
    store = MeetingStore.from_settings(settings)
    if not hasattr(store, "pending_meetings"):
        return 0
    signature = f"{RandomProjectionEmbedder.model_id}|{settings.chunk_tokens}/{settings.chunk_overlap_tokens}"
    pending = store.pending_meetings()
    for meeting_id in pending:
        store.mark_indexed(meeting_id, signature)
    return len(pending)


def bulk_build(data_dir: Path, start: int, upto: int, seed: int, batch: int = 100) -> float:
    """Add meetings start..upto-1 of the corpus; returns the seconds it took."""
    settings = Settings(data_dir=data_dir)
    store = MeetingStore.from_settings(settings)
    index = SearchIndex(settings, embedder=RandomProjectionEmbedder())
    series = all_series(seed)
    pending: list[tuple[str, str, dict]] = []
    batch_ids: list[str] = []
    touched: set[str] = set()
    t = time.perf_counter()
    for i in range(start, upto):
        doc = meeting_document(seed, i, series)
        data = doc.text.encode("utf-8")
        source = load_document(doc.filename, data, settings=settings, role="agenda")
        if store.meeting_for_sources([source.id]) is not None:
            continue  # built by an earlier (interrupted) run
        meeting = parse_meeting(source)
        store.save_parsed(ParsedDocument(meeting=meeting, sources=[source]), {source.id: data})
        store.save_extraction(extract_meeting(meeting, {source.id: source}))
        pending += _nodes(index, meeting, chunk_meeting(meeting, {source.id: source}, max_tokens=settings.chunk_tokens,
                                                        overlap_tokens=settings.chunk_overlap_tokens))
        batch_ids.append(meeting.id)
        touched.add(meeting.series)
        if len(batch_ids) >= batch:
            _flush(index, pending, batch_ids)
        if (i + 1) % 1000 == 0:
            print(f"  {i + 1} vergaderingen ({time.perf_counter() - t:.0f} s)", flush=True)
    _flush(index, pending, batch_ids)
    for name in sorted(touched):
        link_across_meetings(store, name)
    return time.perf_counter() - t
