"""Decisions, actions and postponed items from a parsed meeting (rule engine; optional LLM pass).

Where things are looked for depends on what the document is:
- minutes / besluitenlijst / notes: the whole text of every item is a record of the meeting;
- a prepared agenda: only the notes written during the meeting (`AgendaItem.notes`) record decisions and
  postponements; the prepared text can only announce actions ("X zal ...") and an Actielijst item lists
  the open actions of earlier meetings ("Peter zou ... Komt hierop terug.").
Every item is cited by an exact span of its source.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from notulist.grounding import is_exact_span
from notulist.text import cell_spans
from notulist.models import (
    Action,
    AgendaItem,
    Citation,
    Decision,
    Extraction,
    Meeting,
    Postponed,
    Redaction,
    Source,
    stable_id,
)
from summarise import rules
from summarise.dates import find_due, next_meeting_date, refers_to_next_meeting

log = logging.getLogger("notulist.summarise")

_GLUED_MARK = re.compile(r"(?<![\w.])5\.1,\s?[12],\s?[a-i€](?=[a-zà-ÿ]{3,})")
_ACTIELIJST = re.compile(r"\bactie(?:lijst|punten(?:lijst)?|s)\b|\bopenstaande\s+acties\b|\bafsprakenlijst\b", re.I)
_RECORD_WORDS = re.compile(r"\b(?:concept)?verslag\b|\bnotulen\b|\bbesluitenlijst\b|\bbesluiten\b|\baantekeningen\b|"
                           r"\bnotities\b|\bminutes\b", re.I)
_TEAM = re.compile(r"\b(?:[Hh]et|[Oo]ns|[Oo]nze)\s+(Bureau|Team|Programma|Programmateam|Projectteam|Secretariaat|Bestuur|"
                   r"Werkgroep|Kernteam|Projectgroep|Afdeling|Directie|Redactie|Stuurgroep)\b")
_STOP = set("""aan alle alleen als andere bij daar dat de deze die dit doen door een eens en er het hier hij hoe
hun iets in is je kan komt maar meer met na naar niet nog nu of om onze ook op over per samen te tot uit van
veel voor wat we wel wie wij worden zal ze zich zijn zoals zou agenda vergadering overleg stuk punt punten
gesprek volgende komende week morgen terug regelen zorgen proberen bespreken""".split())


# --------------------------------------------------------------------------- document context


@dataclass
class _Ctx:
    meeting: Meeting
    sources: dict[str, Source]
    team: str | None
    redactions: dict[str, list[Redaction]] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    postponed: list[Postponed] = field(default_factory=list)
    table_actions: set[str] = field(default_factory=set)  # ids of actions read from an action table
    next_meeting: dt.date | None = None  # "Volgende vergadering: 13 mei" written in the document
    holders: dict[str, str] = field(default_factory=dict)  # role -> "role Name" where the document names one
    initials: dict[str, str] = field(default_factory=dict)  # "KB" -> "Karim Benali" where the document says so
    people: set[str] = field(default_factory=set)  # words of the attendees' names (a person is no event)

    def reds(self, source: Source) -> list[Redaction]:
        if source.id not in self.redactions:
            reds = list(source.redactions)
            if not reds:
                try:
                    from ingest.redactions import find_redactions

                    reds = find_redactions(source.raw_text)
                except ImportError:  # pragma: no cover - the ingest package is part of the project
                    reds = []
            self.redactions[source.id] = sorted(reds, key=lambda r: r.start)
        return self.redactions[source.id]


def is_record_document(meeting: Meeting, agenda: Source) -> bool:
    """True for minutes, besluitenlijsten and plain notes: their text is what happened at the meeting."""
    if meeting.doc_kind in ("minutes", "besluitenlijst", "notes"):
        return True
    first_line = next((ln for ln in agenda.raw_text.splitlines() if ln.strip()), "")
    if _RECORD_WORDS.search(meeting.title) or _RECORD_WORDS.search(first_line):
        return True  # "Kernteam ... - aantekeningen overleg", "Verslag ...": whatever headings follow
    if meeting.doc_kind == "agenda":
        return False
    head = agenda.raw_text[: max(meeting.header_end, 300)][:1500]
    if _RECORD_WORDS.search(head):
        return True
    if re.search(r"\bagenda\b", head, re.I):
        return False
    return not any(item.notes for item in meeting.items)


def team_name(sources: dict[str, Source]) -> str | None:
    """The unit the writers call themselves ("het Bureau", "ons Team"), so that "wij" gets a name."""
    counts = Counter(m.group(1) for s in sources.values() for m in _TEAM.finditer(s.raw_text))
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return name if n >= 2 else None


_INITIALS = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:van|de|der|den|ter|ten|von|[A-Z][\w'’-]+)){1,4})"
                       r"(?:\s*,\s*[^,;()\n]{1,40}?)?\s*\((?P<ini>[A-Z][A-Za-z]{0,3})(?:\s*,\s*[^()\n]{1,40})?\)")


def initials_map(sources: dict[str, Source]) -> dict[str, str]:
    """Initials the document introduces ("Karim Benali (KB)", "Joop van Dam, voorzitter (JvD)") -> the name,
    so that an action noted as "... opstellen (KB)" gets a person as owner. Only initials that fit the name
    (first and last capital) and that stand for one name."""
    found: dict[str, set[str]] = {}
    for source in sources.values():
        for m in _INITIALS.finditer(source.raw_text):
            name, ini = m.group("name"), m.group("ini")
            capitals = [w[0] for w in name.split() if w[0].isupper()]
            if len(ini) < 2 or ini[0] != name[0] or ini[-1] != capitals[-1]:
                continue
            found.setdefault(ini, set()).add(name)
    return {ini: next(iter(names)) for ini, names in found.items() if len(names) == 1}


def _top(meeting: Meeting, item: AgendaItem) -> AgendaItem:
    seen = set()
    while item.parent and item.parent not in seen:
        seen.add(item.parent)
        parent = meeting.item(item.parent)
        if parent is None:
            break
        item = parent
    return item


def _chain(meeting: Meeting, item: AgendaItem) -> list[AgendaItem]:
    chain = [item]
    while chain[-1].parent and len(chain) < 6:
        parent = meeting.item(chain[-1].parent)
        if parent is None:
            break
        chain.append(parent)
    return chain


def _own_region(meeting: Meeting, item: AgendaItem) -> tuple[int, int]:
    """The item's own text: after its heading, up to the next item (its first sub-item included)."""
    later = [i.start for i in meeting.items if i.source_id == item.source_id and i.start > item.start]
    end = min([item.end] + later)
    start = max(item.title_end, item.start)
    return start, max(start, end)


def _minus(lo: int, hi: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], lo
    for a, b in sorted(cuts):
        if b <= pos or a >= hi:
            continue
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < hi:
        out.append((pos, hi))
    return out


# --------------------------------------------------------------------------- building the models


def _norm(ctx: _Ctx, source: Source, s: int, e: int) -> str:
    """The clause with redaction marks as one placeholder word, for the rules."""
    out, pos = [], s
    for r in ctx.reds(source):
        if r.end <= s or r.start >= e:
            continue
        a, b = max(r.start, s), min(r.end, e)
        out.append(source.raw_text[pos:a])
        out.append(f" {rules.RED} ")
        pos = b
    out.append(source.raw_text[pos:e])
    text = "".join(out)
    # a mark glued to the next word ("5.1, 2, ezorgt voor"): still a redacted person, not a word
    text = _GLUED_MARK.sub(f" {rules.RED} ", text)
    return re.sub(r"\s+", " ", text).strip()


def _display(ctx: _Ctx, source: Source, s: int, e: int) -> str:
    try:
        from ingest.redactions import display_text

        text = display_text(source.raw_text[s:e], ctx.reds(source), offset=s)
    except ImportError:  # pragma: no cover
        text = source.raw_text[s:e]
    text = re.sub(r"\[([^\]]*)\]\(#?\)", r"\1", text)
    text = re.sub(r"(?<!\w)[*_]{1,2}|[*_]{1,2}(?!\w)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _citation(ctx: _Ctx, source: Source, s: int, e: int, top: AgendaItem | None) -> Citation:
    m = ctx.meeting
    return Citation(meeting_id=m.id, date=m.date, item=top.number if top else None,
                    item_title=top.title if top else None, quote=source.raw_text[s:e], source_id=source.id,
                    start=s, end=e)


def _owner_string(ctx: _Ctx, owner: rules.Owner, prev_owner: tuple[str | None, bool] | None) -> tuple[str | None, bool]:
    """(owner, owner_redacted). A redacted person is never named; "wij" is the writers' team."""
    if owner.kind == "redacted":
        return None, True
    if owner.kind == "team":
        name = f"{ctx.team} (wij)" if ctx.team else "wij"
    elif owner.kind == "name" and owner.text in ctx.initials:
        name = ctx.initials[owner.text]
    elif owner.kind == "name":
        name = _named_holder(ctx, owner.text) if owner.text else owner.text
    elif owner.kind == "pronoun" and prev_owner is not None:
        return prev_owner
    else:
        return None, False
    if name and owner.co:
        co = owner.co
        if rules.RED in co:
            co = None  # a redacted co-owner is not spelled out
        if co:
            name = f"{name} samen met {co}"
    return name, False


def _named_holder(ctx: _Ctx, role: str) -> str:
    """"De wethouder zegt toe ..." where the document elsewhere writes "wethouder De Vries" (and no other
    wethouder): the owner is that person in that role. A role held by several named people stays a role."""
    if " " in role.strip() or not rules.is_role(role):
        return role
    cache = ctx.holders
    key = role.casefold()
    if key not in cache:
        pattern = re.compile(r"\b" + re.escape(role) + r"\s+((?:(?:van|de|der|den|ter|ten|von)\s+)*[A-Z][\w'’-]+)",
                             re.IGNORECASE)
        names: dict[str, str] = {}  # "De Vries" and "de Vries" are one person
        for src in ctx.sources.values():
            for m in pattern.finditer(src.raw_text):
                last = m.group(1).split()[-1]
                if last[:1].isupper() and not rules.is_role(last) and last.lower() not in rules.FUNCTION_WORDS:
                    names.setdefault(m.group(1).casefold(), m.group(1))
        cache[key] = f"{role} {next(iter(names.values()))}" if len(names) == 1 else role
    return cache[key]


def _event_words(text: str, owner: str | None) -> set[str]:
    owner_words = {w.lower() for w in re.findall(r"\w+", owner or "")}
    return {w for w in (x.lower() for x in re.findall(r"[A-Za-zÀ-ÿ]{6,}", text))
            if w not in _STOP and w not in owner_words and not w.endswith("en") and w != rules.RED.lower()}


def _due_for(ctx: _Ctx, norm: str, owner: str | None, contexts: list[str]) -> tuple[str | None, dt.date | None]:
    """The due date written in the clause, else the date of the event it is about (same item)."""
    ref = ctx.meeting.date
    found = find_due(norm, ref)
    if found:
        if found.date is None and refers_to_next_meeting(found.as_written):
            return found.as_written, ctx.next_meeting
        return found.as_written, found.date
    words = _event_words(norm, owner) - ctx.people  # "regelt een account voor Marloes": a person is no event
    if not words or ref is None:
        return None, None
    for text in contexts:
        low = text.lower()
        if not any(re.search(r"\b" + re.escape(w) + r"\b", low) for w in words):
            continue
        match = find_due(text, ref)
        if match and match.date and match.date >= ref and re.search(r"\d", match.as_written):
            return re.sub(r"^(?:op|per|tot|voor|vóór|uiterlijk)\s+", "", match.as_written, flags=re.I), match.date
    return _before_named_event(ctx, norm)


# "vóór de ALV", "voor de raadsvergadering": a term set by a meeting the document dates elsewhere
_BEFORE_EVENT = re.compile(r"\b(?:vóór|voor|uiterlijk\s+(?:op|bij)?)\s+de\s+(?P<event>[A-Z]{2,5}(?:-vergadering)?|[a-z]*(?:vergadering|"
                           r"bijeenkomst|zitting|ledenvergadering|raad))\b")


def _before_named_event(ctx: _Ctx, norm: str) -> tuple[str | None, dt.date | None]:
    """The date of the event a term names ("vóór de ALV"), where the document gives one date for it on or after
    the meeting ("De ALV is op donderdag 10 april 2025")."""
    m = _BEFORE_EVENT.search(norm)
    if m is None or ctx.meeting.date is None or not ctx.meeting.source_ids:
        return None, None
    event = m.group("event")
    source = ctx.sources.get(ctx.meeting.source_ids[0])
    if source is None:
        return None, None
    dates = set()
    for s, e in rules.split_clauses(source.raw_text, 0, len(source.raw_text)):
        clause = source.raw_text[s:e]
        if not re.search(r"\b" + re.escape(event) + r"\b", clause, re.I if event.islower() else 0):
            continue
        found = find_due(clause, ctx.meeting.date)
        if found and found.date and found.date >= ctx.meeting.date and re.search(r"\d", found.as_written):
            dates.add(found.date)
    return (m.group(0), dates.pop()) if len(dates) == 1 else (None, None)


# --------------------------------------------------------------------------- tables

# Column names of action / decision tables, checked in this order ("Actiehouder" is the owner, not the action).
_HEADER_ROLES = [
    ("owner", re.compile(r"\b(?:wie|actiehouder|actienemer|eigenaar|verantwoordelijke?|trekker|uitvoerder|houder|door)\b", re.I)),
    ("due", re.compile(r"\b(?:wanneer|deadline|datum|termijn|gereed|uiterlijk|planning|streefdatum|einddatum|klaar|tijdpad)\b", re.I)),
    ("status", re.compile(r"\b(?:status|stand(?:\s+van\s+zaken)?|voortgang)\b", re.I)),
    ("decision", re.compile(r"\b(?:besluit(?:en)?|conclusie|uitkomst|advies)\b", re.I)),
    ("action", re.compile(r"\b(?:actie(?:punt)?s?|omschrijving|wat|taak|taken|afspraak|afspraken|to\s?do|toezegging(?:en)?)\b", re.I)),
    ("item", re.compile(r"^(?:agendapunt|agenda\s*punt|punt|ap)$", re.I)),  # "Nr" numbers the rows, not items
]
# a row that says the action comes from an earlier meeting
_EARLIER_ACTION = re.compile(r"\buit\s+(?:het\s+|de\s+)?(?:overleg|vergadering|bijeenkomst|verslag)\b|\b(?:vorige|eerdere?)\s+"
                             r"(?:overleg(?:gen)?|vergadering(?:en)?|bijeenkomst(?:en)?|keer)\b", re.I)
_DONE_STATUS = re.compile(r"\b(?:afgerond|gereed|gedaan|klaar|done|voltooid|afgehandeld|vervalt|vervallen)\b|✓|✔", re.I)


def _cells(raw: str, s: int, e: int) -> list[tuple[int, int]]:
    return cell_spans(raw, s, e, plain_columns=True)


_WIDE_GAP = re.compile(r"\S {2,}(?=\S)")  # columns of a plain-text table ("24-09  Gesprek met ...  Henk  z.s.m.")


def _table_rows(raw: str, lo: int, hi: int) -> list[list[tuple[int, int]]]:
    """Consecutive table lines (markdown pipes or tabs) of raw[lo:hi], each as one line span."""
    tables, current = [], []
    for m in re.finditer(r"[^\n]+", raw[lo:hi]):
        line = m.group(0)
        if line.count("|") >= 2 or line.count("\t") >= 2 or len(_WIDE_GAP.findall(line.strip())) >= 2:
            current.append((lo + m.start(), lo + m.end()))
        else:
            if current:
                tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _header_roles(raw: str, cells: list[tuple[int, int]]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for idx, (a, b) in enumerate(cells):
        text = re.sub(r"[*_:]", "", raw[a:b]).strip()
        if len(text) > 40:
            continue  # a header cell is a short label
        for role, rx in _HEADER_ROLES:
            if rx.search(text) and role not in roles:
                roles[role] = idx
                break
    return roles


def _is_early_item(meeting: Meeting, item: AgendaItem) -> bool:
    """An item with at least two agenda items after it (not a list that closes the minutes)."""
    tops = [i for i in meeting.items if not i.parent and i.source_id == item.source_id]
    top = _top(meeting, item)
    return top in tops and tops.index(top) < len(tops) - 2


def _row_names_item(ctx: _Ctx, raw: str, cells: list[tuple[int, int]]) -> AgendaItem | None:
    """A row that starts with an agenda item's number and names that item ("| 5 | OTO-jaarplan 2025 | ...")
    belongs to that item, also where the column is headed "Nr"; the title check keeps row numbers apart."""
    from rapidfuzz import fuzz

    if len(cells) < 2:
        return None
    number = raw[cells[0][0]:cells[0][1]].strip().rstrip(".")
    candidate = ctx.meeting.item(number) if re.fullmatch(r"\d{1,2}[a-z]?", number) else None
    if candidate is None or not candidate.title:
        return None
    named = raw[cells[1][0]:cells[1][1]]
    return candidate if fuzz.token_set_ratio(named.lower(), candidate.title.lower()) >= 80 else None


def _trim_span(raw: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and raw[s] in " \t\r\n|;,":
        s += 1
    while e > s and raw[e - 1] in " \t\r\n|;,":
        e -= 1
    return (s, e) if e - s >= 3 else None


# a closing list of actions or commitments written as lines with columns ("- Offertes opvragen - Ruud - 1 april",
# "T25-01  Overzicht zienswijzen   heemraad Scheper   12-02-2025"): the same as an action table without header
_LIST_HEADING = re.compile(r"^\W*(?:overzicht\s+(?:van\s+)?|lijst\s+(?:van\s+)?)?(?:de\s+)?(?:actiepunten|actielijst|acties|"
                           r"toezeggingen|afspraken|actie-\s*en\s+besluitenlijst|besluiten-\s*en\s+actielijst)\b"
                           r"[^\n.]{0,30}$", re.I)
_COL_SEP = re.compile(r"\s+[-–—]\s+|\s*\t\s*|\s{2,}")
_COLON_ROW = re.compile(r"^\s*(?:\*\*)?(?P<who>[^:\n]{2,40}?)(?:\*\*)?\s*:\s+(?P<task>\S.*)$")
_ROW_CODE = re.compile(r"^[A-Z]{0,4}[-.]?\d[\w./-]*$")


def _list_table_rows(raw: str, lo: int, hi: int, in_list: bool) -> list[tuple[int, int]]:
    rows: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", raw[lo:hi]):
        line = m.group(0)
        if _LIST_HEADING.match(line.strip().strip("*#_ ")):
            in_list = True
            continue
        if not in_list:
            continue
        body = re.sub(r"^\s*(?:[-*•▪]\s+|\d{1,2}[.)]\s+)", "", line)
        if len(_COL_SEP.findall(body.strip())) >= 2 or _COLON_ROW.match(body):
            rows.append((lo + m.start(), lo + m.end()))
        elif re.search(r"\w", line) and not re.match(r"\s*[-*•▪]\s", line):
            in_list = False  # prose after the list; a bullet in another shape stays inside it
    return rows


def _process_list_rows(ctx: _Ctx, source: Source, rows: list[tuple[int, int]], item: AgendaItem | None,
                       from_actielijst: bool) -> None:
    raw = source.raw_text
    top = _top(ctx.meeting, item) if item else None
    for s, e in rows:
        s0 = s + len(raw[s:e]) - len(raw[s:e].lstrip())
        lead = re.match(r"(?:[-*•▪]\s+|\d{1,2}[.)]\s+)", raw[s0:e])
        b = s0 + (lead.end() if lead else 0)
        cells, pos = [], b
        for sep in _COL_SEP.finditer(raw[b:e].rstrip()):
            cells.append((pos, b + sep.start()))
            pos = b + sep.end()
        cells.append((pos, b + len(raw[b:e].rstrip())))
        colon = _COLON_ROW.match(raw[b:e])
        if len(cells) < 2 and colon:  # "Secretaris-directeur: communicatieplan voor omwonenden (week 4)."
            who_text = re.sub(r"(?i)^(?:actie(?:punt)?|to\s?-?do)\s+", "", _norm(ctx, source, b + colon.start("who"),
                                                                             b + colon.end("who")))
            who = rules.classify_np(who_text)  # "Actie TW: ...": TW, not "Actie TW"
            if who.kind not in ("name", "redacted"):
                continue
            task = (b + colon.start("task"), b + len(raw[b:e].rstrip()))
            match = find_due(raw[task[0]:task[1]], ctx.meeting.date)
            span = (s0, task[1])
            ctx.table_actions.add(stable_id(ctx.meeting.id, "action", *span))
            ctx.actions.append(Action(
                id=stable_id(ctx.meeting.id, "action", *span), meeting_id=ctx.meeting.id,
                item=top.number if top else None, text=_display(ctx, source, *task),
                owner=_owner_string(ctx, who, None)[0], owner_redacted=who.kind == "redacted",
                due=match.as_written if match else None, due_date=match.date if match else None,
                from_actielijst=from_actielijst, citation=_citation(ctx, source, *span, top)))
            continue
        cells = [c for c in cells if c[1] > c[0]]
        if cells and _ROW_CODE.match(raw[cells[0][0]:cells[0][1]].strip()):
            cells = cells[1:]  # a row number or code ("T25-01") before the task
        if len(cells) < 2:
            continue
        owner, redacted, due, due_date = None, False, None, None
        for a, z in cells[1:]:
            text = raw[a:z].strip()
            match = find_due(text, ctx.meeting.date)
            if due is None and (match is not None or re.search(r"(?i)\b(?:volgende|z\.?s\.?m|week|doorlopend)\b", text)):
                due, due_date = text, (match.date if match else None)
                continue
            if owner is None and not redacted:
                inner = re.search(r"\(([^)]{2,40})\)", text)
                who = _norm(ctx, source, a, z)
                parsed = rules.classify_np(inner.group(1)) if inner else rules.Owner("none")
                if parsed.kind != "name":
                    parsed = rules.classify_np(who)
                if parsed.kind == "redacted":
                    redacted = True
                elif parsed.kind == "team":
                    owner = f"{ctx.team} (wij)" if ctx.team else "wij"
                elif parsed.kind == "name":
                    owner = parsed.text
        if owner is None and not redacted:
            continue  # no column names who does it: not an action row
        c = cells[0]
        span = (s0, cells[-1][1])
        ctx.table_actions.add(stable_id(ctx.meeting.id, "action", *span))
        ctx.actions.append(Action(
            id=stable_id(ctx.meeting.id, "action", *span), meeting_id=ctx.meeting.id,
            item=top.number if top else None, text=_display(ctx, source, *c), owner=owner, owner_redacted=redacted,
            due=due, due_date=due_date, from_actielijst=from_actielijst, citation=_citation(ctx, source, *span, top)))


# the state of an earlier action, one per line: "- Offertes schimmelbehandeling (Bas): pas één offerte binnen."
_STATUS_ROW = re.compile(r"^[ \t]*[-*•▪][ \t]+(?P<task>[^():\n]{3,80}?)[ \t]*\((?P<who>[^()\n]{2,30})\)[ \t]*:[ \t]*(?P<status>[^\n]+)$",
                         re.M)
_STILL_OPEN = re.compile(r"\b(?:loopt|lopend|open|doorlopend|schuift\s+door|doorgeschoven|nog\s+niet|pas\s+\w+|volgt|in\s+behandeling|"
                         r"uitgesteld|vertraagd)\b", re.I)
_DONE_NOW = re.compile(r"^\W*(?:gereed|afgerond|klaar|gedaan|besteld|verstuurd|geregeld|verzonden|uitgevoerd|afgehandeld|"
                       r"vervallen|done)\b", re.I)


def _process_status_rows(ctx: _Ctx, source: Source, lo: int, hi: int, item: AgendaItem | None,
                         skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An earlier action reported on: still open ("loopt", "schuift door naar 1 juli") it stays an action of
    its owner, with the new term; reported done ("gereed", "besteld op 5 juni") it is no action now.
    Returns the spans of the status lines (read here, not again as clauses)."""
    raw = source.raw_text
    top = _top(ctx.meeting, item) if item else None
    spans = []
    for m in _STATUS_ROW.finditer(raw[lo:hi]):
        s, e = lo + m.start(), lo + m.end()
        if any(a <= s < b for a, b in skip):
            continue
        spans.append((s, e))
        status = m.group("status")
        who = rules.classify_np(_norm(ctx, source, lo + m.start("who"), lo + m.end("who")))
        if who.kind not in ("name", "redacted") or _DONE_NOW.match(status) or not _STILL_OPEN.search(status):
            continue
        s0 = lo + m.start("task")
        match = find_due(status, ctx.meeting.date)
        owner, redacted = _owner_string(ctx, who, None)
        ctx.actions.append(Action(
            id=stable_id(ctx.meeting.id, "action", s0, e), meeting_id=ctx.meeting.id,
            item=top.number if top else None, text=_display(ctx, source, s0, lo + m.end("task")),
            owner=owner, owner_redacted=redacted, due=match.as_written if match else None,
            due_date=match.date if match else None, from_actielijst=True, citation=_citation(ctx, source, s0, e, top)))
    return spans


def _process_table(ctx: _Ctx, source: Source, rows: list[tuple[int, int]], item: AgendaItem | None,
                   mode: str, from_actielijst: bool) -> bool:
    """Read an action or decision table; False when it is not one (its text is then read as clauses)."""
    raw = source.raw_text
    header = _header_roles(raw, _cells(raw, *rows[0]))
    if not ({"action", "decision"} & set(header)):
        return False
    heading = raw[max(0, raw.rfind("\n", 0, max(0, rows[0][0] - 2)) + 1):rows[0][0]]  # the line(s) right above
    for s, e in rows[1:]:
        if re.fullmatch(r"[\s|:\-+\t]*", raw[s:e]):
            continue  # markdown separator row
        cells = _cells(raw, s, e)

        def cell(role: str) -> tuple[int, int] | None:
            idx = header.get(role)
            return cells[idx] if idx is not None and idx < len(cells) and cells[idx][1] > cells[idx][0] else None

        row_item = item
        if (c := cell("item")) is not None:
            number = raw[c[0]:c[1]].strip().rstrip(".")
            row_item = ctx.meeting.item(number) or item
        else:
            row_item = _row_names_item(ctx, raw, cells) or item
        top = _top(ctx.meeting, row_item) if row_item else None
        span = (cells[0][0], cells[-1][1]) if cells else (s, e)
        if "decision" in header and (c := cell("decision")) is not None and mode == "record":
            if re.fullmatch(r"[\s\-–—]*", raw[c[0]:c[1]]):
                continue
            # a Besluit cell often goes on with who carries it out ("Portefeuillehouder X informeert ... uiterlijk
            # 25 februari"): those clauses are actions, the clauses before them the decision
            n_actions, n_decisions, n_postponed = len(ctx.actions), len(ctx.decisions), len(ctx.postponed)
            _process_region(ctx, source, c[0], c[1], row_item, "record", from_actielijst, [])
            del ctx.decisions[n_decisions:]
            cell_text = raw[c[0]:c[1]]
            if len(ctx.postponed) > n_postponed and not rules.cue("decision").search(cell_text):
                continue  # "Aangehouden tot het overleg van 8 mei": the item is postponed, nothing is decided
            new_actions = ctx.actions[n_actions:]
            dec_span = span
            if new_actions:
                first = min(a.citation.start for a in new_actions)
                cut = _trim_span(raw, c[0], first)
                if cut is None:
                    continue
                dec_span = cut
            ctx.decisions.append(Decision(
                id=stable_id(ctx.meeting.id, "decision", *dec_span), meeting_id=ctx.meeting.id,
                item=top.number if top else None, text=_display(ctx, source, *(dec_span if new_actions else c)),
                citation=_citation(ctx, source, *dec_span, top)))
            continue
        if "action" not in header or (c := cell("action")) is None:
            continue
        status_cell = cell("status")
        done = bool(status_cell and _DONE_STATUS.search(raw[status_cell[0]:status_cell[1]])
                    and not rules.says_not_done(raw[status_cell[0]:status_cell[1]]))
        if done and mode != "record":
            continue  # a prepared actielijst lists what is still open
        owner, redacted = None, False
        if (oc := cell("owner")) is not None:
            who = _norm(ctx, source, *oc)
            parsed = rules.classify_np(who)
            if parsed.kind == "redacted" or who.strip() == rules.RED:
                redacted = True
            elif parsed.kind == "team":
                owner = f"{ctx.team} (wij)" if ctx.team else "wij"
            elif who.strip(" -–—") and rules.RED not in who:
                owner = rules._strip_article(who)
            elif rules.RED in who:
                named = [w for w in re.split(r"\s*(?:,|/|\ben\b|&)\s*", who) if w.strip() and rules.RED not in w]
                owner = ", ".join(named) or None
                redacted = not named
        due, due_date = None, None
        if (dc := cell("due")) is not None:
            written = raw[dc[0]:dc[1]].strip()
            if written and not re.fullmatch(r"[\-–—?]*|n\.?v\.?t\.?|z\.s\.m\.?", written, re.I):
                due = written
                match = find_due(written, ctx.meeting.date)
                due_date = match.date if match else None
                if due_date is None and refers_to_next_meeting(written):
                    due_date = ctx.next_meeting
        # an agenda item that goes through the previous meeting's actions ("Opening en actielijst"), not a
        # closing "Actielijst" of this meeting's own actions
        reviewing = item is not None and bool(re.search(r"\bactie(?:lijst|punten|s)\b", item.title or "", re.I)) and (
            bool(re.sub(r"(?i)\b(?:de|het|van|en)\b|\bactie(?:lijst|punten|s)\b|\W", "", item.title or ""))
            or _is_early_item(ctx.meeting, item))
        if done and (_EARLIER_ACTION.search(raw[s:e]) or _EARLIER_ACTION.search(heading) or reviewing):
            continue  # "(uit overleg 13 maart) ... gereed": an earlier meeting's action, reported done
        ctx.table_actions.add(stable_id(ctx.meeting.id, "action", *span))
        ctx.actions.append(Action(
            id=stable_id(ctx.meeting.id, "action", *span), meeting_id=ctx.meeting.id,
            item=top.number if top else None, text=_display(ctx, source, *c), owner=owner, owner_redacted=redacted,
            due=due, due_date=due_date, status="done" if done else "open", from_actielijst=from_actielijst,
            citation=_citation(ctx, source, *span, top)))
    return True


# --------------------------------------------------------------------------- clauses


def _process_region(ctx: _Ctx, source: Source, lo: int, hi: int, item: AgendaItem | None, mode: str,
                    from_actielijst: bool, contexts: list[str]) -> None:
    raw = source.raw_text
    # a row of a table whose rows are the agenda items ("| 3 | Baggerprogramma | Het DB stelt ... vast |") has
    # no header of its own: its cells are read as text
    tables = [rows for rows in _table_rows(raw, lo, hi) if _process_table(ctx, source, rows, item, mode, from_actielijst)]
    cuts = [(r[0][0], r[-1][1]) for r in tables]
    if mode != "prepared":
        in_list = bool(item is not None and (_LIST_HEADING.match((item.title or "").strip())))
        cuts += _process_status_rows(ctx, source, lo, hi, item, cuts)
        list_rows = [r for r in _list_table_rows(raw, lo, hi, in_list) if not any(a <= r[0] < b for a, b in cuts)]
        _process_list_rows(ctx, source, list_rows, item, from_actielijst)
        cuts += list_rows
    segments = _minus(lo, hi, sorted(cuts))
    top = _top(ctx.meeting, item) if item else None
    last_hit: tuple[str, object] | None = None  # ("action", Action) / ("decision", Decision)
    last_end = -1
    last_subject: tuple[str | None, bool] | None = None  # who the previous clause was about (for "hij")
    list_kind: str | None = None  # after "Het college besluit:" / "Afspraken:" / "Acties:": what the list lines are
    prev_clause = this_clause = None  # (start, end, norm) of the clause before this one
    before = raw[max(0, lo - 300):lo].rstrip(" \t\r\n*_")
    if before.endswith("?"):  # a note that answers the question printed just before it
        this_clause = (lo, lo, "?")
    for seg_lo, seg_hi in segments:
        for s, e in rules.split_clauses(raw, seg_lo, seg_hi):
            norm = _norm(ctx, source, s, e)
            line_start = raw.rfind("\n", 0, s) + 1
            is_list_line = bool(re.match(r"\s*(?:[-*•]|\d{1,2}[.)]|[a-z][.)])\s", raw[line_start:s + 1]))
            block = _BLOCK_LABEL.match(norm) if mode == "record" else None
            if block is not None:  # "**Afspraken:**", "Acties:" on a line of its own: the list below is that
                list_kind = None if block.group("none") else (
                    "action" if block.group("label").lower().startswith(("act", "to")) else "decision")
                continue
            if list_kind and mode == "record" and is_list_line:
                hits = rules.analyse(norm, mode)
                acted = [h for h in hits if h.kind == "action" and h.owner.kind not in ("none", "generic")]
                if acted:
                    hits = acted
                elif list_kind == "decision":
                    hits = [h for h in hits if h.kind == "postponed"] or [rules.Hit("decision", cue="besluit-lijst")]
                else:  # "- Districtschef levert de cijfers aan — vóór 1 februari": who starts the line
                    who = rules.clause_subject(norm)
                    hits = [rules.Hit("action", who, "actie-lijst", strong=True)] if who.kind != "none" else hits
            elif mode == "record" and rules.DECISION_INTRO.search(norm):
                list_kind = "decision"
                continue
            else:
                list_kind = None
                hits = rules.analyse(norm, mode)
            prev_clause, this_clause = this_clause, (s, e, norm)
            if (not hits and mode == "record" and prev_clause is not None and rules.is_question_like(prev_clause[2])
                    and re.match(r"^(?:ja|nee)\b", norm, re.I) and len(norm.split()) <= 10):
                hits = [rules.Hit("decision", cue="antwoord")]  # "Ja, per kwartaal delen." answers the chair
            subject = rules.clause_subject(norm)
            previous_subject = last_subject
            if subject.kind != "none":
                last_subject = _owner_string(ctx, subject, None)
            adjacent = last_hit is not None and not raw[last_end:s].count("\n\n") and s - last_end < 40
            if (not hits and adjacent and last_hit is not None and last_hit[0] == "action" and last_hit[1].due is None
                    and "\n" not in raw[last_end:s] and _TERM_SENTENCE.match(norm)):
                prev = last_hit[1]  # "Actie: Hans stelt de brief op. Uiterlijk 20 maart naar Weidewonen.": its term
                due, due_date = _due_for(ctx, norm, prev.owner, contexts)
                if due is not None:
                    updated = prev.model_copy(update={
                        "due": due, "due_date": due_date, "text": _display(ctx, source, prev.citation.start, e),
                        "citation": _citation(ctx, source, prev.citation.start, e, top),
                        "id": stable_id(ctx.meeting.id, "action", prev.citation.start, e)})
                    ctx.actions[ctx.actions.index(prev)] = updated
                    last_hit, last_end = ("action", updated), e
                    continue
            if not hits:
                last_hit = None if not adjacent or raw[last_end:s].strip() else last_hit
                if not adjacent:
                    last_hit = None
                continue
            for hit in hits:
                if hit.kind == "decision":
                    ds = s
                    if (len(norm.split()) <= 3 and prev_clause is not None and s - prev_clause[1] < 40
                            and not raw[prev_clause[1]:s].count("\n\n")
                            and (rules.cue("proposal").search(prev_clause[2]) or rules.is_question_like(prev_clause[2]))):
                        ds = prev_clause[0]  # "Voorstel: ... / Akkoord.": what was agreed is the proposal
                    dec = Decision(id=stable_id(ctx.meeting.id, "decision", ds, e), meeting_id=ctx.meeting.id,
                                   item=top.number if top else None, text=_display(ctx, source, ds, e),
                                   citation=_citation(ctx, source, ds, e, top))
                    ctx.decisions.append(dec)
                    last_hit, last_end = ("decision", dec), e
                elif hit.kind == "postponed":
                    target = _postponed_target(ctx.meeting, top, norm)
                    if target is None or any(p.item == target.number for p in ctx.postponed):
                        continue
                    ctx.postponed.append(Postponed(
                        id=stable_id(ctx.meeting.id, "postponed", s, e), meeting_id=ctx.meeting.id,
                        item=target.number, item_title=target.title, text=_display(ctx, source, s, e),
                        citation=_citation(ctx, source, s, e, target)))
                else:
                    follow_up = hit.owner.kind in ("none", "pronoun") and not hit.strong
                    if follow_up and adjacent and last_hit is not None:
                        kind, prev = last_hit
                        if kind == "action":  # "Komt hierop terug." / "Zij pakken dit op": same action
                            prev_s = prev.citation.start
                            idx = ctx.actions.index(prev)
                            updated = prev.model_copy(update={
                                "text": _display(ctx, source, prev_s, e),
                                "citation": _citation(ctx, source, prev_s, e, top),
                                "id": stable_id(ctx.meeting.id, "action", prev_s, e)})
                            ctx.actions[idx] = updated
                            last_hit, last_end = ("action", updated), e
                        continue
                    if hit.owner.kind == "none" and not hit.strong:
                        continue
                    prev_owner = previous_subject
                    if hit.owner.kind == "pronoun" and last_hit is not None and last_hit[0] == "action":
                        prev_owner = (last_hit[1].owner, last_hit[1].owner_redacted)
                    owner, redacted = _owner_string(ctx, hit.owner, prev_owner)
                    due, due_date = _due_for(ctx, norm, owner, contexts)
                    act = Action(id=stable_id(ctx.meeting.id, "action", s, e), meeting_id=ctx.meeting.id,
                                 item=top.number if top else None, text=_display(ctx, source, s, e), owner=owner,
                                 owner_redacted=redacted, due=due, due_date=due_date,
                                 from_actielijst=from_actielijst, citation=_citation(ctx, source, s, e, top))
                    ctx.actions.append(act)
                    last_hit, last_end = ("action", act), e


# a label on a line of its own that heads a list: "**Afspraken:**", "Besluiten:", "Acties:" ("**Afspraken:** geen.")
_BLOCK_LABEL = re.compile(r"^\W*(?P<label>afspraken|afspraak|besluiten|besluit|conclusies?|acties|actiepunten|actie|"
                          r"to\s?-?do'?s?)\W*:\W*(?P<none>geen|n\.?v\.?t\.?|-)?\W*$", re.I)


# a sentence that only gives the term of the action before it ("Termijn: eerste kwartaal 2025.", "Uiterlijk 20 maart.")
_TERM_SENTENCE = re.compile(r"^\W*(?:termijn|deadline|uiterlijk|gereed|streefdatum|klaar|vóór|voor)\b", re.I)


# items that only open the meeting or fix its agenda: a postponement written there is about
# another item ("Agendapunt 6 wordt van de agenda gehaald") or about something outside the meeting ("De ouderavond
# is verplaatst naar 20 november"), never about the opening itself
_FRAME_ITEM = re.compile(r"^\W*(?:opening|welkom|vaststell\w*\s+(?:van\s+)?(?:de\s+)?agenda|agenda\b)", re.I)
_ITEM_REFERENCE = re.compile(r"\b(?:agenda\s*punt|agendapunt|punt|item|ad)\s+(?P<num>\d{1,2}[a-z]?|[IVX]{1,5})\b", re.I)


def _postponed_target(meeting: Meeting, top: AgendaItem | None, norm: str) -> AgendaItem | None:
    """The item a postponement is about: the item it is written under, or, in the opening/agenda item, the item
    it names."""
    if top is None:
        return None
    if not _FRAME_ITEM.search(top.title or ""):
        return top
    for m in _ITEM_REFERENCE.finditer(norm):
        named = meeting.item(m.group("num"))
        if named is not None and named.number != top.number:
            return _top(meeting, named)
    return None


def _contexts(ctx: _Ctx, agenda: Source, item: AgendaItem) -> list[str]:
    """Titles and prepared text of the item, its sub-items and its parent, where an event's date may be
    written ("Stuurgroep ... 25 maart" as a sub-item title, "De volgende stuurgroep is op 25 maart.")."""
    family = [item] + [i for i in ctx.meeting.items if i.parent == item.number]
    parent = ctx.meeting.item(item.parent) if item.parent else None
    if parent is not None:
        family.append(parent)
    out = []
    for it in family:
        out.append(it.title)
        if it.source_id != agenda.id:
            continue
        lo, hi = _own_region(ctx.meeting, it)
        out.extend(agenda.raw_text[s:e] for s, e in rules.split_clauses(agenda.raw_text, lo, hi))
    return out


def rule_extract(meeting: Meeting, sources: dict[str, Source]) -> Extraction:
    """The rule engine on one meeting (no LLM)."""
    ctx = _Ctx(meeting=meeting, sources=sources, team=team_name(sources), initials=initials_map(sources),
               people={w.lower() for a in meeting.attendees for w in re.findall(r"\w+", a.as_written or "")})
    if not meeting.source_ids or meeting.source_ids[0] not in sources:
        return Extraction(meeting_id=meeting.id, warnings=["geen bron bij deze vergadering"])
    agenda = sources[meeting.source_ids[0]]
    ctx.next_meeting = next_meeting_date(agenda.raw_text, meeting.date)
    record = is_record_document(meeting, agenda)
    items = sorted(meeting.items, key=lambda i: (i.source_id != agenda.id, i.start))
    if not items:  # no agenda structure found: the whole body is one account
        end = agenda.body_end if agenda.body_end is not None else len(agenda.raw_text)
        start = meeting.header_end if meeting.header_end < end * 0.5 else 0
        _process_region(ctx, agenda, start, end, None, "record" if record else "prepared", False, [])
    for item in items:
        source = sources.get(item.source_id, agenda)
        actielijst = any("actielijst" in it.kinds or _ACTIELIJST.search(it.title) for it in _chain(meeting, item))
        contexts = _contexts(ctx, source, item)
        lo, hi = _own_region(meeting, item)
        same_source_notes = [(n.start, n.end) for n in item.notes if n.source_id == source.id]
        if record:
            _process_region(ctx, source, lo, hi, item, "record", False, contexts)
            for note in item.notes:
                if note.source_id != source.id or not (lo <= note.start < hi):
                    note_source = sources.get(note.source_id)
                    if note_source is not None:
                        _process_region(ctx, note_source, note.start, note.end, item, "record", False, contexts)
            continue
        for a, b in _minus(lo, hi, same_source_notes):
            _process_region(ctx, source, a, b, item, "actielijst" if actielijst else "prepared", actielijst, contexts)
        for note in item.notes:
            note_source = sources.get(note.source_id)
            if note_source is not None:
                _process_region(ctx, note_source, note.start, note.end, item, "record", False, contexts)
    extraction = Extraction(meeting_id=meeting.id, decisions=[d for d in _dedupe(ctx.decisions) if not is_procedural(d, meeting)], actions=_without_table_duplicates(ctx),
                            postponed=ctx.postponed)
    return _only_grounded(extraction, sources)


def _closing_list_start(ctx: _Ctx) -> tuple[str, int] | None:
    """(source id, offset) of a closing list of actions or commitments ("## Toezeggingen", "ACTIEPUNTEN") in
    the last part of the minutes, whose lines are the list even where they are written as sentences."""
    if not ctx.meeting.source_ids or ctx.meeting.source_ids[0] not in ctx.sources:
        return None
    source = ctx.sources[ctx.meeting.source_ids[0]]
    end = source.body_end if source.body_end is not None else len(source.raw_text)
    found = None
    for m in re.finditer(r"[^\n]+", source.raw_text[:end]):
        if m.start() > 0.6 * end and _LIST_HEADING.match(m.group(0).strip().strip("*#_ ")):
            found = (source.id, m.end())
    return found


def _without_table_duplicates(ctx: _Ctx) -> list[Action]:
    """Minutes that end with an action table or list repeat its actions in the text: the list is the list.
    A text action whose owner also owns a list row is that row's action, said in words."""
    closing = _closing_list_start(ctx)
    listed = {a.id for a in ctx.actions if a.id in ctx.table_actions or (
        closing is not None and a.citation.source_id == closing[0] and a.citation.start >= closing[1])}
    rows = [(a.owner.casefold() if a.owner else None, _content_words(a.text)) for a in ctx.actions if a.id in listed]

    def said_in_table(a: Action) -> bool:
        # the same task in other words: a row of the same owner about the same thing, or a row whose
        # distinctive words recur ("Afgesproken wordt dat de directie een vervoersregeling ... uitwerkt" /
        # "Vervoersregeling late dienst uitwerken - directie (Frank)")
        words = _content_words(a.text)
        owner = a.owner.casefold() if a.owner else None
        return any((owner is not None and owner == row_owner and (words & row_words))
                   or len({w for w in words if len(w) >= 5} & row_words) >= 2 for row_owner, row_words in rows)

    kept = [a for a in ctx.actions if a.id in listed or not said_in_table(a)]
    return _dedupe(kept)


# "De agenda wordt ongewijzigd vastgesteld", "Verslag 13 maart: vastgesteld": the meeting adopting its own
# paperwork. Every gold set written for Notulist leaves these out of the besluitenlijst, and so does a
# secretary: they say nothing about the subjects decided on.
_BARE_ADOPTION = re.compile(r"^\W*(?:conform\s+|ongewijzigd\s+|zonder\s+wijzigingen\s+)?(?:vastgesteld|goedgekeurd|akkoord|"
                            r"aangenomen)\b[^.]{0,80}\.?\s*$", re.I)
_PAPERWORK_TITLE = re.compile(r"\b(?:verslag|notulen|agenda|besluitenlijst|actielijst|opening)\b", re.I)


def is_procedural(decision: Decision, meeting: Meeting) -> bool:
    quote = " ".join(decision.citation.quote.split())
    if rules.cue("procedural").search(quote):
        return True
    item = meeting.item(decision.item) if decision.item else None
    return bool(_BARE_ADOPTION.match(decision.text) and item is not None and _PAPERWORK_TITLE.search(item.title or ""))


def _dedupe(found: list) -> list:
    seen, out = set(), []
    for x in sorted(found, key=lambda x: (x.citation.source_id != found[0].citation.source_id, x.citation.start)):
        key = (x.citation.source_id, x.citation.start, x.citation.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(x)
    return out


def _only_grounded(extraction: Extraction, sources: dict[str, Source]) -> Extraction:
    """Drop anything whose quote is not an exact span of its source (the product's promise)."""
    warnings = list(extraction.warnings)
    kept = {}
    for name in ("decisions", "actions", "postponed"):
        items = getattr(extraction, name)
        good = [x for x in items if is_exact_span(x.citation, sources)
                and (not isinstance(x, Action) or x.done_evidence is None or is_exact_span(x.done_evidence, sources)
                     or x.done_evidence.source_id not in sources)]
        if len(good) != len(items):
            warnings.append(f"{len(items) - len(good)} {name} zonder exact citaat weggelaten")
        kept[name] = good
    return extraction.model_copy(update={**kept, "warnings": warnings})


def extract_meeting(meeting: Meeting, sources: dict[str, Source], *, llm=None) -> Extraction:
    """Rule engine always; with an LLM, its grounded output per item, the rules where it fails."""
    result = rule_extract(meeting, sources)
    if llm is None:
        return result
    try:
        from summarise.llm_extract import extract_with_llm

        llm_result = extract_with_llm(meeting, sources, llm, result)
        checked = _only_grounded(llm_result, sources)
        return checked.model_copy(update={"llm_used": bool(getattr(llm_result, "llm_used", True))})
    except Exception as exc:  # the LLM path is an improvement, never a requirement
        log.warning("LLM-extractie mislukt: %s", exc)
        return result.model_copy(update={
            "llm_used": False, "warnings": result.warnings + [f"LLM niet gebruikt ({exc}); regelresultaat getoond"]})


# --------------------------------------------------------------------------- across meetings


def _content_words(text: str) -> set[str]:
    return {w for w in (x.lower() for x in re.findall(r"[A-Za-zÀ-ÿ&]{4,}", text))
            if w not in _STOP and w != rules.RED.lower()}


def _done_candidates(meeting: Meeting, sources: dict[str, Source]):
    """(source, start, end, item, clause words, clause text) of every clause of a meeting that reports
    something done ("is afgerond", "heeft plaatsgevonden", "is gebeurd")."""
    ctx = _Ctx(meeting=meeting, sources=sources, team=None)
    for item in meeting.items:
        source = sources.get(item.source_id)
        if source is None:
            continue
        lo, hi = _own_region(meeting, item)
        regions = [(source, lo, hi)]
        regions += [(sources[n.source_id], n.start, n.end) for n in item.notes
                    if n.source_id in sources and not (n.source_id == source.id and lo <= n.start < hi)]
        for src, a, b in regions:
            for s, e in rules.split_clauses(src.raw_text, a, b):
                norm = _norm(ctx, src, s, e)
                if rules.reports_done(norm):
                    yield src, s, e, item, _content_words(norm), norm


def _title_words(meeting: Meeting, number: str | None) -> set[str]:
    item = meeting.item(number) if number else None
    if item is None:
        return set()
    return set().union(*(_content_words(it.title) for it in _chain(meeting, item)[:2]))


def _done_score(action: Action, action_meeting: Meeting, later: Meeting, item: AgendaItem, words: set[str],
                text: str) -> int:
    """How surely a done-report in a later meeting is about this action: the same subject words, the
    owner named in the report, the same agenda subject (item titles)."""
    subject = _content_words(action.text) - _content_words(action.owner or "") - _title_words(action_meeting, None)
    score = len(subject & words)
    if action.owner and re.search(r"\b" + re.escape(action.owner.split()[0]) + r"\b", text, re.I):
        score += 2
    here = _title_words(later, item.number)
    there = _title_words(action_meeting, action.item) | _content_words(action.citation.item_title or "")
    shared_titles = here & there
    if shared_titles:
        score += 1 + min(1, len(subject & here))
    return score if (subject & words or (action.owner and score >= 3)) else 0


def link_across_meetings(store, series: str) -> None:
    """Mark an open action done when a later meeting of the series reports it done, citing that report."""
    meetings = [m for m in store.list_meetings(series) if m.date is not None]
    meetings.sort(key=lambda m: m.date)
    candidates_cache: dict[str, list] = {}
    for i, meeting in enumerate(meetings[:-1]):
        extraction = store.get_extraction(meeting.id)
        if extraction is None:
            continue
        open_actions = [a for a in extraction.actions if a.status == "open"]
        for later in meetings[i + 1:]:
            if not open_actions:
                break
            if later.date <= meeting.date:
                continue
            if later.id not in candidates_cache:
                candidates_cache[later.id] = list(_done_candidates(later, store.sources_for(later)))
            for action in list(open_actions):
                best = None
                for src, s, e, item, words, text in candidates_cache[later.id]:
                    score = _done_score(action, meeting, later, item, words, text)
                    if score >= 3 and (best is None or score > best[0]):
                        best = (score, src, s, e, item)
                if best is None:
                    continue
                _, src, s, e, item = best
                top = _top(later, item)
                evidence = Citation(meeting_id=later.id, date=later.date, item=top.number, item_title=top.title,
                                    quote=src.raw_text[s:e], source_id=src.id, start=s, end=e)
                try:
                    store.update_action(action.model_copy(update={"status": "done", "done_evidence": evidence}))
                except Exception as exc:  # an action row removed meanwhile: nothing to mark
                    log.info("actie %s niet bijgewerkt: %s", action.id, exc)
                    continue
                open_actions.remove(action)
