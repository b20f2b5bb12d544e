"""Threads: the same subject across meetings of one series, matched by normalised title similarity.

"NB: de agendapunten 3 en 4 stonden al op de agenda" lines are not trusted (numbers shift between
meetings); titles are compared instead, with acronyms expanded ("MO" = "Midden-Oosten"). Procedural
items (Opening, Mededelingen, Rondvraag, ...) recur in every meeting and form no thread.
"""

from __future__ import annotations

import re

from ingest.notes.titles import norm_title, title_similarity
from notulist.models import AgendaItem, Meeting, Thread, stable_id

# LOCAL Dutch words (not in notulist/nl yet; listed in the issue-12 INGEST report):
# procedural item titles (Opening, Mededelingen, Rondvraag, ...); the lexicon's
# `procedural` family is about clauses ('agenda vastgesteld'), not titles
_PROCEDURAL = re.compile(
    r"^(?:opening(?: en mededelingen)?|welkom|mededelingen?(?: actualiteiten)?|actualiteiten|mededelingen actualiteiten|"
    r"actielijst|actiepunten|rondvraag|sluiting|wvttk|w v t t k|vaststellen (?:van )?(?:de )?(?:agenda|notulen|verslag)"
    r"(?: en actielijst)?|vaststelling (?:van )?(?:de )?(?:agenda|notulen|verslag)|agenda|notulen|verslag(?: vorige "
    r"vergadering)?|notulen vorige vergadering|ingekomen stukken|ingekomen en uitgaande stukken|bila|"
    r"(?:notulen|verslag) en actielijst|terugblik|afsluiting)\b", re.I)

THRESHOLD = 85.0


def _is_procedural(item: AgendaItem) -> bool:
    return bool(_PROCEDURAL.match(norm_title(item.title))) and len(norm_title(item.title).split()) <= 6


def find_threads(meetings: list[Meeting]) -> list[Thread]:
    """Threads of items on the same subject in two or more meetings of the same series."""
    by_series: dict[str, list[Meeting]] = {}
    for m in meetings:
        by_series.setdefault(m.series.casefold(), []).append(m)
    threads: list[Thread] = []
    for key, group in by_series.items():
        group = sorted(group, key=lambda m: (m.date is None, m.date or 0, m.id))
        nodes = [(mi, item) for mi, m in enumerate(group) for item in m.items
                 if (item.parent is None or item.numbered) and not _is_procedural(item)]
        parent = list(range(len(nodes)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        # each item links to its best match in every other meeting (one item per meeting)
        for a, (ma, ia) in enumerate(nodes):
            best: dict[int, tuple[float, int]] = {}
            for b, (mb, ib) in enumerate(nodes):
                if mb <= ma:
                    continue
                score = title_similarity(ia.title, ib.title)
                if score >= THRESHOLD and score > best.get(mb, (0.0, -1))[0]:
                    best[mb] = (score, b)
            for _, b in best.values():
                parent[find(b)] = find(a)
        groups: dict[int, list[int]] = {}
        for n in range(len(nodes)):
            groups.setdefault(find(n), []).append(n)
        for members in groups.values():
            per_meeting: dict[int, int] = {}
            for n in members:
                per_meeting.setdefault(nodes[n][0], n)
            if len(per_meeting) < 2:
                continue
            ordered = [per_meeting[mi] for mi in sorted(per_meeting)]
            first_meeting, first_item = group[nodes[ordered[0]][0]], nodes[ordered[0]][1]
            threads.append(Thread(
                id=stable_id(key, first_meeting.id, first_item.number),
                series=first_meeting.series,
                title=first_item.title,
                items=[(group[nodes[n][0]].id, nodes[n][1].number) for n in ordered],
            ))
    threads.sort(key=lambda t: (t.series, t.items[0]))
    return threads
