"""Keyword side of the hybrid search: BM25 (bm25s) over Dutch Snowball stems without Dutch stopwords.

The keyword index is built from the documents Chroma stores, as part of the search snapshot
(retrieval/snapshot.py): kept per store-wide index version, saved in the data dir, and after a write
rebuilt with the stems of every unchanged chunk reused, so the two indexes never disagree.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

import numpy as np

_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
# Woo redaction grounds ("5.1, 2, e") are noise for matching subjects.
_REDACTION = re.compile(r"\b\d+\.\d+,?\s*\d*,?\s*[a-z]\b")


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("dutch")


@lru_cache(maxsize=1)
def dutch_stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_DUTCH

    extra = {"jl", "ca", "evt", "nav", "n.a.v", "o.a", "e/o", "m.b.t", "i.r.t", "we", "wij", "jij", "je", "jou",
             "jouw", "ons", "onze", "zij", "ze", "hij", "hem", "haar", "hun", "ook", "nog", "wel", "niet", "al",
             "dit", "dat", "deze", "die", "er", "hier", "daar", "graag", "even", "nu",
             # question words: they ask, they do not name the subject
             "wat", "wie", "welke", "welk", "wanneer", "waarom", "hoe", "hoeveel", "waar", "waarmee", "waarover"}
    return frozenset(w.casefold() for w in STOPWORDS_DUTCH) | frozenset(extra)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _REDACTION.sub(" ", text)


def words(text: str) -> list[str]:
    """Lower-cased word tokens (hyphenated words kept whole and also split)."""
    out: list[str] = []
    for tok in _TOKEN.findall(normalise(text)):
        out.append(tok)
        if "-" in tok:
            out += [p for p in tok.split("-") if p]
    return out


# Past forms of the strong verbs meeting texts use most -> the infinitive, so "gekozen" meets "kiest" and
# "besloot" meets "besluit" (a stemmer cannot see that "koos" and "kies" are one verb).
_STRONG_VERBS = {
    "kiezen": "koos kozen gekozen", "nemen": "nam namen genomen", "geven": "gaf gaven gegeven",
    "komen": "kwam kwamen gekomen", "gaan": "ging gingen gegaan", "doen": "deed deden gedaan",
    "zien": "zag zagen gezien", "brengen": "bracht brachten gebracht", "denken": "dacht dachten gedacht",
    "zoeken": "zocht zochten gezocht", "kopen": "kocht kochten gekocht", "sluiten": "sloot sloten gesloten",
    "besluiten": "besloot besloten", "schrijven": "schreef schreven geschreven",
    "blijven": "bleef bleven gebleven", "krijgen": "kreeg kregen gekregen", "vinden": "vond vonden gevonden",
    "houden": "hield hielden gehouden", "staan": "stond stonden gestaan", "liggen": "lag lagen gelegen",
    "bieden": "bood boden geboden", "trekken": "trok trokken getrokken", "wijzen": "wees gewezen",
    "dragen": "droeg droegen gedragen", "laten": "liet lieten gelaten", "lopen": "liep liepen gelopen",
    "vragen": "vroeg vroegen", "zeggen": "zei zeiden", "spreken": "sprak spraken gesproken",
    "beginnen": "begon begonnen", "winnen": "won wonnen gewonnen", "stijgen": "steeg stegen gestegen",
    "vallen": "viel vielen gevallen", "helpen": "hielp hielpen geholpen", "weten": "wist wisten geweten",
    "ontvangen": "ontving ontvingen", "verliezen": "verloor verloren", "verbieden": "verbood verboden",
    "schieten": "schoot schoten geschoten", "sturen": "stuurde stuurden", "zenden": "zond zonden gezonden",
}
_INFINITIVE = {form: verb for verb, forms in _STRONG_VERBS.items() for form in forms.split()}


def _content_words(text: str, keep_stopwords: bool) -> list[str]:
    stop = dutch_stopwords()
    return [w for w in words(text) if len(w) > 1 and not w.isdigit() and (keep_stopwords or w not in stop)]


def stem_groups(text: str, *, keep_stopwords: bool = False) -> list[tuple[str, ...]]:
    """Per content word its Dutch Snowball stem, plus the stem without a verb ending -t or -d (Snowball
    keeps "ontvangt", "betaald" apart from "ontvangen", "betalen") or, for a strong verb's past form, the
    stem of its infinitive ("gekozen" -> "kiezen"); the variant lets them meet."""
    toks = _content_words(text, keep_stopwords)
    stemmer = _stemmer()
    base = stemmer.stemWords(toks)
    groups: list[tuple[str, ...]] = []
    for word, stem in zip(toks, base):
        variant = None
        if word in _INFINITIVE:
            variant = stemmer.stemWord(_INFINITIVE[word])
        elif len(word) >= 5 and word[-1] in "td" and word[-2] != word[-1]:
            variant = stemmer.stemWord(word[:-1])  # "betaalt", "betaald" -> "betaal"
        groups.append((stem, variant) if variant and variant != stem else (stem,))
    return groups


def stems(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Dutch Snowball stems of the content words (with the -t variants; single letters and numbers dropped)."""
    return [s for group in stem_groups(text, keep_stopwords=keep_stopwords) for s in group]


class KeywordIndex:
    """BM25 over a fixed list of documents; `scores(query)` gives one score per document."""

    def __init__(self, texts: list[str], stemmed: list[list[str] | None] | None = None):
        """`stemmed`: the stems of a text already known (from an earlier index), None where not."""
        import bm25s

        self.size = len(texts)
        known = stemmed if stemmed is not None else [None] * len(texts)
        self._doc_stems = [s if s is not None else stems(t) for t, s in zip(texts, known)]
        self._retriever = None
        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG
        if any(self._doc_stems):
            self._retriever = bm25s.BM25(k1=1.2, b=0.75)
            # bm25s needs a non-empty token list per document
            self._retriever.index([d or ["\x00"] for d in self._doc_stems], show_progress=False)

    def scores(self, query: str) -> np.ndarray:
        q = stems(query)
        if self._retriever is None or not q:
            return np.zeros(self.size, dtype=np.float32)
        vocab = self._retriever.vocab_dict
        known = [t for t in q if t in vocab]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(known), dtype=np.float32)

    def doc_stems(self, i: int) -> list[str]:
        return self._doc_stems[i]
