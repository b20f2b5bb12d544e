"""Agenda items without numbers: item tables, and agendas of plain title lines."""

from __future__ import annotations

import re

from ingest.parse.dates import DATE_LABEL, find_dates
from ingest.parse.kinds import is_hint_line, kinds_in
from ingest.parse.lines import Line, body_limit, display, plain, rstrip_pos
from ingest.parse.listed import (agenda_list, bold_label_list, bullet_headings, dangling_bullet_entries,
                                 label_paragraphs, subject_paragraphs, whole_entry)
from ingest.parse.subjects import subject_titles
from ingest.parse.bodyheads import body_headings, bold_colon_heading, is_table_row, outline_heads
from ingest.parse.words import (is_closing_section, is_document_section, is_document_title, is_item_part,
                                 is_page_chrome, is_session_heading)
from notulist.models import AgendaItem, Source
from notulist.text import cell_spans


# LOCAL Dutch words (not in notulist/nl yet; listed in the issue-12 INGEST report):
# header field labels and the column names of agenda tables
_HEADER_FIELD = re.compile(r"^\s*(?:\*\*)?(?:datum|tijd|aanvang|locatie|plaats|aanwezig\w*|afwezig\w*|afgemeld|"
                           r"notulist|verslag|voorzitter|secretaris|griffier|deelnemers|genodigden|te gast)\b[^:\n]{0,30}:",
                           re.I)


def unnumbered_items(source: Source, lines: list[Line]) -> list[AgendaItem]:
    """Fallback for documents without numbered items: markdown headings below the title, or else short
    title lines that open a paragraph after the header ('Leesbevordering op basisscholen' + its text)."""
    heads = _headings(lines)
    subjects: list = []
    if len(heads) >= 3:
        title_level = heads[0].md_level
        if _title_heading(heads, lines):
            heads = heads[1:]
        heads = _item_headings([h for h in heads if h.md_level >= title_level])
        heads = agenda_headings(_without_marked_subs(heads), lines)
        if len(heads) < 2 and _only_sections(lines):
            # '## Attendees' / '## Notes' and no other heading: the items are the bold or plain title lines
            heads = _plain_title_lines(lines)
    else:
        heads = dangling_bullet_entries(lines) or bullet_headings(lines) or outline_heads(lines)
        subjects = [] if heads else subject_titles(lines, source.raw_text)
        heads = heads or ([] if subjects else _title_lines(lines))
    entries = subjects or [whole_entry(h) for h in heads]
    if len(entries) < 2:
        # a list of bold labels is the minutes only where no heading item holds it ('## Taakverdeling' over
        # '- **Taak** - Martijn, Sam' is one item with its division of work)
        headings = [ln for ln in lines if ln.md_level and not is_document_section(plain(ln.content))]
        alone = len(headings) <= 1  # the document's title at most
        entries = agenda_list(lines) or (bold_label_list(lines) if alone else []) or subject_paragraphs(lines) \
            or label_paragraphs(lines)
    if len(entries) < 2:
        return []
    # the closing summary lists ('## Besluiten', '## Actiepunten') after the last item: its sub-items
    n_items = len(entries)
    while n_items > 2 and is_closing_section(plain(entries[n_items - 1].line.content)):
        n_items -= 1
    items: list[AgendaItem] = []
    limit = body_limit(source)
    for k, e in enumerate(entries):
        h = e.line
        end = entries[k + 1].line.start if k + 1 < len(entries) and (k + 1 < n_items or k >= n_items) else limit
        parent = str(n_items) if k >= n_items else None
        number = f"{parent}.{k - n_items + 1}" if parent else str(k + 1)
        items.append(AgendaItem(number=number, numbered=False, parent=parent,
                                title=plain(display(source, e.title_start, e.title_end)),
                                kinds=kinds_in(h.content), source_id=source.id, start=h.start,
                                end=rstrip_pos(source.raw_text, h.start, end),
                                title_start=e.title_start, title_end=e.title_end))
    return items


def _item_headings(heads: list[Line]) -> list[Line]:
    """The headings that can be items: not a date label, a part of the session or of the document, site
    chrome or a part of one point. An 'Agenda' heading after the first item is the point of the meeting
    where the agenda's subjects are discussed (its sub-headings below it), not the overview at the top."""
    out: list[Line] = []
    for h in heads:
        text = plain(h.content)
        if DATE_LABEL.match(h.content) or is_session_heading(text) or is_page_chrome(h.content) or is_item_part(text):
            continue
        if text.lower() in {"agenda", "verslag", "notulen", "besluitenlijst"} or is_document_section(text):
            if not (out and text.lower() == "agenda"):
                continue
        out.append(h)
    return out


def _title_heading(heads: list[Line], lines: list[Line]) -> bool:
    """Whether the first heading is the document's title, not its first item: it is shallower than every
    heading after it, opens the document, or names the document (a date, 'Notulen', 'Verslag overleg').
    '**Mededelingen**: ...' and then '## Wat is bereikt', '## Wat we gaan doen', ... of one level: the
    first '##' heading is an item like the others."""
    first = heads[0]
    if first.md_level < min(h.md_level for h in heads[1:]):
        return True
    if next((ln for ln in lines if not ln.blank), None) is first:
        return True
    text = plain(first.content)
    return bool(find_dates(text)) or is_document_title(text)


def _headings(lines: list[Line]) -> list[Line]:
    """The markdown headings; a hint heading ('## Mededelingen') only where text of its own follows it
    (an item), not where it groups the headings below it."""
    out = []
    for k, ln in enumerate(lines):
        if not ln.md_level or ln.blank:
            continue
        if is_hint_line(ln):
            nxt = next((o for o in lines[k + 1:] if not o.blank), None)
            if nxt is None or nxt.md_level:
                continue
        out.append(ln)
    return out


def _title_lines(lines: list[Line]) -> list[Line]:
    """Title lines opening paragraphs, or else plain headings with body text below them (`bodyheads`)."""
    heads = _plain_title_lines(lines)
    if len(heads) >= 2:
        return heads
    return body_headings(lines, _body_begin(lines)) or heads


_TABLE_NUMBER = {"nr", "nr.", "no", "no.", "nummer", "punt", "agendapunt", "#", "ap"}
_TABLE_TITLE = {"onderwerp", "agendapunt", "titel", "omschrijving", "punt", "onderwerpen", "agendaonderwerp"}
_EXPLAINS = re.compile(r"^(?:toelichting|bespreking|notities?|aantekeningen|verslag|besluit)\s+(?:bij|op|van)\s+"
                       r"(?:agenda)?punt\s+(\d{1,2}[a-z]?)\b", re.I)


def _cells(line: Line) -> list[tuple[int, int]] | None:
    """Raw spans of the cells of a table row ('| a | b |' or 'a | b | c'), or None."""
    spans = [(line.start + a, line.start + b) for a, b in cell_spans(line.raw, 0, len(line.raw))]
    return spans or None


def table_items(source: Source, lines: list[Line]) -> tuple[list[AgendaItem], int] | None:
    """A besluitenlijst written as a table (| Nr | Onderwerp | Besluit |): each row is an item. Sections
    after the table that explain a row ('Toelichting bij punt 3') become its unnumbered sub-items."""
    text = source.raw_text
    for hi, head in enumerate(lines):
        cells = _cells(head)
        if not cells:
            continue
        names = [plain(text[a:b]).lower() for a, b in cells]
        num_col = next((k for k, n in enumerate(names) if n in _TABLE_NUMBER), None)
        title_col = next((k for k, n in enumerate(names) if n in _TABLE_TITLE and k != num_col), None)
        if title_col is None and num_col is not None and names[num_col] in _TABLE_TITLE:
            num_col, title_col = None, num_col  # | Agendapunt | Besluit | Actie |: the point is its title
        if title_col is None or (num_col is None and not _decision_table(names)):
            continue
        items, last = _table_rows(source, lines, hi, num_col, title_col)
        if len(items) < 2:
            continue
        items += _explaining_sections(source, lines[last + 1:], items)
        return items, head.start
    return None


_DECISION_COLUMN = {"besluit", "besluiten", "conclusie", "uitkomst", "besluit/actie", "besluit / actie", "afspraak"}
_OWNER_COLUMN = {"wie", "eigenaar", "actiehouder", "trekker", "verantwoordelijke", "door", "actor"}


def is_column_label(text: str) -> bool:
    """'Onderwerp', 'Nr.', 'Besluit': the name of an agenda table's column on a line of its own (a PDF's
    table read column by column), never an item's title."""
    name = plain(text).lower().strip(" :")
    return name in _TABLE_NUMBER | _TABLE_TITLE | _DECISION_COLUMN | _OWNER_COLUMN or name.rstrip(".") in _TABLE_NUMBER


def _decision_table(names: list[str]) -> bool:
    """| Onderwerp | Besluit | without a number column: an agenda table (items from its rows) unless it
    names who does what (an action list)."""
    return any(n in _DECISION_COLUMN for n in names) and not any(n in _OWNER_COLUMN for n in names)


def _table_rows(source: Source, lines: list[Line], hi: int, num_col: int | None,
                title_col: int) -> tuple[list[AgendaItem], int]:
    """The numbered rows below the table head at lines[hi] (without a number column: every row, numbered
    1..n here), and the index of the table's last line."""
    text = source.raw_text
    items: list[AgendaItem] = []
    last = hi
    for row in lines[hi + 1:]:
        rc = _cells(row)
        if rc is None:
            if row.blank:
                continue
            break
        last = lines.index(row)
        if len(rc) <= max(num_col or 0, title_col) or re.fullmatch(r"[\s:|-]*", row.raw):
            continue
        ta, tb = rc[title_col]
        title = plain(display(source, ta, tb))
        if num_col is None:
            number, written = str(len(items) + 1), False
            if not re.search(r"\w", title):
                continue
            lead = _CELL_NUMBER.match(text, ta, tb)
            if lead:  # | 3. Begroting 2025 | Vastgesteld |: the number written in the title cell
                number, written, ta = lead.group(1), True, lead.end()
                title = plain(display(source, ta, tb))
        else:
            number, written = plain(text[rc[num_col][0]:rc[num_col][1]]).rstrip("."), True
            if not re.fullmatch(r"\d{1,2}[a-z]?(?:\.\d{1,2})?", number):
                continue
        items.append(AgendaItem(number=number, numbered=written, title=title, kinds=kinds_in(title),
                                source_id=source.id, start=row.start, end=rstrip_pos(text, row.start, row.end),
                                title_start=ta, title_end=tb))
    return items, last


_CELL_NUMBER = re.compile(r"\s*(?:\*\*)?(\d{1,2}[a-z]?)[.)]\s+(?=\S)")


def _explaining_sections(source: Source, after: list[Line], items: list[AgendaItem]) -> list[AgendaItem]:
    """Explaining sections and a closing action list after the table, as unnumbered sub-items."""
    text = source.raw_text
    by_number = {i.number: i for i in items}
    subs: list[tuple[Line, str]] = []
    for ln in after:
        content = plain(ln.content)
        m = _EXPLAINS.match(content)
        parent = m.group(1) if m and m.group(1) in by_number else None
        if parent is None and is_closing_section(content):
            parent = items[-1].number
        if parent is not None and (ln.md_level or ln.bold or len(content.split()) <= 6):
            subs.append((ln, parent))
    limit = body_limit(source)
    counters: dict[str, int] = {}
    out: list[AgendaItem] = []
    for k, (ln, parent) in enumerate(subs):
        counters[parent] = counters.get(parent, 0) + 1
        stop = subs[k + 1][0].start if k + 1 < len(subs) else limit
        t_end = rstrip_pos(text, ln.content_start, ln.end)
        while t_end > ln.content_start and text[t_end - 1] in "*_: \t":
            t_end -= 1
        title = plain(display(source, ln.content_start, t_end))
        out.append(AgendaItem(number=f"{parent}.{counters[parent]}", numbered=False, parent=parent, title=title,
                              kinds=kinds_in(title), source_id=source.id, start=ln.start,
                              end=rstrip_pos(text, ln.start, stop), title_start=ln.content_start,
                              title_end=t_end))
    return out


def _only_sections(lines: list[Line]) -> bool:
    """Every heading below the first names a part of the document ('## Attendees', '## Notes')."""
    heads = [ln for ln in lines if ln.md_level and not ln.blank][1:]
    return bool(heads) and all(is_document_section(plain(h.content)) for h in heads)


def agenda_headings(heads: list[Line], lines: list[Line]) -> list[Line]:
    """Which headings of several levels are the agenda, from the whole document: a heading with text of
    its own is an item and the deeper headings below it are its sub-points ('#### - Toevoegen RESTful
    API profiel'); a heading without text of its own that only groups deeper headings ('## Openbaar',
    '## Personeel') is a section, and the headings below it are the items - unless most headings of its
    level have text of their own: then that level is the agenda and the grouping heading is an item
    whose sub-headings are its sub-points ('## Mededelingen' + text, '## Roadmap' + '### ...')."""
    if len({h.md_level for h in heads}) < 2:
        return heads
    grouping = _grouping_headings(heads, lines)
    item_levels = {lvl for lvl in {h.md_level for h in heads}
                   if 2 * sum(1 for h in heads if h.md_level == lvl and h.start not in grouping)
                   > sum(1 for h in heads if h.md_level == lvl)}
    kept: list[Line] = []
    role: dict[int, str] = {}
    stack: list[Line] = []
    for h in heads:
        while stack and stack[-1].md_level >= h.md_level:
            stack.pop()
        parent = stack[-1] if stack else None
        if parent is not None and role.get(parent.start) in ("item", "sub"):
            role[h.start] = "sub"
        elif h.start in grouping and h.md_level not in item_levels:
            role[h.start] = "section"
        else:
            role[h.start] = "item"
            kept.append(h)
        stack.append(h)
    return kept


def _without_marked_subs(heads: list[Line]) -> list[Line]:
    """'### Roadmap' followed by '### - Toevoegen RESTful API profiel', '### - Uitbreiden datamodel': where
    the document marks some headings as list entries and not others, the marked ones after an unmarked
    one are its sub-points."""
    if not any(h.bullet for h in heads) or all(h.bullet for h in heads):
        return heads
    out, seen_plain = [], False
    for h in heads:
        if h.bullet and seen_plain:
            continue
        seen_plain = seen_plain or not h.bullet
        out.append(h)
    return out


def _grouping_headings(heads: list[Line], lines: list[Line]) -> set[int]:
    """Starts of the headings directly followed by a deeper heading (no text of their own)."""
    index = {ln.start: k for k, ln in enumerate(lines)}
    out = set()
    for k, h in enumerate(heads):
        nxt = next((ln for ln in lines[index[h.start] + 1:] if not ln.blank), None)
        deeper = k + 1 < len(heads) and heads[k + 1].md_level > h.md_level
        if nxt is not None and nxt.md_level > h.md_level and deeper:
            out.add(h.start)
    return out


def _body_begin(lines: list[Line]) -> int:
    """The first line after the header fields ('Aanwezig: ...') and an 'Agenda' line."""
    fields = [i for i, ln in enumerate(lines[:40]) if _HEADER_FIELD.match(ln.raw)]
    agenda_line = next((i for i, ln in enumerate(lines[:40])
                        if plain(ln.content).lower().rstrip(":") in {"agenda", "agendapunten", "onderwerpen"}), None)
    return max([i + 1 for i in fields] + ([agenda_line + 1] if agenda_line is not None else []), default=1)


def _plain_title_lines(lines: list[Line]) -> list[Line]:
    begin = _body_begin(lines)
    out: list[Line] = []
    for i in range(begin, len(lines) - 1):
        ln = lines[i]
        text = plain(ln.content)
        words = text.split()
        if (ln.blank or (i > 0 and not lines[i - 1].blank and i != begin)
                or not 1 <= len(words) <= 8 or (re.search(r"[.,;:!]$", text) or ":" in text) and not bold_colon_heading(ln)
                or not re.match(r"[A-ZÀ-Ý]", text) or ln.bullet or is_session_heading(text) or is_table_row(ln)
                or is_document_section(text) or is_page_chrome(ln.content) or is_item_part(text)
                or (find_dates(text) and len(_without_dates(text).split()) < 2)):
            continue
        if not lines[i + 1].content.strip() and not _title_follows(lines, i):
            continue
        out.append(ln)
    return out


def _without_dates(text: str) -> str:
    for f in reversed(find_dates(text)):
        text = text[:f.start] + " " + text[f.end:]
    return text


def _title_follows(lines: list[Line], i: int) -> bool:
    """'Welkom' + blank line + 'Bespreken verslag 17-04-2013' + its text: a title line without text of
    its own is an item when the next paragraph opens with a title line."""
    nxt = next((k for k in range(i + 1, min(i + 4, len(lines))) if not lines[k].blank), None)
    if nxt is None:
        return False
    text = plain(lines[nxt].content)
    if nxt == i + 2 and len(text.split()) >= (3 if lines[i].bold else 12) and not lines[nxt].bullet:
        return True  # a PDF text box of its own (or a bold line) above the paragraph it heads
    if nxt + 1 >= len(lines):
        return False
    return (1 <= len(text.split()) <= 8 and not re.search(r"[.,;:!?]$", text) and bool(re.match(r"[A-ZÀ-Ý]", text))
            and not lines[nxt].bullet and bool(lines[nxt + 1].content.strip()))


def header_end_unnumbered(source: Source, lines: list[Line]) -> int:
    items = unnumbered_items(source, lines)
    return items[0].start if items else body_limit(source)
