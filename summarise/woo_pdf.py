"""The Woo copy as PDF (fpdf2): headings, paragraphs, bullets, quotes and the two tables of the verslag.

The font is DejaVu Sans, which matplotlib (a dependency) ships, so Dutch text (ë, é, –, “”) and the
`[gelakt 5.1.2e]` marks come out as written, and the PDF's text layer reads back exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

from notulist.text import is_separator_row, split_row

_FONT = "DejaVu"


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\(#?[^)]*\)", r"\1", text)  # links: their text
    text = text.replace("`", "")
    return re.sub(r"(?<!\w)\*(?!\*)([^*]+)\*(?!\*)", r"\1", text)  # *italic*: plain (bold stays for fpdf2)


def _new_pdf(title: str):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    fonts = _font_dir()
    pdf.add_font(_FONT, "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font(_FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.add_font(_FONT, "I", str(fonts / "DejaVuSans-Oblique.ttf"))
    pdf.add_font(_FONT, "BI", str(fonts / "DejaVuSans-BoldOblique.ttf"))
    pdf.set_title(title)
    pdf.set_lang("nl")
    pdf.set_creator("Notulist")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font(_FONT, size=10)
    return pdf


def _table(pdf, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    pdf.set_font(_FONT, size=8)
    with pdf.table(text_align="LEFT", line_height=4.5) as table:
        for row in rows:
            cells = table.row()
            for cell in row + [""] * (width - len(row)):
                cells.cell(_plain(cell).replace("**", ""))
    pdf.set_font(_FONT, size=10)
    pdf.ln(2)


def _line(pdf, line: str) -> None:
    heading = re.match(r"^(#{1,6})\s+(.*)$", line)
    width = pdf.epw
    if heading:
        size = {1: 16, 2: 13, 3: 11}.get(len(heading.group(1)), 10)
        pdf.set_font(_FONT, "B", size)
        pdf.multi_cell(width, size * 0.55, _plain(heading.group(2)).replace("**", ""), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(_FONT, size=10)
        pdf.ln(1)
    elif line.lstrip().startswith(">"):
        pdf.set_font(_FONT, "I", 9)
        pdf.set_x(pdf.l_margin + 6)
        pdf.multi_cell(width - 6, 5, _plain(line.lstrip()[1:].strip()), markdown=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(_FONT, size=10)
    elif re.match(r"^\s*[-*]\s+", line):
        pdf.set_x(pdf.l_margin + 4)
        pdf.multi_cell(width - 4, 5, "• " + _plain(re.sub(r"^\s*[-*]\s+", "", line)), markdown=True,
                       new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.multi_cell(width, 5, _plain(line), markdown=True, new_x="LMARGIN", new_y="NEXT")


def markdown_to_pdf(markdown: str, title: str) -> bytes:
    """A PDF of the Markdown that the verslag and the Woo copy use."""
    pdf = _new_pdf(title)
    table: list[list[str]] = []
    for line in markdown.splitlines():
        if line.strip().startswith("|"):
            if not is_separator_row(line):
                table.append(split_row(line))
            continue
        if table:
            _table(pdf, table)
            table = []
        if not line.strip():
            pdf.ln(2)
            continue
        _line(pdf, line)
    if table:
        _table(pdf, table)
    return bytes(pdf.output())
