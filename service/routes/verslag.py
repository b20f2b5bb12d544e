"""The verslag of a meeting: the latest saved version or a fresh draft, saving versions, Word export."""

from __future__ import annotations

import logging
import re
from typing import Annotated

from fastapi import APIRouter, Query, Response

from notulist import audit
from notulist.errors import NotFoundError
from notulist.models import Meeting, Verslag
from notulist.verslag_doc import VerslagDocument
from service.deps import NotulistDep, Reader, Secretary, visible_meeting
from service.http_errors import ERROR_RESPONSES, VersionConflictError
from service.pipeline import Notulist
from service.schemas import ErrorBody
from service.schemas_secretary import VerslagOut, VerslagSave
from summarise.export import verslag_to_docx
from summarise.verslag import draft_with_document, postponed_followups
from summarise.verslag_render import render_markdown

log = logging.getLogger("notulist.service")

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

router = APIRouter(prefix="/api/meetings/{meeting_id}", tags=["verslag"], responses=ERROR_RESPONSES)


def draft(nl: Notulist, meeting: Meeting, *, use_llm: bool) -> VerslagOut:
    """A freshly generated draft (version 0, not saved); the LLM path falls back to the rule engine."""
    sources = nl.store.sources_for(meeting)
    extraction = nl.extraction(meeting.id)
    followups = postponed_followups(nl.store, meeting, extraction)
    warnings: list[str] = []
    llm = nl.llm if use_llm and nl.settings.llm_enabled else None
    try:
        verslag, document = draft_with_document(meeting, extraction, sources, llm=llm, followups=followups)
    except Exception as exc:  # an LLM failure must not cost the secretary her draft
        if llm is None:
            raise
        log.warning("verslag with LLM failed for %s: %s", meeting.id, exc)
        warnings.append(f"Het taalmodel gaf geen bruikbaar antwoord ({exc}); concept gemaakt met de regels.")
        verslag, document = draft_with_document(meeting, extraction, sources, llm=None, followups=followups)
    return VerslagOut(**verslag.model_dump(exclude={"warnings"}), saved=False,
                      warnings=verslag.warnings + warnings, document=document)


def saved(nl: Notulist, verslag: Verslag) -> VerslagOut:
    return VerslagOut(**verslag.model_dump(), saved=True,
                      document=nl.store.verslag_document(verslag.meeting_id, verslag.version))


def sync_actions(nl: Notulist, meeting_id: str, document: VerslagDocument) -> int:
    """Owner, deadline and status the secretary changed in the verslag's actielijst go to the stored
    actions, so the actielijst across meetings shows them too. Returns how many actions changed."""
    changed = 0
    for row in document.actions:
        if not row.action_id:
            continue
        try:
            action = nl.store.get_action(row.action_id)
        except NotFoundError:
            continue
        if action.meeting_id != meeting_id:
            continue
        redacted = bool(row.owner and row.owner.startswith("[gelakt"))
        owner = None if redacted else (row.owner or None)
        update = {"status": "done"} if row.status == "afgerond" else {}  # never reopens one marked done elsewhere
        if owner != action.owner and not (redacted and action.owner_redacted):
            update.update(owner=owner, owner_redacted=redacted)
        if row.deadline != action.due_date:
            update["due_date"] = row.deadline
        if any(getattr(action, k) != v for k, v in update.items()):
            nl.store.update_action(action.model_copy(update=update))
            changed += 1
    return changed


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "vergadering"


@router.get("/verslag", summary="Verslag: laatste versie of nieuw concept", response_model=VerslagOut)
def get_verslag(meeting_id: str, nl: NotulistDep, key: Reader,
                draft_: bool = Query(False, alias="draft", description="Altijd een nieuw concept maken."),
                use_llm: bool = Query(False, description="Het taalmodel gebruiken als het is ingesteld.")
                ) -> VerslagOut:
    """The latest saved version, or a freshly generated draft (version 0) when none is saved."""
    meeting = visible_meeting(nl, key, meeting_id)
    latest = None if draft_ else nl.store.latest_verslag(meeting_id)
    return saved(nl, latest) if latest is not None else draft(nl, meeting, use_llm=use_llm)


@router.put("/verslag", summary="Verslag opslaan als nieuwe versie", response_model=VerslagOut,
            responses={409: {"model": ErrorBody, "description": "Intussen een nieuwere versie."}})
def put_verslag(meeting_id: str, body: VerslagSave, nl: NotulistDep, key: Secretary) -> VerslagOut:
    """Save the edited verslag as a new version (earlier versions are kept). With a `document` (the
    editor's sections and rows) the Markdown is made from it, so the Word export is of what was saved."""
    visible_meeting(nl, key, meeting_id)
    document = body.document.model_copy(update={"meeting_id": meeting_id}) if body.document is not None else None
    markdown = render_markdown(document, status=body.status) if document is not None else body.markdown
    latest = nl.store.latest_verslag(meeting_id)
    latest_version = latest.version if latest else 0
    if body.base_version is not None and body.base_version != latest_version:
        raise VersionConflictError(
            f"Iemand anders heeft intussen versie {latest_version} opgeslagen (jij bewerkte versie "
            f"{body.base_version}). Laad de nieuwste versie en voeg je wijzigingen opnieuw toe.")
    stored = nl.store.save_verslag(Verslag(meeting_id=meeting_id, markdown=markdown, status=body.status,
                                           author=key.name or f"sleutel {key.id}"), document)
    if document is not None:
        sync_actions(nl, meeting_id, document)
    audit.record(nl.store, "verslag", key=key, meeting_id=meeting_id, detail=f"versie {stored.version} ({body.status})")
    return VerslagOut(**stored.model_dump(), saved=True, document=document)


@router.get("/verslag/versions", summary="Alle opgeslagen versies van het verslag", response_model=list[VerslagOut])
def verslag_versions(meeting_id: str, nl: NotulistDep, key: Reader) -> list[VerslagOut]:
    """Every saved version, oldest first."""
    visible_meeting(nl, key, meeting_id)
    return [saved(nl, v) for v in nl.store.verslag_versions(meeting_id)]


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
