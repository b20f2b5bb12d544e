"""The concept agenda of a series' next meeting: the date where the last meeting names it, the standing
items as this series has them, the open actielijst, and the postponed items with where they came from.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import Field

from notulist import dutch as _dutch
from notulist.models import Citation, Meeting, Model
from summarise.actielijst import ActielijstRow, actielijst, meeting_name
from ingest.threads import find_threads
from notulist.errors import NotFoundError
from summarise.dates import next_meeting_date
from summarise.verslag import postponed_subject

_OPENING = re.compile(r"^(?:opening|welkom|vaststell\w* (?:van )?(?:de )?agenda|agenda)\b", re.I)
_MINUTES = re.compile(r"^(?:(?:vaststell\w*|goedkeur\w*)\s+(?:van\s+)?(?:het\s+|de\s+)?)?(?:verslag|notulen)\b", re.I)
_ANNOUNCE = re.compile(r"^(?:mededeling\w*|actualiteit\w*|ingekomen)", re.I)
_CLOSING = re.compile(r"^(?:rondvraag|w\.?v\.?t\.?t\.?k|sluiting|afsluiting)\b", re.I)
_ACTIONS = re.compile(r"^(?:actielijst|actiepunten)\b", re.I)
_DEFAULT_START = ["Opening", "Verslag vorige vergadering"]
_DEFAULT_END = ["Rondvraag", "Sluiting"]


class PostponedEntry(Model):
    title: str
    origin: str  # "Voortgangsoverleg inclusie en diversiteit, 11 maart 2024, punt 7"
    citation: Citation


class NextAgenda(Model):
    series: str
    date: dt.date | None = None
    date_source: str | None = None  # where the date comes from
    previous: str | None = None  # the last meeting ("2 oktober 2025")
    start_items: list[str] = Field(default_factory=list)
    end_items: list[str] = Field(default_factory=list)
    actions: list[ActielijstRow] = Field(default_factory=list)
    postponed: list[PostponedEntry] = Field(default_factory=list)


def _clean(title: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[*_#]", "", title)).strip().rstrip(".:")


def _standing(meetings: list[Meeting]) -> tuple[list[str], list[str]]:
    """Standing items as the series writes them (the latest wording), opening side and closing side."""
    start: dict[str, str] = {}
    end: dict[str, str] = {}
    for m in meetings:  # oldest first: later wording wins
        for item in m.items:
            if item.parent:
                continue
            title = _clean(item.title)
            for key, rx, target in (("opening", _OPENING, start), ("verslag", _MINUTES, start),
                                    ("mededelingen", _ANNOUNCE, start), ("rondvraag", re.compile(r"^(?:rondvraag|w\.?v)", re.I), end),
                                    ("sluiting", re.compile(r"^(?:sluiting|afsluiting)", re.I), end)):
                if rx.match(title) and len(title.split()) <= 6:
                    target[key] = re.sub(r"\s+\d{1,2}[- ]\w+(?:[- ]\d{2,4})?$", "", title)  # drop a date
    if not start and not end:
        return list(_DEFAULT_START), list(_DEFAULT_END)
    order_s = [start[k] for k in ("opening", "verslag", "mededelingen") if k in start]
    order_e = [end[k] for k in ("rondvraag", "sluiting") if k in end]
    return order_s, order_e


def _next_date(store, last: Meeting) -> tuple[dt.date | None, str | None]:
    for source in store.sources_for(last).values():
        found = next_meeting_date(source.raw_text, last.date)
        if found:
            return found, f"genoemd in het verslag van {_dutch.dutch_date(last.date)}" if last.date else "genoemd"
    return None, None


def _postponed(store, meetings: list[Meeting]) -> list[PostponedEntry]:
    """Postponed items of the series that no later meeting took up again (by title, ingest.threads)."""
    threads = find_threads(meetings)
    dates = {m.id: m.date for m in meetings}
    out: list[PostponedEntry] = []
    for m in meetings:
        extraction = store.get_extraction(m.id)
        for p in extraction.postponed if extraction else []:
            top = p.item.split(".")[0]
            later = [mid for t in threads if any(e == (m.id, p.item) or e == (m.id, top) for e in t.items)
                     for mid, _ in t.items if dates.get(mid) and m.date and dates[mid] > m.date]
            if later:
                continue
            item = m.item(p.item)
            title = _clean(item.title) if item else (p.item_title or p.text)
            subject = postponed_subject(m, store.sources_for(m), p.citation, p.item)
            if subject:
                title = f"{title}: {subject}"
            where = f"{meeting_name(m)}, {_dutch.dutch_date(m.date) if m.date else 'datum onbekend'}, punt {p.item}"
            out.append(PostponedEntry(title=title, origin=where, citation=p.citation))
    return out


def next_agenda(store, series: str, *, today: dt.date | None = None) -> NextAgenda:
    """The concept agenda of the next meeting of `series` (NotFoundError when the series has no meetings)."""
    meetings = [m for m in store.list_meetings(series) if m.series.casefold() == series.casefold()]
    if not meetings:
        raise NotFoundError(f"Geen vergaderingen in de reeks '{series}'.")
    meetings.sort(key=lambda m: (m.date is None, m.date or dt.date.min, m.id))
    last = meetings[-1]
    start, end = _standing(meetings)
    date, where = _next_date(store, last)
    return NextAgenda(series=meetings[-1].series, date=date, date_source=where,
                      previous=_dutch.dutch_date(last.date) if last.date else None, start_items=start, end_items=end,
                      actions=actielijst(store, series=last.series, status="open", today=today),
                      postponed=_postponed(store, meetings))


def render_markdown(agenda: NextAgenda) -> str:
    when = _dutch.dutch_date(agenda.date) if agenda.date else "nog te bepalen"
    out = [f"# Agenda {agenda.series}", "",
           "**Concept** — opgesteld door Notulist uit de vorige vergaderingen; vul aan en controleer het.", "",
           f"- **Datum:** {when}" + (f" ({agenda.date_source})" if agenda.date_source else ""),
           f"- **Vorige vergadering:** {agenda.previous or 'onbekend'}", "", "## Agenda", ""]
    n = 0
    for title in agenda.start_items:
        n += 1
        label = f"{title} ({agenda.previous})" if _MINUTES.match(title) and agenda.previous else title
        out.append(f"{n}. {label}")
    n += 1
    out.append(f"{n}. Actielijst ({len(agenda.actions)} open)")
    for p in agenda.postponed:
        n += 1
        out.append(f"{n}. {p.title} — doorgeschoven uit {p.origin}")
    for title in agenda.end_items:
        n += 1
        out.append(f"{n}. {title}")
    out += ["", "## Actielijst", ""]
    if agenda.actions:
        out += ["| Nr | Onderwerp | Actiehouder | Deadline | Status | Bron |", "|---|---|---|---|---|---|"]
        for r in agenda.actions:
            deadline = _dutch.dutch_date(r.deadline) if r.deadline else (r.termijn or "—")
            cells = [str(r.nr), r.onderwerp, r.actiehouder or "—", deadline, r.status, r.bron]
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    else:
        out.append("Geen open acties.")
    out.append("")
    return "\n".join(out)
