"""Sentences with raw spans (Dutch abbreviations do not end a sentence)."""

from __future__ import annotations

import re
from dataclasses import dataclass


_ABBREV = re.compile(r"(?:\b(?:o\.a|m\.b\.t|i\.r\.t|n\.a\.v|t\.a\.v|i\.v\.m|bijv|evt|ca|jl|nr|d\.d|e\.d|etc|dhr|mevr|drs|"
                     r"ir|dr|prof|min|z\.s\.m|m\.u\.v|resp|incl|excl|o\.b\.v|t\.z\.t|a\.s|vs|blz|art)\.)$", re.I)


@dataclass
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of text[start:end] with raw spans (Dutch abbreviations do not end a sentence)."""
    out: list[Sentence] = []
    pos = start
    for m in re.finditer(r"[.!?]+[)\"'”*_]*(?=\s+[\"'“(*_]*[A-Z0-9ÀÉÖ])", text[start:end]):
        stop = start + m.end()
        if _ABBREV.search(text[max(pos, stop - 12):stop].rstrip(")\"'”*_")):
            continue
        if text[pos:stop].strip():
            out.append(Sentence(pos, stop, text[pos:stop]))
        pos = stop
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end and text[pos:end].strip():
        out.append(Sentence(pos, end, text[pos:end]))
    return out
