"""Finnish naming patterns for the synthetic Finland: associations, federations, bodies, people.

Placeholders: {gen} the municipality's genitive ("Kuopion"), {village} a village name and
{village_gen} its genitive, {region_gen} the region's genitive ("Pohjois-Savon"). The national
federations are real, public organisations; their local branches here are invented.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Federation:
    key: str
    name: str
    district: str  # the regional district's name pattern, "" when the federation has none
    theme: str


FEDERATIONS = [
    Federation("elakeliitto", "Eläkeliitto ry", "Eläkeliiton {region_gen} piiri ry", "Ikääntyneet"),
    Federation(
        "mll",
        "Mannerheimin Lastensuojeluliitto ry",
        "Mannerheimin Lastensuojeluliiton {region_gen} piiri ry",
        "Lapset ja perheet",
    ),
    Federation(
        "sydan", "Suomen Sydänliitto ry", "{region_gen} Sydänpiiri ry", "Sosiaali- ja terveys"
    ),
    Federation(
        "spr",
        "Suomen Punainen Risti",
        "Suomen Punaisen Ristin {region_gen} piiri",
        "Vapaaehtoistoiminta",
    ),
    Federation("martat", "Marttaliitto ry", "{region_gen} Martat ry", "Kulttuuri"),
    Federation(
        "partio",
        "Suomen Partiolaiset – Finlands Scouter ry",
        "{region_gen} Partiolaiset ry",
        "Nuoret",
    ),
    Federation("kylat", "Suomen Kylät ry", "{region_gen} Kylät ry", "Kylätoiminta"),
    Federation(
        "veteraanit", "Sotaveteraaniliitto ry", "{region_gen} Sotaveteraanipiiri ry", "Ikääntyneet"
    ),
    Federation("yrittajat", "Suomen Yrittäjät ry", "{region_gen} Yrittäjät ry", "Elinkeinot"),
    Federation(
        "nuorisoseurat", "Suomen Nuorisoseurat ry", "{region_gen} Nuorisoseurat ry", "Nuoret"
    ),
    Federation("omaishoitajat", "Omaishoitajaliitto ry", "", "Sosiaali- ja terveys"),
    Federation("invalidit", "Invalidiliitto ry", "", "Vammaisuus"),
    Federation("muisti", "Muistiliitto ry", "", "Sosiaali- ja terveys"),
    Federation("diabetes", "Diabetesliitto ry", "", "Sosiaali- ja terveys"),
    Federation("nako", "Näkövammaisten liitto ry", "", "Vammaisuus"),
    Federation("reuma", "Suomen Reumaliitto ry", "", "Sosiaali- ja terveys"),
    Federation("mielenterveys", "Mielenterveyden keskusliitto ry", "", "Sosiaali- ja terveys"),
    Federation("vanhemmat", "Suomen Vanhempainliitto ry", "", "Lapset ja perheet"),
]


@dataclass(frozen=True)
class Pattern:
    name: str
    abstract: str
    theme: str
    weight: float  # how common the kind is, roughly as in the association register
    federation: str = ""
    classification: str = "association"


PATTERNS = [
    Pattern(
        "{gen} Eläkeläiset ry",
        "Eläkeläisten kerho: retkiä, liikuntaa ja yhdessäoloa.",
        "Ikääntyneet",
        3,
    ),
    Pattern(
        "Eläkeliiton {gen} yhdistys ry",
        "Eläkeliiton paikallinen yhdistys.",
        "Ikääntyneet",
        3,
        "elakeliitto",
    ),
    Pattern(
        "{gen} Sotaveteraanit ry",
        "Veteraanien ja heidän puolisoidensa tukea.",
        "Ikääntyneet",
        1,
        "veteraanit",
    ),
    Pattern(
        "{gen} Omaishoitajat ry",
        "Omaishoitajien vertaistukea ja virkistystä.",
        "Sosiaali- ja terveys",
        1,
        "omaishoitajat",
    ),
    Pattern(
        "{gen} Sydänyhdistys ry",
        "Sydänsairaiden potilasyhdistys.",
        "Sosiaali- ja terveys",
        1,
        "sydan",
    ),
    Pattern(
        "{gen} Reumayhdistys ry",
        "Reumaa sairastavien liikuntaa ja tietoa.",
        "Sosiaali- ja terveys",
        1,
        "reuma",
    ),
    Pattern(
        "{gen} Diabetesyhdistys ry",
        "Diabeetikoiden vertaistukea.",
        "Sosiaali- ja terveys",
        1,
        "diabetes",
    ),
    Pattern(
        "{gen} Muistiyhdistys ry",
        "Muistisairaiden ja läheisten tukea.",
        "Sosiaali- ja terveys",
        1,
        "muisti",
    ),
    Pattern("{gen} Näkövammaiset ry", "Näkövammaisten yhdistys.", "Vammaisuus", 0.5, "nako"),
    Pattern(
        "{gen} Invalidit ry", "Liikuntavammaisten edunvalvontaa.", "Vammaisuus", 1, "invalidit"
    ),
    Pattern(
        "{gen} seudun Mielenterveysseura ry",
        "Mielenterveyskuntoutujien vertaistukea.",
        "Sosiaali- ja terveys",
        0.7,
        "mielenterveys",
    ),
    Pattern(
        "Suomen Punaisen Ristin {gen} osasto",
        "Ensiapua, ystävätoimintaa ja kotimaan apua.",
        "Vapaaehtoistoiminta",
        1,
        "spr",
    ),
    Pattern(
        "Mannerheimin Lastensuojeluliiton {gen} paikallisyhdistys ry",
        "Perhekahvila ja lastenhoitoapua.",
        "Lapset ja perheet",
        1.5,
        "mll",
    ),
    Pattern(
        "{village_gen} koulun vanhempainyhdistys ry",
        "Koulun vanhempien yhteistyötä.",
        "Lapset ja perheet",
        2,
        "vanhemmat",
    ),
    Pattern(
        "{village_gen} perhekahvila ry",
        "Perhekahvila ja vertaistukea vanhemmille.",
        "Lapset ja perheet",
        0.7,
    ),
    Pattern(
        "{gen} Partiolaiset ry", "Partiotoimintaa lapsille ja nuorille.", "Nuoret", 1.5, "partio"
    ),
    Pattern(
        "{village_gen} Nuorisoseura ry",
        "Nuorisoseuran harrastuksia ja tapahtumia.",
        "Nuoret",
        2,
        "nuorisoseurat",
    ),
    Pattern("{gen} Urheiluseura ry", "Liikuntaa ja kilpaurheilua kaikenikäisille.", "Liikunta", 4),
    Pattern("{village} Urheilijat ry", "Kyläseuran liikuntaa.", "Liikunta", 4),
    Pattern("{gen} Palloseura ry", "Jalkapalloa ja salibandya.", "Liikunta", 3),
    Pattern("{gen} Hiihtoseura ry", "Hiihtoa ja latujen kunnossapitoa.", "Liikunta", 1.5),
    Pattern("{gen} Ratsastusseura ry", "Ratsastusta ja talliyhteisö.", "Liikunta", 1),
    Pattern("{village_gen} Metsästysseura ry", "Metsästystä ja riistanhoitoa.", "Luonto", 3),
    Pattern(
        "{village_gen} Kalastuskunta",
        "Kalastusta ja vesien hoitoa.",
        "Luonto",
        1.5,
        classification="other",
    ),
    Pattern(
        "{gen} Luonnonsuojeluyhdistys ry", "Luontoretkiä ja lähiluonnon suojelua.", "Luonto", 0.7
    ),
    Pattern("{gen} Martat ry", "Kodin ja arjen taitoja.", "Kulttuuri", 1.5, "martat"),
    Pattern(
        "{gen} Kotiseutuyhdistys ry", "Kotiseututyötä ja paikallishistoriaa.", "Kulttuuri", 1.5
    ),
    Pattern("{gen} Kuoro ry", "Kuorolaulua ja konsertteja.", "Kulttuuri", 1.5),
    Pattern("{gen} Teatteriyhdistys ry", "Harrastajateatteria.", "Kulttuuri", 1),
    Pattern(
        "{gen} Yrittäjät ry", "Paikallisten yrittäjien yhdistys.", "Elinkeinot", 1, "yrittajat"
    ),
    Pattern(
        "{gen} Vapaaehtoiskeskus",
        "Vapaaehtoistoiminnan keskus.",
        "Vapaaehtoistoiminta",
        0.3,
        classification="other",
    ),
    Pattern(
        "{village_gen} kyläyhdistys ry",
        "Kylätalon ylläpito ja kyläjuhlat.",
        "Kylätoiminta",
        4,
        "kylat",
    ),
    Pattern(
        "{village_gen} Asukasyhdistys ry",
        "Asukastoimintaa ja lähiön tapahtumia.",
        "Kylätoiminta",
        1.5,
    ),
    Pattern(
        "{gen} Vanhustentalosäätiö sr",
        "Ikääntyneiden vuokra-asuntoja.",
        "Ikääntyneet",
        0.3,
        classification="foundation",
    ),
]

ACTIVITIES = {
    "Ikääntyneet": [
        "viikoittaiset kerhot",
        "kuntosaliryhmät",
        "teatteriretket",
        "tietotekniikan opastus",
        "ystäväpalvelu",
    ],
    "Sosiaali- ja terveys": [
        "vertaistukiryhmät",
        "luennot",
        "kuntoutusleirit",
        "neuvonta puhelimessa",
        "vertaistapaamiset",
    ],
    "Vammaisuus": ["vertaistuki", "edunvalvonta", "esteettömyyskartoitukset", "virkistysretket"],
    "Lapset ja perheet": [
        "perhekahvila",
        "kerhot lapsille",
        "vertaistukiryhmät vanhemmille",
        "lastenhoitoapu",
        "perheleirit",
    ],
    "Nuoret": ["harrastusillat", "leirit", "nuorten tapahtumat", "retket", "kesätoiminta"],
    "Liikunta": [
        "harjoitukset",
        "kilpailut",
        "junioritoiminta",
        "kuntoliikunta",
        "talkoot kentällä",
    ],
    "Luonto": ["retket", "talkoot", "riistanhoito", "kurssit", "luontoillat"],
    "Kulttuuri": ["kurssit", "esitykset", "konsertit", "kotiseutuillat", "näyttelyt"],
    "Elinkeinot": ["yritysillat", "koulutukset", "edunvalvonta", "verkostoituminen"],
    "Vapaaehtoistoiminta": [
        "vapaaehtoisten koulutus",
        "ystävätoiminta",
        "keräykset",
        "ensiapuryhmä",
    ],
    "Kylätoiminta": [
        "kylätalon vuokraus",
        "kyläjuhlat",
        "talkoot",
        "kyläsuunnitelma",
        "tapahtumat",
    ],
}
TARGET_GROUPS = [
    "Ikääntyneet",
    "Lapset",
    "Nuoret",
    "Perheet",
    "Aikuiset",
    "Kaikki",
    "Maahan muuttaneet",
    "Omaiset",
]

VILLAGE_FIRST = [
    "Koivu",
    "Mänty",
    "Kuusi",
    "Haapa",
    "Leppä",
    "Pihlaja",
    "Ranta",
    "Mäki",
    "Järvi",
    "Salmi",
    "Niemi",
    "Harju",
    "Kallio",
    "Suo",
    "Joki",
    "Kangas",
    "Vaara",
    "Saari",
    "Lampi",
    "Kivi",
    "Pitkä",
    "Iso",
    "Ylä",
    "Ala",
    "Keski",
    "Hirvi",
    "Kontio",
    "Lohi",
    "Kurki",
    "Sammal",
    "Paju",
    "Tammi",
    "Vaahtera",
    "Honka",
    "Kataja",
    "Kettu",
    "Karhu",
    "Susi",
    "Ilves",
    "Kotka",
    "Joutsen",
    "Sorsa",
    "Hauki",
    "Kaisla",
    "Sara",
    "Mustikka",
    "Puolukka",
    "Lähde",
    "Kaivo",
    "Mylly",
]
VILLAGE_LAST = [
    "kylä",
    "mäki",
    "niemi",
    "lahti",
    "saari",
    "vaara",
    "harju",
    "joki",
    "lampi",
    "salo",
    "kangas",
    "ranta",
    "kumpu",
    "laakso",
    "pelto",
    "koski",
    "järvi",
    "suo",
    "metsä",
    "kallio",
    "lehto",
    "kylänmäki",
    "nummi",
    "aho",
    "korpi",
]
STREETS = [
    "Koulutie",
    "Kirkkotie",
    "Myllytie",
    "Rantatie",
    "Asematie",
    "Kauppakatu",
    "Puistokatu",
    "Seurantalontie",
    "Kylätie",
    "Urheilutie",
]

# Common Finnish given and family names, for people who do not exist.
GIVEN_NAMES = [
    "Anna",
    "Maria",
    "Aino",
    "Helena",
    "Liisa",
    "Sari",
    "Tiina",
    "Minna",
    "Kaisa",
    "Elina",
    "Johanna",
    "Laura",
    "Päivi",
    "Satu",
    "Riitta",
    "Matti",
    "Juha",
    "Timo",
    "Mikko",
    "Kari",
    "Antti",
    "Jari",
    "Pekka",
    "Heikki",
    "Markku",
    "Jukka",
    "Ville",
    "Janne",
    "Petri",
    "Tuomas",
]
FAMILY_NAMES = [
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Lehtinen",
    "Saarinen",
    "Salminen",
    "Heinonen",
    "Niemi",
    "Heikkilä",
    "Kinnunen",
    "Salonen",
    "Turunen",
    "Salo",
    "Laitinen",
    "Tuominen",
    "Rantanen",
    "Karjalainen",
    "Jokinen",
    "Mattila",
    "Savolainen",
    "Lahtinen",
    "Ahonen",
]
