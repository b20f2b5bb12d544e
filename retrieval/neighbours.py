"""Quotable sentences and their neighbours: which sentence of the stored text a quote leans on or
announces, so that an answer quotes the sentence holding the fact and not only its context.

- a quote that refers back ("Zij volgt hiermee de heer ... op.") comes with the sentence before it;
- a context sentence comes with the next one when that refers back, holds the kind of fact the question
  asks for and the quote lacks (who, when, why, how many, how often), or states the outcome an outcome
  question asks for ("... wordt besproken." + "Besloten wordt ..."); past a sentence that does neither,
  a later sentence of the same paragraph still comes when it holds the asked kind of fact the quote lacks
  ("MR basiscursus. Inschrijven was niet meer mogelijk. Vanaf maandag 26/3 ...");
- a quote that raises a point (a question, a request, a remark) comes with the reply to it;
- a sentence ending in a colon (or in "dit waren", "als volgt") comes with the list it announces;
- a bare label line quoted last comes with the value under it ("Locatie" + "Het Waterschapshuis");
- a quote comes with the short fragments on its line that its full stops cut off (a row's owner and outcome).
The cue words are data (notulist/nl/data/retrieval_answers.toml, read through retrieval/cues.py).
"""

from __future__ import annotations

import re

from notulist.text import clause_spans
from retrieval.cues import answers_type, cue, quote_cue, raises_point, refers_back, replies
from retrieval.intent import Intent

Span = tuple[int, int]

_PARAGRAPH = re.compile(r"\n\s*\n")

MAX_LIST_SENTENCES = 4  # sentences quoted after a sentence that ends in a colon (the list it announces)

MAX_FOLLOW = 3  # sentences quoted after a quote because they continue it

MAX_LOOK = 4  # sentences after a quote, inside its paragraph, looked at for the asked kind of fact

MIN_TAIL = 4  # letters of a word that a compound of the question ends in ("team|borrel", "bestuurs|vergadering")


def sentence_spans(text: str, start: int, end: int) -> list[Span]:
    """Quotable sentences of text[start:end]: the shared clause spans of notulist.text (split at sentence
    ends, not after an abbreviation of the language data, a wrapped line glued on, markdown marks trimmed),
    each an exact span with at least a word in it."""
    return [(s, e) for s, e in clause_spans(text, start, end) if e - s >= 3 and re.search(r"\w", text[s:e])]


def covers_tail(group: tuple[str, ...], own: set[str]) -> bool:
    """A compound of the question whose last part the sentence names ("teamborrel" -> "de borrel")."""
    return any(len(q) > len(w) + 2 and q.endswith(w) for q in group for w in own if len(w) >= MIN_TAIL)


MIN_HEAD = 4  # letters of the first part of a compound met in parts

MIN_PART = 3  # ... and of its last part ("staten|lid")


def covers_parts(group: tuple[str, ...], own_words: set[str]) -> bool:
    """A compound of the question written apart in the text: both its parts are words there
    ("Statenlid" / "lid van Provinciale Staten", "belastingreglementen" / "reglement belasting op ...")."""
    for q in group:
        for i in range(MIN_HEAD, len(q) - MIN_PART + 1):
            head, tail = q[:i], q[i:]
            heads = {head, head[:-1]} if head.endswith("s") and len(head) > MIN_HEAD else {head}
            if any(w.startswith(tail) for w in own_words) and any(w.startswith(h) for h in heads for w in own_words
                                                                 if w != q and len(w) < len(q)):
                return True
    return False


MAX_LABEL_WORDS = 2  # a line of this many words without a sentence end labels what follows ("Afwezig")


def announces(said: str) -> bool:
    """A quote that announces a list: it ends in a colon or in words that announce one ("..., dit waren",
    "als volgt"), or it is a bare label line ("Afwezig")."""
    tail = said.rstrip()
    return (tail.endswith(":") or (len(re.findall(r"\w+", tail)) <= MAX_LABEL_WORDS and tail[-1:] not in ".!?")
            or bool(quote_cue("announce_end").search(tail)))


def follows_up(said: str, after: str, intent: Intent, taken: str = "") -> bool:
    """The next sentence continues what was quoted: it refers back, holds an asked kind of fact the quote
    lacks, states the next step after a step an action question asks for, or (for an outcome question) states
    the outcome of what the quote introduced and nothing taken after it stated yet."""
    if refers_back(after):
        return True
    asked = frozenset(intent.words)
    if any(answers_type(after, k, asked) for k in intent.asked_types() if not answers_type(said, k, asked)):
        return True
    if intent.asks_action and answers_type(said, "action", asked) and answers_type(after, "action", asked):
        return True  # "wat gebeurt er met ...": the next step of the same paragraph ("... zullen worden gedeeld.")
    outcome = cue("decision_or_agreement")
    return intent.kind == "agreement" and bool(outcome.search(after)) and not outcome.search(said + " " + taken)


def fills_in(have: str, after: str, intent: Intent) -> bool:
    """The sentence holds an asked kind of fact that what is quoted so far lacks."""
    asked = frozenset(intent.words)
    return any(answers_type(after, k, asked) and not answers_type(have, k, asked) for k in intent.asked_types())


MAX_HEADING_WORDS = 10  # a line of at most this many words without a sentence end, alone above a paragraph


def heads_paragraph(text: str, quote: Span) -> bool:
    """The quote is a heading line: a whole short line without a sentence end, a blank line under it
    ("Uitwisseling met Ca Roule op 13 mei" above what was said about it)."""
    said = text[quote[0]:quote[1]].rstrip()
    if not said or said[-1] in ".!?:;" or len(re.findall(r"\w+", said)) > MAX_HEADING_WORDS:
        return False
    return bool(re.match(r"[ \t*_#]*\n\s*\n", text[quote[1]:quote[1] + 200]))


def opens_with_outcome(after: str, said: str) -> bool:
    """The next paragraph opens with the outcome the quote's paragraph did not state ("Besloten wordt ...")."""
    outcome = cue("decision_or_agreement")
    return bool(quote_start_outcome(after) and outcome.search(after) and not outcome.search(said))


def continues_paragraph(text: str, span: Span, after: str) -> bool:
    """The paragraph right after a quote opens with a sentence that refers back to it ("In het kader van
    ... zal dit uiterlijk in 2026 zijn."), and is no heading or list item of its own."""
    line_start = text.rfind("\n", 0, span[0]) + 1
    if text[line_start:span[0]].strip() or not after.rstrip().endswith((".", "!", "?")):
        return False  # a bullet, a numbered line or a label: a point of its own
    return refers_back(after)


MAX_FRAGMENT_WORDS = 3  # a "sentence" this short on the line of the one before it is a cell of that row


def row_fragment(text: str, before: Span, span: Span) -> bool:
    """The sentence is a short fragment on the same line as the one before it: the owner or the outcome of a
    list row cut at its full stops ("Z23.028350 Instellen gehandicaptenparkeerplaats Borssele. Wethouder
    Witkam. Akkoord.")."""
    if "\n" in text[before[1]:span[0]]:
        return False
    return len(re.findall(r"\w+", text[span[0]:span[1]])) <= MAX_FRAGMENT_WORDS


def quote_start_outcome(text: str) -> bool:
    return bool(quote_cue("outcome_start").match(text.lstrip(" \t*-•–")))


def with_label_value(text: str, spans: list[Span], out: list[Span]) -> list[Span]:
    """A label line that the neighbours end on ("Locatie", "Voorzitter:") says nothing without the value on
    the line under it: that value comes too (a header block "Locatie / Het Waterschapshuis (4.29)")."""
    if out and announces(text[out[-1][0]:out[-1][1]]) and out[-1] in spans:
        at = spans.index(out[-1])
        if at + 1 < len(spans):
            return [*out, spans[at + 1]]
    return out


def neighbour_spans(text: str, lo: int, hi: int, quote: Span, intent: Intent) -> list[Span]:
    """The sentences of text[lo:hi] that the quote text[quote] leans on or announces (see the module);
    never across a paragraph break, except for the list after a colon and a label's value."""
    spans = sentence_spans(text, lo, hi)
    out = _neighbour_spans(text, spans, quote, intent)
    reply = reply_span(text, spans, quote)
    if reply is not None and reply not in out:
        out = sorted([*out, reply])
    return with_label_value(text, spans, out)


def reply_span(text: str, spans: list[Span], quote: Span) -> Span | None:
    """A quote that raises a point (a question, request, remark or letter) comes with the reply or the step
    taken on it: the first sentence after it in its paragraph that replies, or the next paragraph's first
    sentence ("PvdA vraagt ... Vindt het overigens jammer ... Gedeputeerde geeft aan dat het meegenomen wordt.")."""
    said = text[quote[0]:quote[1]]
    if not raises_point(said) or replies(said):
        return None
    last = next((i for i, (s, e) in enumerate(spans) if s < quote[1] <= e), None)
    if last is None:
        return None
    for step in range(last + 1, min(last + 1 + MAX_LOOK, len(spans))):
        new_paragraph = bool(_PARAGRAPH.search(text, spans[step - 1][1], spans[step][0]))
        if new_paragraph and step > last + 1:
            return None
        if replies(text[spans[step][0]:spans[step][1]]):
            return spans[step]
        if new_paragraph or raises_point(text[spans[step][0]:spans[step][1]]):
            return None  # another paragraph, or the next point raised: no reply to this one
    return None


def _neighbour_spans(text: str, spans: list[Span], quote: Span, intent: Intent) -> list[Span]:
    start, end = quote
    at = next((i for i, (s, e) in enumerate(spans) if s <= start < e), None)
    if at is None:
        return []
    last = next((i for i, (s, e) in enumerate(spans) if s < end <= e), at)

    def same_paragraph(a: Span, b: Span) -> bool:
        return a[1] > b[0] or not _PARAGRAPH.search(text, a[1], b[0])

    out: list[Span] = []
    if at > 0 and refers_back(text[spans[at][0]:spans[at][1]]) and same_paragraph(spans[at - 1], spans[at]):
        out.append(spans[at - 1])
    said = text[start:end]
    if announces(said):
        return out + spans[last + 1:last + 1 + MAX_LIST_SENTENCES]
    if heads_paragraph(text, quote):  # a heading line says nothing itself: the paragraph under it does
        under = []
        for i, sp in enumerate(spans[last + 1:last + 1 + MAX_FOLLOW], start=last + 1):
            if i == last + 1 or same_paragraph(spans[i - 1], sp):
                under.append(sp)
            elif continues_paragraph(text, sp, text[sp[0]:sp[1]]):
                under.append(sp)  # the paragraph under it goes on after a blank line ("... zal dit ... zijn.")
            else:
                break
        return out + under
    taken, added, pending = "", 0, []
    for step in range(last + 1, min(last + 1 + MAX_LOOK, len(spans))):
        after = text[spans[step][0]:spans[step][1]]
        if not pending and row_fragment(text, spans[step - 1], spans[step]):
            out.append(spans[step])  # "Z23.028350 Instellen ... Borssele." + "Wethouder Witkam." + "Akkoord."
            taken, added = taken + " " + after, added + 1
            continue
        if not same_paragraph(spans[step - 1], spans[step]):
            if intent.kind == "agreement" and not added and opens_with_outcome(after, said):
                out.append(spans[step])  # "... is punt van discussie." + next paragraph "Besloten wordt ..."
            elif step == last + 1 and continues_paragraph(text, spans[step], after):
                out.append(spans[step])  # page text with a blank line between sentences: "... zal dit ... zijn."
            break
        # right after the quote: what continues it (judged against the quote itself); past a sentence that
        # does not, the sentence holding an asked kind of fact still missing (the fact, not its context), or
        # one that refers back (with the sentences it refers back over)
        if pending and refers_back(after) and added + len(pending) < MAX_FOLLOW:
            chosen = [*pending, spans[step]]
        elif (fills_in(said + taken, after, intent) if pending else follows_up(said, after, intent, taken)):
            chosen = [spans[step]]
        else:
            pending.append(spans[step])
            continue
        out += chosen
        taken += " " + " ".join(text[a_:b_] for a_, b_ in chosen)
        added += len(chosen)
        pending = []
        if added >= MAX_FOLLOW:
            break
    return out
