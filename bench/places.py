"""The places of the synthetic Finland: municipalities with their populations and regions.

Codes and names come from the reference geography file (Statistics Finland 2025); the
populations from data/populations.json (its own "source" says where they are from).
"""

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bench.names import genitive
from jarjestokartta.geography.reference import read_data

POPULATIONS = Path(__file__).parent / "data" / "populations.json"
# Municipalities of at least this size are called cities ("kaupunki") in synthetic names; the
# legal status does not follow size exactly, but the data is synthetic.
CITY_SIZE = 10_000


@dataclass(frozen=True)
class Region:
    code: str
    name: str

    @property
    def popolo_id(self) -> str:
        return f"maakunta:{self.code}"

    @cached_property
    def genitive(self) -> str:
        return genitive(self.name)


@dataclass(frozen=True)
class Municipality:
    code: str
    official_name: str
    name_sv: str
    region: Region
    population: int

    @property
    def popolo_id(self) -> str:
        return f"kunta:{self.code}"

    @property
    def name(self) -> str:
        """The name as used in running text: "Koski Tl" → "Koski", "Maarianhamina - Mariehamn"
        → "Maarianhamina", "Pedersören kunta" → "Pedersöre"."""
        name = self.official_name.split(" - ")[0].removesuffix(" Tl")
        return "Pedersöre" if name == "Pedersören kunta" else name

    @cached_property
    def genitive(self) -> str:
        return genitive(self.name)

    @property
    def is_city(self) -> bool:
        return self.population >= CITY_SIZE


def municipalities() -> list[Municipality]:
    """The 308 municipalities of 1.1.2025, by code."""
    data = read_data()
    populations = json.loads(POPULATIONS.read_text(encoding="utf-8"))["populations"]
    regions = {item["code"]: Region(item["code"], item["name_fi"]) for item in data["regions"]}
    return [
        Municipality(
            code=item["code"],
            official_name=item["name_fi"],
            name_sv=item["name_sv"],
            region=regions[item["region"]],
            population=populations[item["code"]],
        )
        for item in sorted(data["municipalities"], key=lambda item: item["code"])
    ]


def shares(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights` in whole numbers (largest remainder), so that
    the split is exact and the same every time."""
    whole = sum(weights)
    exact = [total * weight / whole for weight in weights]
    counts = [int(value) for value in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts
