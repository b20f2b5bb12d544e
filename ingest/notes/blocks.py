"""Blocks of an item's text: paragraphs, list entries and table rows with their raw spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ingest.parse.kinds import is_attachment_line, is_hint_line
from ingest.parse.lines import Line, split_lines
from notulist.models import Source


BlockKind = Literal["text", "attachment", "hint", "heading"]


@dataclass
class Block:
    start: int  # raw span of the block's content (without whole-line wrappers)
    end: int
    lines: list[Line]
    italic: bool
    kind: BlockKind

    def text(self, raw: str) -> str:
        return raw[self.start:self.end]


def blocks(source: Source, start: int, end: int) -> list[Block]:
    """Paragraphs of text[start:end]; a bullet, heading or change of italics starts a new one."""
    out: list[Block] = []
    cur: list[Line] = []

    def flush() -> None:
        if not cur:
            return
        first, last = cur[0], cur[-1]
        b_start = first.content_start
        b_end = last.content_start + len(last.content) if last.content else last.end
        kind: BlockKind = "text"
        if len(cur) == 1 and is_attachment_line(first):
            kind = "attachment"
        elif len(cur) == 1 and is_hint_line(first):
            kind = "hint"
        elif len(cur) == 1 and (first.md_level or (first.bold and len(first.content.split()) <= 14)):
            kind = "heading"
        italic = all(ln.italic for ln in cur) or (
            source.raw_text[first.content_start - 1:first.content_start] in "*_" and first.content_start > 0
            and source.raw_text[b_end:b_end + 1] in ("*", "_") and source.raw_text[b_end:b_end + 1] != "")
        out.append(Block(b_start, b_end, list(cur), italic, kind))
        cur.clear()

    for ln in split_lines(source.raw_text, start, end):
        if ln.blank:
            flush()
            continue
        # lines stay one block only where a long line wraps mid-sentence (PDF/Word line breaks); a note is
        # often one short line typed under the prepared text
        if cur and (ln.bullet or ln.md_level or ln.italic != cur[-1].italic or ln.bold or not wraps_on(cur[-1])):
            flush()
        cur.append(ln)
    flush()
    return out


def wraps_on(line: Line) -> bool:
    """A line that continues on the next one: long and not ending a sentence."""
    text = line.raw.rstrip()
    return len(text.strip()) >= 50 and not re.search(r"[.!?:;][*_)\"'”]*$", text)
