"""Reports on open actions in the text of later meetings: "Els heeft bij de Hartstichting nagevraagd"
closes "Els informeert naar de kosten bij de Hartstichting" of an earlier meeting of the series.

A clause of a later meeting reports on an open action when it names the action's owner, shares a
content word with it and says it is done (the rule engine's done cues, or a perfect tense: "heeft ...
nagevraagd") or says it is not done yet ("loopt nog"). The clause is the evidence, cited exactly.
"""

from __future__ import annotations

import re

from notulist.models import Citation, Meeting, Source
from notulist.text import clause_spans
from summarise.rules import done_report, reports_done, says_not_done

_PERFECT = re.compile(r"\b(?:heeft|hebben|is|zijn)\b(?:\s+\S+){0,8}?\s+(?:ge\w{3,}|\w{2,}ge\w{3,}[dt])\b", re.I)
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{6,}")


def _stems(text: str, skip: set[str]) -> set[str]:
    return {w.casefold()[:7] for w in _WORD.findall(text) if w.casefold() not in skip}


def _item_at(meeting: Meeting, source_id: str, offset: int):
    inside = [i for i in meeting.items if i.source_id == source_id and i.start <= offset < i.end]
    return max(inside, key=lambda i: i.start) if inside else None


def find_report(owner: str, action_text: str, meeting: Meeting, sources: dict[str, Source]
                ) -> tuple[bool, Citation] | None:
    """(done, evidence) from the first clause of `meeting` that reports on the owner's action, if any."""
    first = owner.split()[0]
    if len(first) < 2 or first.startswith("["):
        return None
    words = _stems(action_text, {first.casefold()})
    for source in sources.values():
        raw = source.raw_text
        for s, e in clause_spans(raw, 0, source.body_end or len(raw)):
            clause = raw[s:e]
            if not re.search(rf"\b{re.escape(first)}\b", clause) or not (words & _stems(clause, set())):
                continue
            done = reports_done(clause) or done_report(clause) or bool(_PERFECT.search(clause))
            if not (done or says_not_done(clause)):
                continue
            item = _item_at(meeting, source.id, s)
            return done, Citation(meeting_id=meeting.id, date=meeting.date, item=item.number if item else None,
                                  item_title=item.title if item else None, quote=clause, source_id=source.id,
                                  start=s, end=e)
    return None
