"""An answer written by the LLM from retrieved passages, every sentence backed by an exact quote.

The passages are the search results (each an exact span of a stored source). A sentence is kept only if
its quote is found in one of those passages — the stored citation is then the exact slice of the source —
and shares content words with the sentence. Sentences without such a quote are dropped, never shown.
"""

from __future__ import annotations

import logging

from pydantic import BaseModel, ConfigDict, Field, field_validator

from notulist.errors import LLMOutputError
from notulist.grounding import locate_quote
from notulist.llm import LLMClient, overlaps_injection, supported_by
from notulist.models import Answer, Citation
from prompts import as_document, load_prompt

log = logging.getLogger("notulist.llm")

MAX_ANSWER_TOKENS = 400


class AnswerSentence(BaseModel):
    model_config = ConfigDict(extra="ignore")
    tekst: str
    passage: int = 0
    citaat: str

    @field_validator("passage", mode="before")
    @classmethod
    def _lenient_number(cls, value):
        if isinstance(value, str):
            digits = "".join(ch for ch in value if ch.isdigit())
            return int(digits) if digits else 0
        return value


class AnswerOutput(BaseModel):
    model_config = ConfigDict(extra="ignore")
    gevonden: bool = True
    zinnen: list[AnswerSentence] = Field(default_factory=list)


def _passage_block(number: int, passage: Citation) -> str:
    return as_document(passage.quote, nr=number, datum=passage.date.isoformat() if passage.date else None,
                       punt=passage.item, titel=passage.item_title)


def build_messages(question: str, passages: list[Citation], llm: LLMClient) -> tuple[list[dict[str, str]], list[Citation]]:
    """The prompt with as many passages (best first) as fit the context; returns the passages used."""
    prompt = load_prompt("answer")
    used = list(passages)
    while True:
        blocks = "\n\n".join(_passage_block(i, p) for i, p in enumerate(used, start=1))
        messages = prompt.render(vraag=question, passages=blocks)
        if llm.fits(messages, MAX_ANSWER_TOKENS) or len(used) <= 1:
            return messages, used
        used = used[:-1]  # passages are ranked: the weakest goes first


def _ground_sentence(sentence: AnswerSentence, passages: list[Citation]) -> Citation | None:
    """The exact sub-span of a passage that the sentence quotes (its own passage first)."""
    order = list(range(len(passages)))
    if 1 <= sentence.passage <= len(passages):
        order.remove(sentence.passage - 1)
        order.insert(0, sentence.passage - 1)
    for index in order:
        passage = passages[index]
        span = locate_quote(sentence.citaat, passage.quote)
        if span is None:
            continue
        lo, hi = span
        if overlaps_injection(lo, hi, passage.quote):
            log.info("antwoordcitaat uit een tekst die zich tot het model richt, verworpen: %r", sentence.citaat[:80])
            return None
        return passage.model_copy(update={"quote": passage.quote[lo:hi], "start": passage.start + lo,
                                          "end": passage.start + hi})
    return None


def answer_with_llm(question: str, passages: list[Citation], llm: LLMClient) -> Answer | None:
    """A grounded answer, or None when the model finds no answer in the passages (use extractive).

    Raises LLMError when the server fails or none of its sentences is grounded, so the caller falls back
    to the extractive answer and says why in one warning line.
    """
    if not passages or not question.strip():
        return None
    prompt = load_prompt("answer")
    messages, used = build_messages(question, passages, llm)
    output = llm.chat_json(messages, AnswerOutput, prompt_version=prompt.version, max_tokens=MAX_ANSWER_TOKENS)
    if not output.gevonden or not output.zinnen:
        return None

    sentences: list[str] = []
    citations: list[Citation] = []
    dropped = 0
    for sentence in output.zinnen:
        text = " ".join(sentence.tekst.split())
        citation = _ground_sentence(sentence, used)
        if not text or citation is None or not supported_by(text, citation.quote):
            dropped += 1
            log.info("antwoordzin verworpen (geen letterlijk, passend citaat): %r / %r", text[:80], sentence.citaat[:80])
            continue
        if citation in citations:
            number = citations.index(citation) + 1
        else:
            citations.append(citation)
            number = len(citations)
        sentences.append(f"{text} [{number}]")
    if not sentences:
        raise LLMOutputError(f"geen van de {len(output.zinnen)} zinnen van het LLM-antwoord had een letterlijk "
                             f"citaat uit de gevonden passages")
    warnings = [f"{dropped} zin(nen) van het LLM-antwoord weggelaten: geen letterlijk citaat"] if dropped else []
    return Answer(question=question, answer=" ".join(sentences), citations=citations, llm_used=True,
                  found=True, warnings=warnings)
