"""Issue 17: the secretary's Woo choices, one per (meeting, name), so that a name judged once stays judged
for that meeting across new verslag versions (summarise/woo_store.py reads and writes them).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "woo_choices",
        sa.Column("meeting_id", sa.String(length=64), nullable=False),
        sa.Column("candidate_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("choice", sa.String(length=20), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", "candidate_id"),
    )


def downgrade() -> None:
    op.drop_table("woo_choices")
