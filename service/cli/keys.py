"""`notulist keys`: API keys for the HTTP API (only a hash is stored; the key is shown once)."""

from __future__ import annotations

import sys

import click

from service.cli.context import CliApp

ROLES = ["reader", "secretary", "admin"]


@click.group()
def keys() -> None:
    """API-sleutels maken, tonen en intrekken (rollen: reader < secretary < admin)."""


@keys.command("create")
@click.option("--role", required=True, type=click.Choice(ROLES),
              help="reader: lezen en vragen; secretary: ook uploaden, verslag opslaan, acties afvinken; "
                   "admin: ook de index herbouwen.")
@click.option("--series", multiple=True, help="Alleen deze reeks (mag vaker); weglaten = alle reeksen.")
@click.option("--name", help="Voor wie de sleutel is (komt als auteur bij opgeslagen verslagen).")
@click.pass_obj
def create(app: CliApp, role: str, series: tuple[str, ...], name: str | None) -> None:
    """Maak een sleutel. De sleutel staat alleen op de laatste regel en wordt nergens bewaard."""
    key_id, plain = app.store.create_key(role, series=list(series), name=name)
    scope = ", ".join(series) if series else "alle reeksen"
    click.echo(f"Sleutel {key_id} gemaakt: rol {role}, {scope}. Bewaar hem nu; hij is later niet meer op te vragen.",
               err=True)
    click.echo(plain)


@keys.command("list")
@click.pass_obj
def list_keys(app: CliApp) -> None:
    """Toon de geldige sleutels (id, rol, reeksen, naam; nooit de sleutel zelf)."""
    found = app.store.list_keys()
    if not found:
        click.echo("Nog geen sleutels. Maak er een met: notulist keys create --role admin")
    for key in found:
        click.echo(f"{key.id}  {key.role:<9}  {', '.join(key.series) or 'alle reeksen'}"
                   f"{'  (' + key.name + ')' if key.name else ''}")


@keys.command("revoke")
@click.argument("key_id")
@click.pass_obj
def revoke(app: CliApp, key_id: str) -> None:
    """Trek sleutel KEY_ID in (zie `notulist keys list`)."""
    app.store.revoke_key(key_id)
    click.echo(f"Sleutel {key_id} ingetrokken.")


@keys.command("check")
@click.pass_obj
def check(app: CliApp) -> None:
    """Lees een sleutel van stdin; exit 0 en de rol als hij geldig is, anders exit 1."""
    key = app.store.verify_key(sys.stdin.readline().strip())
    if key is None:
        click.echo("ongeldig", err=True)
        raise SystemExit(1)
    click.echo(key.role)


COMMANDS = [keys]
