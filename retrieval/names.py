"""A sentence that opens with a person's name as its subject ("Charles bespreekt de cijfers.", "Tineke
Posthoorn vraagt na ...", "Eric en Kitty zijn lid van de kascommissie."): it answers a "wie" question. Inside a
sentence a capital marks a name (retrieval.cues); at its start every word has one, so the opening word counts
only where it is followed by a finite verb and is no common Dutch word (wordfreq's Dutch list and simplemma's
lexicon, bundled offline), or is the first part of a name of two or more capitalised words ("Leen van der Velde").
Function words, pronouns and name particles come from notulist/nl/data/owner_words.toml."""

from __future__ import annotations

import re

from notulist.nl import lexicon
from notulist.nl.words import is_common_word

_NAME = r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?"
_PARTICLES = r"(?:van|de|der|den|ter|ten|te|het|'t|in|op|von|la|le|da|di)"
# the opening name (one or more capitalised words, particles between; "X en Y"), then the first lower-case word
_OPENING = re.compile(rf"^[\W\d]*?({_NAME}(?:\s+(?:{_PARTICLES}\s+)*{_NAME})*"
                      rf"(?:\s+en\s+{_NAME}(?:\s+(?:{_PARTICLES}\s+)*{_NAME})*)?)\s+([a-zà-ÿ]+)\b")

# a finite verb after a name: the third person singular ("bespreekt", "vraagt"), an irregular or modal one,
# or after "X en Y" the plural ("zijn", "nemen")
_SINGULAR = re.compile(r"(?:[a-zà-ÿ]{2,}t|zal|wil|kan|mag|is|was|zag|gaf|nam|kwam|deed|sprak|vroeg|las|zei)")
_PLURAL = re.compile(r"(?:[a-zà-ÿ]{2,}en|zijn|gaan|doen|staan)")
_NOT_VERB = frozenset({"wordt", "niet", "met", "het", "dat", "wat", "tot", "uit", "dit", "laatst", "eerst", "best",
                       "recent", "apart", "echt", "zelfs", "goedkeurt"})




def _no_name_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset().union(*(lex.word_set(n) for n in ("particles", "generic_subjects", "team_pronouns",
                                                         "third_pronouns", "speaker_first", "function_words")))


def opens_with_name(text: str, asked: frozenset[str] = frozenset()) -> bool:
    """The sentence's subject is a person named at its start, followed by the verb; not a name the question
    itself names (`asked`, lower case: "Dorpsbelangen" in "Wie zoekt uit of Dorpsbelangen ...")."""
    m = _OPENING.match(text)
    if not m:
        return False
    name, verb = m.group(1).split(), m.group(2)
    if {w.lower() for w in name if w[:1].isupper()} <= asked:
        return False
    no_name = _no_name_words()
    if name[0].lower() in no_name or verb in lexicon().word_set("function_words") or verb in _NOT_VERB:
        return False
    plural = "en" in name
    if not (_PLURAL if plural else _SINGULAR).fullmatch(verb):
        return False
    if any(w[:1].islower() and w != "en" for w in name):
        return True  # a particle inside: "Leen van der Velde", "Yntze de Vries"
    if len(name) > 1:  # "Tineke Posthoorn", "Eric en Kitty"
        return not (is_common_word(name[0]) and is_common_word(name[-1]))
    return not is_common_word(name[0])
