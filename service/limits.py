"""The request size limit, enforced while the body streams in (issue 14).

A Content-Length over the limit is refused before a byte is read; a chunked upload without one is
counted as it arrives and cut off at the limit, so a client can never make the server spool hundreds
of MB to disk before it answers 413. Pure ASGI (no BaseHTTPMiddleware), so nothing buffers the body.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ingest.loaders.base import megabytes

UPLOAD_FORM_SLACK = 64 * 1024  # multipart boundaries and the small form fields
METHODS = {"POST", "PUT", "PATCH"}


def too_large(limit: int) -> JSONResponse:
    return JSONResponse({"detail": f"De upload is groter dan {megabytes(limit)} (drie bestanden van elk "
                                   "hoogstens NOTULIST_MAX_FILE_BYTES).", "field": "agenda"}, status_code=413)


class StreamingSizeLimit:
    """Cut off any request body under /api/ over `limit(scope)` bytes with a Dutch 413."""

    def __init__(self, app: ASGIApp, limit: Callable[[Scope], int]) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in METHODS or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        limit = self.limit(scope)
        length = Headers(scope=scope).get("content-length")
        if length and length.isdigit() and int(length) > limit:
            await too_large(limit)(scope, receive, send)
            return
        state = {"received": 0, "over": False, "started": False}

        async def counted() -> Message:
            if state["over"]:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > limit:
                    state["over"] = True  # the app sees a disconnect and stops reading
                    return {"type": "http.disconnect"}
            return message

        async def guarded(message: Message) -> None:
            if state["over"]:
                return  # whatever the app says about the cut-off body, the client gets the 413
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not state["over"]:
                raise
        if state["over"] and not state["started"]:
            await too_large(limit)(scope, receive, send)


def upload_limit(get_settings: Callable) -> Callable[[Scope], int]:
    """The limit for one request: three files at the file limit plus the form fields."""
    def limit(scope: Scope) -> int:
        settings = get_settings(scope)
        return settings.max_file_bytes * 3 + UPLOAD_FORM_SLACK
    return limit
