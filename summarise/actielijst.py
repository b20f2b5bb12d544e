"""The actielijst across meetings: open, afgerond and verlopen actions with where they came from and how
they stand, reconciled with what later meetings of the series say about them.

An action reported on in a later meeting of its series (listed again in that meeting's actielijst, or
reported done there) is not a new row: the later meeting is the evidence of its state ("afgerond",
"nieuwe deadline", "nog open"). Matching is by the action's words (rapidfuzz) within one series.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import Field

from notulist import dutch as _dutch
from notulist.models import Action, Citation, Meeting, Model
from rapidfuzz import fuzz
from summarise.actielijst_reports import find_report

RowStatus = Literal["open", "verlopen", "afgerond"]
STATUS_ORDER = {"verlopen": 0, "open": 1, "afgerond": 2}
MATCH = 80.0  # token_set_ratio at or above which a later action reports on an earlier one
_TOKEN = re.compile(r"\[gelakt[^\]]*\]")
_LABEL = re.compile(r"^(?:actie(?:punt)?|afspraak|afgesproken)\s*[:.\-–]\s*", re.I)


class ActielijstRow(Model):
    nr: int = 0
    action_id: str
    onderwerp: str
    actiehouder: str | None = None  # a name as written or a redaction token; never a guess
    deadline: dt.date | None = None
    termijn: str | None = None  # the due as written when it gives no date ("voor de zomer")
    status: RowStatus = "open"
    stand_van_zaken: str = ""
    bron: str  # "Voortgangsoverleg inclusie en diversiteit, 11 maart 2024, punt 8"
    meeting_id: str
    series: str
    meeting_date: dt.date | None = None
    item: str | None = None
    citation: Citation
    evidence: Citation | None = None  # the later meeting's quote that says how it stands
    reports: list[str] = Field(default_factory=list)  # ids of later actions that reported on this one


def _date(day: dt.date | None) -> str:
    return _dutch.dutch_date(day) if day else "datum onbekend"


def meeting_name(meeting: Meeting) -> str:
    """The meeting's title as people write it (a title in capitals is shown as its series)."""
    title = meeting.title or meeting.series
    return meeting.series if title.isupper() else title


def _where(meeting: Meeting, item: str | None) -> str:
    where = f"{meeting_name(meeting)}, {_date(meeting.date)}"
    return f"{where}, punt {item}" if item else where


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", _LABEL.sub("", _TOKEN.sub(" ", text))).strip().casefold()


def _onderwerp(action: Action) -> str:
    text = re.sub(r"\s+", " ", _LABEL.sub("", action.text)).strip()
    return text[:1].upper() + text[1:] if text else action.text


def _owner(action: Action) -> str | None:
    if action.owner_redacted and not action.owner:
        red = _TOKEN.search(action.text)
        return red.group(0) if red else "[gelakt]"
    return action.owner


def _new_row(meeting: Meeting, a: Action) -> ActielijstRow:
    row = ActielijstRow(action_id=a.id, onderwerp=_onderwerp(a), actiehouder=_owner(a), deadline=a.due_date,
                        termijn=a.due if a.due and not a.due_date else None, bron=_where(meeting, a.item),
                        meeting_id=meeting.id, series=meeting.series, meeting_date=meeting.date, item=a.item,
                        citation=a.citation)
    if a.status == "done":
        row.status = "afgerond"
        if a.done_evidence is not None:
            row.evidence = a.done_evidence
            row.stand_van_zaken = f"afgerond: \u201c{a.done_evidence.quote}\u201d"
        else:
            row.stand_van_zaken = "afgerond (afgevinkt)"
    return row


def _report(row: ActielijstRow, later_meeting: Meeting, later: Action) -> None:
    """What `later` (in a later meeting) says about the action of `row`."""
    when = f"{meeting_name(later_meeting)}, {_date(later_meeting.date)}"
    row.reports.append(later.id)
    if later.status == "done":
        row.status, row.evidence = "afgerond", later.done_evidence or later.citation
        row.stand_van_zaken = f"afgerond volgens {when}"
    elif later.due_date and later.due_date != row.deadline:
        row.deadline, row.evidence = later.due_date, later.citation
        row.stand_van_zaken = f"nieuwe deadline {_date(later.due_date)} (volgens {when})"
    elif row.status != "afgerond":
        row.evidence = later.citation
        row.stand_van_zaken = f"nog open (besproken op {when})"


def _match(rows: list[ActielijstRow], meeting: Meeting, a: Action) -> ActielijstRow | None:
    """The earlier row of the same series that action `a` reports on, if any."""
    if not (a.from_actielijst or a.status == "done"):
        return None
    words = _words(a.text)
    best, best_score = None, MATCH
    for row in rows:
        if row.series.casefold() != meeting.series.casefold() or row.meeting_id == meeting.id:
            continue
        if not (row.meeting_date and meeting.date and row.meeting_date < meeting.date):
            continue
        score = fuzz.token_set_ratio(words, _words(row.citation.quote if "[gelakt" in row.onderwerp else row.onderwerp))
        if score >= best_score:
            best, best_score = row, score
    return best


def reconcile(meetings: list[tuple[Meeting, list[Action]]]) -> list[ActielijstRow]:
    """One row per action, in meeting order; later reports folded into the earlier action's row."""
    rows: list[ActielijstRow] = []
    for meeting, actions in sorted(meetings, key=lambda x: (x[0].date is None, x[0].date or dt.date.min, x[0].id)):
        for a in actions:
            earlier = _match(rows, meeting, a)
            if earlier is not None:
                _report(earlier, meeting, a)
            else:
                rows.append(_new_row(meeting, a))
    return rows


def _reports_in_text(store, rows: list[ActielijstRow], meetings: list[Meeting]) -> None:
    """Open rows reported on in the text of a later meeting of their series (see actielijst_reports)."""
    sources: dict[str, dict] = {}
    for row in rows:
        if row.status == "afgerond" or not row.actiehouder or row.evidence is not None:
            continue
        later = sorted((m for m in meetings if m.series.casefold() == row.series.casefold() and m.date
                        and row.meeting_date and m.date > row.meeting_date), key=lambda m: m.date)
        for m in later:
            if m.id not in sources:
                sources[m.id] = store.sources_for(m)
            found = find_report(row.actiehouder, row.onderwerp, m, sources[m.id])
            if found is None:
                continue
            done, evidence = found
            when = f"{meeting_name(m)}, {_date(m.date)}"
            row.evidence = evidence
            row.status = "afgerond" if done else row.status
            row.stand_van_zaken = f"afgerond volgens {when}" if done else f"nog open (besproken op {when})"
            break


def actielijst(store, *, series: str | None = None, owner: str | None = None, status: RowStatus | None = None,
               allowed_series: list[str] | None = None, today: dt.date | None = None) -> list[ActielijstRow]:
    """The actielijst across the stored meetings, filtered and sorted (verlopen, open, afgerond; then deadline)."""
    today = today or dt.date.today()
    allowed = {s.casefold() for s in allowed_series} if allowed_series else None
    meetings = [m for m in store.list_meetings(series)
                if (allowed is None or m.series.casefold() in allowed)
                and (series is None or m.series.casefold() == series.casefold())]
    pairs = []
    for m in meetings:
        extraction = store.get_extraction(m.id)
        if extraction is not None:
            pairs.append((m, extraction.actions))
    rows = reconcile(pairs)
    _reports_in_text(store, rows, [m for m, _ in pairs])
    for row in rows:
        if row.status == "open" and row.deadline and row.deadline < today:
            row.status = "verlopen"
    if owner:
        rows = [r for r in rows if r.actiehouder and owner.casefold() in r.actiehouder.casefold()]
    if status == "open":
        rows = [r for r in rows if r.status in ("open", "verlopen")]
    elif status:
        rows = [r for r in rows if r.status == status]
    rows.sort(key=lambda r: (STATUS_ORDER[r.status], r.deadline is None, r.deadline or dt.date.max,
                             r.meeting_date or dt.date.max, r.item or ""))
    for n, row in enumerate(rows, 1):
        row.nr = n
    return rows
