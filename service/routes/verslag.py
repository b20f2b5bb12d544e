"""The verslag of a meeting: the latest saved version or a fresh draft, saving versions, Word export."""

from __future__ import annotations

import logging
import re
from typing import Annotated

from fastapi import APIRouter, Query, Response

from notulist.errors import NotFoundError
from notulist.models import Meeting, Verslag
from service.deps import NotulistDep, Reader, Secretary, visible_meeting
from service.http_errors import ERROR_RESPONSES, VersionConflictError
from service.pipeline import Notulist
from service.schemas import ErrorBody, VerslagPublic, VerslagUpdate
from summarise.export import verslag_to_docx
from summarise.verslag import draft_verslag

log = logging.getLogger("notulist.service")

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

router = APIRouter(prefix="/api/meetings/{meeting_id}", tags=["verslag"], responses=ERROR_RESPONSES)


def draft(nl: Notulist, meeting: Meeting, *, use_llm: bool) -> VerslagPublic:
    """A freshly generated draft (version 0, not saved); the LLM path falls back to the rule engine."""
    sources = nl.store.sources_for(meeting)
    extraction = nl.extraction(meeting.id)
    warnings: list[str] = []
    llm = nl.llm if use_llm and nl.settings.llm_enabled else None
    try:
        verslag = draft_verslag(meeting, extraction, sources, llm=llm)
    except Exception as exc:  # an LLM failure must not cost the secretary her draft
        if llm is None:
            raise
        log.warning("verslag with LLM failed for %s: %s", meeting.id, exc)
        warnings.append(f"Het taalmodel gaf geen bruikbaar antwoord ({exc}); concept gemaakt met de regels.")
        verslag = draft_verslag(meeting, extraction, sources, llm=None)
    return VerslagPublic(**verslag.model_dump(exclude={"warnings"}), saved=False,
                         warnings=verslag.warnings + warnings)


def saved(verslag: Verslag) -> VerslagPublic:
    return VerslagPublic(**verslag.model_dump(), saved=True)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "vergadering"


@router.get("/verslag", summary="Verslag: laatste versie of nieuw concept", response_model=VerslagPublic)
def get_verslag(meeting_id: str, nl: NotulistDep, key: Reader,
                draft_: bool = Query(False, alias="draft", description="Altijd een nieuw concept maken."),
                use_llm: bool = Query(False, description="Het taalmodel gebruiken als het is ingesteld.")
                ) -> VerslagPublic:
    """The latest saved version, or a freshly generated draft (version 0) when none is saved."""
    meeting = visible_meeting(nl, key, meeting_id)
    latest = None if draft_ else nl.store.latest_verslag(meeting_id)
    return saved(latest) if latest is not None else draft(nl, meeting, use_llm=use_llm)


@router.put("/verslag", summary="Verslag opslaan als nieuwe versie", response_model=VerslagPublic,
            responses={409: {"model": ErrorBody, "description": "Intussen een nieuwere versie."}})
def put_verslag(meeting_id: str, body: VerslagUpdate, nl: NotulistDep, key: Secretary) -> VerslagPublic:
    """Save the edited verslag as a new version (earlier versions are kept)."""
    visible_meeting(nl, key, meeting_id)
    latest = nl.store.latest_verslag(meeting_id)
    latest_version = latest.version if latest else 0
    if body.base_version is not None and body.base_version != latest_version:
        raise VersionConflictError(
            f"Iemand anders heeft intussen versie {latest_version} opgeslagen (jij bewerkte versie "
            f"{body.base_version}). Laad de nieuwste versie en voeg je wijzigingen opnieuw toe.")
    stored = nl.store.save_verslag(Verslag(meeting_id=meeting_id, markdown=body.markdown, status=body.status,
                                           author=key.name or f"sleutel {key.id}"))
    return saved(stored)


@router.get("/verslag/versions", summary="Alle opgeslagen versies van het verslag", response_model=list[VerslagPublic])
def verslag_versions(meeting_id: str, nl: NotulistDep, key: Reader) -> list[VerslagPublic]:
    """Every saved version, oldest first."""
    visible_meeting(nl, key, meeting_id)
    return [saved(v) for v in nl.store.verslag_versions(meeting_id)]


@router.get("/verslag.docx", summary="Verslag als Word-bestand", responses={200: {"content": {DOCX_TYPE: {}}}})
def verslag_docx(meeting_id: str, nl: NotulistDep, key: Reader,
                 version: Annotated[int | None, Query(ge=1, description="Een opgeslagen versie.")] = None
                 ) -> Response:
    """The verslag as a Word file: the given version, else the latest saved one, else a draft."""
    meeting = visible_meeting(nl, key, meeting_id)
    if version is not None:
        verslag = next((v for v in nl.store.verslag_versions(meeting_id) if v.version == version), None)
        if verslag is None:
            raise NotFoundError(f"Versie {version} van het verslag bestaat niet.")
    else:
        verslag = nl.store.latest_verslag(meeting_id) or draft(nl, meeting, use_llm=False)
    data = verslag_to_docx(verslag.markdown)
    name = f"verslag-{slug(meeting.series)}-{meeting.date.isoformat() if meeting.date else meeting.id}.docx"
    return Response(data, media_type=DOCX_TYPE, headers={"Content-Disposition": f'attachment; filename="{name}"'})
