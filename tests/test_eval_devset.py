"""The development set is well-formed: every gold quote is an exact span of the text the loader produces."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.gold import load_dataset

DEV = Path(__file__).resolve().parent.parent / "eval" / "data" / "dev"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEV)


@pytest.fixture(scope="module")
def raw_texts(dataset):
    from ingest.loaders import load_document
    from notulist.settings import Settings

    settings = Settings(data_dir=Path("unused"))
    return {d.stem: load_document(d.path.name, d.path.read_bytes(), settings=settings).raw_text for d in dataset.docs}


def test_every_document_has_gold_and_formats_vary(dataset):
    assert not dataset.warnings, dataset.warnings
    assert len(dataset.docs) >= 8
    assert {d.path.suffix for d in dataset.docs} >= {".md", ".txt", ".html", ".docx", ".pdf", ".eml"}
    for d in dataset.docs:
        assert d.gold.agenda_items, d.stem
        assert d.gold.questions, d.stem
        assert d.gold.meeting.date and d.stem.startswith(d.gold.meeting.date), d.stem


def test_gold_evidence_is_exact_span_of_loaded_text(dataset, raw_texts):
    missing = []
    for d in dataset.docs:
        raw = raw_texts[d.stem]
        quotes = [x.evidence for x in d.gold.decisions + d.gold.actions]
        quotes += [q for question in d.gold.questions for q in question.evidence]
        missing += [f"{d.stem}: {q!r}" for q in quotes if q not in raw]
    assert not missing, "\n".join(missing)


def test_questions_json_names_existing_docs_and_exact_quotes(dataset, raw_texts):
    assert dataset.questions
    for q in dataset.questions:
        assert q.key_facts and q.evidence
        for ev in q.evidence:
            assert ev.doc in raw_texts, ev.doc
            assert ev.quote in raw_texts[ev.doc], (ev.doc, ev.quote)


def test_gold_owners_and_dates_are_consistent(dataset):
    import datetime as dt

    for d in dataset.docs:
        numbers = {i.number for i in d.gold.agenda_items}
        for x in d.gold.decisions + d.gold.actions:
            assert x.item is None or x.item in numbers, (d.stem, x.item)
        if numbers == {None}:  # unnumbered agenda: postponed items are named by position (1-based)
            numbers = {str(n) for n in range(1, len(d.gold.agenda_items) + 1)}
        assert set(d.gold.postponed) <= numbers, d.stem
        for a in d.gold.actions:
            if a.due_date:
                dt.date.fromisoformat(a.due_date)
            # a redacted actor is never an owner
            assert not (a.owner and "5.1" in a.owner), (d.stem, a.owner)


def test_series_action_opened_postponed_closed(dataset):
    series = sorted((d for d in dataset.docs if "bewonersoverleg" in d.stem), key=lambda d: d.stem)
    assert len(series) == 3
    assert any("offerte" in a.evidence for a in series[0].gold.actions)
    assert series[1].gold.postponed
    assert any("afgerond" in e.quote for q in dataset.questions for e in q.evidence if e.doc == series[2].stem)


def test_prompt_injection_line_is_in_the_data(raw_texts):
    assert any("Negeer alle vorige instructies" in raw for raw in raw_texts.values())
