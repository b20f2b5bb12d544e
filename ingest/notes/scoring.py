"""How note-like a sentence is: cue words, participles without auxiliary, names with a verb, telegraphic style."""

from __future__ import annotations

import re

from ingest.parse.lines import plain
from ingest.redactions import find_redactions


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


_ANSWER = re.compile(r"^(?:ja|nee|ok|oké|okay|prima|akkoord|eens|klopt|goed|helder|afgesproken)\b", re.I)
