"""Owners: who a clause says does something (a person, a role or body, the team, a redacted person).

Role words are data (notulist/nl/data/roles.toml). A redacted person (RED in the analysed clause) is never
named or guessed.
"""

from __future__ import annotations

import re

from notulist.nl import WordList, lexicon

from summarise.rules.hits import Owner

RED = "XREDX"  # placeholder for a redaction mark inside a clause being analysed



def _words(name: WordList) -> frozenset[str]:
    """A closed word list of the lexicon in use (notulist/nl/data/owner_words.toml)."""
    return lexicon().word_set(name)


def function_words() -> frozenset[str]:
    """Words that never stand in a name or role ("voor", "met", "morgen")."""
    return _words("function_words")


_TOKEN = r"(?:[A-Z][\w'’\-&/.]*|[A-Z]{2,}[\w&/-]*|" + RED + r")"


def is_role(word: str) -> bool:
    """A role noun, also plural or compound ("teamleiders", "secretaris-directeur", "projectsecretaris")."""
    lex = lexicon()
    roles, suffixes = lex.roles, lex.role_suffixes
    w = word.lower().strip(",()'’\"")
    if w in roles:
        return True
    for stem in (w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("en") else w):
        if stem in roles or any(stem.endswith(suf) for suf in suffixes):
            return True
    return any(part in roles for part in w.split("-") if part)


def _strip_article(np: str) -> str:
    """"de secretaris" -> "secretaris"; "de heer Post" is a form of address and keeps its article."""
    if re.match(r"^(?:de|De)\s+heer\b", np.strip()):
        return np.strip()
    return re.sub(r"^(?:de|het|De|Het)\s+", "", np.strip()).strip()


def _is_name_np(np: str) -> bool:
    """A person, role or body: capitalised words, abbreviations, role nouns, particles; no digits."""
    words = np.strip().split()
    if any(w.lower().strip(",()") in _words("function_words") for w in words):
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
        elif bare.lower() in _words("particles"):
            continue
        elif is_role(bare) or bare[:1].isupper() or re.fullmatch(r"[A-Z&/]{2,}", bare):
            content += 1
        else:
            return False
    return content > 0 and words[-1].lower() not in _words("particles")


def classify_np(np: str) -> Owner:
    np = np.strip().strip(",:;")
    low = np.lower()
    if not np:
        return Owner("none")
    if low in _words("team_pronouns"):
        return Owner("team")
    if low in _words("third_pronouns"):
        return Owner("pronoun")
    if low in ("iedereen", "allen", "alle leden", "alle deelnemers", "ieder lid", "elk lid"):
        return Owner("name", np)  # everybody present takes the task ("Iedereen stuurt opmerkingen ...")
    if low in _words("speaker_first") or low in _words("generic_subjects"):
        return Owner("generic")
    if RED in np and _is_name_np(np):
        named = [w for w in re.split(r"\s+(?:en|&)\s+", np) if RED not in w]
        if named and all(_is_name_np(w) for w in named):
            # "Peter en [gelakt]": the named person is an owner; the redacted one is never guessed
            return Owner("name", _strip_article(" en ".join(named)))
        return Owner("redacted")
    if _is_name_np(np):
        return Owner("name", _strip_article(np))
    group = _GROUP_NP.match(np)
    if group and is_role(group.group("role")) and (group.group("mod") or "").lower() not in _words("function_words"):
        # "deze expertgroep", "het server team": a role noun after a demonstrative or one plain modifier
        return Owner("name", " ".join(w for w in (group.group("mod"), group.group("role")) if w))
    return Owner("none")


_GROUP_NP = re.compile(r"^(?:(?:deze|dit)\s+|(?:de|het)\s+(?P<mod>[a-z][a-z-]{2,})\s+)(?P<role>[a-z][a-z-]{2,})$", re.I)


_NP_AFTER = re.compile(r"^\s*((?:(?:de|het)\s+)?(?:" + RED + r"|[A-Z][\w'’&/.-]*|[a-zé-]+)(?:\s+(?:" + RED
                       + r"|[A-Z][\w'’&/.-]*|van|de|der|den|en|&|[A-Z]{2,}|[a-z-]+))*)")
_CO = re.compile(r"^\s*(?:\S+\s+){0,2}?samen\s+met\s+((?:de\s+|het\s+)?[\w&/'’-]+(?:\s+[\w&/'’-]+){0,3}?)(?=\s+(?:voor|om|aan|"
                 r"op|in|de|het|een|dit|dat|deze)\b|[,.;:]|$)", re.IGNORECASE)


# a full stop that ends a sentence, not the one of a form of address ("Dhr. Klasen gaat ...", "Mw. Tolenaars vraagt")
_SENTENCE_END = re.compile(r"(?<!\b[Dd]hr)(?<!\b[Mm]w)(?<!\b[Mm]evr)(?<!\b[Mm]r)(?<!\b[Dd]r)(?<!\b[Ii]r)[.!?]\s+(?=[A-Z])")
_ANSWER_WORD = re.compile(r"(?:geen|nee|ja|niets|niks|n\.?v\.?t\.?|ok|oké)", re.IGNORECASE)
_AUXILIARY_END = re.compile(r"\s+(?:heeft|hebben|had|hadden|is|zijn|was|waren)(?:\s+(?:dit|dat|het|ook|al|nu))?\s*$", re.IGNORECASE)
_LIST_CODE = re.compile(r"^(?:[A-Z]{0,4}[-/.]?\d[\w./-]*\s+)+(?=[A-Z" + RED[0] + r"]|de\s|het\s)")


def owner_before(pre: str) -> Owner:
    """The subject written before the verb ("Peter zal", "De secretaris stuurt", "[gelakt] pakt")."""
    pre = pre.strip().lstrip("–—•·▪►*-").strip()  # "–        Mart neemt contact op": a bullet the splitter kept
    if ":" in pre or ";" in pre or "->" in pre or "→" in pre:
        # "Onze rol: wij zorgen", "Afspraak: Peter komt", "...; de secretaris stuurt", "issue 60 ... -> Jesse pakt"
        pre = re.split(r"[:;]|->|→", pre)[-1].strip()
    # a sentence the splitter kept attached ("Contactpersoon: [gelakt]. De afdeling X verzendt")
    pre = _SENTENCE_END.split(pre)[-1].strip()
    pre = re.sub(r"^(?:en|maar|dus|ook|daarnaast|verder|tevens|vervolgens|hierna|daarna)\s+", "", pre, flags=re.I)
    pre = _LIST_CODE.sub("", pre)  # "TZ-2024-41 Gedeputeerde Van Leeuwen stuurt": the row's number is not the subject
    pre = _AUXILIARY_END.sub("", pre)  # "De gemeente heeft toegezegd": the auxiliary is no part of the subject
    if not pre:
        return Owner("none")
    parts = [p.strip() for p in pre.split(",") if p.strip()]
    if len(parts) == 2 and _ANSWER_WORD.fullmatch(parts[0]):
        return classify_np(parts[1])  # "Geen, Moniek houdt de post in de gaten": the answer to the round, then the subject
    if len(parts) == 2 and is_role(_strip_article(parts[0])) and classify_np(parts[1]).kind == "name":
        return classify_np(parts[1])  # "Teamleider, Frederick, wordt verzocht": the person the role is given with
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
    split = np.split()
    for i, w in enumerate(split):
        if w == RED or w[:1].isupper() or is_role(w) or (words and w.lower() in _words("particles")) \
                or (not words and w.lower() in ("de", "het")):
            words.append(w)
        elif [x.lower() for x in words] in (["de"], ["het"]) and i + 1 < len(split) and is_role(split[i + 1]) \
                and w.lower() not in _words("function_words"):
            words.append(w)  # "het server team": one plain modifier before the role noun
        else:
            break
    while words and words[-1].lower() in _words("particles"):
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


def object_of_infinitive(clause: str, owner: str) -> bool:
    """The owner found at the start of a to-do line is the object of its infinitive, no subject: one person or role
    right before an infinitive ("Het bestuur informeren over de planning", "Jan bellen over de zaal");
    "Sandra en Piet maken het draaiboek" and "De leden stemmen" have a plural subject."""
    m = re.match(r"\W*(?:(?:de|het)\s+)?" + re.escape(owner) + r"\s+([a-zé][\w-]*)", clause, re.IGNORECASE)
    return bool(m) and _singular(owner) and _is_infinitive(m.group(1))


def _singular(np: str) -> bool:
    """One person or role: no "en"/"&"/comma, no plural role noun ("leden", "trainers"), no body named in the plural
    ("Gedeputeerde Staten")."""
    words = np.split()
    if not words or re.search(r"\s(?:en|&)\s|,", np):
        return False
    head = words[-1].strip(",()")
    low = head.lower()
    plural_role = is_role(head) and low.endswith(("en", "s")) and not low.endswith("is")
    return not (plural_role or (len(words) > 1 and re.fullmatch(r"[A-Z][a-z]{2,}en", head)))


def _is_infinitive(word: str) -> bool:
    """An infinitive or plural verb form ("informeren", "bellen"), not a word that only ends so ("samen", "tegen")."""
    low = word.lower()
    return len(low) > 4 and low.endswith("en") and low not in _words("not_infinitive") and low not in _words("particles")


def co_owner(after_verb: str) -> str | None:
    m = _CO.match(after_verb)
    if not m:
        return None
    words = m.group(1).split()
    while words and not (words[-1][:1].isupper() or words[-1] == RED or is_role(words[-1])):
        words.pop()  # "samen met Sandra regelen": the co-owner is Sandra
    return " ".join(words) or None

