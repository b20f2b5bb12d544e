"""LLM item accounts for the verslag: grounded sentences kept, the rest dropped and reported."""

from __future__ import annotations

import json

import pytest
from llm_server import WERKGROEP, Reply, ScriptedLLMServer, build_meeting

from notulist.errors import LLMUnavailableError
from notulist.llm import LLMClient
from notulist.settings import Settings
from summarise.llm_verslag import item_accounts_with_llm, render_account


def llm_for(tmp_path, url, **extra) -> LLMClient:
    return LLMClient(Settings(**{"data_dir": tmp_path / "data", "llm_base_url": url, "llm_model": "m",
                                 "llm_max_retries": 0, "llm_timeout": 5.0, **extra}))


def test_accounts_keep_only_grounded_sentences(tmp_path):
    meeting, sources = build_meeting()
    with ScriptedLLMServer() as server:
        server.play(Reply(content=json.dumps({"punten": [
            {"punt": "2", "zinnen": [
                {"tekst": "De werkgroep stemde in met zonnepanelen op het gemeentehuis.",
                 "citaat": "de werkgroep stemt in met het plaatsen van zonnepanelen op het dak van het gemeentehuis"},
                {"tekst": "De kosten bedragen een miljoen euro.", "citaat": "De kosten bedragen een miljoen euro."}]},
            {"punt": "4", "zinnen": [
                {"tekst": "Het communicatieplan werd doorgeschoven.",
                 "citaat": "Dit punt wordt doorgeschoven naar de volgende vergadering."}]},
            {"punt": "5", "zinnen": [  # a real quote, but from another item
                {"tekst": "De regeling werd toegelicht.", "citaat": "De regeling wordt toegelicht."}]},
        ]})))
        accounts, warnings = item_accounts_with_llm(meeting, sources, llm_for(tmp_path, server.url))
    assert sorted(accounts) == ["2", "4"]
    for sentences in accounts.values():
        for s in sentences:
            assert WERKGROEP[s.citation.start:s.citation.end] == s.citation.quote
    assert render_account(accounts["4"]) == "Het communicatieplan werd doorgeschoven."
    assert warnings == ["2 verslagzin(nen) van het LLM weggelaten (geen letterlijk citaat uit het agendapunt)"]


def test_unreachable_server_raises_for_the_caller(tmp_path):
    meeting, sources = build_meeting()
    with ScriptedLLMServer() as server:
        url = server.url
    with pytest.raises(LLMUnavailableError):
        item_accounts_with_llm(meeting, sources, llm_for(tmp_path, url))
