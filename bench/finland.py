"""The shared state of the synthetic Finland: its places, names and counts.

Associations (bench/associations.py) and cooperation bodies (bench/bodies.py) are generated
from one random stream in a fixed order, so the same seed gives the same file; they share this
state through this base class.
"""

import random
from dataclasses import dataclass, field
from typing import Any

from bench.places import Municipality, Region, municipalities

SOURCE = "synthetic: generate_dataset --seed {seed}"
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
    events: int = 0


class SyntheticFinland:
    # Written by Associations.national(), read by the bodies: the national organisations'
    # ids and the number of the next organisation.
    federations: dict[str, str]
    districts: dict[tuple[str, str], str]
    funder: str
    regional_councils: dict[str, str]
    next_number: int
    regions: list[Region]

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
        # What bench/events.py needs of the organisations, kept as they are written: each
        # active association's theme and target groups by place, each body's home and theme.
        self.active: dict[str, tuple[Municipality, str, list[str]]] = {}
        self.body_homes: list[tuple[str, str, str, Municipality, str]] = []

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

    def organization(self, number: int, **fields: Any) -> dict[str, Any]:
        self.counts.organizations += 1
        return {"id": f"o{number}", **fields, "source": self.source}
