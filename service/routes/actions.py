"""Actions across meetings: list by owner, status and series; mark done or open again."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from notulist import audit
from notulist.models import Action, Meeting
from notulist.store_keys import ApiKey
from service.auth import check_series
from service.deps import NotulistDep, Reader, Secretary, visible_meeting
from service.http_errors import ERROR_RESPONSES
from service.pipeline import Notulist
from service.schemas import ActionPublic
from service.schemas_secretary import ActielijstOut
from summarise import actielijst_export as export
from summarise.actielijst import actielijst

router = APIRouter(prefix="/api/actions", tags=["acties"], responses=ERROR_RESPONSES)


def action_public(action: Action, meetings: dict[str, Meeting]) -> ActionPublic:
    meeting = meetings.get(action.meeting_id)
    item = meeting.item(action.item) if meeting is not None and action.item else None
    return ActionPublic(**action.model_dump(), series=meeting.series if meeting else None,
                        meeting_title=meeting.title if meeting else None,
                        meeting_date=meeting.date if meeting else None, item_title=item.title if item else None)


@router.get("", summary="Acties per actiehouder en status", response_model=list[ActionPublic])
def list_actions(nl: NotulistDep, key: Reader,
                 owner: Annotated[str | None, Query(max_length=200, description="Deel van de naam.")] = None,
                 status_: Annotated[Literal["open", "done"] | None, Query(alias="status")] = None,
                 series: Annotated[str | None, Query(max_length=300)] = None) -> list[ActionPublic]:
    """Actions of the meetings this key may see, filtered by owner and status."""
    if series:
        check_series(key, series)
    limit = [series] if series else (key.series or None)
    meetings = {m.id: m for m in nl.store.list_meetings()}
    return [action_public(a, meetings) for a in nl.store.list_actions(owner=owner or None, status=status_, series=limit)]


def _set_status(action_id: str, nl: Notulist, key: ApiKey, new_status: Literal["open", "done"]) -> ActionPublic:
    action = nl.store.get_action(action_id)
    meeting = visible_meeting(nl, key, action.meeting_id)
    updated = nl.store.update_action(action.model_copy(update={"status": new_status}))
    audit.record(nl.store, "done" if new_status == "done" else "reopen", key=key, meeting_id=meeting.id,
                 detail=action.text[:200])
    return action_public(updated, {meeting.id: meeting})


@router.post("/{action_id}/done", summary="Actie afronden", response_model=ActionPublic)
def action_done(action_id: str, nl: NotulistDep, key: Secretary) -> ActionPublic:
    """Mark an action done (it stays done when the meeting is extracted again)."""
    return _set_status(action_id, nl, key, "done")


@router.post("/{action_id}/open", summary="Actie weer open zetten", response_model=ActionPublic)
def action_reopen(action_id: str, nl: NotulistDep, key: Secretary) -> ActionPublic:
    """Undo 'done' (for a mistaken click)."""
    return _set_status(action_id, nl, key, "open")


# --------------------------------------------------------------------------- the actielijst across meetings

list_router = APIRouter(prefix="/api/actielijst", tags=["acties"], responses=ERROR_RESPONSES)
EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
RowStatus = Literal["open", "verlopen", "afgerond"]


def _rows(nl: Notulist, key: ApiKey, series: str | None, owner: str | None, status: RowStatus | None):
    if series:
        check_series(key, series)
    return actielijst(nl.store, series=series or None, owner=owner or None, status=status,
                      allowed_series=key.series or None)


@list_router.get("", summary="Actielijst over alle vergaderingen", response_model=ActielijstOut)
def actielijst_view(nl: NotulistDep, key: Reader,
                    series: Annotated[str | None, Query(max_length=300, description="Alleen deze reeks.")] = None,
                    owner: Annotated[str | None, Query(max_length=200, description="Deel van de naam.")] = None,
                    status_: Annotated[RowStatus | None, Query(alias="status", description="open (ook verlopen), verlopen of afgerond.")] = None,
                    ) -> ActielijstOut:
    """Open, verlopen and afgerond actions with their meeting, item and the evidence of how they stand."""
    rows = _rows(nl, key, series, owner, status_)
    counts = {s: sum(r.status == s for r in rows) for s in ("open", "verlopen", "afgerond")}
    return ActielijstOut(rows=rows, counts=counts)


@list_router.get("/export", summary="Actielijst als csv, xlsx of docx",
                 responses={200: {"content": {t: {} for t in EXPORT_TYPES.values()}}})
def actielijst_export(nl: NotulistDep, key: Reader,
                      format_: Annotated[Literal["csv", "xlsx", "docx"], Query(alias="format")] = "xlsx",
                      series: Annotated[str | None, Query(max_length=300)] = None,
                      owner: Annotated[str | None, Query(max_length=200)] = None,
                      status_: Annotated[RowStatus | None, Query(alias="status")] = None) -> Response:
    """The same rows as the view, as a file (columns nr, onderwerp, actiehouder, deadline, status,
    stand van zaken, bron)."""
    rows = _rows(nl, key, series, owner, status_)
    data = {"csv": export.to_csv, "xlsx": export.to_xlsx, "docx": export.to_docx}[format_](rows)
    return Response(data, media_type=EXPORT_TYPES[format_],
                    headers={"Content-Disposition": f'attachment; filename="actielijst.{format_}"'})
