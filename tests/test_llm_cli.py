"""`notulist llm check` against the scripted server, an unreachable one and none at all."""

from __future__ import annotations

import json

from click.testing import CliRunner
from llm_server import Reply, ScriptedLLMServer

from service.cli import main


def test_llm_check_when_the_server_answers(monkeypatch):
    with ScriptedLLMServer(model="klein-model") as server:
        server.default = Reply(content="ok")
        monkeypatch.setenv("NOTULIST_LLM_BASE_URL", server.url)
        monkeypatch.setenv("NOTULIST_LLM_MODEL", "klein-model")
        result = CliRunner().invoke(main, ["llm", "check"])
        assert result.exit_code == 0, result.output
        assert server.url in result.output and "klein-model" in result.output and "antwoordt: ja" in result.output
        as_json = CliRunner().invoke(main, ["llm", "check", "--json"])
        report = json.loads(as_json.output)
        assert report["ok"] and report["model_listed"] and report["answer"] == "ok"


def test_llm_check_fails_for_an_unreachable_server(monkeypatch):
    with ScriptedLLMServer() as server:
        url = server.url
    monkeypatch.setenv("NOTULIST_LLM_BASE_URL", url)
    monkeypatch.setenv("NOTULIST_LLM_MODEL", "m")
    monkeypatch.setenv("NOTULIST_LLM_MAX_RETRIES", "0")
    result = CliRunner().invoke(main, ["llm", "check"])
    assert result.exit_code == 1
    assert "niet bereikbaar" in result.output


def test_llm_check_with_a_wrong_key(monkeypatch):
    with ScriptedLLMServer(api_key="goed") as server:
        monkeypatch.setenv("NOTULIST_LLM_BASE_URL", server.url)
        monkeypatch.setenv("NOTULIST_LLM_MODEL", "test-model")
        monkeypatch.setenv("NOTULIST_LLM_API_KEY", "fout")
        result = CliRunner().invoke(main, ["llm", "check"])
        assert result.exit_code == 1 and "NOTULIST_LLM_API_KEY" in result.output


def test_llm_check_without_configuration():
    result = CliRunner().invoke(main, ["llm", "check"])
    assert result.exit_code == 1
    assert "NOTULIST_LLM_BASE_URL" in result.output
