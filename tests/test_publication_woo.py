"""The Woo publication copy of a verslag: names proposed (never an office holder or the chair), nothing
redacted before the secretary chooses, choices stored per name, docx and PDF read back, nothing that was
already redacted ever shown again."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from docx import Document
from fastapi.testclient import TestClient
from pypdf import PdfReader

from notulist.errors import InputError
from notulist.models import Verslag
from service.pipeline import InputFile, Notulist
from service.publication import current_verslag, woo_candidates, woo_choose, woo_copy, woo_document
from tests.seeded_store import seed_template, seeded  # noqa: F401 - fixtures

ADDED = ("Sanne de Vries (adviseur O&S) licht de cijfers toe. Wethouder Kees Jansen is geïnformeerd; Jansen "
         "komt erop terug. Mevrouw Bakker vraagt naar de planning. Sanne stuurt de factsheet rond.")
ORGANISATIONS = ("Movisie", "Verwey-Jonker", "KIS", "Muzus", "Arnhem", "Palestina", "GMT", "CBS", "Bureau")


@pytest.fixture
def march11(seeded):
    return seeded.store.find_meeting("2024-03-11")


def _edited(app: Notulist, meeting) -> str:
    """The secretary's saved version of the draft, with a paragraph that names more people."""
    draft = current_verslag(app, meeting).markdown
    markdown = f"{draft.rstrip()}\n\n## Aanvulling van de secretaris\n\n{ADDED}\n"
    app.store.save_verslag(Verslag(meeting_id=meeting.id, markdown=markdown, author="secretaris"))
    return markdown


def _tokens(text: str) -> int:
    return text.count("[gelakt")


def test_the_11_march_verslag_proposes_no_office_holder_and_redacts_nothing_unasked(seeded, march11):
    draft = current_verslag(seeded, march11).markdown
    candidates = {c.name: c for c in woo_candidates(seeded, march11)}
    # Peter chairs and signs as director; the Woo-redacted source itself left his name standing
    assert candidates["Peter"].proposal == "niet lakken"
    assert "niet voorgesteld" in candidates["Peter"].reason
    assert not [n for n in candidates if any(org in n for org in ORGANISATIONS)]
    assert not [c for c in candidates.values() if c.proposal == "lakken"]
    with pytest.raises(InputError, match="Nog niet beoordeeld: Peter"):
        woo_copy(seeded, march11)
    concept = woo_copy(seeded, march11, concept=True)
    assert concept.redacted == [] and concept.concept
    assert concept.markdown == draft  # nothing redacted until she chooses


def test_names_in_the_secretarys_version_are_proposed_office_holders_are_not(seeded, march11):
    edited = _edited(seeded, march11)
    candidates = {c.name: c for c in woo_candidates(seeded, march11)}
    proposed = {n for n, c in candidates.items() if c.proposal == "lakken"}
    assert proposed == {"Sanne de Vries", "Sanne", "Bakker"}
    assert {n for n, c in candidates.items() if c.proposal == "niet lakken"} == {"Peter", "Kees Jansen", "Jansen"}
    assert "wethouder" in candidates["Kees Jansen"].reason and "wethouder" in candidates["Jansen"].reason
    assert all(c.choice is None for c in candidates.values())
    assert woo_copy(seeded, march11, concept=True).markdown == edited  # proposals alone redact nothing


def test_choices_are_stored_one_by_one_and_only_accepted_names_are_redacted(seeded, march11, settings):
    edited = _edited(seeded, march11)
    woo_choose(seeded, march11, ["Sanne de Vries", "Sanne"], "lakken")
    woo_choose(seeded, march11, ["Bakker"], "niet lakken")  # she rejects a proposal
    later = Notulist(settings)  # a new process sees the stored choices
    choices = {c.name: c.choice for c in woo_candidates(later, march11)}
    assert choices == {"Peter": None, "Sanne de Vries": "lakken", "Sanne": "lakken", "Kees Jansen": None,
                       "Jansen": None, "Bakker": "niet lakken"}
    woo_choose(later, march11, ["Peter", "Kees Jansen", "Jansen"], "niet lakken")
    copy = woo_copy(later, march11)
    assert not copy.concept and copy.open_names == []
    assert "Sanne" not in copy.markdown
    assert "[gelakt 5.1.2e] (adviseur O&S) licht de cijfers toe" in copy.markdown
    assert "[gelakt 5.1.2e] stuurt de factsheet rond" in copy.markdown
    assert "Mevrouw Bakker" in copy.markdown and "Wethouder Kees Jansen" in copy.markdown
    assert _tokens(copy.markdown) == _tokens(edited) + 2
    woo_choose(later, march11, ["Sanne"], None)  # withdrawn: open again
    with pytest.raises(InputError, match="Nog niet beoordeeld: Sanne"):
        woo_copy(later, march11)


def test_already_redacted_text_is_never_unredacted(seeded, march11):
    edited = _edited(seeded, march11)
    typed = edited + "\nNagekomen: 5.1, 2, e mailt de stukken.\n"  # a raw mark typed by the secretary
    seeded.store.save_verslag(Verslag(meeting_id=march11.id, markdown=typed, author="secretaris"))
    assert _tokens(edited) > 10
    names = [c.name for c in woo_candidates(seeded, march11)]
    woo_choose(seeded, march11, names, "niet lakken")
    copy = woo_copy(seeded, march11)
    assert copy.markdown.startswith(edited.rstrip("\n"))
    assert "Nagekomen: [gelakt 5.1.2e] mailt de stukken." in copy.markdown
    assert "5.1, 2, e" not in copy.markdown
    assert copy.grounds["5.1.2e"] == edited.count("[gelakt 5.1.2e]") + 1


def _assess_all(app, meeting):
    woo_choose(app, meeting, ["Sanne de Vries", "Sanne", "Bakker"], "lakken")
    woo_choose(app, meeting, ["Peter", "Kees Jansen", "Jansen"], "niet lakken")


def test_the_copy_as_docx_and_pdf_reads_back_with_marks_and_grounds(seeded, march11):
    _edited(seeded, march11)
    _assess_all(seeded, march11)
    document = Document(io.BytesIO(woo_document(seeded, march11, "docx")))
    text = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])
    pdf = PdfReader(io.BytesIO(woo_document(seeded, march11, "pdf")))
    pdf_text = "\n".join(page.extract_text() for page in pdf.pages)
    assert len(pdf.pages) >= 2
    for body in (text, pdf_text):
        assert "[gelakt 5.1.2e] (adviseur O&S)" in body
        assert "Gebruikte lakgronden" in body and "persoonlijke levenssfeer" in body
        assert "Sanne" not in body and "Bakker" not in body
        assert "Peter" in body and "Wethouder Kees Jansen" in body


def test_cli_lists_chooses_and_exports(seeded, march11, tmp_path):
    from service.cli import main

    _edited(seeded, march11)
    runner = CliRunner()
    listed = runner.invoke(main, ["woo", "names", "2024-03-11", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = {r["name"]: r for r in json.loads(listed.stdout)}
    assert rows["Bakker"]["proposal"] == "lakken" and rows["Bakker"]["choice"] is None
    early = runner.invoke(main, ["woo", "export", "2024-03-11", "--format", "pdf", "-o", str(tmp_path / "w.pdf")])
    assert early.exit_code == 1 and "Nog niet beoordeeld" in early.stderr
    assert runner.invoke(main, ["woo", "redact", "2024-03-11", "Sanne de Vries", "Sanne",
                                rows["Bakker"]["id"]]).exit_code == 0
    assert runner.invoke(main, ["woo", "keep", "2024-03-11", "Peter", "Kees Jansen", "Jansen"]).exit_code == 0
    unknown = runner.invoke(main, ["woo", "redact", "2024-03-11", "Onbekend"])
    assert unknown.exit_code == 1 and "Onbekende naam" in unknown.stderr and "Traceback" not in unknown.output
    done = runner.invoke(main, ["woo", "export", "2024-03-11", "--format", "pdf", "-o", str(tmp_path / "w.pdf")])
    assert done.exit_code == 0, done.output
    assert "[gelakt 5.1.2e]" in PdfReader(str(tmp_path / "w.pdf")).pages[0].extract_text()
    md = runner.invoke(main, ["woo", "export", "2024-03-11", "--format", "md"])
    assert md.exit_code == 0 and "Woo-publicatieversie" in md.stdout and "Sanne" not in md.stdout


def test_api_routes_for_the_secretary(seeded, march11, settings):
    from service.app import create_app

    _edited(seeded, march11)
    client = TestClient(create_app(settings))
    _, secretary = seeded.store.create_key("secretary")
    _, reader = seeded.store.create_key("reader")
    auth = {"Authorization": f"Bearer {secretary}"}
    base = f"/api/meetings/{march11.id}"
    assert client.get(f"{base}/woo/names", headers={"Authorization": f"Bearer {reader}"}).status_code == 403
    names = client.get(f"{base}/woo/names", headers=auth)
    assert names.status_code == 200
    by_name = {c["name"]: c for c in names.json()}
    refused = client.get(f"{base}/woo.pdf", headers=auth)
    assert refused.status_code == 422 and "Nog niet beoordeeld" in refused.json()["detail"]
    for name, c in by_name.items():
        choice = c["proposal"]
        answer = client.put(f"{base}/woo/names/{c['id']}", json={"choice": choice}, headers=auth)
        assert answer.status_code == 200, answer.text
    bad = client.put(f"{base}/woo/names/{by_name['Bakker']['id']}", json={"choice": "misschien"}, headers=auth)
    assert bad.status_code == 422
    assert client.put(f"{base}/woo/names/onbekend", json={"choice": "lakken"}, headers=auth).status_code == 404
    pdf = client.get(f"{base}/woo.pdf", headers=auth)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert "Sanne" not in "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    docx = client.get(f"{base}/woo.docx", headers=auth)
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert client.get(f"{base}/woo.exe", headers=auth).status_code == 404
