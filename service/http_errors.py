"""Domain errors as HTTP answers a client can act on: the status each error means, Dutch messages for
request validation, and the handlers that turn every failure into a JSON body (never a stack trace)."""

from __future__ import annotations

import logging
import uuid

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

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
from service.schemas import ErrorBody

log = logging.getLogger("notulist.service")

ERROR_RESPONSES = {
    400: {"model": ErrorBody, "description": "Onleesbare aanvraag (geen geldige JSON of multipart-gegevens)."},
    401: {"model": ErrorBody, "description": "Geen of een onbekende API-sleutel."},
    403: {"model": ErrorBody, "description": "De sleutel mist de rol of de reeks."},
    404: {"model": ErrorBody, "description": "Bestaat niet."},
    413: {"model": ErrorBody, "description": "Groter dan de limiet (de melding noemt de instelling)."},
    415: {"model": ErrorBody, "description": "Bestandstype dat Notulist niet leest."},
    422: {"model": ErrorBody, "description": "Ongeldige invoer; `field` noemt het veld."},
}

_STATUS = [  # the first class that matches decides (subclasses before their parents)
    (TooLargeError, status.HTTP_413_CONTENT_TOO_LARGE),
    (UnsupportedFormatError, status.HTTP_415_UNSUPPORTED_MEDIA_TYPE),
    (InputError, status.HTTP_422_UNPROCESSABLE_CONTENT),
    (NotFoundError, status.HTTP_404_NOT_FOUND),
    (AmbiguousReferenceError, status.HTTP_409_CONFLICT),
    (AccessDeniedError, status.HTTP_403_FORBIDDEN),
    (LLMUnavailableError, status.HTTP_503_SERVICE_UNAVAILABLE),
    (LLMError, status.HTTP_502_BAD_GATEWAY),
]


def status_for(exc: NotulistError) -> int:
    """The HTTP status a domain error means for the client."""
    return next((code for cls, code in _STATUS if isinstance(exc, cls)), status.HTTP_400_BAD_REQUEST)


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


def validation_body(exc: RequestValidationError) -> dict:
    """The first invalid field in Dutch (`detail`, `field`) and the list of all of them."""
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


async def domain_error(request: Request, exc: NotulistError) -> JSONResponse:
    code = getattr(exc, "http_status", None) or status_for(exc)
    body: dict = {"detail": str(exc)}
    if getattr(exc, "field", None):
        body["field"] = exc.field
    log.info("%s %s -> %s: %s", request.method, request.url.path, code, exc)
    return JSONResponse(body, status_code=code)


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    body = validation_body(exc)
    log.info("%s %s -> 422: %s", request.method, request.url.path, body["detail"])
    return JSONResponse(body, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)


async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail
    if exc.status_code == 404 and detail == "Not Found":
        detail = "Deze pagina of dit adres bestaat niet."
    elif exc.status_code == 400 and detail in ("There was an error parsing the body", "Invalid multipart data."):
        detail = "De aanvraag is onleesbaar: geen geldige JSON of multipart-gegevens."
    elif exc.status_code == 405:
        detail = "Deze methode is hier niet toegestaan."
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))


async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    ref = uuid.uuid4().hex[:8]
    log.exception("unexpected error %s on %s %s", ref, request.method, request.url.path)
    return JSONResponse(
        {"detail": f"Er ging iets mis op de server (referentie {ref}). De beheerder vindt de oorzaak in het log."},
        status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(NotulistError, domain_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected_error)
