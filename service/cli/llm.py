"""`notulist llm ...`: which LLM endpoint is configured and whether it answers."""

from __future__ import annotations

import json
import sys

import click

from service.cli.context import CliApp


@click.group("llm")
def llm_group() -> None:
    """Het taalmodel (OpenAI-compatibele server) controleren."""


@llm_group.command("check")
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def check(app: CliApp, as_json: bool) -> None:
    """Toon endpoint en model, en test of ze antwoorden (exitcode 1 als niet)."""
    llm = app.llm
    if llm is None:
        report = {"configured": False, "ok": False, "base_url": app.settings.llm_base_url,
                  "model": app.settings.llm_model,
                  "error": "geen LLM ingesteld: zet NOTULIST_LLM_BASE_URL en NOTULIST_LLM_MODEL; "
                           "tot dan gelden de regel-engine en extractieve antwoorden"}
    else:
        report = {"configured": True, **llm.check()}
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(f"endpoint: {report.get('base_url') or '(niet ingesteld)'}")
        click.echo(f"model:    {report.get('model') or '(niet ingesteld)'}")
        if report.get("models") is not None:
            listed = "ja" if report.get("model_listed") else "nee"
            click.echo(f"model in /models: {listed} ({', '.join(report['models'][:5]) or 'lege lijst'})")
        if report["ok"]:
            click.echo(f"antwoordt: ja ({report['seconds']} s, antwoord: {report['answer']!r})")
        else:
            click.echo(f"antwoordt: nee — {report['error']}", err=True)
    if not report["ok"]:
        sys.exit(1)


COMMANDS = [llm_group]
