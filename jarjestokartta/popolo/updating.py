"""Updating the records an import brings that the database already holds.

A record is compared with what we would export for it: when they are the same, nothing is
written (no history row, no new version). Otherwise the record's columns are set and saved
through the model, so its history, checks and signals work as for an edit in the admin, and its
nested lists and linked sets are replaced: the file holds the whole record.
"""

from collections.abc import Callable
from typing import Any

from jarjestokartta.popolo import exporter
from jarjestokartta.popolo.exporter import Exported
from jarjestokartta.popolo.fieldmap import Links, Ref, fields_of, self_reference
from jarjestokartta.popolo.mapping import RowsPart, columns, parts_of
from jarjestokartta.popolo.records import MODELS, Record
from jarjestokartta.popolo.resolving import Resolver
from jarjestokartta.popolo.rules import ordered


def update(
    collection: str,
    items: list[Record],
    existing: dict[str, Exported],
    resolver: Resolver,
    count: Callable[[str], None],
) -> list[int]:
    """Bring the existing records (by Popolo id in `existing`) to what the file says; the pks
    of those that changed."""
    changed = []
    for record in ordered(items, self_reference(MODELS[collection], collection)):
        obj = existing[record.id]
        resolver.pks[collection][record.id] = obj.pk
        if exporter.record(collection, obj) == canonical(record, resolver).normal_form():
            count("unchanged")
            continue
        for name, value in columns(record, resolver).items():
            setattr(obj, name, value)
        obj.save()
        _replace_parts(obj, record, resolver)
        changed.append(obj.pk)
        count("updated")
    return changed


def canonical(record: Record, resolver: Resolver) -> Record:
    """The record with area ids as we export them (a file may name an area by an alias), so
    that comparison with the export is fair."""
    update: dict[str, Any] = {}
    for name, marker in fields_of(type(record)):
        if isinstance(marker, Ref) and marker.target == "areas":
            update[name] = resolver.canonical_area_id(getattr(record, name))
        elif isinstance(marker, Links) and marker.target == "areas":
            update[name] = sorted({resolver.canonical_area_id(r) for r in getattr(record, name)})
    return record.model_copy(update=update) if update else record


def _replace_parts(obj: Exported, record: Record, resolver: Resolver) -> None:
    for part in parts_of(type(obj), type(record)):
        values = getattr(record, part.name)
        if isinstance(part, RowsPart):
            getattr(obj, part.marker.relation).all().delete()
            part.child._default_manager.bulk_create(
                part.child(
                    **{part.owner_field: obj},
                    **dict(zip(part.child_columns, part.values(item), strict=True)),
                )
                for item in values
            )
        else:
            targets = [part.target_pk(value, resolver) for value in values]
            getattr(obj, part.marker.relation).set(targets)
