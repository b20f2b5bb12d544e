"""Run the whole product on a gold data set and score it.

Each data set is ingested into a fresh temporary data dir (store and index), never the user's own,
through the same `Notulist` facade the CLI and API use, so the scores measure what users get.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from eval.gold import CrossQuestion, Dataset, GoldDoc, GoldQuestion, load_dataset
from eval.agenda_metrics import document_numbers_items, score_agenda, score_postponed, scored_items
from eval.answer_metrics import Evidence, Passage, first_hit_rank, score_answer
from eval.metrics import PRF, NormText, Ratio, Scores, citation_span, match_spans, norm_owner, sum_scores
from notulist.errors import NotFoundError
from notulist.models import Extraction, Meeting, Source
from notulist.settings import Settings, count_tokens
from service.pipeline import InputFile, Notulist

log = logging.getLogger("notulist.eval")


@dataclass
class DocResult:
    stem: str
    filename: str
    scores: Scores
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    meeting_id: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    diagnostics: dict = field(default_factory=dict)


@dataclass
class DatasetResult:
    name: str
    root: Path
    docs: list[DocResult]
    cross: Scores  # questions.json (several documents): counted in the data set total only
    cross_trace: list = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    llm_requested: bool = False
    llm_available: bool = False

    @property
    def total(self) -> Scores:
        """Micro average: counts summed over every document plus the cross-document questions."""
        return sum_scores([d.scores for d in self.docs]) + self.cross


@dataclass
class EvalResult:
    datasets: list[DatasetResult]

    @property
    def total(self) -> Scores:
        return sum_scores([d.total for d in self.datasets])


class _Timer:
    def __init__(self, bucket: dict[str, float], key: str):
        self.bucket, self.key = bucket, key

    def __enter__(self):
        self.t0 = time.perf_counter()

    def __exit__(self, *exc):
        self.bucket[self.key] = self.bucket.get(self.key, 0.0) + time.perf_counter() - self.t0


def eval_settings(data_dir: Path, embed_cache: Path | None = None) -> Settings:
    """Settings for a throw-away run: own data dir, own SQLite store and embedded Chroma, whatever the
    environment says (a NOTULIST_STORE_URL or NOTULIST_CHROMA_URL must never receive eval data).
    LLM settings are kept, so `--llm` scores the configured model. Passage vectors come from
    `embed_cache` (default: one file for this process), so a text embedded once is not embedded again
    by the next data set or run: the vectors of a text are the same whatever run computes them."""
    return Settings(data_dir=data_dir, store_url=None, chroma_url=None,
                    embed_cache_path=embed_cache or _process_cache())


_PROCESS_CACHE: list[Path] = []


def _process_cache() -> Path:
    """An embedding cache shared by every eval run of this process, removed when the process ends."""
    if not _PROCESS_CACHE:
        folder = Path(tempfile.mkdtemp(prefix="notulist-eval-vectors-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _PROCESS_CACHE.append(folder / "embeddings.sqlite")
    return _PROCESS_CACHE[0]


class _Corpus:
    """The stored sources of a data set, with their normalised texts, cached."""

    def __init__(self, app):
        self.app = app
        self.sources: dict[str, Source] = {}
        self.norm: dict[str, NormText] = {}
        self.by_stem: dict[str, str] = {}  # doc stem -> source id of its (agenda) source

    def source(self, source_id: str) -> Source | None:
        if source_id not in self.sources:
            try:
                self.sources[source_id] = self.app.store.get_source(source_id)
            except NotFoundError:
                return None
            self.norm[source_id] = NormText(self.sources[source_id].raw_text)
        return self.sources[source_id]

    def sources_for_citations(self, ids) -> dict[str, Source]:
        return {sid: s for sid in set(ids) if (s := self.source(sid)) is not None}

    def locate(self, stem: str, quote: str) -> list[tuple[int, int]]:
        sid = self.by_stem.get(stem)
        if sid is None or self.source(sid) is None:
            return []
        return self.norm[sid].locate(quote)


def _spans_or_warn(corpus: _Corpus, stem: str, quote: str, what: str, warnings: list[str]) -> list[tuple[int, int]]:
    spans = corpus.locate(stem, quote)
    if not spans and stem in corpus.by_stem:
        warnings.append(f"{stem}: {what} niet gevonden in de brontekst: {quote[:60]!r}")
    return spans


def _diagnose(out: dict, kind: str, gold_items, predicted, matches) -> None:
    """What was missed and what was predicted without gold: the first thing to read after a drop."""
    matched_g, matched_p = {g for g, _ in matches}, {p for _, p in matches}
    out[f"{kind}_missed"] = [g.evidence for i, g in enumerate(gold_items) if i not in matched_g]
    out[f"{kind}_spurious"] = [p.citation.quote[:300] for i, p in enumerate(predicted) if i not in matched_p]


def score_extraction(gold_doc: GoldDoc, meeting: Meeting, extraction: Extraction, corpus: _Corpus,
                     warnings: list[str], diagnostics: dict | None = None) -> Scores:
    """Decisions, actions (owner, due), postponed, agenda items and date of one document."""
    gold = gold_doc.gold
    sid = corpus.by_stem[gold_doc.stem]
    doc = corpus.norm[sid]
    scores = Scores()

    g_dec = [_spans_or_warn(corpus, gold_doc.stem, d.evidence, "besluit-evidence", warnings) for d in gold.decisions]
    p_dec = [citation_span(d.citation, sid, doc) for d in extraction.decisions]
    scores.decisions = PRF(len(match_spans(g_dec, p_dec)), len(p_dec), len(g_dec))

    g_act = [_spans_or_warn(corpus, gold_doc.stem, a.evidence, "actie-evidence", warnings) for a in gold.actions]
    p_act = [citation_span(a.citation, sid, doc) for a in extraction.actions]
    matches = match_spans(g_act, p_act)
    scores.actions = PRF(len(matches), len(p_act), len(g_act))
    owner_ok = due_ok = 0
    for gi, pi in matches:
        g, p = gold.actions[gi], extraction.actions[pi]
        owner_ok += norm_owner(g.owner) == norm_owner(p.owner, p.owner_redacted)
        due_ok += (g.due_date or None) == (p.due_date.isoformat() if p.due_date else None)
    if diagnostics is not None:
        _diagnose(diagnostics, "decisions", gold.decisions, extraction.decisions, match_spans(g_dec, p_dec))
        _diagnose(diagnostics, "actions", gold.actions, extraction.actions, matches)
        diagnostics["owner_or_due_wrong"] = [
            {"evidence": gold.actions[gi].evidence, "gold_owner": gold.actions[gi].owner,
             "owner": extraction.actions[pi].owner, "owner_redacted": extraction.actions[pi].owner_redacted,
             "gold_due_date": gold.actions[gi].due_date,
             "due_date": extraction.actions[pi].due_date.isoformat() if extraction.actions[pi].due_date else None}
            for gi, pi in matches
            if norm_owner(gold.actions[gi].owner) != norm_owner(extraction.actions[pi].owner, extraction.actions[pi].owner_redacted)
            or (gold.actions[gi].due_date or None) != (extraction.actions[pi].due_date.isoformat() if extraction.actions[pi].due_date else None)
        ]
    scores.owner = Ratio(owner_ok, len(matches))
    scores.due = Ratio(due_ok, len(matches))

    scores.postponed = score_postponed(gold.postponed, [p.item for p in extraction.postponed])
    if diagnostics is not None:
        diagnostics["postponed"] = {"gold": gold.postponed, "predicted": [p.item for p in extraction.postponed]}
        diagnostics["meeting_date"] = {"gold": gold.meeting.date,
                                       "predicted": meeting.date.isoformat() if meeting.date else None}
    agenda = score_agenda([(i.number, i.title) for i in gold.agenda_items],
                          [(i.number if i.numbered else None, i.title) for i in scored_items(meeting.items)],
                          document_numbers_items(doc, [(i.number, i.title) for i in gold.agenda_items]))
    scores.agenda, scores.agenda_numbers = agenda.prf, agenda.numbers
    if diagnostics is not None and agenda.prf.f1 < 1.0:
        diagnostics["agenda_items"] = {"gold": [(i.number, i.title) for i in gold.agenda_items],
                                       "predicted": [(i.number, i.title) for i in scored_items(meeting.items)]}
    predicted_date = meeting.date.isoformat() if meeting.date else None
    scores.date = Ratio(int((gold.meeting.date or None) == predicted_date), 1)
    return scores


def failed_doc_scores(gold_doc: GoldDoc) -> Scores:
    """A document that could not be processed: every gold item missed, nothing predicted."""
    g = gold_doc.gold
    s = Scores()
    s.decisions = PRF(0, 0, len(g.decisions))
    s.actions = PRF(0, 0, len(g.actions))
    s.postponed = PRF(0, 0, len(set(g.postponed)))
    s.agenda = PRF(0, 0, len(g.agenda_items))
    s.date = Ratio(0, 1)
    return s


def score_question(app, corpus: _Corpus, question: str, key_facts: Sequence[str], evidence: Evidence,
                   *, llm: bool, warnings: list[str], seconds: dict[str, float],
                   trace: list | None = None) -> Scores:
    """Retrieval (search k=5 over the whole data set) and the answer of one question."""
    s = Scores()
    for sid in evidence:
        corpus.source(sid)
    rank = None
    answer = None
    try:
        with _Timer(seconds, "retrieval"):
            hits = app.index.search(question, k=5)
        passages = [Passage(h.chunk.source_id, h.chunk.start, h.chunk.end, h.chunk.text) for h in hits]
        for p in passages:
            corpus.source(p.source_id)
        rank = first_hit_rank(passages, evidence, corpus.norm, count_tokens)
    except Exception as exc:  # a crashing stage scores zero and is reported, the run goes on
        log.exception("search failed")
        warnings.append(f"zoeken mislukt voor {question!r}: {exc!r}")
    s.retrieval.add_rank(rank)
    try:
        with _Timer(seconds, "answers"):
            answer = app.ask(question, use_llm=llm)
        sources = corpus.sources_for_citations(c.source_id for c in answer.citations)
        a = score_answer(answer, key_facts, evidence, corpus.norm, sources)
        s.key_facts = a.facts
        s.citations = Ratio(int(a.cited_ok), 1)
        s.non_exact = Ratio(a.non_exact, a.quotes)
    except Exception as exc:
        log.exception("ask failed")
        warnings.append(f"antwoorden mislukt voor {question!r}: {exc!r}")
        s.key_facts = Ratio(0, len(key_facts))
        s.citations = Ratio(0, 1)
    if trace is not None:
        trace.append({"q": question, "rank": rank, "key_facts": f"{s.key_facts.hits}/{s.key_facts.total}",
                      "cited_ok": bool(s.citations.hits), "non_exact_quotes": s.non_exact.hits,
                      "answer": answer.answer[:400] if answer else None,
                      "cited": [c.quote[:120] for c in answer.citations] if answer else []})
    return s


def _doc_evidence(corpus: _Corpus, stem: str, q: GoldQuestion, warnings: list[str]) -> Evidence:
    sid = corpus.by_stem.get(stem)
    if sid is None:
        return {}
    spans = [sp for quote in q.evidence for sp in _spans_or_warn(corpus, stem, quote, "vraag-evidence", warnings)]
    return {sid: spans}


def _cross_evidence(corpus: _Corpus, q: CrossQuestion, warnings: list[str]) -> Evidence:
    ev: Evidence = {}
    for e in q.evidence:
        sid = corpus.by_stem.get(e.doc)
        if sid is None:
            warnings.append(f"questions.json: document '{e.doc}' bestaat niet of is niet ingelezen")
            continue
        ev.setdefault(sid, []).extend(_spans_or_warn(corpus, e.doc, e.quote, "vraag-evidence", warnings))
    return ev


def run_dataset(root: Path | str, *, llm: bool = False, progress: bool = True,
                make_app: Callable[[Settings], object] | None = None,
                embed_cache: Path | None = None) -> DatasetResult:
    """Ingest every document of the data set into a fresh temporary store and score every stage."""
    dataset: Dataset = load_dataset(root)
    seconds: dict[str, float] = {}
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="notulist-eval-", ignore_cleanup_errors=True) as tmp:
        settings = eval_settings(Path(tmp) / "data", embed_cache)
        app = (make_app or Notulist)(settings)
        corpus = _Corpus(app)
        results = {d.stem: DocResult(stem=d.stem, filename=d.path.name, scores=Scores()) for d in dataset.docs}
        n_steps = 2 * len(dataset.docs) + len(dataset.questions)
        bar = tqdm(total=n_steps, desc=f"eval {dataset.name}", unit="stap", file=sys.stderr,
                   disable=not progress, leave=False)
        llm_available = False
        if llm:
            try:
                llm_available = app.llm is not None
            except Exception as exc:  # a broken LLM configuration: score the rule path, say so
                dataset.warnings.append(f"LLM niet beschikbaar ({exc}); regel-engine gescoord")
        try:
            # 1. ingest everything first: retrieval questions are asked against the whole corpus
            for gold_doc in dataset.docs:
                res = results[gold_doc.stem]
                bar.set_postfix_str(f"inlezen {gold_doc.path.name[:30]}")
                t0 = time.perf_counter()
                try:
                    ingested = app.ingest(InputFile.from_path(gold_doc.path))
                    if ingested.status == "error" or not ingested.meeting_id:
                        res.error = f"inlezen mislukt: {ingested.message}"
                    else:
                        res.meeting_id = ingested.meeting_id
                        res.warnings += ingested.warnings
                        meeting = app.store.get_meeting(ingested.meeting_id)
                        corpus.by_stem[gold_doc.stem] = meeting.source_ids[0]
                        corpus.source(meeting.source_ids[0])
                except Exception as exc:  # never a crash: the document scores zero and is reported
                    log.exception("ingest of %s failed", gold_doc.path.name)
                    res.error = f"inlezen mislukt: {exc!r}"
                res.seconds["ingest"] = time.perf_counter() - t0
                seconds["ingest"] = seconds.get("ingest", 0.0) + res.seconds["ingest"]
                bar.update(1)

            # 2. per document: meeting, extraction, questions
            for gold_doc in dataset.docs:
                res = results[gold_doc.stem]
                bar.set_postfix_str(f"scoren {gold_doc.path.name[:30]}")
                if res.error is None:
                    try:
                        meeting = app.store.get_meeting(res.meeting_id)
                        with _Timer(res.seconds, "extraction"):
                            extraction = app.extraction(res.meeting_id, use_llm=llm)
                        res.scores = score_extraction(gold_doc, meeting, extraction, corpus, res.warnings,
                                                      res.diagnostics)
                    except Exception as exc:
                        log.exception("extraction of %s failed", gold_doc.path.name)
                        res.error = f"extractie mislukt: {exc!r}"
                if res.error is not None:
                    res.scores = failed_doc_scores(gold_doc)
                for q in gold_doc.gold.questions:
                    if res.error is not None:
                        qs = Scores()
                        qs.retrieval.add_rank(None)
                        qs.key_facts, qs.citations = Ratio(0, len(q.key_facts)), Ratio(0, 1)
                    else:
                        ev = _doc_evidence(corpus, gold_doc.stem, q, res.warnings)
                        qs = score_question(app, corpus, q.q, q.key_facts, ev, llm=llm,
                                            warnings=res.warnings, seconds=res.seconds,
                                            trace=res.diagnostics.setdefault("questions", []))
                    res.scores.retrieval = res.scores.retrieval + qs.retrieval
                    res.scores.key_facts = res.scores.key_facts + qs.key_facts
                    res.scores.citations = res.scores.citations + qs.citations
                    res.scores.non_exact = res.scores.non_exact + qs.non_exact
                for key, value in res.seconds.items():
                    if key != "ingest":
                        seconds[key] = seconds.get(key, 0.0) + value
                bar.update(1)

            # 3. questions across documents (questions.json)
            cross = Scores()
            cross_trace: list = []
            warnings = list(dataset.warnings)
            for q in dataset.questions:
                bar.set_postfix_str("vragen over meerdere documenten")
                ev = _cross_evidence(corpus, q, warnings)
                cross = cross + score_question(app, corpus, q.q, q.key_facts, ev, llm=llm,
                                               warnings=warnings, seconds=seconds, trace=cross_trace)
                bar.update(1)
        finally:
            bar.close()
            _close(app)
    seconds["total"] = time.perf_counter() - t_start
    return DatasetResult(name=dataset.name, root=Path(root), docs=list(results.values()), cross=cross,
                         cross_trace=cross_trace,
                         warnings=warnings, seconds=seconds, llm_requested=llm, llm_available=llm_available)


def _close(app) -> None:
    """Release the temporary store before its folder is removed."""
    store = app.__dict__.get("store")
    if store is not None:
        try:
            store.engine.dispose()
        except Exception:  # pragma: no cover - cleanup only
            pass


def run_eval(roots: Sequence[Path | str], *, llm: bool = False, progress: bool = True,
             embed_cache: Path | None = None) -> EvalResult:
    return EvalResult([run_dataset(r, llm=llm, progress=progress, embed_cache=embed_cache) for r in roots])
