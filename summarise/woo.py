"""A Woo publication copy of a verslag: names proposed for redaction, the secretary's choices, the copy.

Under the Woo (art. 5.1 lid 2 sub e) the names of ordinary staff and private persons are redacted in a
published document; the names of the chair and of publicly accountable office holders (wethouder,
gedeputeerde, burgemeester, directeur, ...) are not. Notulist finds the person names in the verslag and
*proposes*; nothing is redacted until the secretary has chosen, name by name ("lakken" or "niet lakken").

A name is found when it is a meeting attendee or action owner, follows an honorific ("mevrouw Jansen"),
carries a particle ("Sanne de Vries"), is followed by a role in brackets ("Sanne Jansen (adviseur)") or
is the subject of a verb of speech or action ("Kees meldt ..."). It is **not proposed** (shown with the
reason) when the text or the attendee list gives it an office (`office_words` in `data/woo.json`), or when
the meeting's own source was already Woo-redacted and left the name standing (the source's assessor
judged it public). Text that is already redacted (`[gelakt 5.1.2e]`, raw marks) is never touched, so a
Woo copy never un-redacts anything.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from ingest.redactions import display_text, find_redactions
from notulist.models import Meeting, Source, stable_id
from notulist.nl import lexicon

GROUND = "5.1.2e"
TOKEN = f"[gelakt {GROUND}]"
_DATA = Path(__file__).with_name("data") / "woo.json"
_TOKEN = re.compile(r"\[gelakt[^\]]*\]")
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:[-'][{_UPPER}]?[{_LOWER}]+)*"

Choice = Literal["lakken", "niet lakken"]
Proposal = Literal["lakken", "niet lakken"]


class NameCandidate(BaseModel):
    id: str
    name: str
    occurrences: int
    proposal: Proposal  # what Notulist proposes
    reason: str  # why, in Dutch
    choice: Choice | None = None  # the secretary's choice; None = not yet assessed
    context: str = ""  # the first place it occurs, for the secretary


class WooCopy(BaseModel):
    meeting_id: str
    markdown: str
    redacted: list[str] = Field(default_factory=list)  # names redacted on the secretary's choice
    grounds: dict[str, int] = Field(default_factory=dict)  # ground -> number of marks in the copy
    open_names: list[str] = Field(default_factory=list)  # names not yet assessed
    concept: bool = False


@lru_cache(maxsize=1)
def woo_data() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    data = woo_data()
    particles = _alternation(data["particles"])
    full = rf"{_WORD}(?:\s+(?:(?:{particles})\s+)?{_WORD})*"
    with_particle = rf"{_WORD}\s+(?:{particles})\s+{_WORD}"
    return {
        "honorific": re.compile(rf"(?<!\w)(?i:{_alternation(data['honorifics'])})\s+(?P<name>{full})"),
        "particle": re.compile(rf"(?<![\w-])(?P<name>{with_particle})(?![\w-])"),
        "role": re.compile(rf"(?<![\w-])(?P<name>{_WORD}(?:\s+{_WORD})?)\s*\((?P<role>[^()\n]{{2,60}})\)"),
        "verb": re.compile(rf"(?<![\w-])(?P<name>{_WORD}(?:\s+{_WORD})?)\s+(?:{_alternation(data['person_verbs'])})\b"),
        "office": re.compile(rf"(?i:{_alternation(data['office_words'])})"),
        "titled": re.compile(rf"(?<!\w)(?i:{_alternation(data['office_words'])})\s+(?P<name>{_WORD}(?:\s+(?:(?:{particles})\s+)?{_WORD})?)"),
    }


def _sentence_start(text: str, pos: int) -> bool:
    before = re.sub(r"(?:\[\^\w+\]|[ \t*_>\"“(])+$", "", text[max(0, pos - 200):pos])  # footnote marks too
    return not before or before[-1] in ".!?:\n|-•"


def _plausible(name: str) -> bool:
    """A person name, not a capitalised ordinary word, an acronym or a redaction token."""
    not_names = set(woo_data()["not_names"])
    honorifics = {h.casefold() for h in woo_data()["honorifics"]}
    words = name.split()
    if not words or words[0] in not_names or words[0].casefold() in honorifics or any(w.isupper() and len(w) > 1 for w in words):
        return False
    return not _patterns()["office"].fullmatch(name.casefold())


def _found_in_text(text: str) -> set[str]:
    names: set[str] = set()
    for kind in ("honorific", "particle", "role", "titled"):
        for m in _patterns()[kind].finditer(text):
            if kind == "role" and not _patterns()["office"].search(m.group("role")) and not _role_is_person(m.group("role")):
                continue
            names.add(m.group("name"))
    for m in _patterns()["verb"].finditer(text):
        if not _sentence_start(text, m.start("name")) or len(m.group("name").split()) == 2:
            names.add(m.group("name"))
    return {n for n in names if _plausible(n)}


def _role_is_person(role: str) -> bool:
    """'(adviseur O&S)', '(notulist)', '(verslag)': a bracketed function word marks the name before it;
    '(bijlage 3)' or '(2024)' does not."""
    words = role.strip().split()
    if not words or len(words) > 4:
        return False
    first = words[0].casefold().strip(",.;:")
    lex = lexicon()
    return (first in lex.roles or first in woo_data()["person_roles"]
            or any(first.endswith(suffix) for suffix in lex.role_suffixes))


def _known_persons(meeting: Meeting, owners: list[str]) -> set[str]:
    names = {a.name for a in meeting.attendees if a.name and not a.redacted}
    names |= {o for o in owners if o and re.fullmatch(rf"{_WORD}(?:\s+\S+){{0,3}}", o)}
    return {n.strip() for n in names if _plausible(n.strip())}


def _office_reason(name: str, texts: list[str], meeting: Meeting) -> str | None:
    """Why `name` is the chair or an office holder, from the attendee list or the words around it."""
    office = _patterns()["office"]
    for a in meeting.attendees:
        if a.name and a.name.casefold() == name.casefold() and a.role and office.search(a.role):
            return f"{a.role} volgens de presentielijst"
    near = re.compile(rf"(?P<before>(?i:{office.pattern})(?:\s+\S+){{0,2}})\s+{re.escape(name)}(?!\w)"
                      rf"|{re.escape(name)}\s*(?:\(|,\s*)(?P<after>(?i:{office.pattern}))")
    for text in texts:
        m = near.search(text)
        if m:
            word = office.search(m.group("before") or m.group("after")).group(0).lower()
            return f"ambtsdrager ({word})"
    return None


def _assessed_public(name: str, sources: dict[str, Source]) -> bool:
    """The name stands unredacted in a source that was itself Woo-redacted (its assessor left it public)."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return any(s.redactions and pattern.search(s.raw_text) for s in sources.values())


def _occurrences(name: str, text: str) -> list[re.Match]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    return [m for m in pattern.finditer(text) if not any(a <= m.start() < b for a, b in tokens)]


def candidate_id(meeting_id: str, name: str) -> str:
    return stable_id(meeting_id, name.casefold(), length=10)


def find_candidates(markdown: str, meeting: Meeting, sources: dict[str, Source], owners: list[str],
                    choices: dict[str, Choice] | None = None) -> list[NameCandidate]:
    """Every person name in the verslag, with Notulist's proposal and the secretary's stored choice."""
    choices = choices or {}
    texts = [markdown] + [s.raw_text for s in sources.values()]
    names = {n for n in _known_persons(meeting, owners) | _found_in_text(markdown) if _occurrences(n, markdown)}
    names |= {part for n in names for part in _parts(n) if _occurrences(part, markdown)}
    names = {n for n in names if _standalone(n, names, markdown)}
    found = []
    for name in sorted(names, key=lambda n: (markdown.find(n), n)):
        hits = _occurrences(name, markdown)
        reason = _office_reason(name, texts, meeting) or _whole_office(name, names, texts, meeting)
        if reason:
            proposal, why = "niet lakken", f"niet voorgesteld: {reason}"
        elif _assessed_public(name, sources):
            proposal, why = "niet lakken", "niet voorgesteld: staat ongelakt in de al Woo-gelakte bron"
        else:
            proposal, why = "lakken", f"voorgesteld: persoonsnaam, geen ambtsdrager ({GROUND} Woo)"
        cid = candidate_id(meeting.id, name)
        start = hits[0].start()
        context = re.sub(r"\s+", " ", markdown[max(0, start - 40):start + len(name) + 40]).strip()
        found.append(NameCandidate(id=cid, name=name, occurrences=len(hits), proposal=proposal, reason=why,
                                   choice=choices.get(cid), context=context))
    return found


def _standalone(name: str, names: set[str], text: str) -> bool:
    """The name occurs at least once outside the occurrences of a longer name ('Vries' in 'Sanne de Vries')."""
    covered = [(m.start(), m.end()) for other in names if len(other) > len(name) and name in other
               for m in _occurrences(other, text)]
    return any(not any(a <= m.start() < b for a, b in covered) for m in _occurrences(name, text))


def _parts(name: str) -> list[str]:
    """'Sanne de Vries' -> 'Sanne' and 'De Vries'/'de Vries' occurrences count as the same person."""
    words = name.split()
    if len(words) < 2:
        return []
    return [words[0], " ".join(words[1:])] if len(words[0]) > 2 else [" ".join(words[1:])]


def _whole_office(name: str, names: set[str], texts: list[str], meeting: Meeting) -> str | None:
    """A part ('Jansen') of a full name that holds an office ('wethouder Kees Jansen') holds it too."""
    for full in names:
        if full != name and name in _parts(full):
            reason = _office_reason(full, texts, meeting)
            if reason:
                return reason
    return None


def marks_as_tokens(text: str) -> str:
    """Raw Woo marks typed into the verslag ("5.1, 2, e") shown as their tokens; tokens stay as they are."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    marks = [r for r in find_redactions(text) if not any(a <= r.start < b for a, b in tokens)]
    return display_text(text, marks)


def apply_choices(markdown: str, candidates: list[NameCandidate], *, concept: bool = False,
                  meeting_id: str = "") -> WooCopy:
    """The Woo copy: each name the secretary chose to redact replaced by `[gelakt 5.1.2e]`; nothing else."""
    redact = sorted({c.name for c in candidates if c.choice == "lakken"}, key=len, reverse=True)
    text = marks_as_tokens(markdown)
    for name in redact:
        hits = _occurrences(name, text)
        for m in reversed(hits):
            text = text[:m.start()] + TOKEN + text[m.end():]
    grounds = Counter(m.group(0)[len("[gelakt"):-1].strip() for m in _TOKEN.finditer(text))
    open_names = [c.name for c in candidates if c.choice is None]
    return WooCopy(meeting_id=meeting_id, markdown=text, redacted=redact, grounds=dict(grounds),
                   open_names=open_names, concept=concept or bool(open_names))


def grounds_section(copy: WooCopy) -> str:
    """The list of grounds used, in Dutch, for the end of the copy."""
    descriptions = woo_data()["grounds"]
    lines = ["## Gebruikte lakgronden", ""]
    if not copy.grounds:
        lines.append("Er is niets gelakt.")
    for ground, count in sorted(copy.grounds.items()):
        what = descriptions.get(ground, f"grond {ground}") if ground else "gelakt in de bron, grond niet vermeld"
        lines.append(f"- [gelakt{' ' + ground if ground else ''}] ({count}×): {what}")
    return "\n".join(lines) + "\n"


def publication_markdown(copy: WooCopy) -> str:
    """The Woo copy as one Markdown document: a heading note, the redacted verslag, the grounds list."""
    note = ("> **Woo-publicatieversie.** Persoonsgegevens zijn gelakt waar de secretaris daarvoor koos; "
            "de gronden staan onderaan.")
    if copy.concept:
        note += f"\n>\n> **Concept:** nog niet beoordeeld: {', '.join(copy.open_names) or '—'}."
    return f"{note}\n\n{copy.markdown.rstrip()}\n\n{grounds_section(copy)}"
