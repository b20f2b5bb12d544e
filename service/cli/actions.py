"""`notulist actions`: the actielijst across meetings (open, afgerond, verlopen), filtered, sorted, exported."""

from __future__ import annotations

import json
from pathlib import Path

import click

from service.cli.context import CliApp


@click.command()
@click.option("--series", help="Alleen deze vergaderreeks.")
@click.option("--owner", help="Alleen acties van deze actiehouder (deel van de naam).")
@click.option("--status", type=click.Choice(["open", "verlopen", "afgerond"]),
              help="open (ook verlopen), verlopen (deadline voorbij) of afgerond.")
@click.option("--open", "only_open", is_flag=True, help="Alleen openstaande acties (= --status open).")
@click.option("--format", "fmt", type=click.Choice(["tekst", "csv", "xlsx", "docx"]), default="tekst", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Schrijf naar dit bestand.")
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def actions(app: CliApp, series, owner, status, only_open, fmt, output, as_json) -> None:
    """De actielijst over alle vergaderingen: nr, onderwerp, actiehouder, deadline, status, stand van zaken, bron."""
    from summarise import actielijst_export as export  # late: a command loads the stage it needs
    from summarise.actielijst import actielijst

    rows = actielijst(app.store, series=series, owner=owner, status=status or ("open" if only_open else None))
    if as_json:
        click.echo(json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False, indent=2))
        return
    if fmt == "tekst" and not output:
        click.echo(export.to_text(rows) if rows else "Geen acties gevonden.")
        return
    data = {"tekst": lambda: export.to_text(rows).encode("utf-8"), "csv": lambda: export.to_csv(rows),
            "xlsx": lambda: export.to_xlsx(rows), "docx": lambda: export.to_docx(rows)}[fmt]()
    target = Path(output or f"actielijst.{'txt' if fmt == 'tekst' else fmt}")
    target.write_bytes(data)
    click.echo(f"actielijst ({len(rows)} acties) geschreven naar {target}")


COMMANDS = [actions]
