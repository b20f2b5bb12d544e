"""HTML: visible text with headings, lists and tables as Markdown-like lines."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ingest.loaders.base import LoadedDoc, megabytes
from ingest.loaders.plain import decode_text, looks_binary
from notulist.errors import InputError, TooLargeError
from notulist.settings import Settings

if TYPE_CHECKING:
    from bs4 import Tag


_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol", "li",
           "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "dl", "dt", "dd", "h1", "h2", "h3",
           "h4", "h5", "h6", "hr", "form", "fieldset", "figure", "figcaption", "address", "details", "summary",
           "caption", "body", "html"}
_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe",
              "object", "button", "select", "option", "input"}


def html_to_text(markup: bytes | str, *, name: str = "HTML", max_depth: int = 256) -> str:
    """Visible text of an HTML document: block elements on their own lines, headings as '#', numbered
    and bulleted list items with their number or '- ', table rows as cells joined by ' | '.

    The tree is walked with an explicit stack (no recursion), so deep nesting costs memory linear in the
    depth; a document nested deeper than `max_depth` elements is refused with an `InputError`."""
    from bs4 import BeautifulSoup  # late: bs4 loads only when an HTML document is read

    out = _HtmlText(name, max_depth)
    out.walk(BeautifulSoup(markup, "lxml"))
    out.flush()
    return "\n".join(out.lines) + "\n" if out.lines else ""


def _invisible(child: Tag) -> bool:
    return child.name in _INVISIBLE or child.get("hidden") is not None or "display:none" in (
        child.get("style") or "").replace(" ", "")


_Frame = tuple[Iterator, list[list[int | None]], bool, Callable[[], None] | None]


class _HtmlText:
    """The lines written so far and the pending line (with its indentation for nested list items)."""

    def __init__(self, name: str, max_depth: int) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.indent = ""
        self.name, self.max_depth = name, max_depth
        self.visited = 0  # nodes seen: the work done, linear in the document

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

    def end_cell(self) -> None:
        while self.current and self.current[-1] in ("; ", " "):
            self.current.pop()  # the break after a cell's last paragraph

    def walk(self, root: Tag) -> None:
        """Depth-first over the tree with an explicit stack of (children, list stack, in cell, on leave)."""
        from bs4 import Comment, Doctype, NavigableString, ProcessingInstruction

        stack: list[_Frame] = [(iter(root.children), [], False, None)]
        while stack:
            children, list_stack, in_cell, on_leave = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if on_leave is not None:
                    on_leave()
                continue
            self.visited += 1
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self.current.append(re.sub(r"\s+", " ", str(child)))
            elif not _invisible(child):
                frame = self.enter(child, list_stack, in_cell)
                if frame is not None:
                    if len(stack) > self.max_depth:
                        raise InputError(f"{self.name}: de HTML is te diep genest (meer dan {self.max_depth} "
                                         "niveaus; limiet NOTULIST_MAX_HTML_DEPTH)", filename=self.name)
                    stack.append((iter(child.children), *frame))

    def enter(self, child: Tag, list_stack: list[list[int | None]], in_cell: bool):
        """What to write on entering `child`, and how to walk its children (None: not at all)."""
        tag = child.name
        if in_cell and (tag == "br" or (tag in _BLOCKS and tag not in ("table", "tr", "td", "th"))):
            self.cell_break()
            return list_stack, in_cell, self.cell_break
        if tag == "br":
            self.flush()
            return None
        if tag == "pre":
            self.flush()
            self.lines.extend(child.get_text().strip("\n").splitlines())
            return None
        if tag in ("td", "th"):
            if self.current and "".join(self.current).strip():
                self.current.append(" | ")
            return list_stack, True, self.end_cell
        if tag not in _BLOCKS:
            return list_stack, False, None
        self.flush()
        return self.block(child, list_stack), False, self.flush

    def block(self, child: Tag, list_stack: list[list[int | None]]) -> list[list[int | None]]:
        """Write a block's prefix (list number, heading marks); the list stack for its children."""
        tag = child.name
        if tag in ("ol", "ul"):
            start = child.get("start")
            counter = (int(start) - 1 if start and start.isdigit() else 0) if tag == "ol" else None
            return list_stack + [[counter]]
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
        return list_stack


def load_html(name: str, data: bytes, *, settings: Settings, **_) -> LoadedDoc:
    if b"\x00" in data:
        raise looks_binary(name)
    check_html_size(name, len(data), settings)
    text = decode_text(name, data)  # refuses binary content; the text keeps any <meta charset> readable
    return LoadedDoc(html_to_text(text, name=name, max_depth=settings.max_html_depth))


def check_html_size(name: str, size: int, settings: Settings) -> None:
    """HTML costs far more to parse than its size suggests: it has its own, lower limit."""
    if size > settings.max_html_bytes:
        raise TooLargeError(f"{name}: de HTML is {megabytes(size)}; de limiet voor HTML is "
                            f"{megabytes(settings.max_html_bytes)} (NOTULIST_MAX_HTML_BYTES)", filename=name)
