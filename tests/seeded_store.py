"""The `seeded` fixture: a store with the two seed meetings, ingested once per test module and copied into
each test's data dir (ingesting embeds every chunk; the publication tests only need the stored meetings).
Import both fixtures into a test module: `from tests.seeded_store import seed_template, seeded`."""

from __future__ import annotations

import shutil

import pytest

from notulist.settings import Settings
from service.pipeline import InputFile, Notulist
from tests.conftest import SEEDS

SEED_DOCS = sorted((SEEDS / "docs").glob("*.md"))


@pytest.fixture(scope="module")
def seed_template(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("seeds") / "data"
    app = Notulist(Settings(data_dir=data_dir))
    for path in SEED_DOCS:
        result = app.ingest(InputFile.from_path(path))
        assert result.status == "new", result.message
    app.store.engine.dispose()
    return data_dir


@pytest.fixture
def seeded(seed_template, settings) -> Notulist:
    shutil.copytree(seed_template, settings.data_dir)
    return Notulist(settings)
