"""Notes written during the meeting: heuristics, clean-agenda diff, notes file, Word comments, PDF annotations.

Note-finding precision and recall are measured against hand-made gold notes (tests/data/parser/*gold-notes*).
"""

from __future__ import annotations

import hashlib
import json

import pytest

from ingest.notes import note_score, sentences
from ingest.meeting import parse_meeting
from ingest.redactions import find_redactions
from notulist.models import Annotation, Meeting, Source
from notulist.nl import copy_data, load_lexicon, use_lexicon
from tests.conftest import REPO, SEED_0306, SEED_0311

DATA = REPO / "tests" / "data" / "parser"


def source(path, role: str = "agenda") -> Source:
    data = path.read_bytes()
    text = data.decode("utf-8")
    return Source(id=hashlib.sha256(data).hexdigest(), filename=path.name, media_type="md", role=role,
                  raw_text=text, redactions=find_redactions(text))


def gold_spans(meeting: Meeting, src: Source, gold: list[dict]) -> list[tuple[str, int, int]]:
    """Each gold note located inside its own item's span (the same words can occur in several items)."""
    out = []
    for g in gold:
        item = meeting.item(g["item"])
        start = src.raw_text.find(g["text"], item.start, item.end)
        assert start >= 0, g
        out.append((g["item"], start, start + len(g["text"])))
    return out


def note_scores(meeting: Meeting, src: Source, gold: list[dict]) -> dict[str, float]:
    """Character and note level precision/recall of the notes found in `src` (a note counts as right
    when at least half of its characters are gold, a gold note as found when half of it is covered)."""
    spans = gold_spans(meeting, src, gold)
    gold_chars = {i for _, a, b in spans for i in range(a, b)}
    found = [n for n in meeting.notes if n.source_id == src.id]
    pred_chars = {i for n in found for i in range(n.start, n.end)}
    both = gold_chars & pred_chars
    right = sum(1 for n in found if len(set(range(n.start, n.end)) & gold_chars) * 2 >= n.end - n.start)
    hit = sum(1 for _, a, b in spans if len(set(range(a, b)) & pred_chars) * 2 >= b - a)
    return {
        "char_precision": len(both) / len(pred_chars) if pred_chars else 1.0,
        "char_recall": len(both) / len(gold_chars) if gold_chars else 1.0,
        "note_precision": right / len(found) if found else 1.0,
        "note_recall": hit / len(spans) if spans else 1.0,
    }


SEED_GOLD = json.loads((DATA / "seed-0311_gold-notes.json").read_text())
LINDE_GOLD = json.loads((DATA / "tv-de-linde_gold-notes.json").read_text())


# --------------------------------------------------------------------------- heuristics on the 11 March seed


def test_seed_heuristics_find_every_note_and_no_prepared_text():
    src = source(SEED_0311)
    m = parse_meeting(src)
    got = [(n.item, n.text) for n in m.notes]
    want = [(g["item"], g["text"]) for g in SEED_GOLD]
    assert sorted(got) == sorted(want)
    for n in m.notes:
        assert n.method == "heuristic" and n.cue
        assert src.raw_text[n.start:n.end] == n.text
    scores = note_scores(m, src, SEED_GOLD)
    assert scores["char_precision"] == 1.0 and scores["char_recall"] == 1.0


def test_seed_heuristic_notes_named_in_the_issue():
    m = parse_meeting(source(SEED_0311))
    texts = [n.text for n in m.notes]
    assert "Stuurgroep 16.30 – 17.30 probeert Peter te regelen met zijn agenda" in texts
    assert texts.count("Volgende keer") == 2
    assert any(t.startswith("ALS je het gaat doen: breder trekken") for t in texts)
    assert any(t.startswith("Is politiek.") and t.endswith("(clusterdirecteur?)") for t in texts)
    assert "Peter is akkoord" in texts
    assert "Peter tekent (opdrachtgever Leiderschap): gaat naar hem" in texts
    assert any(t.startswith("Gaat over dienstverlening aan stad") for t in texts)
    assert any(t.startswith("Nieuwe punten: twijfellijn") for t in texts)
    assert any(t.endswith("Afspraak: Peter komt morgen terug op stuk.") for t in texts)
    cues = {n.text: n.cue for n in m.notes}
    assert cues["Volgende keer"] in ("link", "Volgende keer")
    assert cues["Stuurgroep 16.30 – 17.30 probeert Peter te regelen met zijn agenda"] == "link"


def test_clean_agenda_has_no_notes():
    """The 6 March agenda was written before the meeting: nothing in it is a note."""
    assert parse_meeting(source(SEED_0306)).notes == []
    assert parse_meeting(source(DATA / "tv-de-linde_agenda-schoon.md")).notes == []
    assert parse_meeting(source(DATA / "agenda-regionaal-platform-jeugd.md")).notes == []
    assert parse_meeting(source(DATA / "raadscommissie-bestuur_agenda.md")).notes == []
    assert parse_meeting(source(DATA / "mr-basisschool_agenda.md")).notes == []


# --------------------------------------------------------------------------- clean agenda diff


def test_clean_diff_gives_exactly_the_inserted_notes():
    annotated, clean = source(SEED_0311), source(SEED_0306, role="clean_agenda")
    m = parse_meeting(annotated, clean_agenda=clean)
    assert m.source_ids == [annotated.id, clean.id]
    by_item = {g["item"]: g["text"] for g in SEED_GOLD if g["item"] in ("2", "3")}
    for number in ("2", "3"):
        notes = m.item(number).notes
        assert [n.method for n in notes] == ["clean_diff"]
        assert [n.text for n in notes] == [by_item[number]]
    # editorial edits ("Midden Oosten" -> "Midden-Oosten", "besprekengraag") are not notes
    assert not any("Midden-Oosten." == n.text for n in m.notes)
    # items without a counterpart in the clean agenda fall back to the heuristics
    assert [n.method for n in m.item("4").notes] == ["heuristic"]
    assert sorted((n.item, n.text) for n in m.notes) == sorted((g["item"], g["text"]) for g in SEED_GOLD)


def test_clean_diff_on_association_agenda_is_exact():
    annotated = source(DATA / "tv-de-linde_agenda-met-aantekeningen.md")
    clean = source(DATA / "tv-de-linde_agenda-schoon.md", role="clean_agenda")
    m = parse_meeting(annotated, clean_agenda=clean)
    assert sorted((n.item, n.text) for n in m.notes) == sorted((g["item"], g["text"]) for g in LINDE_GOLD)
    assert {n.method for n in m.notes} == {"clean_diff"}


def test_heuristics_on_association_agenda():
    src = source(DATA / "tv-de-linde_agenda-met-aantekeningen.md")
    m = parse_meeting(src)
    scores = note_scores(m, src, LINDE_GOLD)
    assert scores["note_recall"] >= 0.85 and scores["note_precision"] >= 0.85, scores
    # nothing of the prepared text is taken for a note
    clean_text = (DATA / "tv-de-linde_agenda-schoon.md").read_text()
    for n in m.notes:
        assert n.text not in clean_text


# --------------------------------------------------------------------------- notes file


def test_separate_notes_file():
    agenda = source(DATA / "mr-basisschool_agenda.md")
    notes = source(DATA / "mr-basisschool_aantekeningen.txt", role="notes")
    m = parse_meeting(agenda, notes=notes)
    assert m.source_ids == [agenda.id, notes.id]
    by_item = {i.number: [n.text for n in i.notes] for i in m.items}
    assert by_item["1"] == ["Petra meldt dat de GMR de nieuwe vergaderdata heeft gestuurd."]
    assert by_item["2"] == ["Notulen vastgesteld met één tekstuele wijziging."]  # "2: ..." on the same line
    assert by_item["3"] == ["Ellen licht toe: volgend jaar één groep minder door lagere instroom.",
                            "PMR stemt in met het formatieplan."]  # named by its title
    assert by_item["4"] == ["Jaarkalender: studiedag 14 juni verplaatsen naar 21 juni."]
    assert by_item["5"][0].startswith("De verkeersveiligheid bij het kiss-and-ride-strookje")  # best match
    for n in m.notes:
        assert n.method == "notes_file" and n.source_id == notes.id
        assert notes.raw_text[n.start:n.end] == n.text
    assert "Aantekeningen MR" not in " ".join(n.text for n in m.notes)  # the file's own title


def test_notes_file_free_text_goes_to_best_matching_item():
    agenda = source(DATA / "agenda-regionaal-platform-jeugd.md")
    text = ("Losse aantekeningen\n\nDe indexering van 4,2% voor de tarieven ambulante hulp is akkoord.\n\n"
            "Wachttijden jeugd-ggz: regio werkt overbruggingsaanbod uit voor 1 april.\n")
    notes = Source(id=hashlib.sha256(text.encode()).hexdigest(), filename="notities.txt", media_type="txt",
                   role="notes", raw_text=text)
    m = parse_meeting(agenda, notes=notes)
    assert [n.text for n in m.item("3.2").notes] == [
        "De indexering van 4,2% voor de tarieven ambulante hulp is akkoord."]
    assert [n.text for n in m.item("4").notes] == [
        "Wachttijden jeugd-ggz: regio werkt overbruggingsaanbod uit voor 1 april."]


# --------------------------------------------------------------------------- Word comments and PDF annotations

HEADER = "\n\n---\nOpmerkingen in het document:\n"


def annotated_source(body: str, comments: list[tuple[str, str, str | None]], kind: str, media: str) -> Source:
    """A Source as the loader builds it: the comments appended after the body, anchors in the body."""
    text, annotations = body + HEADER, []
    for author, comment, anchor in comments:
        prefix = f"- {author}: "
        start = len(text) + len(prefix)
        a = body.find(anchor) if anchor else -1
        annotations.append(Annotation(kind=kind, author=author, text_start=start, text_end=start + len(comment),
                                      anchor_start=a if a >= 0 else None,
                                      anchor_end=a + len(anchor) if a >= 0 and anchor else None,
                                      page=1 if kind == "pdf_annotation" else None))
        text += prefix + comment + "\n"
    return Source(id=hashlib.sha256(text.encode()).hexdigest(), filename=f"agenda.{media}", media_type=media,
                  raw_text=text, body_end=len(body), annotations=annotations,
                  redactions=find_redactions(text))


DB_BODY = ("# Agenda dagelijks bestuur Waterschap Lage Venen\n\nDatum: 9 april 2024, 14.00 - 16.00 uur\n\n"
           "1. Opening\n\n2. Jaarrekening 2023\n\nDe accountant heeft een goedkeurende verklaring afgegeven. "
           "Het resultaat is € 1,2 miljoen positief.\n\n3. Peilbesluit Oostpolder (ter besluitvorming)\n\n"
           "Het ontwerp-peilbesluit heeft zes weken ter inzage gelegen. Er zijn 14 zienswijzen ingediend.\n\n"
           "4. Rondvraag\n")


@pytest.mark.parametrize("kind,media", [("word_comment", "docx"), ("pdf_annotation", "pdf")])
def test_comments_are_notes_on_the_anchored_item(kind, media):
    src = annotated_source(DB_BODY, [
        ("Jan de Graaf", "3. Akkoord, resultaat naar de algemene reserve", "goedkeurende verklaring"),
        ("Els Kuipers", "Besluit: peilbesluit vastgesteld, zienswijzennota aanpassen op punt 4", "14 zienswijzen"),
        ("Jan de Graaf", "Jaarrekening: ook de accountant bedanken", None),
    ], kind, media)
    m = parse_meeting(src)
    # the appended comment block never becomes agenda items ("3. Akkoord ..." is a comment)
    assert [i.number for i in m.items] == ["1", "2", "3", "4"]
    assert all(i.end <= src.body_end for i in m.items)
    assert [n.text for n in m.item("2").notes] == ["3. Akkoord, resultaat naar de algemene reserve",
                                                   "Jaarrekening: ook de accountant bedanken"]
    assert [n.text for n in m.item("3").notes] == [
        "Besluit: peilbesluit vastgesteld, zienswijzennota aanpassen op punt 4"]
    for n in m.notes:
        assert n.method == kind and n.start >= src.body_end
        assert src.raw_text[n.start:n.end] == n.text
    assert "Opmerkingen in het document" not in m.item("4").body


def test_comments_with_loader_on_real_docx():
    """End to end through the real loader (python-docx comments), when python-docx can write comments."""
    import io

    import docx

    from ingest.loaders import load_document
    from notulist.settings import Settings

    document = docx.Document()
    if not hasattr(document, "add_comment"):
        pytest.skip("python-docx without comment support")
    document.add_heading("Agenda bestuur Stichting Buurtkracht", level=1)
    document.add_paragraph("Datum: 2 mei 2024")
    document.add_heading("1. Opening", level=2)
    document.add_heading("2. Subsidieaanvraag buurtfonds", level=2)
    para = document.add_paragraph("De aanvraag voor het buurtfonds moet voor 1 juni binnen zijn.")
    document.add_comment(para.runs, text="Karim schrijft de aanvraag, Ineke leest mee", author="Ineke")
    document.add_heading("3. Rondvraag", level=2)
    buffer = io.BytesIO()
    document.save(buffer)
    src = load_document("buurtkracht.docx", buffer.getvalue(), settings=Settings())
    m = parse_meeting(src)
    assert [i.number for i in m.items] == ["1", "2", "3"]
    assert [(n.text, n.method) for n in m.item("2").notes] == [
        ("Karim schrijft de aanvraag, Ineke leest mee", "word_comment")]


# --------------------------------------------------------------------------- the scoring itself


def test_note_score_separates_notes_from_prepared_prose():
    names = {"Peter", "Karin"}
    notes = ["Peter is akkoord", "Besluit: voorstel gaat naar de raad.", "Is politiek.",
             "Karin: volgende vergadering 10 oktober.", "Notulen goedgekeurd.", "Volgende keer",
             "ALS je het gaat doen: breder trekken.", "Toegevoegd aan agenda: brief over bezoektijden.",
             "5.1, 2, e kijkt met inbrengers of ze open staan"]
    prepared = ["We bespreken graag met je hoe we ermee om willen gaan dat deze dag nu niet op de kalender staat.",
                "Bovenstaande is overigens ook bij de regietafel neergelegd, maar die bleek alweer opgeheven.",
                "Gevraagd besluit: instemmen met de begroting 2025.",
                "De agenda wordt vastgesteld.", "Toelichting: de penningmeester",
                "Kan jij je vinden in de beschreven aanpak?",
                "5.1, 2, e stelt voor om een stuurgroep te organiseren met o.a. Peter.",
                "Gevraagd besluit: in te stemmen met de geactualiseerde kaart."]
    for t in notes:
        assert note_score(t, names=names)[0] >= 3, t
    for t in prepared:
        assert note_score(t, names=names)[0] < 2, t


def test_sentences_keep_abbreviations_and_spans():
    text = "N.a.v. signalen o.a. van P&O. Peter is akkoord. Gaat naar hem"
    got = [s.text for s in sentences(text, 0, len(text))]
    assert got == ["N.a.v. signalen o.a. van P&O.", "Peter is akkoord.", "Gaat naar hem"]


ANNOTATED = sorted(DATA.glob("*_agenda-met-*"))


@pytest.mark.parametrize("path", ANNOTATED, ids=lambda p: p.name.split("_")[0])
def test_heuristics_on_other_annotated_agendas(path):
    """Agendas of other bodies with notes typed in (arrows, answers after a question, 'Vastgesteld.',
    a Rondvraag filled in, names with verbs, parenthesised asides): gold notes by hand."""
    gold = json.loads((DATA / f"{path.name.split('_')[0]}_gold-notes.json").read_text())
    src = source(path)
    m = parse_meeting(src)
    scores = note_scores(m, src, gold)
    assert scores["note_recall"] >= 0.85 and scores["note_precision"] >= 0.85, scores
    assert scores["char_recall"] >= 0.9 and scores["char_precision"] >= 0.9, scores


def test_report_note_scores(capsys):
    """Print the note precision/recall figures (also asserted above) for the closing report."""
    rows = [("seed 11 March", note_scores(parse_meeting(source(SEED_0311)), source(SEED_0311), SEED_GOLD))]
    for path in ANNOTATED:
        src = source(path)
        gold = json.loads((DATA / f"{path.name.split('_')[0]}_gold-notes.json").read_text())
        rows.append((path.name.split("_")[0], note_scores(parse_meeting(src), src, gold)))
    with capsys.disabled():
        for name, s in rows:
            print(f"\n[notes heuristic] {name}: " + ", ".join(f"{k}={v:.2f}" for k, v in s.items()))
    assert all(s["note_recall"] >= 0.85 for _, s in rows)


def test_notes_file_heading_and_agendapunt_forms():
    agenda = source(DATA / "werkgroep-duurzaamheid_verslag.md")
    text = ("## 3.2\nDak is geschikt, subsidie aanvragen voor 1 april.\n\n"
            "Agendapunt 4 - catering\nInkoop neemt de eisen over.\n\n"
            "**Rondvraag en sluiting**\nWagenpark komt in maart terug.\n")
    notes = Source(id=hashlib.sha256(text.encode()).hexdigest(), filename="n.md", media_type="md", role="notes",
                   raw_text=text)
    m = parse_meeting(agenda, notes=notes)
    assert [n.text for n in m.item("3.2").notes] == ["Dak is geschikt, subsidie aanvragen voor 1 april."]
    assert [n.text for n in m.item("4").notes] == ["Inkoop neemt de eisen over."]  # "- catering" is a label
    assert [n.text for n in m.item("6").notes] == ["Wagenpark komt in maart terug."]


def test_pdf_agenda_with_typed_notes_through_the_loader():
    """The same heuristics on the text the real PDF loader extracts (no markdown, one line per line)."""
    from notulist.settings import Settings
    from ingest.loaders import load_document
    from tests.test_ingest_loaders import make_pdf

    path = DATA / "clientenraad-zorggroep_agenda-met-notities.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    src = load_document("clientenraad.pdf", make_pdf([lines[:22], lines[22:]]), settings=Settings())
    m = parse_meeting(src)
    assert [i.number for i in m.items] == ["1", "2", "3", "4", "5", "6", "7"]
    gold = json.loads((DATA / "clientenraad-zorggroep_gold-notes.json").read_text())
    scores = note_scores(m, src, gold)
    assert scores["note_recall"] >= 0.85 and scores["note_precision"] >= 0.85, scores


def _text_source(text: str, name: str = "agenda.md") -> Source:
    return Source(id=hashlib.sha256(text.encode()).hexdigest(), filename=name, media_type="md", role="agenda",
                  raw_text=text, redactions=find_redactions(text))


def test_a_postponement_phrase_added_to_the_lexicon_makes_a_note(tmp_path):
    """The note heuristics read the postponed family from notulist/nl at use time: a phrase added to
    postponed.toml turns a short line under an item into a 'postponed' note, without touching ingest/."""
    agenda = _text_source("# Agenda werkgroep\n\n## 1. Opening\n\n## 2. Fietsenstalling\n\n"
                          "Wij bespreken het ontwerp van de nieuwe stalling.\n\nHet ontwerp gaat in de ijskast.\n\n"
                          "## 3. Rondvraag\n")
    line = "Het ontwerp gaat in de ijskast."
    before = [n.text for n in parse_meeting(agenda).notes]
    assert not any(line in t for t in before)

    data = copy_data(tmp_path / "nl")
    path = data / "postponed.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'phrases = [', 'phrases = ["in de ijskast", ', 1), encoding="utf-8")
    with use_lexicon(load_lexicon(data)):
        notes = parse_meeting(agenda).notes
    found = [n for n in notes if line in n.text]
    assert found and found[0].item == "2" and found[0].cue == "postponed"
