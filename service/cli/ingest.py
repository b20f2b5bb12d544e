"""`notulist ingest`, `notulist meetings`, `notulist show`."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from notulist.errors import InputError
from notulist.store import dumps
from service.cli.context import CliApp

if TYPE_CHECKING:
    from service.pipeline import IngestResult

log = logging.getLogger("notulist")


def _expand(paths: tuple[str, ...], data_dir: Path, supported: set[str]) -> tuple[list[Path], int]:
    """Files named, plus the supported files under named folders; also how many folder files were skipped
    (an explicitly named file of another type is kept, so that it gets its own error line). Hidden files
    and Notulist's own data dir are not documents."""
    files: list[Path] = []
    skipped = 0
    data_dir = data_dir.resolve()
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file()
                           and not any(part.startswith(".") for part in f.relative_to(p).parts)
                           and not f.resolve().is_relative_to(data_dir))
            files += [f for f in found if f.suffix.lower() in supported]
            skipped += sum(1 for f in found if f.suffix.lower() not in supported)
        else:
            files.append(p)
    return files, skipped


def _reason(result: IngestResult) -> str:
    """The error message without the file name the loader put in front (the line already starts with it)."""
    message = result.message or "onbekende fout"
    name = Path(result.filename).name
    return message[len(name) + 2:] if message.startswith(f"{name}: ") else message


def ingest_options(command):
    """The options `notulist ingest` and `notulist jobs submit` share: series, year, notes, clean agenda."""
    for option in reversed((
        click.option("--series", help="Naam van de vergaderreeks (anders uit de titel)."),
        click.option("--year", type=int, help="Jaar voor datums zonder jaartal."),
        click.option("--notes", "notes_path", type=click.Path(exists=True, dir_okay=False),
                     help="Los bestand met aantekeningen uit de vergadering (bij één agenda)."),
        click.option("--clean-agenda", "clean_path", type=click.Path(exists=True, dir_okay=False),
                     help="De schone agenda; het verschil met PATH zijn de aantekeningen."),
    )):
        command = option(command)
    return command


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@ingest_options
@click.pass_obj
def ingest(app: CliApp, paths, series, year, notes_path, clean_path) -> None:
    """Lees vergaderstukken in (md, txt, pdf, docx, html, eml); een map mag ook."""
    from ingest.loaders import EXTENSIONS, check_size  # late: only ingest loads the loaders and the stages
    from service.pipeline import IngestResult, InputFile

    files, skipped = _expand(paths, app.settings.data_dir, set(EXTENSIONS))
    if (notes_path or clean_path) and len(files) != 1:
        raise click.UsageError("--notes en --clean-agenda horen bij precies één agenda.")
    notes = InputFile.from_path(notes_path) if notes_path else None
    clean = InputFile.from_path(clean_path) if clean_path else None
    results: list[IngestResult] = []
    finished = app.finish_pending()  # what a killed run left stored but not indexed
    if finished:
        click.echo(f"{len(finished)} eerder opgeslagen vergadering(en) alsnog in de zoekindex gezet.", err=True)
    with click.progressbar(files, label="Inlezen", file=sys.stderr,
                           show_pos=True) if len(files) > 3 else _plain(files) as bar:
        for path in bar:
            if not path.exists():
                results.append(IngestResult(filename=str(path), status="error", message="bestand niet gevonden"))
                continue
            try:
                if path.is_file():  # refuse a huge file before reading it into memory
                    check_size(path.name, path.stat().st_size, app.settings)
                agenda = InputFile.from_path(path)
            except InputError as exc:
                results.append(IngestResult(filename=str(path), status="error", message=str(exc)))
                continue
            try:
                result = app.ingest(agenda, notes=notes, clean_agenda=clean, series=series, year=year)
            except Exception as exc:  # a bug on one file must not stop the others; the store rolled back
                log.exception("ingest of %s failed", path)
                result = IngestResult(filename=str(path), status="error",
                                      message=f"interne fout ({type(exc).__name__}: {exc})")
            results.append(result.model_copy(update={"filename": str(path)}))
    for r in results:
        if r.status == "error":
            click.echo(f"{r.filename}: error: {_reason(r)}")
        else:
            click.echo(f"{r.filename}: {r.status} ({r.meeting_id})")
        for w in r.warnings:
            click.echo(f"  waarschuwing: {w}", err=True)
    if skipped:
        click.echo(f"{skipped} bestand(en) in de map(pen) overgeslagen: ander bestandstype", err=True)
    if len(results) > 1:
        counts = {s: sum(r.status == s for r in results) for s in ("new", "replaced", "unchanged", "error")}
        click.echo(f"{counts['new']} nieuw, {counts['replaced']} vervangen, {counts['unchanged']} ongewijzigd, "
                   f"{counts['error']} fout", err=True)
    if any(r.status == "error" for r in results):
        raise SystemExit(1)


class _plain:
    def __init__(self, items):
        self.items = items

    def __enter__(self):
        return self.items

    def __exit__(self, *exc):
        return False


@click.command()
@click.option("--series", help="Alleen deze reeks.")
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def meetings(app: CliApp, series, as_json) -> None:
    """Toon de ingelezen vergaderingen (id, reeks, datum, titel)."""
    found = app.store.list_meetings(series=series)
    if as_json:
        rows = [{"id": m.id, "series": m.series, "date": m.date.isoformat() if m.date else None,
                 "title": m.title} for m in found]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("Nog geen vergaderingen. Lees er een in met: notulist ingest PAD")
    for m in found:
        click.echo(f"{m.id}  {m.date.isoformat() if m.date else '????-??-??'}  {m.series}  ({m.title})")


@click.command()
@click.argument("meeting")
@click.option("--json", "as_json", is_flag=True, help="Het domeinmodel als JSON.")
@click.pass_obj
def show(app: CliApp, meeting, as_json) -> None:
    """Toon één vergadering: MEETING is een id of een datum (JJJJ-MM-DD)."""
    m = app.store.find_meeting(meeting)
    if as_json:
        click.echo(dumps(m))
        return
    date = m.date.isoformat() if m.date else "onbekend"
    click.echo(f"{m.title}\nReeks: {m.series}\nDatum: {date}{' (jaar afgeleid)' if m.date_inferred else ''}"
               f"{'  ' + m.time if m.time else ''}")
    if m.location:
        click.echo(f"Locatie: {m.location}")
    if m.attendees:
        click.echo("Aanwezig: " + ", ".join(a.as_written for a in m.attendees))
    click.echo("")
    for item in m.items:
        indent = "    " if item.parent else ""
        kinds = f"  [{', '.join(item.kinds)}]" if item.kinds else ""
        click.echo(f"{indent}{item.number}. {item.title}{kinds}")
        for att in item.attachments:
            click.echo(f"{indent}     bijlage: {att}")
        for note in item.notes:
            click.echo(f"{indent}     notitie ({note.method}): {note.text}")


COMMANDS = [ingest, meetings, show]
