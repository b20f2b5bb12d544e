"""The rule engine's types: what a clause is analysed as (`Clause`), who owns it (`Owner`), what it records
(`Hit`), and the analysis modes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

# "record": notes, minutes (decisions, actions, postponed); "actielijst": a prepared list of open actions;
# "prepared": agenda text (only announced actions "X zal ...")
Mode = Literal["record", "actielijst", "prepared"]
HitKind = Literal["decision", "action", "postponed"]
OwnerKind = Literal["name", "team", "redacted", "pronoun", "generic", "none"]


@dataclass(frozen=True)
class Owner:
    kind: OwnerKind
    text: str | None = None  # the owner as written (article stripped), for kind name
    co: str | None = None  # "samen met X"


@dataclass(frozen=True)
class Hit:
    """One thing a clause records."""

    kind: HitKind
    owner: Owner = field(default_factory=lambda: Owner("none"))
    cue: str = ""
    strong: bool = False  # labelled ("Actie:", "Besluit:") or otherwise unambiguous
    label_end: int = 0  # where the text after a label starts (for the display text)


@dataclass(frozen=True)
class Clause:
    """A clause prepared for the detectors: quotations blanked, its label and action tag found, whether
    it reads as a postponement (in record mode), and the hit an action tag gives."""

    raw: str  # the clause, stripped
    text: str  # quotations blanked
    mode: Mode
    label: re.Match[str] | None
    tag: re.Match[str] | None
    postponed: bool
    tag_hits: tuple[Hit, ...] = ()

    @property
    def label_name(self) -> str:
        return self.label.group("label").lower() if self.label else ""
