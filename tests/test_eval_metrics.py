"""The scoring rules of shared/eval/README.md on small hand-made cases."""

from __future__ import annotations

import datetime as dt

import pytest

from eval.agenda_metrics import document_numbers_items, number_written, score_agenda, score_postponed, scored_items
from eval.answer_metrics import Passage, first_hit_rank, key_facts_found, score_answer
from eval.metrics import PRF, NormText, Ratio, match_spans, norm_owner, normalize
from eval.gold import GoldDoc, GoldDocument
from eval.runner import _Corpus, score_extraction
from notulist.models import Action, AgendaItem, Answer, Citation, Decision, Extraction, Meeting, Source

RAW = (
    "## 4. Landing resultaten\n\n"
    "In dit stuk staat wat we  willen organiseren tot de zomer.\n"
    "*Kan jij je vinden in de aanpak? Peter is akkoord*\n\n"
    "## 8. Analyse\n"
    "Raadsbrief: stuk sancties gaat niet mee.\n"
    "Afspraak: Peter komt morgen terug op stuk.\n"
    "5.1, 2, e pakt dit op en koppelt terug.\n"
)


def span_of(text: str, raw: str = RAW) -> tuple[int, int]:
    start = raw.index(text)
    return start, start + len(text)


def cite(text: str, source: Source, *, start: int | None = None, end: int | None = None) -> Citation:
    s, e = span_of(text, source.raw_text) if start is None else (start, end)
    return Citation(meeting_id="m", quote=source.raw_text[s:e], source_id=source.id, start=s, end=e)


@pytest.fixture
def source() -> Source:
    return Source(id="src", filename="x.md", media_type="md", raw_text=RAW)


@pytest.fixture
def doc() -> NormText:
    return NormText(RAW)


def gold_spans(doc: NormText, *quotes: str):
    return [doc.locate(q) for q in quotes]


# ----------------------------------------------------------------------------- normalisation


def test_normalize_nfkc_whitespace_case():
    assert normalize("  Peter\u00a0IS\n\n  ak\ufb01  ") == "peter is akfi"


def test_offset_map_raw_to_normalised(doc):
    start, end = span_of("we  willen organiseren")
    ns, ne = doc.span(start, end)
    assert doc.text[ns:ne] == "we willen organiseren"
    assert doc.find_all("WE WILLEN\norganiseren") == [(ns, ne)]


# ----------------------------------------------------------------------------- decisions / actions


def test_perfect_prediction(doc):
    gold = gold_spans(doc, "Peter is akkoord", "Raadsbrief: stuk sancties gaat niet mee.")
    preds = [doc.span(*span_of("Raadsbrief: stuk sancties gaat niet mee.")), doc.span(*span_of("Peter is akkoord"))]
    matches = match_spans(gold, preds)
    assert matches == [(0, 1), (1, 0)]
    prf = PRF(len(matches), len(preds), len(gold))
    assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)


def test_empty_prediction(doc):
    gold = gold_spans(doc, "Peter is akkoord")
    prf = PRF(len(match_spans(gold, [])), 0, 1)
    assert (prf.precision, prf.recall, prf.f1) == (0.0, 0.0, 0.0)


def test_empty_gold_and_empty_prediction_is_perfect():
    prf = PRF(0, 0, 0)
    assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)


def test_empty_gold_with_predictions(doc):
    preds = [doc.span(*span_of("Peter is akkoord"))]
    prf = PRF(len(match_spans([], preds)), 1, 0)
    assert (prf.precision, prf.f1) == (0.0, 0.0)


def test_partial_overlap_just_over_and_under_half(doc):
    quote = "Afspraak: Peter komt morgen terug op stuk."  # 42 normalised characters
    gold = gold_spans(doc, quote)
    gs, ge = gold[0][0]
    assert ge - gs == 42
    s, _e = span_of(quote)
    half = doc.span(s, s + 21)  # exactly half: counts
    under = doc.span(s, s + 20)  # just under half: does not
    assert match_spans(gold, [half]) == [(0, 0)]
    assert match_spans(gold, [under]) == []
    # a prediction that starts before the gold and covers its first half also counts
    before = doc.span(s - 30, s + 21)
    assert match_spans(gold, [before]) == [(0, 0)]


def test_too_long_prediction_is_no_match(doc):
    quote = "Peter is akkoord"  # 16 characters: max(48, 216) -> 216 allowed
    gold = gold_spans(doc, quote)
    whole = doc.span(0, len(RAW))  # the whole document covers it but is far too long
    assert doc.span(0, len(RAW))[1] > 216
    assert match_spans(gold, [whole]) == []
    around = doc.span(*span_of("Kan jij je vinden in de aanpak? Peter is akkoord"))  # short enough
    assert match_spans(gold, [around]) == [(0, 0)]


def test_long_gold_allows_three_times_its_length():
    raw = "x" * 50 + "A" * 150 + "y" * 600
    doc = NormText(raw)
    gold = [[doc.span(50, 200)]]  # 150 chars: max(450, 350) = 450
    assert match_spans(gold, [doc.span(0, 450)]) == [(0, 0)]
    assert match_spans(gold, [doc.span(0, 451)]) == []


def test_two_predictions_for_one_gold_item(doc):
    quote = "Afspraak: Peter komt morgen terug op stuk."
    gold = gold_spans(doc, quote)
    s, e = span_of(quote)
    partial = doc.span(s, s + 25)
    exact = doc.span(s, e)
    matches = match_spans(gold, [partial, exact])
    assert matches == [(0, 1)]  # best overlap wins, the other prediction is a false positive
    prf = PRF(len(matches), 2, 1)
    assert prf.precision == 0.5 and prf.recall == 1.0


def test_gold_located_exactly_in_raw_text_first():
    doc = NormText("Akkoord met het plan.\nDaarna: akkoord met het plan.")
    assert doc.locate("Akkoord met het plan.") == [(0, 21)]  # the other one differs in case
    assert len(doc.find_all("Akkoord met het plan.")) == 2
    assert doc.locate("AKKOORD  met het plan.") == doc.find_all("akkoord met het plan.")  # fallback


def test_gold_evidence_occurring_twice_uses_best_occurrence():
    raw = "Besluit: akkoord.\nIets anders hier.\nBesluit: akkoord.\n"
    doc = NormText(raw)
    gold = [doc.locate("Besluit: akkoord.")]
    assert len(gold[0]) == 2
    second = raw.rindex("Besluit")
    assert match_spans(gold, [doc.span(second, second + 17)]) == [(0, 0)]


def test_prediction_in_another_source_never_matches(doc):
    gold = gold_spans(doc, "Peter is akkoord")
    assert match_spans(gold, [None]) == []


# ----------------------------------------------------------------------------- owner and due


def test_redacted_owner_equals_null():
    assert norm_owner("5.1, 2, e") is None
    assert norm_owner("[gelakt 5.1.2e]") is None
    assert norm_owner("Sandra", redacted=True) is None
    assert norm_owner(None) is None
    assert norm_owner(" PETER ") == norm_owner("peter") == "peter"


def make_extraction(source: Source, actions: list[tuple[str, str | None, bool, dt.date | None]],
                    decisions: list[str] = ()) -> Extraction:
    return Extraction(
        meeting_id="m",
        decisions=[Decision(id=f"d{i}", meeting_id="m", item=None, text=q, citation=cite(q, source))
                   for i, q in enumerate(decisions)],
        actions=[Action(id=f"a{i}", meeting_id="m", item=None, text=q, owner=owner, owner_redacted=red,
                        due_date=due, citation=cite(q, source))
                 for i, (q, owner, red, due) in enumerate(actions)],
    )


def test_score_extraction_owner_and_due_accuracy(source):
    gold = GoldDocument.model_validate({
        "meeting": {"date": "2024-03-11"},
        "decisions": [{"text": "akkoord", "evidence": "Peter is akkoord"}],
        "actions": [
            {"owner": "Peter", "due_date": "2024-03-12", "evidence": "Afspraak: Peter komt morgen terug op stuk."},
            {"owner": None, "due_date": None, "evidence": "5.1, 2, e pakt dit op en koppelt terug."},
        ],
    })
    extraction = make_extraction(source, [
        ("Afspraak: Peter komt morgen terug op stuk.", "peter", False, dt.date(2024, 3, 13)),  # wrong date
        ("5.1, 2, e pakt dit op en koppelt terug.", "5.1, 2, e", True, None),  # redacted owner == null
    ], decisions=["Peter is akkoord"])
    meeting = Meeting(id="m", series="s", title="t", date=dt.date(2024, 3, 11))
    corpus = _Corpus(app=None)
    corpus.sources["src"], corpus.norm["src"] = source, NormText(RAW)
    corpus.by_stem["doc"] = "src"
    scores = score_extraction(GoldDoc(stem="doc", path="doc.md", gold=gold), meeting, extraction, corpus, [])
    r = scores.report()
    assert r["decisions"]["f1"] == 1.0
    assert r["actions"]["f1"] == 1.0
    assert r["actions"]["owner_accuracy"] == 1.0
    assert r["actions"]["due_accuracy"] == 0.5
    assert r["meeting_date"]["accuracy"] == 1.0


def test_named_owner_for_redacted_gold_is_wrong(source):
    gold = GoldDocument.model_validate({"actions": [
        {"owner": None, "evidence": "5.1, 2, e pakt dit op en koppelt terug."}]})
    extraction = make_extraction(source, [("5.1, 2, e pakt dit op en koppelt terug.", "Peter", False, None)])
    corpus = _Corpus(app=None)
    corpus.sources["src"], corpus.norm["src"] = source, NormText(RAW)
    corpus.by_stem["doc"] = "src"
    scores = score_extraction(GoldDoc(stem="doc", path="doc.md", gold=gold),
                              Meeting(id="m", series="s", title="t"), extraction, corpus, [])
    assert scores.owner == Ratio(0, 1)
    assert scores.date == Ratio(1, 1)  # both null


# ----------------------------------------------------------------------------- postponed, agenda


def test_postponed_sets():
    prf = score_postponed(["1", "7"], ["7", "8."])
    assert (prf.tp, prf.n_pred, prf.n_gold) == (1, 2, 2)
    assert score_postponed([], []).f1 == 1.0


def test_agenda_titles_with_redaction_spellings_and_numbers():
    gold = [("1", "Mededelingen/actualiteiten"), ("9", "Bila Peter 5.1, 2, e (30 min.)"), ("3", "Bureauplan")]
    pred = [("1", "Mededelingen / actualiteiten"), ("9", "Bila Peter [gelakt 5.1.2e] (30 min.)"),
            ("4", "Bureauplan"), (None, "Rondvraag")]
    score = score_agenda(gold, pred)
    assert score.prf.tp == 2  # Bureauplan's number disagrees
    assert (score.prf.n_pred, score.prf.n_gold) == (4, 3)
    assert score.numbers == Ratio(2, 3)


def test_agenda_unnumbered_document_matches_by_title_only():
    score = score_agenda([(None, "Opening"), (None, "Financiën")], [(None, "Opening en mededelingen"),
                                                                      (None, "Financien")])
    assert score.prf.tp == 2 and score.numbers.total == 0


def test_agenda_gold_numbers_of_an_unnumbered_document_need_not_agree():
    # the conventions number unnumbered headings 1..n in the gold; the document writes no number
    doc = NormText("Verslag\n\nWat hebben we bereikt?\n\nVeel.\n\nResultaten brainstorm\n\nIdeeen.\n")
    gold = [("1", "Wat hebben we bereikt?"), ("2", "Resultaten brainstorm")]
    assert not document_numbers_items(doc, gold)
    assert score_agenda(gold, [(None, "Wat hebben we bereikt?"), (None, "Resultaten brainstorm")],
                        document_numbers_items(doc, gold)).prf.tp == 2


def test_agenda_numbers_written_by_the_document_must_agree():
    doc = NormText("Agenda\n1. Opening\n2.\nBegroting 2025\n| 3 | Rondvraag |\n")
    gold = [("1", "Opening"), ("2", "Begroting 2025"), ("3", "Rondvraag")]
    assert all(number_written(doc, n, t) for n, t in gold)
    assert not number_written(doc, "4", "Rondvraag")
    assert document_numbers_items(doc, gold)
    score = score_agenda(gold, [("1", "Opening"), (None, "Begroting 2025"), ("4", "Rondvraag")],
                         document_numbers_items(doc, gold))
    assert score.prf.tp == 1 and score.numbers == Ratio(1, 3)


def test_generated_sub_items_are_not_scored():
    def item(number, numbered=True, parent=None):
        return AgendaItem(number=number, numbered=numbered, parent=parent, title=number, source_id="s",
                          start=0, end=1, title_start=0, title_end=1)

    kept = scored_items([item("1"), item("1.a", numbered=False, parent="1"), item("2.1", parent="2")])
    assert [i.number for i in kept] == ["1", "2.1"]


# ----------------------------------------------------------------------------- retrieval and answers


def test_retrieval_rank_and_long_passage_miss(doc, source):
    ev = {"src": doc.find_all("Raadsbrief: stuk sancties gaat niet mee.")}
    s, e = span_of("Raadsbrief: stuk sancties gaat niet mee.")
    wrong = Passage("src", 0, 20, RAW[0:20])
    right = Passage("src", s - 5, e, RAW[s - 5:e])
    half = Passage("src", s, s + 15, RAW[s:s + 15])  # less than half of the quote
    assert first_hit_rank([wrong, right], ev, {"src": doc}, lambda t: len(t.split())) == 2
    assert first_hit_rank([half, wrong], ev, {"src": doc}, lambda t: len(t.split())) is None
    # the same right passage counts as a miss when it is "too long"
    assert first_hit_rank([right], ev, {"src": doc}, lambda t: 321) is None
    assert first_hit_rank([Passage("other", s, e, "x")], ev, {"src": doc}, lambda t: 1) is None


def test_key_facts_partial_ratio():
    assert key_facts_found("Peter komt MORGEN terug op het stuk.", ["morgen terug", "raadsbrief"]) == 1


def test_answer_citation_accuracy_and_quote_not_in_source(doc, source):
    ev = {"src": doc.find_all("Peter is akkoord")}
    good = cite("Kan jij je vinden in de aanpak? Peter is akkoord", source)
    elsewhere = cite("Raadsbrief: stuk sancties gaat niet mee.", source)
    s, e = span_of("Peter is akkoord")
    invented = Citation(meeting_id="m", quote="Peter was akkoord", source_id="src", start=s, end=e)
    answer = Answer(question="q", answer="Peter is akkoord met de aanpak.", citations=[elsewhere, invented])
    a = score_answer(answer, ["akkoord"], ev, {"src": doc}, {"src": source})
    assert a.cited_ok is False  # the only overlapping quote is not an exact span
    assert (a.quotes, a.non_exact) == (2, 1)
    assert a.facts == Ratio(1, 1)
    answer2 = Answer(question="q", answer="x", citations=[good])
    a2 = score_answer(answer2, ["akkoord"], ev, {"src": doc}, {"src": source})
    assert a2.cited_ok is True and a2.non_exact == 0 and a2.facts == Ratio(0, 1)
