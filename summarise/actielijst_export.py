"""The actielijst as an aligned text table (the CLI), csv, xlsx (openpyxl) and docx (python-docx).

Columns as Dutch bodies use them: nr, onderwerp, actiehouder, deadline, status, stand van zaken, bron.
One date format throughout ("25 maart 2024"); a due written without a date stays in "stand van zaken".
"""

from __future__ import annotations

import csv
import io
import textwrap

from notulist import dutch as _dutch
from summarise.actielijst import ActielijstRow

COLUMNS = ["Nr", "Onderwerp", "Actiehouder", "Deadline", "Status", "Stand van zaken", "Bron"]
_WIDTHS = [3, 44, 18, 17, 8, 30, 40]


def cells(row: ActielijstRow) -> list[str]:
    stand = row.stand_van_zaken
    if row.termijn:
        stand = f"termijn: {row.termijn}" + (f"; {stand}" if stand else "")
    return [str(row.nr), row.onderwerp, row.actiehouder or "—",
            _dutch.dutch_date(row.deadline) if row.deadline else "—", row.status, stand or "—", row.bron]


def to_text(rows: list[ActielijstRow]) -> str:
    """An aligned table; long cells wrap inside their column, so columns stay aligned."""
    def line(parts: list[list[str]]) -> list[str]:
        height = max(len(p) for p in parts)
        return ["  ".join((p[i] if i < len(p) else "").ljust(w) for p, w in zip(parts, _WIDTHS)).rstrip()
                for i in range(height)]

    out = line([[c] for c in COLUMNS])
    out.append("  ".join("-" * w for w in _WIDTHS))
    for row in rows:
        out += line([textwrap.wrap(c, w, break_long_words=True) or [""] for c, w in zip(cells(row), _WIDTHS)])
    return "\n".join(out)


def to_csv(rows: list[ActielijstRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")  # what Dutch Excel opens as columns
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(cells(row))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(rows: list[ActielijstRow]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Actielijst"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        values = cells(row)
        values[0] = row.nr
        values[3] = row.deadline or "—"
        sheet.append(values)
    for col, width in zip("ABCDEFG", [5, 50, 22, 16, 10, 40, 45]):
        sheet.column_dimensions[col].width = width
    for line in sheet.iter_rows(min_row=2):
        line[3].number_format = "DD-MM-YYYY"
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_docx(rows: list[ActielijstRow], title: str = "Actielijst") -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading(title, level=1)
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, COLUMNS):
        run = cell.paragraphs[0].add_run(name)
        run.bold, run.font.size = True, Pt(9)
    for row in rows:
        for cell, text in zip(table.add_row().cells, cells(row)):
            cell.paragraphs[0].add_run(text).font.size = Pt(9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
