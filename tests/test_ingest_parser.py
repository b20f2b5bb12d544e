"""Meeting parser: header, agenda items (any heading level), spans, bodies, threads.

Runs on the two seeds (against the shared gold) and on documents of other Dutch bodies written for these
tests (tests/data/parser/): a council committee besluitenlijst, working-group minutes with an action
table, plain-text association minutes, an agenda with sub-numbered items, an MR agenda.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

import pytest

from ingest.meeting import parse_meeting
from ingest.parse import filename_date, find_dates, infer_year, normalise_series
from ingest.redactions import find_redactions
from ingest.threads import find_threads
from notulist.models import Source, stable_id
from tests.conftest import REPO, SEED_0306, SEED_0311, SEEDS

DATA = REPO / "tests" / "data" / "parser"
GOLD = SEEDS / "gold"


def source(path, role: str = "agenda", *, name: str | None = None) -> Source:
    data = path.read_bytes() if hasattr(path, "read_bytes") else path.encode("utf-8")
    text = data.decode("utf-8")
    return Source(id=hashlib.sha256(data).hexdigest(), filename=name or getattr(path, "name", "doc.md"),
                  media_type="md", role=role, raw_text=text, redactions=find_redactions(text))


def norm_title(t: str) -> str:
    """Redaction marks in any spelling are equal (as the eval does)."""
    t = re.sub(r"\[gelakt [^\]]*\]|5\.1, 2, e", "#", t)
    return re.sub(r"\s+", " ", t).strip().lower()


def top(meeting):
    return [i for i in meeting.items if i.parent is None]


# --------------------------------------------------------------------------- seeds


@pytest.mark.parametrize("path,gold_name,when", [
    (SEED_0306, "2024-03-06_voortgangsoverleg-inclusie-diversiteit_agenda.json", dt.date(2024, 3, 6)),
    (SEED_0311, "2024-03-11_voortgangsoverleg-inclusie-diversiteit_agenda-met-notities.json", dt.date(2024, 3, 11)),
])
def test_seed_items_and_header_match_gold(path, gold_name, when):
    gold = json.loads((GOLD / gold_name).read_text())
    src = source(path)
    m = parse_meeting(src)
    items = top(m)
    assert [i.number for i in items] == [g["number"] for g in gold["agenda_items"]]
    assert [norm_title(i.title) for i in items] == [norm_title(g["title"]) for g in gold["agenda_items"]]
    assert m.date == when and m.date_inferred is True
    assert m.date_as_written == gold["meeting"]["date_as_written"]
    assert m.series == "Voortgangsoverleg inclusie en diversiteit"
    assert m.doc_kind == "agenda"
    # attendees: Peter, a redacted person, and a redacted person who takes the minutes — never a guessed name
    assert [a.name for a in m.attendees] == ["Peter", None, None]
    assert [a.redacted for a in m.attendees] == [False, True, True]
    assert m.attendees[-1].role == "verslag"
    for item in m.items:
        assert src.raw_text[item.title_start:item.title_end].strip()
        assert item.start <= item.title_start < item.title_end <= item.end
        assert item.source_id == src.id


def test_seed_header_time_location_and_ids():
    a, b = parse_meeting(source(SEED_0306)), parse_meeting(source(SEED_0311))
    assert (a.time, a.location) == ("10.30 - 11.45", "Kamer 2C4/MS teams")
    assert (b.time, b.location) == ("15.30 - 16.30", "Kamer 2C4")
    assert a.series == b.series
    assert a.id == stable_id(a.series.casefold(), "2024-03-06", SEED_0306.name)
    assert a.id != b.id
    assert parse_meeting(source(SEED_0306)).id == a.id  # stable


def test_seed_sub_items_attachments_and_kinds():
    m = parse_meeting(source(SEED_0306))
    subs = [i for i in m.items if i.parent == "1"]
    assert [(i.number, i.title, i.numbered) for i in subs] == [
        ("1.1", "Gesprek wethouder 28-02", False), ("1.2", "Gesprek GMT 29-02", False)]
    actielijst = [i for i in m.items if i.parent == "2"]
    assert len(actielijst) == 5 and actielijst[0].title == "Hoger management potentieel"
    assert "actielijst" in m.item("2").kinds
    assert m.item("2").attachments == ["Bijlage 1: openstaande acties 05-02"]
    assert len(m.item("8").attachments) == 3
    assert {"ter kennisname", "ter bespreking"} <= set(m.item("3").kinds)
    assert "mededeling" in m.item("1").kinds
    # the stand-alone "Ter bespreking" line is a hint for what follows, not part of item 1
    assert "Ter bespreking" not in m.item("1.2").body
    assert "ter bespreking" in m.item("5").kinds


def test_numbered_list_inside_item_is_not_an_item():
    m = parse_meeting(source(SEED_0306))
    item3 = m.item("3")
    assert "We vragen jou om kennis te nemen" in item3.body
    assert "Daarna maken we het plan definitief." in item3.body
    assert not any(i.title.startswith(("We vragen jou", "Kennis te nemen")) for i in m.items)


def test_body_is_display_form_without_heading():
    m = parse_meeting(source(SEED_0306))
    body = m.item("9").body
    assert "[gelakt 5.1.2e]" in body and "5.1, 2, e" not in body
    assert not body.startswith("**9.")


def test_body_excludes_notes():
    m = parse_meeting(source(SEED_0311))
    for item in m.items:
        for note in item.notes:
            assert note.text not in item.body
    assert "Peter is akkoord" not in m.item("4").body
    assert m.item("4").body.rstrip(" *").endswith("die je wil meegeven?")


# --------------------------------------------------------------------------- other shapes


def test_council_besluitenlijst():
    m = parse_meeting(source(DATA / "2024-05-14_commissie-ruimte_besluitenlijst.md"))
    assert m.doc_kind == "besluitenlijst"
    assert m.title == "Besluitenlijst commissie Ruimte en Wonen"  # not the letterhead "Gemeente Zuidwolde"
    assert m.series == "Commissie Ruimte en Wonen"
    assert m.date == dt.date(2024, 5, 14) and not m.date_inferred
    assert m.time == "19.30" and m.location == "Raadzaal, gemeentehuis Zuidwolde"
    assert [i.number for i in m.items] == ["1", "2", "3", "4", "5", "6"]
    assert m.item("6").title == "Sluiting"
    # a numbered list inside item 4 ("1. 80 woningen ...") is body text
    assert "80 woningen in het plan Oostrand" in m.item("4").body
    people = {a.name: a for a in m.attendees}
    assert people["mevrouw A. Bakker"].role == "voorzitter"
    assert people["de heer R. Smit"].role == "afwezig"
    assert "VVD" not in people and people["de heer J. de Vries"].as_written.endswith("(VVD)")
    # the record of a meeting has no "notes inside prepared text": decisions stay in the body
    assert m.notes == []
    assert "Besluit: het voorstel gaat als bespreekstuk" in m.item("3").body


def test_minutes_with_sub_numbered_items_and_action_table():
    m = parse_meeting(source(DATA / "werkgroep-duurzaamheid_verslag.md"))
    assert m.doc_kind == "minutes"
    assert m.series == "Werkgroep Duurzame Bedrijfsvoering"
    assert m.time == "13.00 - 14.30" and m.location == "Microsoft Teams"
    subs = [(i.number, i.parent, i.numbered) for i in m.items if i.parent]
    assert subs == [("3.1", "3", True), ("3.2", "3", True)]
    assert [i.number for i in top(m)] == ["1", "2", "3", "4", "5", "6"]
    assert "| 2 | Subsidieaanvraag zonnepanelen voorbereiden |" in m.item("5").body.replace("[gelakt 5.1.2e]", "x")
    redacted = [a for a in m.attendees if a.redacted]
    assert len(redacted) == 1 and redacted[0].name is None
    assert any(a.role == "verslag" and a.name == "Lotte van Dam" for a in m.attendees)
    assert any(a.role == "afwezig" and a.name == "Sanne de Wit" for a in m.attendees)


def test_plain_text_minutes_with_unpunctuated_numbers_and_action_list():
    m = parse_meeting(source(DATA / "verslag-bestuur-huurdersvereniging.txt"))
    assert m.date == dt.date(2023, 10, 3) and not m.date_inferred
    assert [(i.number, i.title) for i in top(m)][:5] == [
        ("1", "Opening"), ("2", "Verslag vorige vergadering"), ("3", "Huurverhoging 2024"), ("4", "Financien"),
        ("5", "Rondvraag")]
    assert [i.number for i in top(m)] == ["1", "2", "3", "4", "5"]
    # the closing action list ends item 5 and stays searchable, but is not an agenda item
    actions = m.items[-1]
    assert actions.title == "Actiepunten" and not actions.numbered and actions.parent == "5"
    assert "actielijst" in actions.kinds
    assert "Marja stuurt het negatieve advies" in actions.body
    assert "Actiepunten" not in m.item("5").body
    assert any(a.name == "Gerrit Lont" and a.role == "afwezig" for a in m.attendees)


def test_agenda_with_agendapunt_labels_and_sub_numbers():
    m = parse_meeting(source(DATA / "agenda-regionaal-platform-jeugd.md"))
    assert m.series == "Overleg Regionaal Platform Jeugdhulp"
    assert m.date == dt.date(2024, 1, 17) and m.time == "09.30 - 12.00"
    assert [i.number for i in m.items] == ["1", "2", "2.1", "2.2", "3", "3.1", "3.2", "4", "5"]
    assert m.item("3.2").parent == "3" and m.item("3.2").numbered
    assert "ter besluitvorming" in m.item("3.2").kinds
    assert m.item("3.2").attachments == ["Bijlage 3: Notitie tarieven ambulante jeugdhulp 2025"]
    assert m.item("2.1").attachments == ["Bijlage 2a: verslag 6 december 2023"]
    assert "Gunning in juli." in m.item("3.1").body  # list inside 3.1 stays body
    assert m.item("3").end >= m.item("3.2").end  # a parent's span holds its sub-items
    assert m.item("3").body == ""  # its own text (before 3.1) is empty


def test_attendee_sub_labels_roles_and_guests():
    m = parse_meeting(source(DATA / "mr-basisschool_agenda.md"))
    names = [(a.name, a.role) for a in m.attendees]
    assert ("Petra Willems", "voorzitter") in names and ("Tim Bakker", "verslag") in names
    assert ("Hanneke Vos", None) in names
    assert all(a.name != "punt 3 en 4" for a in m.attendees)
    assert "ter besluitvorming" in m.item("3").kinds  # "(ter instemming ...)"


# --------------------------------------------------------------------------- dates and series


def test_find_dates_dutch_shapes():
    cases = {
        "6 maart": (6, 3, None), "11 mrt 2024": (11, 3, 2024), "24-03-2022": (24, 3, 2022),
        "dinsdag 5 maart 2024": (5, 3, 2024), "2024-03-11": (11, 3, 2024), "8 mrt2024": (8, 3, 2024),
        "1 okt. 2023": (1, 10, 2023), "3 sept": (3, 9, None), "14/11/23": (14, 11, 2023),
    }
    for text, want in cases.items():
        found = find_dates(f"Datum: {text}, 10.30 uur")
        assert found and (found[0].day, found[0].month, found[0].year) == want, text
    assert find_dates("Tijd: 10.30 - 11.45 uur") == []


def test_year_inference_rule():
    # a past reference and a plan period: the meeting falls after the reference, inside the period
    assert infer_year(3, 6, "het besluit van 4 juli 2023; plan 2024-2028") == 2024
    # an attachment dated just before the meeting
    assert infer_year(3, 11, "Bijlage 5 8 mrt2024 tabel") == 2024
    # a written weekday settles it: donderdag 12 september is 2024, not 2025
    assert infer_year(9, 12, "begroting 2025, notulen 11 juli 2024", weekday=3) == 2024
    assert infer_year(3, 6, "geen jaartal") is None


def test_year_from_argument_and_file_name(tmp_path):
    text = "# Overleg werkgroep Archief\n\nDatum: 6 maart\n\n1. Opening\n\n2. Rondvraag\n"
    m = parse_meeting(source(text, name="overleg.md"), year=2021)
    assert m.date == dt.date(2021, 3, 6) and m.date_inferred
    m2 = parse_meeting(source(text, name="2019-03-06_overleg.md"), year=2021)
    assert m2.date == dt.date(2019, 3, 6) and m2.date_inferred
    undated = "# Overleg werkgroep Archief\n\n1. Opening\n\n2. Rondvraag\n"
    m3 = parse_meeting(source(undated, name="2022-01-31_overleg.md"))
    assert m3.date == dt.date(2022, 1, 31)
    assert filename_date("20240311-agenda.docx") == dt.date(2024, 3, 11)
    m4 = parse_meeting(source(undated, name="x.md"))
    assert m4.date is None and m4.series == "Overleg werkgroep Archief"


def test_series_normalisation():
    assert normalise_series("**Agenda Voortgangsoverleg inclusie en diversiteit 11 maart**") == \
        "Voortgangsoverleg inclusie en diversiteit"
    assert normalise_series("Verslag van de vergadering van het Dagelijks Bestuur d.d. 3 oktober 2023") == \
        "Dagelijks Bestuur"
    assert normalise_series("Notulen: bestuursvergadering 12-09-2024") == "Bestuursvergadering"
    assert normalise_series("Besluitenlijst commissie Ruimte (dinsdag 14 mei 2024)") == "Commissie Ruimte"
    assert parse_meeting(source(SEED_0306), series="Eigen reeks").series == "Eigen reeks"


def test_agenda_item_marker_variants():
    text = ("# Agenda ledenvergadering Volkstuinvereniging Ons Genoegen\n\nDatum: zaterdag 16 maart 2024\n\n"
            "Punt 1: Opening\n\nPunt 2: Jaarverslag 2023\n\nDe secretaris licht het jaarverslag toe.\n\n"
            "3) Financieel verslag en verslag kascommissie\n\n4) Verkiezing bestuursleden\n\n"
            "Aftredend en herkiesbaar: 2 leden.\n\n5) Rondvraag\n")
    m = parse_meeting(source(text, name="alv.md"))
    assert [(i.number, i.title) for i in m.items] == [
        ("1", "Opening"), ("2", "Jaarverslag 2023"), ("3", "Financieel verslag en verslag kascommissie"),
        ("4", "Verkiezing bestuursleden"), ("5", "Rondvraag")]
    assert "Aftredend en herkiesbaar" in m.item("4").body


def test_annotation_block_never_becomes_items():
    body = ("# Agenda dagelijks bestuur\n\nDatum: 2 april 2024\n\n1. Opening\n\n2. Jaarrekening 2023\n\n"
            "De accountant heeft de controle afgerond.\n\n3. Rondvraag\n")
    appended = "\n\n---\nOpmerkingen in het document:\n- Jan: 4. Besproken en akkoord\n"
    text = body + appended
    src = Source(id="x" * 64, filename="db.docx", media_type="docx", raw_text=text, body_end=len(body))
    m = parse_meeting(src)
    assert [i.number for i in m.items] == ["1", "2", "3"]
    assert m.item("3").end <= len(body)


# --------------------------------------------------------------------------- threads


def test_threads_link_same_subject_across_meetings():
    a, b = parse_meeting(source(SEED_0306)), parse_meeting(source(SEED_0311))
    threads = find_threads([b, a])
    pairs = {tuple(t.items) for t in threads}
    assert ((a.id, "5"), (b.id, "2")) in pairs  # Safe space gesprekken
    assert ((a.id, "6"), (b.id, "3")) in pairs  # Diversiteitskalender ... MO = ... Midden-Oosten
    # procedural items recur but form no thread
    assert not any(a.id == t.items[0][0] and t.items[0][1] == "1" for t in threads)
    # items of another series are never linked
    other = parse_meeting(source(SEED_0311), series="Andere reeks")
    assert find_threads([a, other]) == []


def test_besluitenlijst_as_a_table_with_explanations():
    text = ("**Gemeente Oostervaart**\n\n**Besluitenlijst vergadering college van B en W**\n\n"
            "Dinsdag 14 januari 2025, 10.00 uur, kamer van de burgemeester\n\n"
            "Aanwezig: burgemeester H. Prins (voorzitter), wethouders L. Maas en R. Öztürk, secretaris 5.1, 2, e\n\n"
            "| Nr | Onderwerp | Besluit |\n|----|-----------|---------|\n"
            "| 1 | Besluitenlijst 7 januari 2025 | Conform vastgesteld. |\n"
            "| 2 | Subsidieregeling sportverenigingen 2025 | Het college stelt de regeling vast. |\n"
            "| 3 | Beantwoording schriftelijke vragen over de N-weg | Aangehouden tot 21 januari. |\n\n"
            "**Toelichting bij punt 2**\n\nDe regeling wordt op 1 februari gepubliceerd in het Gemeenteblad.\n\n"
            "**Actielijst**\n\n- Wethouder Maas informeert de sportraad.\n")
    src = source(text, name="college.md")
    m = parse_meeting(src)
    assert m.doc_kind == "besluitenlijst" and m.series == "College van B en W"
    assert m.date == dt.date(2025, 1, 14) and m.time == "10.00"
    assert [(i.number, i.title) for i in top(m)] == [
        ("1", "Besluitenlijst 7 januari 2025"), ("2", "Subsidieregeling sportverenigingen 2025"),
        ("3", "Beantwoording schriftelijke vragen over de N-weg")]
    assert m.item("2").body == "Het college stelt de regeling vast."
    assert [(i.number, i.parent, i.numbered) for i in m.items if i.parent] == [("2.1", "2", False), ("3.1", "3", False)]
    assert "Gemeenteblad" in m.item("2.1").body
    redacted = [a for a in m.attendees if a.redacted]
    assert len(redacted) == 1 and redacted[0].role == "secretaris" and redacted[0].name is None


def test_unnumbered_plain_title_lines_are_items():
    text = ("Werkgroep Erfgoed - aantekeningen overleg\nmaandag 3 februari 2025, 14.00-15.30\n\n"
            "Aanwezig: Sara Doorn, Bas Vink, Ilona Kramer\n\n"
            "Monumentenwandeling\nDe route is klaar. Bas maakt de flyer.\n\n"
            "Open Monumentendag\nAanmeldingen lopen goed: 14 locaties.\n\n"
            "Wat verder ter tafel komt\nNiets.\n")
    m = parse_meeting(source(text, name="erfgoed.txt"))
    assert m.series == "Werkgroep Erfgoed" and m.doc_kind == "notes"
    assert [(i.number, i.numbered, i.title) for i in m.items] == [
        ("1", False, "Monumentenwandeling"), ("2", False, "Open Monumentendag"),
        ("3", False, "Wat verder ter tafel komt")]
    assert m.notes == []  # notes document: everything is the record, kept in the bodies
    assert "Bas maakt de flyer." in m.item("1").body


def test_mail_header_date_is_not_the_meeting_date():
    text = ("Onderwerp: Verslag projectteam Wijkvernieuwing 3 maart 2025\nDatum: 4 maart 2025, 08.12 uur\n"
            "Van: Anna Wit <a.wit@example.nl>\n\nBeste collega's,\n\nHieronder het verslag van ons overleg van gisteren.\n\n"
            "Verslag projectteam Wijkvernieuwing\nDatum: maandag 3 maart 2025, 13.00 - 14.00 uur\n"
            "Aanwezig: Anna Wit, Joris Bakker\n\n1. Opening\nJoris opent.\n\n2. Planning\nDe sloop start in mei.\n")
    m = parse_meeting(source(text, name="verslag.eml"))
    assert m.date == dt.date(2025, 3, 3) and m.time == "13.00 - 14.00"
    assert m.title == "Verslag projectteam Wijkvernieuwing" and m.series == "Projectteam Wijkvernieuwing"


def test_agenda_overview_before_the_items_is_header():
    text = ("# Verslag ledenraad Coöperatie Zonnedak\n\nDatum: 20 maart 2025\n\nAgenda:\n1. Opening\n"
            "2. Jaarcijfers 2024\n3. Nieuwe projecten\n4. Rondvraag\n\n## 1. Opening\n\nDe voorzitter opent om 20.00 uur.\n\n"
            "## 2. Jaarcijfers 2024\n\nDe opbrengst was 412 MWh.\n\n## 3. Nieuwe projecten\n\nHet dak van sporthal "
            "De Wissel komt in aanmerking.\n\n## 4. Rondvraag\n\nGeen vragen.\n")
    m = parse_meeting(source(text, name="ledenraad.md"))
    assert [i.number for i in m.items] == ["1", "2", "3", "4"]
    assert "412 MWh" in m.item("2").body
    assert m.item("1").start > text.index("## 1. Opening") - 1


def test_agendapunt_with_title_on_the_next_line():
    text = ("# Agenda algemeen bestuur Recreatieschap Plassengebied\n\nDatum: 2 juni 2025\n\nAgendapunt 1\nOpening\n\n"
            "Agendapunt 2\nJaarverslag 2024\n\nHet jaarverslag is bijgevoegd.\n\nAgendapunt 3\nRondvraag\n")
    src = source(text, name="ab.md")
    m = parse_meeting(src)
    assert [(i.number, i.title) for i in m.items] == [("1", "Opening"), ("2", "Jaarverslag 2024"), ("3", "Rondvraag")]
    assert src.raw_text[m.item("2").title_start:m.item("2").title_end] == "Jaarverslag 2024"
    assert m.item("2").body == "Het jaarverslag is bijgevoegd."


def test_a_term_in_the_covering_note_is_not_the_meeting_date():
    text = ("Hallo allemaal,\n\nHierbij het verslag. Opmerkingen graag vóór 2 februari naar mij.\n\n"
            "VERSLAG DORPSRAAD OUD-WESSEL\nVergadering van maandag 19-1-2026, 20.00 uur, dorpshuis\n\n"
            "Aanwezig: Jan, Trees\n\n1. Opening\nDe voorzitter opent.\n\n2. Rondvraag\nGeen vragen.\n")
    meeting = parse_meeting(source(text, name="verslag.txt"))
    assert meeting.date == dt.date(2026, 1, 19)
