"""`notulist export --format ori`, `notulist import --format ori`, `notulist woo ...` (the Woo copy)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from notulist.errors import InputError
from service.cli.context import CliApp

# the formats service.publication.woo_document writes (the same tuple there; tests/test_cli_startup.py compares)
WOO_FORMATS = ("md", "docx", "pdf")


def _write(data: bytes, output: str | None, what: str) -> None:
    if output:
        Path(output).write_bytes(data)
        click.echo(f"{what} geschreven naar {output}", err=True)
    else:
        click.echo(data, nl=False)


@click.command("export")
@click.argument("meeting", required=False)
@click.option("--format", "fmt", type=click.Choice(["ori"]), default="ori", show_default=True,
              help="ori: VNG ODS Open Raadsinformatie 2.0 (JSON).")
@click.option("--series", help="Alle vergaderingen van deze reeks.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Schrijf naar dit bestand.")
@click.pass_obj
def export(app: CliApp, meeting, fmt, series, output) -> None:
    """Exporteer een vergadering (id of datum), een reeks (--series) of alles als ORI-JSON."""
    from service import publication  # late: a command loads the stage it needs

    if meeting and series:
        raise InputError("Geef een vergadering óf --series, niet beide.")
    meetings = [app.store.find_meeting(meeting)] if meeting else app.store.list_meetings(series=series)
    bundle = publication.export_ori(app.pipeline, meetings)
    _write((json.dumps(bundle, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), output, "ORI-export")


@click.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["ori"]), default="ori", show_default=True,
              help="ori: een ORI-JSON-bestand (zoals `notulist export --format ori` schrijft).")
@click.pass_obj
def import_(app: CliApp, path, fmt) -> None:
    """Lees eerdere vergaderingen, agendapunten en besluiten in uit een ORI-JSON-bestand."""
    from service import publication  # late: a command loads the stage it needs
    from service.pipeline import InputFile

    file = InputFile.from_path(path)
    results = publication.import_ori(app.pipeline, file.filename, file.data)
    for r in results:
        click.echo(f"{file.filename}: {r.status} ({r.meeting_id})")
        for warning in r.warnings:
            click.echo(f"  waarschuwing: {warning}", err=True)
    new = sum(r.status in ("new", "replaced") for r in results)
    click.echo(f"{len(results)} vergaderingen, {new} nieuw of vervangen", err=True)


@click.group("woo")
def woo() -> None:
    """Woo-publicatieversie van een verslag: namen beoordelen (lakken of niet) en exporteren."""


def _candidate_rows(candidates) -> list[dict]:
    return [c.model_dump() for c in candidates]


def _show(candidates, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(_candidate_rows(candidates), ensure_ascii=False, indent=2))
        return
    if not candidates:
        click.echo("Geen persoonsnamen gevonden in dit verslag.")
    for c in candidates:
        chosen = f"keuze: {c.choice}" if c.choice else "keuze: nog niet beoordeeld"
        click.echo(f"{c.id}  {c.name}  ({c.occurrences}×)  {c.reason}  —  {chosen}")
        click.echo(f"            …{c.context}…")


@woo.command("names")
@click.argument("meeting")
@click.option("--json", "as_json", is_flag=True, help="Als JSON.")
@click.pass_obj
def names(app: CliApp, meeting, as_json) -> None:
    """Toon de namen in het verslag, het voorstel (lakken onder 5.1.2e of niet) en de keuze."""
    from service import publication  # late: a command loads the stage it needs

    _show(publication.woo_candidates(app.pipeline, app.store.find_meeting(meeting)), as_json)


def _choose(app: CliApp, meeting: str, refs: tuple[str, ...], choice) -> None:
    from service import publication  # late: a command loads the stage it needs

    if not refs:
        raise InputError("Geef één of meer namen (of ids) uit 'notulist woo names'.")
    _show(publication.woo_choose(app.pipeline, app.store.find_meeting(meeting), list(refs), choice), False)


@woo.command("redact")
@click.argument("meeting")
@click.argument("names", nargs=-1)
@click.pass_obj
def redact(app: CliApp, meeting, names) -> None:
    """Lak deze namen (naam of id) in de Woo-versie, onder 5.1.2e."""
    _choose(app, meeting, names, "lakken")


@woo.command("keep")
@click.argument("meeting")
@click.argument("names", nargs=-1)
@click.pass_obj
def keep(app: CliApp, meeting, names) -> None:
    """Lak deze namen (naam of id) niet (bijvoorbeeld een ambtsdrager)."""
    _choose(app, meeting, names, "niet lakken")


@woo.command("reset")
@click.argument("meeting")
@click.argument("names", nargs=-1)
@click.pass_obj
def reset(app: CliApp, meeting, names) -> None:
    """Trek de keuze voor deze namen in (weer: nog niet beoordeeld)."""
    _choose(app, meeting, names, None)


@woo.command("export")
@click.argument("meeting")
@click.option("--format", "fmt", type=click.Choice(list(WOO_FORMATS)), default="pdf", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Schrijf naar dit bestand.")
@click.option("--concept", is_flag=True, help="Ook als nog niet elke naam beoordeeld is (gemarkeerd als concept).")
@click.pass_obj
def woo_export(app: CliApp, meeting, fmt, output, concept) -> None:
    """Schrijf de Woo-publicatieversie (md, docx of pdf) met [gelakt 5.1.2e] en de lijst van gronden."""
    from service import publication  # late: a command loads the stage it needs

    if fmt != "md" and not output:
        raise InputError(f"Geef een bestand met -o voor {fmt}.")
    data = publication.woo_document(app.pipeline, app.store.find_meeting(meeting), fmt, concept=concept)
    _write(data, output, "Woo-publicatieversie")


COMMANDS = [export, import_, woo]
