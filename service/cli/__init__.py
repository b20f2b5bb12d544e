"""The `notulist` command line. One command group per file; errors become messages only here.

Commands from outside the product (`notulist eval` from eval/) plug in through the entry-point group
`notulist.commands` (pyproject.toml), found with importlib.metadata, as simonw/llm finds plugin commands.
"""

from __future__ import annotations

import logging
import sys
from importlib.metadata import entry_points

import click

from notulist.errors import NotulistError
from notulist.settings import get_settings
from service.cli import actions, ask, audit, check, extract, ingest, jobs, keys, llm, publication, serve, verslag
from service.cli.context import CliApp

PLUGIN_GROUP = "notulist.commands"


class NotulistGroup(click.Group):
    """Turns domain errors into one clear line and a non-zero exit code (no stack trace). Plugin commands
    load on first use: `notulist meetings` does not import eval/, `notulist --help` and `notulist eval` do."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *(ep.name for ep in entry_points(group=PLUGIN_GROUP))})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None:
            for entry_point in entry_points(group=PLUGIN_GROUP, name=cmd_name):
                command = _plugin(entry_point)
                self.add_command(command, cmd_name)
        return command

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
    ctx.obj = CliApp(get_settings())  # the store at once, the pipeline on first use (service/cli/context.py)


def _register() -> None:
    for module in (ingest, ask, extract, verslag, actions, llm, keys, serve, check, audit, publication, jobs):
        for command in module.COMMANDS:
            main.add_command(command)


def _plugin(entry_point) -> click.Command:
    command = entry_point.load()
    if not isinstance(command, click.Command):
        raise TypeError(f"{entry_point.value}: plugin in '{PLUGIN_GROUP}' is no click command")
    return command


_register()
