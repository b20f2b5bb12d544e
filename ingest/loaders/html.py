"""HTML: visible text with headings, lists and tables as Markdown-like lines."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag

from ingest.loaders.base import LoadedDoc
from ingest.loaders.plain import decode_text, looks_binary


_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol", "li",
           "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "dl", "dt", "dd", "h1", "h2", "h3",
           "h4", "h5", "h6", "hr", "form", "fieldset", "figure", "figcaption", "address", "details", "summary",
           "caption", "body", "html"}
_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe",
              "object", "button", "select", "option", "input"}


def html_to_text(markup: bytes | str) -> str:
    """Visible text of an HTML document: block elements on their own lines, headings as '#', numbered
    and bulleted list items with their number or '- ', table rows as cells joined by ' | '."""
    out = _HtmlText()
    out.walk(BeautifulSoup(markup, "lxml"), [])
    out.flush()
    return "\n".join(out.lines) + "\n" if out.lines else ""


def _invisible(child: Tag) -> bool:
    return child.name in _INVISIBLE or child.get("hidden") is not None or "display:none" in (
        child.get("style") or "").replace(" ", "")


class _HtmlText:
    """The lines written so far and the pending line (with its indentation for nested list items)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.indent = ""

    def flush(self) -> None:
        line = re.sub(r"[ \t\r\f\v\u00a0]+", " ", "".join(self.current)).strip()
        if line:
            self.lines.append(self.indent + line)
        self.current.clear()
        self.indent = ""

    def cell_break(self) -> None:
        """Inside a table cell, paragraphs and line breaks stay on the row's one line (a row is a line)."""
        text = "".join(self.current).rstrip()
        if text and not text.endswith("|"):
            self.current.append(" " if text[-1] in ".!?:;" else "; ")

    def walk(self, node: Tag, list_stack: list[list[int | None]], in_cell: bool = False) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self.current.append(re.sub(r"\s+", " ", str(child)))
            elif not _invisible(child):
                self.element(child, list_stack, in_cell)

    def element(self, child: Tag, list_stack: list[list[int | None]], in_cell: bool) -> None:
        tag = child.name
        if in_cell and (tag == "br" or (tag in _BLOCKS and tag not in ("table", "tr", "td", "th"))):
            self.cell_break()
            self.walk(child, list_stack, in_cell)
            self.cell_break()
        elif tag == "br":
            self.flush()
        elif tag == "pre":
            self.flush()
            self.lines.extend(child.get_text().strip("\n").splitlines())
        elif tag in ("td", "th"):
            if self.current and "".join(self.current).strip():
                self.current.append(" | ")
            self.walk(child, list_stack, in_cell=True)
            while self.current and self.current[-1] in ("; ", " "):
                self.current.pop()  # the break after a cell's last paragraph
        elif tag not in _BLOCKS:
            self.walk(child, list_stack)
        else:
            self.flush()
            self.block(child, list_stack)
            self.flush()

    def block(self, child: Tag, list_stack: list[list[int | None]]) -> None:
        tag = child.name
        if tag in ("ol", "ul"):
            start = child.get("start")
            counter = (int(start) - 1 if start and start.isdigit() else 0) if tag == "ol" else None
            self.walk(child, list_stack + [[counter]])
            return
        if tag == "li":
            if list_stack and list_stack[-1][0] is not None:
                list_stack[-1][0] += 1
                prefix = f"{list_stack[-1][0]}. "
            else:
                prefix = "- "
            self.indent = "  " * max(len(list_stack) - 1, 0)
            self.current.append(prefix)
        elif re.fullmatch(r"h[1-6]", tag):
            self.current.append("#" * int(tag[1]) + " ")
        self.walk(child, list_stack)


def load_html(name: str, data: bytes, **_) -> LoadedDoc:
    if b"\x00" in data:
        raise looks_binary(name)
    text = decode_text(name, data)  # refuses binary content; the text keeps any <meta charset> readable
    return LoadedDoc(html_to_text(text))
