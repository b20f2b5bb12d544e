"""`notulist serve`: the HTTP API and the web page (uvicorn)."""

from __future__ import annotations

import click
import uvicorn

from service.pipeline import Notulist

APP_FACTORY = "service.app:create_app"  # uvicorn imports the web app only when serving (the CLI starts fast)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adres om op te luisteren (0.0.0.0 maakt de dienst bereikbaar van buitenaf).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Poort.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]), help="Hoeveel uvicorn logt.")
@click.pass_obj
def serve(app: Notulist, host: str, port: int, log_level: str) -> None:
    """Start de webdienst: API op /api, de webpagina op /, documentatie op /docs."""
    click.echo(f"Notulist draait op http://{host}:{port}/  (API-documentatie: http://{host}:{port}/docs)", err=True)
    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, log_level=log_level)  # settings from the env


COMMANDS = [serve]
