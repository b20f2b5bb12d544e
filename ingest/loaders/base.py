"""Shared pieces of the loaders: the loaded document, size checks, media types."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from notulist.errors import InputError, TooLargeError, UnsupportedFormatError
from notulist.models import Annotation
from notulist.settings import Settings


COMMENTS_HEADER = "\n\n---\nOpmerkingen in het document:\n"
EXTENSIONS = {
    ".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt", ".docx": "docx", ".pdf": "pdf",
    ".html": "html", ".htm": "html", ".eml": "eml",
}
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
LETTERS = re.compile(r"[^\W\d_]")
MAX_NESTING = 3  # e-mail attachments that are e-mails themselves


def check_size(filename: str, size: int, settings: Settings) -> None:
    """Refuse a file over the size limit (callers with a path can check before reading it)."""
    if size > settings.max_file_bytes:
        name = PurePath(filename).name or filename
        raise TooLargeError(f"{name}: het bestand is {megabytes(size)}; de limiet is "
                            f"{megabytes(settings.max_file_bytes)} (NOTULIST_MAX_FILE_BYTES)", filename=name)


def check_text(name: str, text: str, settings: Settings) -> None:
    """Bounded work downstream: refuse a text over the character or line limit, and one with too few
    letters to be a meeting document (a one-byte file, a page of digits)."""
    if len(text) > settings.max_text_chars:
        raise TooLargeError(f"{name}: het document bevat {len(text):,} tekens; de limiet is "
                            f"{settings.max_text_chars:,} (NOTULIST_MAX_TEXT_CHARS)".replace(",", "."), filename=name)
    lines = text.count("\n") + 1
    if lines > settings.max_lines:
        raise TooLargeError(f"{name}: het document telt {lines:,} regels; de limiet is "
                            f"{settings.max_lines:,} (NOTULIST_MAX_LINES)".replace(",", "."), filename=name)
    letters = len(LETTERS.findall(text, 0, 100_000))
    if letters < settings.min_text_letters:
        raise InputError(f"{name}: geen vergaderstuk herkend: het bestand bevat {letters} letters tekst, minder "
                         f"dan {settings.min_text_letters} (NOTULIST_MIN_TEXT_LETTERS)", filename=name)


def media_type_of(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    supported = ", ".join(sorted({s for s in EXTENSIONS if s not in (".markdown", ".text", ".htm")}))
    if not suffix:
        raise UnsupportedFormatError(f"{name}: geen bestandsextensie; ondersteund zijn {supported}", filename=name)
    hint = "; sla het op als .docx" if suffix in (".doc", ".odt", ".rtf") else ""
    raise UnsupportedFormatError(f"{name}: bestandstype '{suffix}' wordt niet ondersteund "
                                 f"(wel: {supported}){hint}", filename=name)


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")


@dataclass
class LoadedDoc:
    text: str
    body_end: int | None = None
    annotations: list[Annotation] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)  # PDF: offset in `text` where each page starts
