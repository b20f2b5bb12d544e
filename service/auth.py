"""Access control: API keys (stored hashed in the meeting store) with roles reader < secretary < admin,
optionally limited to series. Keys travel as `Authorization: Bearer KEY`.

401 = no key or an unknown/revoked one (the client should ask for a key); 403 = a valid key that lacks
the role or the series (asking again with the same key will not help). The FastAPI dependencies built
on these rules live in service/deps.py.
"""

from __future__ import annotations

from fastapi import HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from notulist.errors import AccessDeniedError
from notulist.store import MeetingStore
from notulist.store_keys import ROLE_RANK, ApiKey

ROLE_NAMES_NL = {"reader": "lezer", "secretary": "secretaris", "admin": "beheerder"}

bearer = HTTPBearer(auto_error=False, description="API-sleutel: `notulist keys create --role ROLE`.")


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail=message, headers={"WWW-Authenticate": "Bearer"})


def verify_key(store: MeetingStore, credentials: HTTPAuthorizationCredentials | None) -> ApiKey:
    """The stored key these credentials name, or 401."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials.strip():
        raise _unauthorized("Geen API-sleutel meegegeven (kop 'Authorization: Bearer SLEUTEL').")
    key = store.verify_key(credentials.credentials.strip())
    if key is None:
        raise _unauthorized("Onbekende of ingetrokken API-sleutel.")
    return key


def check_role(key: ApiKey, role: str) -> ApiKey:
    """403 when the key's role is below `role`."""
    if role not in ROLE_RANK:
        raise ValueError(f"unknown role {role!r}")
    if not key.has_role(role):
        raise AccessDeniedError(
            f"Deze sleutel heeft de rol {ROLE_NAMES_NL[key.role]}; hiervoor is de rol "
            f"{ROLE_NAMES_NL[role]} nodig.")
    return key


def check_series(key: ApiKey, series: str) -> None:
    """403 when a series-limited key touches a meeting of another series."""
    if not key.may_see(series):
        raise AccessDeniedError(f"Deze sleutel geeft geen toegang tot de reeks '{series}'.")


def allowed_series(key: ApiKey) -> list[str] | None:
    """The series a key may search (None: all), as `Notulist.ask(allowed_series=...)` expects."""
    return list(key.series) or None
