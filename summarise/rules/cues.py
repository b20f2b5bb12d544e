"""The cue regexes of the rule engine. The cue families come from the Dutch language data
(notulist/nl/data/*.toml) at call time, so a changed data file (or `use_lexicon`) changes every detector;
the patterns here are structural (they capture a name or a label), not vocabulary."""

from __future__ import annotations

import re

from notulist.nl import Family, lexicon

_Q = re.IGNORECASE


def cue(family: Family) -> re.Pattern[str]:
    """The compiled cue family from the lexicon in use."""
    return lexicon().pattern(family)


LABEL = re.compile(r"^\s*(?:\*\*|__|\*|_)?(?P<label>besluit(?:en)?|besloten|beslissing(?:en)?(?=\s*:)|beslispunt(?:en)?(?=\s*:)|conclusies?|uitkomst|richting(?=\s*:)|oplossing(?=\s*:)|actie(?:punt)?s?|to\s?-?do|"
                   r"afspraak|afspraken|afgesproken|actiehouder|toezegging(?:en)?|advies)\b(?:\*\*|__|\*|_)?\s*"
                   r"(?P<sep>[:\-–]|(?=[\s(]))", _Q)
# "Actie (Freek, vóór 1 maart): ...", "**Actie** (Linda): ...": the owner in brackets right after the label
LABEL_OWNER = re.compile(r"^\s*\((?P<who>[^,()]{2,40})(?:,[^()]*)?\)\s*:?")
ACTION_TAG = re.compile(r"\(\s*(?:actie|actiehouder|wie)\s*[:\-]?\s*(?P<who>[^)]{1,60})\)", _Q)
# "Het college besluit:", "De raad besluit unaniem:", "... in meerderheid (16 stemmen voor, 3 tegen):": the
# besluit clause(s) follow on the next line(s)
DECISION_INTRO = re.compile(r"(?:\bbesl(?:uit|uiten|oten|ist|issen)\b|\bbesluit(?:en)?\b)[^.:()]{0,40}(?:\([^()]{0,120}\)[^.:()]{0,20})?:\s*$"
                            r"|^\s*(?:besluit(?:en)?|beslissing(?:en)?|beslispunten)\s*:\s*$", _Q)
# a besluit clause as councils write it under "De raad besluit:": an infinitive clause ("vast te stellen de
# Verordening ...", "het amendement te aanvaarden.", "in te stemmen met ...", "kennis te nemen van ...")
BESLUIT_CLAUSE = re.compile(r"^\W*(?:(?-i:[a-zà-ÿ])|(?:het|de|een|dit|deze)\s)|\b(?:te|ter)\s+\w+[.;,]?\s*$|^\W*\w+\s+te\s+\w+\b", _Q)
# a besluit clause that charges somebody ("de provinciesecretaris opdracht te geven zorg te dragen voor ...", "het
# college te verzoeken ..."): a decision, and an action of whoever is charged
BESLUIT_MANDATE = re.compile(r"^\W*(?:de|het)\s+(?P<np>[\w/’'-]+(?:\s+[\w/’'-]+){0,3}?)\s+(?:opdracht\s+te\s+geven|"
                             r"op\s+te\s+dragen|te\s+verzoeken|te\s+machtigen|te\s+mandateren)\b", _Q)
AGREED_TO = re.compile(r"\bafgesproken\s+(?:\S+\s+){0,4}?om\b.*\bte\b", _Q)
TRANSFER = re.compile(r"\b(?:is|wordt|zijn|worden|werd)\s+(?:\S+\s+){0,2}?(?:overgedragen|belegd|neergelegd|uitbesteed|"
                      r"toegewezen|doorgezet)\s+(?:naar|aan|bij)\s+(?P<np>(?:de\s+|het\s+)?(?:[\w&/'’-]+)(?:\s+[A-Z&/][\w&/'’-]*)*)", _Q)
# a council or board instructs its executive: "De motie verzoekt het college ... voor te leggen",
# "draagt de directeur op ... te regelen"
INSTRUCTION = re.compile(r"\b(?:verzoekt|verzoeken|verzocht|draagt|dragen)\s+(?P<np>(?:het|de)\s+(?:college|burgemeester|"
                         r"wethouders?|dagelijks\s+bestuur|bestuur|directie|directeur|voorzitter|secretaris|gedeputeerde|"
                         r"staten|beheerder)(?-i:\s+[A-Z][\w'’-]*)?)\b[^.]*?\bte\s+\w+", _Q)
# a request to somebody named: "Bestuur vraagt aan de jeugdvoorzitter om ... te brengen" (the addressee acts)
REQUEST_TO = re.compile(r"\b(?:vraagt|vragen|vroeg|vroegen)\s+aan\s+(?P<np>(?:het|de)\s+[\w-]+|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
                        r"\s+om\b[^.]*?\bte\s+\w+", _Q)
# a passive with its agent and a time to come: "De brief wordt voor 14 februari verzonden door wethouder Mulder"
PASSIVE_BY = re.compile(r"\b(?:wordt|worden)\b[^.]*?\s(?:ge|ver|be|toe|op|af|na|uit|in|rond)?\w+(?:[dt]|en)\s+door\s+"
                        r"(?P<np>(?:de\s+|het\s+)?[\w'’-]+(?-i:\s+[A-Z][\w'’-]*){0,3})\s*[.;]?\s*$", _Q)
# the verb forms that need a future/obligation reading: "zal/zullen", "zou", "gaat/gaan + infinitive"
MODAL_RE = re.compile(r"\b(?P<v>zal|zullen|zou|zouden|gaat|gaan|ga)\b(?P<rest>.*)$", _Q)
MODAL_BLOCK = re.compile(r"\b(?:worden|wordt|kunnen|kan|willen|mogen|moeten|graag|zijn|hebben)\b", _Q)
# a quotation reports what somebody wrote or said ("In de e-mail staat: \"... besloten ...\""), it decides nothing
QUOTED = re.compile(r"\"[^\"]{8,}\"|“[^”]{8,}”|„[^”\"]{8,}[”\"]")
PAST_REFERENCE = re.compile(r"\b(?:vorige|vorig|eerder|jl\.?|destijds|toen)\b", _Q)
NEXT_MEETING_LABEL = re.compile(r"^\s*(?:de\s+)?volgende\s+(?:vergadering|bijeenkomst|overleg)\s*:", _Q)
YES_NO_ANSWER = re.compile(r"[:;]\s*(?:ja|nee)\b[,:]?\s+\S+\s+\S+", _Q)
