"""The document header: title, series, date, time, location, attendees and the kind of document."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Literal

from ingest.parse.attendees import (ABSENT_LABELS, LOCATION_LABELS, PRESENT_LABELS, ROLE_LABELS, TIME_RANGE,
                                    TIME_SINGLE, field_label, parse_attendees)
from ingest.parse.dates import (DATE_LABEL, FoundDate, filename_date, find_dates, infer_year, typo_year,
                                weekday_of)
from ingest.parse.runon import title_in_run_on
from ingest.parse.series import normalise_series
from ingest.parse.lines import WHITESPACE, Line, body_limit, display, plain, split_lines
from ingest.parse.words import is_document_section, is_page_chrome, is_session_heading, names_other_date
from notulist.models import Attendee, Source
from notulist.text import safe_date


# LOCAL Dutch words (not in notulist/nl yet; listed in the issue-12 INGEST report):
# generic series words, document-kind words, meeting words and deadline
# prepositions of the header
_GENERIC_SERIES = {"vergadering", "overleg", "bijeenkomst", "agenda", "verslag", "notulen", "besluitenlijst",
                   "concept", "aantekeningen", "notities", "uitnodiging", "agendapunten", "onderwerpen",
                   "bespreekpunten"}


DocKind = Literal["agenda", "minutes", "besluitenlijst", "notes", "unknown"]
# the kind a title names, first match wins: "Besluitenlijst" before "verslag" before "agenda" before "notities"
_DOC_KINDS: tuple[tuple[re.Pattern[str], DocKind], ...] = (
    (re.compile(r"besluitenlijst|besluiten\s*lijst|\b(?:college|raads|staten|bestuurs)?besluiten\b"), "besluitenlijst"),
    (re.compile(r"\b(?:concept)?verslag\b|\bnotulen\b|\bnotule\b|\bminutes\b"), "minutes"),
    (re.compile(r"\bagenda\b"), "agenda"),
    (re.compile(r"\baantekeningen\b|\bnotities\b|\bgespreksnotitie\b|\bnotes\b"), "notes"),
)


_KIND_FIRST = r"^\W*(?:concept[- ]?)?(?:besluitenlijst|besluiten|verslag|notulen|agenda)\b"


def _doc_kind(texts: list[str]) -> DocKind | None:
    joined = " ".join(texts).lower()
    return next((kind for rx, kind in _DOC_KINDS if rx.search(joined)), None)


@dataclass
class Header:
    title: str = ""
    series: str = ""
    date: dt.date | None = None
    date_as_written: str | None = None
    date_inferred: bool = False
    time: str | None = None
    location: str | None = None
    attendees: list[Attendee] = field(default_factory=list)
    doc_kind: DocKind = "unknown"
    title_start: int | None = None  # raw offset of the line the title was read from


_DEADLINE_BEFORE = re.compile(r"\b(?:vóór|voor|uiterlijk|tot|na|per)\s*$", re.I)
_MEETING_WORDS = re.compile(r"\b(?:vergadering|vergaderd|overleg|bijeenkomst|d\.d\.|gehouden|verslag|notulen|agenda|zitting)\b",
                            re.I)


def _meeting_date_in_lines(lines, title_start: int | None = None) -> FoundDate | None:
    """The meeting's date among the first lines: a date in the title line first, then one on a line about
    the meeting ("Vergadering van maandag 19-1-2026") before any other. A term ("opmerkingen graag vóór
    2 februari"), the next meeting ("Volgende overleg is op 20 oktober") and a publication or sending date
    ("Gepubliceerd op 08/03/2024") are never the meeting's date."""
    candidates = []
    seen: set[int] = set()
    for ln in lines:
        if ln.start in seen:
            continue
        seen.add(ln.start)
        if names_other_date(plain(ln.content)):
            continue
        for d in find_dates(ln.raw, offset=ln.start):
            if _DEADLINE_BEFORE.search(ln.raw[:max(0, d.start - ln.start)]):
                continue
            rank = 0 if ln.start == title_start else 1 if _MEETING_WORDS.search(ln.raw) else 2
            candidates.append((rank, len(candidates), d))
    return min(candidates, key=lambda c: c[:2])[2] if candidates else None


def parse_header(source: Source, header_end: int, *, year: int | None = None) -> Header:
    """Title, series, date, time, location, attendees and document kind from the text before item 1."""
    all_lines = split_lines(source.raw_text, 0, header_end)
    mail = _mail_header_lines(all_lines)
    lines = [ln for ln in all_lines if not ln.blank and ln.start not in mail]
    head = Header()
    title_lines = [ln for ln in lines if (field_label(ln) is None or ln.md_level or ln.bold) and not _sentence_like(ln)]
    _set_title(head, source, title_lines, lines)
    head.doc_kind = (_doc_kind([head.title]) or _doc_kind([plain(ln.content) for ln in title_lines[:3]])
                     or _doc_kind([plain(ln.content) for ln in lines if ln.md_level or ln.bold])
                     or _doc_kind([re.sub(r"[_\-.]", " ", PurePath(source.filename).stem)])
                     or "unknown")
    if head.doc_kind in ("agenda", "unknown") and any(_NOTES_TAKER.search(ln.raw) for ln in lines):
        head.doc_kind = "notes"  # "[aanwezig: allen; aantekeningen: Ine]": the agenda is the notes document
    date_line = _read_fields(head, source, lines)
    if head.location is None:
        for ln in lines:
            loc = re.search(r"\b(?:locatie|plaats|vergaderlocatie|waar)\s*:\s*(.+)$", ln.raw, re.I)
            if loc:
                head.location = plain(display(source, ln.start + loc.start(1), ln.end)) or None
                break
    if head.time is None:
        for ln in lines:
            head.time = _find_time(ln.content)
            if head.time:
                break
    _set_date(head, source, date_line, title_lines[:4] + lines[:12], year)
    return head


def names_a_body(series: str) -> bool:
    """A series that names who meets ('Kernteam basisregistratie'), not only a kind ('Verslag', 'Overleg')."""
    return bool(re.search(r"[^\W\d_]{3}", series)) and series.casefold() not in _GENERIC_SERIES


def title_from_filename(filename: str) -> tuple[str, str]:
    """(title, series) of a document whose text names no title: its file name without the leading date,
    '-' and '_' as spaces ('2021-03-22_signalen-community-meetup_verslag.pdf' -> 'Signalen community meetup
    verslag', series 'Signalen community meetup')."""
    stem = re.sub(r"^\d{4}-?\d{2}-?\d{2}[_ -]*", "", PurePath(filename).stem)
    title = WHITESPACE.sub(" ", re.sub(r"[_-]+", " ", stem)).strip() or PurePath(filename).stem
    title = title[:1].upper() + title[1:]
    series = normalise_series(re.sub(r"(?:\s+(?:kort|concept|definitief|openbaar))*\s+(?:agenda|verslag|notulen|notes|"
                                     r"besluitenlijst|besluiten|actielijst|impressie)$", "", title, flags=re.I))
    return title, series or title


# a header that names who took the notes typed into this agenda ("aantekeningen: Ine")
_NOTES_TAKER = re.compile(r"\b(?:aantekeningen|notities)\s*:\s*\w", re.I)
_TITLE_FIELDS = {"titel", "betreft", "onderwerp", "vergadering", "title"}
_KIND_LABELS = {"verslag", "notulen", "besluitenlijst", "agenda"}  # '| Verslag | Dorpsraad Oosterhout |'
_ATTENDANCE_LINE = re.compile(r"^\W*(?:aanwezig|afwezig|afgemeld|deelnemers|genodigden|present|absent|verhinderd)",
                              re.I)


def _field_title(source: Source, lines: list[Line]) -> tuple[str, int] | None:
    """The value of a 'Titel: ...' / 'Betreft: ...' header field, also as a header table row
    ('| Betreft | Verslag Technisch Overleg ... |'), with the offset of its line."""
    for k, ln in enumerate(lines):
        cells = [c.strip(" *_") for c in ln.raw.strip().strip("|").split("|")] if "|" in ln.raw else []
        cells = [c for c in cells if c]
        if len(cells) == 2 and cells[0].lower().rstrip(":") in _TITLE_FIELDS | _KIND_LABELS and plain(cells[1]):
            value_at = ln.raw.find(cells[1])
            return plain(display(source, ln.start + value_at, ln.start + value_at + len(cells[1]))), ln.start
        lab = field_label(ln)
        if lab is not None and lab[0] in _TITLE_FIELDS and plain(lab[1]) and len(plain(lab[1]).split()) <= 16:
            return plain(display(source, lab[2], ln.end)).strip(" *_"), ln.start
        if plain(ln.content).lower() in _TITLE_FIELDS - {"vergadering", "title"} and k + 1 < len(lines):
            # "ONDERWERP" and its value on the next line (label/value blocks of a PDF header)
            nxt = lines[k + 1]
            value = plain(display(source, nxt.content_start, nxt.end)).strip(" *_")
            if value and len(value.split()) <= 16 and field_label(nxt) is None and not is_document_section(value):
                return value, nxt.start
    return None


def _not_a_title(text: str, line: Line) -> bool:
    """A header line that is never the meeting's title: a table row or label cell ('| Betreft'), a
    breadcrumb ('Vergaderingen » Gemeenteraad » ...'), site navigation ('Home', 'Startpagina'), an
    attendance label ('Aanwezige leden', 'Deelnemers (in de volgorde ...'), a session part ('OPENBAAR'), a line
    without a letter (a share counter '53', a page number '(1)')."""
    return ("|" in line.raw or text.count("»") >= 1 or text.count(" > ") >= 2 or is_page_chrome(line.content)
            or bool(_ATTENDANCE_LINE.match(text)) or is_session_heading(text) or not re.search(r"[^\W\d_]", text))


def _set_title(head: Header, source: Source, title_lines: list[Line], lines: list[Line]) -> None:
    field = _field_title(source, lines)
    if field is not None:
        head.title, head.title_start = field
        head.series = normalise_series(head.title) or head.title
        return
    options: list[tuple[int, str, str, int]] = []
    for rank, ln in enumerate([ln for ln in title_lines if not _not_a_title(plain(ln.content), ln)][:5]):
        candidate_title = plain(display(source, ln.content_start, ln.end)).strip(" *_")
        series = normalise_series(candidate_title)
        kind = _doc_kind([candidate_title])
        generic = not series or series.casefold() in _GENERIC_SERIES
        if ln.bullet or re.match(r"\s*\(?\d{1,2}[.)]\s", ln.raw) or generic and not find_dates(candidate_title):
            continue  # a list entry ('- Anna', '2) Uri strategie') or a bare 'Notulen' / 'Agendapunten'
        if generic and not kind and not (ln.md_level or ln.bold):
            continue  # 'Vergadering 12 maart' as a plain line: a heading ('# Overleg 2024-03-14') may title
        if len(series.split()) <= 16 and not re.match(r"^(?:nb|n\.b)\b", series, re.I):
            # a heading (markdown or bold) beats a plain line; a line naming the document kind
            # ("Besluitenlijst commissie ...") beats a letterhead ("Gemeente Zuidwolde"); then a line that
            # names the series; then the first line. "Notulen vergadering 22 maart 2018" (kind and date,
            # no series) is a title; its series comes from another line.
            score = (0 if (ln.md_level or ln.bold) else 2) + (0 if kind else 1)
            options.append((score * 10 + (5 if generic else 0) + rank, candidate_title, "" if generic else series,
                            ln.start))
    for rank, ln in enumerate(lines[:12]):
        inline = title_in_run_on(plain(ln.content))
        if inline and normalise_series(inline).casefold() not in _GENERIC_SERIES:
            # a title inside a run-on line: after a heading or a plain line naming the kind, before the rest
            options.append((25 + rank / 100, inline, normalise_series(inline), ln.start))
    if options:
        _, head.title, head.series, head.title_start = min(options)
        if not head.series:
            head.series = next((o[2] for o in sorted(options) if o[2]), "")
        if head.series.isupper() and len(head.series) > 5:  # 'GEMEENTERAAD', not 'ALV'
            head.series = head.series.title()


def _field_base(label: str) -> str:
    """The label as one of the known field names ('afwezig wegens ziekte' -> 'afwezig')."""
    base = label.strip()
    if base not in ABSENT_LABELS and re.match(r"(?:afwezig|afgemeld|verhinderd|verontschuldigd|met\s+kennisgeving)",
                                              base):
        return "afwezig"
    if base not in PRESENT_LABELS and re.match(r"aanwezig", base):
        return "aanwezig"
    return base


def _read_fields(head: Header, source: Source, lines: list[Line]) -> tuple[str, int] | None:
    """'Label: value' fields (location, time, attendance lists, also as a list under the label);
    returns the value of the date field and its raw offset."""
    date_line: tuple[str, int] | None = None
    pending_list: tuple[str, str | None] | None = None
    for ln in lines:
        lab = field_label(ln)
        bare = _bare_list_label(ln) if lab is None else None
        inline = _INLINE_PRESENT.search(ln.raw) if lab is None and bare is None else None
        if inline is not None:
            # "Deelnemers vergadering   Aanwezig zijn 45 leden: Ahraui (PvdA), Arp (SP), ..." over several lines
            head.attendees += parse_attendees(ln.raw[inline.end():].rstrip(), ln.start + inline.end(), source)
            pending_list = ("names," if ln.raw.rstrip().endswith(",") else "names", None)
            continue
        if pending_list is not None and pending_list[0] in ("names", "names,"):
            parens = len(re.findall(r"\([^()]{1,40}\)", ln.raw))
            if not _NAME_LIST.fullmatch(ln.raw.strip()) or parens < (1 if pending_list[0] == "names," else 2):
                pending_list = None
            else:
                head.attendees += parse_attendees(ln.raw.rstrip(" .\t"), ln.start, source)
                pending_list = ("names," if ln.raw.rstrip().endswith(",") else "names", None)
                continue
        if bare is not None:
            # "- Aanwezig" / "- Verontschuldigd" with the people as a nested list below it
            pending_list = ("bare", "afwezig" if bare in ABSENT_LABELS else ROLE_LABELS.get(bare))
        elif lab is not None and not ln.md_level:
            _, value, vstart = lab
            pending_list = None
            base = _field_base(lab[0])
            if DATE_LABEL.match(base) and date_line is None:
                date_line = (value, vstart)
            if base in LOCATION_LABELS and head.location is None:
                head.location = plain(display(source, vstart, ln.end)).strip() or None
            elif base in PRESENT_LABELS or base in ABSENT_LABELS or base in ROLE_LABELS:
                role = "afwezig" if base in ABSENT_LABELS else ROLE_LABELS.get(base)
                if value.strip(" *_"):
                    head.attendees += parse_attendees(value.rstrip(), vstart, source, role=role)
                else:
                    pending_list = (base, role)
            if head.time is None and (DATE_LABEL.match(base) or base in {"tijd", "aanvang", "tijdstip"}):
                head.time = _find_time(value)
        elif pending_list is not None and pending_list[0] == "bare" and (ln.italic or re.fullmatch(r"\(.*\)", plain(ln.content))):
            continue  # '_(in alfabetische volgorde)_' between the label and its list
        elif (pending_list is not None and not ln.md_level and not re.match(r"\d{1,2}[.)]\s", ln.content)
              and (ln.bullet or (len(ln.content.split()) <= 8 and pending_list[0] != "bare"))):
            head.attendees += _list_entry(source, ln, pending_list[1])
        else:
            pending_list = None
    return date_line


_INLINE_PRESENT = re.compile(r"(?:^|\s{2,})aanwezig(?:\s+(?:zijn|waren))?(?:\s+\d{1,3}\s+(?:leden|raadsleden|statenleden|"
                             r"commissieleden|personen))?\s*:\s*(?=\S)", re.I)
_NAME_LIST = re.compile(r"[\w\s'’().,/&-]+")


def _bare_list_label(line: Line) -> str | None:
    """A presence label without a colon on a line of its own ('- Aanwezig', 'Verontschuldigd')."""
    text = plain(line.content).lower().rstrip(":").strip()
    if len(text.split()) > 3:  # '## Attendees' / '### Aanwezig' as a heading above the list too
        return None
    base = _field_base(text)
    return base if base in PRESENT_LABELS or base in ABSENT_LABELS else None


def _list_entry(source: Source, ln: Line, role: str | None) -> list[Attendee]:
    """One entry of an attendance list; 'Paul Lievens; voorzitter' is a person and their role."""
    name, sep, rest = ln.content.partition(";")
    rest = rest.strip()
    if sep and rest and ";" not in rest and len(rest.split()) <= 5 and rest[:1].islower():
        people = parse_attendees(name.rstrip(), ln.content_start, source, role=role or rest)
        return people[:1] if len(people) == 1 else people
    return parse_attendees(ln.content, ln.content_start, source, role=role)


def _set_date(head: Header, source: Source, date_line: tuple[str, int] | None, near_top: list[Line],
              year: int | None) -> None:
    """The date line, else a date in the title lines, else the file name; a missing year is inferred."""
    found: FoundDate | None = None
    if date_line is not None:
        ds = find_dates(date_line[0], offset=date_line[1])
        found = ds[0] if ds else None
    if found is None:
        found = _meeting_date_in_lines(near_top, head.title_start)
    from_name = filename_date(source.filename)
    if found is not None and from_name is not None:
        found = _header_date_of(near_top, from_name) or found
    if found is None:
        if from_name is not None:
            head.date = from_name
            head.date_as_written = None
        return
    head.date_as_written = found.text
    if found.year is not None:
        body = source.raw_text[:body_limit(source)]
        head.date = safe_date(typo_year(found, body) or found.year, found.month, found.day)
        return
    y = None
    if from_name and (from_name.month, from_name.day) == (found.month, found.day):
        y = from_name.year
    if y is None:
        y = infer_year(found.month, found.day, source.raw_text[:body_limit(source)], exclude=(found.start, found.end),
                       weekday=weekday_of(found.text))
    if y is None:
        y = year
    if y is None and from_name is not None:
        # a day without a year nowhere else in the text ('Er is op 8 maart een overleg gepland') and a file
        # named by its date: the file name's date is the meeting's
        head.date, head.date_as_written = from_name, None
        return
    if y is not None:
        head.date = safe_date(y, found.month, found.day)
        head.date_inferred = True


def _header_date_of(lines: list[Line], day: dt.date) -> FoundDate | None:
    """The header's own writing of the file name's date, where the header names several ('op respectievelijk
    9 november en 7 december 2011'; the minutes of 27 november as an item): the file name picks the one."""
    for ln in lines:
        for f in find_dates(ln.raw, offset=ln.start):
            if (f.month, f.day) == (day.month, day.day) and f.year in (None, day.year):
                return f
    return None


_MAIL_LABEL = re.compile(r"^\s*(?:van|aan|onderwerp|cc|bcc|verzonden|from|to|subject|sent|date)\s*:", re.I)


def _mail_header_lines(lines: list[Line]) -> set[int]:
    """Starts of the lines of e-mail header paragraphs (Van:/Aan:/Onderwerp: ...): the mail's date is not
    the meeting's date."""
    out: set[int] = set()
    para: list[Line] = []
    for ln in lines + [Line(start=-1, end=-1, raw="")]:
        if ln.blank or ln.start == -1:
            if sum(bool(_MAIL_LABEL.match(p.raw)) for p in para) >= 2:
                out |= {p.start for p in para}
            para = []
        else:
            para.append(ln)
    return out


def _sentence_like(line: Line) -> bool:
    """Running prose or a date/time/place line, not a title ('Hieronder het verslag van ons overleg.')."""
    text = plain(line.content)
    words = text.split()
    if line.md_level:
        return False
    if (len(words) <= 14 and "," not in text and not text.endswith(".") and re.match(_KIND_FIRST, text, re.I)
            and normalise_series(text).casefold() not in _GENERIC_SERIES):
        return False  # "Besluitenlijst raadsvergadering 29 juni 2015 aanvang 17.00 uur": a title with its time
    return (len(words) > 14 or (text.endswith(".") and len(words) >= 5) or bool(TIME_RANGE.search(text))
            or bool(re.search(r"\d[.:]\d\d\s*uur", text)))


def _find_time(text: str) -> str | None:
    m = TIME_RANGE.search(text)
    if m:
        return f"{int(m.group(1)):02d}.{m.group(2)} - {int(m.group(3)):02d}.{m.group(4)}"
    m = TIME_SINGLE.search(text) or re.search(r"(?<![\d.])([0-2]?\d)[.:]([0-5]\d)\s*uur", text)
    if m:
        return f"{int(m.group(1)):02d}.{m.group(2)}"
    return None
