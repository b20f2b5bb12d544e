"""The scale benchmark's corpus: distinct documents the product reads as real meetings, growing by prefix,
and random-projection vectors of the real dimension (the benchmark itself is not run by the tests)."""

from __future__ import annotations

import numpy as np

from notulist.settings import Settings

from benchmarks.scale.embedders import DIM, RandomProjectionEmbedder
from benchmarks.scale.generate import all_series, meeting_document, questions


def test_generated_meetings_are_distinct_and_read_as_meetings_with_decisions_and_actions():
    from ingest.loaders import load_document
    from ingest.parser import parse_meeting
    from summarise.extract import extract_meeting

    series = all_series(15)
    docs = [meeting_document(15, i, series) for i in range(24)]
    assert len({d.text for d in docs}) == len({d.filename for d in docs}) == 24
    assert len({d.series for d in docs}) == 24  # sixty bodies: the first 24 meetings are 24 different ones
    decisions = actions = owned = complete = 0
    for doc in docs[:12]:
        source = load_document(doc.filename, doc.text.encode(), settings=Settings(), role="agenda")
        meeting = parse_meeting(source)
        assert meeting.date == doc.date
        complete += len(meeting.items) == len(doc.topics) + 2  # opening, the topics, rondvraag
        extraction = extract_meeting(meeting, {source.id: source})
        decisions += len(extraction.decisions)
        actions += len(extraction.actions)
        owned += sum(1 for a in extraction.actions if a.owner)
    assert complete >= 10  # (a few plain-text layouts lose items after a bare 'Volgende keer.' line)
    assert decisions >= 6 and actions >= 6 and owned >= actions // 2


def test_meeting_i_is_the_same_at_every_corpus_size_and_questions_are_about_the_corpus():
    a, b = meeting_document(15, 61), meeting_document(15, 61, all_series(15))
    assert a == b and a.series == meeting_document(15, 1).series and a.date > meeting_document(15, 1).date
    docs = [meeting_document(15, i) for i in range(30)]
    qs = questions(docs, 14, 15)
    assert len(qs) == 14 and len(set(qs)) > 10
    assert any(t in q for q in qs for d in docs for t in d.topics)


def test_random_projection_vectors_have_the_real_dimension_and_follow_shared_words():
    emb = RandomProjectionEmbedder()
    v = emb.embed_passages(["de begroting van de sporthal", "de begroting van de sporthal 2026", "kantine bardienst"])
    assert v.shape == (3, DIM) == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert float(v[0] @ v[1]) > 0.8 > float(v[0] @ v[2])
