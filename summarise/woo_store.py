"""The secretary's Woo choices, one per (meeting, name), kept in the meeting store's database.

A table of its own (made by the store's migration 0007, notulist/migrations) so that choices survive new
verslag versions: a name judged once stays judged for that meeting until she changes her mind.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from notulist.store_rows import WooChoiceRow

from summarise.woo import Choice


class WooChoices:
    def __init__(self, engine) -> None:
        self.engine = engine

    def get(self, meeting_id: str) -> dict[str, Choice]:
        with Session(self.engine) as s:
            rows = s.scalars(select(WooChoiceRow).where(WooChoiceRow.meeting_id == meeting_id))
            return {r.candidate_id: r.choice for r in rows}  # type: ignore[misc]

    def set(self, meeting_id: str, candidate_id: str, name: str, choice: Choice | None,
            author: str | None = None) -> None:
        """Store (or with None: withdraw) the choice for one name."""
        with Session(self.engine) as s, s.begin():
            s.execute(delete(WooChoiceRow).where(WooChoiceRow.meeting_id == meeting_id,
                                                 WooChoiceRow.candidate_id == candidate_id))
            if choice is not None:
                s.add(WooChoiceRow(meeting_id=meeting_id, candidate_id=candidate_id, name=name, choice=choice,
                                   author=author, decided_at=dt.datetime.now(dt.timezone.utc)))
