"""Loading the shipped reference geography (data/areas-2025.json) into the database.

The loader takes the model classes as arguments so that the data migration can pass its
historical models and the `load_geography` command the current ones.
"""

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.utils.text import slugify

DATA_FILE = Path(__file__).resolve().parent / "data" / "areas-2025.json"
# The wellbeing services counties took over on 1.1.2023 (Act 611/2021).
COUNTIES_START = date(2023, 1, 1)

KIND_PREFIX = {
    "municipality": "kunta",
    "region": "maakunta",
    "wellbeing_county": "hyvinvointialue",
}


def read_data(path: Path = DATA_FILE) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def load_reference_geography(Area, AreaLink, data: dict[str, Any] | None = None) -> dict[str, int]:
    """Create or update every reference area and its dated links; returns counts by kind."""
    data = data or read_data()
    taken_slugs = set(Area.objects.exclude(is_reference=True).values_list("slug", flat=True))
    areas: dict[tuple[str, str], Any] = {}

    def upsert(kind: str, code: str, record: dict[str, Any]) -> None:
        slug = slugify(record["name_fi"])
        if slug in taken_slugs:
            slug = f"{slug}-{KIND_PREFIX[kind]}"
        taken_slugs.add(slug)
        area, _ = Area.objects.update_or_create(
            classification=kind,
            code=code,
            defaults={
                "popolo_id": f"{KIND_PREFIX[kind]}:{code}",
                "name": record["name_fi"],
                "name_sv": record.get("name_sv") or "",
                "name_en": record.get("name_en") or "",
                "slug": slug,
                "is_reference": True,
            },
        )
        areas[(kind, code)] = area

    for record in data["regions"]:
        upsert("region", record["code"], record)
    for record in data["wellbeing_counties"]:
        upsert("wellbeing_county", record["code"], record)
    for record in data["municipalities"]:
        upsert("municipality", record["code"], record)

    history: dict[str, list[dict[str, Any]]] = {}
    for change in data.get("region_history", []):
        history.setdefault(change["municipality"], []).append(change)

    for record in data["municipalities"]:
        municipality = areas[("municipality", record["code"])]
        wanted = set()
        for change in history.get(record["code"], []):
            wanted.add(
                (
                    areas[("region", change["region"])].pk,
                    _parse_day(change.get("start_date")),
                    _parse_day(change.get("end_date")),
                )
            )
        if not history.get(record["code"]):
            wanted.add((areas[("region", record["region"])].pk, None, None))
        if record.get("wellbeing_county"):
            county = areas[("wellbeing_county", record["wellbeing_county"])]
            wanted.add((county.pk, COUNTIES_START, None))
        existing = {
            (link.parent_id, link.start_date, link.end_date): link
            for link in AreaLink.objects.filter(area=municipality)
        }
        for key, link in existing.items():
            if key not in wanted:
                link.delete()
        AreaLink.objects.bulk_create(
            AreaLink(area=municipality, parent_id=parent, start_date=start, end_date=end)
            for parent, start, end in wanted - set(existing)
        )

    return {
        "regions": len(data["regions"]),
        "wellbeing_counties": len(data["wellbeing_counties"]),
        "municipalities": len(data["municipalities"]),
    }
