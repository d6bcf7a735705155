"""The cooperation bodies of the synthetic Finland and their memberships over the years:
councils and advisory boards with seats, deputies and appointing bodies, networks, working
groups and projects."""

import json
from collections.abc import Iterator
from typing import IO, Any

from bench import patterns
from bench.finland import POPULATION_POWER, THIS_YEAR, Place, SyntheticFinland
from bench.places import shares


class Bodies(SyntheticFinland):
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
        if kind != "project":  # a project is no cooperation body: it has no meetings
            # Meets in its largest town (bench/events.py); a regional body in the region's.
            home = max(towns, key=lambda place: place.municipality.population).municipality
            self.body_homes.append((record["id"], record["name"], kind, home, theme))
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
