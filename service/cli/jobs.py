"""`notulist jobs list|show|submit|cancel|worker`: the background ingest jobs recorded in the store.

`submit` queues files for any worker (a `serve` process's worker thread, or `notulist jobs worker` here or
on another machine with the same NOTULIST_STORE_URL); `show --follow` prints the progress until the job
ends; `worker` runs queued jobs until stopped (Ctrl-C), or one with `--once`.
"""

from __future__ import annotations

import json
import signal
import threading
import time
from pathlib import Path

import click

from notulist import jobs as job_store
from notulist import jobs_worker
from notulist.errors import InputError
from notulist.jobs import Job, JobFile, JobStatus
from service.cli.context import CliApp
from service.cli.ingest import _expand, ingest_options

FOLLOW_POLL_SECONDS = 0.5


def _line(job: Job) -> str:
    p = job.progress
    progress = f"{p.done}/{p.total}" if p.total else "-"
    files = ", ".join(job.files) or "-"
    return f"{job.id}  {job_store.STATUS_NL[job.status]:<14} {progress:>7}  {files}"


def _print_job(job: Job) -> None:
    click.echo(f"Taak {job.id} ({job.kind}): {job_store.STATUS_NL[job.status]}")
    click.echo(f"Ingediend: {job.created_at.isoformat(timespec='seconds')} door {job.submitted_by or 'opdrachtregel'}")
    if job.started_at:
        click.echo(f"Gestart: {job.started_at.isoformat(timespec='seconds')} (poging {job.attempts})")
    if job.finished_at:
        click.echo(f"Klaar: {job.finished_at.isoformat(timespec='seconds')}")
    click.echo(f"Voortgang: {job.progress.done}/{job.progress.total} {job.progress.stage}")
    for r in job.results:
        click.echo(f"  {r.filename}: {r.status}" + (f" ({r.meeting_id})" if r.meeting_id else "")
                   + (f": {r.message}" if r.message else ""))
    if job.error:
        click.echo(f"Fout: {job.error}")


@click.group()
def jobs() -> None:
    """Achtergrondtaken (inlezen) in de opslag: tonen, indienen, annuleren, uitvoeren."""


@jobs.command("list")
@click.option("--status", type=click.Choice(list(JobStatus.__args__)), help="Alleen taken met deze status.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000), help="Hoeveel taken.")
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def list_(app: CliApp, status, limit, as_json) -> None:
    """Toon de taken, nieuwste eerst."""
    found = job_store.list_jobs(app.store, status=status, limit=limit)
    if as_json:
        click.echo(json.dumps([j.model_dump(mode="json") for j in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("Geen taken. Dien er een in met: notulist jobs submit PAD")
    for job in found:
        click.echo(_line(job))


@jobs.command()
@click.argument("job_id")
@click.option("--follow", is_flag=True, help="Volg de voortgang tot de taak klaar is.")
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def show(app: CliApp, job_id, follow, as_json) -> None:
    """Toon één taak (status, voortgang, resultaat per bestand, fout)."""
    job = job_store.get(app.store, job_id)
    if follow:
        job = _follow(app, job, as_json)
    if as_json:
        click.echo(job.model_dump_json(indent=2))
    else:
        _print_job(job)
    if follow and job.status != "done":
        raise SystemExit(1)


def _follow(app: CliApp, job: Job, as_json: bool) -> Job:
    """Print each change of progress (on stderr with --json) until the job ends."""
    seen = -1
    while True:
        if job.revision != seen:
            seen = job.revision
            p = job.progress
            click.echo(f"[{p.done}/{p.total}] {job_store.STATUS_NL[job.status]}: {p.stage}", err=as_json)
        if job.finished:
            return job
        time.sleep(FOLLOW_POLL_SECONDS)
        job = job_store.get(app.store, job.id)


@jobs.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@ingest_options
@click.option("--follow", is_flag=True, help="Wacht en toon de voortgang (er moet een worker draaien).")
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def submit(app: CliApp, paths, series, year, notes_path, clean_path, follow, as_json) -> None:
    """Zet vergaderstukken in de wachtrij; elke agenda wordt één vergadering."""
    from ingest.loaders import EXTENSIONS, check_size  # late: the loaders' limits, as `notulist ingest`

    found, _ = _expand(paths, app.settings.data_dir, set(EXTENSIONS))
    if (notes_path or clean_path) and len(found) != 1:
        raise click.UsageError("--notes en --clean-agenda horen bij precies één agenda.")
    if not found:
        raise click.UsageError("Geen bestanden gevonden om in te lezen.")
    named = [*((p, "agenda") for p in found),
             *((Path(x), r) for x, r in ((notes_path, "notes"), (clean_path, "clean_agenda")) if x)]
    for path, _role in named:  # refuse a missing or huge file before reading any into memory
        if not path.is_file():
            raise InputError(f"{path}: bestand niet gevonden", filename=path.name)
        check_size(path.name, path.stat().st_size, app.settings)
    files = [JobFile(role=role, filename=path.name, data=path.read_bytes()) for path, role in named]
    job, _ = job_store.submit(app.store, files, submitter=job_store.Submitter(name="opdrachtregel"),
                              series=series, year=year)
    if follow:
        job = _follow(app, job, as_json)
    if as_json:
        click.echo(job.model_dump_json(indent=2))
    elif follow:
        _print_job(job)
    else:
        click.echo(f"Taak {job.id} in de wachtrij ({len(files)} bestand(en)). Volg hem met: "
                   f"notulist jobs show {job.id} --follow")
    if follow and job.status != "done":
        raise SystemExit(1)


@jobs.command()
@click.argument("job_id")
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def cancel(app: CliApp, job_id, as_json) -> None:
    """Annuleer een taak (een lopende taak stopt voor zij de volgende vergadering opslaat)."""
    job = job_store.cancel(app.store, job_id)
    if as_json:
        click.echo(job.model_dump_json(indent=2))
    elif job.status == "cancelled":
        click.echo(f"Taak {job.id} geannuleerd.")
    else:
        click.echo(f"Taak {job.id} wordt geannuleerd (hij stopt voor hij de volgende vergadering opslaat).")


@jobs.command()
@click.option("--once", is_flag=True, help="Voer hoogstens één taak uit en stop dan.")
@click.pass_obj
def worker(app: CliApp, once) -> None:
    """Voer taken uit de wachtrij uit (tot Ctrl-C); meerdere workers, ook op andere machines, mogen tegelijk."""
    from service.pipeline import run_ingest_job  # late: the stages load only when jobs are run

    nl = app.pipeline
    settings = app.settings
    runner = jobs_worker.Worker(app.store, lambda job, files, reporter: run_ingest_job(nl, job, files, reporter),
                                lease_seconds=settings.job_lease_seconds, poll_seconds=settings.job_poll_seconds,
                                max_attempts=settings.job_max_attempts, retention_days=settings.job_retention_days)
    if once:
        job = runner.run_once()
        if job is None:
            click.echo("Geen taak in de wachtrij.")
            return
        _print_job(job)
        if job.status != "done":
            raise SystemExit(1)
        return
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    click.echo(f"Worker {runner.name} wacht op taken (Ctrl-C stopt na de lopende taak).", err=True)
    nl.finish_pending()
    runner.run_forever(stop)


COMMANDS = [jobs]
