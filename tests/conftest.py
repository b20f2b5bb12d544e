"""Shared fixtures: every test keeps all state in its own tmp_path and runs offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from notulist.settings import Settings, make_offline_safe
import notulist.jobs  # noqa: F401,E402  (its tables join store_rows.Base.metadata, which the migration tests compare)

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SEEDS = REPO / "eval" / "data" / "seeds"  # the seeds' docs, gold and questions, carried in the repo

SEED_0306 = EXAMPLES / "2024-03-06_voortgangsoverleg-inclusie-diversiteit_agenda.md"
SEED_0311 = EXAMPLES / "2024-03-11_voortgangsoverleg-inclusie-diversiteit_agenda-met-notities.md"

make_offline_safe()


@pytest.fixture(scope="session", autouse=True)
def shared_embedding_cache(tmp_path_factory) -> Path:
    """One passage-vector cache (the product's own EmbeddingCache, keyed by model and text hash) for the
    whole test run: the seeds and examples are ingested by a few hundred tests and module fixtures, and each
    would otherwise run the same texts through the embedder again (about 19 s for the two examples). A
    vector is a pure function of its text, so sharing it couples no test to another; tests that count
    embedder calls give their app its own cache file. Set for the session, so module fixtures (which run
    before `isolated_env`) and processes started with the test's environment see it too."""
    path = tmp_path_factory.mktemp("embeddings") / "embeddings.sqlite"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NOTULIST_EMBED_CACHE_PATH", str(path))
        yield path


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch, shared_embedding_cache):
    """All state goes to tmp_path (except the shared, content-addressed embedding cache); no NOTULIST_
    setting leaks in from the developer's shell."""
    for key in list(os.environ):
        if key.startswith("NOTULIST_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("NOTULIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NOTULIST_EMBED_CACHE_PATH", str(shared_embedding_cache))
    monkeypatch.chdir(tmp_path)
    yield


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def app(settings):
    from service.pipeline import Notulist

    return Notulist(settings)


def ingest_text(app, folder: Path, name: str, text: str):
    """Write `text` as the file `name` in `folder` and ingest it into `app`; the ingest must succeed."""
    from service.pipeline import InputFile

    path = folder / name
    path.write_text(text, encoding="utf-8")
    result = app.ingest(InputFile.from_path(path))
    assert result.status != "error", result.message
    return result


def extract_text(text: str, settings, name: str = "notulen.md"):
    """Load `text` as the file `name` (its name and suffix steer the loader and the document kind), parse the meeting
    and run the rule extraction on it: the Extraction the decision, action and postponement tests look at."""
    from ingest.loaders import load_document
    from ingest.parser import parse_meeting
    from summarise.extract import rule_extract

    source = load_document(name, text.encode("utf-8"), settings=settings)
    return rule_extract(parse_meeting(source), {source.id: source})


def record_actions(text: str) -> list:
    """The rule engine's action hits on `text` read as a record sentence (summarise.rules.analyse, where "record")."""
    from summarise.rules import analyse

    return [h for h in analyse(text, "record") if h.kind == "action"]
