"""The organisations of the synthetic Finland: national federations and their districts,
public bodies, and associations spread over the municipalities by population."""

from collections.abc import Iterator
from typing import Any

from bench import patterns
from bench.finland import POPULATION_POWER, THIS_YEAR, Place, SyntheticFinland
from bench.names import genitive
from bench.places import Municipality, shares


class Associations(SyntheticFinland):
    # --- small parts ----------------------------------------------------------------------
    def village(self) -> str:
        return self.rng.choice(patterns.VILLAGE_FIRST) + self.rng.choice(patterns.VILLAGE_LAST)

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

    # --- organisations -------------------------------------------------------------------
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
        else:
            self.active[record["id"]] = (town, pattern.theme, record["target_groups"])
        if rng.random() < 0.3:
            record["last_verified"] = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-01"
        return record
