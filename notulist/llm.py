"""The one LLM client: any OpenAI-compatible server (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp).

Built on the `openai` package, which already does timeouts and retries with exponential backoff on
429/5xx (honouring Retry-After). Around every network call sit two pure functions, `build_request` and
`parse_response`, so the request shape and the output handling are tested without a network. Every
failure becomes an `LLMError` subclass with a Dutch message the user can act on; callers catch
`LLMError` and fall back to the rule engine / extractive answers.

Responses are cached in the meeting store, keyed by model, prompt version and a hash of the request,
so redrafting an unchanged meeting makes no request at all.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from notulist.errors import (
    LLMAuthError,
    LLMContextTooLongError,
    LLMError,
    LLMOutputError,
    LLMRateLimitError,
    LLMUnavailableError,
)
from notulist.llm_checks import content_stems, injection_spans, overlaps_injection, supported_by
from notulist.llm_protocol import (
    PER_MESSAGE_TOKENS,
    TOKEN_SAFETY,
    Messages,
    StructuredMode,
    T,
    _format_rejected,
    build_request,
    cache_key,
    count_message_tokens,
    is_context_length_error,
    json_schema_format,
    normalise_base_url,
    parse_json_output,
    parse_response,
    parse_stream_chunk,
    response_format_for,
)
from notulist.settings import Settings

__all__ = [
    "LLMClient", "get_llm", "Messages", "StructuredMode", "TOKEN_SAFETY", "PER_MESSAGE_TOKENS",
    "build_request", "parse_response", "parse_stream_chunk", "parse_json_output", "json_schema_format",
    "response_format_for", "normalise_base_url", "is_context_length_error", "count_message_tokens",
    "cache_key", "content_stems", "supported_by", "injection_spans", "overlaps_injection",
]

log = logging.getLogger("notulist.llm")


class LLMClient:
    """An OpenAI-compatible chat endpoint with budgets, JSON output, a response cache and Dutch errors."""

    def __init__(self, settings: Settings, *, store=None, structured: StructuredMode = "auto"):
        if not settings.llm_enabled:
            raise LLMError("geen LLM ingesteld (NOTULIST_LLM_BASE_URL en NOTULIST_LLM_MODEL)")
        self.base_url = normalise_base_url(settings.llm_base_url or "")
        self.model = settings.llm_model or ""
        self.api_key = settings.llm_api_key
        self.timeout = settings.llm_timeout
        self.max_retries = settings.llm_max_retries
        self.context_tokens = settings.llm_context_tokens
        self.store = store
        self.structured: StructuredMode = structured
        self.requests = 0  # chat requests sent by this client (openai's own retries not counted)
        self.cache_hits = 0
        self._client = None
        self._mode_key = cache_key(self.model, "structured-mode", {"base_url": self.base_url})
        if structured == "auto" and store is not None:
            known = store.cache_get(self._mode_key)
            if known in ("json_object", "none"):
                self.structured = known  # learnt earlier: skip the forms this server rejects

    def __repr__(self) -> str:
        return f"LLMClient(base_url={self.base_url!r}, model={self.model!r})"

    @property
    def client(self):
        if self._client is None:
            import openai

            self._client = openai.OpenAI(
                base_url=self.base_url,
                api_key=self.api_key or "geen-sleutel",  # local servers need none; the client wants one
                timeout=self.timeout,
                max_retries=self.max_retries,
            )
        return self._client

    def as_llama_index(self):
        """The same endpoint as a llama-index LLM (OpenAILike), for llama-index plumbing."""
        from llama_index.llms.openai_like import OpenAILike

        return OpenAILike(
            model=self.model, api_base=self.base_url, api_key=self.api_key or "geen-sleutel",
            is_chat_model=True, context_window=self.context_tokens, timeout=self.timeout,
            max_retries=self.max_retries, temperature=0.0,
        )

    # ------------------------------------------------------------------ budgets

    def default_max_tokens(self) -> int:
        return max(128, min(1024, self.context_tokens // 4))

    def prompt_budget(self, max_tokens: int | None = None) -> int:
        """Tokens left for the prompt once the answer's tokens are reserved."""
        return self.context_tokens - (max_tokens or self.default_max_tokens()) - 32

    def fits(self, messages: Messages, max_tokens: int | None = None) -> bool:
        return count_message_tokens(messages) <= self.prompt_budget(max_tokens)

    # ------------------------------------------------------------------ calls

    def chat(self, messages: Messages, *, prompt_version: str, max_tokens: int | None = None) -> str:
        """Plain text completion (cached)."""
        max_tokens = max_tokens or self.default_max_tokens()
        request = build_request(self.model, messages, max_tokens=max_tokens)
        key = cache_key(self.model, prompt_version, request)
        cached = self._cache_get(key)
        if cached is not None:
            return cached
        self._check_budget(messages, max_tokens)
        text = parse_response(self._create(request))
        self._cache_put(key, prompt_version, text)
        return text

    def chat_json(self, messages: Messages, output_model: type[T], *, prompt_version: str,
                  max_tokens: int | None = None) -> T:
        """Structured completion validated against `output_model`.

        Uses the JSON-schema response format where the server accepts it (detected once: a server that
        rejects it gets plain JSON from then on). Invalid JSON is retried once with a reminder; a second
        failure raises LLMOutputError so the caller keeps the rule engine's result.
        """
        max_tokens = max_tokens or self.default_max_tokens()
        schema_id = hashlib.sha256(json.dumps(output_model.model_json_schema(), sort_keys=True).encode()).hexdigest()[:12]
        key = cache_key(self.model, prompt_version, {"messages": messages, "schema": schema_id, "max_tokens": max_tokens})
        cached = self._cache_get(key)
        if cached is not None:
            # an answer that was invalid twice is cached too: at temperature 0 asking again gives the
            # same answer, so an unchanged meeting costs nothing, whatever the model made of it
            try:
                return parse_json_output(cached, output_model)
            except LLMOutputError as exc:
                raise LLMOutputError(f"{exc} (eerder antwoord, uit de cache)") from exc
        self._check_budget(messages, max_tokens)
        text = self._structured_call(messages, output_model, max_tokens)
        try:
            result = parse_json_output(text, output_model)
        except LLMOutputError as first:
            log.info("LLM-uitvoer ongeldig, één nieuwe poging: %s", first)
            retry = messages + [{
                "role": "user",
                "content": f"Je vorige antwoord was ongeldig: {first}. Antwoord opnieuw, alleen met één "
                           f"JSON-object volgens het gevraagde formaat, zonder uitleg.",
            }]
            text = self._structured_call(retry, output_model, max_tokens)
            try:
                result = parse_json_output(text, output_model)
            except LLMOutputError as second:
                self._cache_put(key, prompt_version, text)
                raise LLMOutputError(f"{second} (ook na een nieuwe poging)") from second
        self._cache_put(key, prompt_version, text)
        return result

    def stream_text(self, messages: Messages, *, max_tokens: int | None = None) -> Iterator[str]:
        """Yield the answer as it is generated (not cached: streaming is for people watching)."""
        max_tokens = max_tokens or self.default_max_tokens()
        self._check_budget(messages, max_tokens)
        request = build_request(self.model, messages, max_tokens=max_tokens, stream=True)
        stream = self._create(request)
        try:
            for chunk in stream:
                piece = parse_stream_chunk(chunk)
                if piece:
                    yield piece
        except LLMError:
            raise
        except Exception as exc:  # errors while reading the stream come from the transport
            raise self._translate(exc) from exc

    def check(self) -> dict[str, Any]:
        """Which endpoint and model, and whether they answer (for `notulist llm check`)."""
        report: dict[str, Any] = {"base_url": self.base_url, "model": self.model, "ok": False,
                                  "models": None, "model_listed": None, "answer": None, "error": None}
        started = time.perf_counter()
        try:
            try:
                listed = [m.id for m in self.client.models.list()]
                report["models"] = listed
                report["model_listed"] = self.model in listed
            except Exception as exc:  # some servers have no /models; the chat call below decides
                err = self._translate(exc)
                if isinstance(err, (LLMUnavailableError, LLMAuthError)):
                    raise err from exc
            request = build_request(self.model, [
                {"role": "system", "content": "Je bent een testprogramma."},
                {"role": "user", "content": "Antwoord met één woord: ok"},
            ], max_tokens=8)
            report["answer"] = parse_response(self._create(request)).strip()
            report["ok"] = True
        except LLMError as exc:
            report["error"] = str(exc)
        report["seconds"] = round(time.perf_counter() - started, 3)
        return report

    # ------------------------------------------------------------------ internals

    def _structured_call(self, messages: Messages, output_model: type[BaseModel], max_tokens: int) -> str:
        """One call in the best structured mode the server accepts.

        `auto` walks down: OpenAI-style `json_schema`, then `json_object` with a `schema` (llama.cpp's
        llama-cpp-python, Anyscale), then plain JSON; a mode the server rejects is not tried again.
        """
        ladder: list[StructuredMode] = (["json_schema", "json_object", "none"] if self.structured == "auto"
                                        else [self.structured])
        for mode in ladder:
            request = build_request(self.model, messages, max_tokens=max_tokens,
                                    response_format=response_format_for(mode, output_model))
            try:
                text = parse_response(self._create(request))
            except LLMError as exc:
                if mode == ladder[-1] or not _format_rejected(exc):
                    raise
                log.info("server weigert response_format %s (%s); volgende vorm", mode, exc)
                continue
            if self.structured == "auto" and mode != "json_schema":
                self.structured = mode  # remember what this server accepts (also across runs)
                self._cache_put(self._mode_key, "structured-mode", mode)
            return text
        raise LLMError("geen antwoordvorm werkt met deze server")  # not reached: the last mode raises

    def _check_budget(self, messages: Messages, max_tokens: int) -> None:
        needed = count_message_tokens(messages)
        budget = self.prompt_budget(max_tokens)
        if needed > budget:
            raise LLMContextTooLongError(
                f"de tekst (ongeveer {needed} tokens) past niet in het contextvenster van model "
                f"'{self.model}' ({self.context_tokens} tokens, waarvan {max_tokens} voor het antwoord); "
                f"verhoog NOTULIST_LLM_CONTEXT_TOKENS als het model meer aankan"
            )

    def _create(self, request: dict[str, Any]):
        self.requests += 1
        try:
            return self.client.chat.completions.create(**request)
        except Exception as exc:
            raise self._translate(exc) from exc

    def _translate(self, exc: Exception) -> LLMError:
        """An openai/httpx exception as an LLMError with a Dutch message (and `.status` when known)."""
        import openai

        where = f"{self.base_url} (model '{self.model}')"
        status = getattr(exc, "status_code", None)
        detail = _error_detail(exc)
        if isinstance(exc, LLMError):
            return exc
        if isinstance(exc, openai.APITimeoutError):
            err: LLMError = LLMUnavailableError(
                f"de LLM-server {where} gaf binnen {self.timeout:g} s geen antwoord (NOTULIST_LLM_TIMEOUT)")
        elif isinstance(exc, openai.APIConnectionError):
            err = LLMUnavailableError(
                f"de LLM-server op {self.base_url} is niet bereikbaar; controleer NOTULIST_LLM_BASE_URL "
                f"en of de server draait")
        elif isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
            err = LLMAuthError(
                f"de LLM-server {where} weigert de toegang ({status}); controleer NOTULIST_LLM_API_KEY")
        elif isinstance(exc, openai.RateLimitError):
            err = LLMRateLimitError(
                f"de LLM-server {where} geeft 'te veel verzoeken' (429), ook na {self.max_retries} nieuwe "
                f"poging(en); probeer het later opnieuw")
        elif status is not None and is_context_length_error(detail):
            err = LLMContextTooLongError(
                f"de tekst past niet in het contextvenster van model '{self.model}' "
                f"(server: {detail[:200]}); Notulist verwerkt de vergadering dan per agendapunt")
        elif isinstance(exc, openai.NotFoundError):
            err = LLMError(f"model of endpoint niet gevonden (404) op {where}: {detail[:200]}")
        elif isinstance(exc, openai.APIStatusError) and (status or 0) >= 500:
            err = LLMUnavailableError(f"de LLM-server {where} gaf een serverfout ({status}): {detail[:200]}")
        elif isinstance(exc, openai.APIStatusError):
            err = LLMError(f"de LLM-server {where} weigerde het verzoek ({status}): {detail[:200]}")
        else:
            err = LLMUnavailableError(f"de LLM-server {where} gaf een onverwachte fout: {exc}")
        err.status = status  # type: ignore[attr-defined]
        return err

    def _cache_get(self, key: str) -> str | None:
        if self.store is None:
            return None
        value = self.store.cache_get(key)
        if value is not None:
            self.cache_hits += 1
        return value

    def _cache_put(self, key: str, prompt_version: str, value: str) -> None:
        if self.store is not None:
            self.store.cache_put(key, self.model, prompt_version, value)


def _error_detail(exc: Exception) -> str:
    """The server's own error message, wherever the server put it."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            return str(inner.get("message") or inner)
        return str(inner)
    if body:
        return str(body)
    return str(getattr(exc, "message", "") or exc)


def get_llm(settings: Settings, *, store=None) -> LLMClient | None:
    """The configured client, or None when no endpoint/model is set (rule engine and extractive path)."""
    if not settings.llm_enabled:
        return None
    return LLMClient(settings, store=store)
