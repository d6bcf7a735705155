"""A test corpus of realistic association names across 30 municipalities.

Many near-duplicates (a pensioners' club and a heart association in every town), so that the
place in a query decides the answer; a few whose name does not say where they are; one
dissolved club beside an active one. Returned as a Popolo document to import beside the demo.
Municipality codes are looked up from the reference geography, not written here.
"""

import json

from jarjestokartta.geography.reference import read_data

# Name, genitive (for "Kuopion Eläkeläiset"): written by hand, Finnish forms.
TOWNS = [
    ("Kuopio", "Kuopion"),
    ("Siilinjärvi", "Siilinjärven"),
    ("Iisalmi", "Iisalmen"),
    ("Varkaus", "Varkauden"),
    ("Joensuu", "Joensuun"),
    ("Jyväskylä", "Jyväskylän"),
    ("Joroinen", "Joroisten"),
    ("Heinävesi", "Heinäveden"),
    ("Lapinlahti", "Lapinlahden"),
    ("Leppävirta", "Leppävirran"),
    ("Suonenjoki", "Suonenjoen"),
    ("Nurmes", "Nurmeksen"),
    ("Lieksa", "Lieksan"),
    ("Kitee", "Kiteen"),
    ("Outokumpu", "Outokummun"),
    ("Tampere", "Tampereen"),
    ("Helsinki", "Helsingin"),
    ("Oulu", "Oulun"),
    ("Turku", "Turun"),
    ("Mikkeli", "Mikkelin"),
    ("Savonlinna", "Savonlinnan"),
    ("Jämsä", "Jämsän"),
    ("Äänekoski", "Äänekosken"),
    ("Keuruu", "Keuruun"),
    ("Rovaniemi", "Rovaniemen"),
    ("Seinäjoki", "Seinäjoen"),
    ("Pieksämäki", "Pieksämäen"),
    ("Kajaani", "Kajaanin"),
    ("Lahti", "Lahden"),
    ("Pori", "Porin"),
]

# (key, name pattern, abstract, theme, target group, classification)
TEMPLATES = [
    (
        "elakelaiset",
        "{gen} Eläkeläiset ry",
        "Eläkeläisten kerho: retkiä, liikuntaa ja yhdessäoloa.",
        "Ikääntyneet",
        "Ikääntyneet",
        "association",
    ),
    (
        "elakeliitto",
        "Eläkeliiton {gen} yhdistys ry",
        "Eläkeliiton paikallinen yhdistys, avoin kaikille eläkkeellä oleville.",
        "Ikääntyneet",
        "Ikääntyneet",
        "association",
    ),
    (
        "omaishoitajat",
        "{gen} Omaishoitajat ry",
        "Omaishoitajien ja läheisten vertaistukea, virkistystä ja neuvontaa.",
        "Sosiaali- ja terveys",
        "Omaishoitajat",
        "association",
    ),
    (
        "sydan",
        "{gen} Sydänyhdistys ry",
        "Sydänsairaiden ja heidän läheistensä potilasyhdistys.",
        "Sosiaali- ja terveys",
        "Potilaat",
        "association",
    ),
    (
        "mll",
        "Mannerheimin Lastensuojeluliiton {gen} paikallisyhdistys ry",
        "Perhekahvila, lastenhoitoapu ja vapaaehtoistoimintaa lapsiperheille.",
        "Lapset ja perheet",
        "Perheet",
        "association",
    ),
    (
        "mielenterveys",
        "{gen} seudun Mielenterveysseura ry",
        "Mielenterveyskuntoutujien ja omaisten vertaistukea.",
        "Sosiaali- ja terveys",
        "Mielenterveyskuntoutujat",
        "association",
    ),
    (
        "reuma",
        "{gen} Reumayhdistys ry",
        "Reumaa sairastavien potilasyhdistys: liikuntaryhmiä ja tietoa.",
        "Sosiaali- ja terveys",
        "Potilaat",
        "association",
    ),
    (
        "vapaaehtois",
        "{gen} Vapaaehtoiskeskus",
        "Vapaaehtoistoiminnan keskus välittää vapaaehtoisia ja kouluttaa heitä.",
        "Vapaaehtoistoiminta",
        "Vapaaehtoiset",
        "other",
    ),
]

# Organisations whose name does not say where they are, and other special cases.
SPECIAL: list[tuple[str, str, str, str, dict[str, str | list[str]]]] = [
    (
        "c-pihlajaiset",
        "Kotiseutuyhdistys Pihlajaiset ry",
        "Kuopio",
        "Kotiseututyötä, kylätapahtumia ja paikallishistoriaa.",
        {},
    ),
    (
        "c-toivo",
        "Vertaistukiryhmä Toivo ry",
        "Siilinjärvi",
        "Vertaistukea surussa oleville aikuisille.",
        {},
    ),
    (
        "c-kipina",
        "Nuorisoyhdistys Kipinä ry",
        "Joensuu",
        "Nuorten harrastuksia ja nuorisotaloiltoja.",
        {},
    ),
    ("c-kurki", "Luontoyhdistys Kurki ry", "Jyväskylä", "Luontoretkiä ja ympäristönsuojelua.", {}),
    ("c-rantala", "Kyläyhdistys Rantala ry", "Joroinen", "Kylätalon ylläpito ja kyläjuhlat.", {}),
    (
        "c-pikkusilmut",
        "Perhekahvila Pikkusilmut",
        "Varkaus",
        "Perhekahvila vauvaperheille joka tiistai.",
        {"classification": "other"},
    ),
    (
        "c-kuurot",
        "Savon Kuurojen Yhdistys ry",
        "Kuopio",
        "Kuurojen ja viittomakielisten yhdistys.",
        {"operating": ["maakunta:11"]},
    ),
    (
        "c-muisti",
        "Pohjois-Karjalan Muistiyhdistys ry",
        "Joensuu",
        "Muistisairaiden ja heidän läheistensä tukea.",
        {"operating": ["maakunta:12"]},
    ),
    (
        "c-ks-omaishoitajat",
        "Keski-Suomen Omaishoitajat ry",
        "Jyväskylä",
        "Maakunnallinen omaishoitajien yhdistys.",
        {"operating": ["maakunta:13"]},
    ),
    (
        "c-kuopio-vanhat-elakelaiset",
        "Kuopion Vanhat Eläkeläiset ry",
        "Kuopio",
        "Eläkeläisten kerho, toiminta päättynyt.",
        {"dissolution_date": "2010"},
    ),
]


def slug(name: str) -> str:
    return name.lower().translate(str.maketrans("äöå", "aoa"))


def corpus() -> dict[str, list[dict[str, object]]]:
    codes = {m["name_fi"]: m["code"] for m in read_data()["municipalities"]}
    organizations: list[dict[str, object]] = []
    for town, genitive in TOWNS:
        area = f"kunta:{codes[town]}"
        for key, pattern, abstract, theme, group, kind in TEMPLATES:
            record: dict[str, object] = {
                "id": f"c-{slug(town)}-{key}",
                "name": pattern.format(gen=genitive),
                "classification": kind,
                "area_id": area,
                "abstract": abstract,
                "themes": [theme],
                "target_groups": [group],
            }
            if key == "mll":
                record["other_names"] = [{"name": f"MLL {town}", "note": "abbreviation"}]
                record["parent_id"] = "c-mll"
            if key == "elakeliitto":
                record["parent_id"] = "elakeliitto"
            organizations.append(record)
    organizations.append(
        {
            "id": "c-mll",
            "name": "Mannerheimin Lastensuojeluliitto ry",
            "classification": "association",
            "other_names": [{"name": "MLL", "note": "abbreviation"}],
            "abstract": "Valtakunnallinen lastensuojelujärjestö.",
        }
    )
    for org_id, name, town, abstract, extra in SPECIAL:
        record = {
            "id": org_id,
            "name": name,
            "classification": extra.get("classification", "association"),
            "area_id": f"kunta:{codes[town]}",
            "abstract": abstract,
        }
        if "operating" in extra:
            record["operating_area_ids"] = extra["operating"]
        if "dissolution_date" in extra:
            record["founding_date"] = "1990"
            record["dissolution_date"] = extra["dissolution_date"]
        organizations.append(record)
    return {"organizations": organizations}


def corpus_json() -> str:
    return json.dumps(corpus(), ensure_ascii=False)
