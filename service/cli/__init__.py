"""The `notulist` command line. One command group per file; errors become messages only here."""

from __future__ import annotations

import logging
import sys

import click

from notulist.errors import NotulistError
from notulist.settings import get_settings
from service.pipeline import Notulist


class NotulistGroup(click.Group):
    """Turns domain errors into one clear line and a non-zero exit code (no stack trace)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NotulistError as exc:
            click.echo(f"fout: {exc}", err=True)
            sys.exit(1)


@click.group(cls=NotulistGroup)
@click.option("-v", "--verbose", is_flag=True, help="Meer uitvoer (logging).")
@click.version_option(package_name="notulist")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """Notulist: verslagen, besluiten, acties en vragen over vergaderstukken."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = Notulist(get_settings())


def _register() -> None:
    from service.cli import ask, evaluate, extract, ingest, keys, llm, serve

    for module in (ingest, ask, extract, evaluate, llm, keys, serve):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
