"""Agenda items: choose the numbered lines that continue the item sequence, and give them spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ingest.parse.candidates import _Candidate, _LIST_PARENTS, _TRAILING_SECTION, _candidate
from ingest.parse.kinds import attachment_text, is_attachment_line, is_hint_line, kinds_in
from ingest.parse.lines import Line, _peel, _rstrip_pos, body_limit, display, plain, redactions_of, split_lines
from ingest.parse.tables import _header_end_unnumbered, _table_items, _unnumbered_items
from notulist.models import AgendaItem, ItemKind, Source


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
