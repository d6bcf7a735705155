"""A deterministic synthetic Finland as a Popolo file, for the national-scale benchmark.

Associations are spread over the 308 municipalities by population; local branches hang under
the regional districts of national federations; each region and municipality has its
cooperation bodies (elderly, disability and youth councils, NGO councils, networks, forums,
partnership tables, working groups, projects) with dated memberships over the years, seats
held by people on behalf of organisations, deputies and appointing bodies; and their
activities, events and meetings (bench/events.py). The same seed and
size always give the same file, byte for byte.

The file is written as it is generated, a record at a time; only ids and the few numbers the
bodies need are kept in memory, and memberships go through a temporary file.
"""

import json
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from bench.associations import Associations
from bench.bodies import Bodies
from bench.events import Events, event_count
from bench.finland import Counts

# One body per this many organisations: 5,000 at the national 120,000.
ORGANIZATIONS_PER_BODY = 24


class Generator(Associations, Bodies):
    """Associations first, then the bodies that they belong to."""


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


def write_dataset(out: IO[str], organizations: int, seed: int, events: bool = True) -> Counts:
    """Write the whole synthetic Finland as Popolo JSON to `out`; `events` False leaves the
    activities and events out (for a Popolo import that does not read them yet)."""
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
        doings = Events(generator, event_count(organizations) if events else 0)
        if events:
            section("events", doings)
        out.write("\n}\n")
    generator.counts.persons = len(generator.persons)
    generator.counts.posts = len(generator.posts)
    generator.counts.events = doings.number
    return generator.counts
