"""Decision blocks of council and GS pages: a Flemish point's "Beslissing / Artikel 1." (the first article
decides, the motivation before it and the executing articles after it do not), a GS "BESLUIT: / Gedeputeerde
Staten besluiten: 1. ...; 2. ..." (the summary before it reports other bodies and earlier meetings), a
Besluit-column table before the first heading, a table of contents, an agenda's proposed "Besluit:", a
toezeggingen table with a Portefeuillehouder column, and a common noun that opens a title as no owner."""

from __future__ import annotations

from tests.conftest import extract_text as extract



FLEMISH = """# Gemeenteraad
###### Zitting van donderdag 23 mei 2024
## Inhoud
1. Algemene vergadering Westlede: goedkeuring agenda
2. Goedkeuring participatiebeleid
3. Aanvullend reglement Kerkstraat
## 1.Algemene vergadering Westlede: goedkeuring agenda
#### Toelichting
De gemeenteraad keurde op 21 februari 2019 de vertegenwoordigers goed.
Een afschrift van dit besluit zal worden gericht aan IGS Westlede tegen uiterlijk 4 juni 2024.
#### Beslissing
Artikel 1. Goedkeuring wordt verleend aan de agenda van de algemene vergadering van Westlede van 11 juni 2024:
1. Goedkeuring jaarrekening 2023
Artikel 2. Volmacht wordt verleend in uitvoering van deze gemeenteraadsbeslissing aan de vertegenwoordiger.
#### Stemmingen
goedgekeurd
## 2.Goedkeuring participatiebeleid
#### Beslissing
INLEIDING
Artikel 1.
Dit participatiebeleid geeft weer hoe de burger kan deelnemen. Het werd goedgekeurd op 24 oktober 2019.
Artikel 2.
We organiseren netwerkmomenten rond verschillende domeinen.
## 3.Aanvullend reglement Kerkstraat
#### Beslissing
Artikel 1.
In de Kerkstraat wordt een zone 30 ingevoerd.
#### Stemmingen
verworpen
"""


def test_flemish_article_block(settings):
    ex = extract(FLEMISH, settings, "2024-05-23_gemeenteraad-westerdorp_notulen.md")
    quotes = [d.citation.quote for d in ex.decisions]
    assert quotes == ["Goedkeuring wordt verleend aan de agenda van de algemene vergadering van Westlede van 11 juni "
                      "2024:"], quotes
    assert not ex.actions, [a.citation.quote for a in ex.actions]  # motivation and the regulation's text: no tasks


GS = """Openbaar verslag vergadering GS Utrecht 02-04-2019

04 Veenendaal N233/Rondweg-oost

SAMENVATTING: In de Statenvergadering van 18 februari jl. is besloten om de N233 te verbreden. De gemeenteraad van Veenendaal heeft eerder ingestemd met deze wegverbreding.

BESLUIT:

Gedeputeerde Staten besluiten:

 1. de overeenkomst over de wegverbreding vast te stellen;
 2. de statenbrief vast te stellen en ter informatie toe te zenden aan Provinciale Staten.

05 Erfgoed Deal

SAMENVATTING: Met de indiening moet een besluit van het college worden meegestuurd. BESLUIT: Gedeputeerde Staten besluiten: 1. het project in te dienen voor de Erfgoed Deal; 2. het matchingsbedrag van € 525.000,- te reserveren; 3. bijgevoegde statenmemo te versturen naar PS.
"""


def test_gs_besluit_block_and_inline_beslispunten(settings):
    ex = extract(GS, settings, "2019-04-02_gs-utrecht_openbaar-verslag.txt")
    quotes = [d.citation.quote for d in ex.decisions]
    assert not any("Statenvergadering" in q or "Veenendaal heeft" in q or "meegestuurd" in q for q in quotes), quotes
    assert "de overeenkomst over de wegverbreding vast te stellen;" in quotes, quotes  # after a blank line: alone
    assert "het matchingsbedrag van € 525.000,- te reserveren;" in quotes, quotes
    assert "bijgevoegde statenmemo te versturen naar PS." in quotes, quotes
    assert any(q.endswith("1. het project in te dienen voor de Erfgoed Deal;") for q in quotes), quotes
    assert len(quotes) == 5, quotes


COLLEGE = """# Besluitenlijst college van burgemeester en wethouders, 9 april 2024

| Nr | Onderwerp | Portefeuillehouder | Besluit |
|---|---|---|---|
| 1 | Subsidie dorpshuis De Schakel | Jansen | Conform |
| 2 | Verordening parkeerbelasting | Jansen | Aangehouden |
| 3 | Zienswijze energiestrategie | De Vries | Vastgesteld |

## Overige besluiten

**4. Toezeggingen**

| Nr | Toezegging | Portefeuillehouder | Termijn |
|---|---|---|---|
| T1 | Notitie parkeren aan de raad | wethouder De Boer | 1 juli 2024 |
"""


def test_decision_table_before_the_first_heading(settings):
    ex = extract(COLLEGE, settings, "2024-04-09_college-b-en-w_besluitenlijst.md")
    quotes = [d.citation.quote for d in ex.decisions]
    assert any("Subsidie dorpshuis" in q for q in quotes) and any("energiestrategie" in q for q in quotes), quotes
    assert not any("parkeerbelasting" in q or "Overige besluiten" in q for q in quotes), quotes  # held; a heading
    assert [(a.owner, a.due_date.isoformat() if a.due_date else None) for a in ex.actions] == \
        [("wethouder De Boer", "2024-07-01")], [a.citation.quote for a in ex.actions]


AGENDA = """Agenda algemeen bestuur waterschap, 5 december 2007

1. Opening

2. Notulen en besluitenlijst van 3 oktober
Besluit: het algemeen bestuur stelt de notulen en de besluitenlijst vast.

3. Projectplan Vossenbergsevaart
Besluit: het algemeen bestuur stemt in met het projectplan.
"""


def test_agenda_proposed_besluit_is_no_decision(settings):
    ex = extract(AGENDA, settings, "2007-12-05_ab-waterschap_agenda.txt")
    assert not ex.decisions, [d.citation.quote for d in ex.decisions]


def test_common_noun_opening_a_title_is_no_owner(settings):
    text = ("Verslag werkgroep, 3 juni 2024\n\n1. Stand van zaken\nGoedkeuring notulen gemeenteraad 18 april 2024\n"
            "Goedkeuring volgt in september.\nHet college wordt gevraagd een notitie op te stellen.\n")
    ex = extract(text, settings, "2024-06-03_werkgroep_verslag.txt")
    assert all(a.owner != "Goedkeuring" for a in ex.actions), [(a.owner, a.citation.quote) for a in ex.actions]
    asked = [a for a in ex.actions if "notitie" in a.citation.quote]
    assert asked and asked[0].owner == "college", [(a.owner, a.citation.quote) for a in ex.actions]


MINUTES = """Notulen MR basisschool, 25 maart 2013

1. Opening en agenda
Met inachtneming hiervan wordt de agenda ongewijzigd vastgesteld.
Voor wat betreft de agenda deelt Anna mee, dat zij een opmerking wil maken bij het geagendeerde hamerstuk.

2. Rapportage
In het overleg DB MR is daarom afgesproken om de definitieve rapportage niet naar de MR-leden te sturen. Dit is akkoord.
Wouter zal ingaan op de stand van zaken van de stichting.

3. Verslag
Gedeputeerde Bruins Slot vraagt of het juiste beslispunt is opgenomen. Dit wordt nagegaan door de bestuurssecretaris.

4. Participatie
Het bestuur besluit:

 1. de richtlijn in concept vast te stellen;
 2. de secretaris opdracht te geven zorg te dragen voor de uitvoering voor uiterlijk 1 juli 2013.
"""


def test_minutes_forms(settings):
    ex = extract(MINUTES, settings, "2013-03-25_mr-basisschool_notulen.txt")
    decisions = [d.citation.quote for d in ex.decisions]
    actions = {a.citation.quote: a for a in ex.actions}
    assert not any("agenda" in q or "hamerstuk" in q for q in decisions), decisions  # own agenda; a mention
    assert "In het overleg DB MR is daarom afgesproken om de definitieve rapportage niet naar de MR-leden te sturen. " \
           "Dit is akkoord." in decisions, decisions
    assert not any("rapportage" in q or "Wouter" in q for q in actions), list(actions)
    asked = "Gedeputeerde Bruins Slot vraagt of het juiste beslispunt is opgenomen. Dit wordt nagegaan door de " \
            "bestuurssecretaris."
    assert asked in actions and actions[asked].owner == "bestuurssecretaris", list(actions)
    charged = [a for q, a in actions.items() if "opdracht te geven" in q]
    assert charged and charged[0].owner == "secretaris" and charged[0].due_date.isoformat() == "2013-07-01"
    assert any("opdracht te geven" in q for q in decisions) and any("in concept vast te stellen" in q for q in decisions)
