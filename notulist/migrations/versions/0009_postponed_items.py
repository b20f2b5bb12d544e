"""postponed_items: the postponed items of each meeting's extraction as rows, so that "which items were
postponed?" is an indexed query with a limit instead of a parse of every meeting's extraction (issue 15).
Filled from the stored extractions.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import json
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: Union[str, Sequence[str], None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    table = op.create_table(
        "postponed_items",
        sa.Column("meeting_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("model_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", "position"),
    )
    rows = []
    for meeting_id, doc in op.get_bind().execute(sa.text("SELECT meeting_id, model_json FROM extractions")):
        for position, post in enumerate(json.loads(doc).get("postponed") or []):
            rows.append({"meeting_id": meeting_id, "position": position,
                         "model_json": json.dumps(post, ensure_ascii=False)})
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_table("postponed_items")
