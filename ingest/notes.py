"""Find the notes written during a meeting and attach them to agenda items.

Four routes, each recorded on the Note (`method`):
- `clean_diff`: the annotated agenda diffed against the clean agenda, per matched item; what was
  inserted (beyond small editorial edits) is the notes, exactly;
- `notes_file`: a separate notes file; lines naming an item ("2:", "punt 2", "## 2", the title) start that
  item's notes, free text goes to the best-matching item;
- `word_comment` / `pdf_annotation`: comments in the file, on the item whose span holds the anchor;
- `heuristic`: an annotated agenda alone. Prepared agenda text is complete prose addressed to the reader
  ("We bespreken graag met je ...", ending in a question to the chair); notes are telegraphic: cue words
  ("Besluit:", "Afspraak:", "Volgende keer"), a decision participle without its auxiliary ("Agenda
  vastgesteld", "Toegevoegd aan agenda: ..."), colon constructions ("Raadsbrief: stuk gaat niet mee"),
  an attendee's name (or a redacted person) with a present-tense verb ("Peter is akkoord", "Dhr. Verhoef
  en mevr. Arends gaan"), subject-less sentences ("Is politiek."), shouted function words ("ALS je het
  doet"), a lower-case start, no closing punctuation, arrows ("→ Ruud vraagt ..."), link-like spans
  ("[tekst](#)"), an answer after the question to the chair or after "Gevraagd besluit:", and anything
  under the Rondvraag. Once a note follows the question, the rest of the item is notes ("continuation").
  Prepared lists ("Openstaande acties:" - ...) and prose that merely lists questions are not answered.
  `cue` says which signal decided. Verslagen, besluitenlijsten and notes documents are the record of the
  meeting as a whole: `parse_meeting` runs no heuristics on them (their text stays in the item bodies).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ingest.parser import (Line, body_limit, heading_line_start, is_attachment_line, is_hint_line, own_ends, plain,
                           split_lines)
from notulist.models import AgendaItem, Note, NoteMethod, Source, stable_id

# --------------------------------------------------------------------------- helpers


def _note(source: Source, start: int, end: int, item: str | None, method: NoteMethod, cue: str | None) -> Note | None:
    text = source.raw_text
    while True:
        old = (start, end)
        while start < end and text[start] in " \t\r\n*_":
            start += 1
        while end > start and text[end - 1] in " \t\r\n*_":
            end -= 1
        lead = re.match(r"(?:[-•→➤>]+|=>|->)\s+|\[(?=[^\]]*\]\(#?[^)\s]*\)\s*$)", text[start:end])
        if lead:
            start += lead.end()
        if text[start:start + 1] == "(" and text[end - 1:end] == ")" and "(" not in text[start + 1:end - 1] \
                and ")" not in text[start + 1:end - 1]:
            start, end = start + 1, end - 1  # "(akkoord, volgende keer)": the aside itself
        tail = re.search(r"\]\(#?[^)\s]*\)$", text[start:end])
        if tail and "[" not in text[start:start + tail.start()]:
            end = start + tail.start()
        if (start, end) == old:
            break
    if not re.search(r"\w", text[start:end]):
        return None
    return Note(id=stable_id(source.id, start, end, method), item=item, text=text[start:end], source_id=source.id,
                start=start, end=end, method=method, cue=cue)


def _target(items: list[AgendaItem], idx: int) -> str:
    """Notes in an unnumbered sub-item (a bold bullet under Mededelingen) belong to its parent item."""
    item = items[idx]
    by_number = {i.number: i for i in items}
    while not item.numbered and item.parent and item.parent in by_number:
        item = by_number[item.parent]
    return item.number


def _item_at(items: list[AgendaItem], ends: dict[str, int], pos: int) -> int | None:
    """Index of the most specific item whose own region holds `pos`."""
    best = None
    for i, item in enumerate(items):
        if item.start <= pos < max(item.end, ends[item.number]) or (item.start <= pos <= item.end):
            if best is None or item.start >= items[best].start:
                best = i
    return best


# --------------------------------------------------------------------------- sentences and scores

_ABBREV = re.compile(r"(?:\b(?:o\.a|m\.b\.t|i\.r\.t|n\.a\.v|t\.a\.v|i\.v\.m|bijv|evt|ca|jl|nr|d\.d|e\.d|etc|dhr|mevr|drs|"
                     r"ir|dr|prof|min|z\.s\.m|m\.u\.v|resp|incl|excl|o\.b\.v|t\.z\.t|a\.s|vs|blz|art)\.)$", re.I)


@dataclass
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of text[start:end] with raw spans (Dutch abbreviations do not end a sentence)."""
    out: list[Sentence] = []
    pos = start
    for m in re.finditer(r"[.!?]+[)\"'”*_]*(?=\s+[\"'“(*_]*[A-Z0-9ÀÉÖ])", text[start:end]):
        stop = start + m.end()
        if _ABBREV.search(text[max(pos, stop - 12):stop].rstrip(")\"'”*_")):
            continue
        if text[pos:stop].strip():
            out.append(Sentence(pos, stop, text[pos:stop]))
        pos = stop
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end and text[pos:end].strip():
        out.append(Sentence(pos, end, text[pos:end]))
    return out


_DECIDED = (r"vastgesteld|goedgekeurd|aangenomen|afgewezen|verworpen|ingestemd|akkoord|aangehouden|doorgeschoven|"
            r"uitgesteld|afgerond|afgehandeld|geaccordeerd|geschrapt|ingetrokken|unaniem")
_AUXILIARY = re.compile(r"\b(?:wordt|worden|werd|werden|is|zijn|was|waren|zal|zullen|kan|kunnen|moet|moeten|"
                        r"wil|willen|graag|om|te)\b", re.I)
_CUE_START = re.compile(r"^(?:besluit|besloten|afspraak|afgesproken|actie(?:punt)?|conclusie|toezegging|"
                        rf"{_DECIDED}|"
                        r"vervolgactie|vervolg|uitkomst|akkoord|volgende\s+(?:keer|vergadering|overleg)|"
                        r"doorgeschoven|aangehouden|uitgesteld|geagendeerd|agenderen|n\.?b\.?\s*:)\b", re.I)
_STRONG_CUE = re.compile(r"^(?:besluit|besloten|afspraak|afgesproken|actie(?:punt)?|conclusie|toezegging)\s*:", re.I)
_CAPS_WORDS = {"ALS", "NIET", "WEL", "GEEN", "OOK", "IN", "EN", "MAAR", "OF", "ALLEEN", "ALTIJD", "NOOIT", "NU",
               "EERST", "DAN", "VOOR", "NA", "ZELF", "WIE", "WAT", "HOE", "WANNEER", "GEWOON", "ZEKER", "MOET",
               "KAN", "GAAT", "HEEL", "ECHT", "NOG", "AL", "MET", "ZONDER", "BIJ", "OP"}
_HONORIFIC = re.compile(r"^(?:(?:dhr|mevr|mw|mr|dr|drs|ir|prof|mevrouw|meneer|de\s+heer|wethouder|gedeputeerde|"
                        r"burgemeester|voorzitter)\.?\s+)+", re.I)
_NOT_PARTICIPLES = {"gezien", "gemiddeld", "gedurende", "gelet", "gegeven", "geleden", "gewoon", "genoeg", "gebied",
                    "gesprek", "gemeenten", "gebouwen", "gegevens", "geboden", "gebieden", "gevolgen", "gelden",
                    "geweest", "gewend", "gezond", "gericht", "geschikt", "gezamenlijk", "gelijk", "geheel", "gevraagd",
                    "bijgevoegd", "voorgesteld", "gepland", "gewenst", "geagendeerd", "geselecteerd", "gevoegd"}
_SUBJECTLESS = {"worden", "is", "gaat", "komt", "wordt", "moet", "kan", "lijkt", "blijft", "heeft", "zijn", "kost", "loopt",
                "staat", "ligt", "hoeft", "mag", "valt", "geldt", "past", "speelt", "zit", "volgt", "duurt", "was",
                "werd", "blijkt", "klopt"}
_STARTERS = {"de", "het", "een", "dit", "dat", "deze", "die", "er", "we", "wij", "ik", "je", "jij", "u", "zij", "ze",
             "hij", "men", "in", "op", "met", "voor", "na", "bij", "als", "om", "ook", "en", "maar", "of", "zoals",
             "daarnaast", "verder", "hierover", "bovenstaande", "dan", "nu", "toen", "volgens", "tijdens", "vanuit",
             "vanwege", "mede", "waarom", "wie", "wat", "hoe", "welke", "wanneer", "omdat", "hierbij", "graag",
             "zo", "daarom", "daarbij", "hier", "daar", "vorige", "volgende", "tot", "sinds", "per", "alle", "veel",
             "onze", "ons", "jouw", "uw", "hun", "haar", "zijn", "mijn", "elk", "elke", "iedere", "ieder", "geen",
             "niet", "wel", "alleen", "eerst", "tussen", "na", "aan", "uit", "over", "door", "naar", "zonder",
             "momenteel", "inmiddels", "binnenkort", "vervolgens", "tevens", "bovendien", "echter", "ondanks"}
_NOT_VERBS = {"niet", "echt", "dat", "wat", "met", "want", "toch", "nooit", "uit", "licht", "recht", "kant", "tijd",
              "goed", "eerst", "laatst", "meest", "vaakst", "best", "minst", "zelfst", "punt", "plant", "start",
              "contract", "budget", "overleg", "project"}
_VERBS = {"is", "was", "gaat", "komt", "pakt", "neemt", "tekent", "kijkt", "zorgt", "regelt", "stuurt", "belt",
          "mailt", "vraagt", "zoekt", "maakt", "checkt", "doet", "heeft", "informeert", "agendeert", "bespreekt",
          "koppelt", "plant", "schrijft", "levert", "stemt", "legt", "geeft", "houdt", "overlegt", "benadert",
          "organiseert", "polst", "peilt", "nodigt", "onderzoekt", "licht", "past", "werkt", "blijft", "ziet",
          "vindt", "hecht", "akkoord", "stelt", "wil", "kan", "moet", "gaan", "zijn", "verzorgt", "pakken",
          "nemen", "zoekt", "trekt", "volgt", "deelt", "rondt", "rapporteert", "meldt", "bevestigt", "twijfelt",
          "denkt", "vraagt", "brengt", "betaalt", "reserveert", "bereidt"}
_PREPARED = re.compile(r"\bgraag\b|\bstellen\s+(?:wij|we|jullie|u)?\s*voor\b|\bstelt\s+voor\b|\bwe\s+stellen\b|\bwij\s+stellen\b|"
                       r"\bvragen\s+(?:je|jou|u|jullie)\b|\b(?:we|wij)\s+vragen\b|\bverzoek\b|\bvoorstel\b|"
                       r"\bbijgaand\b|\bzie\s+bijlage\b|\bhierbij\b|\b(?:we|wij)\s+willen\b|\bwillen\s+(?:we|wij)\b|"
                       r"\bbenieuwd\b|\bpraten\s+je\b|\bbijpraten\b|\bmondeling\b", re.I)
_ADDRESS = re.compile(r"\b(?:jij|jou|jouw|u|uw|jullie)\b", re.I)
_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def note_score(text: str, *, names: set[str], after_question: bool = False) -> tuple[float, str | None]:
    """How much a sentence looks like a note rather than prepared agenda prose, and the deciding cue."""
    t = plain(text).strip()
    if not t:
        return 0.0, None
    # a redacted person ("5.1, 2, e kijkt ...") acts as a name: one placeholder word
    from ingest.redactions import find_redactions

    for r in reversed(find_redactions(t)):
        t = t[:r.start] + "Anoniem" + (" " if t[r.end:r.end + 1].isalpha() else "") + t[r.end:]
    names = names | {"Anoniem"}
    words = _WORD.findall(t)
    n = len(words)
    score = 0.0
    cues: list[tuple[float, str]] = []
    m = _CUE_START.match(t)
    if m:
        cues.append((3, m.group(0).strip().rstrip(":").capitalize()))
    caps = [w for w in re.findall(r"\b[A-Z]{2,}\b", t) if w in _CAPS_WORDS]
    if caps and not t.isupper():
        cues.append((2, "caps"))
    colon = re.match(r"^([^:?!]{1,45}?)\s*:\s+\S", t)
    if colon and len(colon.group(1).split()) <= 5 and not re.match(r"(?i)bijlage|zie\b", colon.group(1)):
        cues.append((2, "colon"))
    # "Agenda vastgesteld", "Notulen goedgekeurd": a decision participle without its auxiliary
    part = re.search(rf"^(?:\S+\s+){{1,3}}?({_DECIDED})\b", t, re.I)
    if part and not _AUXILIARY.search(t[:part.end()]) and not m:
        cues.append((3, "participle"))
    if colon and colon.group(1).strip() in names:
        cues.append((3, "name:"))
    if colon and re.match(r"(?i)(?:gevraagd|voorgesteld)\s+besluit|beslispunt|voorstel|advies|doel|aanleiding|"
                          r"toelichting|portefeuillehouder|inleiding|stukken|tijd|duur|spreker|inleider|"
                          r"presentatie|context|achtergrond|ter\s+\w+|kosten|planning|bijgevoegd", colon.group(1)):
        cues = [c for c in cues if c[1] != "colon"]
        score -= 2
    if _ANSWER.match(t) and after_question:
        cues.append((2, "answer"))
    if t[:1].islower():
        cues.append((2, "lowercase"))  # prepared prose starts with a capital; quick notes often do not
    for nm in names:
        hit = re.search(rf"(?:^|[,;:]\s*)(?:en\s+)?{re.escape(nm)}\s+(\w+)", t)
        if hit and t.find(nm) > 0 and (hit.group(1).lower() in _VERBS or (
                hit.group(1).endswith("t") and len(hit.group(1)) >= 4 and hit.group(1).islower()
                and hit.group(1) not in _NOT_VERBS)):
            cues.append((2, "name+verb"))
            break
    # names first: "Dhr. Verhoef en mevr. Arends gaan", "Ruud vraagt ..."
    lead = _HONORIFIC.sub("", t)
    name_run = re.match(r"^((?:(?:[A-Z]\.\s*)*(?:[A-Z][\w'’-]+)(?:\s+(?:van|de|der|den|el|ten|ter)\s+[A-Z][\w'’-]+)?"
                        r"(?:\s*(?:,|en|&)\s*(?:" + _HONORIFIC.pattern.lstrip("^") + r")?)?)+)\s+(\w+)", lead)
    if name_run and any(w in names for w in re.findall(r"[A-Z][\w'’-]+", name_run.group(1))) and \
            (" en " in name_run.group(1) or "," in name_run.group(1)):
        verb = name_run.group(2).lower()
        if verb in _VERBS or (verb.endswith(("t", "en")) and len(verb) >= 4 and verb not in _NOT_VERBS):
            cues.append((3, "name+verb"))
    words = _WORD.findall(lead) or words
    n_lead = len(words)
    # a sentence opening with a past participle and no auxiliary: "Toegevoegd aan agenda: ..."
    w0 = words[0].lower() if words else ""
    if (re.match(r"^[a-z]{0,6}ge[a-zë]{2,}(?:d|t|en)$", w0) and w0 not in _NOT_PARTICIPLES and n_lead <= 15
            and not _AUXILIARY.search(t) and not t.endswith("?")):
        cues.append((3, "participle"))
    first = words[0] if words else ""
    second = words[1].lower() if n_lead > 1 else ""
    is_name = first in names or (
        first[:1].isupper() and first.lower() not in _STARTERS and n_lead <= 10)
    if is_name and n_lead > 1 and (second in _VERBS or (second.endswith("t") and len(second) >= 4
                                                     and second.islower() and second not in _NOT_VERBS)):
        if second not in {"zou", "zal", "zouden", "zullen"}:
            # an attendee's name with a present-tense verb ("Sander maakt ...") is how actions are noted
            cues.append((3 if first in names and n_lead <= 12 else 2, "name+verb"))
    if first.lower() in _SUBJECTLESS and n <= 14 and not t.endswith("?"):
        cues.append((2, "telegraphic"))
    if n <= 4:
        score += 1
    if not re.search(r"[.!?:;)]$", t) or (t.endswith(")") and not re.search(r"[.!?]\)?$", t)):
        score += 1
    if _PREPARED.search(t):
        score -= 2
    if _ADDRESS.search(t) and n > 6:
        score -= 1
    if n > 25:
        score -= 1
    if t.endswith("?") and n > 5:
        score -= 2
    if after_question:
        score += 1
    if re.match(r"(?i)bijlage\b", t):
        score -= 5
    score += sum(c for c, _ in cues)
    cue = max(cues, key=lambda c: c[0])[1] if cues else ("after question" if after_question else None)
    return score, cue


# --------------------------------------------------------------------------- blocks


@dataclass
class Block:
    start: int  # raw span of the block's content (without whole-line wrappers)
    end: int
    lines: list[Line]
    italic: bool
    kind: str  # "text", "attachment", "hint", "heading"

    def text(self, raw: str) -> str:
        return raw[self.start:self.end]


def blocks(source: Source, start: int, end: int) -> list[Block]:
    """Paragraphs of text[start:end]; a bullet, heading or change of italics starts a new one."""
    out: list[Block] = []
    cur: list[Line] = []

    def flush() -> None:
        if not cur:
            return
        first, last = cur[0], cur[-1]
        b_start = first.content_start
        b_end = last.content_start + len(last.content) if last.content else last.end
        kind = "text"
        if len(cur) == 1 and is_attachment_line(first):
            kind = "attachment"
        elif len(cur) == 1 and is_hint_line(first):
            kind = "hint"
        elif len(cur) == 1 and (first.md_level or (first.bold and len(first.content.split()) <= 14)):
            kind = "heading"
        italic = all(ln.italic for ln in cur) or (
            source.raw_text[first.content_start - 1:first.content_start] in "*_" and first.content_start > 0
            and source.raw_text[b_end:b_end + 1] in ("*", "_") and source.raw_text[b_end:b_end + 1] != "")
        out.append(Block(b_start, b_end, list(cur), italic, kind))
        cur.clear()

    for ln in split_lines(source.raw_text, start, end):
        if ln.blank:
            flush()
            continue
        # lines stay one block only where a long line wraps mid-sentence (PDF/Word line breaks); a note is
        # often one short line typed under the prepared text
        if cur and (ln.bullet or ln.md_level or ln.italic != cur[-1].italic or ln.bold or not _wraps(cur[-1])):
            flush()
        cur.append(ln)
    flush()
    return out


def _wraps(line: Line) -> bool:
    """A line that continues on the next one: long and not ending a sentence."""
    text = line.raw.rstrip()
    return len(text.strip()) >= 50 and not re.search(r"[.!?:;][*_)\"'”]*$", text)


_POSTPONED = re.compile(r"\bvolgende\s+(?:keer|vergadering|overleg)\b|\bdoorgeschoven\b|\baangehouden\b|"
                        r"\bniet\s+(?:besproken|behandeld|aan\s+toe\s+gekomen)\b|\buitgesteld\b", re.I)
_ARROW = re.compile(r"^\s*(?:→|=>|->|>>|⇒|➔)\s*")
_ANSWER = re.compile(r"^(?:ja|nee|ok|oké|okay|prima|akkoord|eens|klopt|goed|helder|afgesproken)\b", re.I)
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


# --------------------------------------------------------------------------- heuristics


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


# --------------------------------------------------------------------------- clean agenda diff


def _norm_title(title: str) -> str:
    t = plain(title).lower()
    t = re.sub(r"\[gelakt [^\]]*\]", " ", t)
    t = re.sub(r"[-/]", " ", t)
    t = re.sub(r"[^\w ]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def title_similarity(a: str, b: str) -> float:
    """Similarity of two item titles (0-100), treating an acronym as its words ('MO' = 'Midden-Oosten')."""
    ta, tb = _norm_title(a), _norm_title(b)
    if not ta or not tb:
        return 0.0
    ta, tb = _expand_acronyms(ta, tb), _expand_acronyms(tb, ta)
    return max(fuzz.token_set_ratio(ta, tb) if min(len(ta.split()), len(tb.split())) >= 2 else fuzz.ratio(ta, tb),
               fuzz.ratio(ta, tb))


def _expand_acronyms(a: str, b: str) -> str:
    """Replace a short token of `a` by the run of words in `b` whose initials spell it."""
    words_b = b.split()
    out = []
    for w in a.split():
        if 2 <= len(w) <= 5 and w not in words_b:
            for i in range(len(words_b) - len(w) + 1):
                run = words_b[i:i + len(w)]
                if "".join(x[0] for x in run) == w:
                    out.append(" ".join(run))
                    break
            else:
                out.append(w)
        else:
            out.append(w)
    return " ".join(out)


def match_items(a: list[AgendaItem], b: list[AgendaItem], *, threshold: float = 80) -> list[tuple[int, int]]:
    """One-to-one pairs (index in a, index in b) of items with similar titles, best pairs first."""
    pairs = sorted(((title_similarity(x.title, y.title), i, j) for i, x in enumerate(a) for j, y in enumerate(b)),
                   reverse=True)
    used_a, used_b, out = set(), set(), []
    for score, i, j in pairs:
        if score < threshold or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j))
    return out


_TOKEN = re.compile(r"\S+")


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    out = []
    for m in _TOKEN.finditer(text, start, end):
        norm = plain(m.group(0)).strip("*_[]()#").lower()
        if norm:
            out.append((norm, m.start(), m.end()))
    return out


def clean_diff_notes(agenda: Source, items: list[AgendaItem], clean: Source,
                     clean_items: list[AgendaItem]) -> tuple[list[Note], set[str]]:
    """Notes as the text inserted into the annotated agenda, per item matched to the clean agenda.

    Word-level diff of the item bodies (headings excluded, markup ignored). An inserted run counts as a
    note when it adds at least two words or twelve characters; a replacement of about the same length
    is an editorial edit ('Midden Oosten' -> 'Midden-Oosten'), not a note. Runs separated by at most two
    unchanged words in the same paragraph are one note.
    """
    notes: list[Note] = []
    matched: set[str] = set()
    ends_a, ends_c = own_ends(items, agenda.raw_text), own_ends(clean_items, clean.raw_text)
    for i, j in match_items(items, clean_items):
        item, citem = items[i], clean_items[j]
        a_start = agenda.raw_text.find("\n", heading_line_start(item), ends_a[item.number])
        c_start = clean.raw_text.find("\n", heading_line_start(citem), ends_c[citem.number])
        a_start = ends_a[item.number] if a_start == -1 else a_start
        c_start = ends_c[citem.number] if c_start == -1 else c_start
        ta = _tokens(agenda.raw_text, a_start, ends_a[item.number])
        tc = _tokens(clean.raw_text, c_start, ends_c[citem.number])
        sm = difflib.SequenceMatcher(a=[t[0] for t in tc], b=[t[0] for t in ta], autojunk=False)
        kept = sum(block.size for block in sm.get_matching_blocks())
        if not tc and title_similarity(item.title, citem.title) < 90:
            continue
        if tc and kept < 0.6 * len(tc):
            continue  # same subject, but not the same prepared text: not a clean version of this item
        matched.add(item.number)
        runs: list[list[int]] = []  # [first token, last token] in ta
        for op, c1, c2, a1, a2 in sm.get_opcodes():
            if op not in ("insert", "replace") or a2 <= a1:
                continue
            inserted = " ".join(t[0] for t in ta[a1:a2])
            removed = " ".join(t[0] for t in tc[c1:c2])
            if op == "replace" and len(inserted) <= 1.6 * len(removed) + 6:
                continue  # editorial edit
            if op == "replace":  # keep the part beyond the replaced words
                a1 = a1 + (c2 - c1)
            if a2 - a1 < 2 and len(inserted) < 12:
                continue
            if runs and a1 - runs[-1][1] <= 3 and "\n\n" not in agenda.raw_text[ta[runs[-1][1] - 1][2]:ta[a1][1]]:
                runs[-1][1] = a2
            else:
                runs.append([a1, a2])
        target = _target(items, i)
        for a1, a2 in runs:
            # one note per paragraph of the inserted text
            lo, hi = ta[a1][1], ta[a2 - 1][2]
            pos = lo
            for gap in list(re.finditer(r"\n[ \t]*\n\s*", agenda.raw_text[lo:hi])) + [None]:
                stop = hi if gap is None else lo + gap.start()
                note = _note(agenda, pos, stop, target, "clean_diff", "diff")
                if note is not None:
                    notes.append(note)
                if gap is not None:
                    pos = lo + gap.end()
    return notes, matched


# --------------------------------------------------------------------------- separate notes file

_ITEM_REF = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:[-*]\s+)?(?:\*\*|__)?\s*(?:(?:agenda)?punt|ad|agendapunt|item|nr\.?)?\s*"
    r"(?P<num>\d{1,2}(?:\.\d{1,2})?[a-z]?)\s*(?:[.):\-–]|\*\*|\s|$)\s*(?:\*\*|__)?\s*(?P<rest>.*)$", re.I)


def notes_file_notes(notes: Source, items: list[AgendaItem]) -> list[Note]:
    """Notes from a separate notes file: a line naming an item starts that item's notes; other text
    goes to the best-matching item (rapidfuzz on title and body)."""
    raw = notes.raw_text
    limit = body_limit(notes)
    numbers = {i.number: i for i in items}
    out: list[Note] = []
    current: str | None = None
    first_content = True
    for block in blocks(notes, 0, limit):
        for ln in block.lines:
            text = plain(ln.content)
            if not text:
                continue
            ref = _ITEM_REF.match(ln.raw)
            rest_start = None
            named = None
            if ref and ref.group("num").lower() in numbers and (
                    ln.md_level or re.match(r"(?i)\s*(?:#|[-*]\s+)?\s*(?:\*\*)?\s*(?:agenda)?punt|\s*ad\b|\s*agendapunt",
                                            ln.raw) or re.match(r"\s*(?:[-*]\s+)?(?:\*\*)?\s*\d{1,2}(?:\.\d{1,2})?[a-z]?"
                                                                r"\s*(?:[.):\-–]|\*\*|$)", ln.raw)):
                named = ref.group("num").lower()
                rest_start = ln.start + ref.start("rest")
                rest = ref.group("rest")
                # "2. Safe space gesprekken" repeats the title: the rest is the heading, not a note
                title = numbers[named].title
                if rest and (title_similarity(rest, title) >= 85 or (
                        len(plain(rest).split()) <= 4
                        and fuzz.partial_ratio(_norm_title(rest), _norm_title(title)) >= 90)):
                    rest_start = None  # "Agendapunt 4 - catering": a short label, not a note
            else:
                best = max(items, key=lambda i: title_similarity(text, i.title), default=None)
                if best is not None and (ln.md_level or ln.bold or len(text.split()) <= 8) and \
                        title_similarity(text, best.title) >= 88:
                    named, rest_start = best.number, None
            if named is not None:
                current = named
                first_content = False
                if rest_start is not None and raw[rest_start:ln.end].strip(" *_:-"):
                    n = _note(notes, rest_start, ln.end, current, "notes_file", "item named")
                    if n:
                        out.append(n)
                continue
            if first_content and (ln.md_level or re.search(r"(?i)aantekening|notitie|notulen|verslag|overleg|"
                                                           r"vergadering", text)) and current is None:
                first_content = False
                continue  # the notes file's own title
            first_content = False
            if current is not None and ln is block.lines[0]:
                # a new paragraph about another item's subject (and not this one's) moves on to that item
                words = set(_norm_title(text).split())
                here = _title_words(numbers[current]) & words
                other = [i for i in items if i.number != current and _title_words(i) & words]
                if not here and len(other) == 1:
                    n = _note(notes, ln.start, ln.end, other[0].number, "notes_file", "best match")
                    if n:
                        out.append(n)
                    current = other[0].number
                    continue
            if current is not None:
                n = _note(notes, ln.start, ln.end, current, "notes_file", "under item")
            else:
                n = _note(notes, ln.start, ln.end, _best_item(text, items), "notes_file", "best match")
            if n:
                out.append(n)
    return out


_STOP = {"en", "van", "de", "het", "een", "over", "voor", "met", "rond", "naar", "stand", "zaken", "vergadering",
         "overleg", "concept", "update", "vorige", "nieuwe"}


def _title_words(item: AgendaItem) -> set[str]:
    return {w for w in _norm_title(item.title).split() if len(w) >= 5 and w not in _STOP and not w.isdigit()}


def _best_item(text: str, items: list[AgendaItem]) -> str | None:
    if not items:
        return None
    scored = [(max(fuzz.token_set_ratio(text.lower(), i.title.lower()) * 1.0,
                   0.9 * fuzz.partial_token_set_ratio(text.lower(), (i.title + " " + i.body).lower())
                   if i.body else 0.0), -k, i) for k, i in enumerate(items)]
    return max(scored, key=lambda s: (s[0], s[1]))[2].number if scored else None


# --------------------------------------------------------------------------- comments and annotations


def annotation_notes(source: Source, items: list[AgendaItem]) -> list[Note]:
    """Word comments and PDF annotations: a note on the item whose span holds the anchor."""
    ends = own_ends(items, source.raw_text)
    out: list[Note] = []
    for ann in source.annotations:
        idx = None
        if ann.anchor_start is not None:
            idx = _item_at(items, ends, ann.anchor_start)
        text = source.raw_text[ann.text_start:ann.text_end]
        if idx is None:
            target = _best_item(text, items) if ann.anchor_start is None else None
        else:
            target = _target(items, idx)
        cue = "comment" if ann.kind == "word_comment" else "annotation"
        note = _note(source, ann.text_start, ann.text_end, target, ann.kind, cue)
        if note is not None:
            out.append(note)
    return out


# --------------------------------------------------------------------------- all routes


def find_notes(agenda: Source, items: list[AgendaItem], *, notes: Source | None = None,
               clean_agenda: Source | None = None, names: list[str] | tuple[str, ...] = (),
               heuristics: bool = True) -> list[Note]:
    """Every note for the meeting: clean-agenda diff for matched items, heuristics for the rest,
    comments/annotations, and the separate notes file."""
    name_tokens = {w for n in names for w in re.findall(r"[A-Z][\w'-]+", n)}
    found: list[Note] = []
    diffed: set[str] = set()
    if clean_agenda is not None:
        from ingest.parser import find_items

        clean_items, _ = find_items(clean_agenda)
        diff_notes, diffed = clean_diff_notes(agenda, items, clean_agenda, clean_items)
        found += diff_notes
    if heuristics:
        found += heuristic_notes(agenda, items, names=name_tokens, skip=diffed)
    found += annotation_notes(agenda, items)
    if notes is not None:
        found += notes_file_notes(notes, items)
    return found
