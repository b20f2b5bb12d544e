"""Notes in an annotated agenda alone: blocks of text scored as notes or prepared text (route `heuristic`)."""

from __future__ import annotations

import re

from ingest.notes.base import _note, _target
from ingest.notes.blocks import Block, _wraps, blocks
from ingest.notes.scoring import _CUE_START, _HONORIFIC, _PREPARED, _STRONG_CUE, _WORD, note_score
from ingest.notes.sentences import sentences
from ingest.parse.lines import plain
from ingest.parse.spans import heading_line_start, own_ends
from notulist.models import AgendaItem, Note, Source


_POSTPONED = re.compile(r"\bvolgende\s+(?:keer|vergadering|overleg)\b|\bdoorgeschoven\b|\baangehouden\b|"
                        r"\bniet\s+(?:besproken|behandeld|aan\s+toe\s+gekomen)\b|\buitgesteld\b", re.I)
_ARROW = re.compile(r"^\s*(?:→|=>|->|>>|⇒|➔)\s*")
_ROUND = re.compile(r"^(?:rondvraag|rondvraag en sluiting|w\.?v\.?t\.?t\.?k\.?|wat verder ter tafel komt|sluiting)\b",
                    re.I)
_ASK = re.compile(r"^(?:gevraagd\s+besluit|voorgesteld\s+besluit|beslispunt(?:en)?|besluitpunt(?:en)?|voorstel|"
                  r"gevraagd|wij\s+vragen|we\s+vragen)\b", re.I)
_PAGE_FURNITURE = re.compile(r"^(?:pagina|blz\.?|page|p\.)\s*\d+(?:\s*(?:van|/|of)\s*\d+)?$|^-?\s*\d{1,3}\s*-?$", re.I)
_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*(#[^)\s]*)?\s*\)")


def _is_continuation(raw: str, prev: Block | None, block: Block) -> bool:
    """A line broken off the previous paragraph (PDF/Word wrap): starts lower-case after an open sentence."""
    if prev is None or block.lines[0].bullet:
        return False  # a new bullet starts a new entry, however long the line above it
    first = plain(block.text(raw))[:1]
    return bool(first) and first.islower() and _wraps(prev.lines[-1])


def heuristic_notes(source: Source, items: list[AgendaItem], *, names: set[str],
                    skip: set[str] = frozenset()) -> list[Note]:
    """Notes inside an annotated agenda, found by shape and cues (see module doc)."""
    raw = source.raw_text
    ends = own_ends(items, raw)
    found: list[Note] = []
    for idx, item in enumerate(items):
        if item.number in skip:
            continue
        target = _target(items, idx)
        nl = raw.find("\n", heading_line_start(item), ends[item.number])
        region = (ends[item.number] if nl == -1 else nl + 1, ends[item.number])
        after_q = False
        in_notes = False
        list_intro = False  # the previous paragraph introduced a list ("Openstaande acties:")
        strict_q = False  # the previous block was only a question (italic or a short question paragraph)
        prev: Block | None = None

        def add(a: int, b: int, cue: str | None) -> None:
            note = _note(source, a, b, target, "heuristic", cue)
            if note is not None:
                found.append(note)

        # nothing is prepared under the Rondvraag: in an agenda, all text there was written in the meeting
        round_item = bool(_ROUND.match(plain(item.title)))
        for block in blocks(source, *region):
            text = block.text(raw)
            if _PAGE_FURNITURE.match(plain(text)):
                continue
            if round_item and block.kind not in ("attachment", "hint", "heading"):
                add(block.start, block.end, "rondvraag")
                continue
            links = [m for m in _LINK.finditer(text)]
            for m in links:
                add(block.start + m.start(1), block.start + m.end(1), "link")
            if block.kind in ("attachment", "hint", "heading"):
                in_notes = after_q = False
                prev = block
                continue
            if _is_continuation(raw, prev, block):
                prev = block
                continue
            # the block without its link notes
            masked_end = block.end
            if links and plain(text[links[-1].end():]).strip() == "":
                masked_end = block.start + links[-1].start()
            if not plain(raw[block.start:masked_end]).strip():
                prev = block
                continue
            is_question = plain(raw[block.start:masked_end]).rstrip().endswith("?")
            sents = sentences(raw, block.start, masked_end)
            if in_notes and not (block.italic and is_question):
                add(block.start, masked_end, "continuation")
                prev = block
                continue
            if block.italic or any(s.text.rstrip(" *_").endswith("?") for s in sents[:-1]):
                # the chair's block: questions first, then what was said
                for i, s in enumerate(sents):
                    follows_q = (i > 0 and plain(sents[i - 1].text).endswith("?")) or (i == 0 and after_q)
                    score, cue = note_score(s.text, names=names, after_question=follows_q)
                    need = 2 if follows_q else 3
                    if score >= need and not (plain(s.text).endswith("?") and len(s.text.split()) > 5):
                        add(s.start, masked_end, "after question" if follows_q and cue is None else cue)
                        if follows_q and i == 0:
                            in_notes = True
                        break
                # an italic block is the chair's question; a long prose paragraph that lists questions is not
                asks = is_question and (block.italic or (len(sents) <= 3 and
                                                         len(plain(raw[block.start:masked_end]).split()) <= 40))
                after_q = strict_q = asks
                prev = block
                continue
            # plain paragraph
            first = sents[0] if sents else None
            sibling = block.lines[0].bullet and prev is not None and prev.lines[-1].bullet
            if block.lines[0].bullet and list_intro:
                # an item of a prepared list ("Openstaande acties:" - ...): only an explicit mark makes a note
                line = raw[block.lines[0].start:block.lines[0].end]
                if _ARROW.match(line) or _STRONG_CUE.match(plain(text)):
                    add(block.start, masked_end, "arrow" if _ARROW.match(line) else "cue")
                prev = block
                continue
            list_intro = False
            answers = after_q and not sibling
            score, cue = note_score(first.text if first else text, names=names, after_question=answers)
            line = raw[block.lines[0].start:block.lines[0].end]
            if _ARROW.match(line):
                score, cue = score + 3, "arrow"
            n_words = len(plain(raw[block.start:masked_end]).split())
            first_plain = plain(first.text if first else text)
            decided = bool(_CUE_START.match(first_plain)) and not _PREPARED.search(first_plain) and \
                not re.match(r"(?i)akkoord\s+(?:te\s+)?gaan\b", first_plain)
            if n_words <= 12 and len(sents) > 1:
                # a short paragraph of telegraphic sentences: its most note-like sentence decides
                best = max((note_score(x.text, names=names, after_question=answers) for x in sents),
                           key=lambda sc: sc[0])
                if best[0] > score:
                    score, cue = best
            if n_words <= 10 and _POSTPONED.search(plain(raw[block.start:masked_end])):
                score, cue = max(score, 3), cue or "postponed"
            prose = bool(re.match(r"(?:we|wij|het|de|een|dit|deze|er|in|zoals|op|ook|daarnaast|bij)\b", first_plain,
                                  re.I)) or bool(_PREPARED.search(first_plain)) or \
                bool(re.match(r"\S+(?:\s+\S+){0,3}?\s+(?:zou|zal|zouden|zullen)\b", first_plain))
            if answers and (score >= 2 or (score >= 1 and not prose and strict_q)):
                add(block.start, masked_end, cue or "after question")
                in_notes = True
            elif (n_words <= 12 and score >= 3) or decided or cue == "arrow":
                add(block.start, masked_end, cue)
            else:
                for k, s in enumerate(sents):
                    if _STRONG_CUE.match(plain(s.text)):
                        add(s.start, masked_end, _STRONG_CUE.match(plain(s.text)).group(0).rstrip(" :").capitalize())
                        break
                    if k == 0:
                        continue
                    later, later_cue = note_score(s.text, names=names)
                    lead_word = (_WORD.findall(_HONORIFIC.sub("", plain(s.text))) or [""])[0]
                    known = lead_word in names  # an attendee; a redacted subject is too common in prepared text
                    if later >= 3 and (later_cue in ("participle", "caps", "name:")
                                       or (later_cue == "name+verb" and known)) or \
                            (later_cue and _CUE_START.match(plain(s.text)) and later >= 3):
                        # a short paragraph is one note ("We maken een campagne. Fatima neemt contact op.");
                        # in a longer one the note starts at the telegraphic sentence
                        whole = len(sents) <= 3 and n_words <= 30 and not _PREPARED.search(first_plain)
                        add(block.start if whole else s.start, masked_end, later_cue)
                        break
            # a question put to the meeting (a short question block, not prose that happens to end in one),
            # or a proposal ("Gevraagd besluit: ..."), is answered next
            short = len(sents) <= 3 and n_words <= 40
            strict_q = is_question and short and all(plain(x.text).endswith("?") for x in sents[-2:])
            after_q = (is_question and short) or bool(_ASK.match(plain(raw[block.start:masked_end])))
            list_intro = plain(raw[block.start:masked_end]).endswith(":")
            prev = block
    return found
