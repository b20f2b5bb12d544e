"""The FastAPI dependencies every route declares with `Annotated` (as the FastAPI full-stack template
does): the app's settings, its `Notulist` context, and the API key of the request with its role."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.security import HTTPAuthorizationCredentials

from notulist.models import Meeting
from notulist.settings import Settings
from notulist.settings import get_settings as settings_from_env
from notulist.store_keys import ROLE_RANK, ApiKey
from service.auth import bearer, check_role, check_series, verify_key
from service.pipeline import Notulist


def init_state(app: FastAPI, settings: Settings | None) -> None:
    """What the dependencies below resolve lazily, per app (nothing is built at import)."""
    app.state.settings = settings
    app.state.notulist = None
    app.state.lock = threading.Lock()


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


def current_key(request: Request, nl: NotulistDep,
                credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> ApiKey:
    """The verified key of this request, or 401."""
    key = verify_key(nl.store, credentials)
    request.state.api_key = key
    return key


CurrentKey = Annotated[ApiKey, Depends(current_key)]


def require(role: str) -> Callable[..., ApiKey]:
    """A dependency that lets a request through only with a key of at least `role` (else 403)."""
    if role not in ROLE_RANK:
        raise ValueError(f"unknown role {role!r}")

    def dependency(key: CurrentKey) -> ApiKey:
        return check_role(key, role)

    dependency.__name__ = f"require_{role}"
    return dependency


Reader = Annotated[ApiKey, Depends(require("reader"))]
Secretary = Annotated[ApiKey, Depends(require("secretary"))]
Admin = Annotated[ApiKey, Depends(require("admin"))]


def visible_meeting(nl: Notulist, key: ApiKey, meeting_id: str) -> Meeting:
    """The meeting, if the key may see its series (404 / 403 otherwise)."""
    meeting = nl.store.get_meeting(meeting_id)
    check_series(key, meeting.series)
    return meeting
