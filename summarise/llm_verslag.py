"""Per agenda item, a short account for the verslag written by the LLM — every sentence grounded.

For `summarise.verslag.draft_verslag(..., llm=...)`: it asks `item_accounts_with_llm` for the items'
accounts and uses its own (rule-based) text for every item missing from the result. A sentence is kept
only if its quote is an exact span inside that agenda item (or its notes) and shares content words with
the sentence; the same map-then-reduce planning as the extraction keeps long meetings whole.
"""

from __future__ import annotations

import logging
from collections import deque

from pydantic import BaseModel, ConfigDict, Field, field_validator

from notulist.errors import LLMContextTooLongError, LLMOutputError
from notulist.llm import LLMClient, overlaps_injection, supported_by
from notulist.models import Citation, Meeting, Source
from prompts import load_prompt
from notulist.grounding import ground
from summarise.llm_extract import _match_item, _Planner
from summarise.llm_grounding import item_spans

log = logging.getLogger("notulist.llm")


class _Sentence(BaseModel):
    model_config = ConfigDict(extra="ignore")
    tekst: str
    citaat: str


class _Point(BaseModel):
    model_config = ConfigDict(extra="ignore")
    punt: str
    zinnen: list[_Sentence] = Field(default_factory=list)

    @field_validator("punt", mode="before")
    @classmethod
    def _number_as_text(cls, value):
        return str(value) if isinstance(value, (int, float)) else value


class VerslagOutput(BaseModel):
    model_config = ConfigDict(extra="ignore")
    punten: list[_Point] = Field(default_factory=list)


class AccountSentence(BaseModel):
    """One sentence of an item's account and the exact quote it rests on."""

    text: str
    citation: Citation


def item_accounts_with_llm(meeting: Meeting, sources: dict[str, Source], llm: LLMClient
                           ) -> tuple[dict[str, list[AccountSentence]], list[str]]:
    """({item number: grounded sentences}, warnings). Items without a usable account are left out.

    Raises LLMError when the server cannot be used at all (unreachable, 401, 429), so the caller drafts
    the rule-based verslag and says so in one line.
    """
    items = [i for i in meeting.items if i.source_id in sources]
    prompt = load_prompt("verslag")
    planner = _Planner(meeting, sources, llm, prompt)
    pending = deque(planner.whole_meeting(items)) if items else deque()
    by_number = {i.number: i for i in items}
    accounts: dict[str, list[AccountSentence]] = {}
    dropped: dict[str, int] = {}
    failed: list[str] = []
    while pending:
        batch = pending.popleft()
        try:
            output = llm.chat_json(batch.messages, VerslagOutput, prompt_version=prompt.version,
                                   max_tokens=batch.max_tokens)
        except LLMContextTooLongError:
            if len(batch.items) > 1:
                pending.extendleft(reversed([b for item in batch.items for b in planner.per_item(item)]))
            elif batch.level < 3:
                pending.extendleft(reversed(planner.per_item(batch.items[0], level=batch.level + 1)))
            else:
                failed.append(batch.items[0].number)
            continue
        except LLMOutputError as exc:
            log.info("LLM-verslag %s: %s", meeting.id, exc)
            failed += [i.number for i in batch.items]
            continue
        for point in output.punten:
            number = _match_item(point.punt, batch.items)
            if number is None:
                continue
            item = by_number[number]
            for sentence in point.zinnen:
                citation = _ground_in_item(sentence, item, meeting, sources)
                if citation is None:
                    dropped[number] = dropped.get(number, 0) + 1
                    continue
                kept = accounts.setdefault(number, [])
                if all(k.citation != citation for k in kept):
                    kept.append(AccountSentence(text=" ".join(sentence.tekst.split()), citation=citation))
    warnings: list[str] = []
    if dropped:
        total = sum(dropped.values())
        warnings.append(f"{total} verslagzin(nen) van het LLM weggelaten (geen letterlijk citaat uit het agendapunt)")
    if failed:
        warnings.append(f"LLM gaf geen bruikbaar verslag voor punt {', '.join(dict.fromkeys(failed))}; "
                        f"daar de tekst van de regel-engine")
    return accounts, warnings


def _ground_in_item(sentence: _Sentence, item, meeting: Meeting, sources: dict[str, Source]) -> Citation | None:
    text = " ".join(sentence.tekst.split())
    if not text or not sentence.citaat.strip() or len(sentence.citaat) > 600:
        return None
    for source_id, within in item_spans(item):
        source = sources.get(source_id)
        found = ground(sentence.citaat, source, near=within[0], within=within) if source else None
        if found is None:
            continue
        start, end = found
        if overlaps_injection(start, end, source.raw_text) or not supported_by(text, source.raw_text[start:end]):
            return None
        return Citation(meeting_id=meeting.id, date=meeting.date, item=item.number, item_title=item.title,
                        quote=source.raw_text[start:end], source_id=source_id, start=start, end=end)
    return None


def render_account(sentences: list[AccountSentence]) -> str:
    """The account as one paragraph (markdown), for the verslag body."""
    return " ".join(s.text if s.text.endswith((".", "!", "?")) else f"{s.text}." for s in sentences)
