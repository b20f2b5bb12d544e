"""Decisions, actions and postponed items by an LLM, accepted only where grounded (per agenda item).

The rule engine's result is the floor: the LLM's output for an agenda item replaces it only when every
decision/action/postponement it gives for that item quotes an exact span of the stored source (located
whitespace-tolerantly, stored as the exact slice). Anything else keeps the rule engine's result for that
item, with the reason in `Extraction.warnings`.

A meeting that fits the model's context goes in one call; otherwise each agenda item is a call of its
own (map) and the per-item results are merged (reduce) — never truncated. An item too long on its own
is split into windows of whole paragraphs.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field, field_validator

from notulist.errors import LLMContextTooLongError, LLMError, LLMOutputError
from notulist.llm import LLMClient, count_message_tokens, overlaps_injection, supported_by
from notulist.models import (
    Action,
    AgendaItem,
    Citation,
    Decision,
    Extraction,
    Meeting,
    Postponed,
    Source,
    stable_id,
)
from notulist.settings import encoding
from prompts import as_document, load_prompt
from summarise.llm_grounding import as_written, check_owner, item_text, locate, resolve_due

log = logging.getLogger("notulist.llm")

# --------------------------------------------------------------------------- what the model must return


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore")


class LLMDecision(_Lenient):
    tekst: str = ""
    citaat: str


class LLMAction(_Lenient):
    tekst: str = ""
    citaat: str
    eigenaar: str | None = None
    eigenaar_gelakt: bool = False
    termijn: str | None = None


class LLMPoint(_Lenient):
    punt: str
    besluiten: list[LLMDecision] = Field(default_factory=list)
    acties: list[LLMAction] = Field(default_factory=list)
    doorgeschoven: str | None = None

    @field_validator("punt", mode="before")
    @classmethod
    def _number_as_text(cls, value):
        return str(value) if isinstance(value, (int, float)) else value


class LLMExtractionOutput(_Lenient):
    punten: list[LLMPoint] = Field(default_factory=list)


# --------------------------------------------------------------------------- entry point


@dataclass
class _ItemOutcome:
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    postponed: list[Postponed] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)  # reasons


def extract_with_llm(meeting: Meeting, sources: dict[str, Source], llm: LLMClient,
                     rule_result: Extraction) -> Extraction:
    """The LLM's extraction where it is grounded, the rule engine's everywhere else.

    Never raises for a failing server: the rule engine's result comes back with one warning line and
    `llm_used` False, so callers need no special handling (they may still catch LLMError).
    """
    items = [i for i in meeting.items if i.source_id in sources]
    if not items:
        return rule_result
    prompt = load_prompt("extract")
    outputs: dict[str, list[LLMPoint]] = {}  # item number -> what the model said about it
    processed: set[str] = set()  # items the model was asked about and answered validly
    failures: dict[str, str] = {}  # item number -> why the model gave nothing usable

    planner = _Planner(meeting, sources, llm, prompt)
    pending = deque(planner.whole_meeting(items))
    try:
        while pending:
            batch = pending.popleft()
            numbers = [b.number for b in batch.items]
            try:
                result = llm.chat_json(batch.messages, LLMExtractionOutput, prompt_version=prompt.version,
                                       max_tokens=batch.max_tokens)
            except LLMOutputError as exc:
                log.info("LLM-extractie %s punt(en) %s: %s", meeting.id, numbers, exc)
                for n in numbers:
                    failures.setdefault(n, f"ongeldige uitvoer ({exc})")
                continue
            except LLMContextTooLongError as exc:
                # the server counts tokens differently from our estimate: map finer, never truncate
                if len(batch.items) > 1:
                    pending.extendleft(reversed([b for item in batch.items for b in planner.per_item(item)]))
                elif batch.level < 3:
                    pending.extendleft(reversed(planner.per_item(batch.items[0], level=batch.level + 1)))
                else:
                    failures.setdefault(numbers[0], f"te lang voor het model ({exc})")
                continue
            processed.update(numbers)
            for point in result.punten:
                outputs.setdefault(_match_item(point.punt, batch.items) or "?", []).append(point)
    except LLMError as exc:  # unreachable, 401, 429 after retries: stop asking, keep the rule engine
        log.info("LLM niet gebruikt voor %s: %s", meeting.id, exc)
        if not processed:
            return rule_result.model_copy(update={
                "llm_used": False,
                "warnings": rule_result.warnings + [f"LLM niet gebruikt ({exc}); resultaat van de regel-engine"],
            })
        for item in items:
            if item.number not in processed:
                failures.setdefault(item.number, str(exc))

    by_number = {i.number: i for i in items}
    outcomes: dict[str, _ItemOutcome] = {}
    for number in processed:
        outcomes[number] = _ItemOutcome()
    for said_about, points in outputs.items():
        for point in points:
            _ground_point(point, said_about, meeting, by_number, sources, outcomes)

    # an item the model said nothing about keeps the rule engine's result (silence is not "nothing here")
    spoken = {n for n, o in outcomes.items() if n in outputs or o.decisions or o.actions or o.postponed}
    used = {n for n in spoken if n in processed and not outcomes[n].rejected and n not in failures}
    rejected = {n: o.rejected for n, o in outcomes.items() if o.rejected}
    result = _merge(meeting, rule_result, outcomes, used, rejected, failures)
    if processed and not used and not rejected and not failures:
        said = sum(len(p) for p in outputs.values())
        result.warnings.append("LLM-uitvoer bevatte niets bruikbaars voor de agendapunten "
                               f"({said} punt(en) zonder herkenbaar nummer); resultaat van de regel-engine")
    return result


# --------------------------------------------------------------------------- map: batches of items


@dataclass
class _Batch:
    items: list[AgendaItem]
    messages: list[dict[str, str]]
    max_tokens: int
    level: int = 0  # 0: as planned; each context error from the server halves the window budget


def _item_blocks(item: AgendaItem, sources: dict[str, Source], text: str | None = None) -> list[str]:
    """The item's exact text (and notes kept in another file) as delimited data blocks."""
    source = sources[item.source_id]
    blocks = [as_document(text if text is not None else source.raw_text[item.start:item.end],
                          punt=item.number, titel=item.title)]
    for note in item.notes:
        if note.source_id != item.source_id and note.source_id in sources:
            blocks.append(as_document(note.text, punt=item.number, soort="notitie tijdens de vergadering"))
    return blocks


def _meeting_label(meeting: Meeting) -> str:
    when = meeting.date.isoformat() if meeting.date else (meeting.date_as_written or "datum onbekend")
    return f"{meeting.title} ({when})"


class _Planner:
    """Map step: the whole meeting in one call when it fits; else one per item; else windows of one item."""

    def __init__(self, meeting: Meeting, sources: dict[str, Source], llm: LLMClient, prompt):
        self.sources, self.llm, self.prompt = sources, llm, prompt
        self.label = _meeting_label(meeting)
        self.max_tokens = llm.default_max_tokens()

    def render(self, blocks: list[str]) -> list[dict[str, str]]:
        return self.prompt.render(vergadering=self.label, documenten="\n\n".join(blocks))

    def whole_meeting(self, items: list[AgendaItem]) -> list[_Batch]:
        messages = self.render([b for item in items for b in _item_blocks(item, self.sources)])
        if self.llm.fits(messages, self.max_tokens):
            return [_Batch(items, messages, self.max_tokens)]
        return [b for item in items for b in self.per_item(item)]

    def per_item(self, item: AgendaItem, *, level: int = 0) -> list[_Batch]:
        messages = self.render(_item_blocks(item, self.sources))
        if level == 0 and self.llm.fits(messages, self.max_tokens):
            return [_Batch([item], messages, self.max_tokens)]
        overhead = count_message_tokens(self.render([]))
        budget = (self.llm.prompt_budget(self.max_tokens) - overhead - 64) // (2 ** level)
        text = self.sources[item.source_id].raw_text[item.start:item.end]
        return [_Batch([item], self.render(_item_blocks(item, self.sources, text=window)), self.max_tokens, level)
                for window in _windows(text, max(32, budget))]


def _windows(text: str, budget_tokens: int) -> list[str]:
    """Consecutive pieces of `text` (cut after lines, then sentences, then tokens), each within budget.

    Joined back together the windows are exactly `text`, so nothing is left out of the map step.
    """

    def size(piece: str) -> int:
        return count_message_tokens([{"role": "user", "content": piece}])

    segments: list[str] = []
    for line in re.split(r"(?<=\n)", text):
        for sentence in re.split(r"(?<=[.!?] )", line):
            if sentence and size(sentence) > budget_tokens:
                segments += _token_slices(sentence, budget_tokens)
            elif sentence:
                segments.append(sentence)
    windows: list[str] = []
    current = ""
    for segment in segments:
        if current and size(current + segment) > budget_tokens:
            windows.append(current)
            current = segment
        else:
            current += segment
    if current.strip():
        windows.append(current)
    return windows


def _token_slices(text: str, budget_tokens: int) -> list[str]:
    enc = encoding()
    tokens = enc.encode(text, disallowed_special=())
    step = max(16, int(budget_tokens / 1.5))
    return [enc.decode(tokens[i:i + step]) for i in range(0, len(tokens), step)]


def _match_item(said: str, candidates: list[AgendaItem]) -> str | None:
    """'5', '5.', 'punt 5', 'Agendapunt 5' -> '5' (only among the items the call was about)."""
    clean = re.sub(r"(?i)^\s*(agenda)?punt\s*", "", said or "").strip().rstrip(".:) ").strip()
    for item in candidates:
        if clean == item.number or clean.casefold() == item.title.casefold():
            return item.number
    return candidates[0].number if len(candidates) == 1 else None


# --------------------------------------------------------------------------- grounding per item


def _ground_point(point: LLMPoint, said_about: str, meeting: Meeting, by_number: dict[str, AgendaItem],
                  sources: dict[str, Source], outcomes: dict[str, _ItemOutcome]) -> None:
    """Turn one item's LLM output into domain objects, or record why each part is rejected."""

    def place(quote: str) -> tuple[AgendaItem, Citation] | None:
        # the item the model named first; a quote that is really in another item is moved there
        order = ([by_number[said_about]] if said_about in by_number else []) + [
            i for i in by_number.values() if i.number != said_about]
        for item in order:
            hit = locate(quote, item, sources)
            if hit is not None:
                source_id, start, end = hit
                if overlaps_injection(start, end, sources[source_id].raw_text):
                    log.info("citaat uit een tekst die zich tot het model richt, verworpen: %r", quote[:80])
                    return None
                return item, Citation(meeting_id=meeting.id, date=meeting.date, item=item.number,
                                      item_title=item.title, quote=sources[source_id].raw_text[start:end],
                                      source_id=source_id, start=start, end=end)
        return None

    def reject(reason: str) -> None:
        outcomes.setdefault(said_about, _ItemOutcome()).rejected.append(reason)
        log.info("LLM-uitvoer verworpen (%s, punt %s): %s", meeting.id, said_about, reason)

    def place_supported(kind: str, quote: str, said: str) -> tuple[AgendaItem, Citation, str] | None:
        """(item, citation, text) when the quote is in the source and supports the text; else recorded as rejected."""
        placed = place(quote)
        if placed is None:
            reject(f"{kind}-citaat niet in de bron: {quote[:80]!r}")
            return None
        item, cit = placed
        text = said.strip() or cit.quote
        if not supported_by(text, cit.quote):
            reject(f"{kind} niet gedekt door het citaat: {text[:80]!r}")
            return None
        return item, cit, text

    for d in point.besluiten:
        if (found := place_supported("besluit", d.citaat, d.tekst)) is None:
            continue
        item, cit, text = found
        outcomes.setdefault(item.number, _ItemOutcome()).decisions.append(Decision(
            id=stable_id(meeting.id, "decision", cit.source_id, cit.start, cit.end), meeting_id=meeting.id,
            item=item.number, text=text, citation=cit, method="llm"))

    for a in point.acties:
        if (found := place_supported("actie", a.citaat, a.tekst)) is None:
            continue
        item, cit, text = found
        text_of_item = item_text(item, sources)
        owner, redacted = check_owner(a.eigenaar, a.eigenaar_gelakt, cit, text_of_item, sources)
        due = as_written(a.termijn, cit.quote, text_of_item)
        outcomes.setdefault(item.number, _ItemOutcome()).actions.append(Action(
            id=stable_id(meeting.id, "action", cit.source_id, cit.start, cit.end), meeting_id=meeting.id,
            item=item.number, text=text, owner=owner, owner_redacted=redacted, due=due,
            due_date=resolve_due(due, meeting.date), citation=cit, method="llm"))

    if point.doorgeschoven and point.doorgeschoven.strip():
        placed = place(point.doorgeschoven)
        if placed is None:
            reject(f"citaat voor 'doorgeschoven' niet in de bron: {point.doorgeschoven[:80]!r}")
        else:
            item, cit = placed
            outcomes.setdefault(item.number, _ItemOutcome()).postponed.append(Postponed(
                id=stable_id(meeting.id, "postponed", cit.source_id, cit.start, cit.end), meeting_id=meeting.id,
                item=item.number, item_title=item.title, text=cit.quote, citation=cit, method="llm"))


# --------------------------------------------------------------------------- reduce


def _merge(meeting: Meeting, rule: Extraction, outcomes: dict[str, _ItemOutcome], used: set[str],
           rejected: dict[str, list[str]], failures: dict[str, str]) -> Extraction:
    """Per item: the LLM's grounded result where usable, otherwise the rule engine's (deduplicated)."""
    order = {item.number: pos for pos, item in enumerate(meeting.items)}

    def pick(rule_entries, llm_attr):
        kept = [e for e in rule_entries if e.item not in used]
        for number in used:
            kept += _dedupe(getattr(outcomes[number], llm_attr))
        return sorted(kept, key=lambda e: (order.get(e.item or "", len(order)), e.citation.start))

    warnings = list(rule.warnings)
    if rejected:
        numbers = ", ".join(n if n != "?" else "(onbekend)" for n in sorted(rejected, key=lambda n: order.get(n, len(order))))
        warnings.append(f"LLM-uitvoer verworpen voor punt {numbers} (citaat niet letterlijk in de bron of "
                        f"niet passend); daar geldt de regel-engine")
    if failures:
        numbers = ", ".join(sorted(failures, key=lambda n: order.get(n, 0)))
        reason = next(iter(failures.values()))
        warnings.append(f"LLM gaf geen bruikbaar antwoord voor punt {numbers} ({reason}); daar geldt de regel-engine")
    return Extraction(
        meeting_id=meeting.id,
        decisions=pick(rule.decisions, "decisions"),
        actions=pick(rule.actions, "actions"),
        postponed=pick(rule.postponed, "postponed"),
        llm_used=bool(used),
        warnings=warnings,
    )


def _dedupe(entries: list) -> list:
    """Drop an entry whose quote overlaps an earlier one by more than half (windows and retries repeat)."""
    kept: list = []
    for e in entries:
        c = e.citation
        if any(k.citation.source_id == c.source_id and
               min(k.citation.end, c.end) - max(k.citation.start, c.start) > 0.5 * min(c.end - c.start, k.citation.end - k.citation.start)
               for k in kept):
            continue
        kept.append(e)
    return kept
