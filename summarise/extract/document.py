"""The document an extraction reads: its context (`Ctx`: the meeting, its sources, redactions, the team,
initials and role holders the document names), the agenda structure (`top`, `chain`, `own_region`), and
how a span becomes a clause for the rules (`norm`), a display text and a citation, and how an owner
becomes the owner string of an action (a redacted person is never named)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ingest.redactions import display_text, find_redactions
from notulist.models import Action, AgendaItem, Citation, Decision, Meeting, Postponed, Redaction, Source
from summarise import rules

_OPEN_BOX = re.compile(r"^(\W*?)(?:\[\s?\]|☐|□)\s*")
_CHECKED_BOX = re.compile(r"^\s*(?:[-*•]\s+)?(?:\[[xX✓✔]\]|☑|☒|✅|✔)")
_GLUED_MARK = re.compile(r"(?<![\w.])5\.1,\s?[12],\s?[a-i€](?=[a-zà-ÿ]{3,})")


@dataclass
class Ctx:
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
    named: dict[str, bool] = field(default_factory=dict)  # word -> the document uses it as a name (owner_words)
    claimed: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # source id -> spans read as table rows

    def reds(self, source: Source) -> list[Redaction]:
        if source.id not in self.redactions:
            reds = list(source.redactions)
            if not reds:
                reds = find_redactions(source.raw_text)
            self.redactions[source.id] = sorted(reds, key=lambda r: r.start)
        return self.redactions[source.id]


def is_record_document(meeting: Meeting, agenda: Source) -> bool:
    """True for minutes, besluitenlijsten and plain notes: their text is what happened at the meeting."""
    if meeting.doc_kind in ("minutes", "besluitenlijst", "notes"):
        return True
    first_line = next((ln for ln in agenda.raw_text.splitlines() if ln.strip()), "")
    record_words = rules.cue("record_words")
    if record_words.search(meeting.title) or record_words.search(first_line):
        return True  # "Kernteam ... - aantekeningen overleg", "Verslag ...": whatever headings follow
    if meeting.doc_kind == "agenda":
        return False
    head = agenda.raw_text[: max(meeting.header_end, 300)][:1500]
    if record_words.search(head):
        return True
    if re.search(r"\bagenda\b", head, re.I):
        return False
    return not any(item.notes for item in meeting.items)


def team_name(sources: dict[str, Source]) -> str | None:
    """The unit the writers call themselves ("het Bureau", "ons Team"), so that "wij" gets a name."""
    counts = Counter(m.group(1) for s in sources.values() for m in rules.cue("team_name").finditer(s.raw_text))
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


def top_item(meeting: Meeting, item: AgendaItem) -> AgendaItem:
    seen = set()
    while item.parent and item.parent not in seen:
        seen.add(item.parent)
        parent = meeting.item(item.parent)
        if parent is None:
            break
        item = parent
    return item


def chain(meeting: Meeting, item: AgendaItem) -> list[AgendaItem]:
    chain = [item]
    while chain[-1].parent and len(chain) < 6:
        parent = meeting.item(chain[-1].parent)
        if parent is None:
            break
        chain.append(parent)
    return chain


def own_region(meeting: Meeting, item: AgendaItem) -> tuple[int, int]:
    """The item's own text: after its heading, up to the next item (its first sub-item included)."""
    later = [i.start for i in meeting.items if i.source_id == item.source_id and i.start > item.start]
    end = min([item.end] + later)
    start = max(item.title_end, item.start)
    return start, max(start, end)


def minus(lo: int, hi: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def norm(ctx: Ctx, source: Source, s: int, e: int) -> str:
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
    text = _OPEN_BOX.sub(r"\1", text)  # "- [ ] Carla mailt de buren": the to-do's open box is no word
    return re.sub(r"\s+", " ", text).strip()


def is_checked_box(line: str) -> bool:
    """"- [x] Sleutel ophalen": a to-do ticked off, done already (no open action)."""
    return bool(_CHECKED_BOX.match(line))


def display(ctx: Ctx, source: Source, s: int, e: int) -> str:
    text = display_text(source.raw_text[s:e], ctx.reds(source), offset=s)
    text = re.sub(r"\[([^\]]*)\]\(#?\)", r"\1", text)
    text = re.sub(r"(?<!\w)[*_]{1,2}|[*_]{1,2}(?!\w)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def citation(ctx: Ctx, source: Source, s: int, e: int, top: AgendaItem | None) -> Citation:
    m = ctx.meeting
    return Citation(meeting_id=m.id, date=m.date, item=top.number if top else None,
                    item_title=top.title if top else None, quote=source.raw_text[s:e], source_id=source.id,
                    start=s, end=e)


def owner_string(ctx: Ctx, owner: rules.Owner, prev_owner: tuple[str | None, bool] | None) -> tuple[str | None, bool]:
    """(owner, owner_redacted). A redacted person is never named; "wij" is the writers' team."""
    if owner.kind == "redacted":
        return None, True
    if owner.kind == "team":
        name = f"{ctx.team} (wij)" if ctx.team else "wij"
    elif owner.kind == "name" and owner.text in ctx.initials:
        name = ctx.initials[owner.text]
    elif owner.kind == "name":
        name = named_holder(ctx, owner.text) if owner.text else owner.text
    elif owner.kind == "pronoun" and prev_owner is not None:
        return prev_owner
    else:
        return None, False
    if name and owner.co and owner.kind == "team":  # "Denise gaat de borrel samen met Sandra regelen": Denise
        co = owner.co
        if rules.RED in co:
            co = None  # a redacted co-owner is not spelled out
        if co:
            name = f"{name} samen met {co}"
    return name, False


def named_holder(ctx: Ctx, role: str) -> str:
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
                if last[:1].isupper() and not rules.is_role(last) and last.lower() not in rules.function_words():
                    names.setdefault(m.group(1).casefold(), m.group(1))
        cache[key] = f"{role} {next(iter(names.values()))}" if len(names) == 1 else role
    return cache[key]
