"""`notulist serve`: the HTTP API and the web page (uvicorn)."""

from __future__ import annotations

import threading

import click
import uvicorn

from notulist.errors import ConfigError
from service.cli.context import CliApp

APP_FACTORY = "service.app:create_app"  # uvicorn imports the web app only when serving (the CLI starts fast)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adres om op te luisteren (0.0.0.0 maakt de dienst bereikbaar van buitenaf).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Poort.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]), help="Hoeveel uvicorn logt.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Aantal werkprocessen (uvicorn --workers); schrijven per vergadering gaat om de beurt.")
@click.pass_obj
def serve(app: CliApp, host: str, port: int, log_level: str, workers: int) -> None:
    """Start de webdienst: API op /api, de webpagina op /, documentatie op /docs."""
    if workers > 1 and not app.settings.chroma_url:  # two processes writing one Chroma folder corrupt it
        raise ConfigError("Meerdere werkprocessen (--workers) vragen een Chroma-server: zet NOTULIST_CHROMA_URL "
                          "(bijvoorbeeld 'chroma run --path DATA/chroma --port 8001'); de ingebouwde Chroma-map is "
                          "niet veilig voor meer dan één proces.")
    # what a killed run left half-done is finished once, beside the server (one indexed store query when
    # nothing is pending): /health answers at once and says "achter" with the number still pending until it
    # is done. An unreadable index is set aside by the first ask (Notulist.ask -> ensure_index).
    if app.store.pending_meetings():
        threading.Thread(target=_finish_pending, args=(app,), name="notulist-finish-pending", daemon=True).start()
    if app.settings.store_url is None and not app.settings.data_dir.exists():
        app.settings.data_dir.mkdir(parents=True)
    click.echo(f"Notulist draait op http://{host}:{port}/  (API-documentatie: http://{host}:{port}/docs)", err=True)
    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, log_level=log_level,
                workers=workers)  # settings from the env


def _finish_pending(app: CliApp) -> None:
    try:
        finished = app.finish_pending()
    except Exception as exc:  # the server keeps running; /health keeps saying how many are pending
        click.echo(f"Nog niet geïndexeerde vergaderingen afmaken mislukte: {exc}", err=True)
        return
    if finished:
        click.echo(f"{len(finished)} vergadering(en) alsnog in de zoekindex gezet.", err=True)


COMMANDS = [serve]
