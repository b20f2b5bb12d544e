"""Agenda items: choose the numbered lines that continue the item sequence, and give them spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ingest.parse.candidates import LIST_PARENTS, Candidate, line_candidate
from ingest.parse.letters import letter_items
from ingest.parse.lists import inside_bullet, list_in_running_text, points_below, reference_ahead, skipped_point
from ingest.parse.kinds import attachment_text, is_attachment_line, is_hint_line, kinds_in
from ingest.parse.lines import Line, body_limit, display, plain, redactions_of, rstrip_pos, split_lines
from ingest.parse.runon import runon_items
from ingest.parse.split_titles import (LIST_AND_NUMBER, LIST_MARK_BEFORE_NUMBER, NUMBER_ONLY, PUNT_ONLY,
                                       listed_number_above_title, number_above_title, numbered_row,
                                       punt_with_title_below, without_list_mark)
from ingest.parse.runs import (below_repeated_head, bridge_sandwiched, continue_titles, loose_run, paragraphs_in_list,
                               prefixed_series, renumber_all_ones, renumber_restarts, without_followed_up_points,
                               without_restarted_sublists)
from ingest.parse.tables import header_end_unnumbered, is_column_label, table_items, unnumbered_items
from ingest.parse.words import is_closing_section, is_document_section, is_item_part, is_session_heading
from notulist.models import AgendaItem, ItemKind, Source


def _select_items(cands: list[Candidate]) -> list[Candidate]:
    """Keep the candidates that form the agenda's numbering sequence (see module doc)."""
    chosen: list[Candidate] = []
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
                ok = not reference_ahead(c, cands[idx + 1:], last_main) and c.main > last_main and (c.main - last_main <= 5 or not chosen or c.padded)
            else:
                ok = (c.main == last_main + 1 or skipped_point(c, chosen, cands)) and not later_strong_same
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


def _prefer_detailed_run(cands: list[Candidate], chosen: list[Candidate]) -> list[Candidate]:
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
    found = _line_items(source, lines, limit)
    runon = runon_items(source, lines)
    if runon is not None and len(runon[0]) > sum(1 for i in found[0] if i.parent is None) \
            and not _inside_one_item(runon[0], found[0]):
        return runon  # a page per line: the numbers inside the lines are the agenda, not what lines give
    return found


def _inside_one_item(inner: list[AgendaItem], items: list[AgendaItem]) -> bool:
    """Inline numbers that all sit in the text of one of two or more numbered line items ('001. Rondvraag' +
    'Besluit 1. Wethouder ... deelt ... 2. Hij doet verslag ...'): points of that item, not the agenda."""
    tops = [i for i in items if i.parent is None and i.numbered]
    return len(tops) >= 2 and any(all(t.title_end <= i.start < t.end for i in inner) for t in tops)


def _line_items(source: Source, lines: list[Line], limit: int) -> tuple[list[AgendaItem], int]:
    """The items read line by line (numbered lines, tables, headings, title lines)."""
    cands = without_restarted_sublists(without_followed_up_points(_candidates(source, lines), lines), lines)
    cands = renumber_restarts(renumber_all_ones(cands), lines)
    cands = below_repeated_head(paragraphs_in_list(cands, lines), lines)
    chosen = choose_items(source, lines, bridge_sandwiched(cands))
    if chosen and not any(c.strong for c in chosen) and list_in_running_text(chosen, lines):
        chosen = []
    if len(chosen) == 1 and not chosen[0].strong:
        # one plain numbered line is no numbering sequence ('1. In te stemmen met ...' under a heading):
        # headings or title lines that make an agenda of two or more win
        headings = unnumbered_items(source, lines)
        if len(headings) >= 2:
            return headings, header_end_unnumbered(source, lines)
    if chosen and not any(c.strong for c in chosen):
        headings = unnumbered_items(source, lines)
        if _list_inside_one_heading(chosen, headings):
            return headings, header_end_unnumbered(source, lines)
    if not chosen:
        table = table_items(source, lines) or letter_items(source, lines)
        if table:
            return table
        return unnumbered_items(source, lines), header_end_unnumbered(source, lines)
    walk = _Walk(source, lines, chosen)
    header_end = chosen[0].line.start
    for idx, ln in enumerate(lines):
        if ln.start >= header_end:
            walk.line(idx, ln)
    _set_spans(walk.drafts, walk.boundaries, limit)
    return [_agenda_item(source, d) for d in walk.drafts], header_end


def _list_inside_one_heading(chosen: list[Candidate], headings: list[AgendaItem]) -> bool:
    """The plain numbered lines all sit in the text of one heading item, and at least two other heading
    items have text of their own: the headings are the agenda, the numbered lines a list in one item
    ('## Roadmap' + '1. Toevoegen API profiel 2. ...' between '## Mededelingen' and '## Planning')."""
    if len(headings) < 3:
        return False
    holder = next((h for h in headings if h.title_end < chosen[0].line.start < h.end), None)
    if holder is None or any(not holder.title_end < c.line.start < holder.end for c in chosen):
        return False
    return sum(1 for h in headings if h is not holder and h.end > h.title_end + 1) >= 2


def _pick(cands: list[Candidate]) -> list[Candidate]:
    return _prefer_detailed_run(cands, _select_items(cands))


def choose_items(source: Source, lines: list[Line], cands: list[Candidate]) -> list[Candidate]:
    """The candidates that are the agenda: the numbering sequence of the unprefixed lines (read strictly,
    or as one longer run of sentence-like lines, see `runs`), then the prefixed series; titles cut at a
    line end continue on the next line."""
    main = [c for c in cands if not c.prefix]
    chosen = loose_run(main, _pick(main), _pick)
    chosen = prefixed_series(cands, chosen, _select_items, _prefer_detailed_run)
    return continue_titles(source, lines, chosen)


def _candidates(source: Source, lines: list[Line]) -> list[Candidate]:
    reds = redactions_of(source)
    cands, rows = [], []
    waiting: list[Line] = []  # "2." and "3." on lines of their own (PDF text), waiting for their titles
    for k, ln in enumerate(lines):
        if ln.blank:
            continue
        c = line_candidate(ln, source, reds)
        if c is None and (mark := LIST_MARK_BEFORE_NUMBER.match(ln.raw)):
            c = line_candidate(without_list_mark(ln, mark.end()), source, reds)
        if c is None and (row := numbered_row(lines, k)) is not None:
            if (rc := line_candidate(row, source, reds)) is not None:
                rows.append(rc)  # only where no line is numbered otherwise (an action table below the items)
            continue
        if c is None and PUNT_ONLY.fullmatch(plain(ln.content)):
            c = punt_with_title_below(source, ln, lines[k + 1:k + 3], reds)
        if c is None and (own := LIST_AND_NUMBER.fullmatch(ln.content.strip())):
            c = listed_number_above_title(source, ln, own.group("n"), lines[k + 1:k + 3], reds)
        if c is None and NUMBER_ONLY.fullmatch(ln.content.strip()):
            waiting.append(ln)
            continue
        if c is None and waiting and is_column_label(ln.content):
            continue  # 'Onderwerp' heading the titles of a column read after its numbers
        if c is None and waiting:
            alone = lines[k - 1].blank and (k + 1 == len(lines) or lines[k + 1].blank)
            c = number_above_title(source, waiting.pop(0), ln, reds, alone=alone)
            if c is None:
                waiting = []
        elif c is not None:
            waiting = []
        if c is not None and not inside_bullet(lines, k):
            c.points_below = points_below(lines, k)
            cands.append(c)
    return sorted(cands or rows, key=lambda c: c.line.start)


def _add_kinds(draft: _ItemDraft, kinds: list[ItemKind]) -> None:
    for k in kinds:
        if k not in draft.kinds:
            draft.kinds.append(k)


class _Walk:
    """One pass over the lines after the header, turning chosen candidates into item drafts and
    collecting what belongs to them (kinds from section hints, attachments, unnumbered sub-items).

    A line that is not a chosen item goes to the first rule in `RULES` that takes it; that list is the
    precedence."""

    def __init__(self, source: Source, lines: list[Line], chosen: list[Candidate]):
        self.source, self.lines, self.chosen = source, lines, chosen
        self.by_line = {c.line.start: c for c in chosen}
        self.drafts: list[_ItemDraft] = []
        self.boundaries: list[int] = []  # section hint lines end the item before them
        self.section_kinds: list[ItemKind] = []
        self.current_top: _ItemDraft | None = None
        self.sub_counter: dict[str, int] = {}
        self.pending_hint: tuple[Line, list[ItemKind]] | None = None
        self.collecting: _ItemDraft | None = None
        self.trailing = False

    def line(self, idx: int, ln: Line) -> None:
        c = self.by_line.get(ln.start)
        if c is not None:
            self.item(c, ln)
        elif not ln.blank and not self.hint(idx, ln):
            self.pending_hint = None
            if self.drafts and not self.trailing:
                next((rule for rule in self.RULES if rule(self, ln)), None)

    def item(self, c: Candidate, ln: Line) -> None:
        if self.pending_hint is not None:
            self.section_kinds = self.pending_hint[1]
            self.boundaries.append(self.pending_hint[0].start)
            self.pending_hint = None
        parent = None
        depth = 0
        if c.sub and not re.fullmatch(r"[a-z]", c.sub):
            parent = c.number.rsplit(".", 1)[0]
            depth = c.number.count(".")
            if not any(o.number == parent for o in self.drafts):
                parent, depth = None, 0  # its parent heading is not in the document: a top-level item
        d = _ItemDraft(c.number, not c.generated, parent, depth, c.title, ln, c.title_start, c.title_end)
        d.kinds = list(self.section_kinds)
        _add_kinds(d, kinds_in(c.title))
        self.drafts.append(d)
        if depth == 0:
            self.current_top = d

    def hint(self, idx: int, ln: Line) -> bool:
        """A section hint line ('Ter besluitvorming'): kinds for the items after it, or for the last item."""
        if not is_hint_line(ln):
            return False
        nxt = next((o for o in self.lines[idx + 1:] if not o.blank), None)
        if ln.md_level or nxt is None or nxt.start in self.by_line:
            self.pending_hint = (ln, kinds_in(plain(ln.content)))
            if nxt is None:
                self.boundaries.append(ln.start)
        elif self.drafts:
            _add_kinds(self.drafts[-1], kinds_in(plain(ln.content)))
        return True

    def trailing_section(self, ln: Line) -> bool:
        """An action/decision list after the last item ends that item, but is not an agenda item: it is
        kept as an unnumbered sub-item of the last item, so its text stays searchable."""
        top = self.current_top
        if (top is None or not is_closing_section(plain(ln.content))
                or any(c.line.start > ln.start for c in self.chosen) or is_closing_section(top.title)):
            return False
        d = self.sub_item(top, ln, "*_: \t")
        d.kinds = kinds_in(d.title)
        self.trailing = True
        return True

    def unnumbered_closing_item(self, ln: Line) -> bool:
        """'## Varia' (or 'Rondvraag', 'Sluiting') after the last numbered heading, at the level of the
        numbered item headings: the agenda goes on unnumbered, so it is the next item in the sequence."""
        levels = {c.line.md_level for c in self.chosen}
        top = self.current_top
        if (top is None or len(levels) != 1 or not ln.md_level or ln.md_level not in levels
                or any(c.line.start > ln.start for c in self.chosen)):
            return False
        text = plain(ln.content)
        if (not 1 <= len(text.split()) <= 4 or text.endswith(":") or not text[:1].isupper()
                or is_document_section(text) or is_item_part(text) or is_session_heading(text)):
            return False
        lead = re.match(r"\d+", top.number)
        if lead is None:
            return False
        main = int(lead.group(0)) + 1
        t_end = rstrip_pos(self.source.raw_text, ln.content_start, ln.end)
        d = _ItemDraft(str(main), True, None, 0, text, ln, ln.content_start, t_end)
        d.kinds = kinds_in(text)
        self.drafts.append(d)
        self.current_top = d
        return True

    def attachment(self, ln: Line) -> bool:
        if not is_attachment_line(ln):
            return False
        text = attachment_text(ln, self.source)
        if text.rstrip(" *_").endswith(":"):
            self.collecting = self.drafts[-1]  # "Bijlagen:" followed by a list
        else:
            self.drafts[-1].attachments.append(text)
        return True

    def attachment_list_entry(self, ln: Line) -> bool:
        if self.collecting is self.drafts[-1] and ln.bullet:
            self.drafts[-1].attachments.append(plain(display(self.source, ln.content_start, ln.end)))
            return True
        self.collecting = None
        return False

    def bold_sub_item(self, ln: Line) -> bool:
        """Unnumbered bold sub-items under list-like items (Mededelingen, Actielijst, ...)."""
        top = self.current_top
        if (top is not None and ln.bold and (ln.bullet or not ln.md_level)
                and LIST_PARENTS.search(top.title) and 0 < len(plain(ln.content).split()) <= 14
                and not is_attachment_line(ln)):
            self.sub_item(top, ln, "*_ \t", rstrip=False)
            return True
        return False

    def sub_item(self, top: _ItemDraft, ln: Line, junk: str, *, rstrip: bool = True) -> _ItemDraft:
        k = self.sub_counter.get(top.number, 0) + 1
        self.sub_counter[top.number] = k
        t_start = ln.content_start
        t_end = ln.end
        if rstrip:
            t_end = rstrip_pos(self.source.raw_text, t_start, t_end)
        while t_end > t_start and self.source.raw_text[t_end - 1] in junk:
            t_end -= 1
        d = _ItemDraft(f"{top.number}.{k}", False, top.number, top.depth + 1,
                       plain(display(self.source, t_start, t_end)), ln, t_start, t_end)
        self.drafts.append(d)
        return d

    RULES = (trailing_section, unnumbered_closing_item, attachment, attachment_list_entry, bold_sub_item)


def _set_spans(drafts: list[_ItemDraft], boundaries: list[int], limit: int) -> None:
    """An item runs to the next item of the same or a higher level (or a section line / body end)."""
    starts = [d.line.start for d in drafts]
    for i, d in enumerate(drafts):
        nxt_any = starts[i + 1] if i + 1 < len(drafts) else limit
        nxt_same = next((o.line.start for o in drafts[i + 1:] if o.depth <= d.depth), limit)
        stop_b = min((b for b in boundaries if b > d.line.start), default=limit)
        d.own_end = min(nxt_any, stop_b)
        d.end = max(min(nxt_same, stop_b), d.own_end)


def _agenda_item(source: Source, d: _ItemDraft) -> AgendaItem:
    return AgendaItem(number=d.number, numbered=d.numbered, parent=d.parent, title=d.title, kinds=d.kinds,
                      attachments=d.attachments, source_id=source.id, start=d.line.start,
                      end=rstrip_pos(source.raw_text, d.line.start, d.end), title_start=d.title_start,
                      title_end=d.title_end)
