"""HTML: visible text with headings, lists and tables as Markdown-like lines."""

from __future__ import annotations

import re

from ingest.loaders.base import _Doc
from ingest.loaders.plain import _binary, decode_text


_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol", "li",
           "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "dl", "dt", "dd", "h1", "h2", "h3",
           "h4", "h5", "h6", "hr", "form", "fieldset", "figure", "figcaption", "address", "details", "summary",
           "caption", "body", "html"}
_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe",
              "object", "button", "select", "option", "input"}


def html_to_text(markup: bytes | str) -> str:
    """Visible text of an HTML document: block elements on their own lines, headings as '#', numbered
    and bulleted list items with their number or '- ', table rows as cells joined by ' | '."""
    from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction

    soup = BeautifulSoup(markup, "lxml")
    lines: list[str] = []
    current: list[str] = []
    indent = [""]  # indentation of the pending line (nested list items)

    def flush() -> None:
        line = re.sub(r"[ \t\r\f\v\u00a0]+", " ", "".join(current)).strip()
        if line:
            lines.append(indent[0] + line)
        current.clear()
        indent[0] = ""

    def cell_break() -> None:
        """Inside a table cell, paragraphs and line breaks stay on the row's one line (a row is a line)."""
        text = "".join(current).rstrip()
        if text and not text.endswith("|"):
            current.append(" " if text[-1] in ".!?:;" else "; ")

    def walk(node, list_stack: list[list[int | None]], in_cell: bool = False) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                current.append(re.sub(r"\s+", " ", str(child)))
                continue
            tag = child.name
            if tag in _INVISIBLE or child.get("hidden") is not None or "display:none" in (
                    child.get("style") or "").replace(" ", ""):
                continue
            if in_cell and (tag == "br" or (tag in _BLOCKS and tag not in ("table", "tr", "td", "th"))):
                cell_break()
                walk(child, list_stack, in_cell)
                cell_break()
                continue
            if tag == "br":
                flush()
                continue
            if tag == "pre":
                flush()
                lines.extend(child.get_text().strip("\n").splitlines())
                continue
            if tag in ("td", "th"):
                if current and "".join(current).strip():
                    current.append(" | ")
                walk(child, list_stack, in_cell=True)
                while current and current[-1] in ("; ", " "):
                    current.pop()  # the break after a cell's last paragraph
                continue
            if tag not in _BLOCKS:
                walk(child, list_stack)
                continue
            flush()
            if tag in ("ol", "ul"):
                start = child.get("start")
                counter = (int(start) - 1 if start and start.isdigit() else 0) if tag == "ol" else None
                walk(child, list_stack + [[counter]])
            elif tag == "li":
                if list_stack and list_stack[-1][0] is not None:
                    list_stack[-1][0] += 1
                    prefix = f"{list_stack[-1][0]}. "
                else:
                    prefix = "- "
                indent[0] = "  " * max(len(list_stack) - 1, 0)
                current.append(prefix)
                walk(child, list_stack)
            elif re.fullmatch(r"h[1-6]", tag):
                current.append("#" * int(tag[1]) + " ")
                walk(child, list_stack)
            else:
                walk(child, list_stack)
            flush()

    walk(soup, [])
    flush()
    return "\n".join(lines) + "\n" if lines else ""


def _load_html(name: str, data: bytes, **_) -> _Doc:
    if b"\x00" in data:
        raise _binary(name)
    text = decode_text(name, data)  # refuses binary content; the text keeps any <meta charset> readable
    return _Doc(html_to_text(text))
