"""Bare outcome labels of besluitenlijsten ("Aangenomen", "Gevolg: goedgekeurd") and PDF-wrapped sentences:
the decision is the subject next to the label, cited with it; a label that repeats the sentence before it, a
rejected or withdrawn subject and a label with nothing next to it record no decision."""

from __future__ import annotations

from ingest.loaders import load_document
from ingest.parser import parse_meeting
from summarise.extract import rule_extract
from summarise.extract.outcomes import join_wrapped, outcome_kind
from summarise.rules import split_clauses


def extract(text: str, settings, name: str = "2025-02-13_gemeenteraad_besluitenlijst.txt"):
    source = load_document(name, text.encode("utf-8"), settings=settings)
    meeting = parse_meeting(source)
    ex = rule_extract(meeting, {source.id: source})
    return source, meeting, ex


def test_outcome_kind_reads_labels_only():
    assert outcome_kind("Aangenomen") == "adopted"
    assert outcome_kind("Gevolg: goedgekeurd") == "adopted"
    assert outcome_kind("Unaniem aangenomen.") == "adopted"
    assert outcome_kind("Aangenomen met 30 stemmen voor en 9 tegen") == "adopted"
    assert outcome_kind("Verworpen") == "rejected"
    assert outcome_kind("Ingetrokken") == "rejected"
    assert outcome_kind("Aangehouden") == "held"
    assert outcome_kind("Niet in stemming gebracht") == "held"
    # a sentence is more than a label
    assert outcome_kind("De motie is aangenomen met 30 stemmen voor.") is None
    assert outcome_kind("Het voorstel wordt verworpen omdat de dekking ontbreekt.") is None


BESLUITENLIJST = """Besluitenlijst gemeenteraad 13 februari 2025

1. Opening

2. Voorstellen

E.1  Voorstel van het college inzake Verordening afvalstoffenheffing 2025 (RIS321001)

Aangenomen

E.2  Voorstel van het college inzake Nota parkeernormen binnenstad (RIS321002)

Verworpen

Motie M.3 Meer bankjes in het park

Ingetrokken

Motie M.4 Een speeltuin aan de Dorpsstraat

Aangehouden
"""


def test_bare_label_cites_its_subject_line(settings):
    source, meeting, ex = extract(BESLUITENLIJST, settings)
    quotes = [d.citation.quote for d in ex.decisions]
    assert len(quotes) == 1, quotes
    assert quotes[0].startswith("E.1  Voorstel van het college inzake Verordening afvalstoffenheffing")
    assert quotes[0].endswith("Aangenomen")
    assert source.raw_text[ex.decisions[0].citation.start:ex.decisions[0].citation.end] == quotes[0]
    # rejected and withdrawn subjects decide nothing; the title line is no decision
    assert not any("parkeernormen" in q or "bankjes" in q or "Besluitenlijst" in q for q in quotes)


def test_label_after_decision_sentence_adds_nothing(settings):
    text = ("Notulen gemeenteraad 15 april 2024\n\n1. Reglement sporthal\n\n"
            "De Gemeenteraad keurt het gewijzigde huishoudelijk reglement voor het gebruik van de gemeentelijke "
            "sporthal en de aanpalende vergaderzalen door verenigingen en scholen goed.\n\nGoedgekeurd\n\n"
            "2. Varia\n\nGeen punten.\n")
    _source, _meeting, ex = extract(text, settings, "2024-04-15_gemeenteraad_notulen.txt")
    quotes = [d.citation.quote for d in ex.decisions]
    assert len(quotes) == 1, quotes
    assert quotes[0].startswith("De Gemeenteraad keurt") and quotes[0].endswith("goed.")


def test_label_with_nothing_next_to_it_is_no_decision(settings):
    text = "Besluitenlijst raad 1 maart 2025\n\nBesluit\n\nConform\n\nConform\n"
    _source, _meeting, ex = extract(text, settings, "2025-03-01_raad_besluitenlijst.txt")
    assert ex.decisions == []


def test_join_wrapped_rejoins_a_pdf_sentence_but_not_list_lines():
    raw = ("Met eenparigheid van stemmen adviseert de raad de jaarrekening 2023 van de kerkfabriek OLV Geboorte \n"
           "Nazareth positief.\n")
    spans = join_wrapped(raw, split_clauses(raw, 0, len(raw)))
    assert [raw[a:b] for a, b in spans] == [raw.strip()]
    listed = ("→ Bestuur: aanvraag lening indienen bij de gemeente, binnen vier weken na vandaag\n"
              "→ Henk: drie offertes opvragen voor de aanleg, in januari\n")
    assert len(join_wrapped(listed, split_clauses(listed, 0, len(listed)))) == 2
    short = "Aanwezig: Peter\nAfwezig: Jan\n"
    assert len(join_wrapped(short, split_clauses(short, 0, len(short)))) == 2


OVERVIEW = """Notulen gemeenteraad 15 april 2024

## Agendapunten
1. Goedkeuren verslag vorige zitting.
De Gemeenteraad keurt de notulen van de vorige zitting goed.
2. Reglement sporthal.
De Gemeenteraad keurt het tijdelijk retributiereglement voor randactiviteiten in de sporthal en de aanpalende zalen goed.
3. Vertegenwoordiging intercommunale.
Schepen An Peeters is aangeduid als vertegenwoordiger en raadslid Jan Claes als plaatsvervanger.

## 1. Goedkeuren verslag vorige zitting.
### Stemming
Totaal: 24
Goedgekeurd
## 2. Reglement sporthal.
### Stemming
Totaal: 24
Goedgekeurd
## 3. Vertegenwoordiging intercommunale.
### Stemming
Totaal: 24
Goedgekeurd
"""


def test_overview_before_the_items_is_read_and_vote_totals_are_no_subject(settings):
    _source, meeting, ex = extract(OVERVIEW, settings, "2024-04-15_gemeenteraad_notulen.md")
    assert len(meeting.items) >= 3
    quotes = [d.citation.quote for d in ex.decisions]
    assert any(q.startswith("De Gemeenteraad keurt het tijdelijk retributiereglement") for q in quotes), quotes
    assert any(q.startswith("Schepen An Peeters is aangeduid als vertegenwoordiger") for q in quotes), quotes
    # "Totaal: 24" is no subject of the "Goedgekeurd" below it
    assert not any(q.strip().endswith("Goedgekeurd") for q in quotes), quotes


DETACHED = """Besluitenlijst raad 13 februari 2025

Punt   Omschrijving

H

Voorstel van het college inzake herinrichting Stationsplein (RIS320293)

321221  Motie H.1 SP Bewaar de bomen op het plein

321222  Motie H.2 VVD Meer fietsparkeerplekken

321223  Motie H.3 PVV Autoverkeer linksaf toestaan

Voorstel van het college inzake herinrichting Stationsplein

Aangenomen

Verworpen

Aangehouden

Aangenomen

J

321230  Motie J.1 CDA Een bankje bij de halte

321231  Motie J.2 GL Een boom bij de halte

Aangenomen
"""


def test_detached_besluit_column_is_paired_with_its_rows(settings):
    source, meeting, ex = extract(DETACHED, settings, "2025-02-13_raad_besluitenlijst.txt")
    quotes = sorted(d.citation.quote for d in ex.decisions)
    # H.1 and the proposal (the second, voted title; the first heads the block) adopted, H.2 rejected, H.3 held
    assert "321221  Motie H.1 SP Bewaar de bomen op het plein" in quotes
    assert "Voorstel van het college inzake herinrichting Stationsplein" in quotes
    assert not any("H.2" in q or "H.3" in q or "(RIS320293)" in q for q in quotes), quotes
    # one value right under the last of two subjects is that row's value; the row above has none
    assert any(q.startswith("321231  Motie J.2") and q.endswith("Aangenomen") for q in quotes), quotes
    assert not any("J.1" in q for q in quotes), quotes
    assert len(quotes) == 3, quotes
    for d in ex.decisions:
        assert source.raw_text[d.citation.start:d.citation.end] == d.citation.quote


COLLEGE_ADVIEZEN = """Besluitenlijst B&W 4 juni 2024

1. Opening

2. B&W-adviezen:

 • Z24.001234 Verkoop strook grond aan de Kerkweg. Wethouder Jansen. Akkoord.
 • Z24.001240 Subsidieregeling dorpshuizen 2025. Burgemeester De Vries. Akkoord, gewijzigd besloten (termijn verlengd tot 1 oktober).
 • Z24.001251 Nota parkeren centrum. Wethouder Jansen. Aangehouden.
"""


def test_college_advice_line_cites_its_subject_with_the_portefeuillehouder(settings):
    """"<zaaknummer> <onderwerp>. <Portefeuillehouder>. Akkoord.": the clause before the label names only who brought
    the advice; the subject is the line, cited whole, also where the outcome carries a qualifier after a comma."""
    source, _meeting, ex = extract(COLLEGE_ADVIEZEN, settings, "2024-06-04_college-bw_besluitenlijst.txt")
    quotes = [d.citation.quote for d in ex.decisions]
    assert len(quotes) == 2, quotes
    assert quotes[0].startswith("• Z24.001234 Verkoop strook grond") and quotes[0].endswith("Wethouder Jansen. Akkoord.")
    assert quotes[1].startswith("• Z24.001240 Subsidieregeling") and quotes[1].endswith("verlengd tot 1 oktober).")
    assert not any("parkeren" in q for q in quotes)  # held over, no decision
    for d in ex.decisions:
        assert source.raw_text[d.citation.start:d.citation.end] == d.citation.quote


def test_qualified_outcome_without_a_subject_is_read_as_a_sentence(settings):
    text = ("Notulen bestuur 4 juni 2024\n\n1. Jaarrekening\n\nDe penningmeester licht de jaarrekening toe en "
            "beantwoordt de vragen van de leden over de reserves en de kosten van het onderhoud van het clubhuis.\n\n"
            "Akkoord, met dank aan de penningmeester.\n")
    _source, _meeting, ex = extract(text, settings, "2024-06-04_bestuur_notulen.txt")
    assert len(ex.decisions) == 1
    assert ex.decisions[0].citation.quote.endswith("Akkoord, met dank aan de penningmeester.")
