"""Publication routes: ORI export (per meeting, per series) and import, and the Woo copy of a verslag."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from notulist.errors import AccessDeniedError, NotFoundError, TooLargeError, UnsupportedFormatError
from service import publication
from service.deps import NotulistDep, Reader, Secretary, visible_meeting
from service.http_errors import ERROR_RESPONSES, FieldError
from service.pipeline import InputFile, IngestResult
from summarise.ori.importer import import_bundle, parse_bundle
from summarise.woo import Choice, NameCandidate

router = APIRouter(tags=["publicatie"], responses=ERROR_RESPONSES)

WOO_TYPES = {"md": "text/markdown; charset=utf-8", "pdf": "application/pdf",
             "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


class WooChoiceBody(BaseModel):
    choice: Choice | None  # "lakken", "niet lakken", or null to withdraw the choice


@router.get("/api/meetings/{meeting_id}/ori.json", summary="Vergadering als ORI-JSON (Open Raadsinformatie 2.0)")
def meeting_ori(meeting_id: str, nl: NotulistDep, key: Reader) -> JSONResponse:
    meeting = visible_meeting(nl, key, meeting_id)
    return JSONResponse(publication.export_ori(nl, [meeting]))


@router.get("/api/ori.json", summary="Reeks (of alles) als ORI-JSON (Open Raadsinformatie 2.0)")
def series_ori(nl: NotulistDep, key: Reader,
               series: str | None = Query(None, description="Alleen deze reeks.")) -> JSONResponse:
    meetings = [m for m in nl.store.list_meetings(series=series) if key.may_see(m.series)]
    if series and not meetings and nl.store.list_meetings(series=series):
        raise AccessDeniedError(f"Deze sleutel geeft geen toegang tot de reeks '{series}'.")
    return JSONResponse(publication.export_ori(nl, meetings))


@router.post("/api/ori/import", summary="ORI-JSON inlezen (vergaderingen, agendapunten, besluiten)",
             response_model=list[IngestResult])
def import_ori(nl: NotulistDep, key: Secretary,
               file: Annotated[UploadFile, File(description="Een ORI-JSON-bestand.")]) -> list[IngestResult]:
    upload = _read_json(file, nl.settings.max_file_bytes)
    for item in import_bundle(upload.filename, parse_bundle(upload.filename, upload.data)):
        if not key.may_see(item.parsed.meeting.series):
            raise AccessDeniedError(f"Deze sleutel geeft geen toegang tot de reeks '{item.parsed.meeting.series}'.")
    return publication.import_ori(nl, upload.filename, upload.data)


def _read_json(upload: UploadFile, limit: int) -> InputFile:
    """The uploaded ORI file: a .json file within the size limit (415 / 413 / 422 name the field)."""
    filename = PurePath(upload.filename or "").name
    if not filename.lower().endswith(".json"):
        raise FieldError(f"'{filename or '(geen naam)'}' (file) is geen JSON-bestand (.json).", field="file",
                         cls=UnsupportedFormatError)
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise FieldError(f"'{filename}' (file) is groter dan de limiet (NOTULIST_MAX_FILE_BYTES).", field="file",
                         cls=TooLargeError)
    if not data.strip():
        raise FieldError(f"'{filename}' (file) is leeg.", field="file")
    return InputFile(filename=filename, data=data)


@router.get("/api/meetings/{meeting_id}/woo/names", summary="Woo: namen in het verslag met voorstel en keuze",
            response_model=list[NameCandidate])
def woo_names(meeting_id: str, nl: NotulistDep, key: Secretary) -> list[NameCandidate]:
    return publication.woo_candidates(nl, visible_meeting(nl, key, meeting_id))


@router.put("/api/meetings/{meeting_id}/woo/names/{candidate_id}", summary="Woo: keuze voor één naam opslaan",
            response_model=list[NameCandidate])
def woo_choose(meeting_id: str, candidate_id: str, body: WooChoiceBody, nl: NotulistDep,
               key: Secretary) -> list[NameCandidate]:
    meeting = visible_meeting(nl, key, meeting_id)
    if candidate_id not in {c.id for c in publication.woo_candidates(nl, meeting)}:
        raise NotFoundError(f"Naam '{candidate_id}' komt niet voor in dit verslag.")
    return publication.woo_choose(nl, meeting, [candidate_id], body.choice, author=key.name)


@router.get("/api/meetings/{meeting_id}/woo.{fmt}", summary="Woo-publicatieversie (md, docx of pdf)")
def woo_document(meeting_id: str, fmt: str, nl: NotulistDep, key: Secretary,
                 concept: bool = Query(False, description="Ook als nog niet elke naam beoordeeld is.")) -> Response:
    meeting = visible_meeting(nl, key, meeting_id)
    if fmt not in WOO_TYPES:
        raise NotFoundError(f"Onbekend formaat '{fmt}'; kies uit {', '.join(WOO_TYPES)}.")
    data = publication.woo_document(nl, meeting, fmt, concept=concept)
    name = f"woo-{meeting.date or meeting.id}.{fmt}"
    return Response(data, media_type=WOO_TYPES[fmt], headers={"Content-Disposition": f'attachment; filename="{name}"'})
