"""Shapes of real minutes the rule engine reads in general: to-do lists with check boxes, tasks written without
a subject ("Nog navragen of ..."), a held "Besluit: aangehouden", Flemish council pages whose point ends in a
"Besluit" / "Stemming" block with a bare "Goedgekeurd", Flemish decision formulas, and the agenda of another
body's general assembly (a decision, not this meeting's own agenda)."""

from __future__ import annotations

from tests.conftest import extract_text as extract
from summarise.rules import analyse, detector_for



TODO = """# Overleg werkgroep dorpshuis, 4 april 2024

Aanwezig: Anna de Vries, Bert Smit, Carla Jansen

## 1. Verbouwing
Bert vraagt of de aannemer al gebeld is.
- Nog navragen of de vergunning nodig is.

## 2. Actiepunten
- [ ] Carla mailt de buren over de overlast
- [x] Anna haalt de sleutel op
"""


def test_todo_boxes_and_tasks_without_subject(settings):
    ex = extract(TODO, settings, "2024-04-04_werkgroep_notities.md")
    by_quote = {a.citation.quote: a for a in ex.actions}
    assert "Nog navragen of de vergunning nodig is." in by_quote, by_quote
    assert by_quote["Nog navragen of de vergunning nodig is."].owner is None
    carla = [a for q, a in by_quote.items() if "Carla mailt" in q]
    assert carla and carla[0].owner == "Carla" and not carla[0].citation.quote.startswith("]"), by_quote
    assert not any("sleutel" in q for q in by_quote), by_quote  # ticked off: no open action
    assert not ex.decisions


def test_bare_task_detector():
    for text in ("Nog navragen of de zaal vrij is.", "Uitzoeken wie de sleutel heeft.", "Even checken bij de gemeente."):
        assert detector_for(text, "record") == "taak zonder onderwerp", text
        hits = analyse(text, "record")
        assert [h.kind for h in hits] == ["action"] and hits[0].owner.kind == "none"
    for text in ("Uitzoeken is lastig.", "Navragen kost tijd.", "Het nagaan van de cijfers duurde lang."):
        assert not any(h.kind == "action" for h in analyse(text, "record")), text
    # a telegraphic owner still wins: "(SK)" names who does it
    assert detector_for("Uitzoeken of de gemeente het onderhoud overneemt (SK).", "record") == "telegrafisch"


def test_held_label_is_postponed_not_decided():
    assert [h.kind for h in analyse("Besluit: aangehouden tot de volgende vergadering.", "record")] == ["postponed"]
    assert [h.kind for h in analyse("Besluit: wordt aangehouden.", "record")] == ["postponed"]
    assert [h.kind for h in analyse("Besluit: conform", "record")] == ["decision"]


VLAAMS = """Notulen gemeenteraad Westerdorp, zitting van 22 april 2024

1. Aanstelling lokaal coördinator
Besluit
Goedgekeurd

2. Interpellatie over de verkeersveiligheid
Stemming
Eenparig goedgekeurd

3. Reglement op het gebruik van de sporthal
Motivering
De gemeenteraad keurde op 18 december 2023 het reglement goed.
Besluit
Artikel 1
De gemeenteraad keurt het gewijzigde reglement op het gebruik van de sporthal goed.
Stemming
Goedgekeurd

4. Algemene vergadering Farys
De agenda van de buitengewone algemene vergadering Farys ov van 29 november 2024 is eenparig goedgekeurd.
"""


def test_flemish_outcome_blocks(settings):
    ex = extract(VLAAMS, settings, "2024-04-22_gemeenteraad-westerdorp_notulen.txt")
    by_item: dict[str, list[str]] = {}
    for d in ex.decisions:
        by_item.setdefault(d.item, []).append(d.citation.quote)
    assert by_item.get("1") == ["1. Aanstelling lokaal coördinator\nBesluit\nGoedgekeurd"], by_item
    assert by_item.get("2") == ["2. Interpellatie over de verkeersveiligheid\nStemming\nEenparig goedgekeurd"], by_item
    # the article is the decision; the "Goedgekeurd" under "Stemming" repeats it; the earlier meeting's is none
    assert by_item.get("3") == ["De gemeenteraad keurt het gewijzigde reglement op het gebruik van de sporthal goed."]
    assert by_item.get("4") and "Farys" in by_item["4"][0], by_item


def test_flemish_decision_formulas():
    for text in ("De gemeenteraad beslist om de opdracht te gunnen aan firma Peeters.",
                 "De gemeenteraad hecht zijn goedkeuring aan het reglement.",
                 "De raad duidt schepen Vos aan als vertegenwoordiger.",
                 "Het college gunt de opdracht aan Wegenbouw NV.",
                 "Het ontslag wordt aanvaard.",
                 "Beslissing: de raad gaat akkoord met het reglement."):
        assert [h.kind for h in analyse(text, "record")] == ["decision"], text
    for text in ("Dat is beslist niet de bedoeling.", "Hij aanvaardt geen aansprakelijkheid.",
                 "Beslissing over de zaak der wegen."):
        assert not any(h.kind == "decision" for h in analyse(text, "record")), text


GS_LIST = """Besluitenlijst vergadering Gedeputeerde Staten, 14 januari 2025

1. Subsidieregeling vrijetijdseconomie 2025
Portefeuillehouder: gedeputeerde Kuipers
Besluit: Conform advies

2. Vaststellen besluitenlijst 7 januari 2025
Besluit: conform

3. Beantwoording schriftelijke vragen over wolven
Besluit
Conform
"""


def test_gs_besluit_under_metadata_and_paperwork(settings):
    ex = extract(GS_LIST, settings, "2025-01-14_gs_besluitenlijst.txt")
    by_item = {d.item: d.citation.quote for d in ex.decisions}
    assert by_item.get("1", "").startswith("1. Subsidieregeling") and by_item["1"].endswith("Besluit: Conform advies")
    # the adoption of the previous besluitenlijst is a decision (shared/eval/README.md), cited with its subject
    assert by_item.get("2", "").endswith("Besluit: conform"), by_item
    assert by_item.get("3", "").endswith("Besluit\nConform"), by_item


def test_decisions_reported_from_elsewhere_or_earlier():
    for text in ("Het college heeft vorige week besloten de subsidie te stoppen.",
                 "De gemeenteraad van Veenendaal heeft op 24 januari ingestemd met deze wegverbreding.",
                 "Op 10 juli 2019 hebben Provinciale Staten ingestemd met het voorstel.",
                 "In de Statenvergadering van 18 februari jl. is besloten de weg te verbreden.",
                 "Het is de bedoeling dat de raad in juni besluit."):
        assert analyse(text, "record") == [], text
    for text in ("De vergadering heeft besloten de contributie te verhogen.",
                 "Er is besloten de brief op 3 april te versturen.",
                 "De subsidie voor het jubileum op 3 mei 2025 is met eenparigheid van stemmen goedgekeurd."):
        assert [h.kind for h in analyse(text, "record")] == ["decision"], text


def test_checking_with_somebody_is_a_task_polling_the_meeting_is_not():
    assert [h.owner.text for h in analyse("Kees checkt bij de gemeente of de vergunning nodig is.", "record")] == ["Kees"]
    assert analyse("Claudia checkt of iedereen akkoord is.", "record") == []


def test_narrative_tasks():
    for text, owner in (("Janneke schrijft ze in.", "Janneke"),
                        ("Janneke bewaart het bij de rest van de documenten.", "Janneke"),
                        ("Wederom communiceren naar de trainers dat de doelen weg moeten.", None),
                        ("Daarna zal deze functionaliteit in de komende week naar de productieomgeving gebracht worden.",
                         None)):
        hits = [h for h in analyse(text, "record") if h.kind == "action"]
        assert hits and hits[0].owner.text == owner, (text, hits)
    assert not any(h.kind == "action" for h in analyse("Hij schrijft in het verslag dat het goed ging.", "record")
                   if h.owner.text)


def test_next_meeting_with_a_name_between():
    from summarise.dates import refers_to_next_meeting
    assert refers_to_next_meeting("Kadaster zal volgende FAB overleg een demo geven.")
    assert refers_to_next_meeting("op de volgende vergadering")
    assert not refers_to_next_meeting("volgende week")


def test_possibility_is_no_decision():
    for text in ("Daar kan eventueel later een ander besluit over worden genomen.",
                 "Amsterdam kan ook kiezen voor een eigen applicatie."):
        assert analyse(text, "record") == [], text
    assert [h.kind for h in analyse("De vergadering kiest voor variant 2.", "record")] == ["decision"]


def test_wrapped_adoption_of_another_bodys_agenda_is_a_decision(settings):
    text = ("Besluitenlijst gemeenteraad Westerdorp, 28 oktober 2024\n\n"
            "5. Algemeen bestuur: Creat Services dv. Buitengewone algemene vergadering op 26 november 2024. Goedkeuring.\n\n"
            "De agenda van de buitengewone algemene vergadering Creat Services dv van 26 november 2024 is eenparig \n"
            "goedgekeurd.\n")
    ex = extract(text, settings, "2024-10-28_gemeenteraad-westerdorp_besluitenlijst.txt")
    assert any("Creat Services dv van 26 november 2024 is eenparig" in d.citation.quote for d in ex.decisions), \
        [d.citation.quote for d in ex.decisions]
