"""`notulist extract`: decisions, actions and postponed items of one meeting, each with its quote
(`draft` and `agenda` are in service/cli/verslag.py, `actions` in service/cli/actions.py)."""

from __future__ import annotations

import json

import click

from service.cli.context import CliApp


def _extraction(app: CliApp, meeting_ref: str, use_llm: bool):
    meeting = app.store.find_meeting(meeting_ref)
    if use_llm and not app.settings.llm_enabled:
        click.echo("waarschuwing: geen taalmodel ingesteld (NOTULIST_LLM_BASE_URL/NOTULIST_LLM_MODEL); "
                   "de regels worden gebruikt", err=True)
        use_llm = False
    extraction = app.refresh_extraction(meeting, use_llm=use_llm)
    for warning in extraction.warnings:
        click.echo(f"waarschuwing: {warning}", err=True)
    return meeting, extraction


def _due(action) -> str:
    if action.due_date:
        return action.due_date.isoformat() + (f" ({action.due})" if action.due else "")
    return action.due or "-"


def _owner(action) -> str:
    return "[gelakt]" if action.owner_redacted and not action.owner else (action.owner or "-")


@click.command()
@click.argument("meeting")
@click.option("--json", "as_json", is_flag=True, help="Besluiten, acties en doorgeschoven punten als JSON.")
@click.option("--llm", "use_llm", is_flag=True, help="Gebruik het ingestelde taalmodel (valt terug op de regels).")
@click.pass_obj
def extract(app: CliApp, meeting, as_json, use_llm) -> None:
    """Besluiten, acties en doorgeschoven punten van één vergadering, elk met citaat."""
    from service.cli.citations import citation_where, quote_shown  # late: a command loads the stage it needs

    m, extraction = _extraction(app, meeting, use_llm)
    if as_json:
        data = extraction.model_dump(mode="json")
        click.echo(json.dumps({k: data[k] for k in ("decisions", "actions", "postponed", "llm_used")},
                              ensure_ascii=False, indent=2))
        return
    click.echo(f"{m.title} — {m.date.isoformat() if m.date else 'datum onbekend'}"
               f"{' (taalmodel)' if extraction.llm_used else ''}")
    click.echo(f"\nBesluiten ({len(extraction.decisions)}):")
    for d in extraction.decisions:
        click.echo(f"  [{d.item or '-'}] {d.text}")
        click.echo(f"        citaat ({citation_where(app.store, d.citation)}): “{quote_shown(app.store, d.citation)}”")
    click.echo(f"\nActies ({len(extraction.actions)}):")
    for a in extraction.actions:
        flags = " (actielijst)" if a.from_actielijst else ""
        click.echo(f"  [{a.item or '-'}] {a.text}")
        click.echo(f"        wie: {_owner(a)}  wanneer: {_due(a)}  status: {a.status}{flags}")
        click.echo(f"        citaat ({citation_where(app.store, a.citation)}): “{quote_shown(app.store, a.citation)}”")
    click.echo(f"\nDoorgeschoven ({len(extraction.postponed)}):")
    for p in extraction.postponed:
        click.echo(f"  [{p.item}] {p.item_title or ''} — “{quote_shown(app.store, p.citation)}”")


COMMANDS = [extract]
