"""Text recognition (OCR) for PDF pages without a text layer: Tesseract with its Dutch model.

Woo publications are often scans: every page is one image and pdfminer finds no text on it. Such a page
is rendered to an image (poppler's `pdftoppm` at 300 dpi; without poppler the page's own embedded image,
read with pypdf) and recognised by Tesseract (`pytesseract`, language `nld`). The recognised text is the
page's text in the stored raw text, so citations are exact spans of what OCR read.

Tesseract is a program, not a Python package: when it (or its Dutch model) is missing, the file is
refused with a message that names the Debian packages to install, never half-read.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from notulist.errors import InputError

OCR_LANG = "nld"
OCR_DPI = 300
OCR_PACKAGES = "tesseract-ocr en tesseract-ocr-nld"
_PAGE_TIMEOUT = 120  # seconds for one page; a page that takes longer is refused, not waited for
_BLANK_RUN = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_TRAILING = re.compile(r"[ \t]+\n")


def scanned_pages(layouts: list) -> list[int]:
    """The pages (0-based) of pdfminer page layouts that need OCR: no readable text, but an image (a
    scan). A page with neither is blank and needs nothing; a page whose text layer is only "(cid:..)"
    glyph codes (a font without a character map) is read as a scan too."""
    from pdfminer.layout import LTFigure, LTImage, LTTextBox

    found = []
    for page_no, layout in enumerate(layouts):
        text = "".join(box.get_text() for box in layout if isinstance(box, LTTextBox))
        unreadable = bool(text.strip()) and text.count("(cid:") * 6 > len(text) * 0.5
        has_image = any(isinstance(el, (LTFigure, LTImage)) for el in layout)
        if unreadable or (not text.strip() and has_image):
            found.append(page_no)
    return found


def missing_ocr(name: str) -> str | None:
    """Why OCR cannot run here (a Dutch message naming the packages), or None when it can."""
    if shutil.which("tesseract") is None:
        return (f"{name}: de PDF heeft geen tekstlaag (een scan); voor tekstherkenning is Tesseract nodig. "
                f"Installeer de Debian-pakketten {OCR_PACKAGES} (apt-get install tesseract-ocr tesseract-ocr-nld)")
    import pytesseract

    try:
        languages = pytesseract.get_languages(config="")
    except Exception:  # noqa: BLE001 - a broken installation says no more than "not usable"
        languages = []
    if OCR_LANG not in languages:
        return (f"{name}: de PDF heeft geen tekstlaag (een scan); het Nederlandse taalmodel van Tesseract "
                f"ontbreekt. Installeer het Debian-pakket tesseract-ocr-nld")
    return None


def ocr_pages(name: str, data: bytes, page_numbers: list[int]) -> dict[int, str]:
    """Recognised text of the given pages (0-based) of the PDF `data`, as {page number: text}.

    Raises `InputError` (naming the packages) when Tesseract or its Dutch model is not installed, and when
    a page cannot be rendered or recognised."""
    if not page_numbers:
        return {}
    problem = missing_ocr(name)
    if problem:
        raise InputError(problem, filename=name)
    import pytesseract

    result: dict[int, str] = {}
    for page_no in page_numbers:
        image = _page_image(name, data, page_no)
        try:
            text = pytesseract.image_to_string(image, lang=OCR_LANG, timeout=_PAGE_TIMEOUT)
        except RuntimeError as exc:  # pytesseract raises RuntimeError on its timeout
            raise InputError(f"{name}: tekstherkenning van pagina {page_no + 1} duurde te lang", filename=name) from exc
        except pytesseract.TesseractError as exc:
            raise InputError(f"{name}: tekstherkenning van pagina {page_no + 1} mislukt ({exc.message})",
                             filename=name) from exc
        result[page_no] = clean_ocr_text(text)
    return result


def clean_ocr_text(text: str) -> str:
    """Tesseract's text in the shape of a text-layer page: lines without trailing blanks, paragraphs one
    blank line apart, no form feed, no leading or trailing empty lines."""
    text = text.replace("\f", "\n").replace("\r\n", "\n")
    text = _TRAILING.sub("\n", text)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n ") + ("\n" if text.strip() else "")


def _page_image(name: str, data: bytes, page_no: int):
    """The page as a PIL image: rendered by pdftoppm when poppler is installed, else its largest image."""
    from PIL import Image

    if shutil.which("pdftoppm"):
        with tempfile.TemporaryDirectory(prefix="notulist-ocr-") as tmp:
            pdf = Path(tmp) / "in.pdf"
            pdf.write_bytes(data)
            out = Path(tmp) / "page"
            number = str(page_no + 1)
            proc = subprocess.run(["pdftoppm", "-r", str(OCR_DPI), "-gray", "-png", "-singlefile",
                                   "-f", number, "-l", number, str(pdf), str(out)],
                                  capture_output=True, timeout=_PAGE_TIMEOUT, check=False)
            png = out.with_suffix(".png")
            if proc.returncode == 0 and png.exists():
                with Image.open(png) as img:
                    img.load()
                    return img.copy()
    image = _embedded_image(data, page_no)
    if image is None:
        raise InputError(f"{name}: pagina {page_no + 1} heeft geen tekst en geen afbeelding om te herkennen",
                         filename=name)
    return image


def _embedded_image(data: bytes, page_no: int):
    """The largest image drawn on the page (a scan is one image per page), or None."""
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(data)).pages[page_no]
    best = None
    for item in page.images:
        image = item.image
        if best is None or image.width * image.height > best.width * best.height:
            best = image
    return best
