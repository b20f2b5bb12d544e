"""`notulist ingest` end to end: seeds new / unchanged / replaced, every bad input reported per file,
other files still ingested, non-zero exit, and nothing stored for a failed file."""

from __future__ import annotations

import io
import os
import shutil
import time
import zipfile

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from notulist.settings import Settings
from service.cli import main
from tests.conftest import SEED_0306, SEED_0311
from tests.test_ingest_loaders import RAAD_PDF_PAGES, make_docx, make_eml, make_pdf


SMALL_AGENDA = """# Agenda medezeggenschapsraad OBS De Regenboog

Datum: 12 maart 2024, 19.30 - 21.00 uur
Locatie: teamkamer

1. Opening en vaststellen agenda
2. Formatie 2024-2025
3. Rondvraag
"""


def _run(*args: str):
    result = CliRunner().invoke(main, ["ingest", *args], catch_exceptions=False)
    return result, result.stdout.splitlines()


def _stored() -> tuple[set[str], set[str]]:
    """(source file names, meeting ids) in the store the CLI used."""
    settings = Settings()
    if not (settings.data_dir / "notulist.db").exists() and not settings.store_url:
        return set(), set()
    engine = create_engine(settings.resolved_store_url)
    with engine.connect() as conn:
        sources = {row[0] for row in conn.execute(text("select filename from sources"))}
        meetings = {row[0] for row in conn.execute(text("select id from meetings"))}
    engine.dispose()
    return sources, meetings


def _status(lines: list[str], path) -> str:
    (line,) = [ln for ln in lines if ln.startswith(f"{path}: ")]
    return line[len(f"{path}: "):]


def test_seeds_new_then_unchanged_then_replaced(tmp_path):
    copies = tmp_path / "stukken"
    copies.mkdir()
    a, b = shutil.copy(SEED_0306, copies), shutil.copy(SEED_0311, copies)

    t0 = time.perf_counter()
    result, lines = _run(a, b)
    elapsed = time.perf_counter() - t0
    print(f"ingest of both seeds via the CLI: {elapsed:.2f} s")
    assert result.exit_code == 0, result.output
    assert _status(lines, a).startswith("new (") and _status(lines, b).startswith("new (")
    sources, meetings = _stored()
    assert sources == {SEED_0306.name, SEED_0311.name}
    assert len(meetings) == 2

    result, lines = _run(str(copies))  # a folder: both found again, nothing written
    assert result.exit_code == 0
    assert _status(lines, a).startswith("unchanged") and _status(lines, b).startswith("unchanged")
    assert _stored() == (sources, meetings)

    edited = open(b, encoding="utf-8").read().replace("Peter is akkoord", "Peter is akkoord, mits kosten binnen budget")
    with open(b, "w", encoding="utf-8", newline="") as fh:
        fh.write(edited)
    result, lines = _run(a, b)
    assert result.exit_code == 0
    assert _status(lines, a).startswith("unchanged")
    assert _status(lines, b).startswith("replaced")
    assert _stored()[1] == meetings  # same meeting, replaced in place


def _bad_files(folder, small_limit: int) -> dict[str, str]:
    """file name -> expected reason, each written into `folder`."""
    bomb = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx()), "r") as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        out.writestr("word/media/vulling.bin", b"\0" * (small_limit * 3))
    files = {
        "leeg.md": (b"", "het bestand is leeg"),
        "ruis.txt": (os.urandom(3000), "geen leesbare tekst"),
        "begroting.xlsx": (b"PK\x03\x04...", "bestandstype '.xlsx' wordt niet ondersteund"),
        "kapot.pdf": (make_pdf(RAAD_PDF_PAGES)[:250], "beschadigde of ongeldige PDF"),
        "kapot.docx": (make_docx()[:4000], "beschadigd of geen Word-bestand"),
        "scan.pdf": (make_pdf([[]], text_layer=False), "geen tekstlaag en geen gescande pagina"),
        "bom.docx": (bomb.getvalue(), "pakt uit tot"),
        "groot.txt": (b"Agenda\n" + b"x" * small_limit, "het bestand is"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: reason for name, (_, reason) in files.items()}


def test_each_bad_input_reported_others_still_ingested(tmp_path, monkeypatch):
    limit = 1_500_000  # above a python-docx file unpacked (~0.9 MB), so the bomb is what trips it
    monkeypatch.setenv("NOTULIST_MAX_FILE_BYTES", str(limit))
    folder = tmp_path / "mix"
    folder.mkdir()
    expected = _bad_files(folder, limit)
    good_md = str(folder / "mr-agenda.md")
    (folder / "mr-agenda.md").write_text(SMALL_AGENDA, encoding="utf-8")
    (folder / "werkgroep.docx").write_bytes(make_docx())
    (folder / "besluitenlijst.pdf").write_bytes(make_pdf(RAAD_PDF_PAGES))
    (folder / "bestuur.eml").write_bytes(make_eml())
    bad_paths = [str(folder / name) for name in expected]
    good_paths = [good_md] + [str(folder / n) for n in ("werkgroep.docx", "besluitenlijst.pdf", "bestuur.eml")]

    result, lines = _run(*bad_paths[:4], *good_paths, *bad_paths[4:])
    assert result.exit_code == 1
    for path in good_paths:
        assert _status(lines, path).startswith("new ("), result.output
    for name, reason in expected.items():
        status = _status(lines, folder / name)
        assert status.startswith("error: "), status
        assert reason in status, (name, status)
        assert name not in status  # the line starts with the file; the reason does not repeat it
    assert len(lines) == len(expected) + len(good_paths)
    sources, meetings = _stored()
    assert sources == {os.path.basename(p) for p in good_paths}  # nothing from a failed file
    assert len(meetings) == len(good_paths)


def test_missing_path_is_an_error_line(tmp_path):
    good = tmp_path / "mr-agenda.txt"
    good.write_text(SMALL_AGENDA, encoding="cp1252")
    result, lines = _run(str(tmp_path / "bestaat-niet.md"), str(good))
    assert result.exit_code == 1
    assert _status(lines, tmp_path / "bestaat-niet.md") == "error: bestand niet gevonden"
    assert _status(lines, good).startswith("new")


def test_folder_skips_other_types_and_says_so(tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "mr-agenda.md").write_text(SMALL_AGENDA, encoding="utf-8")
    (folder / "foto.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")  # hidden: not a document, not counted
    result = CliRunner().invoke(main, ["ingest", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.count(": new (") == 1
    assert "1 bestand(en) in de map(pen) overgeslagen" in result.stderr


@pytest.mark.parametrize("limit", [10_000])
def test_oversized_file_refused_before_reading(tmp_path, monkeypatch, limit):
    monkeypatch.setenv("NOTULIST_MAX_FILE_BYTES", str(limit))
    big = tmp_path / "groot.md"
    big.write_bytes(b"# Agenda\n" + b"a" * (limit + 1))
    result, lines = _run(str(big))
    assert result.exit_code == 1
    assert _status(lines, big).startswith("error: het bestand is 0,0 MB; de limiet is 0,0 MB")
    assert _stored() == (set(), set())
