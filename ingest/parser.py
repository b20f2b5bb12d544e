"""Turn a Dutch meeting document (agenda, verslag/notulen, besluitenlijst) into a `Meeting`.

The parser is line based and hand written on purpose: Dutch agendas mix heading levels (`##` .. `#####`),
bold lines and plain numbered lines, and put numbered lists inside items. An agenda item is a numbered,
title-like line at any level whose number continues the sequence of items; a numbered list inside an
item's body restarts at 1, is written as running prose, or sits below a stronger heading of the same
number, and is therefore not an item.

Every item keeps exact spans in the agenda Source's `raw_text`; titles and bodies are the display form
(redaction marks shown as one token). Notes (text written during the meeting) are found by
`ingest.notes` and kept apart from the prepared text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from notulist import dutch as _dutch
from notulist.dutch import safe_date
from notulist.models import AgendaItem, Attendee, ItemKind, Meeting, Redaction, Source, stable_id

# --------------------------------------------------------------------------- lines and markup

_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_BULLET = re.compile(r"^(?:[-•➤▪◦·●○►▶→–]|\*(?=\s))\s+")
_WS = re.compile(r"\s+")


@dataclass
class Line:
    """One line of the raw text with its markup peeled off (offsets stay raw)."""

    start: int
    end: int  # end of the line text (without the newline)
    raw: str
    content: str = ""  # text without heading marks, bullet, whole-line bold/italic wrappers
    md_level: int = 0
    bullet: bool = False
    bold: bool = False  # the whole line (after bullet) is bold
    italic: bool = False  # the whole line is italic
    content_start: int = 0  # raw offset of `content`

    @property
    def blank(self) -> bool:
        return not self.content.strip(" *_#>-")


def _peel(raw: str, start: int) -> Line:
    line = Line(start=start, end=start + len(raw), raw=raw)
    lead = len(raw) - len(raw.lstrip())
    s = raw.strip()
    off = lead
    m = _MD_HEADING.match(s)
    if m:
        line.md_level = len(m.group(1))
        s, off = s[m.end():], off + m.end()
    m = _BULLET.match(s)
    if m:
        line.bullet = True
        s, off = s[m.end():], off + m.end()
    # whole-line wrappers: **bold**, __bold__, *italic*, _italic_ (possibly nested once)
    for _ in range(2):
        for mark, attr in (("**", "bold"), ("__", "bold"), ("*", "italic"), ("_", "italic")):
            if len(s) > 2 * len(mark) and s.startswith(mark) and s.endswith(mark):
                inner = s[len(mark):-len(mark)]
                if mark in ("*", "_") and (inner.startswith(mark) or inner.endswith(mark)):
                    continue
                if mark == "**" and "**" in inner:
                    continue
                setattr(line, attr, True)
                s, off = inner, off + len(mark)
                break
    line.content = s.strip()
    line.content_start = start + off + (len(s) - len(s.lstrip()))
    return line


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of text[start:end] with raw offsets."""
    end = len(text) if end is None else end
    lines: list[Line] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        raw = text[pos:stop].rstrip("\r")
        lines.append(_peel(raw, pos))
        pos = stop + 1
    return lines


def plain(text: str) -> str:
    """Text without markdown emphasis, link syntax and surrounding punctuation, whitespace collapsed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"</?sup>", " ", text)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<!\w)[*_]|[*_](?!\w)", "", text)
    return _WS.sub(" ", text).strip()


def display(source: Source, start: int, end: int) -> str:
    """The display form of raw_text[start:end]: redaction marks shown as one token each."""
    from ingest.redactions import display_text

    return display_text(source.raw_text[start:end], redactions_of(source), offset=start)


_REDACTION_CACHE: dict[str, list[Redaction]] = {}


def redactions_of(source: Source) -> list[Redaction]:
    """The source's redactions; computed here when a hand-built Source carries none."""
    if source.redactions:
        return source.redactions
    if source.id not in _REDACTION_CACHE:
        from ingest.redactions import find_redactions

        if len(_REDACTION_CACHE) > 256:
            _REDACTION_CACHE.clear()
        _REDACTION_CACHE[source.id] = find_redactions(source.raw_text)
    return _REDACTION_CACHE[source.id]


def body_limit(source: Source) -> int:
    """Where the document body ends (appended Word comments / PDF annotations start)."""
    return len(source.raw_text) if source.body_end is None else source.body_end


# --------------------------------------------------------------------------- dates

MONTHS = _dutch.MONTHS  # re-exported: the parser's month table is the shared one
_MONTH_RE = _dutch.MONTH_PATTERN
_WEEKDAYS = {**_dutch.WEEKDAYS, **_dutch.WEEKDAY_ABBREVIATIONS}
_WEEKDAY_RE = r"(?:" + "|".join(_WEEKDAYS) + r")\.?,?\s+"
_DATE_WORDS = re.compile(
    rf"(?<![\w.])(?:{_WEEKDAY_RE})?(?P<d>[0-3]?\d)\s*(?:e\s+)?(?P<m>{_MONTH_RE})(?![a-zà-ÿ])\.?(?:[ \t]*(?P<y>(?:19|20)\d\d)\b)?",
    re.IGNORECASE)
_DATE_NUM = re.compile(r"(?<![\w.,-])(?P<d>[0-3]?\d)[-/.](?P<m>[01]?\d)[-/.](?P<y>(?:19|20)?\d\d)(?![\w.,-]?\d)")
_DATE_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_YEAR = re.compile(r"(?<![\d.,-])((?:19|20)\d\d)(?![\d])")
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)(?!\d)")
_DATE_LABEL = re.compile(r"^(?:vergader)?datum(?:\s+en\s+(?:tijd|tijdstip|plaats))?|^date\b|^wanneer\b|^tijdstip\b",
                         re.IGNORECASE)


@dataclass
class FoundDate:
    day: int
    month: int
    year: int | None
    start: int
    end: int
    text: str


def find_dates(text: str, offset: int = 0) -> list[FoundDate]:
    """Every date in `text` (Dutch month names/abbreviations, d-m-yyyy, ISO), in order."""
    found: list[FoundDate] = []
    for rx in (_DATE_ISO, _DATE_NUM, _DATE_WORDS):
        for m in rx.finditer(text):
            if any(f.start <= m.start() + offset < f.end for f in found):
                continue
            month_raw = m.group("m")
            month = _dutch.month_number(month_raw) if not month_raw.isdigit() else int(month_raw)
            year = m.group("y")
            if year is not None:
                year = int(year) + (2000 if len(year) == 2 else 0)
            day = int(m.group("d"))
            if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            if year is not None:
                try:
                    dt.date(year, month, day)
                except ValueError:
                    continue
            found.append(FoundDate(day, month, year, m.start() + offset, m.end() + offset, m.group(0).strip()))
    found.sort(key=lambda f: f.start)
    return found


def weekday_of(date_text: str) -> int | None:
    """The weekday written with a date ('dinsdag 5 maart' -> 1), or None."""
    m = re.match(r"^\s*([a-z]+)\.?,?\s", date_text.lower())
    return _WEEKDAYS.get(m.group(1)) if m else None


def infer_year(month: int, day: int, text: str, exclude: tuple[int, int] | None = None,
               weekday: int | None = None) -> int | None:
    """The most plausible year for a date written without one, from the other dates in the document.

    Rule: candidate years are every year the document mentions (full dates, ranges like "2024-2028",
    bare years) and the year after each. Each candidate costs the distance in days from the meeting to
    every full date in the document, a date AFTER the meeting counting double (an agenda mostly refers
    back: "het besluit van 4 juli 2023"), plus a year's cost for each range the candidate falls outside
    and half a year per year of distance to each bare year. The cheapest candidate wins; ties go to the
    later year. None when the document names no year at all.
    """
    full: list[dt.date] = []
    ranges: list[tuple[int, int]] = []
    bare: list[int] = []
    for f in find_dates(text):
        if exclude and exclude[0] <= f.start < exclude[1]:
            continue
        if f.year is not None:
            d = safe_date(f.year, f.month, f.day)
            if d:
                full.append(d)
    range_spans = []
    for m in _YEAR_RANGE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b <= a + 20:
            ranges.append((a, b))
            range_spans.append((m.start(), m.end()))
    date_spans = [(f.start, f.end) for f in find_dates(text) if f.year is not None]
    for m in _YEAR.finditer(text):
        if any(a <= m.start() < b for a, b in range_spans + date_spans):
            continue
        bare.append(int(m.group(1)))
    years = {d.year for d in full} | {y for r in ranges for y in r} | set(bare)
    if not years:
        return None
    candidates = years | {y + 1 for y in years}
    if weekday is not None:
        # a written weekday pins the year down among the plausible ones
        near = {y + k for y in candidates for k in range(-3, 4)}
        fitting = {y for y in near if (d := safe_date(y, month, day)) is not None and d.weekday() == weekday}
        if fitting:
            candidates = fitting

    def cost(year: int) -> float:
        meeting = safe_date(year, month, day)
        if meeting is None:
            return float("inf")
        total = 0.0
        for d in full:
            delta = (meeting - d).days
            total += delta if delta >= 0 else -2 * delta
        for a, b in ranges:
            if not a <= year <= b:
                total += 365 * min(abs(year - a), abs(year - b))
        for y in bare:
            total += 182 * abs(year - y)
        return total

    return min(sorted(candidates, reverse=True), key=cost)


_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_]?([01]\d)[-_]?([0-3]\d)(?!\d)")


def filename_date(filename: str) -> dt.date | None:
    """A YYYY-MM-DD (or YYYYMMDD) date in the file name, e.g. '2024-03-11_agenda.md'."""
    m = _FILENAME_DATE.search(PurePath(filename).name)
    return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


# --------------------------------------------------------------------------- header fields

_TIME_RANGE = re.compile(r"(?<![\d.])([0-2]?\d)[.:]([0-5]\d)\s*(?:uur|u\.?)?\s*(?:[-–—]|tot)\s*([0-2]?\d)[.:]([0-5]\d)"
                         r"(?![\d])")
_TIME_SINGLE = re.compile(r"(?:aanvang|om|vanaf|start|tijd)\s*:?\s*([0-2]?\d)[.:]([0-5]\d)\s*(?:uur|u\b)?",
                          re.IGNORECASE)
_FIELD = re.compile(r"^\s*(?P<label>[A-Za-zÀ-ÿ][\w .()/-]{1,40}?)\s*:\s*(?P<value>.*)$")
_LOCATION_LABELS = {"locatie", "plaats", "waar", "vergaderlocatie", "vergaderplaats", "ruimte", "zaal", "adres"}
_PRESENT_LABELS = {"aanwezig", "aanwezigen", "deelnemers", "present", "aanwezig zijn", "genodigden"}
_ABSENT_LABELS = {"afwezig", "afwezigen", "afgemeld", "met kennisgeving afwezig", "afmeldingen", "absent",
                  "verhinderd", "zonder kennisgeving afwezig"}
_ROLE_LABELS = {"notulist": "verslag", "notulen": "verslag", "verslag": "verslag", "verslaglegging": "verslag",
                "notulant": "verslag", "voorzitter": "voorzitter", "secretaris": "secretaris",
                "griffier": "griffier", "penningmeester": "penningmeester", "gast": "gast", "gasten": "gast",
                "te gast": "gast", "agendalid": "gast"}
_ROLE_WORDS = {"voorzitter": "voorzitter", "vz": "voorzitter", "vz.": "voorzitter", "verslag": "verslag",
               "notulist": "verslag", "notulen": "verslag", "notulant": "verslag", "secretaris": "secretaris",
               "griffier": "griffier", "penningmeester": "penningmeester", "afwezig": "afwezig", "gast": "gast",
               "lid": "lid", "wethouder": "wethouder", "burgemeester": "burgemeester", "directeur": "directeur",
               "plv. voorzitter": "plv. voorzitter", "vicevoorzitter": "vicevoorzitter", "adviseur": "adviseur"}


def _label(line: Line) -> tuple[str, str, int] | None:
    """(label, value, raw offset of value) for a 'Label: value' line, label lower-cased and un-bolded."""
    text = line.raw
    m = re.match(r"^\s*(?:[-•*]\s+)?(?:\*\*|__)?\s*(?P<label>[A-Za-zÀ-ÿ][\w .()/-]{0,40}?)\s*(?:\*\*|__)?\s*:"
                 r"\s*(?:\*\*|__)?\s*(?P<value>.*)$", text)
    if not m:
        return None
    label = m.group("label").strip().lower().strip("*_ ")
    return label, m.group("value"), line.start + m.start("value")


def _mask(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    """Replace each span (raw offsets) by 'R' characters of the same length, so commas inside
    redaction marks ('5.1, 2, e') do not split lists."""
    chars = list(text)
    for a, b in spans:
        for i in range(max(a - offset, 0), min(b - offset, len(chars))):
            chars[i] = "\x00"
    return "".join(chars)


def parse_attendees(value: str, value_start: int, source: Source, *, role: str | None = None) -> list[Attendee]:
    """People in an 'Aanwezig:' value. Redacted people become Attendee(name=None, redacted=True); a name
    is never guessed. '(verslag)', '(voorzitter)', ... become roles; 'X (Y verslag)' is two people."""
    reds = [(r.start, r.end) for r in redactions_of(source) if value_start <= r.start < value_start + len(value)]
    masked = _mask(value, reds, value_start)
    people: list[Attendee] = []
    # split on commas/semicolons/" en " outside parentheses
    parts: list[tuple[int, int]] = []
    depth, begin = 0, 0
    i = 0
    while i < len(masked):
        ch = masked[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if depth == 0 and (ch in ",;" or masked.startswith(" en ", i) or masked.startswith(" & ", i)):
            parts.append((begin, i))
            i += 4 if masked.startswith(" en ", i) else 1 if ch in ",;" else 3
            begin = i
            continue
        i += 1
    parts.append((begin, len(masked)))

    def add(a: int, b: int, default_role: str | None) -> None:
        written = value[a:b].strip(" \t.")
        core_masked = masked[a:b]
        if not written.strip("() "):
            return
        # roles in parentheses or trailing role words
        this_role = default_role
        paren = re.search(r"\(([^()]*)\)\s*$", core_masked.strip())
        inner_people: list[tuple[int, int]] = []
        if paren:
            inner = paren.group(1).strip().lower()
            first_role = re.match(r"^([\w.]+)\s*,", inner)
            if first_role and first_role.group(1) in _ROLE_WORDS:  # "(voorzitter, directeur)"
                inner = first_role.group(1)
            if inner in _ROLE_WORDS:
                this_role = _ROLE_WORDS[inner]
                name_part = core_masked[:core_masked.rfind("(")]
            elif "\x00" in inner or (inner.split() and inner.split()[-1] in _ROLE_WORDS
                                     and re.search(r"\b[A-Z][a-z]", paren.group(1))):
                # "(5.1, 2, e verslag)": another person inside the parentheses
                rel = core_masked.rfind("(")
                inner_people.append((a + rel + 1, a + core_masked.rfind(")")))
                name_part = core_masked[:rel]
            else:  # "(VVD)", "(punt 3 en 4)": an affiliation; "(ambtelijk secretaris)": a role
                name_part = core_masked[:core_masked.rfind("(")]
                role_word = next((w for w in re.findall(r"[\w.]+", inner) if w in _ROLE_WORDS), None)
                if role_word:
                    this_role = _ROLE_WORDS[role_word]
        else:
            name_part = core_masked
        tail = re.search(r"\s(\w+)\)?\s*$", name_part)
        if tail and tail.group(1).lower() in _ROLE_WORDS and len(name_part.split()) > 1:
            this_role = _ROLE_WORDS[tail.group(1).lower()]
            name_part = name_part[:tail.start()]
        sub_label = re.match(r"^\s*[A-Za-zÀ-ÿ-]+\s*:\s*", name_part)  # "oudergeleding: Petra Willems"
        if sub_label:
            a += sub_label.end()
            core_masked = core_masked[sub_label.end():]
            name_part = name_part[sub_label.end():]
            written = value[a:b].strip(" \t.")
        name_part_clean = name_part.replace(")", " ").replace("(", " ")
        n_start = a + (len(core_masked) - len(core_masked.lstrip()))
        marks = [(ra, rb) for ra, rb in reds if value_start + a <= ra < value_start + a + len(name_part)]
        leftover = re.sub(r"\x00+", "", name_part_clean).strip(" .,-")
        if inner_people or this_role != default_role:
            written = value[n_start:a + len(name_part)].strip(" \t.(")
            if this_role != default_role and not inner_people:
                written = value[a:b].strip(" \t.")
        if marks and leftover and not re.search(r"\b[A-Z][a-zà-ÿ]", leftover):
            # "secretaris-directeur 5.1.2.e": a function and a redacted name; the function is the role
            this_role = this_role or leftover.lower()
            leftover = ""
        if marks and not leftover:
            for k, (ra, rb) in enumerate(marks):
                # several marks run together ("5.1, 2, e<sup>5.1, 2, e</sup> verslag)"): one person each;
                # the role belongs to the last one
                last = k == len(marks) - 1
                shown = value[ra - value_start:rb - value_start] if not last else \
                    value[ra - value_start:a + len(core_masked)].strip(" \t.")
                people.append(Attendee(name=None, redacted=True, role=this_role if last else default_role,
                                       as_written=shown if len(marks) > 1 else written))
        elif leftover and leftover.lower() not in {"geen", "niemand", "n.v.t", "nvt", "-", "allen", "iedereen"}:
            leftover = re.sub(r"^(?:de\s+)?leden\s+", "", leftover)
            people.append(Attendee(name=_WS.sub(" ", leftover), redacted=False, role=this_role, as_written=written))
        for ia, ib in inner_people:
            add(ia, ib, default_role)

    for a, b in parts:
        add(a, b, role)
    for person in people:
        shown = re.sub(r"</?\w+>", " ", person.as_written)
        shown = re.sub(r"\s+", " ", shown).strip()
        if shown.count(")") > shown.count("("):
            shown = shown.replace(")", "", shown.count(")") - shown.count("(")).strip()
        if shown.count("(") > shown.count(")"):
            shown = shown.replace("(", "", shown.count("(") - shown.count(")")).strip()
        person.as_written = shown or person.as_written
    return people


def normalise_series(title: str) -> str:
    """The series name of a meeting title: without doc-kind words, dates, numbering and markup.

    'Agenda Voortgangsoverleg inclusie en diversiteit 11 maart' and '**Verslag voortgangsoverleg
    inclusie en diversiteit**' are both 'Voortgangsoverleg inclusie en diversiteit'.
    """
    t = plain(title)
    for f in reversed(find_dates(t)):
        t = t[:f.start] + " " + t[f.end:]
    t = _DATE_ISO.sub(" ", t)
    t = re.sub(r"\b(?:d\.d\.|dd\.?|van|op|d\.?d)\s*$", " ", t.strip(), flags=re.IGNORECASE)
    t = re.sub(r"\(\s*\)", " ", t)
    prefix = re.compile(r"^\s*(?:concept[- ]?|definitieve?\s+|openbare?\s+)?(?:agenda|verslag|notulen|notule|"
                        r"besluitenlijst|besluiten|actielijst|aantekeningen|notities|uitnodiging)\b"
                        r"(?:\s+(?:en|&)\s+(?:verslag|notulen|besluitenlijst|actielijst))?"
                        r"\s*(?:[:\-–]\s*|(?:van|voor)\s+(?:de|het)\s+|van\s+)?", re.IGNORECASE)
    for _ in range(3):
        new = prefix.sub("", t)
        if new == t:
            break
        t = new
    t = re.sub(r"\s+[-–—:|]\s*(?:concept[- ]?)?(?:agenda|verslag|notulen|aantekeningen|notities|besluitenlijst)\b.*$",
               "", t, flags=re.IGNORECASE)
    t = re.sub(r"\s*\((?:concept|definitief|openbaar)\)\s*", " ", t, flags=re.IGNORECASE)
    t = re.sub(r"^(?:vergadering|bijeenkomst)\s+(?:van\s+)?(?:het\s+|de\s+)?(?=\w)", "", t,
               flags=re.IGNORECASE)  # "vergadering Dagelijks Bestuur"
    t = re.sub(r"^(?:(?:de|het)\s+)?(?:vergadering|bijeenkomst|overleg)\s+(?:van|met)\s+(?:de|het)\s+",
               "", t, flags=re.IGNORECASE)
    t = re.sub(r"\b(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag))\b", " ", t, flags=re.IGNORECASE)
    t = re.sub(r"\b(?:19|20)\d\d\b", " ", t)
    t = _WS.sub(" ", t).strip(" .,:;-–—()/")
    t = re.sub(r"\s+(?:d\.d\.?|van|op|dd)$", "", t, flags=re.IGNORECASE).strip(" .,:;-–—")
    return t[:1].upper() + t[1:] if t else t


_GENERIC_SERIES = {"vergadering", "overleg", "bijeenkomst", "agenda", "verslag", "notulen", "besluitenlijst",
                   "concept", "aantekeningen", "notities", "uitnodiging"}


def _doc_kind(texts: list[str]) -> str | None:
    joined = " ".join(texts).lower()
    if re.search(r"besluitenlijst|besluiten\s*lijst|\bbesluiten\b", joined):
        return "besluitenlijst"
    if re.search(r"\b(?:concept)?verslag\b|\bnotulen\b|\bnotule\b|\bminutes\b", joined):
        return "minutes"
    if re.search(r"\bagenda\b", joined):
        return "agenda"
    if re.search(r"\baantekeningen\b|\bnotities\b|\bgespreksnotitie\b", joined):
        return "notes"
    return None


# --------------------------------------------------------------------------- kinds and attachments

_KIND_WORDS: list[tuple[re.Pattern, ItemKind]] = [
    (re.compile(r"\bmededeling(?:en)?\b|\bactualiteit(?:en)?\b|\bter\s+informatie\b|\binformatief\b", re.I),
     "mededeling"),
    (re.compile(r"\bter\s+(?:\w+\s*/\s*)?bespreking\b|/\s*bespreking\b|\bbespreekpunt(?:en)?\b|"
                r"\bbespreekstuk(?:ken)?\b|\bter\s+discussie\b|\bter\s+advise?(?:ring|s)\b|\bter\s+consultatie\b", re.I),
     "ter bespreking"),
    (re.compile(r"\bter\s+(?:\w+\s*/\s*)?besluitvorming\b|/\s*besluitvorming\b|\bter\s+besluit\b|"
                r"\bbesluitvormend\b|\bter\s+vaststelling\b|\bter\s+goedkeuring\b|\bhamerstuk(?:ken)?\b|"
                r"\bter\s+instemming\b", re.I), "ter besluitvorming"),
    (re.compile(r"\bter\s+(?:\w+\s*/\s*)?kennisname\b|/\s*kennisname\b|\bter\s+informatie\b|\binformerend\b|"
                r"\bter\s+kennisneming\b", re.I), "ter kennisname"),
    (re.compile(r"\bactie(?:lijst|punten(?:lijst)?|s)\b|\bopenstaande\s+acties\b", re.I), "actielijst"),
]
_HINT_LINE = re.compile(r"^(?:(?:punten|stukken|onderwerpen|agendapunten)\s+)?(?:ter\s+[\w/ ]+|bespreekpunten|"
                        r"bespreekstukken|hamerstukken|besluitvormend|informerend|mededelingen|ter informatie)"
                        r"\s*:?$", re.I)
_ATTACHMENT = re.compile(r"^(?:bijlage[n]?|bijl\.|annex|bijgevoegd|stuk(?:ken)?)\b\s*(?:\d+[a-z]?)?\s*[:.\-–]?\s*\S",
                         re.I)


def kinds_in(text: str) -> list[ItemKind]:
    kinds: list[ItemKind] = []
    for rx, kind in _KIND_WORDS:
        if rx.search(text) and kind not in kinds:
            kinds.append(kind)
    return kinds


def is_hint_line(line: Line) -> bool:
    """A short line that only says what kind of item follows ('Ter bespreking', '*Ter bespreking:*')."""
    text = plain(line.content)
    return bool(text) and len(text.split()) <= 6 and bool(_HINT_LINE.match(text)) and bool(kinds_in(text))


def is_attachment_line(line: Line) -> bool:
    return bool(_ATTACHMENT.match(plain(line.content)))


def attachment_text(line: Line, source: Source) -> str:
    """'Bijlage 3: Beknopt handelingskader' as written (display form); a line that runs on into prose is
    cut at the first sentence end."""
    text = plain(display(source, line.content_start, line.end))
    m = re.search(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z])", text)
    if m and m.start() > 10:
        text = text[:m.start() + 1]
    if len(text) > 160:
        text = text[:160].rsplit(" ", 1)[0] + " ..."
    return text.rstrip(" *_")


# --------------------------------------------------------------------------- agenda items

_NUMBER = re.compile(
    r"^(?P<kw>(?:agenda\s*punt|agendapunt|punt|ad|item|nr\.?)\s*)?"
    r"(?P<num>\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?)(?P<sep>[.):]|\s*[-–—]|\s)\s*(?P<title>.*)$",
    re.IGNORECASE)
_LIST_PARENTS = re.compile(r"mededeling|actualiteit|actielijst|actiepunt|openstaande acties|ingekomen|rondvraag|"
                           r"lopende zaken|stand van zaken|terugkoppeling|update|informatie", re.I)
_TRAILING_SECTION = re.compile(r"^(?:overzicht\s+)?(?:actiepunten|actielijst|acties|besluitenlijst|genomen besluiten|"
                               r"besluiten|afspraken|actie- en besluitenlijst|besluiten- en actielijst|"
                               r"afspraken en acties)\s*:?$", re.I)
_PROSE_START = re.compile(r"^(?:we|wij|ik|je|jij|u|jullie|het|de|een|dit|dat|deze|er|zij|ze|hij|zie)\b", re.I)


@dataclass
class _Candidate:
    line: Line
    number: str
    main: int
    sub: str  # "" | ".1" | "b" | ".1.2"
    title: str
    strong: bool
    title_like: bool
    title_start: int
    title_end: int


def _candidate(line: Line, source: Source, reds: list[Redaction]) -> _Candidate | None:
    content = line.content.replace("**", "").replace("__", "") if "**" in line.content or "__" in line.content \
        else line.content
    content = content.strip()
    m = _NUMBER.match(content)
    if not m:
        return _roman_candidate(line, source, content)
    title = m.group("title").strip().strip("*_").strip()
    # "1. Onderwerp: Subsidie muziekschool" (college-besluitenlijsten): the label is not part of the title
    title = re.sub(r"^(?:onderwerp|titel|agendapunt|punt)\s*:\s*(?=\S)", "", title, flags=re.I)
    num = m.group("num").lower()
    if not title or not re.match(r"[\w\"'‘“(\[€]", title):
        return None
    if m.group("sep").strip() == "" and not m.group("kw") and "." not in num:
        # "3 Begroting" without separator: a heading, a bold line, or a short capitalised title line
        if not (line.md_level or line.bold) and not (re.match(r"[A-ZÀ-Ý]", title) and len(title.split()) <= 8
                                                     and not re.search(r"[.,;:]$", title)):
            return None
    # the number must not be (part of) a redaction mark, a date or a time
    num_pos = line.raw.find(m.group("num"))
    abs_pos = line.start + max(num_pos, 0)
    if any(r.start <= abs_pos < r.end for r in reds):
        return None
    if re.match(rf"^(?:{_MONTH_RE}|uur|u|%|procent|euro|min|minuten|jaar|jaren|keer|x|weken|dagen|maanden)(?![\w-])",
                title, re.I):
        return None
    if re.match(r"^\d", title):  # "10.30 - 11.45", "2024 - 2028"
        return None
    parts = re.match(r"(\d+)((?:\.\d+)*)([a-z]?)$", num)
    if not parts:
        return None
    main = int(parts.group(1))
    sub = parts.group(2) + parts.group(3)
    # title span in the raw line
    title_raw = title
    rel = line.raw.find(title_raw)
    if rel < 0:
        rel = line.raw.find(title_raw.split()[0])
    t_start = line.start + max(rel, 0)
    t_end = t_start + len(title_raw) if rel >= 0 else line.end
    t_end = min(t_end, line.end)
    while t_end > t_start and source.raw_text[t_end - 1] in "*_ \t":
        t_end -= 1
    strong = bool(line.md_level or line.bold or m.group("kw") or re.match(r"^\s*(?:\*\*|__)\s*\d", line.raw.lstrip("#- ")))
    words = plain(title).split()
    ends_sentence = bool(re.search(r"[.;:,!]$", title)) and not re.search(r"\(.*\.\)$|\b\w{1,5}\.$", title)
    # a heading or bold line may carry a long title ("Motie vreemd aan de orde van de dag \"...\" (partij)")
    title_like = ((len(words) <= 12 or (strong and len(words) <= 20 and not ends_sentence))
                  and not (ends_sentence and len(words) > 6)
                  and not (re.match(r"^[a-z]", title) and not m.group("kw"))
                  and not (_PROSE_START.match(title) and len(words) > 6))
    if strong and len(words) > 20:
        title_like = False
    return _Candidate(line, num, main, sub, plain(display(source, t_start, t_end)), strong, title_like, t_start, t_end)


_ROMAN = re.compile(r"^(?P<kw>(?:agenda\s*punt|agendapunt|punt|ad)\s+)?(?P<num>[IVX]{1,5})(?P<sep>[.):]|\s+[-–—])\s+"
                    r"(?P<title>[A-ZÀ-Ý\"'‘“(].*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman_value(numeral: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(numeral):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if 0 < total <= 30 else None


def _roman_candidate(line: Line, source: Source, content: str) -> _Candidate | None:
    """Associations and councils number items with Roman numerals ("III. Jaarrekening"): only as a heading,
    bold line or with a keyword, and only a well-formed numeral, so "I. de Vries" in a list is no item."""
    m = _ROMAN.match(content)
    if not m:
        return None
    title_text = m.group("title").strip().strip("*_").strip()
    marked = bool(line.md_level or line.bold or m.group("kw") or re.match(r"^\s*(?:\*\*|__)\s*[IVX]", line.raw.lstrip("#- ")))
    heading_like = len(title_text.split()) <= 8 and not re.search(r"[.,;:]$", title_text)
    if not (marked or heading_like):
        return None
    main = _roman_value(m.group("num"))
    if main is None:
        return None
    title = m.group("title").strip().strip("*_").strip()
    rel = line.raw.find(title)
    if rel < 0:
        return None
    t_start = line.start + rel
    t_end = min(t_start + len(title), line.end)
    while t_end > t_start and source.raw_text[t_end - 1] in "*_ \t":
        t_end -= 1
    words = plain(title).split()
    return _Candidate(line, m.group("num"), main, "", plain(display(source, t_start, t_end)), True,
                      len(words) <= 12, t_start, t_end)


def _select_items(cands: list[_Candidate]) -> list[_Candidate]:
    """Keep the candidates that form the agenda's numbering sequence (see module doc)."""
    chosen: list[_Candidate] = []
    last_main: int | None = None
    last_sub: dict[int, str] = {}
    strong_mains = [c.main for c in cands if c.strong and not c.sub and c.title_like]
    last_strong: dict[tuple[int, str], int] = {}
    for idx, c in enumerate(cands):
        if c.strong:
            last_strong[(c.main, c.sub)] = idx
    for idx, c in enumerate(cands):
        if not c.title_like:
            continue
        later_strong_same = last_strong.get((c.main, c.sub), -1) > idx
        if not c.sub or re.fullmatch(r"[a-z]", c.sub):
            letter = c.sub
            if last_main is None:
                ok = c.strong or c.main <= 1 or not strong_mains
                if not c.strong and strong_mains and min(strong_mains) <= c.main:
                    ok = False
            elif letter:
                ok = c.main == last_main and (letter > last_sub.get(c.main, "")) or c.main == last_main + 1
                ok = ok and (c.strong or not later_strong_same)
            elif c.strong:
                ok = c.main > last_main and (c.main - last_main <= 5 or not chosen)
            else:
                ok = c.main == last_main + 1 and not later_strong_same
            if ok:
                chosen.append(c)
                last_main = c.main
                if letter:
                    last_sub[c.main] = letter
        else:
            if c.strong and (last_main is None or c.main > last_main) and \
                    not any(o.main == c.main and not o.sub for o in cands):
                # "Agendapunt 5.1 Raadsvoorstel ...": a besluitenlijst numbered by sub-item without its parent
                # heading ("5. Bespreekstukken" left out); the first of the run opens it
                if re.fullmatch(r"\.1", c.sub) or last_main is None:
                    chosen.append(c)
                    last_main = c.main
                    last_sub[c.main] = c.sub
                continue
            if last_main is None or c.main != last_main:
                continue
            prev = last_sub.get(c.main, "")
            key = tuple(int(x) for x in c.sub.strip(".").split(".") if x.isdigit())
            prev_key = tuple(int(x) for x in prev.strip(".").split(".") if x.isdigit()) if prev else ()
            if prev_key and key <= prev_key:
                continue
            if not c.strong and not (key[:1] == ((prev_key[0] + 1),) if prev_key else key[:1] == (1,)) \
                    and not (prev_key and key[:1] == prev_key[:1]):
                continue
            chosen.append(c)
            last_sub[c.main] = c.sub
    return chosen


def _prefer_detailed_run(cands: list[_Candidate], chosen: list[_Candidate]) -> list[_Candidate]:
    """An overview list of the agenda at the top ('Agenda: 1. Opening 2. ...') followed by the items
    themselves, numbered again from 1: the second run is the meeting's items, the overview is header."""
    if len(chosen) < 2:
        return chosen
    from rapidfuzz import fuzz

    restart = next((i for i, c in enumerate(cands) if c.line.start > chosen[1].line.start and c.main <= 1
                    and not c.sub and c not in chosen), None)
    if restart is None:
        return chosen
    second = _select_items(cands[restart:])
    if len(second) < 2:
        return chosen
    first_titles = [c.title.lower() for c in chosen if c.line.start < second[0].line.start]
    same = sum(1 for c in second if any(fuzz.token_set_ratio(c.title.lower(), t) >= 85 for t in first_titles))
    return second if same >= max(2, len(second) // 2) else chosen


@dataclass
class _ItemDraft:
    number: str
    numbered: bool
    parent: str | None
    depth: int
    title: str
    line: Line
    title_start: int
    title_end: int
    end: int = 0
    own_end: int = 0
    kinds: list[ItemKind] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


def find_items(source: Source) -> tuple[list[AgendaItem], int]:
    """The agenda items of a source (without notes or body) and where the header ends.

    Returns items in document order; sub-items follow their parent. Also used for the clean agenda.
    """
    limit = body_limit(source)
    lines = split_lines(source.raw_text, 0, limit)
    reds = redactions_of(source)
    cands = []
    for k, ln in enumerate(lines):
        if ln.blank:
            continue
        c = _candidate(ln, source, reds)
        if c is None and re.fullmatch(r"(?i)(?:agenda)?punt\s+\d{1,2}[a-z]?\s*:?", plain(ln.content)):
            # "Agendapunt 3" with the title on the next line
            nxt = next((o for o in lines[k + 1:k + 3] if not o.blank), None)
            if nxt is not None and len(plain(nxt.content).split()) <= 12:
                merged = _peel(plain(ln.content).rstrip(":") + ": " + nxt.raw.strip(), ln.start)
                c = _candidate(merged, source, reds)
                if c is not None:
                    t_end = _rstrip_pos(source.raw_text, nxt.content_start, nxt.end)
                    while t_end > nxt.content_start and source.raw_text[t_end - 1] in "*_ \t":
                        t_end -= 1
                    c.line, c.title_start, c.title_end = ln, nxt.content_start, t_end
                    c.title = plain(display(source, nxt.content_start, t_end))
                    c.strong = True
        if c is not None:
            cands.append(c)
    chosen = _select_items(cands)
    chosen = _prefer_detailed_run(cands, chosen)
    if not chosen:
        table = _table_items(source, lines)
        if table:
            return table
        return _unnumbered_items(source, lines), _header_end_unnumbered(source, lines)

    by_line = {c.line.start: c for c in chosen}
    drafts: list[_ItemDraft] = []
    boundaries: list[int] = []  # section hint lines end the item before them
    section_kinds: list[ItemKind] = []
    current_top: _ItemDraft | None = None
    sub_counter: dict[str, int] = {}
    pending_hint: tuple[Line, list[ItemKind]] | None = None
    collecting: _ItemDraft | None = None
    trailing = False
    header_end = chosen[0].line.start
    for idx, ln in enumerate(lines):
        if ln.start < header_end:
            continue
        c = by_line.get(ln.start)
        if c is not None:
            if pending_hint is not None:
                section_kinds = pending_hint[1]
                boundaries.append(pending_hint[0].start)
                pending_hint = None
            parent = None
            depth = 0
            if c.sub and not re.fullmatch(r"[a-z]", c.sub):
                parent = c.number.rsplit(".", 1)[0]
                depth = c.number.count(".")
                if not any(o.number == parent for o in drafts):
                    parent, depth = None, 0  # its parent heading is not in the document: a top-level item
            d = _ItemDraft(c.number, True, parent, depth, c.title, ln, c.title_start, c.title_end)
            d.kinds = list(section_kinds)
            for k in kinds_in(c.title):
                if k not in d.kinds:
                    d.kinds.append(k)
            drafts.append(d)
            if depth == 0:
                current_top = d
            continue
        if ln.blank:
            continue
        if is_hint_line(ln):
            nxt = next((o for o in lines[idx + 1:] if not o.blank), None)
            if ln.md_level or nxt is None or nxt.start in by_line:
                pending_hint = (ln, kinds_in(plain(ln.content)))
                if nxt is None:
                    boundaries.append(ln.start)
            elif drafts:
                for k in kinds_in(plain(ln.content)):
                    if k not in drafts[-1].kinds:
                        drafts[-1].kinds.append(k)
            continue
        pending_hint = None
        if not drafts:
            continue
        if trailing:
            continue
        if (_TRAILING_SECTION.match(plain(ln.content)) and current_top is not None
                and not any(c.line.start > ln.start for c in chosen)
                and not _TRAILING_SECTION.match(current_top.title)):
            # an action/decision list after the last item ends that item, but is not an agenda item: it
            # is kept as an unnumbered sub-item of the last item, so its text stays searchable
            k = sub_counter.get(current_top.number, 0) + 1
            sub_counter[current_top.number] = k
            t_start = ln.content_start
            t_end = _rstrip_pos(source.raw_text, t_start, ln.end)
            while t_end > t_start and source.raw_text[t_end - 1] in "*_: \t":
                t_end -= 1
            d = _ItemDraft(f"{current_top.number}.{k}", False, current_top.number, current_top.depth + 1,
                           plain(display(source, t_start, t_end)), ln, t_start, t_end)
            d.kinds = kinds_in(d.title)
            drafts.append(d)
            trailing = True
            continue
        if is_attachment_line(ln):
            text = attachment_text(ln, source)
            if text.rstrip(" *_").endswith(":"):
                collecting = drafts[-1]  # "Bijlagen:" followed by a list
            else:
                drafts[-1].attachments.append(text)
            continue
        if collecting is drafts[-1] and ln.bullet:
            drafts[-1].attachments.append(plain(display(source, ln.content_start, ln.end)))
            continue
        collecting = None
        # unnumbered bold sub-items under list-like items (Mededelingen, Actielijst, ...)
        if (current_top is not None and ln.bold and (ln.bullet or not ln.md_level)
                and _LIST_PARENTS.search(current_top.title) and 0 < len(plain(ln.content).split()) <= 14
                and not is_attachment_line(ln)):
            k = sub_counter.get(current_top.number, 0) + 1
            sub_counter[current_top.number] = k
            t_start = ln.content_start
            t_end = ln.end
            while t_end > t_start and source.raw_text[t_end - 1] in "*_ \t":
                t_end -= 1
            d = _ItemDraft(f"{current_top.number}.{k}", False, current_top.number, current_top.depth + 1,
                           plain(display(source, t_start, t_end)), ln, t_start, t_end)
            drafts.append(d)
    # spans: an item runs to the next item of the same or a higher level (or a section line / body end)
    starts = [d.line.start for d in drafts]
    for i, d in enumerate(drafts):
        nxt_any = starts[i + 1] if i + 1 < len(drafts) else limit
        nxt_same = next((o.line.start for o in drafts[i + 1:] if o.depth <= d.depth), limit)
        stop_b = min((b for b in boundaries if b > d.line.start), default=limit)
        d.own_end = min(nxt_any, stop_b)
        d.end = max(min(nxt_same, stop_b), d.own_end)
    items = [
        AgendaItem(number=d.number, numbered=d.numbered, parent=d.parent, title=d.title, kinds=d.kinds,
                   attachments=d.attachments, source_id=source.id, start=d.line.start,
                   end=_rstrip_pos(source.raw_text, d.line.start, d.end), title_start=d.title_start,
                   title_end=d.title_end)
        for d in drafts
    ]
    return items, header_end


def heading_line_start(item: AgendaItem) -> int:
    """Start of the line holding the item's title (the title may sit on the line after 'Agendapunt 3')."""
    return max(item.start, min(item.title_start, item.end))


def own_ends(items: list[AgendaItem], text: str) -> dict[str, int]:
    """Per item number, where the item's own text ends: before its first sub-item (items are in
    document order, so that is the next item's start when it falls inside this item)."""
    ends: dict[str, int] = {}
    for i, item in enumerate(items):
        stop = item.end
        if i + 1 < len(items) and item.start < items[i + 1].start < stop:
            stop = items[i + 1].start
        ends[item.number] = _rstrip_pos(text, item.start, stop)
    return ends


def _rstrip_pos(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end


_HEADER_FIELD = re.compile(r"^\s*(?:\*\*)?(?:datum|tijd|aanvang|locatie|plaats|aanwezig\w*|afwezig\w*|afgemeld|"
                           r"notulist|verslag|voorzitter|secretaris|griffier|deelnemers|genodigden|te gast)\b[^:\n]{0,30}:",
                           re.I)


def _unnumbered_items(source: Source, lines: list[Line]) -> list[AgendaItem]:
    """Fallback for documents without numbered items: markdown headings below the title, or else short
    title lines that open a paragraph after the header ('Leesbevordering op basisscholen' + its text)."""
    heads = [ln for ln in lines if ln.md_level and not ln.blank and not is_hint_line(ln)]
    if len(heads) >= 3:
        title_level = heads[0].md_level
        heads = [h for h in heads[1:] if h.md_level >= title_level and not _DATE_LABEL.match(h.content)
                 and plain(h.content).lower() not in {"agenda", "verslag", "notulen", "besluitenlijst"}]
    else:
        heads = _plain_title_lines(lines)
        if len(heads) < 2:
            return []
    items = []
    limit = body_limit(source)
    for k, h in enumerate(heads):
        end = heads[k + 1].start if k + 1 < len(heads) else limit
        t_end = h.end
        while t_end > h.content_start and source.raw_text[t_end - 1] in "*_ \t":
            t_end -= 1
        items.append(AgendaItem(number=str(k + 1), numbered=False, title=plain(display(source, h.content_start, t_end)),
                                kinds=kinds_in(h.content), source_id=source.id, start=h.start,
                                end=_rstrip_pos(source.raw_text, h.start, end), title_start=h.content_start,
                                title_end=t_end))
    return items


_TABLE_NUMBER = {"nr", "nr.", "no", "no.", "nummer", "punt", "agendapunt", "#", "ap"}
_TABLE_TITLE = {"onderwerp", "agendapunt", "titel", "omschrijving", "punt", "onderwerpen", "agendaonderwerp"}
_EXPLAINS = re.compile(r"^(?:toelichting|bespreking|notities?|aantekeningen|verslag|besluit)\s+(?:bij|op|van)\s+"
                       r"(?:agenda)?punt\s+(\d{1,2}[a-z]?)\b", re.I)


def _cells(line: Line) -> list[tuple[int, int]] | None:
    """Raw spans of the cells of a table row ('| a | b |' or 'a | b | c'), or None."""
    raw = line.raw
    if raw.count("|") < 2:
        return None
    spans, pos = [], 0
    for part in raw.split("|"):
        a = pos + (len(part) - len(part.lstrip()))
        b = pos + len(part.rstrip())
        spans.append((line.start + a, line.start + max(a, b)))
        pos += len(part) + 1
    if raw.lstrip().startswith("|"):
        spans = spans[1:]
    if raw.rstrip().endswith("|"):
        spans = spans[:-1]
    return spans or None


def _table_items(source: Source, lines: list[Line]) -> tuple[list[AgendaItem], int] | None:
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
        if num_col is None or title_col is None:
            continue
        items: list[AgendaItem] = []
        last = hi
        for row in lines[hi + 1:]:
            rc = _cells(row)
            if rc is None:
                if row.blank:
                    continue
                break
            last = lines.index(row)
            if len(rc) <= max(num_col, title_col) or re.fullmatch(r"[\s:|-]*", row.raw):
                continue
            number = plain(text[rc[num_col][0]:rc[num_col][1]]).rstrip(".")
            if not re.fullmatch(r"\d{1,2}[a-z]?(?:\.\d{1,2})?", number):
                continue
            ta, tb = rc[title_col]
            title = plain(display(source, ta, tb))
            items.append(AgendaItem(number=number, numbered=True, title=title, kinds=kinds_in(title),
                                    source_id=source.id, start=row.start, end=_rstrip_pos(text, row.start, row.end),
                                    title_start=ta, title_end=tb))
        if len(items) < 2:
            continue
        # explaining sections and a closing action list after the table
        by_number = {i.number: i for i in items}
        counters: dict[str, int] = {}
        subs: list[tuple[Line, str]] = []
        for ln in lines[last + 1:]:
            content = plain(ln.content)
            m = _EXPLAINS.match(content)
            parent = m.group(1) if m and m.group(1) in by_number else None
            if parent is None and _TRAILING_SECTION.match(content):
                parent = items[-1].number
            if parent is not None and (ln.md_level or ln.bold or len(content.split()) <= 6):
                subs.append((ln, parent))
        limit = body_limit(source)
        for k, (ln, parent) in enumerate(subs):
            counters[parent] = counters.get(parent, 0) + 1
            stop = subs[k + 1][0].start if k + 1 < len(subs) else limit
            t_end = _rstrip_pos(text, ln.content_start, ln.end)
            while t_end > ln.content_start and text[t_end - 1] in "*_: \t":
                t_end -= 1
            title = plain(display(source, ln.content_start, t_end))
            items.append(AgendaItem(number=f"{parent}.{counters[parent]}", numbered=False, parent=parent, title=title,
                                    kinds=kinds_in(title), source_id=source.id, start=ln.start,
                                    end=_rstrip_pos(text, ln.start, stop), title_start=ln.content_start,
                                    title_end=t_end))
        return items, head.start
    return None


def _plain_title_lines(lines: list[Line]) -> list[Line]:
    fields = [i for i, ln in enumerate(lines[:40]) if _HEADER_FIELD.match(ln.raw)]
    agenda_line = next((i for i, ln in enumerate(lines[:40])
                        if plain(ln.content).lower().rstrip(":") in {"agenda", "agendapunten", "onderwerpen"}), None)
    begin = max([i + 1 for i in fields] + ([agenda_line + 1] if agenda_line is not None else []), default=1)
    out: list[Line] = []
    for i in range(begin, len(lines) - 1):
        ln = lines[i]
        text = plain(ln.content)
        words = text.split()
        if (ln.blank or not lines[i + 1].content.strip() or (i > 0 and not lines[i - 1].blank and i != begin)
                or not 1 <= len(words) <= 8 or re.search(r"[.,;:!?]$", text) or ":" in text
                or not re.match(r"[A-ZÀ-Ý]", text) or find_dates(text) or ln.bullet):
            continue
        out.append(ln)
    return out


def _header_end_unnumbered(source: Source, lines: list[Line]) -> int:
    items = _unnumbered_items(source, lines)
    return items[0].start if items else body_limit(source)


# --------------------------------------------------------------------------- header


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
    doc_kind: str = "unknown"


_DEADLINE_BEFORE = re.compile(r"\b(?:vóór|voor|uiterlijk|tot|na|per)\s*$", re.I)
_MEETING_WORDS = re.compile(r"\b(?:vergadering|vergaderd|overleg|bijeenkomst|d\.d\.|gehouden|verslag|notulen|agenda|zitting)\b",
                            re.I)


def _meeting_date_in_lines(lines) -> FoundDate | None:
    """The meeting's date among the first lines: a date on a line about the meeting ("Vergadering van maandag
    19-1-2026") before any other; a term ("opmerkingen graag vóór 2 februari") is never the meeting's date."""
    candidates = []
    for ln in lines:
        for d in find_dates(ln.raw, offset=ln.start):
            if _DEADLINE_BEFORE.search(ln.raw[:max(0, d.start - ln.start)]):
                continue
            candidates.append((0 if _MEETING_WORDS.search(ln.raw) else 1, len(candidates), d))
    return min(candidates, key=lambda c: c[:2])[2] if candidates else None


def parse_header(source: Source, header_end: int, *, year: int | None = None) -> Header:
    """Title, series, date, time, location, attendees and document kind from the text before item 1."""
    text = source.raw_text
    all_lines = split_lines(text, 0, header_end)
    mail = _mail_header_lines(all_lines)
    lines = [ln for ln in all_lines if not ln.blank and ln.start not in mail]
    head = Header()
    title_lines = [ln for ln in lines if (_label(ln) is None or ln.md_level or ln.bold) and not _sentence_like(ln)]
    options: list[tuple[int, str, str]] = []
    for rank, ln in enumerate(title_lines[:5]):
        candidate_title = plain(display(source, ln.content_start, ln.end)).strip(" *_")
        series = normalise_series(candidate_title)
        if (series and len(series.split()) <= 16 and not re.match(r"^(?:nb|n\.b)\b", series, re.I)
                and series.casefold() not in _GENERIC_SERIES):
            # a heading (markdown or bold) beats a plain line; a line naming the document kind
            # ("Besluitenlijst commissie ...") beats a letterhead ("Gemeente Zuidwolde"); then the first line
            score = (0 if (ln.md_level or ln.bold) else 2) + (0 if _doc_kind([candidate_title]) else 1)
            options.append((score * 10 + rank, candidate_title, series))
    if options:
        _, head.title, head.series = min(options)
        if head.series.isupper():
            head.series = head.series.title()
    head.doc_kind = (_doc_kind([head.title]) or _doc_kind([plain(ln.content) for ln in title_lines[:3]])
                     or _doc_kind([plain(ln.content) for ln in lines if ln.md_level or ln.bold])
                     or _doc_kind([re.sub(r"[_\-.]", " ", PurePath(source.filename).stem)])
                     or "unknown")

    # fields
    date_line: tuple[str, int] | None = None
    pending_list: tuple[str, str | None] | None = None
    for ln in lines:
        lab = _label(ln)
        if lab is not None and not ln.md_level:
            label, value, vstart = lab
            pending_list = None
            base = label.strip()
            if base not in _ABSENT_LABELS and re.match(r"(?:afwezig|afgemeld|verhinderd)", base):
                base = "afwezig"
            elif base not in _PRESENT_LABELS and re.match(r"aanwezig", base):
                base = "aanwezig"
            if _DATE_LABEL.match(base) and date_line is None:
                date_line = (value, vstart)
            if base in _LOCATION_LABELS and head.location is None:
                head.location = plain(display(source, vstart, ln.end)).strip() or None
            elif base in _PRESENT_LABELS or base in _ABSENT_LABELS or base in _ROLE_LABELS:
                role = "afwezig" if base in _ABSENT_LABELS else _ROLE_LABELS.get(base)
                if value.strip(" *_"):
                    head.attendees += parse_attendees(value.rstrip(), vstart, source, role=role)
                else:
                    pending_list = (base, role)
            if head.time is None and (_DATE_LABEL.match(base) or base in {"tijd", "aanvang", "tijdstip"}):
                head.time = _find_time(value)
            continue
        if pending_list is not None and (ln.bullet or len(ln.content.split()) <= 8):
            head.attendees += parse_attendees(ln.content, ln.content_start, source, role=pending_list[1])
            continue
        pending_list = None
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

    # date: the date line, else a date in the title lines, else the file name
    found: FoundDate | None = None
    if date_line is not None:
        ds = find_dates(date_line[0], offset=date_line[1])
        found = ds[0] if ds else None
    if found is None:
        found = _meeting_date_in_lines(title_lines[:4] + lines[:12])
    from_name = filename_date(source.filename)
    if found is not None:
        head.date_as_written = found.text
        if found.year is not None:
            head.date = safe_date(found.year, found.month, found.day)
        else:
            y = None
            if from_name and (from_name.month, from_name.day) == (found.month, found.day):
                y = from_name.year
            if y is None:
                y = infer_year(found.month, found.day, text[:body_limit(source)], exclude=(found.start, found.end),
                               weekday=weekday_of(found.text))
            if y is None:
                y = year
            if y is not None:
                head.date = safe_date(y, found.month, found.day)
                head.date_inferred = True
    elif from_name is not None:
        head.date = from_name
        head.date_as_written = None
    return head


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
    return (len(words) > 14 or (text.endswith(".") and len(words) >= 5) or bool(_TIME_RANGE.search(text))
            or bool(re.search(r"\d[.:]\d\d\s*uur", text)))


def _find_time(text: str) -> str | None:
    m = _TIME_RANGE.search(text)
    if m:
        return f"{int(m.group(1)):02d}.{m.group(2)} - {int(m.group(3)):02d}.{m.group(4)}"
    m = _TIME_SINGLE.search(text) or re.search(r"(?<![\d.])([0-2]?\d)[.:]([0-5]\d)\s*uur", text)
    if m:
        return f"{int(m.group(1)):02d}.{m.group(2)}"
    return None


# --------------------------------------------------------------------------- the meeting


def parse_meeting(agenda: Source, *, notes: Source | None = None, clean_agenda: Source | None = None,
                  series: str | None = None, year: int | None = None) -> Meeting:
    """Parse one meeting: header, agenda items, notes (from every available route), item bodies."""
    from ingest import notes as notes_mod

    items, header_end = find_items(agenda)
    head = parse_header(agenda, header_end if items else min(body_limit(agenda), 4000), year=year)
    if not head.title:
        stem = PurePath(agenda.filename).stem
        head.title = re.sub(r"[_]+", " ", stem)
        head.series = normalise_series(re.sub(r"^\d{4}-?\d{2}-?\d{2}[_ -]*", "", head.title).replace("-", " "))
    if series:
        head.series = series.strip()
    meeting_series = head.series or "Onbekende reeks"

    # in a verslag or besluitenlijst all text is the record of the meeting: no "notes inside prepared
    # text" to separate (comments, a notes file and a clean-agenda diff still apply)
    found = notes_mod.find_notes(agenda, items, notes=notes, clean_agenda=clean_agenda,
                                 names=[a.name for a in head.attendees if a.name],
                                 heuristics=head.doc_kind not in ("minutes", "besluitenlijst", "notes"))
    by_number = {i.number: i for i in items}
    for note in found:
        target = by_number.get(note.item or "")
        if target is not None:
            target.notes.append(note)
    ends = own_ends(items, agenda.raw_text)
    in_agenda = [n for n in found if n.source_id == agenda.id]
    for item in items:
        item.notes.sort(key=lambda n: (n.source_id != agenda.id, n.start))
        item.body = item_body(agenda, item, ends[item.number], in_agenda)

    source_ids = [agenda.id] + [s.id for s in (notes, clean_agenda) if s is not None]
    date = head.date
    return Meeting(
        id=stable_id(meeting_series.casefold(), date.isoformat() if date else None, agenda.filename),
        series=meeting_series, title=head.title or meeting_series, date=date,
        date_as_written=head.date_as_written, date_inferred=head.date_inferred, time=head.time,
        location=head.location, attendees=head.attendees, doc_kind=head.doc_kind,  # type: ignore[arg-type]
        items=items, source_ids=source_ids, header_start=0,
        header_end=_rstrip_pos(agenda.raw_text, 0, header_end if items else body_limit(agenda)),
    )


def prepared_segments(source: Source, item: AgendaItem, stop: int, notes: list | None = None, *,
                      include_heading: bool = True) -> list[tuple[int, int]]:
    """The item's own prepared text (up to `stop`, its own end) as raw spans, minus the notes in it."""
    start = item.start
    if not include_heading:
        nl = source.raw_text.find("\n", heading_line_start(item), stop)
        start = stop if nl == -1 else nl + 1
    notes = item.notes if notes is None else notes
    cuts = sorted((n.start, n.end) for n in notes if n.source_id == source.id and n.start < stop and n.end > start)
    segments: list[tuple[int, int]] = []
    pos = start
    for a, b in cuts:
        if a > pos:
            segments.append((pos, a))
        pos = max(pos, b)
    if pos < stop:
        segments.append((pos, stop))
    return [s for s in (_trim_segment(source.raw_text, a, b) for a, b in segments) if s is not None]


_EDGE_JUNK = " \t\r\n*_[]"


def _trim_segment(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Trim whitespace and markup left over where a note was cut out ('[', '](#)', '*')."""
    while True:
        old = (a, b)
        while a < b and text[a] in _EDGE_JUNK:
            a += 1
        if text.startswith("(#)", a) or text.startswith("()", a):
            a += 3 if text.startswith("(#)", a) else 2
        while b > a and text[b - 1] in _EDGE_JUNK:
            b -= 1
        if text[a:b].endswith(("-", "➤")) and len(text[a:b].strip()) <= 1:
            return None
        if (a, b) == old:
            break
    if not re.search(r"\w", text[a:b]):
        return None
    return a, b


def item_body(source: Source, item: AgendaItem, stop: int, notes: list) -> str:
    """The prepared text of an item (without its heading, its sub-items and its notes), display form."""
    if source.raw_text.find("\n", item.start, stop) == -1 and item.title_end < stop:
        # a one-line item (a table row): its body is the rest of the line
        rest = display(source, item.title_end, stop)
        return re.sub(r"\s*\|\s*", " ", rest).strip(" |*_")
    parts = [display(source, a, b) for a, b in prepared_segments(source, item, stop, notes, include_heading=False)]
    body = "\n".join(parts)
    body = re.sub(r"\[\s*\]\(#?\)", "", body)
    return re.sub(r"\n{3,}", "\n\n", body).strip()
