"""Health, the key in use, and the administrator's reindex."""

from __future__ import annotations

from fastapi import APIRouter

import notulist
from service.deps import Admin, CurrentKey, NotulistDep
from service.http_errors import ERROR_RESPONSES
from service.schemas import Health, KeyInfo, ReindexResult

router = APIRouter()


@router.get("/health", summary="Draait de dienst?", response_model=Health, tags=["algemeen"])
def health() -> Health:
    """Is the service up? (no key needed, reveals nothing)"""
    return Health(version=notulist.__version__)


@router.get("/api/me", summary="Rol en reeksen van deze sleutel", response_model=KeyInfo, tags=["algemeen"], responses=ERROR_RESPONSES)
def whoami(key: CurrentKey) -> KeyInfo:
    """The role and series of the key in use (the page uses it to show what the key may do)."""
    return KeyInfo(id=key.id, role=key.role, series=key.series, name=key.name)


@router.post("/api/reindex", summary="Zoekindex opnieuw opbouwen (beheerder)", response_model=ReindexResult, tags=["beheer"], responses=ERROR_RESPONSES)
def reindex(nl: NotulistDep, key: Admin) -> ReindexResult:
    """Rebuild the search index from the meeting store (the index is derived data)."""
    chunks = nl.reindex()
    return ReindexResult(chunks=chunks, meetings=len(nl.store.list_meetings()))
