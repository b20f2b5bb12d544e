"""The HTTP API and the web page. Every route goes through the same `Notulist` context as the CLI, so
the API, the CLI and the eval runner behave the same; this module only turns requests into calls and
domain errors into HTTP answers a client can act on (never a stack trace).

Upload decision: `POST /api/meetings` answers 201 for a new (or replaced) meeting and 200 with
`"status": "unchanged"` when the same files were uploaded before; both carry the parsed meeting.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
import uuid
from pathlib import Path
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, File, Form, Query, Request, Response, UploadFile, status
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

import notulist
from notulist.errors import (
    AccessDeniedError,
    AmbiguousReferenceError,
    InputError,
    LLMError,
    LLMUnavailableError,
    NotFoundError,
    NotulistError,
    TooLargeError,
    UnsupportedFormatError,
)
from notulist.models import Answer, Extraction, Meeting, Verslag
from notulist.settings import Settings
from notulist.settings import get_settings as settings_from_env
from notulist.store import ApiKey
from service.auth import allowed_series, check_series, current_key, require_admin, require_reader, require_secretary
from service.pipeline import InputFile, Notulist
from service.schemas import (
    ActionPublic,
    AskRequest,
    AskResponse,
    ErrorBody,
    Health,
    KeyInfo,
    MeetingCreate,
    MeetingCreated,
    MeetingPublic,
    MeetingSummary,
    ReindexResult,
    VerslagPublic,
    VerslagUpdate,
    meeting_public,
    meeting_summary,
)

log = logging.getLogger("notulist.service")

STATIC_DIR = Path(__file__).resolve().parent / "static"
SUPPORTED_SUFFIXES = {".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm", ".eml"}
UPLOAD_FIELDS = ("agenda", "notes", "clean_agenda")
# The page loads nothing from elsewhere; this header makes the browser enforce that.
PAGE_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")

ERROR_RESPONSES = {
    401: {"model": ErrorBody, "description": "Geen of een onbekende API-sleutel."},
    403: {"model": ErrorBody, "description": "De sleutel mist de rol of de reeks."},
    404: {"model": ErrorBody, "description": "Bestaat niet."},
    422: {"model": ErrorBody, "description": "Ongeldige invoer; `field` noemt het veld."},
}


# --------------------------------------------------------------------------- dependencies


def get_settings(request: Request) -> Settings:
    """The app's settings: those given to `create_app`, else read once from the environment."""
    state = request.app.state
    if state.settings is None:
        with state.lock:
            if state.settings is None:
                state.settings = settings_from_env()
    return state.settings


def get_notulist(request: Request) -> Notulist:
    """The application context of this app, built at first use (never at import)."""
    state = request.app.state
    if state.notulist is None:
        settings = get_settings(request)
        with state.lock:
            if state.notulist is None:
                ctx = Notulist(settings)
                ctx.store  # noqa: B018 - build the store once here, not racing in worker threads
                state.notulist = ctx
    return state.notulist


NotulistDep = Annotated[Notulist, Depends(get_notulist)]
Reader = Annotated[ApiKey, Depends(require_reader)]
Secretary = Annotated[ApiKey, Depends(require_secretary)]
Admin = Annotated[ApiKey, Depends(require_admin)]


# --------------------------------------------------------------------------- errors


def status_for(exc: NotulistError) -> int:
    """The HTTP status a domain error means for the client."""
    if isinstance(exc, TooLargeError):
        return status.HTTP_413_CONTENT_TOO_LARGE
    if isinstance(exc, UnsupportedFormatError):
        return status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
    if isinstance(exc, InputError):
        return status.HTTP_422_UNPROCESSABLE_CONTENT
    if isinstance(exc, NotFoundError):
        return status.HTTP_404_NOT_FOUND
    if isinstance(exc, AmbiguousReferenceError):
        return status.HTTP_409_CONFLICT
    if isinstance(exc, AccessDeniedError):
        return status.HTTP_403_FORBIDDEN
    if isinstance(exc, LLMUnavailableError):
        return status.HTTP_503_SERVICE_UNAVAILABLE
    if isinstance(exc, LLMError):
        return status.HTTP_502_BAD_GATEWAY
    return status.HTTP_400_BAD_REQUEST


class VersionConflictError(AmbiguousReferenceError):
    """A save based on a version that is no longer the latest (409, like any reference conflict)."""


class FieldError(InputError):
    """Input that is wrong in one named request field (the field travels to the client)."""

    def __init__(self, message: str, *, field: str, cls: type[InputError] = InputError):
        super().__init__(message)
        self.field = field
        self.http_status = status_for(cls("x"))


_PYDANTIC_NL = {
    "missing": "ontbreekt",
    "int_parsing": "moet een geheel getal zijn",
    "int_type": "moet een geheel getal zijn",
    "string_type": "moet tekst zijn",
    "string_too_short": "is leeg of te kort",
    "string_too_long": "is te lang",
    "greater_than_equal": "is te klein",
    "less_than_equal": "is te groot",
    "date_from_datetime_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "bool_parsing": "moet true of false zijn",
    "literal_error": "heeft een waarde die niet is toegestaan",
    "json_invalid": "is geen geldige JSON",
    "model_attributes_type": "moet een JSON-object zijn",
    "dict_type": "moet een JSON-object zijn",
    "extra_forbidden": "is onbekend",
}


def _validation_body(exc: RequestValidationError) -> dict:
    errors = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "header", "form")]
        field = ".".join(loc) or "body"
        message = _PYDANTIC_NL.get(err.get("type", ""), err.get("msg", "is ongeldig"))
        if err.get("type") == "literal_error" and err.get("ctx", {}).get("expected"):
            message += f" (kies {err['ctx']['expected']})"
        errors.append({"field": field, "message": f"Veld '{field}' {message}."})
    first = errors[0] if errors else {"field": "body", "message": "Ongeldige invoer."}
    return {"detail": first["message"], "field": first["field"], "errors": errors}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotulistError)
    async def domain_error(request: Request, exc: NotulistError) -> JSONResponse:
        code = getattr(exc, "http_status", None) or status_for(exc)
        body: dict = {"detail": str(exc)}
        if getattr(exc, "field", None):
            body["field"] = exc.field
        log.info("%s %s -> %s: %s", request.method, request.url.path, code, exc)
        return JSONResponse(body, status_code=code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        body = _validation_body(exc)
        log.info("%s %s -> 422: %s", request.method, request.url.path, body["detail"])
        return JSONResponse(body, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Deze pagina of dit adres bestaat niet."
        elif exc.status_code == 405:
            detail = "Deze methode is hier niet toegestaan."
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        ref = uuid.uuid4().hex[:8]
        log.exception("unexpected error %s on %s %s", ref, request.method, request.url.path)
        return JSONResponse(
            {"detail": f"Er ging iets mis op de server (referentie {ref}). De beheerder vindt de oorzaak in het log."},
            status_code=500)


# --------------------------------------------------------------------------- helpers


def _visible_meeting(nl: Notulist, key: ApiKey, meeting_id: str) -> Meeting:
    meeting = nl.store.get_meeting(meeting_id)
    check_series(key, meeting.series)
    return meeting


def _read_upload(upload: UploadFile | None, field: str, limit: int) -> InputFile | None:
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


def _draft(nl: Notulist, meeting: Meeting, *, use_llm: bool) -> VerslagPublic:
    """A freshly generated draft (version 0, not saved); the LLM path falls back to the rule engine."""
    from summarise.verslag import draft_verslag

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


def _saved(verslag: Verslag) -> VerslagPublic:
    return VerslagPublic(**verslag.model_dump(), saved=True)


def _ask(nl: Notulist, req: AskRequest, key: ApiKey) -> AskResponse:
    """Run `retrieval.answer.ask` limited to the key's series; an LLM failure becomes a warning."""
    from retrieval.answer import ask

    if req.series:
        check_series(key, req.series)
    use_llm = req.use_llm and nl.settings.llm_enabled
    kwargs = dict(app=nl, series=req.series or None, since=req.since, allowed_series=allowed_series(key))
    try:
        answer = ask(req.question, use_llm=use_llm, **kwargs)
    except Exception as exc:
        if not use_llm or isinstance(exc, (AccessDeniedError, InputError, NotFoundError)):
            raise
        log.warning("answer with LLM failed, extractive answer instead: %s", exc)
        answer = ask(req.question, use_llm=False, **kwargs)
        answer = answer.model_copy(update={"warnings": [*answer.warnings,
                                                        f"Het taalmodel was niet bruikbaar ({exc}); "
                                                        "dit antwoord bestaat uit letterlijke passages."]})
    return AskResponse(**answer.model_dump())


def _action_public(action, meetings: dict[str, Meeting]) -> ActionPublic:
    meeting = meetings.get(action.meeting_id)
    item = meeting.item(action.item) if meeting is not None and action.item else None
    return ActionPublic(**action.model_dump(), series=meeting.series if meeting else None,
                        meeting_title=meeting.title if meeting else None,
                        meeting_date=meeting.date if meeting else None, item_title=item.title if item else None)


def _sse(event: str, data) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n".encode()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "vergadering"


# --------------------------------------------------------------------------- the app


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the settings and the Notulist context are resolved lazily, per app."""
    app = FastAPIOffline(
        title="Notulist",
        version=notulist.__version__,
        description="Verslagen, besluiten, acties en vragen over vergaderstukken. "
                    "Elke route behalve /health vraagt een API-sleutel: `Authorization: Bearer SLEUTEL`.",
    )
    app.state.settings = settings
    app.state.notulist = None
    app.state.lock = threading.Lock()
    install_error_handlers(app)

    @app.middleware("http")
    async def reject_oversized_upload(request: Request, call_next):
        """Refuse an upload that cannot fit before reading it (three files and the form fields)."""
        if request.method == "POST" and request.url.path == "/api/meetings":
            length = request.headers.get("content-length")
            limit = get_settings(request).max_file_bytes * len(UPLOAD_FIELDS) + 64 * 1024
            if length and length.isdigit() and int(length) > limit:
                return JSONResponse({"detail": "De upload is groter dan de toegestane omvang.", "field": "agenda"},
                                    status_code=status.HTTP_413_CONTENT_TOO_LARGE)
        return await call_next(request)

    # ------------------------------------------------------------------ page, health, docs

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers={"Content-Security-Policy": PAGE_CSP,
                                                                "Cache-Control": "no-cache"})

    @app.get("/health", response_model=Health, tags=["algemeen"])
    def health() -> Health:
        """Is the service up? (no key needed, reveals nothing)"""
        return Health(version=notulist.__version__)

    @app.get("/api/me", response_model=KeyInfo, tags=["algemeen"], responses=ERROR_RESPONSES)
    def whoami(key: Annotated[ApiKey, Depends(current_key)]) -> KeyInfo:
        """The role and series of the key in use (the page uses it to show what the key may do)."""
        return KeyInfo(id=key.id, role=key.role, series=key.series, name=key.name)

    # ------------------------------------------------------------------ meetings

    @app.post("/api/meetings", response_model=MeetingCreated, status_code=201, tags=["vergaderingen"],
              responses={**ERROR_RESPONSES, 200: {"model": MeetingCreated, "description": "Al ingelezen (unchanged)."},
                         413: {"model": ErrorBody}, 415: {"model": ErrorBody}})
    def upload_meeting(
        response: Response,
        nl: NotulistDep,
        key: Secretary,
        agenda: Annotated[UploadFile, File(description="De agenda (md, txt, pdf, docx, html, eml).")],
        notes: Annotated[UploadFile | None, File(description="Los bestand met aantekeningen.")] = None,
        clean_agenda: Annotated[UploadFile | None, File(description="De schone agenda (zonder aantekeningen).")] = None,
        series: Annotated[str | None, Form(max_length=300)] = None,
        year: Annotated[int | None, Form(ge=1900, le=2100)] = None,
    ) -> MeetingCreated:
        """Upload an agenda (with optional notes / clean agenda): parsed, stored, extracted and indexed."""
        meta = MeetingCreate(series=(series or "").strip() or None, year=year)
        if meta.series:
            check_series(key, meta.series)
        elif key.series:
            if len(key.series) > 1:
                raise FieldError("Kies een reeks: deze sleutel mag alleen " + ", ".join(key.series) + ".",
                                 field="series")
            meta.series = key.series[0]
        limit = nl.settings.max_file_bytes
        files = {field: _read_upload(upload, field, limit)
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
            err = FieldError(f"{field}: {exc}", field=field, cls=type(exc))
            raise err from exc
        meeting = nl.store.get_meeting(result.meeting_id)
        if not key.may_see(meeting.series):  # defensive: the parser named another series than the key's
            if result.status == "new":
                nl.delete_meeting(meeting.id)
            check_series(key, meeting.series)
        if result.status == "unchanged":
            response.status_code = status.HTTP_200_OK
        public = meeting_public(meeting, nl.store.sources_for(meeting))
        return MeetingCreated(**public.model_dump(), status=result.status, warnings=result.warnings)

    @app.get("/api/meetings", response_model=list[MeetingSummary], tags=["vergaderingen"], responses=ERROR_RESPONSES)
    def list_meetings(nl: NotulistDep, key: Reader,
                      series: Annotated[str | None, Query(max_length=300)] = None) -> list[MeetingSummary]:
        """The meetings this key may see, oldest first."""
        return [meeting_summary(m) for m in nl.store.list_meetings(series=series or None) if key.may_see(m.series)]

    @app.get("/api/meetings/{meeting_id}", response_model=MeetingPublic, tags=["vergaderingen"],
             responses=ERROR_RESPONSES)
    def get_meeting(meeting_id: str, nl: NotulistDep, key: Reader) -> MeetingPublic:
        """One meeting with its items, their notes and the exact source text of each item."""
        meeting = _visible_meeting(nl, key, meeting_id)
        return meeting_public(meeting, nl.store.sources_for(meeting))

    @app.delete("/api/meetings/{meeting_id}", status_code=204, tags=["vergaderingen"], responses=ERROR_RESPONSES)
    def delete_meeting(meeting_id: str, nl: NotulistDep, key: Secretary) -> Response:
        """Remove a meeting, its notes, extraction and index entries (saved verslagen are kept)."""
        _visible_meeting(nl, key, meeting_id)
        nl.delete_meeting(meeting_id)
        return Response(status_code=204)

    @app.get("/api/meetings/{meeting_id}/extraction", response_model=Extraction, tags=["vergaderingen"],
             responses=ERROR_RESPONSES)
    def get_extraction(meeting_id: str, nl: NotulistDep, key: Reader) -> Extraction:
        """Decisions, actions and postponed items of the meeting, each with its citation."""
        _visible_meeting(nl, key, meeting_id)
        return nl.extraction(meeting_id)

    # ------------------------------------------------------------------ verslag

    @app.get("/api/meetings/{meeting_id}/verslag", response_model=VerslagPublic, tags=["verslag"],
             responses=ERROR_RESPONSES)
    def get_verslag(meeting_id: str, nl: NotulistDep, key: Reader,
                    draft: bool = Query(False, description="Altijd een nieuw concept maken."),
                    use_llm: bool = Query(False, description="Het taalmodel gebruiken als het is ingesteld.")
                    ) -> VerslagPublic:
        """The latest saved version, or a freshly generated draft (version 0) when none is saved."""
        meeting = _visible_meeting(nl, key, meeting_id)
        latest = None if draft else nl.store.latest_verslag(meeting_id)
        return _saved(latest) if latest is not None else _draft(nl, meeting, use_llm=use_llm)

    @app.put("/api/meetings/{meeting_id}/verslag", response_model=VerslagPublic, tags=["verslag"],
             responses={**ERROR_RESPONSES, 409: {"model": ErrorBody, "description": "Intussen een nieuwere versie."}})
    def put_verslag(meeting_id: str, body: VerslagUpdate, nl: NotulistDep, key: Secretary) -> VerslagPublic:
        """Save the edited verslag as a new version (earlier versions are kept)."""
        _visible_meeting(nl, key, meeting_id)
        latest = nl.store.latest_verslag(meeting_id)
        latest_version = latest.version if latest else 0
        if body.base_version is not None and body.base_version != latest_version:
            raise VersionConflictError(
                f"Iemand anders heeft intussen versie {latest_version} opgeslagen (jij bewerkte versie "
                f"{body.base_version}). Laad de nieuwste versie en voeg je wijzigingen opnieuw toe.")
        saved = nl.store.save_verslag(Verslag(meeting_id=meeting_id, markdown=body.markdown, status=body.status,
                                              author=key.name or f"sleutel {key.id}"))
        return _saved(saved)

    @app.get("/api/meetings/{meeting_id}/verslag/versions", response_model=list[VerslagPublic], tags=["verslag"],
             responses=ERROR_RESPONSES)
    def verslag_versions(meeting_id: str, nl: NotulistDep, key: Reader) -> list[VerslagPublic]:
        """Every saved version, oldest first."""
        _visible_meeting(nl, key, meeting_id)
        return [_saved(v) for v in nl.store.verslag_versions(meeting_id)]

    @app.get("/api/meetings/{meeting_id}/verslag.docx", tags=["verslag"], responses={
        **ERROR_RESPONSES, 200: {"content": {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {}}}})
    def verslag_docx(meeting_id: str, nl: NotulistDep, key: Reader,
                     version: Annotated[int | None, Query(ge=1, description="Een opgeslagen versie.")] = None
                     ) -> Response:
        """The verslag as a Word file: the given version, else the latest saved one, else a draft."""
        from summarise.export import verslag_to_docx

        meeting = _visible_meeting(nl, key, meeting_id)
        if version is not None:
            verslag = next((v for v in nl.store.verslag_versions(meeting_id) if v.version == version), None)
            if verslag is None:
                raise NotFoundError(f"Versie {version} van het verslag bestaat niet.")
        else:
            verslag = nl.store.latest_verslag(meeting_id) or _draft(nl, meeting, use_llm=False)
        data = verslag_to_docx(verslag.markdown)
        name = f"verslag-{_slug(meeting.series)}-{meeting.date.isoformat() if meeting.date else meeting.id}.docx"
        return Response(data, media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    # ------------------------------------------------------------------ ask

    @app.post("/api/ask", response_model=AskResponse, tags=["vragen"], responses=ERROR_RESPONSES)
    def ask_question(req: AskRequest, nl: NotulistDep, key: Reader) -> AskResponse:
        """Answer a question from the meetings this key may see, with citations (as `notulist ask --json`)."""
        return _ask(nl, req, key)

    @app.post("/api/ask/stream", tags=["vragen"], responses={
        **ERROR_RESPONSES, 200: {"content": {"text/event-stream": {}},
                                 "description": "Events: status, citation (een per bron), token (stukje antwoord), "
                                                "done (het hele antwoord), error."}})
    async def ask_stream(req: AskRequest, nl: NotulistDep, key: Reader) -> StreamingResponse:
        """The answer as server-sent events, so the page shows progress while it is found."""
        if req.series:
            check_series(key, req.series)  # before the stream starts, so it is a real 403

        async def events():
            yield _sse("status", {"message": "Zoeken in de vergaderstukken..."})
            try:
                answer: Answer = await run_in_threadpool(_ask, nl, req, key)
            except NotulistError as exc:
                yield _sse("error", {"detail": str(exc), "status": status_for(exc)})
                return
            except Exception:
                ref = uuid.uuid4().hex[:8]
                log.exception("unexpected error %s in ask stream", ref)
                yield _sse("error", {"detail": f"Er ging iets mis op de server (referentie {ref}).", "status": 500})
                return
            for citation in answer.citations:
                yield _sse("citation", citation.model_dump(mode="json"))
            for piece in re.findall(r"\S+\s*", answer.answer):
                yield _sse("token", {"text": piece})
                await asyncio.sleep(0)
            yield _sse("done", answer.model_dump(mode="json"))

        return StreamingResponse(events(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    # ------------------------------------------------------------------ actions

    @app.get("/api/actions", response_model=list[ActionPublic], tags=["acties"], responses=ERROR_RESPONSES)
    def list_actions(nl: NotulistDep, key: Reader,
                     owner: Annotated[str | None, Query(max_length=200, description="Deel van de naam.")] = None,
                     status_: Annotated[Literal["open", "done"] | None, Query(alias="status")] = None,
                     series: Annotated[str | None, Query(max_length=300)] = None) -> list[ActionPublic]:
        """Actions of the meetings this key may see, filtered by owner and status."""
        if series:
            check_series(key, series)
        limit = [series] if series else (key.series or None)
        meetings = {m.id: m for m in nl.store.list_meetings()}
        return [_action_public(a, meetings)
                for a in nl.store.list_actions(owner=owner or None, status=status_, series=limit)]

    def _set_action_status(action_id: str, nl: Notulist, key: ApiKey, new_status: str) -> ActionPublic:
        action = nl.store.get_action(action_id)
        meeting = _visible_meeting(nl, key, action.meeting_id)
        updated = nl.store.update_action(action.model_copy(update={"status": new_status}))
        return _action_public(updated, {meeting.id: meeting})

    @app.post("/api/actions/{action_id}/done", response_model=ActionPublic, tags=["acties"],
              responses=ERROR_RESPONSES)
    def action_done(action_id: str, nl: NotulistDep, key: Secretary) -> ActionPublic:
        """Mark an action done (it stays done when the meeting is extracted again)."""
        return _set_action_status(action_id, nl, key, "done")

    @app.post("/api/actions/{action_id}/open", response_model=ActionPublic, tags=["acties"],
              responses=ERROR_RESPONSES)
    def action_reopen(action_id: str, nl: NotulistDep, key: Secretary) -> ActionPublic:
        """Undo 'done' (for a mistaken click)."""
        return _set_action_status(action_id, nl, key, "open")

    # ------------------------------------------------------------------ admin

    @app.post("/api/reindex", response_model=ReindexResult, tags=["beheer"], responses=ERROR_RESPONSES)
    def reindex(nl: NotulistDep, key: Admin) -> ReindexResult:
        """Rebuild the search index from the meeting store (the index is derived data)."""
        chunks = nl.reindex()
        return ReindexResult(chunks=chunks, meetings=len(nl.store.list_meetings()))

    _dutch_summaries(app)
    return app


SUMMARIES = {
    ("GET", "/health"): "Draait de dienst?",
    ("GET", "/api/me"): "Rol en reeksen van deze sleutel",
    ("POST", "/api/meetings"): "Agenda (met aantekeningen) inlezen",
    ("GET", "/api/meetings"): "Vergaderingen",
    ("GET", "/api/meetings/{meeting_id}"): "Eén vergadering met agendapunten en aantekeningen",
    ("DELETE", "/api/meetings/{meeting_id}"): "Vergadering verwijderen",
    ("GET", "/api/meetings/{meeting_id}/extraction"): "Besluiten, acties en doorgeschoven punten",
    ("GET", "/api/meetings/{meeting_id}/verslag"): "Verslag: laatste versie of nieuw concept",
    ("PUT", "/api/meetings/{meeting_id}/verslag"): "Verslag opslaan als nieuwe versie",
    ("GET", "/api/meetings/{meeting_id}/verslag/versions"): "Alle opgeslagen versies van het verslag",
    ("GET", "/api/meetings/{meeting_id}/verslag.docx"): "Verslag als Word-bestand",
    ("POST", "/api/ask"): "Vraag stellen (antwoord met bronnen)",
    ("POST", "/api/ask/stream"): "Vraag stellen, antwoord als server-sent events",
    ("GET", "/api/actions"): "Acties per actiehouder en status",
    ("POST", "/api/actions/{action_id}/done"): "Actie afronden",
    ("POST", "/api/actions/{action_id}/open"): "Actie weer open zetten",
    ("POST", "/api/reindex"): "Zoekindex opnieuw opbouwen (beheerder)",
}


def _dutch_summaries(app: FastAPI) -> None:
    """Dutch titles in /docs (the docstrings stay the developer's explanation)."""
    for route in app.routes:
        for method in getattr(route, "methods", None) or ():
            summary = SUMMARIES.get((method, getattr(route, "path", "")))
            if summary:
                route.summary = summary


__all__ = ["create_app", "get_notulist", "get_settings", "status_for"]
