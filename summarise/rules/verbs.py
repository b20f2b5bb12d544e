"""Action verbs: a finite action verb with a real subject ("Peter pakt dit op", "De secretaris stuurt de
brief", "Wij zullen ... regelen"). The verbs and the complements they need are data
(notulist/nl/data/action.toml, action_general.toml)."""

from __future__ import annotations

import re
from dataclasses import replace

from notulist.nl import lexicon

from summarise.rules.cues import MODAL_BLOCK, MODAL_RE
from summarise.rules.hits import Mode, Owner
from summarise.rules.owners import RED, co_owner, is_role, owner_after, owner_before

_Q = re.IGNORECASE
_REAL_SUBJECT = ("name", "team", "redacted", "pronoun")


def general_verb_regex() -> re.Pattern[str]:
    """The general action verbs (action_general.toml) as one regex with groups `v` and `rest`."""
    return lexicon().compiled("general_verbs", lambda lex: re.compile(
        r"\b(?P<v>" + "|".join(lex.general_verbs.verbs) + r")\b(?P<rest>.*)$", _Q))


def agrees(owner: Owner, verb: str, pre: str = "") -> bool:
    """A plural verb ("regelen", "sturen") does not have one named person as subject: in "Zaalhuur regelen"
    the capitalised first word is a thing, not who does it."""
    if owner.kind != "name" or not verb.lower().endswith("en") or verb.lower() in ("zullen", "zouden"):
        return True
    if RED in pre and re.search(r"\b(?:en|&)\b", pre):
        return True  # "[gelakt] en J. de Boer bereiden ... voor": the redacted co-subject is left out of the name
    words = (owner.text or "").split()
    if len(words) > 1 and words[-1][:1].isupper() and re.fullmatch(r"[A-Z][a-z]{2,}(?:en|s)", words[-1]) \
            and all(w[:1].isupper() for w in words):
        return True  # a body named in the plural: "Gedeputeerde Staten sturen", "Burgemeester en Wethouders"
    return len(words) > 1 and bool(re.search(r"\b(?:en|&)\b", owner.text or "")) or any(
        is_role(w) and w.lower().endswith(("s", "en")) for w in words)


# a clause that opens with an article and a plain noun ("De minister", "Het ministerie") has its subject before the verb
_UNKNOWN_SUBJECT = re.compile(r"\W*(?:de|het)\s+[a-zé][\w-]*\s*", _Q)


# the object first, perhaps after an adverb ("Dit pakt ...", "Ook dit pakt Jan op", "Ook deze vraag neemt ...")
_OBJECT_FIRST = re.compile(r"\W*(?:(?:ook|verder|daarnaast|tevens|nu)\s+)?(?:dit|dat|deze|die)(?:\s+[a-zé]+)?\s*", _Q)


def finite_owner(norm: str, m: re.Match) -> Owner:
    """The subject of the verb in `m`: before it, else right after it (inverted), with a co-owner."""
    pre = norm[: m.start("v")]
    owner = owner_before(pre)
    if not agrees(owner, m.group("v"), pre):
        owner = Owner("none")
    if owner.kind == "none" and _UNKNOWN_SUBJECT.fullmatch(pre) and re.match(r"\s*(?:de|het)\s", norm[m.end("v"):], _Q):
        return owner  # "De minister zal de Kamer informeren": a subject the lexicon does not know; the object is no owner
    if owner.kind == "none" or (owner.kind == "generic" and _OBJECT_FIRST.fullmatch(pre)):
        # "Dit gaat het server team ... bespreken": the object first, the subject after the verb
        after = owner_after(norm[m.end("v"):])
        if after.kind != "none":
            owner = after
    if owner.kind in _REAL_SUBJECT:
        owner = replace(owner, co=co_owner(norm[m.end("v"):]))
    return owner


def _particle_verbs(norm: str) -> list[tuple[re.Match, str]]:
    found = []
    for rx in lexicon().each("action"):
        m = rx.search(norm)
        if m:
            found.append((m, m.group("v")))
    return found


def _general_verbs(norm: str) -> list[tuple[re.Match, str]]:
    found = []
    lex = lexicon()
    complement = lex.general_verbs.complement
    for m in general_verb_regex().finditer(norm):
        verb = m.group("v").lower()
        if re.match(r"\s*te\b", norm[m.end("v"):]) or re.search(r"\bte\s*$", norm[: m.start("v")]):
            continue
        need = complement.get(verb)
        rest = norm[m.end("v"):]
        if verb in lex.word_set("reported_speech") and re.match(r"\s*(?:dat|of)\b", rest, _Q):
            continue
        if need and re.search(need, rest, _Q):
            found.append((m, verb))
    return found


# an infinitive after a modal: a word in -en/-an of five letters or more, or a short one ("doen", "zien", "gaan")
_INFINITIVE = re.compile(r"\b(?:\w{3,}(?:en|an)|doen|zien|staan|slaan)\b")


_QUESTION_CLAUSE = re.compile(r"\s(?:hoe|wie|welke|waarom|wanneer|of)\s", _Q)
_POSSESSIVE = re.compile(r"\b(?:van|met|aan|voor|bij|naar|door|uit|in|op|over|en)\s+zijn\b", _Q)


def _modal_verbs(norm: str, mode: Mode) -> list[tuple[re.Match, str]]:
    found = []
    not_infinitive = lexicon().word_set("not_infinitive")
    for m in MODAL_RE.finditer(norm):
        verb = m.group("v").lower()
        if mode == "prepared" and verb not in ("zal", "zullen"):
            continue
        # the clause of the modal ends at a full stop or a clause joined to it ("..., maar", "... waarin de visie ...
        # zichtbaar wordt": the relative clause's verb is not the modal's)
        rest = re.split(r"[.;:?!]\s|,\s*(?:maar|omdat|want|zodat|waar|die|dat)\b|\s(?:waarin|waarbij|waarmee|waarop|waardoor)\b",
                        m.group("rest"))[0]
        # a question clause after it is another clause ("zal een besluit nemen hoe de werkgroep zal worden
        # samengesteld"), and "zijn" after a preposition is a possessive ("organiseren met de leden van zijn club")
        rest = _QUESTION_CLAUSE.split(rest)[0]
        infinitive = [w for w in _INFINITIVE.findall(rest) if w.lower() not in not_infinitive]
        if not infinitive or MODAL_BLOCK.search(_POSSESSIVE.sub(" ", rest)):
            continue
        if verb in ("gaat", "gaan", "ga") and re.match(r"\s*(?:over|om|mee|niet|naar|goed|door|akkoord|erheen|ernaartoe|daarheen|heen)\b", rest, _Q):
            continue
        found.append((m, verb))
    return found


# "niet"/"geen" within three words of the verb, not inside what is looked into ("zoekt uit of het niet ...") and
# not a term ("niet later dan 1 maart") or a "niet alleen ... maar ook"
_NEGATED = re.compile(r"(?:\s+(?!(?:of|dat|waarom|wat|hoe|wie|waar|wanneer|welke|als|zodat)\b)\S+){0,3}?\s+(?:niet|geen|nooit)\b"
                      r"(?!\s+(?:alleen|enkel|later|langer|meer|minder|eerder|na)\b)", _Q)


def action_by_verb(norm: str, mode: Mode) -> tuple[Owner, str] | None:
    """An action verb with a real subject (a person, role, team or redacted person); the first by position."""
    candidates = _modal_verbs(norm, mode)
    if mode != "prepared":
        candidates = _particle_verbs(norm) + _general_verbs(norm) + candidates
    candidates.sort(key=lambda c: c[0].start("v"))
    for m, _verb in candidates:
        if re.search(r"\bte\s*$", norm[: m.start("v")]):
            continue  # "om ervoor te zorgen": an infinitive clause, not somebody doing it
        if _NEGATED.match(norm[m.end("v"):]):
            continue  # "We bewaren de notulen niet op papier", "Jan stuurt geen brief": what nobody will do
        owner = finite_owner(norm, m)
        if owner.kind in _REAL_SUBJECT:
            return owner, m.group("v")
        if owner.kind == "none" and not norm[: m.start("v")].strip(" :") and mode != "prepared":
            return owner, m.group("v")  # telegraphic follow-up ("Komt hierop terug."): merged by the caller
    return None
