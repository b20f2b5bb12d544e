"""Export the verslag Markdown to Word (python-docx), the format civil servants edit.

Only the Markdown that `draft_verslag` (and a secretary editing it) writes is needed: headings, paragraphs,
bullets, block quotes, bold/italic spans, pipe tables and footnotes (`[^3]` as a superscript number, the
`[^3]: ...` source lines as a small numbered list). Tables become real Word tables, so the
besluitenlijst and actielijst can be edited and sorted as tables.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.shared import Pt

from notulist.text import is_separator_row, split_row

_INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|_[^_\s][^_]*_|\[\^\d+\])")
_FOOTNOTE = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")


def markdown_tables(markdown: str) -> list[list[list[str]]]:
    """Every pipe table in the Markdown as rows of cells (header row first, separator dropped)."""
    tables, current = [], []
    for line in markdown.splitlines():
        if line.strip().startswith("|"):
            if not is_separator_row(line):
                current.append(split_row(line))
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _plain(text: str) -> str:
    return re.sub(r"\*\*|(?<!\w)[*_]|[*_](?!\w)", "", text).strip()


def _add_runs(paragraph, text: str) -> None:
    for part in _INLINE.split(text):
        if not part:
            continue
        if re.fullmatch(r"\[\^\d+\]", part):
            paragraph.add_run(part[2:-1]).font.superscript = True
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif (part.startswith("*") and part.endswith("*")) or (part.startswith("_") and part.endswith("_")):
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def _add_table(document, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        cells = table.add_row().cells
        for j in range(width):
            text = row[j] if j < len(row) else ""
            paragraph = cells[j].paragraphs[0]
            refs = re.findall(r"\[\^(\d+)\]", text)
            run = paragraph.add_run(re.sub(r"\[\^\d+\]", "", text))
            run.bold = i == 0
            run.font.size = Pt(9)
            for ref in refs:
                note = paragraph.add_run(ref)
                note.font.superscript, note.font.size = True, Pt(9)


def verslag_to_docx(markdown: str) -> bytes:
    """The verslag as a .docx file (bytes)."""
    document = Document()
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not is_separator_row(lines[i]):
                    rows.append(split_row(lines[i]))
                i += 1
            _add_table(document, rows)
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        footnote = _FOOTNOTE.match(stripped)
        if footnote:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(f"{footnote.group(1)}. {footnote.group(2)}")
            run.font.size = Pt(8)
        elif heading:
            depth = len(heading.group(1))
            document.add_heading(_plain(heading.group(2)), level=0 if depth == 1 else min(depth - 1, 4))
        elif stripped.startswith(">"):
            text = stripped.lstrip(">").strip()
            if text:
                paragraph = document.add_paragraph(style="Quote")
                _add_runs(paragraph, text)
        elif re.match(r"^[-*]\s+", stripped):
            _add_runs(document.add_paragraph(style="List Bullet"), re.sub(r"^[-*]\s+", "", stripped))
        elif stripped:
            _add_runs(document.add_paragraph(), stripped)
        i += 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
