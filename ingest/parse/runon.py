"""Agendas inside run-on text: a page per line (transcripts of PDF pages on web sites, text copied without
its line breaks), the items numbered inside the line ('AGENDA 1. Opening en welkom 2. Berichten van
verhindering 3. Vaststellen van de agenda ...', 'Agendapunt 2. Stichting Vrienden ...').

Only for documents made of such lines (lines of `RUN_ON` characters or more hold most of the text, one
with two numbers at least), and only where the chain is longer than what the lines give (`items`);
the items are the longest chain of inline numbers that counts up from 1 ('3a', '3b' included; one number
may be missing, as text extraction sometimes loses one; two where both say 'Agendapunt'), the later chain where an overview and the minutes both number
them. A title runs to the next number, a sub-point ('a. ...'), a sentence end or a label ('Besluit:'),
at most `MAX_TITLE_WORDS` words.
"""

from __future__ import annotations

import re

from ingest.parse.kinds import kinds_in
from ingest.parse.lines import Line, body_limit, display, plain, rstrip_pos
from notulist.models import AgendaItem, Source
from notulist.nl import lexicon

RUN_ON = 400
MIN_ITEMS = 3
MAX_TITLE_WORDS = 20
_MARK = re.compile(r"(?:(?<=\s)|^)(?P<kw>(?i:agenda)?(?i:punt)\s*:?\s*)?(?P<num>0?\d{1,2}[a-z]?)(?:[.)]\s+|\.(?=[A-ZÀ-Ý][a-zà-ÿ]{2}))(?=[A-ZÀ-Ý\"'‘“(])")
_TITLE_END = re.compile(r"\s(?:[a-z][.)]\s|\d{1,2}[.)]\s)|(?<=[a-zà-ÿ]{2})[.!?;]\s+(?=[A-ZÀ-Ý])|\s(?=[A-ZÀ-Ý][\w-]*\s?:\s)|\s\*(?=\s)")


def _marks(text: str, lines: list[Line]) -> list[re.Match[str]]:
    out = []
    for ln in lines:
        if len(ln.raw) >= RUN_ON or out:
            out += list(_MARK.finditer(text, ln.start, ln.end))
    return out


def _key(m: re.Match[str]) -> tuple[int, str]:
    num = m.group("num")
    return (int(num.rstrip("abcdefghijklmnopqrstuvwxyz")), num[-1] if num[-1].isalpha() else "")


def _follows(prev: tuple[int, str], nxt: tuple[int, str]) -> int:
    """1 where nxt is the next number after prev ('2' -> '3', '3a' -> '3b', '2' -> '3a'), 2 where one
    number is missing between them, else 0."""
    if nxt[0] == prev[0] and nxt[1] and nxt[1] > prev[1]:
        return 1 if ord(nxt[1]) - ord(prev[1] or "`") == 1 else 0
    if nxt[1] in ("", "a") and nxt[0] - prev[0] in (1, 2):
        return nxt[0] - prev[0]
    return 0


def _chain(marks: list[re.Match[str]], first: int) -> list[re.Match[str]]:
    """The numbers counting up from marks[first] (value 1), one missing number allowed."""
    chain = [marks[first]]
    for k, m in enumerate(marks[first + 1:], first + 1):
        step = _follows(_key(chain[-1]), _key(m))
        if step == 1 or (step == 2 and not any(_follows(_key(chain[-1]), _key(o)) == 1 for o in marks[k:])):
            chain.append(m)
    return chain


def _title_end(text: str, start: int, stop: int) -> int:
    """Where the title after a number ends (see module doc); a capitalised function word after its first
    word ('Opening De voorzitter opent ...') starts the item's text, whose full stop the run-on lost."""
    m = _TITLE_END.search(text, start, stop)
    end = m.start() if m else stop
    words = list(re.finditer(r"\S+", text[start:end]))
    lex = lexicon()
    small = lex.word_set("function_words") | lex.word_set("stop_words")
    for k, w in enumerate(words[1:MAX_TITLE_WORDS], 1):
        if w.group()[:1].isupper() and w.group().lower().strip(",.:;") in small:
            return rstrip_pos(text, start, start + words[k - 1].end())
    if len(words) > MAX_TITLE_WORDS:
        end = start + words[MAX_TITLE_WORDS - 1].end()
    return rstrip_pos(text, start, end)


def runon_items(source: Source, lines: list[Line]) -> tuple[list[AgendaItem], int] | None:
    """The items of a run-on document (see module doc) and where its header ends, or None."""
    if not any(len(ln.raw) >= RUN_ON and len(list(_MARK.finditer(ln.raw))) >= 2 for ln in lines):
        return None
    if 2 * sum(len(ln.raw) for ln in lines if len(ln.raw) >= RUN_ON) < sum(len(ln.raw) for ln in lines):
        return None  # most of the text is in ordinary lines: long paragraphs, not pages run together
    text = source.raw_text
    marks = _marks(text, lines)
    chains = [_chain(marks, k) for k, m in enumerate(marks) if _key(m)[0] == 1]
    best = max(chains, key=len, default=[])
    best = max((c for c in chains if len(c) == len(best)), key=lambda c: c[0].start(), default=best)
    if len(best) < (2 if all(m.group("kw") for m in best) else MIN_ITEMS):
        return None
    limit = body_limit(source)
    items = []
    for k, m in enumerate(best):
        stop = best[k + 1].start() if k + 1 < len(best) else limit
        t_end = _title_end(text, m.end(), stop)
        title = plain(display(source, m.end(), t_end)).rstrip(" *:-–")
        items.append(AgendaItem(number=m.group("num"), numbered=True, title=title, kinds=kinds_in(title),
                                source_id=source.id, start=m.start(), end=rstrip_pos(text, m.start(), stop),
                                title_start=m.end(), title_end=t_end))
    return items, best[0].start()


_KIND_START = re.compile(r"\b(?:notulen|verslag|besluitenlijst|agenda)\b", re.I)
_TITLE_STOP = re.compile(r",|\s(?=(?:gehouden|aanvang|aanwezig|plaats|locatie|voorzitter|datum|tijd)\b)|\s(?=\w+\s?:\s)"
                         r"|\s(?=\d{1,2}[.)]\s)", re.I)
RUN_ON_TITLE_WORDS = 15  # a header line this long is run-on text, not a title line


def title_in_run_on(text: str) -> str | None:
    """The title inside a run-on header line ('1 Registratienummer Notulen openbare vergadering van de
    gemeenteraad van Bloemendaal over de BEGROTING 2010 gehouden op ...'): from the first word naming the
    document kind (capitalised) to a comma, a header label ('gehouden', 'Aanwezig', 'Plaats: ...') or a numbered item."""
    if len(text.split()) < RUN_ON_TITLE_WORDS:
        return None
    m = next((k for k in _KIND_START.finditer(text) if k.group()[:1].isupper()), None)
    if m is None:
        return None  # 'in het verslag bij ...' in a sentence names no document: a title writes its kind capitalised
    stop = _TITLE_STOP.search(text, m.end())
    words = text[m.start():stop.start() if stop else len(text)].split()[:MAX_TITLE_WORDS]
    words = words[:-1] if words and words[-1].lower() in ("op", "van", "d.d.", "dd") else words
    return " ".join(words) if len(words) >= 2 else None
