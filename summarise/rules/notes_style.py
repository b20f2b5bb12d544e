"""Note-style actions that carry no action verb of the lexicon: telegraphic notes ("Jan: offerte
opvragen", "Offerte opvragen (Jan)", "→ Jan: ..."), a person with a present-tense verb and a time to come
("Hij informeert de commissie voor de zomer"), the writers' own present tense ("We plaatsen een oproep")."""

from __future__ import annotations

import re

import simplemma

from notulist.nl import Lexicon, lexicon
from summarise.dates import find_due
from summarise.rules.done import done_report
from summarise.rules.hits import Owner
from summarise.rules.owners import RED, classify_np

# "We plaatsen een oproep in de wijkkrant", "Wij zoeken een nieuwe datum": in notes and minutes the writers'
# own present tense is what they will do. Verbs of thinking, seeing and being are not.
_TEAM_PRESENT = re.compile(r"^\s*(?:en\s+|dus\s+|daarom\s+)?(?:we|wij)\s+(?P<v>[a-zë]{3,}en)\b(?P<rest>(?:\s+\S+){2,})", re.IGNORECASE)

def is_past_plural(verb: str) -> bool:
    """"stuurden", "namen", "bekeken": a plural past tense, whose infinitive is another -en word (simplemma's
    Dutch lexicon, in the wheel); "plaatsen", "sturen", "zoeken" are present ("stuur", "plaats", "zoeken")."""
    low = verb.lower()
    lemma = simplemma.lemmatize(low, lang="nl")
    return low.endswith("en") and lemma != low and lemma.endswith("en")


def team_present(text: str) -> bool:
    m = _TEAM_PRESENT.match(text)
    if not m or m.group("v").lower() in lexicon().word_set("not_team_action") or is_past_plural(m.group("v")):
        return False
    # "we plaatsen ... geplaatst" / "we zijn ... gestart": a report of what was done, not a plan
    if re.match(r"(?:\s+\S+){0,3}?\s+(?:niet|geen|nooit)\b", m.group("rest"), re.IGNORECASE):
        return False  # "We bewaren de notulen niet op papier": what the team does not do
    return not done_report(text) and not re.search(r"\b(?:al|reeds|inmiddels|gisteren|vorige)\b", m.group("rest"), re.IGNORECASE)


def _telegraphic_verbs(lex: Lexicon) -> str:
    """The telegraphic infinitives (verb_lists.toml) as one alternation; a space is any white space."""
    return "(?:" + "|".join(r"\s+".join(map(re.escape, v.split())) for v in lex.words("telegraphic")) + ")"


def _before(lex: Lexicon) -> re.Pattern[str]:
    """"Jan: offerte opvragen": the owner before a colon, then the infinitive."""
    return re.compile(r"^\s*(?P<who>[^:]{1,40}):\s*(?:\S+\s+){0,6}?" + _telegraphic_verbs(lex) + r"\b", re.IGNORECASE)


def _after(lex: Lexicon) -> re.Pattern[str]:
    """"... opstellen (KB), vóór 1 december.": the owner in brackets, then perhaps the term; an arrow or a dash
    between words ("→ Jan", " - Jan") also names the owner, a hyphen inside a word ("jeu-de-boules") does not."""
    return re.compile(r"\b" + _telegraphic_verbs(lex) + r"\b[^()]*?(?:\((?P<who>[^)]{1,40})\)(?:\s*,?\s*(?:vóór|voor|"
                      r"uiterlijk|per|binnen|eind|begin|medio|z\.s\.m\.|zsm|asap)\b[^()]{0,40})?|"
                      r"(?:\s*(?:→|->)|\s(?:–|-))\s*(?P<who2>[^.!]{1,40}))\s*[.!]?\s*$", re.IGNORECASE)


# "→ Henk: kassasysteem koppelen aan het voorraadbeheer, vóór 1 maart": an arrow and a name mark the action
_ARROW_OWNER = re.compile(r"^\s*(?:→|-?>|=>|➔|➜)\s*(?P<who>[^:\n]{2,40}?)\s*:\s*\S")


# "- **Cursor van anderen zien** - Martijn, Sam, Robin": a bold task and, after a dash, only the names of the
# people it is given to (a division of work); "**Aanwezig** - Jan, Piet" says who was there
_ASSIGNED = re.compile(r"^\W*(?:\*\*)?(?P<task>[^*\n]{3,80}?)\*\*\s*[-–]\s*(?P<who>[A-Z][\w'’-]+(?:\s*(?:,|&|\ben\b)\s*[A-Z][\w'’-]+)*)"
                       r"\s*\.?\s*$")
_NO_TASK_LABEL = re.compile(r"^\W*(?:aanwezig|afwezig|afgemeld|afmelding(?:en)?|present|notulist|notulen|voorzitter|"
                            r"gasten?|genodigden|verslag|met\s+kennisgeving)\b", re.IGNORECASE)


def assigned_to(text: str) -> Owner | None:
    """The people a bold task is given to ("**Zien met wie je werkt** - Martijn, Sam, Robin"), else None."""
    m = _ASSIGNED.match(text)
    if m is None or _NO_TASK_LABEL.match(m.group("task")):
        return None
    names = re.split(r"\s*(?:,|&|\ben\b)\s*", m.group("who"))
    if not all(classify_np(n).kind == "name" for n in names):
        return None
    return Owner("name", m.group("who"))


def telegraphic(text: str) -> Owner | None:
    """Note-style actions: "Jan: offerte opvragen", "Offerte opvragen (Jan)", "Offerte opvragen → Jan",
    "→ Jan: offerte opvragen", "**Taak** - Jan, Piet"."""
    assigned = assigned_to(text)
    if assigned is not None:
        return assigned
    arrow = _ARROW_OWNER.match(text)
    if arrow:
        owner = classify_np(arrow.group("who"))
        if owner.kind in ("name", "redacted", "team"):
            return owner
    lex = lexicon()
    m = lex.compiled("telegraphic/before", _before).match(text)
    owner = _person(m.group("who")) if m else None
    if owner is None:  # "– Hekwerk beschadigd: offerte aanvragen (Marlijn)": the label is a subject, the owner after
        m = lex.compiled("telegraphic/after", _after).search(text)
        owner = _person(m.group("who") or m.group("who2")) if m else None
    return owner


def _person(who: str | None) -> Owner | None:
    """The owner a note names ("– Petra" after its bullet), or None when it names no person, role or team."""
    owner = classify_np((who or "").strip().lstrip("–—-•*·▪► ").strip())
    return owner if owner.kind in ("name", "redacted", "team") else None


_TERM = re.compile(r"(?:de\s+|het\s+)?(?:uiterlijk|voor|vóór|per|tegen|binnen|over|eind|einde|begin|medio|morgen|overmorgen|vandaag|vanavond|"
                   r"volgende|komende|deze|a\.s\.|aanstaande|binnenkort|z\.s\.m|zsm|zo\s+snel|op\s+korte|asap|na)\b", re.I)


# a date named as the day of a meeting the person is to attend ("informeert de AV in de vergadering van 17 december",
# "licht het toe op het overleg van 3 maart"): a time to come, like a term
_AT_MEETING_OF = re.compile(r"\b(?:in|op|tijdens)\s+(?:de|het)\s+(?:\w+\s+){0,2}?(?:vergadering|overleg|bijeenkomst|zitting)"
                            r"\s+van\s+$", re.I)


def timed_present(text: str) -> Owner | None:
    """"Hij informeert de commissie voor de zomer": a person, a present-tense verb and a time to come - a term
    ("voor", "uiterlijk", "morgen", "volgende week") or the date of a meeting to attend ("in de vergadering van 17
    december"), not a point in time that may be past ("over de vergadering in januari", "afschrift van 5 mei":
    narration in the present tense)."""
    due = find_due(text, None)
    if due is None or not (_TERM.match(due.as_written) or _AT_MEETING_OF.search(text[:due.start])):
        return None
    m = re.match(r"^\s*((?:(?:de|het)\s+)?(?:[A-Z" + RED[0] + r"][\w'’&/.-]*|[a-z-]+)(?:\s+[A-Z][\w'’&/.-]*){0,3}"
                 r"|hij|zij|ze|we|wij)\s+([a-z]+t|[a-z]+en)\b", text)
    if not m or m.group(2).lower() in lexicon().word_set("not_action") or is_past_plural(m.group(2)) \
            or m.group(2).lower() in lexicon().months:  # "Eind maart is er een beslismoment": a time, no person
        return None
    owner = classify_np(m.group(1))
    return owner if owner.kind in ("name", "team", "redacted", "pronoun") else None
