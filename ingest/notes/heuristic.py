"""Notes in an annotated agenda alone: blocks of text scored as notes or prepared text (route `heuristic`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.notes.base import make_note, note_target
from ingest.notes.blocks import Block, BlockKind, blocks, wraps_on
from ingest.notes.scoring import HONORIFIC, PREPARED, STRONG_CUE, WORD, cue_start, note_score
from ingest.notes.sentences import Sentence, sentences
from ingest.parse.lines import plain
from ingest.parse.spans import heading_line_start, own_ends
from notulist.models import AgendaItem, Note, Source
from notulist.nl import lexicon


# LOCAL (not in notulist/nl yet): "er niet aan toe gekomen" is missing from the postponed family
_NOT_REACHED = re.compile(r"\bniet\s+aan\s+toe\s+gekomen\b", re.I)
# LOCAL Dutch words (not in notulist/nl yet; listed in the issue-12 INGEST report):
# arrows, Rondvraag titles, proposal labels, page furniture, prose openings
_ARROW = re.compile(r"^\s*(?:→|=>|->|>>|⇒|➔)\s*")
_ROUND = re.compile(r"^(?:rondvraag|rondvraag en sluiting|w\.?v\.?t\.?t\.?k\.?|wat verder ter tafel komt|sluiting)\b",
                    re.I)
_ASK = re.compile(r"^(?:gevraagd\s+besluit|voorgesteld\s+besluit|beslispunt(?:en)?|besluitpunt(?:en)?|voorstel|"
                  r"gevraagd|wij\s+vragen|we\s+vragen)\b", re.I)
_PAGE_FURNITURE = re.compile(r"^(?:pagina|blz\.?|page|p\.)\s*\d+(?:\s*(?:van|/|of)\s*\d+)?$|^-?\s*\d{1,3}\s*-?$", re.I)
_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*(#[^)\s]*)?\s*\)")


def _postponed(text: str) -> bool:
    """Postponement words (the lexicon's postponed and postponed_next families, read at use time)."""
    lex = lexicon()
    return bool(lex.pattern("postponed").search(text) or lex.pattern("postponed_next").search(text)
                or _NOT_REACHED.search(text))


def _is_continuation(raw: str, prev: Block | None, block: Block) -> bool:
    """A line broken off the previous paragraph (PDF/Word wrap): starts lower-case after an open sentence."""
    if prev is None or block.lines[0].bullet:
        return False  # a new bullet starts a new entry, however long the line above it
    first = plain(block.text(raw))[:1]
    return bool(first) and first.islower() and wraps_on(prev.lines[-1])


_STRUCTURAL: tuple[BlockKind, ...] = ("attachment", "hint", "heading")
_PROSE_START = re.compile(r"(?:we|wij|het|de|een|dit|deze|er|in|zoals|op|ook|daarnaast|bij)\b", re.I)
_WILL = re.compile(r"\S+(?:\s+\S+){0,3}?\s+(?:zou|zal|zouden|zullen)\b")
_AGREE_TO = re.compile(r"(?i)akkoord\s+(?:te\s+)?gaan\b")


def heuristic_notes(source: Source, items: list[AgendaItem], *, names: set[str],
                    skip: set[str] = frozenset()) -> list[Note]:
    """Notes inside an annotated agenda, found by shape and cues (see module doc)."""
    raw = source.raw_text
    ends = own_ends(items, raw)
    found: list[Note] = []
    for idx, item in enumerate(items):
        if item.number in skip:
            continue
        nl = raw.find("\n", heading_line_start(item), ends[item.number])
        region = (ends[item.number] if nl == -1 else nl + 1, ends[item.number])
        # nothing is prepared under the Rondvraag: in an agenda, all text there was written in the meeting
        scan = _ItemScan(source, names, note_target(items, idx), found, round_item=bool(_ROUND.match(plain(item.title))))
        for block in blocks(source, *region):
            scan.block(block)
    return found


@dataclass
class _Para:
    """A block of running text without its trailing link notes (`end` is the masked end)."""

    block: Block
    text: str  # the whole block's raw text
    end: int
    body: str  # plain text of raw[block.start:end]
    sents: list[Sentence]

    @property
    def is_question(self) -> bool:
        return self.body.rstrip().endswith("?")

    @property
    def n_words(self) -> int:
        return len(self.body.split())

    @property
    def lead(self) -> str:
        """The first sentence's raw text (the whole block when it has none)."""
        return self.sents[0].text if self.sents else self.text


@dataclass
class _ItemScan:
    """The blocks of one item's prepared region, in order, with what the previous blocks said: whether a
    question was just put (`after_q`, `strict_q`), whether the notes have started (`in_notes`), whether a
    prepared list was introduced (`list_intro`)."""

    source: Source
    names: set[str]
    target: str | None
    found: list[Note]
    round_item: bool = False
    after_q: bool = False
    in_notes: bool = False
    list_intro: bool = False  # the previous paragraph introduced a list ("Openstaande acties:")
    strict_q: bool = False  # the previous block was only a question (italic or a short question paragraph)
    prev: Block | None = None

    def add(self, a: int, b: int, cue: str | None) -> None:
        note = make_note(self.source, a, b, self.target, "heuristic", cue)
        if note is not None:
            self.found.append(note)

    def block(self, block: Block) -> None:
        text = block.text(self.source.raw_text)
        if _PAGE_FURNITURE.match(plain(text)):
            return
        if self.round_item and block.kind not in _STRUCTURAL:
            self.add(block.start, block.end, "rondvraag")
            return
        links = list(_LINK.finditer(text))
        for m in links:
            self.add(block.start + m.start(1), block.start + m.end(1), "link")
        self.classify(block, text, links)
        self.prev = block

    def classify(self, block: Block, text: str, links: list[re.Match]) -> None:
        raw = self.source.raw_text
        if block.kind in _STRUCTURAL:
            self.in_notes = self.after_q = False
            return
        if _is_continuation(raw, self.prev, block):
            return
        masked_end = block.end
        if links and plain(text[links[-1].end():]).strip() == "":
            masked_end = block.start + links[-1].start()
        body = plain(raw[block.start:masked_end])
        if not body.strip():
            return
        p = _Para(block, text, masked_end, body, sentences(raw, block.start, masked_end))
        if self.in_notes and not (block.italic and p.is_question):
            self.add(block.start, masked_end, "continuation")
        elif block.italic or any(s.text.rstrip(" *_").endswith("?") for s in p.sents[:-1]):
            self.chair_block(p)
        elif block.lines[0].bullet and self.list_intro:
            self.list_entry(p)
        else:
            self.paragraph(p)

    def chair_block(self, p: _Para) -> None:
        """The chair's block: questions first, then what was said."""
        sents = p.sents
        for i, s in enumerate(sents):
            follows_q = (i > 0 and plain(sents[i - 1].text).endswith("?")) or (i == 0 and self.after_q)
            score, cue = note_score(s.text, names=self.names, after_question=follows_q)
            need = 2 if follows_q else 3
            if score >= need and not (plain(s.text).endswith("?") and len(s.text.split()) > 5):
                self.add(s.start, p.end, "after question" if follows_q and cue is None else cue)
                if follows_q and i == 0:
                    self.in_notes = True
                break
        # an italic block is the chair's question; a long prose paragraph that lists questions is not
        asks = p.is_question and (p.block.italic or (len(sents) <= 3 and p.n_words <= 40))
        self.after_q = self.strict_q = asks

    def list_entry(self, p: _Para) -> None:
        """An item of a prepared list ("Openstaande acties:" - ...): only an explicit mark makes a note."""
        first = p.block.lines[0]
        line = self.source.raw_text[first.start:first.end]
        if _ARROW.match(line) or STRONG_CUE.match(plain(p.text)):
            self.add(p.block.start, p.end, "arrow" if _ARROW.match(line) else "cue")

    def paragraph(self, p: _Para) -> None:
        block = p.block
        sibling = block.lines[0].bullet and self.prev is not None and self.prev.lines[-1].bullet
        self.list_intro = False
        answers = self.after_q and not sibling
        score, cue = self.paragraph_score(p, answers)
        first_plain = plain(p.lead)
        decided = bool(cue_start(first_plain)) and not PREPARED.search(first_plain) and \
            not _AGREE_TO.match(first_plain)
        prose = bool(_PROSE_START.match(first_plain)) or bool(PREPARED.search(first_plain)) or \
            bool(_WILL.match(first_plain))
        if answers and (score >= 2 or (score >= 1 and not prose and self.strict_q)):
            self.add(block.start, p.end, cue or "after question")
            self.in_notes = True
        elif (p.n_words <= 12 and score >= 3) or decided or cue == "arrow":
            self.add(block.start, p.end, cue)
        else:
            self.later_sentence_note(p, first_plain)
        # a question put to the meeting (a short question block, not prose that happens to end in one),
        # or a proposal ("Gevraagd besluit: ..."), is answered next
        short = len(p.sents) <= 3 and p.n_words <= 40
        self.strict_q = p.is_question and short and all(plain(x.text).endswith("?") for x in p.sents[-2:])
        self.after_q = (p.is_question and short) or bool(_ASK.match(p.body))
        self.list_intro = p.body.endswith(":")

    def paragraph_score(self, p: _Para, answers: bool) -> tuple[int, str | None]:
        score, cue = note_score(p.lead, names=self.names, after_question=answers)
        first = p.block.lines[0]
        if _ARROW.match(self.source.raw_text[first.start:first.end]):
            score, cue = score + 3, "arrow"
        if p.n_words <= 12 and len(p.sents) > 1:
            # a short paragraph of telegraphic sentences: its most note-like sentence decides
            best = max((note_score(x.text, names=self.names, after_question=answers) for x in p.sents),
                       key=lambda sc: sc[0])
            if best[0] > score:
                score, cue = best
        if p.n_words <= 10 and _postponed(p.body):
            score, cue = max(score, 3), cue or "postponed"
        return score, cue

    def later_sentence_note(self, p: _Para, first_plain: str) -> None:
        """A note that starts at a later sentence: a strong cue, or a telegraphic sentence."""
        for k, s in enumerate(p.sents):
            strong = STRONG_CUE.match(plain(s.text))
            if strong:
                self.add(s.start, p.end, strong.group(0).rstrip(" :").capitalize())
                return
            if k == 0:
                continue
            later, later_cue = note_score(s.text, names=self.names)
            lead_word = (WORD.findall(HONORIFIC.sub("", plain(s.text))) or [""])[0]
            known = lead_word in self.names  # an attendee; a redacted subject is too common in prepared text
            if later >= 3 and (later_cue in ("participle", "caps", "name:")
                               or (later_cue == "name+verb" and known)) or \
                    (later_cue and cue_start(plain(s.text)) and later >= 3):
                # a short paragraph is one note ("We maken een campagne. Fatima neemt contact op.");
                # in a longer one the note starts at the telegraphic sentence
                whole = len(p.sents) <= 3 and p.n_words <= 30 and not PREPARED.search(first_plain)
                self.add(p.block.start if whole else s.start, p.end, later_cue)
                return
