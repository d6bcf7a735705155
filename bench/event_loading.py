"""BENCH ONLY: the synthetic Finland's events written straight into the database.

Until the Popolo import reads the top-level `events` (issue 14, branch `popolo`), the bench
needs the half million events in the database to measure storing their occurrences and the
listings. This writes them as plain rows (core.bulk.Rows), with their themes, target groups and
cancelled occurrences, and nothing more: no validation, no history, no search index, so its
seconds are not the import's. It reads the file as generate_dataset writes it (one record a
line), not any Popolo file. bench_events uses the real importer's events when they are there.
"""

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.utils.text import slugify

from jarjestokartta.core.bulk import Rows, chunks, pks_by_popolo_id
from jarjestokartta.directory.models import Organization, TargetGroup, Theme
from jarjestokartta.events.models import Event, OccurrenceChange
from jarjestokartta.geography.models import Area, AreaKind

FIELDS = (
    "popolo_id",
    "slug",
    "kind",
    "name",
    "summary",
    "description",
    "organizer",
    "body",
    "languages",
    "is_free",
    "price",
    "channel",
    "place_name",
    "street_address",
    "postal_code",
    "municipality",
    "online_url",
    "phone",
    "accessibility",
    "start",
    "end",
    "rrule",
    "exdates",
    "rdates",
    "timezone",
    "status",
    "source",
)

# The text fields the file leaves empty (Swedish names, registration, image …): written empty.
BLANK = tuple(
    field.name
    for field in Event._meta.concrete_fields
    if isinstance(field, models.CharField | models.TextField)
    and not field.has_default()
    and field.name not in FIELDS
)


def event_lines(path: str) -> Iterator[dict[str, Any]]:
    """The records of the file's `events` section, one a line as generate_dataset writes them."""
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith('"events": ['):
                break
        for line in lines:
            if line.startswith("]"):
                return
            yield json.loads(line.rstrip().removesuffix(","))


def _codes(values: list[str]) -> str:
    # Rows passes a CharField's value as it is: the stored form of a CodeListField.
    return f",{','.join(values)}," if values else ""


def _local(value: str) -> str:
    # exdates and rdates are kept as naive wall-clock date-times (Event.schedule).
    return datetime.fromisoformat(value).replace(tzinfo=None).isoformat()


class Loader:
    def __init__(self) -> None:
        self.organizations = dict(Organization.objects.values_list("popolo_id", "pk"))
        self.towns = {
            f"kunta:{code}": pk
            for code, pk in Area.objects.filter(
                classification=AreaKind.MUNICIPALITY, is_reference=True
            ).values_list("code", "pk")
        }
        self.themes = dict(Theme.objects.values_list("name", "pk"))
        self.groups = dict(TargetGroup.objects.values_list("name", "pk"))
        self.events = Rows(Event, FIELDS + BLANK)
        self.themed = Rows(Event.themes.through, ("event", "theme"))
        self.grouped = Rows(Event.target_groups.through, ("event", "targetgroup"))
        self.changes = Rows(OccurrenceChange, ("event", "original_start", "status", "note"))
        self.counts = {"events": 0, "themes": 0, "target_groups": 0, "changes": 0}

    def row(self, record: dict[str, Any]) -> tuple[Any, ...]:
        organizer = self.organizations[record["organization_id"]]
        meeting = record["classification"] == "meeting"
        return (
            record["id"],
            f"{slugify(record['name'])[:180]}-{record['id']}",
            record["classification"],
            record["name"],
            record.get("summary", ""),
            record.get("description", ""),
            organizer,
            organizer if meeting else None,
            _codes(record.get("languages", [])),
            record.get("is_free", True),
            record.get("price", ""),
            record["channel"],
            record.get("place_name", ""),
            record.get("street_address", ""),
            record.get("postal_code", ""),
            self.towns.get(record.get("area_id", "")),
            record.get("online_url", ""),
            record.get("phone", ""),
            _codes(record.get("accessibility", [])),
            datetime.fromisoformat(record["start_date"]),
            datetime.fromisoformat(record["end_date"]) if "end_date" in record else None,
            record.get("rrule", ""),
            [_local(value) for value in record.get("exdate", [])],
            [_local(value) for value in record.get("rdate", [])],
            record.get("timezone", "Europe/Helsinki"),
            record.get("status", "scheduled"),
            record.get("source", ""),
            *[""] * len(BLANK),
        )

    def write(self, batch: list[dict[str, Any]]) -> None:
        self.counts["events"] += self.events.insert(self.row(record) for record in batch)
        pks = pks_by_popolo_id(Event, [record["id"] for record in batch])
        themes, groups, changes = [], [], []
        for record in batch:
            pk = pks[record["id"]]
            themes += [(pk, self.themes[name]) for name in record.get("themes", [])]
            groups += [(pk, self.groups[name]) for name in record.get("target_groups", [])]
            changes += [
                (pk, datetime.fromisoformat(c["original_start"]), c["status"], c.get("note", ""))
                for c in record.get("occurrence_changes", [])
            ]
        self.counts["themes"] += self.themed.insert(themes)
        self.counts["target_groups"] += self.grouped.insert(groups)
        self.counts["changes"] += self.changes.insert(changes)


def load_events(path: str) -> dict[str, int]:
    """Write the file's events, all or nothing; how many rows of each kind were written."""
    with transaction.atomic():
        loader = Loader()
        for batch in chunks(event_lines(path)):
            loader.write(batch)
    return loader.counts
