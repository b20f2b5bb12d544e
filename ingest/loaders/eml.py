"""E-mail (.eml): header, body and attached agenda documents."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from collections.abc import Callable
from email.message import EmailMessage

from ingest.loaders.base import COMMENTS_HEADER, MAX_NESTING, LoadedDoc
from ingest.loaders.html import check_html_size, html_to_text
from ingest.loaders.plain import decode_text
from notulist.errors import InputError
from notulist.models import Annotation, Source
from notulist.settings import Settings
from notulist.text import dutch_date


_Pending = tuple[str, str, Annotation]  # (attachment name, comment line, shifted annotation)


def load_eml(name: str, data: bytes, *, settings: Settings, depth: int = 0,
              load: Callable[..., Source], **_) -> LoadedDoc:
    """Headers (Onderwerp, Datum, Van) first, then the text body (plain text, else HTML as text), then
    each attachment of a supported type as its own section; attachments that cannot be read are listed
    with the reason instead of silently dropped. `load` reads an attachment (the dispatcher passes
    itself, so this module does not import it back)."""
    decode_text(name, data)  # the message source itself must be text (refuses binary garbage)
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(msg, EmailMessage) or not any(k.lower() in ("from", "subject", "date", "to") for k in msg.keys()):
        raise InputError(f"{name}: geen geldig e-mailbericht (kopregels Van/Onderwerp/Datum ontbreken)",
                         filename=name)
    parts = [_header_text(msg)]
    body_part = msg.get_body(preferencelist=("plain", "html"))
    if body_part is not None:
        content = _part_text(body_part)
        if body_part.get_content_subtype() == "html":
            check_html_size(name, len(content), settings)
            content = html_to_text(content, name=name, max_depth=settings.max_html_depth)
        parts.append(content.replace("\r\n", "\n").strip("\n") + "\n")
    # attachment comments (Word comments, PDF notes) move to one block after everything, so that all
    # annotation text still follows body_end
    pending: list[_Pending] = []
    for attachment in msg.iter_attachments():
        filename = attachment.get_filename() or ""
        if not filename and attachment.get_content_type() == "message/rfc822":
            filename = "doorgestuurd-bericht.eml"
        if not filename:
            continue
        try:
            if depth >= MAX_NESTING:
                raise InputError(f"{filename}: te diep geneste bijlagen", filename=filename)
            inner = load(filename, _attachment_bytes(attachment), settings=settings, role="agenda",
                         depth=depth + 1)
        except InputError as exc:
            parts.append(f"\n\n--- Bijlage niet ingelezen: {exc} ---\n")
            continue
        pending += _add_attachment(parts, filename, inner)
    text = "".join(parts)
    return _with_comments(text, pending)


def _header_text(msg: EmailMessage) -> str:
    header_lines = []
    for label, key in (("Onderwerp", "subject"), ("Datum", "date"), ("Van", "from")):
        value = msg.get(key)
        if value is None:
            continue
        value = _dutch_datetime(value) if key == "date" else str(value)
        header_lines.append(f"{label}: {value}")
    return "\n".join(header_lines) + "\n\n"


def _add_attachment(parts: list[str], filename: str, inner: Source) -> list[_Pending]:
    """Append the attachment's body as a section; its comments, shifted, to be appended after everything."""
    section_head = f"\n\n--- Bijlage: {filename} ---\n"
    offset = sum(map(len, parts)) + len(section_head)
    body_end = inner.body_end if inner.body_end is not None else len(inner.raw_text)
    parts.append(section_head + inner.raw_text[:body_end])
    pending: list[_Pending] = []
    for a in inner.annotations:
        line_start = inner.raw_text.rfind("\n", 0, a.text_start) + 1
        line = inner.raw_text[line_start:a.text_end]
        shifted = a.model_copy(update={
            "text_start": a.text_start - line_start, "text_end": a.text_end - line_start,
            "anchor_start": None if a.anchor_start is None else a.anchor_start + offset,
            "anchor_end": None if a.anchor_end is None else a.anchor_end + offset})
        pending.append((filename, line, shifted))
    return pending


def _with_comments(text: str, pending: list[_Pending]) -> LoadedDoc:
    """The message text with the attachments' comments under COMMENTS_HEADER after the body."""
    body_end = len(text)
    annotations: list[Annotation] = []
    if pending:
        text += COMMENTS_HEADER
        for filename, line, a in pending:
            prefix = f"- {filename}: "
            body = line[2:] if line.startswith("- ") else line
            start = len(text) + len(prefix) + (a.text_start - (len(line) - len(body)))
            annotations.append(a.model_copy(update={"text_start": start, "text_end": start + a.text_end - a.text_start}))
            text += prefix + body + "\n"
    return LoadedDoc(text, body_end=body_end, annotations=annotations)


def _part_text(part) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError):  # unknown or wrong charset: UTF-8, else cp1252
        raw = part.get_payload(decode=True) or b""
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError:
            content = raw.decode("cp1252", errors="replace")
    return content if isinstance(content, str) else ""


def _attachment_bytes(part) -> bytes:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_content()
        return inner.as_bytes() if hasattr(inner, "as_bytes") else bytes(inner)
    payload = part.get_payload(decode=True)
    return payload or b""


def _dutch_datetime(value) -> str:
    """'Mon, 11 Mar 2024 09:15:00 +0100' -> '11 maart 2024, 09.15 uur' (as written if unparsable)."""
    when = getattr(value, "datetime", None)
    if not isinstance(when, dt.datetime):
        return str(value)
    return f"{dutch_date(when)}, {when:%H.%M} uur"
