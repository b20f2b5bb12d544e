"""The store's tables (SQLAlchemy declarative rows); notulist/store.py reads and writes them as domain models,
and notulist/migrations keeps the schema of an existing database in step with them."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from notulist.errors import NotFoundError

RowT = TypeVar("RowT")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def get_row(session: Session, row_type: type[RowT], key: str, what: str) -> RowT:
    """The row with primary key `key`; a missing one is a NotFoundError fit to show ("Bron 'x' bestaat niet.")."""
    row = session.get(row_type, key)
    if row is None:
        raise NotFoundError(f"{what} '{key}' bestaat niet.")
    return row


class UTCDateTime(TypeDecorator):
    """Stored as a naive UTC timestamp (the schema's DateTime); read back timezone-aware (UTC), so every
    timestamp the API and the CLI show carries its offset."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=dt.timezone.utc) if value is not None and value.tzinfo is None else value


class Base(DeclarativeBase):
    pass


class SourceRow(Base):
    __tablename__ = "sources"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the bytes
    filename: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(20))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    raw_text: Mapped[str] = mapped_column(Text)
    model_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_now)


class MeetingRow(Base):
    __tablename__ = "meetings"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    series: Mapped[str] = mapped_column(String(300), index=True)
    title: Mapped[str] = mapped_column(String(500))
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    source_ids: Mapped[list] = mapped_column(JSON)
    model_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_now)
    # "pending" from the moment it is stored until its chunks are in the search index, then "indexed";
    # indexed_with: the embedder and chunk size those chunks were made with (consistency.index_signature)
    index_status: Mapped[str] = mapped_column(String(10), default="pending", server_default="pending", index=True)
    indexed_with: Mapped[str | None] = mapped_column(String(200), nullable=True)


class MeetingSourceRow(Base):
    __tablename__ = "meeting_sources"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(20))


class ItemRow(Base):
    __tablename__ = "agenda_items"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    number: Mapped[str] = mapped_column(String(20), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    parent: Mapped[str | None] = mapped_column(String(20), nullable=True)
    position: Mapped[int] = mapped_column(Integer)


class NoteRow(Base):
    __tablename__ = "notes"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    item: Mapped[str | None] = mapped_column(String(20), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(30))
    source_id: Mapped[str] = mapped_column(String(64))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class ExtractionRow(Base):
    __tablename__ = "extractions"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    model_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_now)


class ActionRow(Base):
    __tablename__ = "actions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    owner: Mapped[str | None] = mapped_column(String(300), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(10), index=True)
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    model_json: Mapped[str] = mapped_column(Text)


class PostponedRow(Base):
    """One postponed item of a meeting's extraction (a copy of `Extraction.postponed`, so that listing them
    is an indexed query with a limit, not a parse of every meeting's extraction)."""
    __tablename__ = "postponed_items"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    model_json: Mapped[str] = mapped_column(Text)


class VerslagRow(Base):
    __tablename__ = "verslagen"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(String(32), index=True)  # kept when a meeting is replaced
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    markdown: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(200), nullable=True)
    llm_used: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_now)
    document_json: Mapped[str | None] = mapped_column(Text, nullable=True)  # notulist.verslag_doc.VerslagDocument


class ApiKeyRow(Base):
    __tablename__ = "api_keys"
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    series: Mapped[list] = mapped_column(JSON)  # empty: every series
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_now)


class LLMCacheRow(Base):
    __tablename__ = "llm_cache"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    model: Mapped[str] = mapped_column(String(200))
    prompt_version: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_now)


class IndexStateRow(Base):
    __tablename__ = "index_state"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)  # the derived index (its Chroma collection)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_now)


class IndexChangeRow(Base):
    __tablename__ = "index_changes"
    __table_args__ = (Index("ix_index_changes_name_version", "name", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    meeting_id: Mapped[str] = mapped_column(String(32))  # "*": everything changed (a reset); "": no meeting


class AuditRow(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    action: Mapped[str] = mapped_column(String(30), index=True)
    key_id: Mapped[str | None] = mapped_column(String(16), nullable=True)
    key_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    role: Mapped[str | None] = mapped_column(String(20), nullable=True)
    meeting_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    detail: Mapped[str | None] = mapped_column(Text, nullable=True)


class DeletedMeetingRow(Base):
    __tablename__ = "deleted_meetings"
    meeting_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    deleted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    series: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(500))
    files_json: Mapped[str] = mapped_column(Text)  # [{"role", "filename", "data" (base64)}]: enough to restore


class WooChoiceRow(Base):
    """The secretary's choice for one name proposed for Woo redaction (summarise/woo_store.py)."""

    __tablename__ = "woo_choices"
    meeting_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    candidate_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    choice: Mapped[str] = mapped_column(String(20))
    author: Mapped[str | None] = mapped_column(String(200), nullable=True)
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
