"""Shared fixtures: every test keeps all state in its own tmp_path and runs offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from notulist.settings import Settings, make_offline_safe
import notulist.jobs  # noqa: F401,E402  (its tables join store.Base.metadata, which the migration tests compare)

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SEEDS = REPO / "eval" / "data" / "seeds"  # the seeds' docs, gold and questions, carried in the repo

SEED_0306 = EXAMPLES / "2024-03-06_voortgangsoverleg-inclusie-diversiteit_agenda.md"
SEED_0311 = EXAMPLES / "2024-03-11_voortgangsoverleg-inclusie-diversiteit_agenda-met-notities.md"

make_offline_safe()


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    """All state goes to tmp_path; no NOTULIST_ setting leaks in from the developer's shell."""
    for key in list(os.environ):
        if key.startswith("NOTULIST_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("NOTULIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    yield


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def app(settings):
    from service.pipeline import Notulist

    return Notulist(settings)
