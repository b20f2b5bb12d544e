"""Is a capitalised word a name, or a common Dutch word ("Misschien", "Maandelijks", "Bespreking")? One answer for
every stage: summarise (an owner at the start of its clause) and retrieval (a sentence opening with a name).
wordfreq's Dutch list and simplemma's Dutch lexicon are bundled in their wheels, so this runs offline."""

from __future__ import annotations

from functools import lru_cache

import simplemma
from wordfreq import zipf_frequency

COMMON_ZIPF = 3.0  # about once in a million words or more often: a word of the language, not a rare name
VERY_COMMON_ZIPF = 4.5  # frequent enough to be a word whatever the lexicon says


@lru_cache(maxsize=4096)
def is_common_word(word: str) -> bool:
    """A frequent Dutch word that the lexicon does not know as a proper noun ("Daarnaast", "Vervolgens")."""
    low = word.lower()
    zipf = zipf_frequency(low, "nl") if low.isalpha() else 0.0
    if zipf < COMMON_ZIPF or simplemma.lemmatize(low, lang="nl")[:1].isupper():
        return False
    # very frequent ("daarnaast", "vervolgens"), or a word of simplemma's Dutch lexicon ("maandelijks")
    return zipf >= VERY_COMMON_ZIPF or simplemma.is_known(low, lang="nl")
