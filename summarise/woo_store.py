"""The secretary's Woo choices, one per (meeting, name), kept in the meeting store's database.

A table of its own (created when first used, like the store's tables) so that choices survive new verslag
versions: a name judged once stays judged for that meeting until she changes her mind.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String, delete, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from summarise.woo import Choice


class _Base(DeclarativeBase):
    pass


class WooChoiceRow(_Base):
    __tablename__ = "woo_choices"
    meeting_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    candidate_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    choice: Mapped[str] = mapped_column(String(20))
    author: Mapped[str | None] = mapped_column(String(200), nullable=True)
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class WooChoices:
    def __init__(self, engine) -> None:
        self.engine = engine
        _Base.metadata.create_all(engine, tables=[WooChoiceRow.__table__])

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
