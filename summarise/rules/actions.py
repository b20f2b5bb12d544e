"""Action detectors: an action tag ("(actie: Piet)"), a labelled action ("Actie: ..."), a board's
instruction ("verzoekt het college ..."), a passive with its agent and a term, a transfer ("belegd bij"),
an action verb with its subject, a commitment ("zegt toe"), a passive commitment ("wordt nagestuurd"),
and the note-style forms (telegraphic, timed present, the team's present tense)."""

from __future__ import annotations

import re

from notulist.dutch import MONTH_PATTERN, WEEKDAYS
from notulist.nl import lexicon
from summarise.dates import find_due
from summarise.rules.cues import INSTRUCTION, LABEL_OWNER, REQUEST_TO, PASSIVE_BY, TRANSFER, cue
from summarise.rules.done import done_report, is_status_report
from summarise.rules.hits import Clause, Hit, Owner
from summarise.rules.notes_style import team_present, telegraphic, timed_present
from summarise.rules.owners import RED, classify_np, owner_after, owner_before
from summarise.rules.verbs import action_by_verb

_Q = re.IGNORECASE
_NAMED = ("name", "redacted")


def tag_hits(tag: re.Match[str] | None) -> tuple[Hit, ...]:
    """"(actie: Piet)": an action of whoever the tag names."""
    if tag is None:
        return ()
    who = tag.group("who").strip()
    owner = classify_np(who)
    if owner.kind == "none":
        owner = Owner("name", who) if who else Owner("none")
    return (Hit("action", owner, "actie-tag", strong=True),)


def tagged(c: Clause) -> list[Hit] | None:
    """A clause with an action tag records that action and nothing else found later."""
    return list(c.tag_hits) if c.tag else None


# the column names of an action table's header row ("Actie  Wie  Wanneer", "Actiepunt | Door | Datum | Status")
_COLUMN_NAMES = re.compile(r"(?:[\s|/:;,]*(?:wie|wanneer|door|datum|deadline|status|eigenaar|actiehouder|verantwoordelijke|"
                           r"omschrijving|gereed|voltooid|naam|nr\.?|nummer|termijn|einddatum|opmerking(?:en)?)\b)+[\s|/:;,]*",
                           re.IGNORECASE)


def labelled_action(c: Clause) -> list[Hit] | None:
    """"Actie: Piet stuurt ...", "Actie (Freek, vóór 1 maart): ...", "To do: ...": an action (a status report
    under the label, "Actiepunt vorige keer: ... is binnen", is none)."""
    name = c.label_name
    if not c.label or not name.startswith(("actie", "to", "toez")) or c.tag:
        return None
    after = c.text[c.label.end():]
    if is_status_report(after):
        return []
    if not c.label.group("sep").strip() and re.fullmatch(r"\s*[a-zé]+en\s*\.?\s*", after):
        return []  # "actiehouder bepalen", "actiepunten doornemen": the label word is the object of a step
    if _COLUMN_NAMES.fullmatch(after):
        return []  # "Actie Wie Wanneer": the header row of an action table written out as text
    owner = owner_after(after) if not after.strip().startswith(":") else Owner("none")
    by_verb = action_by_verb(after, c.mode)
    if by_verb and by_verb[0].kind != "none":
        owner = by_verb[0]
    bracketed = LABEL_OWNER.match(after)
    if bracketed and classify_np(bracketed.group("who")).kind in ("name", "redacted", "team"):
        owner = classify_np(bracketed.group("who"))
    if _OWNER_ONLY.fullmatch(after) and owner.kind in ("name", "redacted", "team"):
        name = "actie-eigenaar"  # "... Rennie gaat hierachteraan.\nACTIE Rennie": the owner of the task before it
    return [Hit("action", owner, name, strong=True, label_end=c.label.end())]


# what follows a label that names only who acts ("ACTIE Hennie", "Actie: OR", "Actie: Jan en Piet")
_OWNER_ONLY = re.compile(r"\s*[:\-–]?\s*(?:[A-Z][\w.'’-]*|" + RED + r")(?:\s*(?:,|&|\ben\b|/)\s*(?:[A-Z][\w.'’-]*|" + RED + r"))*\s*\.?\s*")


# "20221020148 Dit punt blijft staan, de evaluatie is in najaar": a numbered row of an action list kept open
_KEPT_OPEN = re.compile(r"^\W*(?:[A-Z]{0,4}[-.]?\d[\w./-]*)\s+(?:dit\s+|het\s+)?(?:actie)?punt\s+blijft\s+(?:staan|open(?:staan)?)\b"
                        r"(?P<rest>.*)$", re.IGNORECASE)


def kept_open(c: Clause) -> list[Hit] | None:
    """A numbered action-list row "<nr> Dit punt blijft staan[, ...]": an open action, its owner whoever the rest
    names as taking it up ("..., Coretta pakt dit met Evert en Sjaak op")."""
    m = _KEPT_OPEN.match(c.text)
    if m is None:
        return None
    found = action_by_verb(m.group("rest"), c.mode)
    owner = found[0] if found and found[0].kind in _NAMED else Owner("none")
    return [Hit("action", owner, "punt blijft staan", strong=True)]


def not_task(c: Clause) -> list[Hit] | None:
    """"Wim zal ook aftreden", "Mocht het eindigen dan zal Kadaster ...", "Kadaster organiseert elk jaar ...": a
    role change, a body meeting, a conditional or a habit gives nobody a task (cue family not_task); a label or
    an action tag still does."""
    if c.label or c.tag or not cue("not_task").search(c.text):
        return None
    return []


# a clause that opens with the date of an event, the verb straight after it ("Op 1 september organiseert DBW een
# dorpsbarbecue", "Zaterdag 12 mei houdt de club haar open dag", "In juni start de cursus"); a future modal or a
# passive after the date ("Op 5 mei zal Jan ...", "Op 5 mei wordt de brief verstuurd") is still a task
_EVENT_DATE = re.compile(r"^\W*(?:(?:op|vanaf|tijdens)\s+(?:(?:" + "|".join(WEEKDAYS) + r")\s+)?\d{1,2}\s+|(?:" + "|".join(WEEKDAYS)
                         + r")\s+\d{1,2}\s+|\d{1,2}\s+|in\s+)(?:" + MONTH_PATTERN + r")\.?(?:\s+\d{4})?\s*,?\s+(?P<v>[a-zé]+)\b", _Q)
_NOT_EVENT_VERB = re.compile(r"(?:zal|zullen|gaat|gaan|moet|moeten|wordt|worden|zou|zouden|is|zijn|was|waren|heeft|hebben|"
                             r"had|hadden|werd|werden)$", _Q)


def announcement(c: Clause) -> list[Hit] | None:
    """"Op 1 september organiseert DBW een dorpsbarbecue voor alle inwoners": an event announced with its date
    first and a present-tense verb, what will happen, not somebody's task (a label or a tag still is)."""
    m = _EVENT_DATE.match(c.text)
    if c.label or c.tag or m is None or _NOT_EVENT_VERB.match(m.group("v")) or not m.group("v").endswith(("t", "en")):
        return None
    return []


def instruction(c: Clause) -> list[Hit] | None:
    """"De raad verzoekt het college ... voor te leggen", "Bestuur vraagt aan de jeugdvoorzitter om ... te
    brengen": an action of the body or person asked."""
    m = INSTRUCTION.search(c.text) or REQUEST_TO.search(c.text)
    if m:
        owner = classify_np(m.group("np"))
        if owner.kind in _NAMED:
            return [Hit("action", owner, "verzoekt", strong=True)]
    return None


def passive_by(c: Clause) -> list[Hit] | None:
    """"De brief wordt voor 14 februari verzonden door wethouder Mulder": the agent, with a term."""
    m = PASSIVE_BY.search(c.text)
    if m:
        owner = classify_np(m.group("np"))
        if owner.kind in _NAMED and find_due(c.text, None) is not None:
            return [Hit("action", owner, "passief door", strong=True)]
    return None


def transfer(c: Clause) -> list[Hit] | None:
    """"Het dossier wordt overgedragen aan de griffie": an action of whoever receives it."""
    m = TRANSFER.search(c.text)
    if m:
        owner = classify_np(m.group("np"))
        if owner.kind in _NAMED:
            return [Hit("action", owner, "overgedragen")]
    return None


# a condition or moment that triggers the return ("Als het clientteam terug is komen we hier op terug"): a commitment
_TRIGGER = re.compile(r"\W*(?:als|wanneer|zodra|na|nadat)\b", _Q)


def by_verb(c: Clause) -> list[Hit] | None:
    """An action verb of the lexicon with its subject ("Peter pakt dit op")."""
    found = action_by_verb(c.text, c.mode)
    if found and found[0].kind == "team" and found[1].lower() in ("komen", "komt", "kom") and c.mode == "record" \
            and not _TRIGGER.match(c.text):
        return []  # "Kleuterrapport komen we nog op terug", "Komen we dus op terug": the meeting returns to a topic
    return [Hit("action", found[0], found[1])] if found else None


def commitment(c: Clause) -> list[Hit] | None:
    """"De wethouder zegt toe ...": whoever promises is the owner, role word or not."""
    m = cue("commitment").search(c.text)
    if not m:
        return None
    if re.match(r"\s*,?\s*dat\s+er\b", c.text[m.end():], _Q):
        return []  # "De gemeente heeft toegezegd dat er een meerjarenfinanciering zou komen": an outcome, no task
    owner = owner_before(c.text[: m.start()])
    first = c.text[: m.start()].split(",")[0]
    if "," in c.text[: m.start()] and classify_np(first).kind == "name":
        owner = classify_np(first)  # "Mieke van Schaik, gemeente Eindhoven, gaf aan ...": the person
    if owner.kind == "none":
        np = re.fullmatch(r"\s*(?:de|het)\s+([a-zé-]{3,}(?:\s+[a-zé-]{3,})?)\s*", c.text[: m.start()], _Q)
        owner = Owner("name", np.group(1)) if np else owner
    return [Hit("action", owner if owner.kind != "generic" else Owner("none"), "zegt toe", strong=True)]


_AGENT = re.compile(r"\bdoor\s+((?:de\s+|het\s+)?(?:" + RED + r"|[\w'’-]+)(?-i:(?:,\s*|\s+en\s+|\s+)(?:[A-Z][\w'’-]*|" + RED + r"))*)", _Q)


# a passive inside a clause of reason, purpose or condition is no task of this meeting
_SUBORDINATE = re.compile(r"\b(?:zodat|opdat|omdat|doordat|aangezien|vermits|indien|als|wanneer|waardoor)\b", _Q)
# ... nor one inside a clause that describes a noun ("een onderwerp dat ... moet worden opgepakt", "sporen die nog
# moeten worden uitgewerkt", "..., waarbij aangegeven moet worden dat ..."), with no comma that closes it
_RELATIVE = re.compile(r"(?:\b(?:een|de|het|deze|diverse|enkele|veel|meerdere|twee|drie)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:die|dat)"
                       r"|\bwaar(?:bij|in|op|voor|mee|door|van)|\bwat)\b[^,;]*$", _Q)


# a counted subject (no article before the number): "zullen 350 woningen ...", "zullen in 2010 zeven (7) medewerkers"
_COUNTED = re.compile(r"(?<!\bde\s)(?<!\bhet\s)(?<![\w.,-])(?:\d{1,3}(?:\.\d{3})*|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|"
                      r"twintig|dertig|veertig|vijftig|honderd)(?:\s*\(\d+\))?\s+(?:[a-zé-]+\s+){0,2}?[a-zé-]{3,}(?:en|s)\b", _Q)
# what a body is asked to decide ("vast te stellen", "in te stemmen met", "goed te keuren", "te besluiten")
_TO_DECIDE = re.compile(r"\b(?:vast\s+te\s+stellen|in\s+te\s+stemmen|goed\s+te\s+keuren|te\s+besluiten|kennis\s+te\s+nemen|"
                        r"te\s+bekrachtigen|te\s+accorderen)\b", _Q)


def passive(c: Clause) -> list[Hit] | None:
    """"Het verslag wordt nagestuurd", "Dit wordt door Piet opgepakt" (the agent is the owner)."""
    found = cue("passive_action").search(c.text)
    before = re.split(r"[.!?]\s+(?=[A-Z])", c.text[: found.start()])[-1] if found else ""
    if not found or done_report(c.text) or _SUBORDINATE.search(before) or _RELATIVE.search(before):
        return None  # "Omdat er zoveel moet worden geschreven, kan de notulist ...": the reason, not a task
    if _COUNTED.search(before + found.group(0)):
        return None  # "De komende jaren zullen 350 woningen vervangen worden": a forecast of numbers, nobody's task
    agent = _AGENT.search(c.text)
    owner = classify_np(agent.group(1)) if agent else Owner("none")
    asked = re.search(r"\b(?:wordt|worden)\s+(?:\S+\s+){0,3}?(?:verzocht|gevraagd)\b", c.text, _Q)
    if asked and _TO_DECIDE.search(c.text[asked.end():]):
        return []  # "De commissie wordt gevraagd de notulen vast te stellen": the decision put to it, no task
    if asked and owner.kind == "none":  # "FAB-leden worden verzocht dit te corrigeren": who is asked acts
        owner = owner_before(c.text[: asked.start()])
    return [Hit("action", owner if owner.kind in _NAMED else Owner("none"), "passief", strong=True)]


def bare_task(c: Clause) -> list[Hit] | None:
    """"Nog navragen of de zaal vrij is", "Uitzoeken wie de sleutel heeft": a task written without a subject
    (cue family bare_task), an action whose owner the text does not name."""
    if c.label or c.tag or not cue("bare_task").match(c.text):
        return None
    return [Hit("action", Owner("none"), "taak zonder onderwerp", strong=True)]


def telegraphic_note(c: Clause) -> list[Hit] | None:
    """"Jan: offerte opvragen", "Offerte opvragen (Jan)", "→ Jan: ..."."""
    owner = telegraphic(c.text)
    return [Hit("action", owner, "telegrafisch", strong=True)] if owner is not None else None


def timed(c: Clause) -> list[Hit] | None:
    """"Hij informeert de commissie voor de zomer"."""
    owner = timed_present(c.text)
    return [Hit("action", owner, "met termijn")] if owner is not None else None


def team(c: Clause) -> list[Hit] | None:
    """"We plaatsen een oproep in de wijkkrant": the team's own plan."""
    return [Hit("action", Owner("team"), "wij")] if team_present(c.text) else None


# "Besloten wordt dat Nico er aandacht voor zal vragen", "Er is besloten dat Frederick mee gaat werken aan ...",
# "Het bestuur besluit dat de secretaris de brief zal sturen": the decision gives the person after "dat" a task
_DECIDED_THAT = re.compile(r"\b(?:besloten|besluit|besluiten|afgesproken|overeengekomen)\s+(?:\S+\s+){0,2}?dat\s+(?P<rest>.+)$", _Q)
# "Besloten wordt dat René deze bijeenkomst bijwoont": the present tense at the end of the "dat"-clause
_VERB_LAST = re.compile(r"\s[a-zé]{3,}t\s*[.!]?\s*$")
_WILL = re.compile(r"\b(?:zal|zullen|gaat|gaan|moet|moeten)\b", _Q)


# "Besloten is om op de volgende vergadering een thema-avond te organiseren", "We hebben afgesproken maandag met Thomas de
# voortgang te bespreken": the decision is a step to take, its verb a task verb (the telegraphic list, verb_lists.toml)
_DECIDED_TO = re.compile(r"\b(?:besloten|afgesproken)\s+(?:\S+\s+){0,14}?(?:(?P<p>op|uit|na|aan|door|rond|in|af|terug|mee|"
                         r"voor|toe)\s+)?te\s+(?P<v>[a-zé]+)\b", _Q)


_TOO_GENERAL = frozenset({"maken", "delen"})


def decided_step(text: str) -> Owner | None:
    """The team ("we") or nobody named, where a decision's "om ... te"-clause is a task ("te organiseren"), else None."""
    m = _DECIDED_TO.search(text)
    if m is None or cue("not_task").search(text):
        return None
    verb = (m.group("p") or "").lower() + m.group("v").lower()
    if verb not in lexicon().words("telegraphic") or verb in _TOO_GENERAL or re.search(r"\b(?:niet|geen)\b", m.group(0), _Q):
        return None  # "afgesproken om de rapportage niet te sturen": a step not to take; "ruimte te maken": no deliverable
    return Owner("team") if re.search(r"\b(?:we|wij)\b", text[:m.start()], _Q) else Owner("none")


def decided_task(text: str) -> Owner | None:
    """The person or role a decision's "dat"-clause gives a task ("zal/gaat/moet ..."), or the step its "om ... te"-clause
    names (decided_step), else None."""
    m = _DECIDED_THAT.search(text)
    rest = m.group("rest") if m else ""
    if m is None or not (_WILL.search(rest) or _VERB_LAST.search(rest)) or cue("not_task").search(rest):
        return decided_step(text) if m is None else None
    owner = owner_after(m.group("rest"))
    return owner if owner.kind in _NAMED else None
