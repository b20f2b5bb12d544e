"""Schema migrations of the meeting store (Alembic), for SQLite and PostgreSQL alike.

`upgrade(engine)` brings any store to the newest schema: a new database gets every revision, a store
made before migrations existed (tables but no `alembic_version`) is stamped at the baseline first, and
a store already at head costs one small query. On PostgreSQL the upgrade holds an advisory lock, so
several service processes starting at once migrate exactly once.

A new revision: `alembic -c notulist/migrations/alembic.ini revision -m "wat er verandert"` (or
`--autogenerate` against a store at head), then edit it; `tests/test_store.py` checks that the
migrations produce exactly the tables of `notulist/store.py` on both engines.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

HERE = Path(__file__).resolve().parent
BASELINE = "0001"  # the schema that `create_all` made before migrations existed
_PG_LOCK = 7_201_515  # advisory lock key: "notulist schema"


def _config(connection: Connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision id."""
    from alembic.script import ScriptDirectory

    cfg = _config(None)  # type: ignore[arg-type]
    return ScriptDirectory.from_config(cfg).get_current_head()


def current(connection: Connection) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    return set(MigrationContext.configure(connection).get_current_heads())


def upgrade(engine: Engine) -> None:
    """Migrate the store behind `engine` to head (idempotent; safe with several processes on PostgreSQL)."""
    from alembic import command

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
        have = current(conn)
        if have == {head()}:
            return
        cfg = _config(conn)
        if not have and inspect(conn).has_table("meetings"):
            command.stamp(cfg, BASELINE)
        command.upgrade(cfg, "head")
