"""Alembic environment: migrations run on the connection `notulist.migrations.upgrade` passes in,
or (for the `alembic` command line) on NOTULIST_STORE_URL / the default SQLite store."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import notulist.jobs  # noqa: F401  (the jobs tables live there, in the same metadata)
from notulist.settings import Settings
from notulist.store_rows import Base

target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with create_engine(Settings().resolved_store_url).begin() as conn:
        _run(conn)
