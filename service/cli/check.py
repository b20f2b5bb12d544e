"""`notulist check [--repair] [--json]`: does the search index match the store (the system of record)?"""

from __future__ import annotations

import click

from service.cli.context import CliApp


@click.command()
@click.option("--repair", is_flag=True, help="Herstel wat niet klopt (indexeren, verweesde delen weg, "
                                              "onleesbare index opzij en opnieuw opbouwen).")
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def check(app: CliApp, repair: bool, as_json: bool) -> None:
    """Vergelijk opslag en zoekindex; exitcode 1 als er (na --repair nog) iets niet klopt."""
    from service.consistency import check as check_store  # late: a command loads the stage it needs

    report = check_store(app.pipeline, repair=repair)
    if as_json:
        click.echo(report.model_dump_json(indent=2))
    else:
        for line in report.repaired:
            click.echo(f"hersteld: {line}")
        if report.consistent:
            click.echo(f"In orde: {report.meetings} vergaderingen, {report.chunks} tekstdelen in de zoekindex.")
        else:
            click.echo(report.summary())
            if not repair:
                click.echo("Herstel met: notulist check --repair", err=True)
    if not report.consistent:
        raise SystemExit(1)


COMMANDS = [check]
