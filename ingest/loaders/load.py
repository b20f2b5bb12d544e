"""Turn an uploaded file into a `Source`: pick the loader for its media type, check size and emptiness."""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from ingest.loaders.base import check_size, check_text, media_type_of
from ingest.loaders.docx import load_docx
from ingest.loaders.eml import load_eml
from ingest.loaders.html import load_html
from ingest.loaders.pdf import load_pdf
from ingest.loaders.plain import load_plain
from ingest.redactions import find_redactions
from notulist.errors import InputError
from notulist.models import Source
from notulist.settings import Settings


def load_document(filename: str, data: bytes, *, settings: Settings, role: str = "agenda") -> Source:
    """Read one file into a `Source`; bad input raises an `InputError` whose message names the file."""
    return _load(filename, data, settings=settings, role=role, depth=0)


def _load(filename: str, data: bytes, *, settings: Settings, role: str, depth: int) -> Source:
    name = PurePath(filename).name or filename
    media_type = media_type_of(name)
    check_size(name, len(data), settings)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise InputError(f"{name}: het bestand is leeg", filename=name)
    loader = {"md": load_plain, "txt": load_plain, "docx": load_docx, "pdf": load_pdf,
              "html": load_html, "eml": load_eml}[media_type]
    doc = loader(name, data, settings=settings, depth=depth, load=_load)
    if not doc.text.strip():
        raise InputError(f"{name}: geen tekst gevonden in het bestand", filename=name)
    check_text(name, doc.text, settings)
    return Source(
        id=hashlib.sha256(data).hexdigest(),
        filename=name,
        media_type=media_type,
        role=role,
        raw_text=doc.text,
        body_end=doc.body_end if doc.body_end is not None else len(doc.text),
        annotations=doc.annotations,
        redactions=find_redactions(doc.text),
        pages=doc.pages,
        size_bytes=len(data),
    )
