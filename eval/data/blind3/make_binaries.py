"""Regenerate the binary document of the blind3 set (Word notulen of a GMR with Heading styles and an
action table Nr / Actie / Wie / Datum). The generated file is committed; this script is only needed to
change it.

    .venv/bin/python eval/data/blind3/make_binaries.py      # needs python-docx (project dependency)
"""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parent / "docs"
DOCX_NAME = "2026-01-21_gmr-stichting-primair-onderwijs-de-zeven-linden_notulen.docx"
EML_NAME = "2026-01-19_dorpsraad-oud-wesselo_verslag.eml"


def make_gmr(path: Path) -> None:
    import docx

    document = docx.Document()
    core = document.core_properties
    core.author, core.title = "M. Lok", "Notulen GMR 21 januari 2026"
    document.add_heading("Notulen vergadering Gemeenschappelijke Medezeggenschapsraad", level=0)
    for line in (
        "Stichting Primair Onderwijs De Zeven Linden",
        "Datum: woensdag 21 januari 2026, 19.30 - 21.45 uur",
        "Locatie: bestuursbureau, Lindelaan 4, Eerbeekveen",
        "Oudergeleding: Sandra Wevers (voorzitter), Bart Hogenkamp, Yasmina El Idrissi",
        "Personeelsgeleding: Roel Bakker (secretaris), Anouk Verbeek, Ellen Tromp",
        "Bestuurder: Karin Arslan (bij de punten 1 tot en met 5)",
        "Notulen: Mirjam Lok (ambtelijk secretaris)",
        "Afwezig: Dennis Koopman (oudergeleding, met bericht)",
    ):
        document.add_paragraph(line)

    body = [
        ("Agendapunt 1 – Opening en mededelingen", [
            "Sandra opent de vergadering om 19.32 uur.",
            "De bestuurder meldt dat OBS De Klimop per 1 februari een nieuwe directeur heeft: Femke Jansma, nu "
            "adjunct-directeur op De Vlonder. De benoeming is in december met de MR van De Klimop besproken.",
            "Het leerlingenaantal op 1 oktober 2025 was 2.846, een daling van 1,9 procent ten opzichte van 2024.",
        ]),
        ("Agendapunt 2 – Notulen 26 november 2025 en actielijst", [
            "De notulen worden met een tekstuele aanpassing vastgesteld.",
            "Actie 2025-14 (jaarverslag GMR op de website) is gereed. Actie 2025-16 (enquête ouderbetrokkenheid) "
            "staat nog open; Yasmina heeft de vragenlijst klaar maar wacht op de privacytoets.",
        ]),
        ("Agendapunt 3 – Begroting 2026 en meerjarenbegroting 2026-2030", [
            "De bestuurder licht de begroting toe. De begroting 2026 sluit met een tekort van € 186.000, dat wordt "
            "gedekt uit de algemene reserve. Vanaf 2028 is de meerjarenbegroting weer sluitend, mede door een lagere "
            "inzet van inhuur bij vervanging.",
            "Ellen vraagt hoe de werkdrukmiddelen over de scholen worden verdeeld. De bestuurder antwoordt dat de "
            "verdeling per school verschilt en zegt toe een overzicht van de besteding per school te sturen.",
            "Na beantwoording van de vragen wordt instemming verleend met de hoofdlijnen van de begroting 2026.",
            "Over de meerjarenbegroting 2026-2030 wordt positief advies uitgebracht, met het verzoek om in de "
            "bestuursrapportage van juni een actuele prognose van de leerlingenaantallen op te nemen.",
        ]),
        ("Agendapunt 4 – Bestuursformatieplan 2026-2027", [
            "Het bestuursformatieplan ligt ter instemming voor bij de personeelsgeleding. De PGMR heeft nog vragen "
            "over de inzet van onderwijsassistenten en over de bovenschoolse invalpool.",
            "De PGMR houdt haar besluit aan tot de vergadering van 11 maart 2026.",
            "Roel bundelt de vragen van de PGMR en stuurt ze naar de bestuurder.",
        ]),
        ("Agendapunt 5 – Klachtenregeling en externe vertrouwenspersoon", [
            "De klachtenregeling is geactualiseerd: klachten over ongewenst gedrag kunnen voortaan ook rechtstreeks "
            "bij de externe vertrouwenspersoon worden gemeld.",
            "Instemming verleend met de gewijzigde klachtenregeling.",
            "Advies uitgebracht: de GMR adviseert positief over de benoeming van Bureau Vertrouwd als externe "
            "vertrouwenspersoon per 1 maart 2026.",
            "De ambtelijk secretaris verstuurt de brief met de instemming en het advies.",
        ]),
        ("Agendapunt 6 – Jaarplanning en scholing GMR", [
            "Meerdere leden geven aan behoefte te hebben aan kennis over de nieuwe WMS-regels.",
            "De GMR besluit in het voorjaar een scholingsavond over de WMS te houden, samen met de MR-en van de "
            "scholen. Anouk vraagt een offerte op bij de VOO.",
        ]),
        ("Agendapunt 7 – Rondvraag", [
            "Bart vraagt naar de verkeersveiligheid bij de nieuwe schoolingang van De Klimop aan de Beukenweg. "
            "De bestuurder bespreekt dit met de gemeente en koppelt terug.",
            "Ellen meldt dat de PGMR-leden van De Vlonder en De Wiekslag per augustus aftreden; er komen "
            "verkiezingen in mei.",
        ]),
        ("Agendapunt 8 – Sluiting", [
            "Sandra sluit de vergadering om 21.41 uur. De volgende vergadering is op woensdag 11 maart 2026.",
        ]),
    ]
    for title, paragraphs in body:
        document.add_heading(title, level=1)
        for text in paragraphs:
            document.add_paragraph(text)

    document.add_heading("Actielijst", level=1)
    rows = [
        ("Nr", "Actie", "Wie", "Datum"),
        ("2025-14", "Jaarverslag GMR 2024-2025 op de website plaatsen", "Roel", "gereed"),
        ("2025-16", "Enquête ouderbetrokkenheid uitzetten onder de MR-en", "Yasmina", "1 maart 2026"),
        ("2026-01", "Overzicht besteding werkdrukmiddelen per school sturen", "bestuurder", "11 maart 2026"),
        ("2026-02", "Vragen PGMR over het bestuursformatieplan bundelen en naar de bestuurder sturen", "Roel",
         "6 februari 2026"),
        ("2026-03", "Brief instemming klachtenregeling en advies vertrouwenspersoon versturen",
         "ambtelijk secretaris", "28 januari 2026"),
        ("2026-04", "Offerte scholingsavond WMS opvragen bij de VOO", "Anouk", "18 februari 2026"),
        ("2026-05", "Verkeerssituatie schoolingang De Klimop bespreken met de gemeente", "bestuurder",
         "volgende vergadering"),
    ]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(path)


DORPSRAAD_BODY = """\
Hallo allemaal,

Hierbij het verslag van de dorpsraadvergadering van afgelopen maandag. Opmerkingen graag vóór 2 februari naar mij, dan kan het verslag op de website.

Groeten,
Trees


VERSLAG DORPSRAAD OUD-WESSELO
Vergadering van maandag 19-1-2026, 20.00 uur, dorpshuis De Spieker

Aanwezig: Jan Kuipers (JK, voorzitter), Trees Wolters (TW, secretaris), Hendrik-Jan Beltman (HJB, penningmeester), Gea Nijenhuis (GN), Rik Stegeman (RS)
Gemeente Regge en Dinkel: Esther Morsink, dorpencoördinator (EM)
Verder: 9 inwoners
Afwezig: Wim Hesselink (WH), met kennisgeving

1. Opening en mededelingen
JK opent om 20.02 uur. De snoeiwerkzaamheden langs de Esweg zijn klaar. De nieuwjaarsbijeenkomst trok ruim 120 bezoekers.

2. Verslag 17 november 2025
Vastgesteld. Naar aanleiding van: de AED bij de basisschool hangt er inmiddels, de actie van HJB is daarmee afgerond.

3. Verduurzaming dorpshuis De Spieker
Het bestuur van De Spieker wil 24 zonnepanelen op het dak van de grote zaal leggen. Totale kosten € 19.800; de provincie subsidieert 40 procent. De stichting vraagt de dorpsraad om een bijdrage.
De dorpsraad besluit € 3.500 bij te dragen uit de reserve, op voorwaarde dat de subsidie van de provincie wordt toegekend.
Actie HJB: bijdrage overmaken aan Stichting De Spieker na ontvangst van de subsidiebeschikking.

4. Sluipverkeer Wesseloseweg
Sinds de afsluiting van de N-weg bij Hoge Hexel rijdt er veel meer vrachtverkeer door het dorp. Inwoners maken zich zorgen over de schoolroute. EM meldt dat de afsluiting nog zeker tot de zomer duurt.
Afgesproken wordt dat de dorpsraad de gemeente formeel vraagt om een inrijverbod voor vrachtverkeer boven 7,5 ton, met uitzondering van bestemmingsverkeer.
Actie TW: brief aan wethouder Pegge over het inrijverbod, vóór 6 februari.
Actie EM: verkeerstelling op de Wesseloseweg aanvragen bij de afdeling Verkeer.
Actie RS: foto's en meldingen van inwoners verzamelen als bijlage bij de brief, binnen een week.

5. Woningbouw Het Esveld
De gemeente heeft het stedenbouwkundig plan klaar: 28 woningen, waarvan 10 starterswoningen en 6 levensloopbestendige woningen. Er was onduidelijkheid of inwoners van Oud-Wesselo voorrang krijgen. EM: ja, er komt een voorrangsregeling voor inwoners en oud-inwoners.
Besloten: de dorpsraad organiseert samen met de gemeente een inloopavond op donderdag 26 februari in De Spieker.
Actie GN: flyer voor de inloopavond maken en huis-aan-huis bezorgen, uiterlijk 16 februari.

6. Dorpsbudget 2026
Er zijn twee aanvragen: de ijsclub (nieuwe verlichting baan, € 2.200) en de oranjevereniging (springkussen koningsdag, € 450). De aanvraag van de oranjevereniging is compleet, maar van de ijsclub ontbreekt de begroting. We schuiven het besluit over beide aanvragen door naar de volgende vergadering.
Actie JK: de ijsclub vragen om een begroting, vóór de volgende vergadering.

7. Rondvraag
Mevrouw Ten Brinke meldt losliggende stoeptegels op het Kerkpad bij nummer 14.
Actie EM: melding doorzetten naar de buitendienst.
Een inwoner vraagt of de dorpsraad iets kan doen aan het slechte mobiele bereik in het buitengebied. JK: dat ligt bij de providers, de dorpsraad heeft hier geen rol in.

8. Sluiting
JK sluit om 22.05 uur. Volgende vergadering: maandag 16 februari 2026, 20.00 uur.

--
Trees Wolters
secretaris Dorpsraad Oud-Wesselo
www.dorpsraadoudwesselo.nl
"""


def make_dorpsraad(path: Path) -> None:
    from email import policy
    from email.message import EmailMessage

    message = EmailMessage(policy=policy.SMTP)
    message["From"] = "Trees Wolters <secretaris@dorpsraadoudwesselo.nl>"
    message["To"] = "dorpsraad@dorpsraadoudwesselo.nl"
    message["Cc"] = "e.morsink@reggeendinkel.nl"
    message["Subject"] = "Verslag dorpsraad 19 januari"
    message["Date"] = "Sat, 24 Jan 2026 10:17:45 +0100"
    message["Message-ID"] = "<20260124101745.4410@dorpsraadoudwesselo.nl>"
    message.set_content(DORPSRAAD_BODY, subtype="plain", charset="utf-8", cte="quoted-printable")
    path.write_bytes(message.as_bytes())


if __name__ == "__main__":
    make_gmr(DOCS / DOCX_NAME)
    print("written:", DOCS / DOCX_NAME)
    make_dorpsraad(DOCS / EML_NAME)
    print("written:", DOCS / EML_NAME)
