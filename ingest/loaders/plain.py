"""Plain text and Markdown: decode the bytes (BOM, UTF-8, cp1252) into one exact text."""

from __future__ import annotations

import codecs

from ingest.loaders.base import CONTROL_CHARS, LoadedDoc
from notulist.errors import InputError


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 (BOM dropped), else cp1252; binary content is refused instead of becoming mojibake."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise looks_binary(name) from None
    if b"\x00" in data:
        raise looks_binary(name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise looks_binary(name) from None
    if len(CONTROL_CHARS.findall(text)) > max(2, len(text) // 200):
        raise looks_binary(name)
    return text


def looks_binary(name: str) -> InputError:
    return InputError(f"{name}: geen leesbare tekst; het bestand bevat binaire gegevens "
                      "(verkeerde extensie of beschadigd?)", filename=name)


def load_plain(name: str, data: bytes, **_) -> LoadedDoc:
    return LoadedDoc(decode_text(name, data))
