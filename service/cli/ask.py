"""`notulist ask "..."` and `notulist reindex`."""

from __future__ import annotations

import datetime as dt
import json

import click

from service.cli.context import CliApp


@click.command()
@click.argument("question", nargs=-1)
@click.option("--series", help="Alleen deze vergaderreeks.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Alleen vergaderingen vanaf YYYY-MM-DD.")
@click.option("--json", "as_json", is_flag=True, help="Antwoord als JSON (answer, citations, llm_used).")
@click.option("--no-llm", is_flag=True, help="Nooit de LLM: antwoord uit de tekst zelf.")
@click.pass_obj
def ask(app: CliApp, question: tuple[str, ...], series: str | None, since: dt.datetime | None,
        as_json: bool, no_llm: bool) -> None:
    """Stel een vraag over de vergaderstukken; het antwoord citeert vergadering, datum, punt en tekst."""
    answer = app.ask(" ".join(question), series=series, since=since.date() if since else None, use_llm=not no_llm)
    if as_json:
        click.echo(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    click.echo(answer.answer)
    from service.cli import citations  # late: a command loads the stage it needs
    if answer.citations:
        click.echo("\nBronnen:")
        for n, c in enumerate(answer.citations, start=1):
            click.echo(f"[{n}] {citations.citation_where(app.store, c)}: “{citations.quote_shown(app.store, c)}”")
    for warning in answer.warnings:
        click.echo(f"waarschuwing: {warning}", err=True)


@click.command()
@click.pass_obj
def reindex(app: CliApp) -> None:
    """Bouw de zoekindex opnieuw op uit de opgeslagen vergaderingen."""
    meetings = len(app.store.list_meetings())
    written = app.reindex()
    click.echo(f"Index opnieuw opgebouwd: {meetings} vergaderingen, {written} tekstdelen "
               f"({app.index.embedder.computed} nieuw berekend, de rest uit de cache).")


COMMANDS = [ask, reindex]
