"""Decisions, actions and postponed items from a parsed meeting (rule engine; optional LLM pass).

Where things are looked for depends on what the document is:
- minutes / besluitenlijst / notes: the whole text of every item is a record of the meeting;
- a prepared agenda: only the notes written during the meeting (`AgendaItem.notes`) record decisions and
  postponements; the prepared text can only announce actions ("X zal ...") and an Actielijst item lists
  the open actions of earlier meetings ("Peter zou ... Komt hierop terug.").
Every item is cited by an exact span of its source. Each extraction records the version of the Dutch
language data it was made with (`Extraction.lexicon_version`).
"""

from __future__ import annotations

import logging
import re

from notulist.grounding import is_exact_span
from notulist.models import Action, Decision, Extraction, Meeting, Postponed, Source, stable_id
from notulist.nl import lexicon
from summarise import llm_extract, rules, scorer
from summarise.dates import next_meeting_date
from summarise.extract import document as doc
from summarise.extract.besluit_lists import without_restated
from summarise.extract.articles import article_block, read_article_block
from summarise.extract.columns import read_columns
from summarise.extract.document import Ctx, initials_map, is_record_document, team_name
from summarise.extract.linking import content_words
from summarise.extract.lists import list_heading
from summarise.extract.proposals import proposals_beside_outcome, with_sentence_pointed_at
from summarise.extract.regions import item_contexts, process_region
from summarise.extract.tables import first_record_table
from summarise.rules.cues import LABEL

log = logging.getLogger("notulist.summarise")


def rule_extract(meeting: Meeting, sources: dict[str, Source]) -> Extraction:
    """The rule engine on one meeting (no LLM)."""
    ctx = Ctx(meeting=meeting, sources=sources, team=team_name(sources), initials=initials_map(sources),
              people={w.lower() for a in meeting.attendees for w in re.findall(r"\w+", a.as_written or "")})
    if not meeting.source_ids or meeting.source_ids[0] not in sources:
        return Extraction(meeting_id=meeting.id, warnings=["geen bron bij deze vergadering"],
                          lexicon_version=lexicon().version)
    agenda = sources[meeting.source_ids[0]]
    ctx.next_meeting = next_meeting_date(agenda.raw_text, meeting.date)
    record = is_record_document(meeting, agenda)
    items = sorted(meeting.items, key=lambda i: (i.source_id != agenda.id, i.start))
    if record:
        read_columns(ctx, agenda)  # a detached Besluit column first: its lines are then not read again
    if not items:  # no agenda structure found: the whole body is one account
        end = agenda.body_end if agenda.body_end is not None else len(agenda.raw_text)
        start = meeting.header_end if meeting.header_end < end * 0.5 else 0
        process_region(ctx, agenda, start, end, None, "record" if record else "prepared", False, [])
    elif record:
        _read_before_items(ctx, agenda, items)
        _read_after_items(ctx, agenda, items)
    for item in items:
        source = sources.get(item.source_id, agenda)
        actielijst = any("actielijst" in it.kinds or rules.cue("action_list_title").search(it.title) for it in doc.chain(meeting, item))
        contexts = item_contexts(ctx, source, item)
        lo, hi = doc.own_region(meeting, item)
        same_source_notes = [(n.start, n.end) for n in item.notes if n.source_id == source.id]
        if record:
            _postponed_in_title(ctx, source, item)
            _decision_in_title(ctx, source, item)
            block = article_block(source.raw_text, lo, hi)
            if block is not None and block.walk:  # "BESLUIT: / GS besluiten: ...": the summary before motivates
                process_region(ctx, source, block.heading, hi, item, "record", False, contexts)
            elif block is not None:  # "Beslissing / Artikel 1. ...": the first article decides, the rest motivates
                read_article_block(ctx, source, item, block)
            else:
                process_region(ctx, source, lo, hi, item, "record", False, contexts)
            for note in item.notes:
                if note.source_id != source.id or not (lo <= note.start < hi):
                    note_source = sources.get(note.source_id)
                    if note_source is not None:
                        process_region(ctx, note_source, note.start, note.end, item, "record", False, contexts)
            continue
        for a, b in doc.minus(lo, hi, same_source_notes):
            process_region(ctx, source, a, b, item, "actielijst" if actielijst else "prepared", actielijst, contexts)
        for note in item.notes:
            note_source = sources.get(note.source_id)
            if meeting.doc_kind == "agenda" and note.method == "heuristic" and _proposed_decision(note.text):
                continue  # an agenda's "Besluit: het algemeen bestuur stelt ... vast": the proposal, not a note
            if note_source is not None:
                process_region(ctx, note_source, note.start, note.end, item, "record", False, contexts)
    decisions = without_restated([d for d in _dedupe(ctx.decisions) if not is_procedural(d, meeting)])
    decisions = proposals_beside_outcome(decisions, sources)
    decisions = with_sentence_pointed_at(decisions, sources)
    extraction = Extraction(meeting_id=meeting.id, decisions=decisions, actions=_without_table_duplicates(ctx),
                            postponed=ctx.postponed, lexicon_version=lexicon().version)
    return _only_grounded(extraction, sources)


def _read_before_items(ctx: Ctx, agenda: Source, items: list) -> None:
    """Minutes that open with an overview of what was decided ("## Agendapunten" with the besluit under each
    point) before the detailed items: that overview is a record too (the title line is skipped by the walk)."""
    first = min((i.start for i in items if i.source_id == agenda.id), default=0)
    numbered = list(re.finditer(r"(?m)^[ \t]*\d{1,3}[.)][ \t]+\S", agenda.raw_text[:first]))
    if len(numbered) >= 3 and not _only_numbered_lines(agenda.raw_text, numbered[0].start(), first):
        # an overview of points, not a covering letter, a legend or a table of contents ("## Inhoud / 1. ...")
        process_region(ctx, agenda, numbered[0].start(), first, None, "record", False, [])
        return
    table = first_record_table(agenda.raw_text, 0, first)
    if table is not None:  # "| Nr | Onderwerp | Besluit |" before the first heading: its rows are the points
        process_region(ctx, agenda, table, first, None, "record", False, [])
        return
    start = _first_prose_line(agenda.raw_text, first)
    if start is not None:
        # minutes that tell part of the meeting before their first heading ("Frederick is nog op zoek naar een taak.
        # Er is besloten dat Frederick ...", then "## Voortgang"): that account is a record too
        process_region(ctx, agenda, start, first, None, "record", False, [])


def _first_prose_line(raw: str, end: int) -> int | None:
    """Where the first sentence before `end` starts (a line that ends a sentence and has half a dozen words in
    lower case: no header line, list of names or table of contents), or None."""
    if re.search(r"(?im)^[ \t]*(?:beste|geachte|hallo|hoi|dag|lieve)\b[^\n]{0,60},[ \t]*$", raw[:end]):
        return None  # a covering letter ("Beste wijkraadsleden, / Hierbij de notulen ..."), not the account
    for m in re.finditer(r"[^\n]+", raw[:end]):
        line = m.group(0)
        if re.search(r"[.!?](?:\s|$)", line) and len(re.findall(r"(?<![\w-])[a-zà-ÿ]+\b", line)) >= 6 \
                and not line.lstrip().startswith("|"):
            return m.start()
    return None


def _postponed_in_title(ctx: Ctx, source: Source, item) -> None:
    """"013 Website Niet besproken": a besluitenlijst row whose outcome ends its title line - the point is
    postponed (the postponed family at the end of the title, not a title about postponing: "Aangehouden moties")."""
    title = " ".join((item.title or "").split())
    found = [m for m in rules.cue("postponed").finditer(title) if not title[m.end():].strip(" .;:-–)*_")
             and not re.search(r"\b(?:wordt|worden|werd|is|zijn)\W*$", title[:m.start()])]  # a sentence, no label
    if not found or found[-1].start() == 0 or not source.raw_text[item.title_start:item.title_end].strip():
        return
    top = doc.top_item(ctx.meeting, item)
    if any(p.item == top.number for p in ctx.postponed):
        return
    s, e = item.title_start, item.title_end
    ctx.postponed.append(Postponed(id=stable_id(ctx.meeting.id, "postponed", s, e), meeting_id=ctx.meeting.id,
                                   item=top.number, item_title=top.title, text=doc.display(ctx, source, s, e),
                                   citation=doc.citation(ctx, source, s, e, top)))


def _decision_in_title(ctx: Ctx, source: Source, item) -> None:
    """"3. Verslag van de vergadering van 14 april wordt geaccordeerd en vastgesteld.": minutes written as numbered
    sentences - the item's title line is itself what the meeting decided (a sentence of five words or more), or a title
    with its outcome after the colon (`_titled_outcome`)."""
    raw = source.raw_text[item.title_start:item.title_end]
    title = " ".join(raw.split())
    if raw.count("\n") > 1:
        return
    if not _titled_outcome(title) and (not title.endswith(".") or len(title.split()) < 5
                                       or not any(h.kind == "decision" for h in rules.analyse(title, "record"))):
        return
    s, e = item.title_start, item.title_end
    top = doc.top_item(ctx.meeting, item)
    ctx.decisions.append(Decision(id=stable_id(ctx.meeting.id, "decision", s, e), meeting_id=ctx.meeting.id,
                                  item=top.number, text=doc.display(ctx, source, s, e),
                                  citation=doc.citation(ctx, source, s, e, top)))


def _titled_outcome(title: str) -> bool:
    """"2. Verslag van ledenvergadering 17 oktober 2019: ongewijzigd vastgesteld, met dank aan de notulist": a title
    with its outcome after the colon ("Title: result" lines), the subject named before it."""
    head, colon, result = title.partition(": ")
    return bool(colon) and len(head.split()) >= 2 and bool(rules.cue("bare_adoption").match(result))


def _proposed_decision(text: str) -> bool:
    """"Besluit: het algemeen bestuur stemt in met ...": a labelled decision whose subject is the formal body; or
    what the agenda puts to the meeting ("Hamerstuk", "Beslispunt: ...", cue family proposal), not its outcome."""
    label = LABEL.match(text)
    if rules.cue("proposal").match(text.strip()) and not rules.cue("proposal_outcome").match(text.strip()):
        return True
    return bool(label and label.group("label").lower().startswith("besl")
                and rules.cue("formal_body").match(text[label.end():]))


def _only_numbered_lines(raw: str, lo: int, hi: int) -> bool:
    """raw[lo:hi] is a list of numbered titles and nothing else (a table of contents), no besluit under them."""
    lines = [ln for ln in raw[lo:hi].splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return all(re.match(r"[ \t]*\d{1,3}[.)][ \t]+\S", ln) for ln in lines)


def _read_after_items(ctx: Ctx, agenda: Source, items: list) -> None:
    """Minutes whose items are the rows of a table ("| 3 | Onderwerp | Besluit |") and whose conclusions,
    toezeggingen or actions follow the table: the text after the last item's region is a record too."""
    own = [i for i in items if i.source_id == agenda.id]
    if not own:
        return
    last = max(max(i.end, i.title_end) for i in own)
    end = agenda.body_end if agenda.body_end is not None else len(agenda.raw_text)
    if agenda.raw_text[last:end].strip():
        process_region(ctx, agenda, last, end, None, "record", False, [])


def _closing_list_start(ctx: Ctx) -> tuple[str, int] | None:
    """(source id, offset) of a closing list of actions or commitments ("## Toezeggingen", "ACTIEPUNTEN") in
    the last part of the minutes, whose lines are the list even where they are written as sentences."""
    if not ctx.meeting.source_ids or ctx.meeting.source_ids[0] not in ctx.sources:
        return None
    source = ctx.sources[ctx.meeting.source_ids[0]]
    end = source.body_end if source.body_end is not None else len(source.raw_text)
    found = None
    for m in re.finditer(r"[^\n]+", source.raw_text[:end]):
        if m.start() > 0.6 * end and list_heading(m.group(0).strip().strip("*#_ ")):
            found = (source.id, m.end())
    return found


def _without_table_duplicates(ctx: Ctx) -> list[Action]:
    """Minutes that end with an action table or list repeat its actions in the text: the list is the list.
    A text action whose owner also owns a list row is that row's action, said in words."""
    closing = _closing_list_start(ctx)
    listed = {a.id for a in ctx.actions if a.id in ctx.table_actions or (
        closing is not None and a.citation.source_id == closing[0] and a.citation.start >= closing[1])}
    rows = [(a.owner.casefold() if a.owner else None, content_words(a.text)) for a in ctx.actions if a.id in listed]

    def said_in_table(a: Action) -> bool:
        # the same task in other words: a row of the same owner about the same thing, or a row whose
        # distinctive words recur ("Afgesproken wordt dat de directie een vervoersregeling ... uitwerkt" /
        # "Vervoersregeling late dienst uitwerken - directie (Frank)")
        words = content_words(a.text)
        owner = a.owner.casefold() if a.owner else None
        return any((owner is not None and owner == row_owner and (words & row_words))
                   or len({w for w in words if len(w) >= 5} & row_words) >= 2 for row_owner, row_words in rows)

    kept = [a for a in ctx.actions if a.id in listed or not said_in_table(a)]
    return _dedupe(kept)


def is_procedural(decision: Decision, meeting: Meeting) -> bool:
    """"De agenda wordt ongewijzigd vastgesteld", "Op het verslag zijn geen opmerkingen": the meeting adopting its
    own agenda, remarks-free minutes without an adoption verb, a later sign-off ("Aldus vastgesteld in ...").
    The shared annotation conventions (shared/eval/README.md) leave these out of the besluitenlijst; the
    adoption of the previous minutes with an adoption verb ("Het verslag wordt ongewijzigd vastgesteld.") is a
    decision and is not matched by the procedural family."""
    quote = " ".join(decision.citation.quote.split())
    if rules.cue("procedural").search(quote) or rules.cue("procedural").search(" ".join(decision.text.split())):
        return True  # the quote, or the Besluit cell of a table row ("1 | Opening | De agenda wordt vastgesteld.")
    item = meeting.item(decision.item) if decision.item else None
    if item is not None and re.match(r"\W*(?:deze|die|dit|zij|ze)\b", quote, re.I) \
            and rules.cue("procedural").search(" ".join((item.title or "").split()) + " akkoord"):
        return True  # "1. Vaststelling agenda / Deze wordt zonder aanpassingen vastgesteld.": the agenda, by pronoun
    lines = [ln for ln in decision.citation.quote.splitlines() if ln.strip()]
    if len(lines) > 1 and rules.cue("bare_adoption").match(lines[-1]) and not lines[-1].lstrip()[:1].islower():
        # (a sentence wrapped over two lines, "... van 26 november 2024 is eenparig \ngoedgekeurd.", is one decision)
        # a label cited with its subject ("2. Verslag 17 november\nVastgesteld."): the subject says what it is
        return bool(rules.cue("paperwork_title").search(lines[0]))
    return bool(rules.cue("bare_adoption").match(decision.text) and item is not None
                and rules.cue("paperwork_title").search(item.title or ""))


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
    result = scorer.apply_setting(rule_extract(meeting, sources), meeting, sources)  # off by default
    if llm is None:
        return result
    try:
        llm_result = llm_extract.extract_with_llm(meeting, sources, llm, result)
        checked = _only_grounded(llm_result, sources)
        return checked.model_copy(update={"llm_used": bool(getattr(llm_result, "llm_used", True)),
                                          "lexicon_version": result.lexicon_version})
    except Exception as exc:  # the LLM path is an improvement, never a requirement
        log.warning("LLM-extractie mislukt: %s", exc)
        return result.model_copy(update={
            "llm_used": False, "warnings": result.warnings + [f"LLM niet gebruikt ({exc}); regelresultaat getoond"]})


