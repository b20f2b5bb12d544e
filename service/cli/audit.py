"""`notulist audit` (who did what, when), `notulist deleted` and `notulist restore` (undo a delete)."""

from __future__ import annotations

import json

import click

from notulist import audit as audit_log
from service.cli.context import CliApp


@click.command()
@click.option("--meeting", help="Alleen deze vergadering (id).")
@click.option("--action", type=click.Choice(list(audit_log.AuditAction.__args__)), help="Alleen deze handeling.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000), help="Hoeveel regels.")
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def audit(app: CliApp, meeting, action, limit, as_json) -> None:
    """Toon het auditlog: wie wat deed en wanneer (nieuwste eerst)."""
    found = audit_log.entries(app.store, meeting_id=meeting, action=action, limit=limit)
    if as_json:
        click.echo(json.dumps([e.model_dump(mode="json") for e in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("Het auditlog is leeg.")
    for e in found:
        who = f"{e.key_name or e.key_id} ({e.role})" if e.key_id else "opdrachtregel"
        click.echo(f"{e.at.isoformat(timespec='seconds')}  {e.action:<9} {who}  {e.meeting_id or '-'}"
                   f"{'  ' + e.detail if e.detail else ''}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def deleted(app: CliApp, as_json) -> None:
    """Toon verwijderde vergaderingen die nog terug te zetten zijn."""
    found = audit_log.deleted(app.store, app.settings.delete_retention_days)
    if as_json:
        click.echo(json.dumps([d.model_dump(mode="json") for d in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("Geen verwijderde vergaderingen om terug te zetten.")
    for d in found:
        click.echo(f"{d.meeting_id}  {d.series}  ({d.title})  terug te zetten tot "
                   f"{d.restorable_until.isoformat(timespec='minutes')}")


@click.command()
@click.argument("meeting_id")
@click.pass_obj
def restore(app: CliApp, meeting_id: str) -> None:
    """Zet een verwijderde vergadering terug (binnen de bewaartermijn)."""
    result = app.restore_meeting(meeting_id)
    click.echo(f"Teruggezet: {result.meeting_id}")


COMMANDS = [audit, deleted, restore]
