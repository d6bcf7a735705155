"""A deterministic synthetic Finland as a Popolo file, for the national-scale benchmark.

Associations are spread over the 308 municipalities by population; local branches hang under
the regional districts of national federations; each region and municipality has its
cooperation bodies (elderly, disability and youth councils, NGO councils, networks, forums,
partnership tables, working groups, projects) with dated memberships over the years, seats
held by people on behalf of organisations, deputies and appointing bodies. The same seed and
size always give the same file, byte for byte.

The file is written as it is generated, a record at a time; only ids and the few numbers the
bodies need are kept in memory, and memberships go through a temporary file.
"""

import json
import random
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from bench import patterns
from bench.names import genitive
from bench.places import Municipality, municipalities, shares

SOURCE = "synthetic: generate_dataset --seed {seed}"
# One body per this many organisations: 5,000 at the national 120,000.
ORGANIZATIONS_PER_BODY = 24
# Small places have more associations per inhabitant than cities; weighting by population
# to this power keeps the spread roughly proportional while giving villages their clubs.
POPULATION_POWER = 0.9
THIS_YEAR = 2025


@dataclass
class Place:
    municipality: Municipality
    org_ids: list[str] = field(default_factory=list)
    authority_id: str = ""


@dataclass
class Counts:
    organizations: int = 0
    persons: int = 0
    posts: int = 0
    memberships: int = 0
    bodies: int = 0


class Generator:
    def __init__(self, organizations: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.total = organizations
        self.seed = seed
        self.source = SOURCE.format(seed=seed)
        self.counts = Counts()
        self.places = [Place(m) for m in municipalities()]
        self.regions = sorted({p.municipality.region for p in self.places}, key=lambda r: r.code)
        self.names: set[str] = set()
        self.ytunnus_next = 2_000_000
        self.persons: list[dict[str, Any]] = []
        self.posts: list[dict[str, Any]] = []

    # --- small parts ----------------------------------------------------------------------
    def village(self) -> str:
        return self.rng.choice(patterns.VILLAGE_FIRST) + self.rng.choice(patterns.VILLAGE_LAST)

    def unique(self, name: str, place: Municipality) -> str:
        """Registered names are unique: a clash gets the place's name, then a number."""
        candidate = name
        number = 2
        while candidate in self.names:
            if number == 2 and place.name not in candidate:
                candidate = f"{name.removesuffix(' ry')} {place.name} ry"
            else:
                candidate = f"{name.removesuffix(' ry')} {number} ry"
            number += 1
        self.names.add(candidate)
        return candidate

    def association_name(self, pattern: patterns.Pattern, town: Municipality) -> str:
        """The pattern in the town's name first; a taken name moves to a village or district
        of the town ("Koivukylän Palloseura ry"), as real clubs are named."""
        gen = town.genitive
        for _ in range(6):
            village = self.village()
            name = pattern.name.format(gen=gen, village=village, village_gen=genitive(village))
            if name not in self.names:
                self.names.add(name)
                return name
            gen = genitive(self.village())
        return self.unique(name, town)

    def identifiers(self, number: int) -> list[dict[str, str]]:
        # The association register numbers its entries; these start above the real ones.
        register = f"{300 + number // 1000}.{number % 1000:03d}"
        found = [{"scheme": "yhdistysrekisteri", "identifier": register}]
        if self.rng.random() < 0.35:
            found.append({"scheme": "ytunnus", "identifier": self.ytunnus()})
        return found

    def ytunnus(self) -> str:
        """The next business id with a valid check digit (weights 7 9 10 5 8 4 2, mod 11)."""
        while True:
            digits = f"{self.ytunnus_next:07d}"
            self.ytunnus_next += 1
            total = sum(int(d) * w for d, w in zip(digits, (7, 9, 10, 5, 8, 4, 2), strict=True))
            remainder = total % 11
            if remainder != 1:  # 1 would need a check digit of 10: never issued
                return f"{digits}-{0 if remainder == 0 else 11 - remainder}"

    def description(self, theme: str, place: Municipality) -> str:
        activities = self.rng.sample(patterns.ACTIVITIES[theme], 2)
        return (
            f"Toimintaamme kuuluvat {activities[0]} ja {activities[1]}. "
            f"Toimimme {place.genitive} alueella, ja uudet jäsenet ovat tervetulleita."
        )

    def founding(self, earliest: int = 1900) -> str:
        year = self.rng.randint(earliest, THIS_YEAR - 1)
        if self.rng.random() < 0.2:
            return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        return str(year)

    def person(self, public: bool = False) -> str:
        given = self.rng.choice(patterns.GIVEN_NAMES)
        family = self.rng.choice(patterns.FAMILY_NAMES)
        person_id = f"p{len(self.persons)}"
        record: dict[str, Any] = {
            "id": person_id,
            "name": f"{given} {family}",
            "given_name": given,
            "family_name": family,
        }
        if public:
            record["public"] = True
        self.persons.append(record)
        return person_id

    # --- organisations -------------------------------------------------------------------
    def organization(self, number: int, **fields: Any) -> dict[str, Any]:
        self.counts.organizations += 1
        return {"id": f"o{number}", **fields, "source": self.source}

    def national(self) -> Iterator[dict[str, Any]]:
        """Federations, their regional districts, the state funder and regional councils."""
        helsinki = next(p for p in self.places if p.municipality.code == "091").municipality
        self.federations: dict[str, str] = {}
        self.districts: dict[tuple[str, str], str] = {}
        number = 0
        for federation in patterns.FEDERATIONS:
            self.federations[federation.key] = f"o{number}"
            yield self.organization(
                number,
                name=federation.name,
                classification="association",
                area_id=helsinki.popolo_id,
                abstract="Valtakunnallinen kattojärjestö.",
                themes=[federation.theme],
                founding_date=self.founding(1900),
            )
            number += 1
        for federation in patterns.FEDERATIONS:
            if not federation.district:
                continue
            for region in self.regions:
                self.districts[(federation.key, region.code)] = f"o{number}"
                yield self.organization(
                    number,
                    name=federation.district.format(region_gen=region.genitive),
                    classification="association",
                    parent_id=self.federations[federation.key],
                    area_id=region.popolo_id,
                    operating_area_ids=[region.popolo_id],
                    abstract="Alueellinen piirijärjestö, joka tukee paikallisyhdistyksiä.",
                    themes=[federation.theme],
                    founding_date=self.founding(1920),
                )
                number += 1
        self.funder = f"o{number}"
        yield self.organization(
            number,
            name="Sosiaali- ja terveysjärjestöjen avustuskeskus STEA",
            classification="public_body",
            area_id=helsinki.popolo_id,
            abstract="Myöntää avustuksia sosiaali- ja terveysjärjestöille.",
        )
        number += 1
        self.regional_councils: dict[str, str] = {}
        for region in self.regions:
            self.regional_councils[region.code] = f"o{number}"
            yield self.organization(
                number,
                name=f"{region.genitive} liitto",
                classification="public_body",
                area_id=region.popolo_id,
                abstract="Maakunnan liitto: aluekehitys ja maakunnan yhteistyö.",
            )
            number += 1
        for place in self.places:
            town = place.municipality
            place.authority_id = f"o{number}"
            yield self.organization(
                number,
                name=f"{town.name} {'kaupunki' if town.is_city else 'kunta'}",
                classification="public_body",
                area_id=town.popolo_id,
                abstract="Kunnan hyvinvoinnin ja terveyden edistäminen sekä järjestöyhteistyö.",
            )
            number += 1
        self.next_number = number

    def associations(self, count: int) -> Iterator[dict[str, Any]]:
        weights = [p.municipality.population**POPULATION_POWER for p in self.places]
        kinds = [pattern.weight for pattern in patterns.PATTERNS]
        for place, share in zip(self.places, shares(count, weights), strict=True):
            for _ in range(share):
                yield self.association(place, self.rng.choices(patterns.PATTERNS, kinds)[0])

    def association(self, place: Place, pattern: patterns.Pattern) -> dict[str, Any]:
        rng, town = self.rng, place.municipality
        number = self.next_number
        self.next_number += 1
        record = self.organization(
            number,
            name=self.association_name(pattern, town),
            classification=pattern.classification,
            area_id=town.popolo_id,
            abstract=pattern.abstract,
            description=self.description(pattern.theme, town),
            founding_date=self.founding(),
            themes=[pattern.theme],
            target_groups=sorted(set(rng.sample(patterns.TARGET_GROUPS, rng.randint(1, 2)))),
        )
        place.org_ids.append(record["id"])
        if pattern.classification in ("association", "foundation"):
            record["identifiers"] = self.identifiers(number)
        if pattern.federation:
            parent = self.districts.get((pattern.federation, town.region.code))
            record["parent_id"] = parent or self.federations[pattern.federation]
        if rng.random() < 0.3:
            neighbour = rng.choice(self.places).municipality
            if neighbour.region == town.region and neighbour != town:
                record["operating_area_ids"] = sorted([town.popolo_id, neighbour.popolo_id])
        if rng.random() < 0.6:
            record["contact_details"] = [
                {"type": "email", "value": f"info.o{number}@jarjestot.example"}
            ]
        if rng.random() < 0.3:
            street = rng.choice(patterns.STREETS)
            record.setdefault("contact_details", []).append(
                {
                    "type": "address",
                    "value": f"{street} {rng.randint(1, 40)}, {rng.randint(10, 99)}"
                    f"{rng.randint(100, 999)} {town.name}",
                }
            )
        if rng.random() < 0.4:
            record["links"] = [{"url": f"https://o{number}.jarjestot.example/", "note": "Kotisivu"}]
        if rng.random() < 0.25:
            low = rng.choice([4, 10, 12, 24, 40])
            record["meeting_frequency"] = {"min": low, "max": low + rng.choice([0, 2, 8])}
        if rng.random() < 0.2:
            record["how_to_join"] = "Liity jäseneksi kotisivulla tai tule mukaan kerhoon."
        if rng.random() < 0.05:
            record["dissolution_date"] = str(
                rng.randint(int(record["founding_date"][:4]) + 1, THIS_YEAR)
            )
        if rng.random() < 0.3:
            record["last_verified"] = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-01"
        return record

    # --- bodies and their memberships ------------------------------------------------------
    def bodies(self, count: int, memberships: IO[str]) -> Iterator[dict[str, Any]]:
        """`count` bodies: each region's own first, then municipalities' by population."""
        self.out = memberships
        towns = {r: [p for p in self.places if p.municipality.region == r] for r in self.regions}
        # Every region's NGO council first, then their partnership tables, and so on; at
        # most a third of the bodies are regional, so small datasets have local ones too.
        regional = [
            (template, region, towns[region])
            for template in REGIONAL_BODIES
            for region in self.regions
        ][: count // 3]
        weights = [p.municipality.population**POPULATION_POWER for p in self.places]
        local = shares(count - len(regional), weights)
        for template, region, towns in regional:
            yield self.body(
                template,
                region.genitive,
                region.popolo_id,
                towns,
                self.regional_councils[region.code],
            )
        for place, share in zip(self.places, local, strict=True):
            for index in range(share):
                if index < len(LOCAL_BODIES):
                    template = LOCAL_BODIES[index]
                else:
                    template = ("project", "{theme}hanke {number}", "")
                yield self.body(
                    template,
                    place.municipality.genitive,
                    place.municipality.popolo_id,
                    [place],
                    place.authority_id,
                    index,
                )

    def body(
        self, template, gen: str, area_id: str, towns: list[Place], authority: str, index: int = 0
    ) -> dict[str, Any]:
        kind, pattern, theme = template
        rng = self.rng
        number = self.next_number
        self.next_number += 1
        self.counts.bodies += 1
        founded = rng.randint(1995, 2020) if kind != "project" else rng.randint(2008, 2024)
        theme = theme or rng.choice(sorted(patterns.ACTIVITIES))
        name = pattern.format(
            gen=gen, theme=PROJECT_WORDS[index % len(PROJECT_WORDS)], number=founded
        )
        record = self.organization(
            number,
            name=self.unique(f"{gen} {name}" if kind == "project" else name, towns[0].municipality),
            classification=kind,
            area_id=area_id,
            operating_area_ids=[area_id],
            abstract=BODY_ABSTRACTS[kind],
            founding_date=str(founded),
            themes=[theme],
        )
        if kind == "project":
            record["dissolution_date"] = str(founded + rng.randint(1, 3))
        members = [org for place in towns for org in place.org_ids]
        body_id = record["id"]
        if kind in ("advisory_board", "council"):
            self.seats(body_id, members, authority, founded, with_posts=kind == "council")
        elif kind == "working_group":
            self.group(body_id, members, authority, founded)
        elif kind == "project":
            self.project(body_id, members, founded, int(record["dissolution_date"]))
        else:
            self.network(body_id, members, founded)
        return record

    def membership(self, **fields: Any) -> str:
        membership_id = f"m{self.counts.memberships}"
        self.counts.memberships += 1
        self.out.write(json.dumps({"id": membership_id, **fields}, ensure_ascii=False))
        self.out.write("\n")
        return membership_id

    def seats(
        self, body: str, members: list[str], authority: str, founded: int, with_posts: bool
    ) -> None:
        """Four-year terms since founding; each seat a person on behalf of an organisation,
        with a deputy; the chair and vice chair are seats, the secretary an official. A
        council's seats are named posts, one for each theme."""
        rng = self.rng
        size = rng.randint(7, 13)
        posts = [self.post(body, theme, founded) for theme in THEMES[:size]] if with_posts else []
        holders: list[tuple[str, str]] = []
        secretary = self.person(public=True)
        for start in range(founded, THIS_YEAR + 1, 4):
            end = "" if start + 4 > THIS_YEAR else str(start + 3)
            dates = {"start_date": str(start), **({"end_date": end} if end else {})}
            # Half of the seats go on to the next term with the same person.
            kept = [h for h in holders if rng.random() < 0.5][:size]
            while len(kept) < size and members:
                kept.append((self.person(), rng.choice(members)))
            holders = kept
            for seat, (person, org) in enumerate(holders):
                role = {0: "chair", 1: "vice_chair"}.get(seat, "member")
                regular = self.membership(
                    organization_id=body,
                    person_id=person,
                    role=role,
                    on_behalf_of_id=org,
                    appointed_by_id=authority,
                    **({"post_id": posts[seat]} if seat < len(posts) else {}),
                    **dates,
                )
                self.membership(
                    organization_id=body,
                    person_id=self.person(),
                    role="deputy_member",
                    on_behalf_of_id=org,
                    deputy_of_id=regular,
                    appointed_by_id=authority,
                    **dates,
                )
            self.membership(
                organization_id=body,
                person_id=secretary,
                role="secretary",
                on_behalf_of_id=authority,
                **dates,
            )

    def post(self, body: str, theme: str, founded: int) -> str:
        post_id = f"s{len(self.posts)}"
        self.posts.append(
            {
                "id": post_id,
                "label": f"{theme}: järjestöjen edustaja",
                "organization_id": body,
                "role": "member",
                "start_date": str(founded),
            }
        )
        return post_id

    def network(self, body: str, members: list[str], founded: int) -> None:
        """Organisations join over the years; some leave."""
        rng = self.rng
        if not members:
            return
        size = min(len(members), max(3, round(len(members) * rng.uniform(0.1, 0.4))), 500)
        self.membership(
            organization_id=body,
            person_id=self.person(public=True),
            role="coordinator",
            start_date=str(founded),
        )
        for org in rng.sample(members, size):
            start = rng.randint(founded, THIS_YEAR)
            dates = {"start_date": str(start)}
            if rng.random() < 0.2 and start < THIS_YEAR:
                dates["end_date"] = str(rng.randint(start, THIS_YEAR))
            self.membership(
                organization_id=body,
                member={"@type": "Organization", "id": org},
                role="member",
                **dates,
            )

    def group(self, body: str, members: list[str], authority: str, founded: int) -> None:
        rng = self.rng
        dates = {"start_date": str(founded)}
        self.membership(
            organization_id=body,
            person_id=self.person(public=True),
            role="chair",
            on_behalf_of_id=authority,
            **dates,
        )
        for org in rng.sample(members, min(len(members), rng.randint(4, 11))):
            self.membership(
                organization_id=body,
                person_id=self.person(),
                role="member",
                on_behalf_of_id=org,
                **dates,
            )

    def project(self, body: str, members: list[str], founded: int, ended: int) -> None:
        rng = self.rng
        dates = {"start_date": str(founded), "end_date": str(ended)}
        self.membership(
            organization_id=body,
            member={"@type": "Organization", "id": self.funder},
            role="funder",
            **dates,
        )
        partners = rng.sample(members, min(len(members), rng.randint(2, 12)))
        for position, org in enumerate(partners):
            self.membership(
                organization_id=body,
                member={"@type": "Organization", "id": org},
                role="coordinator" if position == 0 else "member",
                **dates,
            )


THEMES = sorted(patterns.ACTIVITIES)
# (classification, name pattern, theme or "" for any)
REGIONAL_BODIES = [
    ("council", "{gen} järjestöneuvosto", "Sosiaali- ja terveys"),
    ("partnership_table", "{gen} järjestöjen kumppanuuspöytä", ""),
    ("working_group", "{gen} HYTE-työryhmä", "Sosiaali- ja terveys"),
    ("network", "{gen} ikäihmisten järjestöverkosto", "Ikääntyneet"),
    ("network", "{gen} lapsiperheverkosto", "Lapset ja perheet"),
    ("network", "{gen} vammaisjärjestöjen verkosto", "Vammaisuus"),
    ("forum", "{gen} kylien foorumi", "Kylätoiminta"),
    ("network", "{gen} liikuntaseurojen verkosto", "Liikunta"),
]
LOCAL_BODIES = [
    ("advisory_board", "{gen} vanhusneuvosto", "Ikääntyneet"),
    ("advisory_board", "{gen} vammaisneuvosto", "Vammaisuus"),
    ("advisory_board", "{gen} nuorisovaltuusto", "Nuoret"),
    ("forum", "{gen} järjestöfoorumi", ""),
    ("network", "{gen} perhekeskusverkosto", "Lapset ja perheet"),
    ("partnership_table", "{gen} järjestöjen kumppanuuspöytä", ""),
    ("working_group", "{gen} hyvinvointityöryhmä", "Sosiaali- ja terveys"),
    ("network", "{gen} ikäihmisten verkosto", "Ikääntyneet"),
    ("network", "{gen} liikuntaverkosto", "Liikunta"),
    ("working_group", "{gen} kylien yhteistyöryhmä", "Kylätoiminta"),
    ("network", "{gen} kulttuuriverkosto", "Kulttuuri"),
]
PROJECT_WORDS = [
    "Yhdessä",
    "Arjen tuki",
    "Voimaa",
    "Kohtaamo",
    "Lähellä",
    "Jaksamo",
    "Kylä elää",
    "Liikkeelle",
    "Mukana",
    "Osallisuus",
    "Harrastamo",
    "Verkko",
]
BODY_ABSTRACTS = {
    "council": "Järjestöjen ja maakunnan yhteinen neuvottelu- ja yhteistyöelin.",
    "advisory_board": "Lakisääteinen vaikuttamistoimielin, jonka kunta asettaa valtuustokaudeksi.",
    "partnership_table": "Järjestöjen ja julkisen sektorin kumppanuuspöytä.",
    "working_group": "Valmisteleva työryhmä.",
    "network": "Järjestöjen yhteistyöverkosto: tietoa, tapaamisia ja yhteisiä tapahtumia.",
    "forum": "Avoin foorumi järjestöille ja asukkaille.",
    "project": "Järjestöjen yhteishanke.",
}


def areas(generator: Generator) -> Iterator[dict[str, Any]]:
    """The areas as the file names them: matched to the reference geography by code."""
    for region in generator.regions:
        yield {
            "id": region.popolo_id,
            "name": region.name,
            "classification": "region",
            "identifiers": [{"scheme": "maakuntakoodi", "identifier": region.code}],
        }
    for place in generator.places:
        town = place.municipality
        yield {
            "id": town.popolo_id,
            "name": town.official_name,
            "name_sv": town.name_sv,
            "classification": "municipality",
            "parent_id": town.region.popolo_id,
            "identifiers": [{"scheme": "kuntanumero", "identifier": town.code}],
        }


def write_dataset(out: IO[str], organizations: int, seed: int) -> Counts:
    """Write the whole synthetic Finland as Popolo JSON to `out`."""
    generator = Generator(organizations, seed)
    body_count = organizations // ORGANIZATIONS_PER_BODY

    def section(name: str, records, first: bool = False) -> None:
        out.write(("" if first else ",\n") + f'"{name}": [\n')
        for position, record in enumerate(records):
            out.write((",\n" if position else "") + json.dumps(record, ensure_ascii=False))
        out.write("\n]")

    with tempfile.TemporaryFile("w+", encoding="utf-8") as memberships:
        out.write("{\n")
        section("areas", areas(generator), first=True)
        out.write(',\n"organizations": [\n')
        first = True
        for record in generator.national():
            out.write(("" if first else ",\n") + json.dumps(record, ensure_ascii=False))
            first = False
        fixed = generator.counts.organizations
        count = max(0, organizations - fixed - body_count)
        for record in generator.associations(count):
            out.write(",\n" + json.dumps(record, ensure_ascii=False))
        for record in generator.bodies(body_count, memberships):
            out.write(",\n" + json.dumps(record, ensure_ascii=False))
        out.write("\n]")
        section("persons", generator.persons)
        section("posts", generator.posts)
        memberships.seek(0)
        section("memberships", (json.loads(line) for line in memberships))
        out.write("\n}\n")
    generator.counts.persons = len(generator.persons)
    generator.counts.posts = len(generator.posts)
    return generator.counts
