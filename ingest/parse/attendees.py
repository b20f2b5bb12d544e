"""Attendance lists: present, absent, guests, with roles and organisations."""

from __future__ import annotations

import re

from ingest.parse.lines import WHITESPACE, Line, redactions_of
from notulist.models import Attendee, Source


TIME_RANGE = re.compile(r"(?<![\d.])([0-2]?\d)[.:]([0-5]\d)\s*(?:uur|u\.?)?\s*(?:[-–—]|tot)\s*([0-2]?\d)[.:]([0-5]\d)"
                         r"(?![\d])")
TIME_SINGLE = re.compile(r"(?:aanvang|om|vanaf|start|tijd)\s*:?\s*([0-2]?\d)[.:]([0-5]\d)\s*(?:uur|u\b)?",
                          re.IGNORECASE)
_FIELD = re.compile(r"^\s*(?P<label>[A-Za-zÀ-ÿ][\w .()/-]{1,40}?)\s*:\s*(?P<value>.*)$")
# LOCAL Dutch words (not in notulist/nl yet; listed in the issue-12 INGEST report):
# header field labels (locatie, aanwezig, afwezig, notulist, ...) and role words
# mapped to the role recorded; the lexicon's `roles` is a set of role nouns without that mapping
LOCATION_LABELS = {"locatie", "plaats", "waar", "vergaderlocatie", "vergaderplaats", "ruimte", "zaal", "adres"}
PRESENT_LABELS = {"aanwezig", "aanwezigen", "deelnemers", "present", "aanwezig zijn", "genodigden", "attendees",
                  "participants"}
ABSENT_LABELS = {"afwezig", "afwezigen", "afgemeld", "met kennisgeving afwezig", "afmeldingen", "absent",
                  "verhinderd", "zonder kennisgeving afwezig"}
ROLE_LABELS = {"notulist": "verslag", "notulen": "verslag", "verslag": "verslag", "verslaglegging": "verslag",
                "notulant": "verslag", "voorzitter": "voorzitter", "secretaris": "secretaris",
                "griffier": "griffier", "penningmeester": "penningmeester", "gast": "gast", "gasten": "gast",
                "te gast": "gast", "agendalid": "gast"}
_ROLE_WORDS = {"voorzitter": "voorzitter", "vz": "voorzitter", "vz.": "voorzitter", "verslag": "verslag",
               "notulist": "verslag", "notulen": "verslag", "notulant": "verslag", "secretaris": "secretaris",
               "griffier": "griffier", "penningmeester": "penningmeester", "afwezig": "afwezig", "gast": "gast",
               "lid": "lid", "wethouder": "wethouder", "burgemeester": "burgemeester", "directeur": "directeur",
               "plv. voorzitter": "plv. voorzitter", "vicevoorzitter": "vicevoorzitter", "adviseur": "adviseur"}


def field_label(line: Line) -> tuple[str, str, int] | None:
    """(label, value, raw offset of value) for a 'Label: value' line, label lower-cased and un-bolded."""
    text = line.raw
    m = re.match(r"^\s*(?:[-•*]\s+)?(?:\*\*|__)?\s*(?P<label>[A-Za-zÀ-ÿ][\w .()/-]{0,40}?)\s*(?:\*\*|__)?\s*:"
                 r"\s*(?:\*\*|__)?\s*(?P<value>.*)$", text)
    if not m:
        return None
    label = m.group("label").strip().lower().strip("*_ ")
    if re.search(r"\d$", label) and re.match(r"\d\d", m.group("value")):
        return None  # "Agenda Gemeenteraad 22 april 2024 20:00": a time, not a label
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
    reader = _AttendeeReader(value, value_start, _mask(value, reds, value_start), reds)
    for a, b in _split_people(reader.masked):
        reader.add(a, b, role)
    for person in reader.people:
        person.as_written = _balanced(person.as_written) or person.as_written
    return reader.people


def _split_people(masked: str) -> list[tuple[int, int]]:
    """Spans of the people in a list: split on commas/semicolons/" en "/" & " outside parentheses."""
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
    return parts


def _balanced(as_written: str) -> str:
    """The written form without tags and without unbalanced parentheses."""
    shown = re.sub(r"</?\w+>", " ", as_written)
    shown = re.sub(r"\s+", " ", shown).strip()
    if shown.count(")") > shown.count("("):
        shown = shown.replace(")", "", shown.count(")") - shown.count("(")).strip()
    if shown.count("(") > shown.count(")"):
        shown = shown.replace("(", "", shown.count("(") - shown.count(")")).strip()
    return shown


_NOBODY = {"geen", "niemand", "n.v.t", "nvt", "-", "allen", "iedereen"}


class _AttendeeReader:
    """Reads the people of one attendance value; `masked` is the value with redaction marks as NUL."""

    def __init__(self, value: str, value_start: int, masked: str, reds: list[tuple[int, int]]):
        self.value, self.value_start, self.masked, self.reds = value, value_start, masked, reds
        self.people: list[Attendee] = []

    def add(self, a: int, b: int, default_role: str | None) -> None:
        """The person (or people) written in value[a:b]."""
        value = self.value
        written = value[a:b].strip(" \t.")
        core_masked = self.masked[a:b]
        if not written.strip("() "):
            return
        this_role, name_part, inner_people = self.paren_role(core_masked, a, default_role)
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
        n_start = a + (len(core_masked) - len(core_masked.lstrip()))
        marks = [(ra, rb) for ra, rb in self.reds
                 if self.value_start + a <= ra < self.value_start + a + len(name_part)]
        leftover = re.sub(r"\x00+", "", name_part.replace(")", " ").replace("(", " ")).strip(" .,-")
        if inner_people or this_role != default_role:
            written = value[n_start:a + len(name_part)].strip(" \t.(")
            if this_role != default_role and not inner_people:
                written = value[a:b].strip(" \t.")
        if marks and leftover and not re.search(r"\b[A-Z][a-zà-ÿ]", leftover):
            # "secretaris-directeur 5.1.2.e": a function and a redacted name; the function is the role
            this_role = this_role or leftover.lower()
            leftover = ""
        if marks and not leftover:
            self.redacted(marks, a + len(core_masked), this_role, default_role, written)
        elif leftover and leftover.lower() not in _NOBODY:
            leftover = re.sub(r"^(?:de\s+)?leden\s+", "", leftover)
            self.people.append(Attendee(name=WHITESPACE.sub(" ", leftover), redacted=False, role=this_role,
                                        as_written=written))
        for ia, ib in inner_people:
            self.add(ia, ib, default_role)

    def paren_role(self, core_masked: str, a: int,
                   default_role: str | None) -> tuple[str | None, str, list[tuple[int, int]]]:
        """(role, the name part, people inside the parentheses) from a trailing '(...)'."""
        paren = re.search(r"\(([^()]*)\)\s*$", core_masked.strip())
        if not paren:
            return default_role, core_masked, []
        this_role = default_role
        inner = paren.group(1).strip().lower()
        first_role = re.match(r"^([\w.]+)\s*,", inner)
        if first_role and first_role.group(1) in _ROLE_WORDS:  # "(voorzitter, directeur)"
            inner = first_role.group(1)
        rel = core_masked.rfind("(")
        if inner in _ROLE_WORDS:
            return _ROLE_WORDS[inner], core_masked[:rel], []
        if "\x00" in inner or (inner.split() and inner.split()[-1] in _ROLE_WORDS
                               and re.search(r"\b[A-Z][a-z]", paren.group(1))):
            # "(5.1, 2, e verslag)": another person inside the parentheses
            return this_role, core_masked[:rel], [(a + rel + 1, a + core_masked.rfind(")"))]
        # "(VVD)", "(punt 3 en 4)": an affiliation; "(ambtelijk secretaris)": a role
        role_word = next((w for w in re.findall(r"[\w.]+", inner) if w in _ROLE_WORDS), None)
        return (_ROLE_WORDS[role_word] if role_word else this_role), core_masked[:rel], []

    def redacted(self, marks: list[tuple[int, int]], core_end: int, this_role: str | None,
                 default_role: str | None, written: str) -> None:
        """One redacted person per mark; several marks run together ("5.1, 2, e<sup>5.1, 2, e</sup>
        verslag)") are one person each, and the role belongs to the last one."""
        vs = self.value_start
        for k, (ra, rb) in enumerate(marks):
            last = k == len(marks) - 1
            shown = self.value[ra - vs:rb - vs] if not last else self.value[ra - vs:core_end].strip(" \t.")
            self.people.append(Attendee(name=None, redacted=True, role=this_role if last else default_role,
                                        as_written=shown if len(marks) > 1 else written))
