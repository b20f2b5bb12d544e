"""Access control: API keys (stored hashed in the meeting store) with roles reader < secretary < admin,
optionally limited to series. Keys travel as `Authorization: Bearer KEY`.

401 = no key or an unknown/revoked one (the client should ask for a key); 403 = a valid key that lacks
the role or the series (asking again with the same key will not help).
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from notulist.errors import AccessDeniedError
from notulist.store import ROLE_RANK, ApiKey

ROLE_NAMES_NL = {"reader": "lezer", "secretary": "secretaris", "admin": "beheerder"}

bearer = HTTPBearer(auto_error=False, description="API-sleutel: `notulist keys create --role ROLE`.")


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail=message, headers={"WWW-Authenticate": "Bearer"})


def current_key(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> ApiKey:
    """The verified key of this request, or 401."""
    from service.app import get_notulist  # late import: app.py imports this module

    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials.strip():
        raise _unauthorized("Geen API-sleutel meegegeven (kop 'Authorization: Bearer SLEUTEL').")
    key = get_notulist(request).store.verify_key(credentials.credentials.strip())
    if key is None:
        raise _unauthorized("Onbekende of ingetrokken API-sleutel.")
    request.state.api_key = key
    return key


def require(role: str) -> Callable[..., ApiKey]:
    """A dependency that lets a request through only with a key of at least `role`."""
    if role not in ROLE_RANK:
        raise ValueError(f"unknown role {role!r}")

    def dependency(key: ApiKey = Depends(current_key)) -> ApiKey:
        if not key.has_role(role):
            raise AccessDeniedError(
                f"Deze sleutel heeft de rol {ROLE_NAMES_NL[key.role]}; hiervoor is de rol "
                f"{ROLE_NAMES_NL[role]} nodig.")
        return key

    dependency.__name__ = f"require_{role}"
    return dependency


def check_series(key: ApiKey, series: str) -> None:
    """403 when a series-limited key touches a meeting of another series."""
    if not key.may_see(series):
        raise AccessDeniedError(f"Deze sleutel geeft geen toegang tot de reeks '{series}'.")


def allowed_series(key: ApiKey) -> list[str] | None:
    """The series a key may search (None: all), as `retrieval.answer.ask(allowed_series=...)` expects."""
    return list(key.series) or None


require_reader = require("reader")
require_secretary = require("secretary")
require_admin = require("admin")
