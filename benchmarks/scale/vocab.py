"""Word lists for the meeting generator (benchmark data only, not product language data)."""

FIRST = ("Anna Bram Carla Daan Eva Fatima Gert Hanna Ivo Joost Karim Lotte Marieke Nadia Olaf Petra Quinten Rik "
         "Sanne Tom Ursula Vincent Wim Yara Zeynep Ahmed Bas Chantal Dirk Esther Floor Gijs Hatice Ingrid Jeroen "
         "Kees Lieke Mehmet Noor Otto Priya Roos Sem Tineke Umut Vera Willem Yusuf Ilse Mark Jolanda Hans").split()
LAST = ("de Vries|Jansen|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|"
        "Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|van den Berg|Kok|Jacobs|Vermeulen|Schouten|"
        "Willems|van Dijk|Hoekstra|Koster|Prins|Huisman|Kuipers|Postma|Benali|Amrani|Yilmaz|Öztürk|Kaya|"
        "Wouters|Verbeek|Maas|Timmermans|Lambert|Veenstra").split("|")
PLACES = ("Stationsplein Lindeplein Marktstraat Havenkwartier Oosterpark Bolwerk Kloosterweg Parkwijk Noorderhaven "
          "Zuiderpark De-Horst Molenbuurt Vijverhof Dorpsstraat Beatrixlaan Oude-Haven Rivierenwijk Kerkplein "
          "Sportpark-West Industrieterrein-De-Vaart Zeeheldenbuurt Boterdiep Westerkwartier Singel").split()
ROLES = ["voorzitter", "secretaris", "penningmeester", "notulist", "lid", "adviseur", "beleidsmedewerker",
         "wethouder", "directeur", "projectleider", "griffier", "controller"]

BODIES = [  # (kind of body, name template, typical places)
    ("commissie", "Commissie {x} gemeente {p}", ["Ruimte en Wonen", "Bestuur en Middelen", "Sociaal Domein", "Mobiliteit"]),
    ("or", "Ondernemingsraad {x}", ["Zorggroep Rivierenland", "Woonstichting Thuisbasis", "Gemeente Veendam", "Hogeschool Zuid"]),
    ("mr", "Medezeggenschapsraad {x}", ["OBS De Regenboog", "Het Stedelijk Lyceum", "CBS De Wegwijzer"]),
    ("waterschap", "Dagelijks bestuur waterschap {x}", ["Veenenland", "Hunze en Aa", "Rijn en Lek"]),
    ("vereniging", "Bestuur {x}", ["tennisvereniging De Kaats", "voetbalclub VV Oranje", "muziekvereniging Crescendo",
                                  "schaakclub De Toren", "volkstuinvereniging Ons Genoegen"]),
    ("wijkraad", "Wijkraad {x}", ["Oosterpark", "Parkwijk", "Molenbuurt", "Rivierenwijk"]),
    ("project", "Projectgroep {x}", ["wijkaanpak Noord", "duurzame campus", "nieuwbouw sporthal", "digitale dienstverlening"]),
    ("directie", "Directieoverleg {x}", ["Informatievoorziening", "Financiën en Control", "Publieke Dienstverlening"]),
]

TOPICS = [
    ("verlichting", "de verlichting van het {p}"), ("fietsenstalling", "de fietsenstalling aan het {p}"),
    ("begroting", "de begroting {y}"), ("jaarrekening", "de jaarrekening {y0}"), ("sporthal", "de renovatie van de sporthal"),
    ("speeltuin", "de speeltuin aan de {p}"), ("parkeren", "het parkeerbeleid in {p}"), ("afval", "de afvalinzameling in {p}"),
    ("groen", "het groenonderhoud in {p}"), ("huisvesting", "de huisvesting van het team"), ("ict", "de vervanging van de laptops"),
    ("werkdruk", "de werkdruk op de afdeling"), ("verzuim", "het ziekteverzuim in {y0}"), ("opleiding", "het opleidingsplan {y}"),
    ("privacy", "de privacyverklaring"), ("archief", "de archivering van de stukken"), ("subsidie", "de subsidieaanvraag voor {p}"),
    ("ledenwerving", "de ledenwerving"), ("contributie", "de contributie voor {y}"), ("kantine", "de bardienst in de kantine"),
    ("kleedkamers", "de nieuwe kleedkamers"), ("toernooi", "het jeugdtoernooi in juni"), ("vrijwilligers", "het vrijwilligersbeleid"),
    ("dijk", "de dijkversterking bij {p}"), ("gemaal", "het onderhoud van gemaal {p}"), ("peilbesluit", "het peilbesluit {p}"),
    ("woningbouw", "de woningbouw aan de {p}"), ("omgevingsvisie", "de omgevingsvisie"), ("zonnepanelen", "de zonnepanelen op het dak"),
    ("warmtenet", "het warmtenet in {p}"), ("jeugdhulp", "de wachtlijsten in de jeugdhulp"), ("schoolplein", "de vergroening van het schoolplein"),
    ("formatie", "de formatie voor het schooljaar {y}"), ("ouderbijdrage", "de vrijwillige ouderbijdrage"), ("roosters", "de nieuwe roosters"),
    ("reorganisatie", "de reorganisatie van de afdeling"), ("thuiswerken", "de thuiswerkregeling"), ("cao", "de invoering van de nieuwe cao"),
    ("klachten", "de klachtenafhandeling"), ("website", "de nieuwe website"), ("burendag", "de burendag op het {p}"),
    ("verkeer", "de verkeersveiligheid rond de {p}"), ("bomen", "de bomenkap aan de {p}"), ("markt", "de weekmarkt op het {p}"),
    ("evenementen", "het evenementenbeleid"), ("digitalisering", "de digitalisering van de dienstverlening"),
    ("inkoop", "de aanbesteding van het schoonmaakcontract"), ("risico", "het risicoprofiel"), ("audit", "de uitkomsten van de audit"),
]

PREPARED = [
    "Het voorstel over {t} ligt ter bespreking voor. De kosten worden geraamd op {amount} euro.",
    "{name} geeft een toelichting op {t}. Er zijn {n} reacties binnengekomen van bewoners en leden.",
    "Naar aanleiding van het vorige overleg is {t} opnieuw geagendeerd. De stukken zijn op {date} rondgestuurd.",
    "Ter besluitvorming: kan het overleg instemmen met het plan voor {t}?",
    "De werkgroep heeft {t} verkend en stelt drie varianten voor; variant {v} heeft de voorkeur.",
    "Over {t} is een brief ontvangen van {org}. Daarin wordt gevraagd om een reactie vóór {date}.",
    "Uit de evaluatie van {t} blijkt dat {pct} procent van de deelnemers tevreden is.",
    "Voor {t} is in {y} een budget van {amount} euro gereserveerd; daarvan is {pct} procent besteed.",
]
ORGS = ["de provincie", "het ministerie", "de GGD", "de woningcorporatie", "de KNVB", "de inspectie", "het college",
        "de accountant", "de bewonerscommissie", "de vakbond"]
NOTES = {
    "decision": ["Besluit: het overleg stemt in met het voorstel over {t}.",
                 "Besloten wordt om {t} uit te stellen tot na de zomer.",
                 "Het overleg gaat akkoord met variant {v} voor {t}.",
                 "Besluit: het budget voor {t} wordt verhoogd tot {amount} euro."],
    "action": ["Actie: {name} werkt het plan voor {t} uit, uiterlijk {date}.",
               "{name} vraagt een offerte aan voor {t} en koppelt die vóór {date} terug.",
               "Afspraak: {name} stuurt de notitie over {t} voor {date} rond.",
               "{name} neemt contact op met {org} over {t}."],
    "postponed": ["Volgende keer.", "Dit punt wordt doorgeschoven naar de volgende vergadering.",
                  "Aangehouden: eerst meer informatie over {t}."],
    "remark": ["{name} merkt op dat {t} al lang speelt.", "Er zijn zorgen over de planning van {t}.",
               "De reacties op {t} zijn overwegend positief.", "Geen opmerkingen."],
}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
