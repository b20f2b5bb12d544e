"""Ingest jobs through the real pipeline (parser, store, rule engine, embedded Chroma and the packaged
embedder): a job with a bad file fails with its Dutch error and stores nothing of that file, a crash while
storing leaves nothing and the next attempt stores the meeting once, and a cancel stops before the next
meeting is stored. Progress goes through every ingest stage."""

from __future__ import annotations

import hashlib

import pytest

from notulist import jobs
from notulist.errors import NotFoundError
from notulist.jobs import JobFile, Submitter
from notulist.jobs_worker import Worker
from service.pipeline import INGEST_STAGES, Notulist, run_ingest_job


def agenda(n: int) -> bytes:
    return (f"# Werkgroep fietspad {n}\n\nDatum: {n} februari 2025\n\n"
            "1. Opening\n\n2. Route langs het kanaal\n\n"
            f"- Besloten: de route langs het kanaal wordt uitgewerkt (versie {n}).\n"
            f"- Actie: Sanne vraagt een offerte aan voor de verlichting {n}.\n\n3. Rondvraag\n").encode()


BAD = JobFile(filename="boodschappen.txt", data=b"melk en brood")


@pytest.fixture
def nl(settings):
    return Notulist(settings)


def worker(nl: Notulist, **options) -> Worker:
    return Worker(nl.store, lambda job, files, reporter: run_ingest_job(nl, job, files, reporter),
                  lease_seconds=60, **options)


def test_a_failed_job_keeps_its_error_and_nothing_of_the_bad_file(nl):
    job, _ = jobs.submit(nl.store, [JobFile(filename="fietspad-3.md", data=agenda(3)), BAD],
                         submitter=Submitter(name="opdrachtregel"))
    final = worker(nl).run_once()
    assert final.status == "failed"
    assert final.error.startswith("boodschappen.txt: ") and "geen vergaderstuk herkend" in final.error
    good, bad = final.results
    assert good.status == "new" and bad.status == "error" and bad.meeting_id is None
    assert final.meeting_ids == [good.meeting_id]
    assert [m.id for m in nl.store.list_meetings()] == [good.meeting_id]
    with pytest.raises(NotFoundError):
        nl.store.get_source(hashlib.sha256(BAD.data).hexdigest())
    assert final.progress.done == final.progress.total == 2 * len(INGEST_STAGES)
    assert jobs.files(nl.store, job.id)  # kept: the job failed


def test_a_crash_while_storing_stores_nothing_and_the_next_attempt_stores_it_once(nl, monkeypatch):
    job, _ = jobs.submit(nl.store, [JobFile(filename="fietspad-4.md", data=agenda(4))])
    real_save = nl.store.save_parsed

    def crash(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr(nl.store, "save_parsed", crash)
    first = worker(nl).run_once()
    assert first.status == "queued" and "schijf vol" in first.error and first.attempts == 1
    assert nl.store.list_meetings() == []
    monkeypatch.setattr(nl.store, "save_parsed", real_save)
    second = worker(nl).run_once()
    assert second.status == "done" and second.attempts == 2 and second.error is None
    assert [m.id for m in nl.store.list_meetings()] == second.meeting_ids
    assert nl.store.pending_meetings() == []  # indexed too
    assert jobs.files(nl.store, job.id) == []


def test_cancel_stops_before_the_next_meeting_is_stored(nl, monkeypatch):
    job, _ = jobs.submit(nl.store, [JobFile(filename=f"fietspad-{n}.md", data=agenda(n)) for n in (5, 6)])
    stages = []
    real_after = nl.after_store

    def after_store_then_cancel(meeting, chunks=None, progress=None):
        warnings = real_after(meeting, chunks, progress)
        jobs.cancel(nl.store, job.id)  # someone presses "annuleren" while the first meeting is indexed
        return warnings

    monkeypatch.setattr(nl, "after_store", after_store_then_cancel)
    real_report = jobs.report

    def spy(store, job_id, owner, **kw):
        stages.append(kw["stage"])
        return real_report(store, job_id, owner, **kw)

    monkeypatch.setattr(jobs, "report", spy)
    final = worker(nl).run_once()
    assert final.status == "cancelled"
    assert [r.filename for r in final.results] == ["fietspad-5.md"]
    assert [m.id for m in nl.store.list_meetings()] == final.meeting_ids
    assert "fietspad-6.md: opslaan" not in " ".join(stages) and any(s.startswith("fietspad-6.md") for s in stages)
    assert any("in de zoekindex zetten" in s for s in stages)
