"""`notulist ask` / `notulist reindex` end to end, and the LLM answer path falling back to extractive."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from notulist.models import Answer, Citation, ParsedDocument
from notulist.settings import Settings
import retrieval.answer as answer_module  # the LLM step is replaced where ask() calls it
from retrieval.index import SearchIndex
from test_retrieval_contract import ALL, JUNI, MEMO


def _stored_app(settings: Settings):
    from service.pipeline import Notulist

    app = Notulist(settings)
    app.index = SearchIndex(settings, embedder=MEMO)  # fills the embedding cache the CLI reads
    for meeting, source, chunks in ALL:
        app.store.save_parsed(ParsedDocument(meeting=meeting, sources=[source]), {source.id: source.raw_text.encode()})
        app.index.upsert(meeting, chunks)
    return app


def test_cli_ask_json_and_reindex():
    from service.cli import main

    app = _stored_app(Settings())  # the data dir of the autouse fixture, which the CLI also uses
    runner = CliRunner()
    result = runner.invoke(main, ["ask", "Wat hebben we afgesproken over de weesfietsen?", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["llm_used"] is False and data["answer"]
    assert data["citations"] and {"meeting_id", "date", "item", "item_title", "quote", "score"} <= set(data["citations"][0])
    source = app.store.get_source(data["citations"][0]["source_id"])
    assert all(source.raw_text[c["start"]:c["end"]] == c["quote"] for c in data["citations"] if c["source_id"] == source.id)

    text = runner.invoke(main, ["ask", "Wat hebben we afgesproken over de weesfietsen?", "--since", "2024-06-01"])
    assert text.exit_code == 0 and "11 juni 2024" in text.output and "14 mei 2024" not in text.output
    assert "Bronnen:" in text.output

    empty = runner.invoke(main, ["ask", ""])
    assert empty.exit_code == 0 and "geen vraag" in empty.output

    rebuilt = runner.invoke(main, ["reindex"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "3 vergaderingen" in rebuilt.output
    again = runner.invoke(main, ["ask", "Wat hebben we afgesproken over de weesfietsen?", "--json"])
    assert json.loads(again.output)["found"] is True


@pytest.fixture
def llm_app(tmp_path, monkeypatch):
    settings = Settings(data_dir=tmp_path / "data", llm_base_url="http://127.0.0.1:9/v1", llm_model="test")
    app = _stored_app(settings)
    app.llm = object()  # a configured client; answer_with_llm is replaced below
    return app


QUESTION = "Wat hebben we afgesproken over de weesfietsen?"


def test_llm_failure_falls_back_to_extractive(llm_app, monkeypatch):
    def broken(question, passages, llm):
        raise RuntimeError("server weg")

    monkeypatch.setattr(answer_module, "answer_with_llm", broken)
    answer = llm_app.ask(QUESTION)
    assert not answer.llm_used and answer.found and answer.citations
    assert any("LLM" in w for w in answer.warnings)

    monkeypatch.setattr(answer_module, "answer_with_llm", lambda q, p, llm: None)
    answer = llm_app.ask(QUESTION)
    assert not answer.llm_used and any("LLM" in w for w in answer.warnings)


def test_llm_answer_is_used_only_with_exact_citations(llm_app, monkeypatch):
    seen = {}

    def good(question, passages, llm):
        seen["passages"] = passages
        return Answer(question=question, answer="Joost maakt een voorstel [1].", citations=[passages[0]], llm_used=True)

    monkeypatch.setattr(answer_module, "answer_with_llm", good)
    answer = llm_app.ask(QUESTION)
    assert answer.llm_used and answer.answer == "Joost maakt een voorstel [1]."
    assert all(isinstance(p, Citation) for p in seen["passages"])

    def invented(question, passages, llm):
        fake = passages[0].model_copy(update={"quote": "Joost heeft alles al geregeld."})
        return Answer(question=question, answer="Alles is geregeld [1].", citations=[fake], llm_used=True)

    monkeypatch.setattr(answer_module, "answer_with_llm", invented)
    answer = llm_app.ask(QUESTION)
    assert not answer.llm_used and "Alles is geregeld" not in answer.answer

    assert not llm_app.ask(QUESTION, use_llm=False).llm_used
    assert JUNI[0].id in {c.meeting_id for c in llm_app.ask(QUESTION, use_llm=False).citations}
