"""Sentences with raw spans (Dutch abbreviations do not end a sentence): the shared splitter of
`notulist.text` with the lexicon's abbreviations, as `Sentence`s."""

from __future__ import annotations

from dataclasses import dataclass

from notulist.text import sentence_spans


@dataclass
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of text[start:end] with raw spans (Dutch abbreviations do not end a sentence)."""
    return [Sentence(a, b, text[a:b]) for a, b in sentence_spans(text, start, end)]
