"""Notes as sentences of a verslag: labels taken off, "Peter is akkoord" said in full, a capital and a full stop.

The wording rules are data (summarise/data/verslag_zinnen.json). The result is the display text of a
statement; its citation stays the exact span of the note it was made from.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from notulist.models import Source
from ingest.parse.lines import display as raw_display

DATA = Path(__file__).resolve().parent / "data" / "verslag_zinnen.json"


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pattern: str
    template: str


class Wording(BaseModel):
    """The wording rules of summarise/data/verslag_zinnen.json."""

    model_config = ConfigDict(extra="ignore")
    labels: list[str]
    agree: list[_Rule]
    question_objects: list[str]
    object_fallback: str
    postponed: list[str]
    postponed_item: str
    postponed_subpoint: str
    speaker: _Rule
    question_lead: list[str]


@lru_cache(maxsize=1)
def wording() -> Wording:
    return Wording.model_validate(json.loads(DATA.read_text(encoding="utf-8")))


def display(source: Source, start: int, end: int) -> str:
    """raw_text[start:end] for people: redactions as their tokens (from the recorded spans), Markdown
    emphasis, link syntax and list bullets removed, on one line."""
    return display_plain(raw_display(source, start, end))


def display_plain(text: str) -> str:
    """Display text without Markdown debris (emphasis, link syntax, a leading bullet), on one line."""
    text = re.sub(r"</?sup>", "", text)
    text = re.sub(r"\[([^\]]*)\]\(#?[^)]*\)", r"\1", text)
    text = re.sub(r"(?<!\w)[*_]{1,2}|[*_]{1,2}(?!\w)", "", text)
    text = re.sub(r"^\s*(?:[-*•➤]\s+|#+\s*)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def strip_label(text: str) -> str:
    """'Besluit: we vragen ...' -> 'we vragen ...' (the verslag says which kind a line is itself)."""
    labels = "|".join(re.escape(x) for x in wording().labels)
    return re.sub(rf"^(?:{labels})\s*[:.\-–]\s*", "", text, flags=re.I).strip() or text


def finish(text: str) -> str:
    """A capital at the start and a full stop at the end (unless it ends as a question or in a bracket)."""
    text = text.strip().rstrip(",;:")
    if not text:
        return text
    if text[0].islower():
        text = text[0].upper() + text[1:]
    if not re.search(r"[.!?…)\]]$", text):
        text += "."
    return text


def is_postponed_note(text: str) -> bool:
    return any(re.match(p, text.strip(), re.I) for p in wording().postponed)


def question_object(questions: list[str], title: str) -> str:
    """What the item asked to agree to: "Kan jij je vinden in de beschreven aanpak?" -> "de beschreven aanpak"."""
    for q in questions:
        for pattern in wording().question_objects:
            m = re.match(pattern, q.strip(), re.I)
            if m:
                return m.group("object")
    return wording().object_fallback.format(title=title)


def is_question_lead(text: str) -> bool:
    return text.rstrip().endswith("?") or any(re.match(p, text, re.I) for p in wording().question_lead)


def as_sentence(text: str, *, questions: list[str], title: str, speakers: frozenset[str] = frozenset()) -> str:
    """One note sentence (display form) as a sentence of the verslag; "X: ..." is a remark of X only when
    X is one of the `speakers` (the attendees) or a redaction token."""
    text = strip_label(text)
    for rule in wording().agree:
        m = re.match(rule.pattern, text, re.I)
        if m:
            who = m.groupdict().get("who") or ""
            return finish(rule.template.format(who=who, object=question_object(questions, title)))
    m = re.match(wording().speaker.pattern, text)
    if m and (m.group("who") in speakers or m.group("who").startswith("[gelakt")):
        return finish(wording().speaker.template.format(who=m.group("who"), rest=m.group("rest")))
    return finish(text)
