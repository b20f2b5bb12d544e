"""How note-like a sentence is: cue words, participles without auxiliary, names with a verb, telegraphic style."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from ingest.parse.lines import plain
from ingest.redactions import find_redactions
from notulist.nl import Lexicon, lexicon


# LOCAL Dutch words (not in notulist/nl yet; listed in the issue-12 INGEST report):
# the note-scoring word lists below (decision participles, auxiliaries, shouted words,
# honorifics, non-participles, subject-less verbs, sentence starters, present-tense verbs, prepared-prose
# phrases, short answers); only the postponement words come from the lexicon
_DECIDED = (r"vastgesteld|goedgekeurd|aangenomen|afgewezen|verworpen|ingestemd|akkoord|aangehouden|doorgeschoven|"
            r"uitgesteld|afgerond|afgehandeld|geaccordeerd|geschrapt|ingetrokken|unaniem")
_AUXILIARY = re.compile(r"\b(?:wordt|worden|werd|werden|is|zijn|was|waren|zal|zullen|kan|kunnen|moet|moeten|"
                        r"wil|willen|graag|om|te)\b", re.I)
# LOCAL (not in notulist/nl yet): the words a note starts with ("Besluit:", "Afspraak", "Vervolg", "NB:");
# the postponement words among them are the lexicon's (postponed phrases, postponed_next)
_CUE_START_WORDS = (r"besluit|besloten|afspraak|afgesproken|actie(?:punt)?|conclusie|toezegging|"
                    rf"{_DECIDED}|vervolgactie|vervolg|uitkomst|akkoord|geagendeerd|agenderen|n\.?b\.?\s*:")


def _build_cue_start(lex: Lexicon) -> re.Pattern[str]:
    postponed = [r"\s+".join(map(re.escape, p.split())) for p in lex.phrases("postponed")]
    return re.compile(rf"^(?:{_CUE_START_WORDS}|{'|'.join(lex.patterns('postponed_next'))}|"
                      rf"{'|'.join(postponed)})\b", re.I)


def cue_start(text: str) -> re.Match[str] | None:
    """A note's opening cue word ("Besluit", "Afgesproken", "Volgende keer", "Doorgeschoven")."""
    return lexicon().compiled("ingest.notes.cue_start", _build_cue_start).match(text)
STRONG_CUE = re.compile(r"^(?:besluit|besloten|afspraak|afgesproken|actie(?:punt)?|conclusie|toezegging)\s*:", re.I)
_CAPS_WORDS = {"ALS", "NIET", "WEL", "GEEN", "OOK", "IN", "EN", "MAAR", "OF", "ALLEEN", "ALTIJD", "NOOIT", "NU",
               "EERST", "DAN", "VOOR", "NA", "ZELF", "WIE", "WAT", "HOE", "WANNEER", "GEWOON", "ZEKER", "MOET",
               "KAN", "GAAT", "HEEL", "ECHT", "NOG", "AL", "MET", "ZONDER", "BIJ", "OP"}
HONORIFIC = re.compile(r"^(?:(?:dhr|mevr|mw|mr|dr|drs|ir|prof|mevrouw|meneer|de\s+heer|wethouder|gedeputeerde|"
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
PREPARED = re.compile(r"\bgraag\b|\bstellen\s+(?:wij|we|jullie|u)?\s*voor\b|\bstelt\s+voor\b|\bwe\s+stellen\b|\bwij\s+stellen\b|"
                       r"\bvragen\s+(?:je|jou|u|jullie)\b|\b(?:we|wij)\s+vragen\b|\bverzoek\b|\bvoorstel\b|"
                       r"\bbijgaand\b|\bzie\s+bijlage\b|\bhierbij\b|\b(?:we|wij)\s+willen\b|\bwillen\s+(?:we|wij)\b|"
                       r"\bbenieuwd\b|\bpraten\s+je\b|\bbijpraten\b|\bmondeling\b", re.I)
_ADDRESS = re.compile(r"\b(?:jij|jou|jouw|u|uw|jullie)\b", re.I)
WORD = re.compile(r"[\w'’-]+", re.UNICODE)


_ANSWER = re.compile(r"^(?:ja|nee|ok|oké|okay|prima|akkoord|eens|klopt|goed|helder|afgesproken)\b", re.I)
_LABEL_COLON = re.compile(r"(?i)(?:gevraagd|voorgesteld)\s+besluit|beslispunt|voorstel|advies|doel|aanleiding|"
                          r"toelichting|portefeuillehouder|inleiding|stukken|tijd|duur|spreker|inleider|"
                          r"presentatie|context|achtergrond|ter\s+\w+|kosten|planning|bijgevoegd")
_NAME_RUN = re.compile(r"^((?:(?:[A-Z]\.\s*)*(?:[A-Z][\w'’-]+)(?:\s+(?:van|de|der|den|el|ten|ter)\s+[A-Z][\w'’-]+)?"
                       r"(?:\s*(?:,|en|&)\s*(?:" + HONORIFIC.pattern.lstrip("^") + r")?)?)+)\s+(\w+)")
_PARTICIPLE_WORD = re.compile(r"^[a-z]{0,6}ge[a-zë]{2,}(?:d|t|en)$")
_WILL = {"zou", "zal", "zouden", "zullen"}


class Cue(NamedTuple):
    weight: float
    name: str


@dataclass
class Scored:
    """The typed input of the detectors: one sentence in plain text, with what they share."""

    t: str
    names: set[str]
    after_question: bool
    words: list[str]  # words of the whole sentence
    lead: str  # the sentence without leading honorifics
    lead_words: list[str]
    colon: re.Match | None  # "Label: text" with a short label
    cue_start: re.Match | None

    @property
    def label_colon(self) -> bool:
        """A prepared field label ("Gevraagd besluit:", "Toelichting:"), not a note's colon."""
        return bool(self.colon and _LABEL_COLON.match(self.colon.group(1)))


def _present_verb(word: str, *, ending: tuple[str, ...] = ("t",)) -> bool:
    return word in _VERBS or (word.endswith(ending) and len(word) >= 4 and word.islower() and word not in _NOT_VERBS)


def _opening_cue(s: Scored) -> Cue | None:
    return Cue(3, s.cue_start.group(0).strip().rstrip(":").capitalize()) if s.cue_start else None


def _caps(s: Scored) -> Cue | None:
    """Shouted function words ("ALS je het doet")."""
    caps = [w for w in re.findall(r"\b[A-Z]{2,}\b", s.t) if w in _CAPS_WORDS]
    return Cue(2, "caps") if caps and not s.t.isupper() else None


def _colon(s: Scored) -> Cue | None:
    """A colon construction ("Raadsbrief: stuk gaat niet mee")."""
    ok = s.colon and len(s.colon.group(1).split()) <= 5 and not re.match(r"(?i)bijlage|zie\b", s.colon.group(1))
    return Cue(2, "colon") if ok and not s.label_colon else None


def _decided_participle(s: Scored) -> Cue | None:
    """"Agenda vastgesteld", "Notulen goedgekeurd": a decision participle without its auxiliary."""
    part = re.search(rf"^(?:\S+\s+){{1,3}}?({_DECIDED})\b", s.t, re.I)
    if part and not _AUXILIARY.search(s.t[:part.end()]) and not s.cue_start:
        return Cue(3, "participle")
    return None


def _name_colon(s: Scored) -> Cue | None:
    return Cue(3, "name:") if s.colon and s.colon.group(1).strip() in s.names else None


def _answer(s: Scored) -> Cue | None:
    return Cue(2, "answer") if _ANSWER.match(s.t) and s.after_question else None


def _lowercase(s: Scored) -> Cue | None:
    # prepared prose starts with a capital; quick notes often do not
    return Cue(2, "lowercase") if s.t[:1].islower() else None


def _name_with_verb(s: Scored) -> Cue | None:
    """An attendee's name later in the sentence with a verb after it ("..., Ruud kijkt")."""
    t = s.t
    for nm in s.names:
        hit = re.search(rf"(?:^|[,;:]\s*)(?:en\s+)?{re.escape(nm)}\s+(\w+)", t)
        if hit and t.find(nm) > 0 and (hit.group(1).lower() in _VERBS or _present_verb(hit.group(1))):
            return Cue(2, "name+verb")
    return None


def _names_first(s: Scored) -> Cue | None:
    """Names first: "Dhr. Verhoef en mevr. Arends gaan", "Ruud, Els vragen ..."."""
    name_run = _NAME_RUN.match(s.lead)
    if name_run and any(w in s.names for w in re.findall(r"[A-Z][\w'’-]+", name_run.group(1))) and \
            (" en " in name_run.group(1) or "," in name_run.group(1)):
        verb = name_run.group(2).lower()
        if verb in _VERBS or (verb.endswith(("t", "en")) and len(verb) >= 4 and verb not in _NOT_VERBS):
            return Cue(3, "name+verb")
    return None


def _leading_participle(s: Scored) -> Cue | None:
    """A sentence opening with a past participle and no auxiliary: "Toegevoegd aan agenda: ..."."""
    w0 = s.lead_words[0].lower() if s.lead_words else ""
    if (_PARTICIPLE_WORD.match(w0) and w0 not in _NOT_PARTICIPLES and len(s.lead_words) <= 15
            and not _AUXILIARY.search(s.t) and not s.t.endswith("?")):
        return Cue(3, "participle")
    return None


def _name_then_verb(s: Scored) -> Cue | None:
    """An attendee's name with a present-tense verb ("Sander maakt ...") is how actions are noted."""
    words = s.lead_words
    n_lead = len(words)
    first = words[0] if words else ""
    second = words[1].lower() if n_lead > 1 else ""
    is_name = first in s.names or (first[:1].isupper() and first.lower() not in _STARTERS and n_lead <= 10)
    if is_name and n_lead > 1 and _present_verb(second) and second not in _WILL:
        return Cue(3 if first in s.names and n_lead <= 12 else 2, "name+verb")
    return None


def _telegraphic(s: Scored) -> Cue | None:
    """A subject-less sentence ("Is politiek.")."""
    first = s.lead_words[0] if s.lead_words else ""
    return Cue(2, "telegraphic") if first.lower() in _SUBJECTLESS and len(s.words) <= 14 and not s.t.endswith("?") \
        else None


# the detectors in order; on equal weight the first one's cue names the note
DETECTORS: tuple[Callable[[Scored], Cue | None], ...] = (
    _opening_cue, _caps, _colon, _decided_participle, _name_colon, _answer, _lowercase, _name_with_verb,
    _names_first, _leading_participle, _name_then_verb, _telegraphic,
)


def _style(s: Scored) -> float:
    """Telegraphic style (short, no closing punctuation) versus prepared prose (addressing the reader,
    long, a question, a field label, an attachment)."""
    t, n = s.t, len(s.words)
    score = 0.0
    if s.label_colon:
        score -= 2
    if n <= 4:
        score += 1
    if not re.search(r"[.!?:;)]$", t) or (t.endswith(")") and not re.search(r"[.!?]\)?$", t)):
        score += 1
    if PREPARED.search(t):
        score -= 2
    if _ADDRESS.search(t) and n > 6:
        score -= 1
    if n > 25:
        score -= 1
    if t.endswith("?") and n > 5:
        score -= 2
    if s.after_question:
        score += 1
    if re.match(r"(?i)bijlage\b", t):
        score -= 5
    return score


def note_score(text: str, *, names: set[str], after_question: bool = False) -> tuple[float, str | None]:
    """How much a sentence looks like a note rather than prepared agenda prose, and the deciding cue."""
    t = plain(text).strip()
    if not t:
        return 0.0, None
    # a redacted person ("5.1, 2, e kijkt ...") acts as a name: one placeholder word
    for r in reversed(find_redactions(t)):
        t = t[:r.start] + "Anoniem" + (" " if t[r.end:r.end + 1].isalpha() else "") + t[r.end:]
    words = WORD.findall(t)
    lead = HONORIFIC.sub("", t)
    s = Scored(t=t, names=names | {"Anoniem"}, after_question=after_question, words=words, lead=lead,
               lead_words=WORD.findall(lead) or words, colon=re.match(r"^([^:?!]{1,45}?)\s*:\s+\S", t),
               cue_start=cue_start(t))
    cues = [c for c in (detect(s) for detect in DETECTORS) if c is not None]
    score = _style(s) + sum(c.weight for c in cues)
    cue = max(cues, key=lambda c: c.weight).name if cues else ("after question" if after_question else None)
    return score, cue
