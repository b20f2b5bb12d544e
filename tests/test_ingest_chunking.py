"""Chunks: exact spans, prepared text and notes apart, token budget, stable ids."""

from __future__ import annotations

import hashlib

from ingest.chunking import chunk_meeting
from ingest.meeting import parse_meeting
from ingest.redactions import find_redactions
from notulist.models import Source, stable_id
from notulist.settings import count_tokens
from tests.conftest import REPO, SEED_0306, SEED_0311

DATA = REPO / "tests" / "data" / "parser"


def source_of(text: str, name: str = "doc.md", role: str = "agenda") -> Source:
    return Source(id=hashlib.sha256(text.encode()).hexdigest(), filename=name, media_type="md", role=role,
                  raw_text=text, redactions=find_redactions(text))


def seed(path, role="agenda") -> Source:
    return source_of(path.read_text(encoding="utf-8"), path.name, role)


def test_chunks_are_exact_spans_with_metadata():
    src = seed(SEED_0311)
    m = parse_meeting(src)
    chunks = chunk_meeting(m, {src.id: src})
    assert chunks[0].kind == "header" and "Datum: 11 maart" in chunks[0].text
    for c in chunks:
        assert src.raw_text[c.start:c.end] == c.text
        assert c.meeting_id == m.id and c.series == m.series and c.date == m.date
        assert c.id == stable_id(m.id, c.source_id, c.start, c.end, c.kind)
        if c.kind != "header":
            assert c.item is not None and c.item_title
    assert len({c.id for c in chunks}) == len(chunks)


def test_notes_and_prepared_text_are_separate_chunks():
    src = seed(SEED_0311)
    m = parse_meeting(src)
    chunks = chunk_meeting(m, {src.id: src})
    notes = [c for c in chunks if c.kind == "note"]
    agenda = [c for c in chunks if c.kind == "agenda"]
    assert {c.note_method for c in notes} == {"heuristic"}
    assert any(c.text == "Peter is akkoord" and c.item == "4" for c in notes)
    for note in m.notes:
        for c in agenda:
            assert not (c.start < note.end and note.start < c.end), (note.text, c.text)
    # every note character is in some note chunk
    covered = {i for c in notes for i in range(c.start, c.end)}
    assert all(i in covered for n in m.notes for i in range(n.start, n.end) if not src.raw_text[i].isspace())
    # the first chunk of an item starts at its heading, so its title words are in the passage
    first4 = next(c for c in agenda if c.item == "4")
    assert first4.start == m.item("4").start and "Landing resultaten" in first4.text


def test_token_budget_and_overlap():
    sentence = "De gemeente investeert in de komende jaren fors in de openbare ruimte van de binnenstad. "
    long_body = "".join(f"Zin {k}: {sentence}" for k in range(60))
    text = f"# Agenda raadscommissie Bestuur\n\nDatum: 3 juni 2024\n\n1. Begroting\n\n{long_body}\n\n2. Rondvraag\n"
    src = source_of(text)
    m = parse_meeting(src)
    chunks = [c for c in chunk_meeting(m, {src.id: src}, max_tokens=120, overlap_tokens=30) if c.item == "1"]
    assert len(chunks) > 5
    assert all(count_tokens(c.text) <= 120 for c in chunks)
    for a, b in zip(chunks, chunks[1:]):
        assert b.start < a.end  # overlap
        assert b.start > a.start
    covered = {i for c in chunks for i in range(c.start, c.end)}
    assert all(i in covered for i in range(text.index("Zin 0"), text.index("2. Rondvraag")) if not text[i].isspace())
    # splits fall on sentence boundaries
    assert all(c.text.rstrip().endswith(".") for c in chunks)


def test_single_overlong_sentence_is_split_on_words():
    words = " ".join(f"woord{k}" for k in range(400))
    text = f"# Agenda\n\nDatum: 3 juni 2024\n\n1. Lange zin\n\n{words}\n"
    src = source_of(text)
    m = parse_meeting(src)
    chunks = chunk_meeting(m, {src.id: src}, max_tokens=100)
    assert all(count_tokens(c.text) <= 100 for c in chunks)
    assert any("woord399" in c.text for c in chunks)


def test_seed_chunks_stay_under_eval_limit_and_are_stable():
    for path in (SEED_0306, SEED_0311):
        src = seed(path)
        m = parse_meeting(src)
        first = chunk_meeting(m, {src.id: src})
        assert all(count_tokens(c.text) <= 256 for c in first)
        assert [c.id for c in chunk_meeting(parse_meeting(seed(path)), {src.id: src})] == [c.id for c in first]


def test_notes_file_and_comment_chunks_point_into_their_own_source():
    agenda = seed(DATA / "mr-basisschool_agenda.md")
    notes = seed(DATA / "mr-basisschool_aantekeningen.txt", role="notes")
    m = parse_meeting(agenda, notes=notes)
    sources = {agenda.id: agenda, notes.id: notes}
    chunks = chunk_meeting(m, sources)
    note_chunks = [c for c in chunks if c.kind == "note"]
    assert note_chunks and all(c.source_id == notes.id and c.note_method == "notes_file" for c in note_chunks)
    for c in chunks:
        assert sources[c.source_id].raw_text[c.start:c.end] == c.text


def test_clean_diff_notes_are_chunked():
    annotated, clean = seed(SEED_0311), seed(SEED_0306, role="clean_agenda")
    m = parse_meeting(annotated, clean_agenda=clean)
    chunks = chunk_meeting(m, {annotated.id: annotated, clean.id: clean})
    diffed = [c for c in chunks if c.note_method == "clean_diff"]
    assert [c.item for c in diffed] == ["2", "3"]
    assert all(c.source_id == annotated.id for c in diffed)


def test_a_meeting_without_items_is_chunked_as_text():
    text = "Verslag van de jaarvergadering\n\n" + "De leden bespreken de plannen voor het nieuwe seizoen en de contributie. " * 40
    src = source_of(text)
    m = parse_meeting(src)
    assert m.items == []
    chunks = chunk_meeting(m, {src.id: src})
    assert len(chunks) >= 2 and all(c.kind == "agenda" and c.item is None for c in chunks)
    assert all(src.raw_text[c.start:c.end] == c.text for c in chunks)
