"""The verslag as a structured document: what the secretary edits and what Markdown and Word are made from.

Every statement drawn from the sources keeps its `Citation` (an exact span of a stored source); a line
the secretary writes herself has none. Besluiten and acties are rows she can add, remove and change.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from notulist.models import Citation, Model

StatementKind = Literal["gevraagd", "besproken", "besluit", "actie", "doorgeschoven"]
RowStatus = Literal["open", "afgerond", "vervallen"]


class VerslagStatement(Model):
    kind: StatementKind
    text: str  # the sentence as it stands in the verslag (display form: redactions as tokens)
    citation: Citation | None = None  # None: written by the secretary
    subpoint: str | None = None  # the sub-point of the item it belongs to (a bullet of the item), if any


class VerslagSection(Model):
    """One agenda item: its account as sentences, or the secretary's own text once she edited it."""

    item: str
    title: str
    statements: list[VerslagStatement] = Field(default_factory=list)
    notes: int = 0  # how many notes from the meeting the item has (0: "Geen aantekeningen uit de vergadering.")
    edited_text: str | None = None  # set when the secretary rewrote the account


class DecisionRow(Model):
    text: str
    item: str | None = None
    citation: Citation | None = None


class ActionRow(Model):
    text: str
    owner: str | None = None  # a name as written, or a redaction token; never a guessed name
    deadline: dt.date | None = None
    due: str | None = None  # as written ("morgen", "voor de zomer") when no date is known
    status: RowStatus = "open"
    item: str | None = None
    earlier: bool = False  # an open action listed in a prepared actielijst of an earlier meeting
    action_id: str | None = None  # the stored action it came from
    citation: Citation | None = None


class PostponedRow(Model):
    item: str
    subject: str  # the item, or the sub-point of the item, that was postponed
    followup: str | None = None  # where it comes back ("18 maart 2024, punt 3")
    citation: Citation | None = None


class VerslagDocument(Model):
    meeting_id: str
    title: str
    series: str
    meeting_title: str = ""
    date: dt.date | None = None
    when: str = "onbekend"
    location: str = "—"
    present: str = "—"
    minute_takers: str = "—"
    sections: list[VerslagSection] = Field(default_factory=list)
    decisions: list[DecisionRow] = Field(default_factory=list)
    actions: list[ActionRow] = Field(default_factory=list)
    postponed: list[PostponedRow] = Field(default_factory=list)
