"""The store's bookkeeping of what is derived from it: each meeting's index status, the store-wide versions of
the derived indexes with the meetings each write touched, and the LLM response cache."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Literal

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from notulist.store_rows import IndexChangeRow, IndexStateRow, LLMCacheRow, MeetingRow, _now

IndexStatus = Literal["pending", "indexed"]


class IndexState:
    """MeetingStore's index-state and cache methods (notulist/store.py)."""

    session: Callable[[], AbstractContextManager[Session]]

    def index_states(self) -> dict[str, tuple[str, str | None]]:
        """Every meeting id with its index status and what its chunks were made with."""
        with self.session() as s:
            return {r[0]: (r[1], r[2]) for r in s.execute(
                select(MeetingRow.id, MeetingRow.index_status, MeetingRow.indexed_with))}

    def pending_meetings(self) -> list[str]:
        """Meetings whose chunks are not (yet) in the index: an indexed look-up (O(pending), asked per
        question), the only other status being "indexed"."""
        with self.session() as s:
            return list(s.scalars(select(MeetingRow.id).where(MeetingRow.index_status == "pending")
                                  .order_by(MeetingRow.date, MeetingRow.id)))

    def mark_indexed(self, meeting_id: str, indexed_with: str) -> None:
        """The meeting's chunks are in the index (a meeting deleted meanwhile is left alone)."""
        with self.session() as s:
            s.execute(update(MeetingRow).where(MeetingRow.id == meeting_id)
                      .values(index_status="indexed", indexed_with=indexed_with))

    def mark_pending(self, meeting_ids: Iterable[str] | None) -> None:
        """These meetings (None: all) must be indexed again."""
        with self.session() as s:
            q = update(MeetingRow).values(index_status="pending")
            if meeting_ids is not None:
                q = q.where(MeetingRow.id.in_(list(meeting_ids)))
            s.execute(q)

    # ------------------------------------------------------------------ derived index versions

    def index_version(self, name: str) -> int:
        """The store-wide version of a derived index (0 before its first write): one primary-key read."""
        with self.session() as s:
            return s.scalar(select(IndexStateRow.version).where(IndexStateRow.name == name)) or 0

    def bump_index_version(self, name: str, meeting_ids: Iterable[str] | None = None) -> int:
        """Record a write to a derived index and which meetings it touched (None: all of them, a reset);
        returns the new version. Atomic: concurrent bumps each get their own version."""
        changed = (sorted(set(meeting_ids)) or [""]) if meeting_ids is not None else ["*"]  # "": none
        for _ in range(2):
            with self.session() as s:
                version = s.scalar(update(IndexStateRow).where(IndexStateRow.name == name)
                                   .values(version=IndexStateRow.version + 1, updated_at=_now())
                                   .returning(IndexStateRow.version))
                if version is not None:
                    s.add_all(IndexChangeRow(name=name, version=version, meeting_id=m) for m in changed)
                    return version
            try:
                with self.session() as s:
                    s.add(IndexStateRow(name=name, version=0))
            except IntegrityError:  # another process made the row first: bump on top of it
                pass
        raise RuntimeError(f"indexversie van {name} niet op te hogen")

    def index_changes(self, name: str, since: int, upto: int) -> set[str] | None:
        """The meetings whose index entries changed in versions since < v <= upto; None when that is not
        known exactly (a reset among them, or versions without a record): then everything may have changed."""
        if upto <= since:
            return set()
        with self.session() as s:
            rows = s.execute(select(IndexChangeRow.version, IndexChangeRow.meeting_id)
                             .where(IndexChangeRow.name == name, IndexChangeRow.version > since,
                                    IndexChangeRow.version <= upto)).all()
        if len({v for v, _ in rows}) != upto - since or any(m == "*" for _, m in rows):
            return None
        return {m for _, m in rows if m}

    # ------------------------------------------------------------------ LLM response cache

    def cache_get(self, key: str) -> str | None:
        with self.session() as s:
            row = s.get(LLMCacheRow, key)
            return row.value if row else None

    def cache_put(self, key: str, model: str, prompt_version: str, value: str) -> None:
        with self.session() as s:
            row = s.get(LLMCacheRow, key)
            if row is None:
                s.add(LLMCacheRow(key=key, model=model, prompt_version=prompt_version, value=value))
            else:
                row.value = value
