"""The pure half of the LLM client: request shape, response parsing, JSON output, token budgets.

No network and no state here, so every function is tested without a server; `notulist.llm.LLMClient`
wraps the network call between `build_request` and `parse_response`.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError

from notulist.errors import LLMContextTooLongError, LLMError, LLMOutputError
from notulist.settings import count_tokens

T = TypeVar("T", bound=BaseModel)
Messages = list[dict[str, str]]
StructuredMode = Literal["auto", "json_schema", "json_object", "none"]

# cl100k_base counts are an estimate for other models' tokenizers (Dutch often costs more tokens in
# small English-first vocabularies), so budgets keep a safety margin rather than filling the window.
TOKEN_SAFETY = 1.35  # measured: Dutch costs 1.36x cl100k in SmolLM2's 49k vocabulary
PER_MESSAGE_TOKENS = 8

_CONTEXT_ERROR = re.compile(
    r"context[ _-]?(length|window|size)|maximum context|context_length_exceeded|too many tokens|"
    r"exceeds? (the )?(model'?s? )?(max|context)|prompt is too long|input is too long|n_ctx",
    re.IGNORECASE,
)
_FORMAT_ERROR = re.compile(r"response_format|json_schema|json schema|grammar|unsupported|not supported", re.IGNORECASE)


def normalise_base_url(url: str) -> str:
    """`http://host:8080` -> `http://host:8080/v1` (the openai client appends `/chat/completions`)."""
    url = url.strip().rstrip("/")
    if urlsplit(url).path in ("", "/"):
        url += "/v1"
    return url


def json_schema_format(output_model: type[BaseModel]) -> dict[str, Any]:
    """The `response_format` that asks the server to constrain output to the model's JSON schema."""
    return {
        "type": "json_schema",
        "json_schema": {"name": output_model.__name__, "schema": output_model.model_json_schema(), "strict": False},
    }


def response_format_for(mode: str, output_model: type[BaseModel]) -> dict[str, Any] | None:
    if mode in ("auto", "json_schema"):
        return json_schema_format(output_model)
    if mode == "json_object":
        return {"type": "json_object", "schema": output_model.model_json_schema()}
    return None


def _format_rejected(exc: LLMError) -> bool:
    """The server refused the response_format itself (not the prompt, the key or the network)."""
    status = getattr(exc, "status", None)
    if isinstance(exc, LLMContextTooLongError) or status not in (400, 415, 422, 500, 501):
        return False
    return status == 422 or bool(_FORMAT_ERROR.search(str(exc)))


def build_request(
    model: str,
    messages: Messages,
    *,
    max_tokens: int,
    temperature: float = 0.0,
    response_format: dict[str, Any] | None = None,
    stream: bool = False,
) -> dict[str, Any]:
    """The keyword arguments for `client.chat.completions.create` (deterministic: temperature 0)."""
    request: dict[str, Any] = {
        "model": model,
        "messages": [{"role": m["role"], "content": m["content"]} for m in messages],
        "max_tokens": max_tokens,
        "temperature": temperature,
    }
    if response_format is not None:
        request["response_format"] = response_format
    if stream:
        request["stream"] = True
    return request


def parse_response(response: Any) -> str:
    """The assistant text of a chat completion (an openai object or its dict form)."""
    data = response.model_dump() if hasattr(response, "model_dump") else response
    if not isinstance(data, dict):
        raise LLMOutputError("de LLM-server gaf een onbekend antwoordformaat")
    choices = data.get("choices") or []
    if not choices:
        raise LLMOutputError("de LLM-server gaf een antwoord zonder inhoud (geen 'choices')")
    message = choices[0].get("message") or {}
    content = message.get("content")
    if not isinstance(content, str) or not content.strip():
        raise LLMOutputError("de LLM-server gaf een leeg antwoord")
    return content


def parse_stream_chunk(chunk: Any) -> str:
    """The text delta of one streamed chunk ('' when the chunk carries none)."""
    data = chunk.model_dump() if hasattr(chunk, "model_dump") else chunk
    choices = (data or {}).get("choices") or []
    if not choices:
        return ""
    return (choices[0].get("delta") or {}).get("content") or ""


_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL | re.IGNORECASE)


def parse_json_output(text: str, output_model: type[T]) -> T:
    """Validate the model's text as JSON for `output_model`; raise LLMOutputError saying why not."""
    body = text.strip()
    fenced = _FENCE.match(body)
    if fenced:
        body = fenced.group(1)
    if not body.startswith("{"):
        start, end = body.find("{"), body.rfind("}")
        if start == -1 or end <= start:
            raise LLMOutputError("het LLM-antwoord bevat geen JSON-object")
        body = body[start:end + 1]
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        raise LLMOutputError(f"het LLM-antwoord is geen geldige JSON ({exc.msg}, positie {exc.pos})") from exc
    try:
        return output_model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise LLMOutputError(f"het LLM-antwoord past niet in het schema ({where}: {first.get('msg')})") from exc


def is_context_length_error(message: str) -> bool:
    return bool(_CONTEXT_ERROR.search(message or ""))


def count_message_tokens(messages: Messages) -> int:
    """Estimated prompt tokens (cl100k_base plus a safety margin for other tokenizers)."""
    raw = sum(count_tokens(m["content"]) + PER_MESSAGE_TOKENS for m in messages) + 3
    return int(raw * TOKEN_SAFETY)


def cache_key(model: str, prompt_version: str, request: dict[str, Any]) -> str:
    """Model + prompt version + a hash of everything else that shapes the answer."""
    payload = json.dumps({"model": model, "prompt": prompt_version, "request": request},
                         sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- the client
