"""Index meeting_sources.source_id: finding the meeting of a set of files (re-ingest) is an index look-up,
not a scan of every meeting.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from typing import Sequence, Union

from alembic import op

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("ix_meeting_sources_source_id", "meeting_sources", ["source_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_meeting_sources_source_id", table_name="meeting_sources")
