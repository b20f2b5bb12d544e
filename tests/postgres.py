"""A throw-away PostgreSQL cluster from Debian's packages for tests: `initdb` + `pg_ctl` in a temp dir,
listening on a free loopback port only (as the `postgres` user when the tests run as root).

Tests skip with the reason when the binaries are absent; `.ci/run` installs them and sets
CI_REQUIRE_POSTGRES=1, which turns that skip into a failure, so CI always runs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import free_port


def pg_bin_dir() -> Path | None:
    """The directory with initdb and pg_ctl: Debian's /usr/lib/postgresql/<version>/bin, else PATH."""
    for bindir in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (bindir / "initdb").exists() and (bindir / "pg_ctl").exists():
            return bindir
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a fresh cluster; yields its server URL (`postgresql+psycopg://notulist@127.0.0.1:<port>`)."""
    bindir = pg_bin_dir()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL binaries (initdb, pg_ctl) not found")
    root = Path(tempfile.mkdtemp(prefix="notulist-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(root, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", free_port()
    options = (f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
    try:
        subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "notulist",
                        "-E", "UTF8", "--locale=C"], check=True, capture_output=True)
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"),
                        "-o", options, "-w", "-t", "60", "start"], check=True, capture_output=True)
        try:
            yield f"postgresql+psycopg://notulist@127.0.0.1:{port}"
        finally:
            subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                           capture_output=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def create_database(server_url: str, name: str | None = None) -> str:
    """A new, empty database on the cluster; returns its SQLAlchemy URL."""
    import psycopg

    name = name or f"t_{uuid.uuid4().hex[:12]}"
    conninfo = server_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """One throw-away cluster for the whole test session (each test makes its own database)."""
    if pg_bin_dir() is None:
        reason = "PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql"
        if os.environ.get("CI_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    with throwaway_cluster() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh database of its own for one test."""
    return create_database(postgres_server)
