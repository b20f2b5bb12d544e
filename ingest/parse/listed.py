"""Unnumbered agendas written as list entries: the list under an 'Agenda' heading or label (with, where the
notes below repeat its entries as labels, those labels), and minutes written as one list of bold labels
('- **Opening**: Carla opent de vergadering.'), and the bullet forms of web pages and reports ('-' above
its title, ' • Opening' above an indented paragraph)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ingest.parse.lines import Line, plain
from ingest.parse.words import is_closing_section, is_document_section, is_item_part, is_standard_item
from notulist.nl import lexicon

MAX_WORDS = 12  # an entry of an agenda list is a title, not a sentence
MIN_LABELS = 3  # bold-label entries that make minutes written as one list
_AGENDA_WORDS = {"agenda", "agendapunten", "agenda punten", "onderwerpen", "te bespreken", "bespreekpunten"}
# '**Opening**: text', '**Opening:** text', '**Opening** - text' at the start of an entry
_BOLD_LABEL = re.compile(r"^(?:\*\*|__)(?P<t>[^*_:\n]{2,80}?)(?::\s*(?:\*\*|__)\s*|(?:\*\*|__)\s*(?:[:\-–]\s*|$))")
_PLAIN_LABEL = re.compile(r"^(?P<t>[^:\n]{2,80}?)\s*:\s+\S")


@dataclass
class Entry:
    """A list entry that is an agenda item: its line and the raw span of its title."""

    line: Line
    title_start: int
    title_end: int


def _indent(ln: Line) -> int:
    return len(ln.raw.expandtabs(4)) - len(ln.raw.expandtabs(4).lstrip())


def _is_agenda_label(ln: Line) -> bool:
    return plain(ln.content).lower().rstrip(": ").strip() in _AGENDA_WORDS


def whole_entry(ln: Line) -> Entry:
    """The whole line as the title, without its closing marks and colon."""
    end = ln.end
    while end > ln.content_start and ln.raw[end - ln.start - 1] in "*_: \t":
        end -= 1
    return Entry(ln, ln.content_start, end)


def _titled(text: str, max_words: int = MAX_WORDS) -> bool:
    words = text.split()
    return (1 <= len(words) <= max_words and not re.search(r"[.;!?]$", text) and not is_document_section(text)
            and not is_item_part(text) and not lexicon().pattern("block_label").match(text))


def agenda_list(lines: list[Line]) -> list[Entry]:
    """The top-level entries of the bullet list right below an 'Agenda' heading or label ('## Agenda' +
    '- Opening' '- Planning' ...): at least two titles; deeper entries are their sub-points. Where the
    notes below give the same subjects as labels ('- Opening: Anna opent ...', '**Planning**'), those
    lines are the items, so that each item holds its own notes."""
    opening = {ln.start for ln in [o for o in lines if not o.blank][:MAX_OPENING_LINES]}
    for k, ln in enumerate(lines):
        if ln.bullet or not (_is_agenda_label(ln) or ln.start in opening and _ANNOUNCES_POINTS.search(ln.content)):
            continue
        announced = not _is_agenda_label(ln)
        entries = _entries_below(lines, k + 1, MAX_ANNOUNCED_WORDS if announced else MAX_WORDS)
        if len(entries) >= 2:
            return _repeated_below(lines, entries) or [_first_sentence(e) if announced else whole_entry(e)
                                                       for e in entries]
    return []


# 'De politieraad heeft ... de volgende punten kunnen bespreken:' + a bullet list, opening the text (one of its first
# MAX_OPENING_LINES lines; further on such a list is a list of what one point discussed): the list is the agenda
MAX_OPENING_LINES = 8
_ANNOUNCES_POINTS = re.compile(r"\b(?:de\s+)?(?:volgende|onderstaande|navolgende)\s+(?:agenda)?(?:punten|onderwerpen)\b[^:]*:\s*$",
                               re.I)
MAX_ANNOUNCED_WORDS = 40  # an announced point may carry a sentence of explanation after its title


def _first_sentence(ln: Line) -> Entry:
    """The entry up to its first full stop before a capital ('Openstellen vacante betrekkingen. In totaal ...')."""
    e = whole_entry(ln)
    m = re.search(r"(?<!\b[a-z])(?<!\.[a-z])\.\s+(?=[A-ZÀ-Ý])", ln.raw[e.title_start - ln.start:e.title_end - ln.start])
    return Entry(ln, e.title_start, e.title_start + m.start()) if m else Entry(ln, e.title_start, e.title_end)


def _entries_below(lines: list[Line], k: int, max_words: int = MAX_WORDS) -> list[Line]:
    out: list[Line] = []
    top: int | None = None
    for ln in lines[k:]:
        if ln.blank:
            continue
        if not ln.bullet or ln.md_level:
            break
        if top is None:
            top = _indent(ln)
        if _indent(ln) > top:
            continue
        if _indent(ln) < top or not _titled(plain(ln.content), max_words):
            return []
        out.append(ln)
    return out


def _repeated_below(lines: list[Line], entries: list[Line]) -> list[Entry]:
    """The later lines that open with an entry's title as a label, one per entry in order, for every entry."""
    out: list[Entry] = []
    after = entries[-1].end
    for e in entries:
        title = plain(e.content).rstrip(": ").lower()
        hit = None
        for ln in lines:
            if ln.start <= after or ln.md_level:
                continue
            label = _label(ln)
            if label is not None and fuzz.ratio(plain(label[0]).lower(), title) >= 90:
                hit = Entry(ln, label[1], label[2])
                break
        if hit is None:
            return []
        out.append(hit)
        after = hit.line.end
    return out


def _label(ln: Line) -> tuple[str, int, int] | None:
    """The label an entry opens with ('**Opening**: ...', 'Opening: ...') and its raw span."""
    m = _BOLD_LABEL.match(ln.content) or (None if ln.bold else _PLAIN_LABEL.match(ln.content))
    if m is None:
        return (ln.content, *_span(whole_entry(ln))) if ln.bold else None
    start = ln.content_start + m.start("t")
    return m.group("t"), start, start + len(m.group("t").rstrip())


def _span(e: Entry) -> tuple[int, int]:
    return e.title_start, e.title_end


def bold_label_list(lines: list[Line]) -> list[Entry]:
    """Minutes written as one list whose top-level entries open with a bold label and go on with their
    text ('- **Opening**: Carla opent ...', '- **Datamodel:** besloten ...'): the labels are the items
    when at least three entries and most entries of that level have one. List labels ('**Actie:**',
    notulist/nl block_label) are no items."""
    bullets = [ln for ln in lines if ln.bullet and not ln.blank and not ln.md_level]
    if not bullets:
        return []
    top = min(_indent(b) for b in bullets)
    level = [b for b in bullets if _indent(b) == top]
    out: list[Entry] = []
    for b in level:
        m = _BOLD_LABEL.match(b.content)
        if m is None or len(b.content) <= m.end():
            continue
        title = plain(m.group("t"))
        if _titled(title) and not is_closing_section(title):
            start = b.content_start + m.start("t")
            out.append(Entry(b, start, start + len(m.group("t").rstrip())))
    return out if len(out) >= MIN_LABELS and 2 * len(out) > len(level) else []


# 'Onderwerp: Digitale vervanging archiefbescheiden (GM-beslissing d.d. 14-02-2011) Kenmerk: 2011/0026736'
_SUBJECT_LINE = re.compile(r"^(?:onderwerp|betreft)\s*:\s*(?P<t>\S.*?)\s*(?:\((?:[^)]*\bd\.d\.|gm-|kenmerk)[^)]*\)|"
                           r"\bkenmerk\s*:|\bnummer\s*:|$)", re.I)


def subject_paragraphs(lines: list[Line]) -> list[Entry]:
    """A besluitenlijst whose points each open with 'Onderwerp: <titel>' (a college's decision paragraphs, often
    with '(GM-beslissing d.d. ...)' or 'Kenmerk: ...' after the title): those lines are the items where two or
    more stand at the left margin; the title runs to the bracket, the 'Kenmerk:' label or the line end."""
    out: list[Entry] = []
    for ln in lines:
        if ln.blank or ln.md_level or ln.bullet or _indent(ln):
            continue
        m = _SUBJECT_LINE.match(ln.content)
        if m is None or not m.group("t").strip():
            continue
        start = ln.content_start + m.start("t")
        title = m.group("t").rstrip(" .")
        out.append(Entry(ln, start, start + len(title)))
    return out if len(out) >= 2 else []


def dangling_bullet_entries(lines: list[Line]) -> list[Line]:
    """A list whose bullet and text are on separate lines (web pages copied as text: '-' then the title
    on the next line): the text lines of its first run of at least three entries."""
    runs: list[list[Line]] = []
    run: list[Line] = []
    k = 0
    while k < len(lines) - 1:
        mark, nxt = lines[k].raw.strip(), lines[k + 1]
        if mark in _BULLET_MARKS and not nxt.blank and not nxt.bullet and nxt.content.strip() not in _BULLET_MARKS \
                and len(plain(nxt.content).split()) <= 40:
            run.append(nxt)
            k += 2
            continue
        if run and not lines[k].blank:
            runs.append(run)
            run = []
        k += 1
    if run:
        runs.append(run)
    return next((r for r in runs if len(r) >= 3), [])


def bullet_headings(lines: list[Line]) -> list[Line]:
    """' • Opening' + an indented paragraph ('  De voorzitter opent ...'): in a report written as one bullet
    list, the short bullets whose text is indented below them are the items (at least two of them)."""
    out = []
    for k, ln in enumerate(lines[:-1]):
        nxt = lines[k + 1]
        text = plain(ln.content)
        indent = len(ln.raw) - len(ln.raw.lstrip())
        if (ln.bullet and 1 <= len(text.split()) <= 6 and not re.search(r"[.,;:!?]$", text)
                and re.match(r"[A-ZÀ-Ý]", text) and not nxt.blank and not nxt.bullet and not nxt.md_level
                and len(nxt.raw) - len(nxt.raw.lstrip()) > indent and plain(nxt.content)[:1].isupper()
                and len(plain(nxt.content).split()) >= 5):
            out.append(ln)
    return out if len(out) >= 2 else []


_BULLET_MARKS = {"-", "•", "*", "–", "·", "▪"}


# 'Opening: Bianca heet ...', 'Mededelingen:', 'Notulen 14 mei: De hesjes ...': a short capitalised label and a colon
_LABEL_LEAD = re.compile(r"^(?P<t>[A-ZÀ-Ý][^:.;!?\n]{1,50}?)\s*:(?:\s|$)")
MAX_LABEL_WORDS = 5


def label_paragraphs(lines: list[Line]) -> list[Entry]:
    """Minutes without numbers or markup whose points each open a line at the left margin with a short label and a
    colon ('Opening: Bianca heet iedereen welkom ...', 'Mededelingen:' + bullets, 'Nieuwe vergaderdata: Bianca
    gaat ...'): the labels are the items, from the first one that names a standard point of an agenda (so the
    header's 'Aanwezig:' / 'Datum:' fields before it are not), where three or more such labels follow, none twice. Field and
    list labels ('Aanwezig', 'Actie', 'Besluit'; document sections, parts of a point) are no items."""
    out: list[Entry] = []
    for ln in lines:
        if ln.blank or ln.md_level or ln.bullet or _indent(ln):
            continue
        m = _LABEL_LEAD.match(ln.content)
        if m is None:
            continue
        label = m.group("t").strip()
        if not 1 <= len(label.split()) <= MAX_LABEL_WORDS or not _titled(label, MAX_LABEL_WORDS):
            continue
        if not out and not is_standard_item(label):
            continue
        start = ln.content_start + m.start("t")
        out.append(Entry(ln, start, start + len(label)))
    names = [plain(ln.content[:e.title_end - ln.content_start]).casefold() for e in out for ln in (e.line,)]
    if len(set(names)) < len(names):
        return []  # 'Duiding:' / 'Richting:' under every point: the parts of a point, not the points
    return out if len(out) >= MIN_LABELS else []
