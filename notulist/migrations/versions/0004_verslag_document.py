"""A saved verslag keeps its structured document (sections, besluiten and acties as rows, each with its
citation) next to the Markdown, so the editor can open a saved version as rows again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("verslagen")}
    if "document_json" in columns:  # a store made by create_all from the current tables
        return
    with op.batch_alter_table("verslagen", schema=None) as batch_op:
        batch_op.add_column(sa.Column("document_json", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("verslagen", schema=None) as batch_op:
        batch_op.drop_column("document_json")
