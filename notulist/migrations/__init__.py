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

import functools
import re
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

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


@functools.cache
def _head_from_files() -> str | None:
    """The newest revision read from the revision files' `revision` / `down_revision` lines, without
    loading Alembic (None when that is not one clear head: then Alembic decides)."""
    revisions, parents = set(), set()
    for path in (HERE / "versions").glob("*.py"):
        src = path.read_text(encoding="utf-8")
        rev = re.search(r"^revision\b[^=]*=\s*['\"](\w+)['\"]", src, re.M)
        down = re.search(r"^down_revision\b[^=]*=\s*(?:['\"](\w+)['\"]|None)", src, re.M)
        if rev is None or down is None:
            continue
        revisions.add(rev.group(1))
        if down.group(1):
            parents.add(down.group(1))
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


def _at_head(engine: Engine) -> bool:
    """One small query: is the store already at the newest revision? (the usual case at every open)"""
    want = _head_from_files()
    if want is None:
        return False
    try:
        with engine.connect() as conn:
            have = {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))}
    except DBAPIError:  # a new store: no alembic_version table yet
        return False
    return have == {want}


def current(connection: Connection) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    return set(MigrationContext.configure(connection).get_current_heads())


def upgrade(engine: Engine) -> None:
    """Migrate the store behind `engine` to head (idempotent; safe with several processes on PostgreSQL)."""
    if _at_head(engine):  # without importing Alembic or reading its scripts (120-170 ms per open)
        return
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
