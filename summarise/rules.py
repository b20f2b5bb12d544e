"""The Dutch rule engine: clause splitting with exact spans, cue lexicons, owners.

Rules describe how Dutch meeting notes, minutes and besluitenlijsten are written in general
("Besluit:", "akkoord", "stemt in", "Actie:", "X pakt dit op", "zorgt voor", "volgende keer",
"aangehouden"), not the wording of one series. Everything works on clause spans of the raw source
text, so every hit can be cited exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# --------------------------------------------------------------------------- clause splitting

ABBREVIATIONS = {
    "o.a", "i.r.t", "n.a.v", "m.b.t", "e.d", "bijv", "bv", "evt", "incl", "excl", "t.a.v", "z.s.m", "ca", "jl",
    "dhr", "mevr", "mw", "drs", "ir", "mr", "dr", "prof", "nr", "blz", "vs", "etc", "i.v.m", "t.b.v", "o.b.v",
    "m.i.v", "a.s", "e.a", "resp", "c.q", "d.w.z", "i.p.v", "m.u.v", "t.z.t", "z.o.z", "p.p", "ing", "wnd",
    "pag", "art", "lid", "min", "max", "tel", "zgn", "ivm", "mln", "mld", "vz", "vgl", "enz", "excl", "o.l.v",
    "i.o.m", "m.n", "t/m", "e/o", "st", "okt", "nov", "dec", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep",
    "sept", "w.o", "d.d", "n.v.t", "v.w.b", "a.i",
}
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]*_]*\s+")
# (an arrow before "Henk: ..." stays: it marks the line as an action, see _ARROW_OWNER)
_LEAD_JUNK = re.compile(r"^(?:\s|[-*•➤►▪#_|]|>(?!\s*\w+\s*:)|\\|\[|\*\*|\d{1,2}[.)](?=\s)|[a-z][.)](?=\s))+")
_TRAIL_JUNK = re.compile(r"(?:\s|\*|_|\]\([^)]*\)|\]|\\|\|)+$")
_LIST_START = re.compile(r"^\s*(?:[-*•➤►▪]\s|\d{1,2}[.)]\s|[a-z][.)]\s|#|\|)")


def _is_abbreviation(block: str, dot: int) -> bool:
    """True when the '.' at `dot` ends an abbreviation ("o.a.", "n.a.v.", "ca.") or a lone initial."""
    start = dot
    while start > 0 and not block[start - 1].isspace() and block[start - 1] not in "(\"'":
        start -= 1
    token = block[start:dot].lower().lstrip("(")
    if token in ABBREVIATIONS:
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.){1,3}[a-z]?|[a-z]", token))


def lines_start(text: str, end: int) -> int:
    return text.rfind("\n", 0, end) + 1


def _blocks(text: str, offset: int) -> list[tuple[int, int]]:
    """Lines joined into blocks; a line that continues a broken sentence (pdf/Word wraps) is glued on."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    # a wrapped line runs (nearly) to the page width; a short typed note line ("-> Ahmed regelt de laptops")
    # followed by another lower-case note is two notes
    width = max((len(text[s:e].rstrip()) for s, e in lines), default=0)
    blocks: list[list[int]] = []
    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            continue
        if blocks:
            prev = text[blocks[-1][0]:blocks[-1][1]].rstrip(" *_")
            first = line.lstrip()[:1]
            prev_line = text[lines_start(text, blocks[-1][1]):blocks[-1][1]].strip()
            # a short list or arrow line is a note of its own, not the first half of a broken sentence
            wrapped = not (re.match(r"(?:[-*•➤►▪→]|->|=>)\s", prev_line) and len(prev_line) < 0.6 * width)
            if (prev and prev[-1] not in ".!?:;" and first.islower() and not _LIST_START.match(line)
                    and not prev.lstrip().startswith("#") and wrapped):
                blocks[-1][1] = e
                continue
        blocks.append([s, e])
    return [(s + offset, e + offset) for s, e in blocks]


def _trim(raw: str, s: int, e: int) -> tuple[int, int] | None:
    piece = raw[s:e]
    lead = _LEAD_JUNK.match(piece)
    if lead:
        s += lead.end()
    piece = raw[s:e]
    trail = _TRAIL_JUNK.search(piece)
    if trail:
        e -= len(piece) - trail.start()
    if e <= s or not re.search(r"\w", raw[s:e]):
        return None
    # an unmatched closing ']' or '(' left over from a markdown link
    return s, e


def split_clauses(raw: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentence spans of raw[lo:hi], trimmed of markdown decoration, as absolute offsets."""
    spans: list[tuple[int, int]] = []
    for bs, be in _blocks(raw[lo:hi], lo):
        block = raw[bs:be]
        cut = 0
        depth = 0
        last = 0
        for m in _SENT_END.finditer(block):
            depth += block.count("(", last, m.start()) - block.count(")", last, m.start())
            last = m.start()
            nxt = block[m.end():m.end() + 1]
            if depth > 0 or not nxt:
                continue
            if not (nxt.isupper() or nxt.isdigit() or nxt in "[*_\"'“‘(➤-•"):
                continue
            punct = block[m.start()]
            if punct == "." and _is_abbreviation(block, m.start()):
                continue
            end = m.start() + len(m.group(0).rstrip())
            trimmed = _trim(raw, bs + cut, bs + end)
            if trimmed:
                spans.append(trimmed)
            cut = m.end()
        trimmed = _trim(raw, bs + cut, be)
        if trimmed:
            spans.append(trimmed)
    return spans


# --------------------------------------------------------------------------- owners

RED = "XREDX"  # placeholder for a redaction mark inside a clause being analysed

ROLE_WORDS = {
    "secretaris", "voorzitter", "penningmeester", "notulist", "wethouder", "burgemeester", "college", "griffie",
    "griffier", "directeur", "directie", "bestuur", "dagelijks", "algemeen", "commissie", "raad", "staf", "team",
    "werkgroep", "stuurgroep", "projectgroep", "projectleider", "programmamanager", "portefeuillehouder",
    "afdeling", "gemeente", "provincie", "organisatie", "ambtelijke", "ambtenaren", "bureau", "secretariaat",
    "teamleider", "manager", "coördinator", "coordinator", "adviseur", "beleidsmedewerker", "controller",
    "clusterdirecteur", "opdrachtgever", "leden", "lid", "ledenraad", "ondernemingsraad", "or", "mt", "gmt",
    "dt", "ambtenaar", "medewerker", "medewerkers", "kascommissie", "redactie", "trainer", "trainers",
    "commissaris", "wethouders", "fractie", "fracties", "griffier", "plaatsvervangend", "vicevoorzitter",
    "interim", "hoofd", "jurist", "communicatie", "p&o", "hr", "financiën", "ict", "facilitair", "concern",
    "directeuren", "gedeputeerde", "gedeputeerden", "statenlid", "raadslid", "raadsleden", "deelnemers",
    "kernteam", "programmateam", "projectteam", "ambtelijk", "heer", "mevrouw", "dhr.", "mw.", "mevr.", "vereniging", "scholen", "school", "directeur-bestuurder",
    "beheerder", "kascommissie", "ledenvergadering", "mr", "pmr", "gmr", "oudergeleding", "personeelsgeleding",
}
PARTICLES = {"van", "de", "der", "den", "ter", "ten", "'t", "het", "en", "&", "la", "le", "von", "di", "da", "in", "t"}
GENERIC_SUBJECTS = {"je", "jij", "u", "men", "het", "dit", "dat", "die", "deze", "er", "iemand", "niemand",
                    "iedereen", "alle", "alles", "wie", "wat", "hoe", "welke", "daar", "hier", "dan", "ook", "niet",
                    "nog", "maar", "en", "of", "als", "dus", "wel"}
TEAM_PRONOUNS = {"we", "wij", "ons"}
THIRD_PRONOUNS = {"hij", "zij", "ze", "zijn", "haar"}
SPEAKER_FIRST = {"ik"}

_TOKEN = r"(?:[A-Z][\w'’\-&/.]*|[A-Z]{2,}[\w&/-]*|" + RED + r")"


@dataclass
class Owner:
    kind: str  # "name", "team", "redacted", "pronoun", "generic", "none"
    text: str | None = None  # the owner as written (article stripped), for kind name
    co: str | None = None  # "samen met X"


ROLE_SUFFIXES = ("secretaris", "voorzitter", "directeur", "leider", "manager", "adviseur", "medewerker", "coördinator",
                 "coordinator", "meester", "houder", "griffier", "wethouder", "commissie", "bestuur", "team", "raad",
                 "bestuurder", "lid", "leden", "heemraad", "dijkgraaf", "ambtenaar", "functionaris", "officer",
                 "jurist", "controller", "planner", "regisseur", "trekker", "eigenaar", "notulist", "afdeling", "beheerder",
                 "geleding")


def is_role(word: str) -> bool:
    """A role noun, also plural or compound ("teamleiders", "secretaris-directeur", "projectsecretaris")."""
    w = word.lower().strip(",()'’\"")
    if w in ROLE_WORDS:
        return True
    for stem in (w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("en") else w):
        if stem in ROLE_WORDS or any(stem.endswith(suf) for suf in ROLE_SUFFIXES):
            return True
    return any(part in ROLE_WORDS for part in w.split("-") if part)


def _strip_article(np: str) -> str:
    """"de secretaris" -> "secretaris"; "de heer Post" is a form of address and keeps its article."""
    if re.match(r"^(?:de|De)\s+heer\b", np.strip()):
        return np.strip()
    return re.sub(r"^(?:de|het|De|Het)\s+", "", np.strip()).strip()


FUNCTION_WORDS = {"voor", "met", "bij", "in", "op", "na", "door", "over", "om", "tot", "vanuit", "naar", "dan",
                  "daarna", "ook", "dit", "dat", "deze", "die", "er", "als", "zoals", "wat", "wie", "welke", "nu",
                  "toen", "hier", "daar", "verder", "wel", "niet", "geen", "nog", "vandaag", "morgen", "eerst",
                  "tevens", "vervolgens", "namens", "volgens", "tijdens", "sinds", "per", "qua", "zowel", "ja", "nee",
                  "graag", "samen", "alle", "elke", "iedere", "ieder", "overige", "andere", "nieuwe", "eerste"}


def _is_name_np(np: str) -> bool:
    """A person, role or body: capitalised words, abbreviations, role nouns, particles; no digits."""
    words = np.strip().split()
    if any(w.lower().strip(",()") in FUNCTION_WORDS for w in words):
        return False
    if not words or len(words) > 7 or re.search(r"\d", np.replace(RED, "")):
        return False
    if words[0].lower() in ("de", "het"):
        words = words[1:]
        if not words:
            return False
    content = 0
    for w in words:
        bare = w.strip(",()'’\"")
        if bare == RED:
            content += 1
        elif bare.lower() in PARTICLES:
            continue
        elif is_role(bare) or bare[:1].isupper() or re.fullmatch(r"[A-Z&/]{2,}", bare):
            content += 1
        else:
            return False
    return content > 0 and words[-1].lower() not in PARTICLES


def classify_np(np: str) -> Owner:
    np = np.strip().strip(",:;")
    low = np.lower()
    if not np:
        return Owner("none")
    if low in TEAM_PRONOUNS:
        return Owner("team")
    if low in THIRD_PRONOUNS:
        return Owner("pronoun")
    if low in ("iedereen", "allen", "alle leden", "alle deelnemers", "ieder lid", "elk lid"):
        return Owner("name", np)  # everybody present takes the task ("Iedereen stuurt opmerkingen ...")
    if low in SPEAKER_FIRST or low in GENERIC_SUBJECTS:
        return Owner("generic")
    if RED in np and _is_name_np(np):
        named = [w for w in re.split(r"\s+(?:en|&)\s+", np) if RED not in w]
        if named and all(_is_name_np(w) for w in named):
            # "Peter en [gelakt]": the named person is an owner; the redacted one is never guessed
            return Owner("name", _strip_article(" en ".join(named)))
        return Owner("redacted")
    if _is_name_np(np):
        return Owner("name", _strip_article(np))
    return Owner("none")


_NP_AFTER = re.compile(r"^\s*((?:(?:de|het)\s+)?(?:" + RED + r"|[A-Z][\w'’&/.-]*|[a-zé-]+)(?:\s+(?:" + RED
                       + r"|[A-Z][\w'’&/.-]*|van|de|der|den|en|&|[A-Z]{2,}|[a-z-]+))*)")
_CO = re.compile(r"^\s*(?:\S+\s+){0,2}?samen\s+met\s+((?:de\s+|het\s+)?[\w&/'’-]+(?:\s+[\w&/'’-]+){0,3}?)(?=\s+(?:voor|om|aan|"
                 r"op|in|de|het|een|dit|dat|deze)\b|[,.;:]|$)", re.IGNORECASE)


_LIST_CODE = re.compile(r"^(?:[A-Z]{0,4}[-/.]?\d[\w./-]*\s+)+(?=[A-Z" + RED[0] + r"]|de\s|het\s)")


def owner_before(pre: str) -> Owner:
    """The subject written before the verb ("Peter zal", "De secretaris stuurt", "[gelakt] pakt")."""
    pre = pre.strip()
    if ":" in pre or ";" in pre:  # "Onze rol: wij zorgen", "Afspraak: Peter komt", "...; de secretaris stuurt"
        pre = re.split(r"[:;]", pre)[-1].strip()
    # a sentence the splitter kept attached ("Contactpersoon: [gelakt]. De afdeling X verzendt")
    pre = re.split(r"[.!?]\s+(?=[A-Z])", pre)[-1].strip()
    pre = re.sub(r"^(?:en|maar|dus|ook|daarnaast|verder|tevens|vervolgens|hierna|daarna)\s+", "", pre, flags=re.I)
    pre = _LIST_CODE.sub("", pre)  # "TZ-2024-41 Gedeputeerde Van Leeuwen stuurt": the row's number is not the subject
    if not pre:
        return Owner("none")
    return classify_np(pre)


def owner_after(post: str) -> Owner:
    """The subject right after the verb in an inverted clause ("probeert Peter", "dragen we over")."""
    m = re.match(r"^\s*(we|wij|hij|zij|ze|je|men|u|ik)\b", post, re.IGNORECASE)
    if m:
        return classify_np(m.group(1))
    m = _NP_AFTER.match(post)
    if not m:
        return Owner("none")
    np = m.group(1)
    # stop at the first lower-case non-role word ("Peter te regelen" -> "Peter")
    words: list[str] = []
    for w in np.split():
        if w == RED or w[:1].isupper() or is_role(w) or (words and w.lower() in PARTICLES) \
                or (not words and w.lower() in ("de", "het")):
            words.append(w)
        else:
            break
    while words and words[-1].lower() in PARTICLES:
        words.pop()
    if not words:
        return Owner("none")
    owner = classify_np(" ".join(words))
    return owner if owner.kind in ("name", "redacted") else Owner("none")


def clause_subject(norm: str) -> Owner:
    """The person or role a clause starts with ("Wethouder Bakker meldt ..."), for a later "hij"."""
    m = re.match(r"^\s*((?:(?:de|het|De|Het)\s+)?(?:[A-Z" + RED[0] + r"][\w'’&/.-]*|[a-z-]+)(?:\s+(?:[A-Z][\w'’&/.-]*|"
                 r"van|de|der|den|en|" + RED + r")){0,4})\s+[a-z]", norm)
    if not m:
        return Owner("none")
    owner = classify_np(m.group(1))
    return owner if owner.kind in ("name", "redacted") else Owner("none")


def co_owner(after_verb: str) -> str | None:
    m = _CO.match(after_verb)
    return m.group(1).strip() if m else None


# --------------------------------------------------------------------------- cue lexicons

_Q = re.IGNORECASE
LABEL = re.compile(r"^\s*(?:\*\*|__|\*|_)?(?P<label>besluit(?:en)?|besloten|conclusies?|uitkomst|actie(?:punt)?s?|to\s?-?do|"
                   r"afspraak|afspraken|afgesproken|actiehouder|toezegging(?:en)?|advies)\b(?:\*\*|__|\*|_)?\s*"
                   r"(?P<sep>[:\-–]|(?=[\s(]))", _Q)
# "Actie (Freek, vóór 1 maart): ...", "**Actie** (Linda): ...": the owner in brackets right after the label
_LABEL_OWNER = re.compile(r"^\s*\((?P<who>[^,()]{2,40})(?:,[^()]*)?\)\s*:?")
ACTION_TAG = re.compile(r"\(\s*(?:actie|actiehouder|wie)\s*[:\-]?\s*(?P<who>[^)]{1,60})\)", _Q)

DECISION_CUES = [
    # "besluit" as a verb; "het besluit", "dit besluit" is the noun ("informeert de stichting over het besluit")
    r"(?<!\bhet\s)(?<!\bdit\s)(?<!\bdat\s)(?<!\been\s)(?<!\bzijn\s)(?<!\bhun\s)(?<!\bhaar\s)"
    r"\bbesl(?:uit|uiten)\b(?!\s*(?:van|d\.?d\.?|vorming))",
    r"\bbesloten\b", r"\bvastgesteld\b", r"\bstel(?:t|len)\b[^.]{0,60}\bvast\b", r"\bgoedgekeurd\b",
    r"\bkeur(?:t|en)\b[^.]{0,60}\bgoed\b", r"\baangenomen\b", r"\bverworpen\b", r"\bingestemd\b",
    r"\bstem(?:t|men)\s+(?:\S+\s+){0,4}?in\b", r"\binstemming\b", r"\bakkoord\b", r"\bbekrachtigd\b",
    r"\b(?:neemt|nemen|nam|namen|genomen)\s+(?:\S+\s+){0,3}?(?:het|een|dit|dat|de)\s+(?:\w+\s+)?besluit\b",
    r"\bbesluit\s+(?:is|wordt|werd)\s+genomen\b",
    r"\b(?:her)?benoemd\b", r"\bherkozen\b", r"\bbij\s+acclamatie\b", r"\bgekozen\s*[.;]",
    r"\badvise(?:ert|ren)\s+(?:de|het)\s+[^.]{0,120}?\bte\s+\w+", r"\bgekozen\s+(?:tot|als|voor)\b", r"\bkiez(?:en)?\s+voor\b", r"\bkiest\s+voor\b",
    r"\b(?:onder)?teken(?:t|en)\b", r"\bbespreekstuk\b", r"\bondertekend\b", r"\bga(?:at|an)\s+(?:niet\s+)?mee\b(?!\s+(?:naar|met)\b)",
    r"\bdecharge\b", r"\bhamerstuk\b", r"\bgeen\s+bezwaar\b", r"\badviseert\s+(?:positief|negatief)\b",
    r"\b(?:positief|negatief)\s+advies\b", r"\bunaniem\b", r"\bneemt\s+kennis\b", r"\bnemen\s+kennis\b",
    r"\bkennis\s*genomen\b", r"\bconclusie\s+is\b", r"\bingetrokken\b", r"\bverleend\b",
    r"\b(?:wordt|is|werd)\s+afgesproken\s+dat\b", r"^\s*conform\b", r"\bmet\s+algemene\s+stemmen\b",
    r"\bneem(?:t|en)\s+(?:het|de)\s+(?:voorstel|motie|amendement|begroting|jaarrekening|jaarverslag)\b[^.]{0,40}\baan\b", r"\bafgesproken\s+(?:wordt\s+)?dat\b", r"\bspreken\s+af\s+dat\b",
]
DECISION_RE = re.compile("|".join(DECISION_CUES), _Q)
# "Voorstel akkoord.", "Het voorstel wordt aangenomen.": the outcome, not the proposal
# a committee's advice to the body that decides ("De commissie adviseert de raad ... vast te stellen") is its decision
ADVICE = re.compile(r"^(?!\s*(?:als|indien|mits|wanneer|zodra)\b).*\badvise(?:ert|ren)\s+(?:de|het)\s+[^.]{0,120}?\bte\s+\w+", _Q)
PROPOSAL_OUTCOME = re.compile(r"^\s*(?:het\s+|dit\s+)?voorstel(?:\s+\S+){0,3}?\s+(?:is\s+|wordt\s+|werd\s+)?(?:akkoord|"
                              r"aangenomen|goedgekeurd|vastgesteld|overgenomen|verworpen|afgewezen)\b", _Q)
NOT_DECISION = re.compile(
    r"^\s*(?:als|indien|mits|wanneer|zodra|voorstel|voorgesteld|zou|kan|kunnen|graag)\b|\bin\s+te\s+stemmen\b|"
    r"\bvast\s+te\s+stellen\b|\bte\s+besluiten\b|\bbesluitvorming\b|\bwordt\s+gevraagd\b|\bnog\s+niet\s+"
    r"(?:besloten|vastgesteld|akkoord|ingestemd)\b|\bter\s+besluit|\bvoorgesteld\s+besluit\b|\bstel(?:t|len)\s+voor\b|"
    r"\bkan\s+(?:\S+\s+){0,3}akkoord\b|\bzijn\s+jullie\s+akkoord\b|"
    r"\bbesl\w*\s+(?:volgt\s+)?(?:volgende|komende|later)\b|\b(?:volgende|komende)\s+(?:keer|vergadering)\s+besl", _Q)

POSTPONED_STRONG = re.compile(
    r"\b(?:houdt|houden)\s+(?:\S+\s+){0,4}?aan\s+tot\b|\b(?:doorgeschoven|doorschuiven|(?:schuift|schuiven)\s+(?:\S+\s+){0,3}?door|geschoven\s+naar|verschoven|uitgesteld|aangehouden|verdaagd|"
    r"niet\s+(?:meer\s+)?(?:aan\s+bod\s+gekomen|aan\s+bod|behandeld|besproken)|(?:komt|komen)\s+terug\s+op\s+de\s+agenda|"
    r"terug\s+op\s+de\s+agenda|verplaatst\s+naar|op\s+een\s+later(?:e)?\s+(?:moment|datum|tijdstip)|(?:komt|komen)\s+(?:hier\s+|daar\s+)?terug\s+(?:in|op)\s+de\s+(?:volgende\s+)?(?:vergadering|bijeenkomst|overleg)|opnieuw\s+(?:geagendeerd|agenderen)|later\s+(?:behandeld|besproken|geagendeerd)|uit\s+te\s+stellen|aan\s+te\s+houden|stel(?:t|len)\s+(?:\S+\s+){0,4}?uit\b|"
    r"van\s+de\s+agenda\s+(?:gehaald|afgevoerd|genomen|afgehaald)|"
    r"(?:komt|komen)\s+(?:hier\s+|daar\s+|dit\s+)?terug\s+(?:in|op|tijdens)\s+(?:de|het)\s+(?:volgende\s+)?"
    r"(?:vergadering|bijeenkomst|overleg|commissie|raad|sessie)\s+(?:van|in|op)\s+\w+)\b", _Q)
DEFERRED_DECISION = re.compile(r"\bbesl\w*\s+(?:volgt\s+)?(?:in\s+de\s+)?(?:volgende|komende|later)\b|"
                               r"\b(?:volgende|komende)\s+(?:keer|vergadering)\s+besl", _Q)
# "Over artikel 4.7 besluit de raad in de vergadering van 15 april": a decision still to be taken
FUTURE_DECISION = re.compile(r"\bbesl(?:uit|uiten|ist|issen)\b[^.;]{0,60}?\b(?:in|op|tijdens)\s+de\s+(?:volgende\s+|komende\s+)?"
                             r"(?:vergadering|bijeenkomst|zitting|overleg)(?:\s+van\s+\d|\s*[.,;]|\s*$)", _Q)
POSTPONED_NEXT = re.compile(r"\b(?:volgende|komende)\s+(?:keer|vergadering|overleg|bijeenkomst|bespreking)\b", _Q)
NEXT_MEETING_DATE_LINE = re.compile(r"^\s*(?:de\s+)?volgende\s+\w*\s*(?:vergadering|overleg|bijeenkomst)\s*(?::|is|op|-|–)"
                                    r"|\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag)\b|\b\d{1,2}\s+(?:jan|feb|mrt|maart|apr|"
                                    r"mei|jun|jul|aug|sep|okt|nov|dec)", _Q)
POSTPONED_NEXT_CONTEXT = re.compile(r"\b(?:bespr|agend|behandel|terug|aan\s+bod|verder|doorgeschoven|opnieuw|"
                                    r"besl|beslis|nog\s+niet)|->|→", _Q)

# Action verbs: finite forms with their particle (separable verbs) where Dutch needs one.
ACTION_VERBS = [
    r"\b(?P<v>pakt|pakken|pak)\b(?:\s+\S+){0,6}?\s+(?:op|aan)\b",
    r"\b(?P<v>zorgt|zorgen|zorg)\b(?:\s+\S+){0,6}?\s+(?:voor|ervoor|dat)\b",
    r"\b(?P<v>komt|komen|kom)\b(?:\s+\S+){0,6}?\s+(?:hierop\s+|erop\s+|daarop\s+)?terug\b(?!\s+op\s+de\s+agenda)",
    r"\b(?P<v>koppelt|koppelen)\b(?:\s+\S+){0,6}?\s+terug\b",
    r"\b(?P<v>probeert|proberen)\b(?:\s+\S+){0,8}?\s+te\b",
    r"\b(?P<v>kijkt|kijken)\b(?:\s+\S+){0,6}?\s+(?:of|na|uit|wat|hoe|welke|wie|waar|wanneer)\b",
    r"\b(?P<v>draagt|dragen)\b(?:\s+\S+){0,6}?\s+over\b",
    r"\b(?P<v>geeft|geven)\b(?:\s+\S+){0,6}?\s+door\b",
    r"\b(?P<v>neemt|nemen)\b(?:\s+\S+){0,6}?\s+(?:contact\b|op\s*(?:met\b|[.,;]|$)|mee\s*(?:naar\b|in\b|[.,;]|$))",
    # causative "laat onderzoeken / laat een ontwerp tekenen": somebody sees to it that it is done
    r"\b(?P<v>laat|laten)\b(?:\s+\S+){0,6}?\s+(?:onderzoeken|uitzoeken|nagaan|uitwerken|opstellen|tekenen|ontwerpen|"
    r"berekenen|uitvoeren|controleren|inventariseren|aanpassen|toetsen|beoordelen|opvragen|maken|herstellen|"
    r"repareren|vervangen|offreren|uitrekenen)\b",
    r"\b(?P<v>rapporteert|rapporteren)\b(?:\s+\S+){0,6}?\s+(?:in|aan|voor|over|hierover|daarover|op)\b",
    r"\b(?P<v>stuurt|sturen|verstuurt|versturen|mailt|mailen|belt|bellen|regelt|regelen|organiseert|organiseren|"
    r"agendeert|agenderen|checkt|checken|verkent|verkennen|onderzoekt|onderzoeken|benadert|benaderen|verspreidt|"
    r"verspreiden|verwerkt|verwerken|controleert|controleren|inventariseert|inventariseren|peilt|peilen|"
    r"informeert|informeren|bespreekt|bespreken|plant|plannen|maakt|maken|schrijft|schrijven|vraagt|vragen|"
    r"levert|leveren|bereidt|bereiden|werkt|werken|zet|zetten|past|passen|nodigt|nodigen|houdt|houden|zoekt|zoeken|"
    r"gaat|gaan|stemt|stemmen|stelt|stellen|legt|leggen|trekt|trekken|neemt|nemen|meldt|melden|verzendt|verzenden|"
    r"brengt|brengen|beantwoordt|beantwoorden|coördineert|coördineren|coordineert)\b(?P<rest>.*)$",
]
ACTION_RE = [re.compile(p, _Q) for p in ACTION_VERBS[:-1]]
GENERAL_VERB_RE = re.compile(ACTION_VERBS[-1], _Q)
# what a general verb needs after it to be an action rather than narrative ("stuurt ... rond", "stelt ... op")
_WRITTEN_PIECE = (r"\b(?:notitie|brief|voorstel|stuk|stukje|memo|advies|artikel|tekst|bericht|reactie|zienswijze|oproep|"
                  r"verslag|samenvatting|column|mail|e-mail)\b")
_ANSWER_LATER = r"\b(?:schriftelijk|nog|later|alsnog)\b|\b(?:e-?mail|mail|brief|brieven|bericht|berichten|post)\b"
_ASKS_FOR = (r"^(?!\s*aandacht\b).*(?:\b(?:op|na)\b(?!\s+(?:de|het|een|dit|dat|deze)\b)|\baan\s*(?:bij\b|[.,;]|$)|"
             r"\b(?:offerte|advies)\b|^\s*(?!om\b)(?!(?:de|het)\s+(?:\w+raad|raad|bestuur|werkgroep|commissie|vergadering|"
             r"overleg|leden|team)\b)(?:\S+\s+){1,4}?om\s+(?:een|het|de)\s+(?!aandacht\b))")
GENERAL_COMPLEMENT = {
    "stuurt": r".", "sturen": r".", "verstuurt": r".", "versturen": r".", "mailt": r".", "mailen": r".",
    "belt": r".", "bellen": r".", "regelt": r".", "regelen": r".", "organiseert": r".", "organiseren": r".",
    "agendeert": r".", "agenderen": r".", "checkt": r".", "checken": r".", "verkent": r".", "verkennen": r".",
    "onderzoekt": r".", "onderzoeken": r".", "benadert": r".", "benaderen": r".", "verspreidt": r".",
    "verspreiden": r".", "verwerkt": r".", "verwerken": r".", "controleert": r".", "controleren": r".",
    "inventariseert": r".", "inventariseren": r".", "peilt": r".", "peilen": r".",
    # "informeert de bewoners over de ter inzage legging": somebody is to be informed (not "informeert naar")
    "informeert": r"\bover\b.*\b(?:na|nader|verder)\b|\bna\b|\bnog\b|\bnaar\b.*\bbij\b|"
                  r"^\s*(?:de|het|alle|betrokken|haar|zijn)\s+(?:(?!naar\b)\S+\s+){0,4}?over\b",
    "informeren": r"\bnog\b|\bna\b|\bnaar\b.*\bbij\b",
    "plant": r"\bin\b|\b(?:overleg|gesprek|afspraak|bijeenkomst|sessie|bezoek|vergadering)\b",
    "plannen": r"\bin\b|\b(?:overleg|gesprek|afspraak|bijeenkomst|sessie|bezoek|vergadering)\b", "maakt": r"\b(?:afspraak|afspraken|oproep|(?:taken|actie|adres|deelnemers)?lijst|planning|opzet|notitie|overzicht|begroting|plan|aanvraag|offerte|folder|flyer|infographic|ontwerp|concept|campagne|nieuwsbrief|presentatie|rooster|memo|analyse|samenvatting|factsheet|verslag)\b|\bop\s*[.,;]?$|\baf\s*[.,;]?$", "maken": r"\b(?:afspraak|afspraken|oproep|(?:taken|actie|adres|deelnemers)?lijst|planning|opzet|notitie|overzicht|begroting|plan|aanvraag|offerte|folder|flyer|infographic|ontwerp|concept|campagne|nieuwsbrief|presentatie|rooster|memo|analyse|samenvatting|factsheet|verslag)\b|\bop\s*[.,;]?$|\baf\s*[.,;]?$",
    "schrijft": _WRITTEN_PIECE, "schrijven": _WRITTEN_PIECE,
    # "vraagt de afdeling om een oproep": a request to be made (not "vraagt om aandacht", reported in the meeting)
    # (the particle "op"/"na", not the preposition: "vraagt aandacht voor ... op de provinciale wegen")
    "vraagt": _ASKS_FOR, "vragen": _ASKS_FOR,
    # "beantwoordt de e-mail" is to be done; "beantwoordt een vraag van de fractie" was done in the meeting
    "beantwoordt": _ANSWER_LATER, "beantwoorden": _ANSWER_LATER, "coördineert": r".", "coördineren": r".", "coordineert": r".",
    "levert": r"\baan\b", "leveren": r"\baan\b", "bereidt": r"\bvoor\b", "bereiden": r"\bvoor\b",
    "werkt": r"\buit\b|\bbij\s*(?:[.,;]|$)", "werken": r"\buit\b|\bbij\s*(?:[.,;]|$)", "zet": r"\b(?:uit|op\s+de\s+agenda|in\s+gang)\b",
    "zetten": r"\b(?:uit|op\s+de\s+agenda|in\s+gang)\b", "past": r"\baan\b", "passen": r"\baan\b",
    "nodigt": r"\buit\b", "nodigen": r"\buit\b", "houdt": r"\bop\s+de\s+hoogte\b", "houden": r"\bop\s+de\s+hoogte\b",
    "zoekt": r"\buit\b", "zoeken": r"\buit\b", "gaat": r"^\s*na\b", "gaan": r"^\s*na\b",
    "stemt": r"\baf\b", "stemmen": r"\baf\b", "stelt": r"\bop\b\s*(?:[.,;]|$)|\bop\s+(?:en|voor)\b", "stellen": r"\bop\b\s*(?:[.,;]|$)",
    "legt": r"\bvoor\s+aan\b|\bvast\b", "leggen": r"\bvoor\s+aan\b|\bvast\b", "trekt": r"\b(?:dit|dat|het)\b",
    "trekken": r"\b(?:dit|dat|het)\b", "neemt": r"\bcontact\b", "nemen": r"\bcontact\b",
    "bespreekt": r"\bmet\b", "bespreken": r"\bmet\b", "meldt": r"\bbij\b", "melden": r"\bbij\b",
    "verzendt": r".", "verzenden": r".", "brengt": r"\b(?:in|opnieuw)\b", "brengen": r"\b(?:in|opnieuw)\b",
}
# the verb forms that need a future/obligation reading: "zal/zullen", "zou", "gaat/gaan + infinitive"
MODAL_RE = re.compile(r"\b(?P<v>zal|zullen|zou|zouden|gaat|gaan|ga)\b(?P<rest>.*)$", _Q)
MODAL_BLOCK = re.compile(r"\b(?:worden|wordt|kunnen|kan|willen|mogen|moeten|graag|zijn|hebben)\b", _Q)
_NOT_INFINITIVE = {"tegen", "boven", "binnen", "buiten", "samen", "zonder", "tussen", "helemaal", "bovendien",
                   "misschien", "eigen", "open", "regen", "volgen", "komen"}
DECISION_INTRO = re.compile(r"(?:\bbesl(?:uit|uiten|oten)\b|\bbesluit(?:en)?\b)[^.:]{0,40}:\s*$|^\s*besluit(?:en)?\s*:\s*$", _Q)
AGREED_THAT = re.compile(r"\b(?:wordt|is|werd)\s+afgesproken\s+dat\b|\bafgesproken\s+(?:wordt\s+)?dat\b|"
                         r"\bspreken\s+af\s+dat\b", _Q)
AGREED_TO = re.compile(r"\bafgesproken\s+(?:\S+\s+){0,4}?om\b.*\bte\b", _Q)
TRANSFER = re.compile(r"\b(?:is|wordt|zijn|worden|werd)\s+(?:\S+\s+){0,2}?(?:overgedragen|belegd|neergelegd|uitbesteed|"
                      r"toegewezen|doorgezet)\s+(?:naar|aan|bij)\s+(?P<np>(?:de\s+|het\s+)?(?:[\w&/'’-]+)(?:\s+[A-Z&/][\w&/'’-]*)*)", _Q)
PROPOSAL = re.compile(r"\b(?:stel(?:t|len)\s+voor\b(?!\s+aan)|stel(?:t|len)\s+(?:\S+\s+){1,2}?voor\s*(?:om|dat|:|,|$)|wordt\s+voorgesteld|voorgesteld\s+wordt)|"
                      r"^\s*voorstel(?:\s+van\s+[^:]{1,40})?\s*[:\-–]?", _Q)
# a report that something was done, not a new action ("Bram heeft die gedeeld", "is binnen")
DONE_REPORT = re.compile(r"\b(?:heeft|hebben)\b(?:\s+\S+){0,5}?\s+ge\w+[dt]\b|\bis\s+binnen\b", _Q)
# passive commitments in minutes: "Dit wordt schriftelijk beantwoord", "Het verslag wordt nagestuurd"
PASSIVE_ACTION = re.compile(r"\b(?:wordt|worden)\s+(?:\S+\s+){0,4}?(?:nagestuurd|nagezonden|toegestuurd|rondgestuurd|"
                            r"beantwoord|uitgezocht|uitgewerkt|geagendeerd|ingepland|nagevraagd|verspreid|"
                            r"teruggekoppeld|opgepakt|voorbereid|aangepast|gecommuniceerd|geïnformeerd|ingelicht|"
                            r"uitgenodigd|benaderd)\b", _Q)
# a council or board instructs its executive: "De motie verzoekt het college ... voor te leggen",
# "draagt de directeur op ... te regelen"
INSTRUCTION = re.compile(r"\b(?:verzoekt|verzoeken|verzocht|draagt|dragen)\s+(?P<np>(?:het|de)\s+(?:college|burgemeester|"
                         r"wethouders?|dagelijks\s+bestuur|bestuur|directie|directeur|voorzitter|secretaris|gedeputeerde|"
                         r"staten|beheerder)(?-i:\s+[A-Z][\w'’-]*)?)\b[^.]*?\bte\s+\w+", _Q)
# a passive with its agent and a time to come: "De brief wordt voor 14 februari verzonden door wethouder Mulder"
PASSIVE_BY = re.compile(r"\b(?:wordt|worden)\b[^.]*?\s(?:ge|ver|be|toe|op|af|na|uit|in|rond)?\w+(?:[dt]|en)\s+door\s+"
                        r"(?P<np>(?:de\s+|het\s+)?[\w'’-]+(?-i:\s+[A-Z][\w'’-]*){0,3})\s*[.;]?\s*$", _Q)
COMMITMENT = re.compile(r"\b(?:zegt|zeggen)\s+toe\b|\btoegezegd\b", _Q)
DONE_CUE = re.compile(r"\b(?:is|zijn|werd)\s+(?:\S+\s+){0,3}?(?:gebeurd|afgerond|gedaan|verstuurd|geregeld|uitgevoerd|"
                      r"afgehandeld|besproken|ingepland|opgepakt|gedeeld|verzonden|gestuurd|opgesteld|voltooid)\b|"
                      r"\b(?:heeft|hebben)\s+(?:\S+\s+){0,3}?plaatsgevonden\b|\bafgerond\b|\bgereed\b|\bvoltooid\b|"
                      r"\b(?:done|klaar|gedaan)\b", _Q)
# "gereed eind juni", "klaar voor 1 mei": a deadline, not a report that it is done
DEADLINE_READY = re.compile(r"\b(?:gereed|klaar)\s+(?=(?:voor|vóór|op|per|in|eind|begin|medio|uiterlijk|rond|"
                            r"week|deze|volgende|morgen|\d))", _Q)
NOT_DONE = re.compile(r"\b(?:nog\s+niet|niet\s+gebeurd|niet\s+afgerond|loopt\s+nog|nog\s+open)\b", _Q)


@dataclass
class Hit:
    kind: str  # "decision" | "action" | "postponed"
    owner: Owner = field(default_factory=lambda: Owner("none"))
    cue: str = ""
    strong: bool = False  # labelled ("Actie:", "Besluit:") or otherwise unambiguous
    label_end: int = 0  # where the text after a label starts (for the display text)


def _is_question(text: str) -> bool:
    return text.rstrip(" *_)]").endswith("?") and not re.search(r"\([^)]*\?\)\s*$", text)


# "Tom vraagt of er al duidelijkheid is": a question put to the meeting, written as reported speech
INDIRECT_QUESTION = re.compile(r"^\s*(?:\S+\s+){0,5}?(?:vraagt|vragen|vroeg|vroegen)\s+(?:(?!na\b|op\b)\S+\s+){0,3}?"
                               r"(?:of|wie|wat|hoe|wanneer|waarom|welke|waar)\b", re.IGNORECASE)
# "Heemraad Scheper meldt dat ...": a report of what somebody said, not something to do
REPORTED_SPEECH = {"meldt", "melden", "vraagt", "vragen", "informeert", "informeren", "bespreekt", "bespreken",
                   "stelt", "stellen", "legt", "leggen", "geeft", "geven"}


def is_question_like(text: str) -> bool:
    return _is_question(text) or bool(INDIRECT_QUESTION.search(text))


def _agrees(owner: Owner, verb: str, pre: str = "") -> bool:
    """A plural verb ("regelen", "sturen") does not have one named person as subject: in "Zaalhuur regelen"
    the capitalised first word is a thing, not who does it."""
    if owner.kind != "name" or not verb.lower().endswith("en") or verb.lower() in ("zullen", "zouden"):
        return True
    if RED in pre and re.search(r"\b(?:en|&)\b", pre):
        return True  # "[gelakt] en J. de Boer bereiden ... voor": the redacted co-subject is left out of the name
    words = (owner.text or "").split()
    return len(words) > 1 and bool(re.search(r"\b(?:en|&)\b", owner.text or "")) or any(
        is_role(w) and w.lower().endswith(("s", "en")) for w in words)


def _finite_owner(norm: str, m: re.Match) -> Owner:
    pre = norm[: m.start("v")]
    owner = owner_before(pre)
    if not _agrees(owner, m.group("v"), pre):
        owner = Owner("none")
    if owner.kind in ("none",):
        after = owner_after(norm[m.end("v"):])
        if after.kind != "none":
            owner = after
    if owner.kind in ("name", "team", "redacted", "pronoun"):
        owner.co = co_owner(norm[m.end("v"):])
    return owner


def _action_by_verb(norm: str, mode: str) -> tuple[Owner, str] | None:
    """An action verb with a real subject (a person, role, team or redacted person)."""
    candidates: list[tuple[re.Match, str]] = []
    if mode != "prepared":
        for rx in ACTION_RE:
            m = rx.search(norm)
            if m:
                candidates.append((m, m.group("v")))
        for m in GENERAL_VERB_RE.finditer(norm):
            verb = m.group("v").lower()
            if re.match(r"\s*te\b", norm[m.end("v"):]) or re.search(r"\bte\s*$", norm[: m.start("v")]):
                continue
            need = GENERAL_COMPLEMENT.get(verb)
            rest = norm[m.end("v"):]
            if verb in REPORTED_SPEECH and re.match(r"\s*(?:dat|of)\b", rest, _Q):
                continue
            if need and re.search(need, rest, _Q):
                candidates.append((m, verb))
    for m in MODAL_RE.finditer(norm):
        verb = m.group("v").lower()
        if mode == "prepared" and verb not in ("zal", "zullen"):
            continue
        rest = re.split(r"[.;:?!]\s|,\s*(?:maar|omdat|want|zodat|waar|die|dat)\b", m.group("rest"))[0]
        infinitive = [w for w in re.findall(r"\b\w{4,}(?:en|an)\b", rest) if w.lower() not in _NOT_INFINITIVE]
        if not infinitive or MODAL_BLOCK.search(rest):
            continue
        if verb in ("gaat", "gaan", "ga") and re.match(r"\s*(?:over|om|mee|niet|naar|goed|door|akkoord)\b", rest, _Q):
            continue
        candidates.append((m, verb))
    candidates.sort(key=lambda c: c[0].start("v"))
    for m, _verb in candidates:
        if re.search(r"\bte\s*$", norm[: m.start("v")]):
            continue  # "om ervoor te zorgen": an infinitive clause, not somebody doing it
        owner = _finite_owner(norm, m)
        if owner.kind in ("name", "team", "redacted", "pronoun"):
            return owner, m.group("v")
        if owner.kind == "none" and not norm[: m.start("v")].strip(" :") and mode != "prepared":
            return owner, m.group("v")  # telegraphic follow-up ("Komt hierop terug."): merged by the caller
    return None


# a quotation reports what somebody wrote or said ("In de e-mail staat: \"... besloten ...\""), it decides nothing
QUOTED = re.compile(r"\"[^\"]{8,}\"|“[^”]{8,}”|„[^”\"]{8,}[”\"]")
_PAST_REFERENCE = re.compile(r"\b(?:vorige|vorig|eerder|jl\.?|destijds|toen)\b", _Q)


def _note_like(text: str) -> list[Hit]:
    """Prepared agenda text that reads like a note made at the meeting (the parser may not have marked it):
    a labelled line ("Besluit:", "Actie:", "Afgesproken dat ..."), a telegraphic outcome ("Agenda vastgesteld.",
    "Niet besproken, volgende keer."), or a named person taking an action ("Fatima neemt contact op ...")."""
    if _PAST_REFERENCE.search(text):
        return []
    short = len(text.split()) <= 6
    keep = []
    for hit in analyse(text, "record"):
        if hit.kind in ("decision", "postponed") and (hit.strong or short):
            keep.append(hit)
        elif hit.kind == "action" and hit.strong and hit.cue not in ("passief", "zegt toe"):
            keep.append(hit)
        elif hit.kind == "action" and hit.owner.kind in ("name", "redacted") and hit.cue not in ("met termijn",) \
                and hit.cue.lower() not in ("zal", "zullen", "zou", "zouden", "gaat", "gaan"):
            keep.append(hit)
    return keep


def analyse(norm: str, mode: str) -> list[Hit]:
    """What a clause records. `norm` is the clause with redaction marks replaced by RED.

    mode: "record" (notes, minutes: decisions, actions, postponed), "actielijst" (prepared list of open
    actions), "prepared" (agenda text: only announced actions "X zal ...").
    """
    text = norm.strip()
    if not text or _is_question(text):
        return []
    if INDIRECT_QUESTION.search(text) and not LABEL.match(text) and not COMMITMENT.search(text):
        if mode == "record" and re.search(r"[:;]\s*(?:ja|nee)\b[,:]?\s+\S+\s+\S+", text, _Q):
            return [Hit("decision", cue="antwoord")]  # "X vraagt of ... kan schuiven: ja, het gaat naar april"
        return []
    text = QUOTED.sub(lambda m: " " * len(m.group(0)), text).strip() or text
    if mode == "prepared":
        noted = _note_like(text)
        if noted:
            return noted
    hits: list[Hit] = []
    label = LABEL.match(text)
    tag = ACTION_TAG.search(text)
    if tag and mode != "prepared":
        who = tag.group("who").strip()
        owner = classify_np(who)
        if owner.kind == "none":
            owner = Owner("name", who) if who else Owner("none")
        hits.append(Hit("action", owner, "actie-tag", strong=True))
    if mode == "record" and re.match(r"^\s*(?:de\s+)?volgende\s+(?:vergadering|bijeenkomst|overleg)\s*:", text, _Q):
        return []  # "Volgende bijeenkomst: dinsdag 17 juni 2025."
    if mode == "record":
        postponed = not COMMITMENT.search(text) and (bool(POSTPONED_STRONG.search(text)) or (
            bool(POSTPONED_NEXT.search(text)) and (len(text.split()) <= 6 or bool(POSTPONED_NEXT_CONTEXT.search(text)))
            and not NEXT_MEETING_DATE_LINE.search(text)))
        if label:
            name = label.group("label").lower()
            after = text[label.end():]
            if name.startswith(("besl", "concl", "uitkomst", "advies")):
                if DEFERRED_DECISION.search(text):  # "Besluit volgende vergadering.": no decision yet
                    return [Hit("postponed", cue=name)]
                hits.append(Hit("decision", cue=name, strong=True, label_end=label.end()))
                if postponed:
                    hits.append(Hit("postponed", cue=name))
                return hits
            if name.startswith(("actie", "to", "toez")) and not tag:
                status = DEADLINE_READY.sub(" ", after)
                if DONE_REPORT.search(status) or DONE_CUE.search(status):
                    return hits  # "Actiepunt vorige keer: ... is binnen; Bram heeft die gedeeld": a status report
                owner = owner_after(after) if not after.strip().startswith(":") else Owner("none")
                by_verb = _action_by_verb(after, mode)
                if by_verb and by_verb[0].kind != "none":
                    owner = by_verb[0]
                bracketed = _LABEL_OWNER.match(after)
                if bracketed and classify_np(bracketed.group("who")).kind in ("name", "redacted", "team"):
                    owner = classify_np(bracketed.group("who"))
                hits.append(Hit("action", owner, name, strong=True, label_end=label.end()))
                return hits
            if name.startswith("afsp") or name == "afgesproken":
                by_verb = _action_by_verb(after, mode)
                first = owner_after(after)
                agreed = AGREED_THAT.search(text)
                if agreed:  # "Afgesproken wordt dat de teamleiders ... bespreken": they do it
                    first = owner_after(text[agreed.end():])
                if by_verb and by_verb[0].kind != "none":
                    hits.append(Hit("action", by_verb[0], name, strong=True, label_end=label.end()))
                elif first.kind in ("name", "redacted"):
                    hits.append(Hit("action", first, name, strong=True, label_end=label.end()))
                elif not tag:
                    hits.append(Hit("decision", cue=name, strong=True, label_end=label.end()))
                return hits
        agreed = AGREED_THAT.search(text)
        if agreed and not tag:
            np = owner_after(text[agreed.end():])
            if np.kind in ("name", "redacted"):
                hits.append(Hit("action", np, "afgesproken dat", strong=True))
                return hits
        if AGREED_TO.search(text) and not tag:
            hits.append(Hit("action", Owner("none"), "afgesproken om", strong=True))
            return hits
        if FUTURE_DECISION.search(text) and not label:
            return [Hit("postponed", cue="besluit later")]
        if DECISION_RE.search(text) and (not NOT_DECISION.search(text) or PROPOSAL_OUTCOME.match(text)
                                         or ADVICE.search(text)):
            hits.append(Hit("decision", cue=DECISION_RE.search(text).group(0)))
            if postponed:
                hits.append(Hit("postponed", cue="postponed"))
            return hits
        if postponed:
            hits.append(Hit("postponed", cue="postponed"))
            return hits
    if tag:
        return hits
    if PROPOSAL.search(text) and mode != "record":
        return hits
    if mode == "record" and PROPOSAL.search(text) and not re.search(r"\bzal|zullen|gaat|gaan\b", text, _Q):
        return hits
    if mode == "record":
        m = INSTRUCTION.search(text)
        if m:
            owner = classify_np(m.group("np"))
            if owner.kind in ("name", "redacted"):
                hits.append(Hit("action", owner, "verzoekt", strong=True))
                return hits
        m = PASSIVE_BY.search(text)
        if m:
            from summarise.dates import find_due

            owner = classify_np(m.group("np"))
            if owner.kind in ("name", "redacted") and find_due(text, None) is not None:
                hits.append(Hit("action", owner, "passief door", strong=True))
                return hits
    m = TRANSFER.search(text)
    if m and mode != "prepared":
        owner = classify_np(m.group("np"))
        if owner.kind in ("name", "redacted"):
            hits.append(Hit("action", owner, "overgedragen"))
            return hits
    by_verb = _action_by_verb(text, mode)
    if by_verb:
        hits.append(Hit("action", by_verb[0], by_verb[1]))
        return hits
    if mode == "record":
        m = COMMITMENT.search(text)
        if m:
            owner = owner_before(text[: m.start()])
            if owner.kind == "none":  # "De decaan zegt toe ...": whoever promises is the owner, role word or not
                np = re.fullmatch(r"\s*(?:de|het)\s+([a-zé-]{3,}(?:\s+[a-zé-]{3,})?)\s*", text[: m.start()], _Q)
                owner = Owner("name", np.group(1)) if np else owner
            hits.append(Hit("action", owner if owner.kind != "generic" else Owner("none"), "zegt toe", strong=True))
            return hits
        if PASSIVE_ACTION.search(text) and not DONE_REPORT.search(text):
            # "Dit wordt door Piet opgepakt": the agent is the owner
            agent = re.search(r"\bdoor\s+((?:de\s+|het\s+)?(?:" + RED + r"|[\w'’-]+)(?-i:\s+(?:[A-Z][\w'’-]*|" + RED
                              + r"))*)", text, _Q)
            owner = classify_np(agent.group(1)) if agent else Owner("none")
            hits.append(Hit("action", owner if owner.kind in ("name", "redacted") else Owner("none"), "passief",
                            strong=True))
            return hits
        note_style = _telegraphic(text)
        if note_style is not None:
            hits.append(Hit("action", note_style, "telegrafisch", strong=True))
            return hits
        timed = _timed_present(text)
        if timed is not None:
            hits.append(Hit("action", timed, "met termijn"))
            return hits
        if _team_present(text):
            hits.append(Hit("action", Owner("team"), "wij"))
    return hits


# "We plaatsen een oproep in de wijkkrant", "Wij zoeken een nieuwe datum": in notes and minutes the writers'
# own present tense is what they will do. Verbs of thinking, seeing and being are not.
_TEAM_PRESENT = re.compile(r"^\s*(?:en\s+|dus\s+|daarom\s+)?(?:we|wij)\s+(?P<v>[a-zë]{3,}en)\b(?P<rest>(?:\s+\S+){2,})", _Q)
_TEAM_NOT_ACTION = {
    "hebben", "zijn", "worden", "kunnen", "willen", "moeten", "mogen", "zullen", "zouden", "blijven", "vinden",
    "denken", "zien", "weten", "hopen", "verwachten", "constateren", "merken", "concluderen", "missen", "begrijpen",
    "herkennen", "snappen", "twijfelen", "betreuren", "waarderen", "danken", "bedanken", "adviseren", "vragen",
    "spreken", "bespreken", "horen", "lezen", "ontvangen", "krijgen", "staan", "liggen", "zitten", "komen", "lopen",
    "gaan", "doen", "maken", "beginnen", "stoppen", "wachten", "kennen", "houden", "geven", "nemen", "noemen", "delen",
    "voelen", "stellen", "zeggen", "melden", "stemmen",
}


def _team_present(text: str) -> bool:
    m = _TEAM_PRESENT.match(text)
    if not m or m.group("v").lower() in _TEAM_NOT_ACTION:
        return False
    # "we plaatsen ... geplaatst" / "we zijn ... gestart": a report of what was done, not a plan
    return not DONE_REPORT.search(text) and not re.search(r"\b(?:al|reeds|inmiddels|gisteren|vorige)\b", m.group("rest"), _Q)


_NOT_ACTION_VERBS = {"is", "zijn", "was", "waren", "heeft", "hebben", "had", "wordt", "worden", "werd", "kan", "kunnen",
                     "wil", "willen", "moet", "moeten", "mag", "mogen", "meldt", "vraagt", "licht", "geeft", "opent",
                     "sluit", "presenteert", "merkt", "vindt", "stelt", "zegt", "denkt", "ziet", "heet", "antwoordt",
                     "antwoorden", "reageert", "benadrukt", "constateert", "concludeert", "verwacht", "deelt",
                     "vertelt", "legt", "schetst", "erkent", "verduidelijkt", "bevestigt"}


TELEGRAPHIC_VERBS = (r"(?:uitzoeken|opvragen|navragen|nasturen|sturen|versturen|rondsturen|doorsturen|regelen|checken|"
                     r"agenderen|terugkoppelen|inplannen|plannen|afstemmen|voorbereiden|uitwerken|opstellen|aanpassen|"
                     r"benaderen|bellen|mailen|informeren|organiseren|oppakken|uitnodigen|aanvragen|verzorgen|bespreken|"
                     r"contact\s+opnemen|nagaan|aanleveren|delen|verspreiden|maken|schrijven|reserveren|bestellen|"
                     r"aankondigen|melden|toelichten|terugkomen|rondbrengen|ophalen|doorgeven|opzetten|aanschrijven|nabellen|"
                     r"onderzoeken|controleren|verzenden|opnemen|bijwerken|updaten|afronden|overleggen)")
_TELEGRAPHIC_BEFORE = re.compile(r"^\s*(?P<who>[^:]{1,40}):\s*(?:\S+\s+){0,6}?" + TELEGRAPHIC_VERBS + r"\b", _Q)
# "... opstellen (KB), vóór 1 december.": the owner in brackets, then perhaps the term; an arrow or a dash between
# words ("→ Jan", " - Jan") also names the owner, a hyphen inside a word ("jeu-de-boules") does not
_TELEGRAPHIC_AFTER = re.compile(r"\b" + TELEGRAPHIC_VERBS + r"\b[^()]*?(?:\((?P<who>[^)]{1,40})\)(?:\s*,?\s*(?:vóór|voor|"
                                r"uiterlijk|per|binnen|eind|begin|medio|z\.s\.m\.|zsm|asap)\b[^()]{0,40})?|"
                                r"(?:\s*(?:→|->)|\s(?:–|-))\s*(?P<who2>[^.]{1,40}))\s*\.?\s*$", _Q)


# "→ Henk: kassasysteem koppelen aan het voorraadbeheer, vóór 1 maart": an arrow and a name mark the action
_ARROW_OWNER = re.compile(r"^\s*(?:→|-?>|=>|➔|➜)\s*(?P<who>[^:\n]{2,40}?)\s*:\s*\S")


def _telegraphic(text: str) -> Owner | None:
    """Note-style actions: "Jan: offerte opvragen", "Offerte opvragen (Jan)", "Offerte opvragen → Jan",
    "→ Jan: offerte opvragen"."""
    arrow = _ARROW_OWNER.match(text)
    if arrow:
        owner = classify_np(arrow.group("who"))
        if owner.kind in ("name", "redacted", "team"):
            return owner
    m = _TELEGRAPHIC_BEFORE.match(text)
    who = m.group("who") if m else None
    if who is None:
        m = _TELEGRAPHIC_AFTER.search(text)
        who = (m.group("who") or m.group("who2")) if m else None
    if not who:
        return None
    owner = classify_np(who.strip())
    return owner if owner.kind in ("name", "redacted", "team") else None


def _timed_present(text: str) -> Owner | None:
    """"Hij informeert de commissie voor de zomer": a person, a present-tense verb and a time to come."""
    from summarise.dates import find_due

    if find_due(text, None) is None:
        return None
    m = re.match(r"^\s*((?:(?:de|het)\s+)?(?:[A-Z" + RED[0] + r"][\w'’&/.-]*|[a-z-]+)(?:\s+[A-Z][\w'’&/.-]*){0,3}"
                 r"|hij|zij|ze|we|wij)\s+([a-z]+t|[a-z]+en)\b", text)
    if not m or m.group(2).lower() in _NOT_ACTION_VERBS:
        return None
    owner = classify_np(m.group(1))
    return owner if owner.kind in ("name", "team", "redacted", "pronoun") else None
