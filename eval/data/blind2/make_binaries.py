"""Regenerate the binary document of the blind2 set (a Word verslag of a Statencommissie with Heading
styles and a closing Toezeggingen list). The generated file is committed; this script is only needed to
change it.

    .venv/bin/python eval/data/blind2/make_binaries.py      # needs python-docx (project dependency)
"""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parent / "docs"
DOCX_NAME = "2024-10-02_statencommissie-mobiliteit-en-economie-noordmeer_verslag.docx"


def make_statencommissie(path: Path) -> None:
    import docx

    document = docx.Document()
    core = document.core_properties
    core.author, core.title = "Statengriffie Noordmeer", "Verslag Statencommissie Mobiliteit en Economie 2 oktober 2024"
    document.add_heading("Verslag Statencommissie Mobiliteit en Economie", level=1)
    for line in (
        "Provincie Noordmeer",
        "Vergadering van woensdag 2 oktober 2024, 13.30 - 17.15 uur, Statenzaal, provinciehuis Zwaagstad",
        "Aanwezig: mevrouw J.M. Hoekstra (voorzitter), de leden Van der Wal (BBB), Ateş (GroenLinks-PvdA), "
        "Kuipers (VVD), De Boer (CDA), Smeenk (PVV), Brouwer (D66), Veenstra (Partij voor de Dieren)",
        "Namens Gedeputeerde Staten: gedeputeerde H. van Leeuwen (Mobiliteit), gedeputeerde S. Bakker-Nauta (Economie)",
        "Commissiegriffier: mevrouw E. Dijkman",
        "Afwezig met bericht: het lid Terpstra (JA21)",
    ):
        document.add_paragraph(line)

    body = [
        ("1. Opening en mededelingen", [
            "De voorzitter opent de vergadering om 13.32 uur en heet de aanwezigen welkom.",
            "Gedeputeerde Van Leeuwen meldt dat de openstelling van de fietsbrug over het Spaarndiep twee weken later "
            "plaatsvindt dan gepland, door een langere levertijd van de stalen liggers.",
        ]),
        ("2. Vaststelling verslag commissievergadering 11 september 2024", [
            "Het verslag wordt ongewijzigd vastgesteld.",
        ]),
        ("3. Statenvoorstel Regionaal Mobiliteitsprogramma 2025-2030", [
            "Gedeputeerde Van Leeuwen licht het voorstel toe. Het programma omvat 38 projecten met een totale investering "
            "van € 214 miljoen, waarvan 40 procent bestemd is voor fiets en openbaar vervoer.",
            "De fracties van GroenLinks-PvdA en Partij voor de Dieren pleiten voor een groter aandeel voor de fiets. De "
            "fractie van BBB vraagt aandacht voor de bereikbaarheid van de kleine kernen en voor de veiligheid van "
            "landbouwverkeer op de provinciale wegen. De fractie van de VVD vraagt hoe de provincie omgaat met de "
            "kostenstijgingen in de bouw; de gedeputeerde antwoordt dat de projectbudgetten jaarlijks worden "
            "geïndexeerd en dat er een risicoreserve van € 12 miljoen is.",
            "Gedeputeerde Van Leeuwen zegt toe een overzicht te sturen van de projecten in kernen met minder dan "
            "5.000 inwoners.",
            "Op verzoek van de fractie van de VVD organiseert de commissiegriffier een technische sessie over de "
            "indexering van de projectbudgetten, vóór de Statenvergadering.",
            "Conclusie: het voorstel wordt als bespreekstuk geagendeerd voor de Statenvergadering van 23 oktober 2024.",
        ]),
        ("4. Statenvoorstel wijziging Subsidieregeling MKB-innovatie Noordmeer", [
            "De wijziging verhoogt het maximale subsidiebedrag per project van € 50.000 naar € 75.000 en verlengt de "
            "looptijd van de regeling tot en met 2026. Gedeputeerde Bakker-Nauta beantwoordt een vraag van de fractie "
            "van D66: de verhoging wordt gedekt uit de onderuitputting van 2023.",
            "Conclusie: het voorstel kan als hamerstuk naar Provinciale Staten.",
        ]),
        ("5. Informatienota evaluatie proef vraagafhankelijk vervoer Westhoek", [
            "Gedeputeerde Van Leeuwen licht de evaluatie toe. In het eerste jaar maakten 4.300 reizigers gebruik van de "
            "belbus; de gemiddelde bezetting was 1,8 reiziger per rit. De fractie van het CDA vraagt of de proef kan "
            "worden uitgebreid naar de Oosthoek.",
            "Gedeputeerde Van Leeuwen zegt toe de commissie te informeren over de mogelijkheden om de proef uit te "
            "breiden naar de Oosthoek.",
            "Conclusie: de commissie heeft zich voldoende laten informeren; de informatienota wordt niet "
            "doorgeleid naar Provinciale Staten.",
        ]),
        ("6. Brief GS over de reconstructie N361 Zwaagdijk – Oudebrug", [
            "Op verzoek van de fractie van BBB, die eerst het gesprek van GS met de aanwonenden wil afwachten, wordt dit "
            "agendapunt aangehouden tot de commissievergadering van 6 november 2024.",
        ]),
        ("7. Rondvraag", [
            "Het lid Veenstra vraagt naar de stand van zaken van de faunapassages langs de N361. Gedeputeerde Van "
            "Leeuwen antwoordt dat twee van de vier passages gereed zijn en zegt toe de commissie schriftelijk te "
            "informeren over de planning van de andere twee.",
            "Het lid Kuipers vraagt of de provincie al in gesprek is met de gemeente Zwaagstad over de herontwikkeling "
            "van het stationsgebied. Gedeputeerde Bakker-Nauta bevestigt dit; op 14 oktober vindt een bestuurlijk "
            "overleg plaats.",
        ]),
        ("8. Sluiting", [
            "De voorzitter sluit de vergadering om 17.12 uur.",
        ]),
    ]
    for title, paragraphs in body:
        document.add_heading(title, level=2)
        for text in paragraphs:
            document.add_paragraph(text)

    document.add_heading("Toezeggingen", level=2)
    for text in (
        "TZ-2024-41 Gedeputeerde Van Leeuwen stuurt de commissie een overzicht van de projecten uit het Regionaal "
        "Mobiliteitsprogramma in kernen met minder dan 5.000 inwoners. Termijn: vóór de Statenvergadering van "
        "23 oktober 2024.",
        "TZ-2024-42 Gedeputeerde Van Leeuwen informeert de commissie over de mogelijkheden om de proef "
        "vraagafhankelijk vervoer uit te breiden naar de Oosthoek. Termijn: eerste kwartaal 2025.",
        "TZ-2024-43 Gedeputeerde Van Leeuwen informeert de commissie schriftelijk over de planning van de resterende "
        "faunapassages langs de N361. Termijn: vóór de commissievergadering van 6 november 2024.",
    ):
        document.add_paragraph(text, style="List Bullet")
    document.save(path)


if __name__ == "__main__":
    make_statencommissie(DOCS / DOCX_NAME)
    print("written:", DOCS / DOCX_NAME)
