"""The series of a meeting: its title without document-kind words, dates, times and numbering."""

from __future__ import annotations

import re

from ingest.parse.dates import DATE_ISO, find_dates
from ingest.parse.lines import WHITESPACE, plain


def normalise_series(title: str) -> str:
    """The series name of a meeting title: without doc-kind words, dates, numbering and markup.

    'Agenda Voortgangsoverleg inclusie en diversiteit 11 maart' and '**Verslag voortgangsoverleg
    inclusie en diversiteit**' are both 'Voortgangsoverleg inclusie en diversiteit'.
    """
    t = plain(title)
    for f in reversed(find_dates(t)):
        t = t[:f.start] + " " + t[f.end:]
    t = DATE_ISO.sub(" ", t)
    # times and their words ("aanvang 17.00 uur", "20:00", "21:43 uur")
    t = re.sub(r"(?:\b(?:aanvang|om|vanaf)\s+)?(?<![\d.])[0-2]?\d[.:][0-5]\d(?:\s*uur\b)?", " ", t, flags=re.IGNORECASE)
    t = re.sub(r"(?<![\w.])\d{1,2}[-/.]\d{1,2}(?![\w.])", " ", t)  # "Notulen 04-06 2013": a date written in parts
    t = re.sub(r"\b(?:d\.d\.|dd\.?|van|op|d\.?d)\s*$", " ", t.strip(), flags=re.IGNORECASE)
    t = re.sub(r"\(\s*\)", " ", t)
    prefix = re.compile(r"^\s*(?:concept[- ]?|definitieve?\s+|openbare?\s+)?(?:agenda|verslag|notulen|notule|"
                        r"besluitenlijst|besluiten|actielijst|aantekeningen|notities|uitnodiging)\b"
                        r"(?:\s+(?:en|&)\s+(?:verslag|notulen|besluitenlijst|actielijst))?"
                        r"\s*(?:[:\-–]\s*|(?:van|voor)\s+(?:de|het)\s+|van\s+)?", re.IGNORECASE)
    for _ in range(3):
        new = prefix.sub("", t)
        if new == t:
            break
        t = new
    t = re.sub(r"\s+[-–—:|]\s*(?:concept[- ]?)?(?:agenda|verslag|notulen|aantekeningen|notities|besluitenlijst)\b.*$",
               "", t, flags=re.IGNORECASE)
    t = re.sub(r"\s*\((?:concept|definitief|openbaar)\)\s*", " ", t, flags=re.IGNORECASE)
    t = re.sub(r"^(?:vergadering|bijeenkomst)\s+(?:van\s+)?(?:het\s+|de\s+)?(?=\w)", "", t,
               flags=re.IGNORECASE)  # "vergadering Dagelijks Bestuur"
    t = re.sub(r"^(?:(?:de|het)\s+)?(?:vergadering|bijeenkomst|overleg)\s+(?:van|met)\s+(?:de|het)\s+",
               "", t, flags=re.IGNORECASE)
    t = re.sub(r"\b(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag))\b", " ", t, flags=re.IGNORECASE)
    t = re.sub(r"\b(?:19|20)\d\d\b", " ", t)
    t = WHITESPACE.sub(" ", t).strip(" .,:;-–—()/")
    t = re.sub(r"\s+(?:d\.d\.?|van|op|dd)$", "", t, flags=re.IGNORECASE).strip(" .,:;-–—")
    t = re.sub(r",\s*(?:zitting|vergadering|bijeenkomst)$", "", t, flags=re.IGNORECASE)  # "OCMW raad X, zitting van ..."
    return t[:1].upper() + t[1:] if t else t
