"""The concept agenda of a series' next meeting (the button on the series page), as JSON and Word."""

from __future__ import annotations

import re

from fastapi import APIRouter, Response

from service.auth import check_series
from service.deps import NotulistDep, Reader
from service.http_errors import ERROR_RESPONSES
from service.schemas_secretary import AgendaOut
from summarise.export import verslag_to_docx
from summarise.next_agenda import next_agenda, render_markdown

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

router = APIRouter(prefix="/api/series/{series}", tags=["agenda"], responses=ERROR_RESPONSES)


@router.get("/next-agenda", summary="Concept-agenda van de volgende vergadering", response_model=AgendaOut)
def next_agenda_view(series: str, nl: NotulistDep, key: Reader) -> AgendaOut:
    """Date where the last meeting names it, standing items, the open actielijst, postponed items."""
    check_series(key, series)
    agenda = next_agenda(nl.store, series)
    return AgendaOut(agenda=agenda, markdown=render_markdown(agenda))


@router.get("/next-agenda.docx", summary="Concept-agenda als Word-bestand", responses={200: {"content": {DOCX_TYPE: {}}}})
def next_agenda_docx(series: str, nl: NotulistDep, key: Reader) -> Response:
    check_series(key, series)
    data = verslag_to_docx(render_markdown(next_agenda(nl.store, series)))
    name = "agenda-" + (re.sub(r"[^a-z0-9]+", "-", series.casefold()).strip("-")[:60] or "reeks") + ".docx"
    return Response(data, media_type=DOCX_TYPE, headers={"Content-Disposition": f'attachment; filename="{name}"'})
