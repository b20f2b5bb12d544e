"""Questions: an answer with citations (as `notulist ask --json`), or the same as server-sent events."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import uuid

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from notulist import audit
from notulist.errors import AccessDeniedError, InputError, NotFoundError, NotulistError
from notulist.models import Answer
from notulist.store_keys import ApiKey
from service.auth import allowed_series, check_series
from service.deps import NotulistDep, Reader
from service.http_errors import ERROR_RESPONSES, status_for
from service.pipeline import Notulist
from service.schemas import AskRequest, AskResponse

log = logging.getLogger("notulist.service")

router = APIRouter(prefix="/api/ask", tags=["vragen"], responses=ERROR_RESPONSES)


def answer(nl: Notulist, req: AskRequest, key: ApiKey) -> AskResponse:
    """`Notulist.ask` limited to the key's series; an LLM failure becomes a warning."""
    audit.record(nl.store, "ask", key=key, detail=req.question)
    if req.series:
        check_series(key, req.series)
    use_llm = req.use_llm and nl.settings.llm_enabled
    kwargs = dict(series=req.series or None, since=req.since, allowed_series=allowed_series(key))
    try:
        found = nl.ask(req.question, use_llm=use_llm, **kwargs)
    except Exception as exc:
        if not use_llm or isinstance(exc, (AccessDeniedError, InputError, NotFoundError)):
            raise
        log.warning("answer with LLM failed, extractive answer instead: %s", exc)
        found = nl.ask(req.question, use_llm=False, **kwargs)
        found = found.model_copy(update={"warnings": [*found.warnings,
                                                      f"Het taalmodel was niet bruikbaar ({exc}); "
                                                      "dit antwoord bestaat uit letterlijke passages."]})
    return AskResponse(**found.model_dump())


def sse(event: str, data) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n".encode()


@router.post("", summary="Vraag stellen (antwoord met bronnen)", response_model=AskResponse)
def ask_question(req: AskRequest, nl: NotulistDep, key: Reader) -> AskResponse:
    """Answer a question from the meetings this key may see, with citations (as `notulist ask --json`)."""
    return answer(nl, req, key)


async def _events(nl: Notulist, req: AskRequest, key: ApiKey):
    yield sse("status", {"message": "Zoeken in de vergaderstukken..."})
    try:
        found: Answer = await run_in_threadpool(answer, nl, req, key)
    except NotulistError as exc:
        yield sse("error", {"detail": str(exc), "status": status_for(exc)})
        return
    except Exception:
        ref = uuid.uuid4().hex[:8]
        log.exception("unexpected error %s in ask stream", ref)
        yield sse("error", {"detail": f"Er ging iets mis op de server (referentie {ref}).", "status": 500})
        return
    for citation in found.citations:
        yield sse("citation", citation.model_dump(mode="json"))
    for piece in re.findall(r"\S+\s*", found.answer):
        yield sse("token", {"text": piece})
        await asyncio.sleep(0)
    yield sse("done", found.model_dump(mode="json"))


@router.post("/stream", summary="Vraag stellen, antwoord als server-sent events", responses={200: {"content": {"text/event-stream": {}},
                                         "description": "Events: status, citation (een per bron), token (stukje "
                                                        "antwoord), done (het hele antwoord), error."}})
async def ask_stream(req: AskRequest, nl: NotulistDep, key: Reader) -> StreamingResponse:
    """The answer as server-sent events, so the page shows progress while it is found."""
    if req.series:
        check_series(key, req.series)  # before the stream starts, so it is a real 403
    return StreamingResponse(_events(nl, req, key), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
