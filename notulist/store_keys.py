"""API keys in the store: a key's role and the series it may see. Only a key's hash is stored."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from notulist.store_rows import ApiKeyRow, get_row

Role = Literal["reader", "secretary", "admin"]
ROLE_RANK = {"reader": 0, "secretary": 1, "admin": 2}


class ApiKey:
    """A verified key: its id, role and the series it may see (empty: all)."""

    def __init__(self, id: str, role: str, series: list[str], name: str | None):
        self.id, self.role, self.series, self.name = id, role, series, name

    def has_role(self, needed: str) -> bool:
        return ROLE_RANK[self.role] >= ROLE_RANK[needed]

    def may_see(self, series: str) -> bool:
        return not self.series or series.casefold() in {s.casefold() for s in self.series}


def hash_key(plain: str) -> str:
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


class KeyStore:
    """MeetingStore's API-key methods (notulist/store.py)."""

    session: Callable[[], AbstractContextManager[Session]]

    def create_key(self, role: Role, series: list[str] | None = None, name: str | None = None) -> tuple[str, str]:
        """Create a key; returns (key id, plaintext key). Only the hash is stored."""
        if role not in ROLE_RANK:
            raise ValueError(f"onbekende rol '{role}' (kies reader, secretary of admin)")
        key_id = secrets.token_hex(4)
        plain = f"ntl_{key_id}_{secrets.token_urlsafe(24)}"
        with self.session() as s:
            s.add(ApiKeyRow(id=key_id, key_hash=hash_key(plain), role=role, series=list(series or []), name=name))
        return key_id, plain

    def verify_key(self, plain: str) -> ApiKey | None:
        with self.session() as s:
            row = s.scalar(select(ApiKeyRow).where(ApiKeyRow.key_hash == hash_key(plain)))
            if row is None or row.revoked:
                return None
            return ApiKey(row.id, row.role, list(row.series or []), row.name)

    def list_keys(self) -> list[ApiKey]:
        with self.session() as s:
            return [ApiKey(r.id, r.role, list(r.series or []), r.name)
                    for r in s.scalars(select(ApiKeyRow).where(ApiKeyRow.revoked.is_(False)))]

    def revoke_key(self, key_id: str) -> None:
        with self.session() as s:
            row = get_row(s, ApiKeyRow, key_id, "Sleutel")
            row.revoked = True
