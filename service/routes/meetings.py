"""Meetings: upload (parse, store, extract, index), list, show, delete, and their extraction.

Upload decision: `POST /api/meetings` answers 201 for a new (or replaced) meeting and 200 with
`"status": "unchanged"` when the same files were uploaded before; both carry the parsed meeting.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Response, UploadFile, status

from notulist import audit
from notulist.errors import InputError, TooLargeError, UnsupportedFormatError
from notulist.models import Extraction
from notulist.store_keys import ApiKey
from service.auth import check_series
from service.deps import NotulistDep, Reader, Secretary, visible_meeting
from service.http_errors import ERROR_RESPONSES, FieldError
from service.pipeline import InputFile
from service.schemas import ErrorBody, MeetingCreate, MeetingCreated, MeetingPublic, MeetingSummary, meeting_public, \
    meeting_summary

SUPPORTED_SUFFIXES = {".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm", ".eml"}
UPLOAD_FIELDS = ("agenda", "notes", "clean_agenda")

router = APIRouter(prefix="/api/meetings", tags=["vergaderingen"], responses=ERROR_RESPONSES)


def read_upload(upload: UploadFile | None, field: str, limit: int) -> InputFile | None:
    """The uploaded file as an InputFile, or None for an empty optional part; 413/415 before parsing."""
    if upload is None or (not upload.filename and upload.size in (0, None)):
        return None
    filename = Path(upload.filename or "").name
    if not filename:
        raise FieldError(f"Het bestand in '{field}' heeft geen naam.", field=field)
    if Path(filename).suffix.lower() not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES))
        raise FieldError(f"'{filename}' ({field}) is geen bestandstype dat Notulist leest; kies {kinds}.",
                         field=field, cls=UnsupportedFormatError)
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise FieldError(f"'{filename}' ({field}) is groter dan {limit // (1024 * 1024) or limit} "
                         f"{'MB' if limit >= 1024 * 1024 else 'bytes'}.", field=field, cls=TooLargeError)
    if not data:
        raise FieldError(f"'{filename}' ({field}) is leeg.", field=field)
    return InputFile(filename=filename, data=data)


# The upload form, shared by `POST /api/meetings` and `POST /api/jobs` (routes/jobs.py).
AgendaUpload = Annotated[UploadFile, File(description="De agenda (md, txt, pdf, docx, html, eml).")]
NotesUpload = Annotated[UploadFile | None, File(description="Los bestand met aantekeningen.")]
CleanAgendaUpload = Annotated[UploadFile | None, File(description="De schone agenda (zonder aantekeningen).")]
SeriesForm = Annotated[str | None, Form(max_length=300)]
YearForm = Annotated[int | None, Form(ge=1900, le=2100)]


def _upload_series(key: ApiKey, series: str | None, year: int | None) -> MeetingCreate:
    """The series to file the upload under: the one given (if the key may), else the key's only series."""
    meta = MeetingCreate(series=(series or "").strip() or None, year=year)
    if meta.series:
        check_series(key, meta.series)
    elif key.series:
        if len(key.series) > 1:
            raise FieldError("Kies een reeks: deze sleutel mag alleen " + ", ".join(key.series) + ".",
                             field="series")
        meta.series = key.series[0]
    return meta


@router.post("", summary="Agenda (met aantekeningen) inlezen", response_model=MeetingCreated, status_code=201,
             responses={200: {"model": MeetingCreated, "description": "Al ingelezen (unchanged)."},
                        413: {"model": ErrorBody}, 415: {"model": ErrorBody}})
def upload_meeting(
    response: Response,
    nl: NotulistDep,
    key: Secretary,
    agenda: AgendaUpload,
    notes: NotesUpload = None,
    clean_agenda: CleanAgendaUpload = None,
    series: SeriesForm = None,
    year: YearForm = None,
) -> MeetingCreated:
    """Upload an agenda (with optional notes / clean agenda): parsed, stored, extracted and indexed."""
    meta = _upload_series(key, series, year)
    limit = nl.settings.max_file_bytes
    files = {field: read_upload(upload, field, limit)
             for field, upload in (("agenda", agenda), ("notes", notes), ("clean_agenda", clean_agenda))}
    if files["agenda"] is None:
        raise FieldError("Veld 'agenda' ontbreekt: kies het agendabestand.", field="agenda")
    by_name = {f.filename: field for field, f in files.items() if f is not None}
    try:
        # raise_errors: the typed error reaches us, so the client gets 413/415/422
        result = nl.ingest(files["agenda"], notes=files["notes"], clean_agenda=files["clean_agenda"],
                           series=meta.series, year=meta.year, raise_errors=True)
    except InputError as exc:
        field = by_name.get(exc.filename or "", "agenda")
        raise FieldError(f"{field}: {exc}", field=field, cls=type(exc)) from exc
    meeting = nl.store.get_meeting(result.meeting_id)
    if not key.may_see(meeting.series):  # defensive: the parser named another series than the key's
        if result.status == "new":
            nl.delete_meeting(meeting.id)
        check_series(key, meeting.series)
    action = {"new": "upload", "replaced": "replace"}.get(result.status, "unchanged")
    audit.record(nl.store, action, key=key, meeting_id=meeting.id, detail=files["agenda"].filename)
    if result.status == "unchanged":
        response.status_code = status.HTTP_200_OK
    public = meeting_public(meeting, nl.store.sources_for(meeting))
    return MeetingCreated(**public.model_dump(), status=result.status, warnings=result.warnings)


@router.get("", summary="Vergaderingen", response_model=list[MeetingSummary])
def list_meetings(nl: NotulistDep, key: Reader,
                  series: Annotated[str | None, Query(max_length=300)] = None) -> list[MeetingSummary]:
    """The meetings this key may see, oldest first."""
    return [meeting_summary(m) for m in nl.store.list_meetings(series=series or None) if key.may_see(m.series)]


@router.get("/{meeting_id}", summary="Eén vergadering met agendapunten en aantekeningen", response_model=MeetingPublic)
def get_meeting(meeting_id: str, nl: NotulistDep, key: Reader) -> MeetingPublic:
    """One meeting with its items, their notes and the exact source text of each item."""
    meeting = visible_meeting(nl, key, meeting_id)
    return meeting_public(meeting, nl.store.sources_for(meeting))


@router.delete("/{meeting_id}", summary="Vergadering verwijderen", status_code=204)
def delete_meeting(meeting_id: str, nl: NotulistDep, key: Secretary) -> Response:
    """Remove a meeting, its notes, extraction and index entries (saved verslagen are kept)."""
    visible_meeting(nl, key, meeting_id)
    nl.delete_meeting(meeting_id, key=key)  # kept for restore (POST /api/deleted/{id}/restore)
    return Response(status_code=204)


@router.get("/{meeting_id}/extraction", summary="Besluiten, acties en doorgeschoven punten", response_model=Extraction)
def get_extraction(meeting_id: str, nl: NotulistDep, key: Reader) -> Extraction:
    """Decisions, actions and postponed items of the meeting, each with its citation."""
    visible_meeting(nl, key, meeting_id)
    return nl.extraction(meeting_id)
