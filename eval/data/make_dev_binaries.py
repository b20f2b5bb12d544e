"""Regenerate the binary documents of the development set (a docx with Word comments, a pdf with a
text layer). The generated files are committed; this script is only needed to change them.

    python eval/data/make_dev_binaries.py        # needs python-docx (project dependency) and fpdf2

fpdf2 is used only here (pip install fpdf2); nothing at run time imports it.
"""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parent / "dev" / "docs"

DOCX_NAME = "2025-05-20_mt-informatievoorziening_agenda-met-opmerkingen.docx"
PDF_NAME = "2025-06-02_overleg-jeugdhulp-regio-west_verslag.pdf"
OR_NAME = "2025-03-25_ondernemingsraad-zorggroep-amstelland_verslag.docx"


def make_docx(path: Path) -> None:
    """An MT agenda in Word where the secretary typed the meeting notes as comments on the items."""
    import docx

    document = docx.Document()
    core = document.core_properties
    core.author, core.title = "Femke Bos", "MT Informatievoorziening 20 mei 2025"
    document.add_heading("MT Informatievoorziening - Omgevingsdienst Groene Delta", level=1)
    document.add_paragraph("Datum: dinsdag 20 mei 2025, 10.00 - 11.30 uur")
    document.add_paragraph("Locatie: kamer 4.12")
    document.add_paragraph("Aanwezig: Johan Smits (manager), Ingrid Maas, Tarik Ouali, Femke Bos (verslag)")

    def item(title: str, text: str, comments: list[str]) -> None:
        heading = document.add_heading(title, level=2)
        para = document.add_paragraph(text)
        for comment in comments:
            document.add_comment(para.runs, text=comment, author="Femke Bos", initials="FB")
        del heading

    item("1. Opening", "Vaststellen agenda; mededelingen van de manager.", [])
    item("2. Migratie zaaksysteem",
         "De leverancier heeft een planning aangeleverd: de migratie verloopt in drie fasen en start in september. "
         "Gevraagd wordt in te stemmen met de gefaseerde aanpak.",
         ["MT akkoord met de gefaseerde planning.", "Tarik stelt het communicatieplan op voor 1 juli."])
    item("3. Informatiebeveiliging: resultaten phishingtest",
         "Bij de phishingtest van april klikte 14 procent van de medewerkers op de link in de testmail.",
         ["Ingrid organiseert voor 27 juni een korte e-learning voor alle medewerkers."])
    item("4. Inhuur externe capaciteit",
         "Voorstel om voor de migratie twee externe functioneel beheerders in te huren voor zes maanden.",
         ["Niet behandeld, doorgeschoven naar het volgende MT."])
    item("5. Rondvraag", "", [])
    document.save(path)


def make_or_docx(path: Path) -> None:
    """Works council minutes in Word: lettered sub-items and the action list as a real Word table."""
    import docx

    document = docx.Document()
    document.core_properties.author = "ambtelijk secretariaat OR"
    document.add_heading("Verslag overlegvergadering ondernemingsraad Zorggroep Amstelland", level=1)
    for line in ("Datum: dinsdag 25 maart 2025", "Tijd: 14.00 - 16.00 uur", "Locatie: Huize Amstelrust, vergaderzaal",
                 "Aanwezig: Ria Vermeer (voorzitter OR), Kees Dam, Naima Bakkali, Tom Verhagen, bestuurder Hans Mol; "
                 "ambtelijk secretaris 10.2.e"):
        document.add_paragraph(line)
    body = [
        ("1. Opening en mededelingen", ["De voorzitter opent de vergadering. Hans Mol meldt dat de nieuwe locatie in "
                                        "Ouderkerk per 1 mei opengaat."]),
        ("2. Verslag overlegvergadering 18 februari", ["Vastgesteld zonder wijzigingen."]),
        ("3. Adviesaanvraag reorganisatie facilitaire dienst",
         ["De bestuurder licht toe dat schoonmaak en catering worden samengevoegd in een team. Er vervallen vier "
          "formatieplaatsen, die via natuurlijk verloop verdwijnen.",
          "De OR besluit positief te adviseren, op voorwaarde dat er geen gedwongen ontslagen vallen."]),
        ("4. Roosterbeleid", []),
        ("4a. Pilot zelfroosteren", ["De pilot op afdeling Dahlia loopt goed: het ziekteverzuim daalde van 7,8 naar "
                                     "6,1 procent.", "De OR stemt in met verlenging van de pilot tot 1 oktober."]),
        ("4b. Inzet flexpool", ["Niet behandeld wegens tijdgebrek; komt terug in de volgende overlegvergadering."]),
        ("5. Rondvraag", ["Naima vraagt naar de stand van zaken rond de parkeervergunningen voor avonddiensten."]),
    ]
    for title, paragraphs in body:
        document.add_heading(title, level=2 if title[1] == "." else 3)
        for text in paragraphs:
            document.add_paragraph(text)
    document.add_heading("Actielijst", level=2)
    rows = [("Nr", "Actie", "Actiehouder", "Deadline", "Status"),
            ("1", "Schriftelijk advies reorganisatie facilitaire dienst opstellen", "Kees", "8 april", "open"),
            ("2", "Evaluatie pilot zelfroosteren agenderen", "ambtelijk secretaris", "1 oktober", "open"),
            ("3", "Stand parkeervergunningen avonddiensten uitzoeken", "Hans Mol", "volgende vergadering", "open"),
            ("4", "Jaarplan OR 2025 publiceren op intranet", "Ria", "15 maart", "gereed")]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(path)


def make_pdf(path: Path) -> None:
    """Minutes of a regional consultation as a pdf with a text layer (one sentence per line)."""
    from fpdf import FPDF

    lines = [
        ("h1", "Verslag regionaal overleg jeugdhulp Regio West"),
        ("p", "Datum: maandag 2 juni 2025, 13.30 - 15.00 uur"),
        ("p", "Locatie: gemeentehuis Westerveld, zaal 3"),
        ("p", "Aanwezig: Hanneke Verhoef (voorzitter, gemeente Westerveld), Omar Haddou (gemeente Zandhoven),"),
        ("p", "Greet Lambrechts (gemeente Oosterdijk), 5.1, 2, e (inkoopadviseur), Jasper Kuipers (verslag)"),
        ("h2", "1. Opening en mededelingen"),
        ("p", "Hanneke opent het overleg. De gemeente Oosterdijk sluit vanaf juli aan bij de regionale inkoop."),
        ("h2", "2. Wachtlijsten specialistische jeugdhulp"),
        ("p", "De gemiddelde wachttijd voor specialistische jeugdhulp is gestegen naar 14 weken."),
        ("p", "Besluit: de regio zet voor een jaar een wachtlijstcoordinator in."),
        ("p", "Omar stelt de functieomschrijving op voor 16 juni."),
        ("h2", "3. Inkoop jeugdhulp 2026"),
        ("p", "Twee varianten zijn besproken: een aanbesteding met percelen of een open-house-procedure."),
        ("p", "Het overleg kiest voor een open-house-procedure voor de inkoop 2026."),
        ("p", "5.1, 2, e werkt de procedure uit met de juristen van de drie gemeenten."),
        ("h2", "4. Gesloten jeugdzorg"),
        ("p", "Dit punt is uitgesteld tot het overleg van juli, omdat de cijfers van de aanbieder ontbreken."),
        ("h2", "5. Rondvraag en sluiting"),
        ("p", "Greet vraagt het verslag snel rond te sturen. Jasper stuurt het verslag binnen een week rond."),
    ]
    pdf = FPDF(format="A4")
    pdf.set_title("Verslag overleg jeugdhulp Regio West 2 juni 2025")
    pdf.set_author("Jasper Kuipers")
    pdf.add_page()
    # a sticky note the chair added during the meeting, next to the postponed item
    sticky = {"Dit punt is uitgesteld": "Greet vraagt de ontbrekende cijfers op bij de aanbieder, uiterlijk 20 juni."}
    for kind, text in lines:
        size = {"h1": 15, "h2": 12, "p": 10}[kind]
        pdf.set_font("Helvetica", style="B" if kind != "p" else "", size=size)
        if kind == "h2":
            pdf.ln(3)
        y = pdf.get_y()
        pdf.cell(0, 7 if kind != "p" else 6, text, new_x="LMARGIN", new_y="NEXT")
        for prefix, note in sticky.items():
            if text.startswith(prefix):
                pdf.text_annotation(x=185, y=y, text=note, w=6, h=6, title="Hanneke Verhoef")
    pdf.output(str(path))


if __name__ == "__main__":
    DOCS.mkdir(parents=True, exist_ok=True)
    make_docx(DOCS / DOCX_NAME)
    make_pdf(DOCS / PDF_NAME)
    make_or_docx(DOCS / OR_NAME)
    print("geschreven:", DOCS / DOCX_NAME, DOCS / PDF_NAME, DOCS / OR_NAME)
