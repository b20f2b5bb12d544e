"""A scripted OpenAI-compatible server for tests: real HTTP on 127.0.0.1, answers played from a script.

Serves `/v1/chat/completions` (JSON, or SSE when the request says `stream: true`) and `/v1/models`.
Each chat request takes the next `Reply` from the script (or, when the script is empty, the `default`
reply / callable), so a test states exactly what the "model" says, how slowly, and with which status.
Every request body is recorded in `.requests`, so tests can assert what was sent and how often.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    content: str | None = None  # assistant text (for status 200)
    status: int = 200
    delay: float = 0.0  # seconds to wait before answering (timeouts)
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None  # error message for non-200 replies
    error_code: str | None = None


def error_reply(status: int, message: str, *, code: str | None = None, **headers: str) -> Reply:
    return Reply(status=status, error=message, error_code=code, headers={k.replace("_", "-"): v for k, v in headers.items()})


Responder = Callable[[dict[str, Any]], Reply]


class ScriptedLLMServer:
    def __init__(self, *, model: str = "test-model", api_key: str | None = None,
                 reject_formats: tuple[str, ...] = ()):
        self.model = model
        self.api_key = api_key  # when set, other keys get 401
        self.reject_formats = reject_formats  # response_format types answered with 400 ("json_schema", ...)
        self.script: deque[Reply | Responder] = deque()
        self.default: Reply | Responder = Reply(content="{}")
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    # -------------------------------------------------------------- lifecycle

    def __enter__(self) -> "ScriptedLLMServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def play(self, *replies: Reply | Responder) -> "ScriptedLLMServer":
        self.script.extend(replies)
        return self

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        return [r["body"] for r in self.requests if r["path"].endswith("/chat/completions")]

    def _next(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            item = self.script.popleft() if self.script else self.default
        return item(body) if callable(item) else item

    # -------------------------------------------------------------- HTTP

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _send_json(self, status: int, payload: dict, headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def _authorised(self) -> bool:
                if server.api_key is None:
                    return True
                if self.headers.get("Authorization") == f"Bearer {server.api_key}":
                    return True
                self._send_json(401, {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error",
                                                "code": "invalid_api_key"}})
                return False

            def do_GET(self) -> None:
                server.requests.append({"path": self.path, "body": None})
                if not self._authorised():
                    return
                if self.path.rstrip("/").endswith("/models"):
                    self._send_json(200, {"object": "list", "data": [
                        {"id": server.model, "object": "model", "created": 0, "owned_by": "test"}]})
                else:
                    self._send_json(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append({"path": self.path, "body": body})
                if not self._authorised():
                    return
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send_json(404, {"error": {"message": "not found"}})
                    return
                kind = (body.get("response_format") or {}).get("type")
                if kind in server.reject_formats:
                    self._send_json(400, {"error": {"message": f"response_format type '{kind}' is not supported"}})
                    return
                reply = server._next(body)
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    if reply.status != 200:
                        self._send_json(reply.status, {"error": {"message": reply.error or "error", "type": "error",
                                                                 "code": reply.error_code}}, reply.headers)
                    elif body.get("stream"):
                        self._send_stream(reply.content or "")
                    else:
                        self._send_json(200, _completion(server.model, reply.content or ""), reply.headers)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
                    pass

            def _send_stream(self, content: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                pieces = [content[i:i + 7] for i in range(0, len(content), 7)]
                for i, piece in enumerate(pieces):
                    chunk = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0,
                             "model": server.model,
                             "choices": [{"index": 0, "delta": ({"role": "assistant"} if i == 0 else {}) | {"content": piece},
                                          "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                end = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0, "model": server.model,
                       "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()
                self.close_connection = True

        return Handler


def _completion(model: str, content: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


# --------------------------------------------------------------------------- test documents
# A minimal stand-in for the parser so the LLM tests depend only on the domain model: items are the
# numbered headings; each item spans from its heading to the next one.

WERKGROEP = """# Werkgroep Duurzaamheid

Datum: 14 mei 2025, 10.00 - 11.30 uur
Aanwezig: Anja de Vries (voorzitter), Karim Benali, 5.1, 2, e (verslag)

## 1. Opening en mededelingen

De voorzitter opent de vergadering. Er zijn geen mededelingen.

## 2. Zonnepanelen op het gemeentehuis

Het voorstel van de afdeling Vastgoed ligt voor.
Besluit: de werkgroep stemt in met het plaatsen van zonnepanelen op het dak van het gemeentehuis.
Actie: Karim vraagt voor 1 juni drie offertes op.

## 3. Subsidieregeling isolatie

De regeling wordt toegelicht. 5.1, 2, e zoekt uit hoeveel aanvragen er in 2024 zijn ingediend en koppelt terug.

## 4. Communicatieplan

Dit punt wordt doorgeschoven naar de volgende vergadering.

## 5. Rondvraag

Geen vragen.
"""


def build_meeting(text: str = WERKGROEP, *, filename: str = "werkgroep.md", date=None):
    """(Meeting, {source_id: Source}) for a markdown text with '## N. Titel' items."""
    import datetime as dt
    import hashlib
    import re

    from notulist.models import AgendaItem, Meeting, Redaction, Source, stable_id

    source_id = hashlib.sha256(text.encode()).hexdigest()
    redactions = [Redaction(start=m.start(), end=m.end(), original=m.group(0), ground="5.1.2e", token="[gelakt 5.1.2e]")
                  for m in re.finditer(r"5\.1, 2, e", text)]
    source = Source(id=source_id, filename=filename, media_type="md", raw_text=text, redactions=redactions,
                    size_bytes=len(text.encode()))
    heads = list(re.finditer(r"^#{2,5}\s*\**(\d+[a-z]?)\.\s*(.+?)\**\s*$", text, re.MULTILINE))
    items = []
    for i, h in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        items.append(AgendaItem(number=h.group(1), title=h.group(2).strip(), source_id=source_id,
                                start=h.start(), end=end, title_start=h.start(2), title_end=h.end(2)))
    date = date or dt.date(2025, 5, 14)
    meeting = Meeting(id=stable_id("werkgroep", date, filename), series="Werkgroep Duurzaamheid",
                      title="Werkgroep Duurzaamheid", date=date, items=items, source_ids=[source_id])
    return meeting, {source_id: source}
