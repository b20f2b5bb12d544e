"""`notulist extract`, `notulist draft`, `notulist actions`: decisions, actions and the concept verslag."""

from __future__ import annotations

import json
from pathlib import Path

import click

from service.pipeline import Notulist
from summarise.export import verslag_to_docx
from summarise.verslag import draft_verslag, postponed_followups


def _extraction(app: Notulist, meeting_ref: str, use_llm: bool):
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
def extract(app: Notulist, meeting, as_json, use_llm) -> None:
    """Besluiten, acties en doorgeschoven punten van één vergadering, elk met citaat."""
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
        click.echo(f"        citaat: \"{d.citation.quote}\"")
    click.echo(f"\nActies ({len(extraction.actions)}):")
    for a in extraction.actions:
        flags = " (actielijst)" if a.from_actielijst else ""
        click.echo(f"  [{a.item or '-'}] {a.text}")
        click.echo(f"        wie: {_owner(a)}  wanneer: {_due(a)}  status: {a.status}{flags}")
        click.echo(f"        citaat: \"{a.citation.quote}\"")
    click.echo(f"\nDoorgeschoven ({len(extraction.postponed)}):")
    for p in extraction.postponed:
        click.echo(f"  [{p.item}] {p.item_title or ''} — \"{p.citation.quote}\"")


@click.command()
@click.argument("meeting")
@click.option("--format", "fmt", type=click.Choice(["md", "docx"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Schrijf naar dit bestand.")
@click.option("--llm", "use_llm", is_flag=True, help="Gebruik het ingestelde taalmodel (valt terug op de regels).")
@click.pass_obj
def draft(app: Notulist, meeting, fmt, output, use_llm) -> None:
    """Een nieuw conceptverslag van MEETING (Markdown of Word)."""
    m, extraction = _extraction(app, meeting, use_llm)
    sources = app.store.sources_for(m)
    # when the model already failed for the extraction, the verslag does not try again (one warning line)
    llm = app.llm if use_llm and app.settings.llm_enabled and extraction.llm_used else None
    verslag = draft_verslag(m, extraction, sources, llm=llm, followups=postponed_followups(app.store, m, extraction))
    for warning in verslag.warnings:
        click.echo(f"waarschuwing: {warning}", err=True)
    if fmt == "md":
        if output:
            Path(output).write_text(verslag.markdown, encoding="utf-8")
            click.echo(f"conceptverslag geschreven naar {output}", err=True)
        else:
            click.echo(verslag.markdown)
        return
    target = Path(output or f"verslag-{m.date.isoformat() if m.date else m.id}.docx")
    target.write_bytes(verslag_to_docx(verslag.markdown))
    click.echo(f"conceptverslag geschreven naar {target}")


@click.command()
@click.option("--owner", help="Alleen acties van deze actiehouder (deel van de naam).")
@click.option("--open", "only_open", is_flag=True, help="Alleen openstaande acties.")
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def actions(app: Notulist, owner, only_open, as_json) -> None:
    """Acties over alle vergaderingen, met status en deadline."""
    found = app.store.list_actions(owner=owner, status="open" if only_open else None)
    if as_json:
        click.echo(json.dumps([a.model_dump(mode="json") for a in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("Geen acties gevonden.")
        return
    for a in found:
        date = a.citation.date.isoformat() if a.citation.date else "????-??-??"
        done = ""
        if a.status == "done" and a.done_evidence is not None:
            when = a.done_evidence.date.isoformat() if a.done_evidence.date else "later"
            done = f"  (afgerond volgens {when}: \"{a.done_evidence.quote}\")"
        click.echo(f"{a.status:5} {date} punt {a.item or '-':4} {_owner(a):25} {_due(a):22} {a.text}{done}")


COMMANDS = [extract, draft, actions]
