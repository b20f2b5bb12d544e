"""What the index stores for a chunk: the text that is embedded (its item path gives it a subject), the flat
Chroma metadata it carries, the chunk read back from it, and the content hash that tells an unchanged chunk
from a changed one (see retrieval/index.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from notulist.models import Chunk, Meeting

INDEX_VERSION = "2"  # bump when the embedded text of a chunk changes shape: every chunk re-embeds


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


def chunk_metadata(chunk: Chunk, content_hash: str, item_path: str = "", heading: bool = False) -> dict:
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


def chunk_from(chunk_id: str, text: str, meta: dict) -> Chunk:
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
    payload = json.dumps([INDEX_VERSION, model_id, embed_text(chunk, item_path), chunk_metadata(chunk, "", item_path, heading)],
                         sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def date_int(day: dt.date | str | None) -> int | None:
    if day is None or day == "":
        return None
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return int(day.strftime("%Y%m%d"))
