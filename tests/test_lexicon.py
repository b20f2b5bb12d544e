"""A cue word added to one data file (notulist/nl/data/postponed.toml) changes every stage that uses it.

The packaged lexicon does not know "geparkeerd"; a copy of the data with that one word added to the
postponed family is installed with `use_lexicon`, and then every stage reads the new word: the rule
engine lists the clause as postponed, the whole extraction (real ingest -> rules) lists the item as
postponed, the extraction records the other lexicon version, and retrieval's intent detection treats a
question with the word as a question about postponed items.

Ingest's note heuristics (ingest/notes/heuristic.py) still keep their own postponement words at the time
of writing, so that stage is not covered here yet."""

from __future__ import annotations

import pytest

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from notulist.nl import copy_data, lexicon, load_lexicon, use_lexicon
from retrieval.intent import detect_intent
from summarise import rules
from summarise.extract import extract_meeting

CLAUSE = "De begroting 2026 is geparkeerd."
MINUTES = """# Verslag bestuursvergadering 12 maart 2025

Aanwezig: Piet de Vries (voorzitter), Marie Jansen (secretaris)

## 1. Opening
De voorzitter opent de vergadering.

## 2. Begroting 2026
De begroting 2026 is geparkeerd.

## 3. Rondvraag
Er zijn geen vragen.
"""


@pytest.fixture
def parked(tmp_path):
    """The packaged data with "geparkeerd" added to the postponed family, and nothing else changed."""
    data = copy_data(tmp_path / "nl")
    path = data / "postponed.toml"
    text = path.read_text(encoding="utf-8")
    assert 'phrases = ["' in text
    path.write_text(text.replace('phrases = ["', 'phrases = ["geparkeerd", "', 1), encoding="utf-8")
    return load_lexicon(data)


def _extract(settings):
    source = load_document("2025-03-12_bestuur_verslag.md", MINUTES.encode(), settings=settings)
    meeting = parse_meeting(source)
    return meeting, extract_meeting(meeting, {source.id: source})


def test_rule_engine_reads_the_new_cue(parked):
    assert [h.kind for h in rules.analyse(CLAUSE, "record")] == []
    with use_lexicon(parked):
        assert [h.kind for h in rules.analyse(CLAUSE, "record")] == ["postponed"]
        assert rules.detector_for(CLAUSE, "record") == "uitgesteld"
    assert [h.kind for h in rules.analyse(CLAUSE, "record")] == []  # the packaged data is back


def test_extraction_lists_the_item_postponed_and_records_the_version(parked, settings):
    meeting, before = _extract(settings)
    assert "2" in {i.number for i in meeting.items}
    assert before.postponed == []
    assert before.lexicon_version == lexicon().version
    with use_lexicon(parked):
        _, after = _extract(settings)
    assert [(p.item, p.citation.quote) for p in after.postponed] == [("2", CLAUSE)]
    assert after.lexicon_version == parked.version != before.lexicon_version


def test_retrieval_treats_the_question_as_a_postponement_question(parked):
    question = "Welke punten zijn geparkeerd?"
    assert detect_intent(question).kind == "general"
    with use_lexicon(parked):
        assert detect_intent(question).kind == "postponed"
    assert detect_intent(question).kind == "general"
