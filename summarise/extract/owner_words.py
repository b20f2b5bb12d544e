"""Is the word that opens a clause its owner, or a common Dutch word ("Misschien", "Maandelijks", "Daarnaast")?

Dutch puts an adverb first and the subject after the verb ("Maandelijks zal de penningmeester ... sturen"), so
the first capitalised word of a sentence is often no person. A single-word owner at the start of its clause is
kept when the document vouches for it as a name (an attendee, or the word capitalised in the middle of a
sentence elsewhere: "met Mieke", "het Kadaster"), or when it is no common Dutch word: rare in wordfreq's Dutch
list (bundled in the wheel, offline), a proper noun in simplemma's Dutch lexicon ("Wim", "Jan"), or neither very
frequent nor a word of that lexicon ("Claudia"). Otherwise ("Misschien", "Maandelijks") it is no owner.
"""

from __future__ import annotations

import re

from notulist.nl.words import is_common_word
from summarise import rules
from summarise.extract.document import Ctx
from summarise.rules.owners import object_of_infinitive





def named_in_document(ctx: Ctx, word: str) -> bool:
    """The document uses the word as a name: an attendee, or capitalised after a lower-case word or a comma."""
    if word.lower() in ctx.people:
        return True
    key = word.lower()
    if key not in ctx.named:
        # capitalised where no sentence starts: after a word, comma, colon or bracket ("Aanwezig: Ingrid, Marco"),
        # not after the bullet that opens a line ("- Contact opnemen met Jan": the line's first word)
        pattern = re.compile(r"(?<![\w'’-])" + re.escape(word) + r"\b")
        ctx.named[key] = any(_mid_line(s.raw_text, m.start()) for s in ctx.sources.values()
                             for m in pattern.finditer(s.raw_text))
    return ctx.named[key]


def _mid_line(text: str, at: int) -> bool:
    """The word at `at` follows a word, comma, colon, bracket or dash on its line, not only a bullet."""
    before = text[text.rfind("\n", 0, at) + 1: at]
    return bool(re.search(r"[\w,;:(/&-][ \t]*$", before)) and not _BULLET_ONLY.fullmatch(before)


_BULLET_ONLY = re.compile(r"[ \t>]*(?:[-*•–+]|\d{1,2}[.)])[ \t]*")


def opening_word_is_owner(ctx: Ctx, owner: str | None, clause: str) -> bool:
    """False when the owner is the clause's first word and that word is a common Dutch word, not a name."""
    if owner and object_of_infinitive(clause, owner):
        return False  # "- Het bestuur informeren over de planning": the object of the to-do, no owner
    if not owner or " " in owner.strip() or not clause.lstrip(" -*•").startswith(owner):
        return True
    if owner.isupper() or not owner[:1].isupper() or rules.is_role(owner) or owner.lower() in ("iedereen", "allen"):
        return True  # an abbreviation ("PMR", "OR") or a role word ("Secretaris")
    if is_common_word(owner) and owner.lower().endswith(_NOUN_ENDINGS):
        return False  # "Goedkeuring notulen ...", "Vaststelling ...": a common noun, even where capitalised mid-line
    return named_in_document(ctx, owner) or not is_common_word(owner)


# the endings of Dutch abstract nouns that open a title or a line ("Goedkeuring", "Wijziging", "Stand van zaken")
_NOUN_ENDINGS = ("ing", "heid", "isme", "nis")  # not -tie, -teit, -schap: "Politie", "Universiteit", "Waterschap" act
