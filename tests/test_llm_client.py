"""The LLM client against a scripted OpenAI-compatible server (real HTTP, the real `openai` client)."""

from __future__ import annotations

import time

import pytest
from llm_server import Reply, ScriptedLLMServer, error_reply
from pydantic import BaseModel

from notulist.errors import (
    LLMAuthError,
    LLMContextTooLongError,
    LLMOutputError,
    LLMRateLimitError,
    LLMUnavailableError,
    MissingPromptVariableError,
    PromptError,
)
from notulist.llm import (
    LLMClient,
    build_request,
    get_llm,
    normalise_base_url,
    parse_json_output,
    parse_response,
)
from notulist.settings import Settings
from notulist.store import MeetingStore
from prompts import load_prompt


class Greeting(BaseModel):
    groet: str
    aantal: int


def make_settings(tmp_path, url: str, **extra) -> Settings:
    values = dict(data_dir=tmp_path / "data", llm_base_url=url, llm_model="test-model",
                  llm_timeout=5.0, llm_max_retries=2, llm_context_tokens=4096)
    values.update(extra)
    return Settings(**values)


@pytest.fixture
def server():
    with ScriptedLLMServer() as s:
        yield s


# --------------------------------------------------------------------------- pure functions


def test_get_llm_is_none_without_endpoint(tmp_path):
    assert get_llm(Settings(data_dir=tmp_path)) is None
    assert get_llm(Settings(data_dir=tmp_path, llm_base_url="http://127.0.0.1:9")) is None
    assert get_llm(Settings(data_dir=tmp_path, llm_base_url="http://127.0.0.1:9", llm_model="m")) is not None


def test_base_url_gets_v1_only_when_no_path():
    assert normalise_base_url("http://localhost:8080/") == "http://localhost:8080/v1"
    assert normalise_base_url("https://x.example/openai/v1") == "https://x.example/openai/v1"


def test_build_request_is_deterministic_and_carries_schema():
    msgs = [{"role": "user", "content": "hoi"}]
    req = build_request("m", msgs, max_tokens=10, response_format={"type": "json_schema"})
    assert req == {"model": "m", "messages": msgs, "max_tokens": 10, "temperature": 0.0,
                   "response_format": {"type": "json_schema"}}
    assert "stream" not in req
    assert build_request("m", msgs, max_tokens=10, stream=True)["stream"] is True


def test_parse_response_and_json_output():
    data = {"choices": [{"message": {"role": "assistant", "content": '```json\n{"groet": "hallo", "aantal": 2}\n```'}}]}
    assert parse_json_output(parse_response(data), Greeting) == Greeting(groet="hallo", aantal=2)
    assert parse_json_output('Zeker! {"groet": "x", "aantal": 1} Succes.', Greeting).aantal == 1
    with pytest.raises(LLMOutputError, match="geen geldige JSON"):
        parse_json_output('{"groet": "x", "aantal": }', Greeting)
    with pytest.raises(LLMOutputError, match="schema"):
        parse_json_output('{"groet": "x"}', Greeting)
    with pytest.raises(LLMOutputError):
        parse_response({"choices": []})


def test_prompt_loader_errors_and_versions():
    prompt = load_prompt("extract")
    assert prompt.version.startswith("extract/v")
    assert {"documenten"} <= prompt.variables
    with pytest.raises(MissingPromptVariableError, match="documenten"):
        prompt.render(vergadering="x")
    with pytest.raises(PromptError, match="bestaat niet"):
        load_prompt("bestaat_niet")
    with pytest.raises(PromptError, match="geen versie"):
        load_prompt("extract", version=999)


# --------------------------------------------------------------------------- over HTTP


def test_good_json_output_with_json_schema_response_format(tmp_path, server):
    server.play(Reply(content='{"groet": "goedemiddag", "aantal": 3}'))
    llm = LLMClient(make_settings(tmp_path, server.url))
    out = llm.chat_json([{"role": "user", "content": "zeg hallo"}], Greeting, prompt_version="t/v1")
    assert out == Greeting(groet="goedemiddag", aantal=3)
    sent = server.chat_requests[0]
    assert sent["response_format"]["type"] == "json_schema"
    assert sent["response_format"]["json_schema"]["schema"]["required"] == ["groet", "aantal"]
    assert sent["temperature"] == 0.0


@pytest.mark.parametrize("rejected, expected", [
    (("json_schema",), ["json_schema", "json_object", "json_object"]),  # llama-cpp-python style
    (("json_schema", "json_object"), ["json_schema", "json_object", None, None]),  # plain JSON only
])
def test_structured_output_falls_back_to_what_the_server_accepts(tmp_path, rejected, expected):
    with ScriptedLLMServer(reject_formats=rejected) as server:
        server.play(Reply(content='{"groet": "hoi", "aantal": 1}'), Reply(content='{"groet": "nog", "aantal": 2}'))
        llm = LLMClient(make_settings(tmp_path, server.url))
        assert llm.chat_json([{"role": "user", "content": "a"}], Greeting, prompt_version="t/v1").aantal == 1
        assert llm.chat_json([{"role": "user", "content": "b"}], Greeting, prompt_version="t/v1").aantal == 2
        kinds = [(r.get("response_format") or {}).get("type") for r in server.chat_requests]
        # each rejected form is tried once, then the accepted one for the rest of the client's life
        assert kinds == expected
        if "json_object" not in rejected:
            assert server.chat_requests[-1]["response_format"]["schema"]["required"] == ["groet", "aantal"]


def test_accepted_structured_mode_is_remembered_in_the_store(tmp_path):
    with ScriptedLLMServer(reject_formats=("json_schema",)) as server:
        settings = make_settings(tmp_path, server.url)
        store = MeetingStore.from_settings(settings)
        server.default = Reply(content='{"groet": "hoi", "aantal": 1}')
        LLMClient(settings, store=store).chat_json([{"role": "user", "content": "a"}], Greeting, prompt_version="t")
        later = LLMClient(settings, store=store)  # e.g. the next CLI run
        later.chat_json([{"role": "user", "content": "b"}], Greeting, prompt_version="t")
        kinds = [(r.get("response_format") or {}).get("type") for r in server.chat_requests]
        assert kinds == ["json_schema", "json_object", "json_object"]


def test_invalid_json_is_retried_once_then_fails(tmp_path, server):
    server.play(Reply(content="Hier is het: {groet: hallo"), Reply(content='{"groet": "hallo", "aantal": 1}'))
    llm = LLMClient(make_settings(tmp_path, server.url))
    assert llm.chat_json([{"role": "user", "content": "x"}], Greeting, prompt_version="t/v1").groet == "hallo"
    assert len(server.chat_requests) == 2
    assert "ongeldig" in server.chat_requests[1]["messages"][-1]["content"]

    server.play(Reply(content="geen json"), Reply(content="nog steeds geen json"), Reply(content='{"groet": "te laat", "aantal": 1}'))
    with pytest.raises(LLMOutputError, match="nieuwe poging"):
        llm.chat_json([{"role": "user", "content": "y"}], Greeting, prompt_version="t/v1")
    assert len(server.chat_requests) == 4  # one retry, not more


def test_429_then_success_is_retried_with_backoff(tmp_path, server):
    server.play(error_reply(429, "Rate limit reached", retry_after_ms="50"), Reply(content="ok"))
    llm = LLMClient(make_settings(tmp_path, server.url))
    assert llm.chat([{"role": "user", "content": "x"}], prompt_version="t/v1") == "ok"
    assert len(server.chat_requests) == 2


def test_429_that_persists_gives_a_dutch_message(tmp_path, server):
    server.default = error_reply(429, "Rate limit reached", retry_after_ms="10")
    llm = LLMClient(make_settings(tmp_path, server.url, llm_max_retries=1))
    with pytest.raises(LLMRateLimitError, match="te veel verzoeken"):
        llm.chat([{"role": "user", "content": "x"}], prompt_version="t/v1")
    assert len(server.chat_requests) == 2


def test_5xx_then_success(tmp_path, server):
    server.play(error_reply(503, "overloaded", retry_after_ms="10"), Reply(content="weer goed"))
    llm = LLMClient(make_settings(tmp_path, server.url))
    assert llm.chat([{"role": "user", "content": "x"}], prompt_version="t/v1") == "weer goed"


def test_timeout_gives_a_dutch_message(tmp_path, server):
    server.default = Reply(content="te laat", delay=2.0)
    llm = LLMClient(make_settings(tmp_path, server.url, llm_timeout=0.3, llm_max_retries=0))
    started = time.perf_counter()
    with pytest.raises(LLMUnavailableError, match="binnen 0.3 s geen antwoord"):
        llm.chat([{"role": "user", "content": "x"}], prompt_version="t/v1")
    assert time.perf_counter() - started < 1.5


def test_unreachable_server(tmp_path):
    with ScriptedLLMServer() as s:
        url = s.url  # the port is free again once the server is gone
    llm = LLMClient(make_settings(tmp_path, url, llm_max_retries=0))
    with pytest.raises(LLMUnavailableError, match="niet bereikbaar"):
        llm.chat([{"role": "user", "content": "x"}], prompt_version="t/v1")
    assert llm.check()["ok"] is False


def test_401_names_the_api_key_setting(tmp_path):
    with ScriptedLLMServer(api_key="juist") as server:
        llm = LLMClient(make_settings(tmp_path, server.url, llm_api_key="fout"))
        with pytest.raises(LLMAuthError, match="NOTULIST_LLM_API_KEY"):
            llm.chat([{"role": "user", "content": "x"}], prompt_version="t/v1")
        assert len(server.chat_requests) == 1  # a 401 is not retried
        good = LLMClient(make_settings(tmp_path, server.url, llm_api_key="juist"))
        server.default = Reply(content="ok")
        assert good.check()["ok"] is True


def test_context_too_long_from_server_and_from_budget(tmp_path, server):
    server.play(error_reply(400, "This model's maximum context length is 2048 tokens. However, you requested 3000 tokens.",
                            code="context_length_exceeded"))
    llm = LLMClient(make_settings(tmp_path, server.url))
    with pytest.raises(LLMContextTooLongError, match="contextvenster"):
        llm.chat([{"role": "user", "content": "x"}], prompt_version="t/v1")
    small = LLMClient(make_settings(tmp_path, server.url, llm_context_tokens=300))
    before = len(server.chat_requests)
    with pytest.raises(LLMContextTooLongError, match="NOTULIST_LLM_CONTEXT_TOKENS"):
        small.chat([{"role": "user", "content": "vergadering " * 400}], prompt_version="t/v1")
    assert len(server.chat_requests) == before  # refused before sending


def test_streaming_yields_pieces(tmp_path, server):
    text = "Het overleg besloot de offerte te laten tekenen door Peter."
    server.play(Reply(content=text))
    llm = LLMClient(make_settings(tmp_path, server.url))
    pieces = list(llm.stream_text([{"role": "user", "content": "vat samen"}]))
    assert len(pieces) > 3 and "".join(pieces) == text
    assert server.chat_requests[0]["stream"] is True


def test_response_cache_in_store(tmp_path, server):
    settings = make_settings(tmp_path, server.url)
    store = MeetingStore.from_settings(settings)
    server.play(Reply(content='{"groet": "hallo", "aantal": 5}'))
    msgs = [{"role": "user", "content": "zelfde vraag"}]
    first = get_llm(settings, store=store).chat_json(msgs, Greeting, prompt_version="t/v1")
    again = get_llm(settings, store=store)  # a fresh client: the cache lives in the store
    assert again.chat_json(msgs, Greeting, prompt_version="t/v1") == first
    assert len(server.chat_requests) == 1 and again.cache_hits == 1
    # an answer that stayed invalid after the retry is not asked again either
    server.play(Reply(content="geen json"), Reply(content="nog steeds geen json"))
    bad = [{"role": "user", "content": "andere vraag"}]
    with pytest.raises(LLMOutputError):
        again.chat_json(bad, Greeting, prompt_version="t/v1")
    with pytest.raises(LLMOutputError, match="cache"):
        again.chat_json(bad, Greeting, prompt_version="t/v1")
    assert len(server.chat_requests) == 3
    del server.requests[:]
    server.play(Reply(content='{"groet": "nieuw", "aantal": 6}'))
    assert again.chat_json(msgs, Greeting, prompt_version="t/v2").groet == "nieuw"  # new prompt version: miss
    assert len(server.chat_requests) == 1


def test_check_reports_endpoint_and_model(tmp_path, server):
    server.default = Reply(content="ok")
    report = LLMClient(make_settings(tmp_path, server.url)).check()
    assert report["ok"] and report["model_listed"] and report["base_url"] == server.url
    assert report["answer"] == "ok"


def test_llama_index_wrapper_points_at_the_same_endpoint(tmp_path, server):
    server.default = Reply(content="Hallo vanuit de server.")
    llm = LLMClient(make_settings(tmp_path, server.url, llm_api_key="sleutel"))
    wrapped = llm.as_llama_index()
    assert wrapped.api_base == server.url and wrapped.model == "test-model" and wrapped.is_chat_model
    from llama_index.core.llms import ChatMessage

    reply = wrapped.chat([ChatMessage(role="user", content="hoi")])
    assert reply.message.content == "Hallo vanuit de server."
    assert server.chat_requests[-1]["messages"][-1]["content"] == "hoi"


def test_prompts_latest_version_and_bad_placeholder(tmp_path):
    folder = tmp_path / "samenvatting"
    folder.mkdir()
    (folder / "v1.system.txt").write_text("Oud.", encoding="utf-8")
    (folder / "v1.user.txt").write_text("Tekst: $tekst", encoding="utf-8")
    (folder / "v2.system.txt").write_text("Nieuw. Kosten in $ zijn data.", encoding="utf-8")
    (folder / "v2.user.txt").write_text('JSON {"a": 1} voor ${tekst}', encoding="utf-8")
    (folder / "v3.system.txt").write_text("Zonder user-deel: telt niet.", encoding="utf-8")
    latest = load_prompt("samenvatting", root=tmp_path)
    assert latest.number == 2 and latest.version != load_prompt("samenvatting", 1, root=tmp_path).version
    with pytest.raises(PromptError, match="ongeldige plaatsaanduiding"):
        latest.render(tekst="x")
    user = load_prompt("samenvatting", 1, root=tmp_path).render(tekst="€ 5 of $5 en ${niet}")[1]["content"]
    assert user == "Tekst: € 5 of $5 en ${niet}"  # values are inserted as they are, never re-expanded
