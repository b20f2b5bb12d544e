"""Issue 14: each meeting's index state (pending until its chunks are in the search index, and what they
were made with), the audit log (who did what, when) and deleted meetings kept for undo.

Existing meetings start as pending: the next ingest, serve start-up or `notulist check --repair` confirms
their chunks (an upsert embeds only what is missing or changed).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: Union[str, Sequence[str], None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("index_status", sa.String(length=10), nullable=False, server_default="pending"))
        batch.add_column(sa.Column("indexed_with", sa.String(length=200), nullable=True))
        batch.create_index("ix_meetings_index_status", ["index_status"], unique=False)
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=True),
        sa.Column("key_name", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=True),
        sa.Column("meeting_id", sa.String(length=32), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"], unique=False)
    op.create_index("ix_audit_log_action", "audit_log", ["action"], unique=False)
    op.create_index("ix_audit_log_meeting_id", "audit_log", ["meeting_id"], unique=False)
    op.create_table(
        "deleted_meetings",
        sa.Column("meeting_id", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("series", sa.String(length=300), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("files_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id"),
    )
    op.create_index("ix_deleted_meetings_deleted_at", "deleted_meetings", ["deleted_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_deleted_meetings_deleted_at", table_name="deleted_meetings")
    op.drop_table("deleted_meetings")
    for name in ("ix_audit_log_meeting_id", "ix_audit_log_action", "ix_audit_log_at"):
        op.drop_index(name, table_name="audit_log")
    op.drop_table("audit_log")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_index("ix_meetings_index_status")
        batch.drop_column("indexed_with")
        batch.drop_column("index_status")
