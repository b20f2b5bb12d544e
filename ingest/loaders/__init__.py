"""Turn an uploaded file (md, txt, docx, pdf, html, eml) into a `Source` with one exact raw text.

Every later citation is a span of `Source.raw_text`, so each loader produces that text once, here, and
nothing downstream rewrites it. Plain text (md, txt) is kept byte-for-byte as decoded (newlines as in
the file, only a BOM dropped). For the other formats the raw text is this module's rendering: Word
paragraphs and tables in document order, PDF text per page, visible HTML text with blocks on their own
lines, e-mail headers and body. Word comments and PDF annotations are appended after the body under
`COMMENTS_HEADER`, one per line, and recorded as `Annotation`s (comment text span + anchored body span).

Why not `unstructured` for these formats: its partitioners classify text with a spaCy model that it
downloads at first use (md, docx, html, txt, eml all go through that via text_type/nlp.tokenize), and its
pdf path needs unstructured-inference (torch); Notulist must not download at run time, so the loaders
use the well-kept libraries underneath: python-docx, pdfminer.six + pypdf, BeautifulSoup, stdlib email.

One module per format (`plain`, `docx`, `pdf`, `html`, `eml`); `load` picks the loader for a file's
media type and checks size and emptiness; `base` holds what they share.
"""

from ingest.loaders.base import COMMENTS_HEADER, EXTENSIONS, check_size
from ingest.loaders.html import html_to_text
from ingest.loaders.load import load_document
from ingest.loaders.plain import decode_text

__all__ = ["COMMENTS_HEADER", "EXTENSIONS", "check_size", "decode_text", "html_to_text", "load_document"]
