"""index_changes: which meetings each index version touched, so a process whose keyword index is a few
versions behind re-reads only those meetings' chunks instead of the whole collection.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "index_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_index_changes_name_version", "index_changes", ["name", "version"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_index_changes_name_version", table_name="index_changes")
    op.drop_table("index_changes")
