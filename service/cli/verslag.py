"""`notulist draft` (the verslag: the latest saved version, or a fresh concept) and `notulist agenda next`."""

from __future__ import annotations

from pathlib import Path

import click

from service.cli.extract import _extraction
from service.cli.context import CliApp


def _write(text: str, data_docx, fmt: str, output: str | None, default_name: str, what: str) -> None:
    if fmt == "md":
        if output:
            Path(output).write_text(text, encoding="utf-8")
            click.echo(f"{what} geschreven naar {output}", err=True)
        else:
            click.echo(text)
        return
    target = Path(output or default_name)
    target.write_bytes(data_docx())
    click.echo(f"{what} geschreven naar {target}")


@click.command()
@click.argument("meeting")
@click.option("--format", "fmt", type=click.Choice(["md", "docx"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Schrijf naar dit bestand.")
@click.option("--fresh", is_flag=True, help="Altijd een nieuw concept, ook als er een opgeslagen versie is.")
@click.option("--llm", "use_llm", is_flag=True, help="Gebruik het ingestelde taalmodel (valt terug op de regels).")
@click.pass_obj
def draft(app: CliApp, meeting, fmt, output, fresh, use_llm) -> None:
    """Het verslag van MEETING: de laatst opgeslagen versie, of een nieuw concept (Markdown of Word)."""
    from summarise.export import verslag_to_docx  # late: a command loads the stage it needs
    from summarise.verslag import draft_verslag, postponed_followups

    m = app.store.find_meeting(meeting)
    saved = None if fresh else app.store.latest_verslag(m.id)
    name = f"verslag-{m.date.isoformat() if m.date else m.id}.docx"
    if saved is not None:
        who = f" door {saved.author}" if saved.author else ""
        when = f" op {saved.created_at:%d-%m-%Y %H:%M}" if saved.created_at else ""
        click.echo(f"opgeslagen versie {saved.version}{who}{when} (--fresh voor een nieuw concept)", err=True)
        _write(saved.markdown, lambda: verslag_to_docx(saved.markdown), fmt, output, name, "verslag")
        return
    m, extraction = _extraction(app, meeting, use_llm)
    sources = app.store.sources_for(m)
    # when the model already failed for the extraction, the verslag does not try again (one warning line)
    llm = app.llm if use_llm and app.settings.llm_enabled and extraction.llm_used else None
    verslag = draft_verslag(m, extraction, sources, llm=llm, followups=postponed_followups(app.store, m, extraction))
    for warning in verslag.warnings:
        click.echo(f"waarschuwing: {warning}", err=True)
    _write(verslag.markdown, lambda: verslag_to_docx(verslag.markdown), fmt, output, name, "conceptverslag")


@click.group()
def agenda() -> None:
    """De agenda van een volgende vergadering."""


@agenda.command("next")
@click.argument("series")
@click.option("--format", "fmt", type=click.Choice(["md", "docx"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Schrijf naar dit bestand.")
@click.pass_obj
def agenda_next(app: CliApp, series, fmt, output) -> None:
    """Concept-agenda van de volgende vergadering van SERIES: datum, vaste punten, open acties, doorgeschoven punten."""
    from summarise.export import verslag_to_docx  # late: a command loads the stage it needs
    from summarise.next_agenda import next_agenda, render_markdown

    text = render_markdown(next_agenda(app.store, series))
    slug = "".join(c if c.isalnum() else "-" for c in series.casefold()).strip("-")[:50]
    _write(text, lambda: verslag_to_docx(text), fmt, output, f"agenda-{slug}.docx", "concept-agenda")


COMMANDS = [draft, agenda]
