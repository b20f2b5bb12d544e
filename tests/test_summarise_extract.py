"""Extraction on whole meetings: the seeds against their gold, own documents of other kinds, the
agenda/notes split, grounding, the LLM fallback and linking actions across meetings."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path


from eval.metrics import NormText, citation_span, match_spans, norm_owner
from ingest.loaders import load_document
from ingest.parser import parse_meeting
from notulist.grounding import is_exact_span
from notulist.models import AgendaItem, Extraction, Meeting, Note, ParsedDocument, Source, stable_id
from summarise.extract import extract_meeting

from conftest import EXAMPLES, SEEDS

DATA = Path(__file__).parent / "data" / "summarise"


def parse_file(path: Path, settings, series: str | None = None) -> tuple[Meeting, dict[str, Source]]:
    source = load_document(path.name, path.read_bytes(), settings=settings)
    return parse_meeting(source, series=series), {source.id: source}


def score(gold: dict, meeting: Meeting, sources: dict[str, Source], ex: Extraction) -> dict:
    sid = meeting.source_ids[0]
    doc = NormText(sources[sid].raw_text)
    g_dec = [doc.find_all(d["evidence"]) for d in gold["decisions"]]
    g_act = [doc.find_all(a["evidence"]) for a in gold["actions"]]
    assert all(g_dec) and all(g_act), "gold evidence must be in the document"
    dm = match_spans(g_dec, [citation_span(d.citation, sid, doc) for d in ex.decisions])
    am = match_spans(g_act, [citation_span(a.citation, sid, doc) for a in ex.actions])
    owner = sum(norm_owner(gold["actions"][g]["owner"]) == norm_owner(ex.actions[p].owner, ex.actions[p].owner_redacted)
                for g, p in am)
    due = sum((gold["actions"][g]["due_date"] or None) == (ex.actions[p].due_date.isoformat() if ex.actions[p].due_date else None)
              for g, p in am)
    return {"dm": len(dm), "dp": len(ex.decisions), "dg": len(g_dec), "am": len(am), "ap": len(ex.actions),
            "ag": len(g_act), "owner": owner, "due": due, "post_pred": {p.item for p in ex.postponed},
            "post_gold": set(gold["postponed"])}


def f1(m: int, p: int, g: int) -> float:
    return 1.0 if p + g == 0 else 2 * m / (p + g)


def totals(rows: list[dict]) -> dict:
    t = {k: sum(r[k] for r in rows) for k in ("dm", "dp", "dg", "am", "ap", "ag", "owner", "due")}
    pm = sum(len(r["post_pred"] & r["post_gold"]) for r in rows)
    pp = sum(len(r["post_pred"]) for r in rows)
    pg = sum(len(r["post_gold"]) for r in rows)
    return {"decisions": f1(t["dm"], t["dp"], t["dg"]), "actions": f1(t["am"], t["ap"], t["ag"]),
            "owner": t["owner"] / max(1, t["am"]), "due": t["due"] / max(1, t["am"]), "postponed": f1(pm, pp, pg)}


def run_set(docs: list[Path], gold_dir: Path, settings) -> tuple[dict, list[Extraction]]:
    rows, extractions = [], []
    for path in docs:
        meeting, sources = parse_file(path, settings)
        ex = extract_meeting(meeting, sources)
        extractions.append(ex)
        rows.append(score(json.loads((gold_dir / f"{path.stem}.json").read_text()), meeting, sources, ex))
    return totals(rows), extractions


def test_seeds_meet_the_issue_floors(settings):
    docs = sorted(EXAMPLES.glob("2024-03-*.md"))
    scores, extractions = run_set(docs, SEEDS / "gold", settings)
    assert scores["decisions"] >= 0.9
    assert scores["actions"] >= 0.85
    assert scores["owner"] >= 0.9
    assert scores["due"] >= 0.9
    assert scores["postponed"] == 1.0


def test_agenda_of_6_march_has_open_actielijst_actions_and_no_decisions(settings):
    meeting, sources = parse_file(EXAMPLES / "2024-03-06_voortgangsoverleg-inclusie-diversiteit_agenda.md", settings)
    ex = extract_meeting(meeting, sources)
    assert ex.decisions == [] and ex.postponed == []
    listed = [a for a in ex.actions if a.from_actielijst]
    assert {a.owner for a in listed} == {"Peter", "staf GS"}
    assert len([a for a in listed if a.owner == "Peter"]) == 3
    announced = [a for a in ex.actions if not a.from_actielijst]
    assert len(announced) == 1 and announced[0].owner is None and announced[0].owner_redacted
    assert announced[0].due == "de komende week" and announced[0].due_date is None


def test_11_march_owners_dates_and_citations(settings):
    meeting, sources = parse_file(EXAMPLES / "2024-03-11_voortgangsoverleg-inclusie-diversiteit_agenda-met-notities.md",
                                  settings)
    ex = extract_meeting(meeting, sources)
    by_quote = {a.citation.quote: a for a in ex.actions}
    morgen = by_quote["Afspraak: Peter komt morgen terug op stuk."]
    assert morgen.owner == "Peter" and morgen.due_date == dt.date(2024, 3, 12) and morgen.item == "8"
    stuurgroep = next(a for q, a in by_quote.items() if q.startswith("Stuurgroep"))
    assert stuurgroep.due_date == dt.date(2024, 3, 25)  # the date of the stuurgroep, from the item
    for a in ex.actions:
        if a.citation.quote.startswith("5.1, 2, e"):  # the person doing it is redacted: never named
            assert a.owner is None and a.owner_redacted
    redacted = [a for a in ex.actions if a.owner_redacted]
    assert redacted and all(a.owner is None for a in redacted)
    assert sorted(p.item for p in ex.postponed) == ["1", "7"]
    for item in ex.decisions + ex.actions + ex.postponed:
        assert is_exact_span(item.citation, sources)
        assert item.citation.meeting_id == meeting.id and item.citation.date == meeting.date
        assert item.id == stable_id(meeting.id, {"Decision": "decision", "Action": "action",
                                                 "Postponed": "postponed"}[type(item).__name__],
                                    item.citation.start, item.citation.end)
    again = extract_meeting(meeting, sources)
    assert [a.id for a in again.actions] == [a.id for a in ex.actions]


def test_own_documents_of_other_kinds(settings):
    docs = sorted((DATA / "docs").iterdir())
    assert len(docs) >= 6
    scores, extractions = run_set(docs, DATA / "gold", settings)
    assert scores["decisions"] >= 0.9
    assert scores["actions"] >= 0.85
    assert scores["owner"] >= 0.9
    assert scores["due"] >= 0.9
    assert scores["postponed"] >= 0.9


def test_action_table_rows_become_actions_with_owner_due_and_status(settings):
    meeting, sources = parse_file(DATA / "docs" / "2024-06-03_werkgroep-energietransitie-oost_verslag.md", settings)
    ex = extract_meeting(meeting, sources)
    rows = {a.owner: a for a in ex.actions}
    assert set(rows) == {"Fatima", "Joost", "Karin", "Sanne"}  # the text repeats them: the table is the list
    assert rows["Joost"].due == "21 juni" and rows["Joost"].due_date == dt.date(2024, 6, 21)
    assert rows["Sanne"].status == "done" and rows["Fatima"].status == "open"


def _hand_meeting(doc_kind: str) -> tuple[Meeting, dict[str, Source]]:
    """An agenda item with prepared text, plus a separate notes file with what was said."""
    agenda_text = ("Agenda overleg\n\n1. Begroting\nWe vragen je in te stemmen met de begroting. "
                   "De penningmeester is akkoord als het MT dat is.\n")
    notes_text = "punt 1: Besluit: begroting vastgesteld. Actie: Jan stuurt de begroting morgen naar de leden.\n"
    agenda = Source(id="a" * 64, filename="agenda.md", media_type="md", raw_text=agenda_text)
    notes = Source(id="n" * 64, filename="notes.txt", media_type="txt", role="notes", raw_text=notes_text)
    start = agenda_text.index("1. Begroting")
    n_start = notes_text.index("Besluit")
    item = AgendaItem(number="1", title="Begroting", source_id=agenda.id, start=start, end=len(agenda_text),
                      title_start=start + 3, title_end=start + len("1. Begroting"),
                      notes=[Note(id="x", item="1", text=notes_text[n_start:].rstrip(), source_id=notes.id,
                                  start=n_start, end=len(notes_text.rstrip()), method="notes_file")])
    meeting = Meeting(id="m1", series="Overleg", title="Overleg", date=dt.date(2024, 5, 6), doc_kind=doc_kind,
                      items=[item], source_ids=[agenda.id, notes.id])
    return meeting, {agenda.id: agenda, notes.id: notes}


def test_agenda_prepared_text_is_not_a_decision_but_the_notes_are():
    meeting, sources = _hand_meeting("agenda")
    ex = extract_meeting(meeting, sources)
    assert [d.citation.quote for d in ex.decisions] == ["Besluit: begroting vastgesteld."]
    assert ex.decisions[0].citation.source_id == "n" * 64
    [action] = ex.actions
    assert action.owner == "Jan" and action.due_date == dt.date(2024, 5, 7)
    assert all(is_exact_span(x.citation, sources) for x in ex.decisions + ex.actions)


def test_llm_failure_keeps_the_rule_result(monkeypatch):
    import summarise.llm_extract as llm_extract

    def broken(*args, **kwargs):
        raise RuntimeError("server weg")

    monkeypatch.setattr(llm_extract, "extract_with_llm", broken)
    meeting, sources = _hand_meeting("agenda")
    ex = extract_meeting(meeting, sources, llm=object())
    assert not ex.llm_used and len(ex.decisions) == 1 and any("LLM" in w for w in ex.warnings)


def test_llm_output_with_an_invented_quote_is_dropped(monkeypatch):
    import summarise.llm_extract as llm_extract

    def invents(meeting, sources, llm, rule_result):
        bad = rule_result.decisions[0].citation.model_copy(update={"quote": "De begroting is verworpen."})
        fake = rule_result.decisions[0].model_copy(update={"id": "fake", "citation": bad, "method": "llm"})
        return rule_result.model_copy(update={"decisions": rule_result.decisions + [fake], "llm_used": True})

    monkeypatch.setattr(llm_extract, "extract_with_llm", invents)
    meeting, sources = _hand_meeting("agenda")
    ex = extract_meeting(meeting, sources, llm=object())
    assert ex.llm_used and [d.id for d in ex.decisions if d.id == "fake"] == []


def _store_series(app, settings) -> list[Meeting]:
    meetings = []
    for path in sorted((DATA / "series").glob("*.md")):
        meeting, sources = parse_file(path, settings, series="Redactieraad Wijkkrant Oost")
        app.store.save_parsed(ParsedDocument(meeting=meeting, sources=list(sources.values())),
                              {s.id: path.read_bytes() for s in sources.values()})
        app.refresh_extraction(meeting, sources)  # extract + link, as after an ingest (without the index)
        meetings.append(meeting)
    return meetings


def test_a_later_meeting_marks_an_action_done_with_its_evidence(app, settings):
    first, second, third = _store_series(app, settings)
    actions = {a.owner: a for a in app.store.list_actions() if a.meeting_id == first.id}
    samir, anouk = actions["Samir"], actions["Anouk"]
    assert samir.status == "done" and samir.done_evidence.meeting_id == third.id
    assert "afgerond" in samir.done_evidence.quote
    assert is_exact_span(samir.done_evidence, app.store.sources_for(third))
    assert anouk.status == "done" and "gebeurd" in anouk.done_evidence.quote
    # the February meeting says the fietsenmaker has not answered yet: that is not "done"
    open_feb = [a for a in app.store.list_actions(status="open") if a.meeting_id == second.id]
    assert [a.owner for a in open_feb] == ["Anouk"]


def test_postponed_item_is_found_on_the_next_meeting_thread(app, settings):
    from summarise.verslag import postponed_followups

    first, second, _ = _store_series(app, settings)
    ex = app.store.get_extraction(first.id)
    assert [p.item for p in ex.postponed] == ["4"]
    assert postponed_followups(app.store, first, ex) == {"4": "12 februari 2024, punt 3"}


def extract_text(text: str, filename: str, settings) -> tuple[Source, Extraction]:
    """Load, parse and extract a document written in the test (as a user would upload it)."""
    source = load_document(filename, text.encode(), settings=settings)
    return source, extract_meeting(parse_meeting(source), {source.id: source})


BESLUITEN_EN_ACTIES = """Besluiten- en actielijst overleg Jeugdzorg Noord

Datum: 14-05-2025

1. Opening en mededelingen
2. Inkoop 2026
3. Wachttijden
4. Rondvraag

Besluiten

| Nr | Onderwerp | Besluit |
|----|-----------|---------|
| 2 | Inkoop 2026 | Het overleg kiest voor een open-house-procedure. |
| 3 | Wachttijden | Aangehouden tot het overleg van 11 juni, in afwachting van de cijfers. |

Openstaande acties uit eerdere vergaderingen

nr     actie                                         wie       gereed      stand van zaken
24-11  Convenant met de huisartsen opstellen          Sanne     1 juni      loopt, concept besproken
25-01  Factsheet wachttijden maken                    Omar      1 april     afgerond
"""


def test_besluitenlijst_rows_land_on_their_items_and_plain_text_action_tables_are_read(settings):
    source, ex = extract_text(BESLUITEN_EN_ACTIES, "2025-05-14_jeugdzorg-noord_besluitenlijst.txt", settings)
    # "Nr" numbers the agenda items where the row names the item: the row is that item's decision
    assert [(d.item, d.text) for d in ex.decisions] == [("2", "Het overleg kiest voor een open-house-procedure.")]
    # "Aangehouden" in the Besluit column postpones the item and decides nothing
    assert [p.item for p in ex.postponed] == ["3"]
    # a table with columns two spaces apart; an earlier meeting's action reported done is not this meeting's
    assert [(a.owner, a.due_date) for a in ex.actions] == [("Sanne", dt.date(2025, 6, 1))]
    assert all(is_exact_span(a.citation, {source.id: source}) for a in ex.actions)


def test_adopting_the_minutes_is_a_decision_adopting_the_own_agenda_is_not(settings):
    text = ("Verslag bestuur Speeltuinvereniging De Klim\nDatum: 3 maart 2025\n\n1. Opening en vaststelling agenda\n"
            "De agenda wordt ongewijzigd vastgesteld.\n\n2. Verslag vorige vergadering\n"
            "Het verslag van 3 februari wordt ongewijzigd vastgesteld.\n\n3. Jaarverslag 2024\n"
            "Het jaarverslag 2024 wordt vastgesteld.\n\n4. Notulen ALV\nGoedgekeurd.\n\n5. Nieuwe glijbaan\n"
            "Goedgekeurd, mits de gemeente de ondergrond betaalt.\n")
    _, ex = extract_text(text, "2025-03-03_de-klim_verslag.txt", settings)
    decided = [d.citation.quote for d in ex.decisions]
    assert "Het jaarverslag 2024 wordt vastgesteld." in decided  # an annual report is a subject
    assert any(q.startswith("Goedgekeurd, mits") for q in decided)  # under a subject's item it decides it
    assert "Het verslag van 3 februari wordt ongewijzigd vastgesteld." in decided  # the previous minutes
    assert any(q.endswith("Goedgekeurd.") for q in decided), decided  # a bare adoption under "Notulen ALV"
    assert not [q for q in decided if "agenda" in q.lower()]  # the meeting's own agenda: procedural


COMMISSIE = """Verslag commissie Sport en Cultuur
Datum: 9 oktober 2024

1. Opening
De voorzitter opent de vergadering.

2. Sportakkoord
De wethouder zegt toe de commissie te informeren over de verdeling van de sportsubsidies.
Actie: de secretaris stuurt de stukken rond. Uiterlijk 20 oktober naar alle leden.

3. Rondvraag
Geen vragen.

4. Sluiting
De voorzitter sluit de vergadering.

Toezeggingen
- TZ-24-07 De wethouder informeert de commissie over de verdeling van de sportsubsidies. Termijn: vóór 1 december 2024.
"""


def test_closing_list_of_commitments_is_the_list_and_terms_in_the_next_sentence_count(settings):
    source, ex = extract_text(COMMISSIE, "2024-10-09_commissie-sport_verslag.txt", settings)
    quotes = {a.citation.quote: a for a in ex.actions}
    # the promise made in item 2 is the one in the closing list: it is listed once, as the list row
    assert not [q for q in quotes if q.startswith("De wethouder zegt toe")]
    row = next(a for q, a in quotes.items() if q.startswith("TZ-24-07"))
    assert row.due_date == dt.date(2024, 12, 1) and row.owner == "wethouder"
    # "Uiterlijk 20 oktober ..." gives the term of the action right before it, and the quote shows it
    sent = next(a for q, a in quotes.items() if "stuurt de stukken rond" in q)
    assert sent.due_date == dt.date(2024, 10, 20) and "Uiterlijk 20 oktober" in sent.citation.quote
    assert all(is_exact_span(a.citation, {source.id: source}) for a in ex.actions)


def test_earlier_actions_reported_on_stay_actions_while_open(settings):
    text = ("Verslag werkgroep Dorpshuis\nDatum: 2 september 2025\n\n1. Actiepunten vorig overleg\n"
            "- Subsidieaanvraag provincie (Mirjam): nog niet ingediend, schuift door naar 15 september.\n"
            "- Sleutelplan (Ruud): gereed, de sleutels zijn uitgedeeld.\n"
            "- Nieuwe verwarming (Ahmed): besteld op 20 augustus.\n\n2. Rondvraag\nGeen vragen.\n")
    _, ex = extract_text(text, "2025-09-02_dorpshuis_verslag.txt", settings)
    assert [(a.owner, a.due_date) for a in ex.actions] == [("Mirjam", dt.date(2025, 9, 15))]
    assert ex.actions[0].citation.quote.startswith("Subsidieaanvraag provincie (Mirjam)")


def test_a_term_set_by_a_meeting_dated_elsewhere_in_the_document(settings):
    text = ("Notulen bestuur Volkstuinvereniging De Kweek\nDatum: 4 maart 2025\n\n1. Jaarstukken\n"
            "Actie: Wim zet de jaarstukken vóór de ALV op de website.\n\n2. ALV\n"
            "De ALV is op vrijdag 11 april 2025 in de kantine.\n")
    _, ex = extract_text(text, "2025-03-04_de-kweek_notulen.txt", settings)
    wim = next(a for a in ex.actions if a.owner == "Wim")
    assert wim.due_date == dt.date(2025, 4, 11) and wim.due == "vóór de ALV"


def test_a_persons_name_is_no_event_to_take_a_date_from(settings):
    text = ("Teamoverleg Beleid\nDatum: 4 februari 2025\nAanwezig: Marloes, Joris\n\n1. Rondvraag\n"
            "Marloes vraagt of het teamuitje van 13 maart kan schuiven.\n"
            "Joris regelt een account voor Marloes.\n")
    _, ex = extract_text(text, "2025-02-04_team-beleid_notities.txt", settings)
    joris = next(a for a in ex.actions if a.owner == "Joris")
    assert joris.due_date is None


RVO = """Verslag regionaal overleg Toezicht
Datum: 15 januari 2026
Aanwezig: Jan Kuipers (JK, voorzitter), Trees Wolters (TW, secretaris)

1) Opening
**Afspraken:** geen.

2) Actiepunten
| nr | actie | wie | termijn | stand |
|----|-------|-----|---------|-------|
| 1 | Factsheet maken | Trees Wolters | 10 januari | gereed |
| 2 | Convenant opstellen | Jan Kuipers | 1 maart | loopt |

3) Evaluatie jaarwisseling
De cijfers worden toegelicht.

**Afspraken:**
- De vuurwerkvrije zones worden volgend jaar in alle kernen ingevoerd.

**Acties:**
- Districtschef levert de cijfers per gemeente aan — vóór 1 februari.

Actie TW: brief aan de burgemeester, vóór 6 februari.

4) Toezeggingen
Nr. | Toezegging | Wie | Termijn
T-01 | Overzicht handhaving sturen | burgemeester | volgende vergadering

5) Rondvraag
Geen vragen. Volgende vergadering: 12 maart 2026.
"""


def test_blocks_under_labels_tables_of_toezeggingen_and_reviewed_actions(settings):
    source, ex = extract_text(RVO, "2026-01-15_toezicht_verslag.md", settings)
    decided = [d.citation.quote for d in ex.decisions]
    assert decided == ["De vuurwerkvrije zones worden volgend jaar in alle kernen ingevoerd."]
    owners = {a.owner: a for a in ex.actions}
    assert set(owners) == {"Jan Kuipers", "Districtschef", "Trees Wolters", "burgemeester"}
    assert owners["Districtschef"].due_date == dt.date(2026, 2, 1)
    assert owners["Trees Wolters"].citation.quote.startswith("Actie TW")  # initials with a role in the brackets
    assert owners["burgemeester"].due_date == dt.date(2026, 3, 12)  # "volgende vergadering" in the Termijn column
    assert all(is_exact_span(a.citation, {source.id: source}) for a in ex.actions)
