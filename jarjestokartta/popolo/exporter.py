"""Writing the database out as Popolo JSON (the format of docs/popolo.md).

Each record is read by its record type's field map (fieldmap.py), the same map the import
writes by, so what an import wrote comes back as it was given. The API serialises its records
here too.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from functools import cache
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.db.models import Model, QuerySet

from jarjestokartta.core.bulk import chunks
from jarjestokartta.directory.models import Organization
from jarjestokartta.geography.models import Area
from jarjestokartta.popolo import records
from jarjestokartta.popolo.event_parts import in_zone, write_moment
from jarjestokartta.popolo.fieldmap import (
    AreaCodes,
    Coded,
    Column,
    Convener,
    DayColumn,
    Frequency,
    Host,
    Links,
    LocalTimes,
    Location,
    Member,
    Moment,
    Ref,
    Rows,
    fields_of,
    joins_of,
)
from jarjestokartta.popolo.mapping import LinksPart, Part, RowsPart, parts_of
from jarjestokartta.popolo.records import MODELS
from jarjestokartta.popolo.resolving import TABLES, Row
from jarjestokartta.structures.models import Membership, Person, Post

# A row of one of the collections' tables: what the export reads records from.
Exported = Area | Row
_Model = TypeVar("_Model", bound=Model)
TABLE_OF: dict[str, type[Exported]] = {"areas": Area, **TABLES}
# A row's nested lists and linked sets by field: dicts of a nested object's fields, or ids.
Parts = dict[str, list[Any]]
Reader = Callable[[Any, Parts], Any]


def queryset(collection: str) -> QuerySet[Exported]:
    """The collection's rows with all that their records show, in a fixed number of queries."""
    return _loading(collection, TABLE_OF[collection])


def _loading(collection: str, model: type[_Model]) -> QuerySet[_Model]:
    record_type = MODELS[collection]
    joined = joins_of(record_type)
    nested = [m.relation for _, m in fields_of(record_type) if isinstance(m, Rows | Links)]
    return model._default_manager.select_related(*joined).prefetch_related(*nested)


def record(collection: str, obj: Exported, parts: Parts | None = None) -> dict[str, Any]:
    """One record: its nested lists from `parts`, else from obj's (prefetched) relations."""
    if parts is None:
        parts = _own_parts(obj, collection)
    raw: dict[str, Any] = {"id": obj.popolo_id}
    for name, read in _readers(collection):
        raw[name] = read(obj, parts)
    raw.update(obj.extras)
    return _normal(collection, raw)


def records_of(collection: str, objs: Sequence[Exported]) -> list[dict[str, Any]]:
    """Records of many rows (loaded with what they refer to) and their nested lists, the
    lists in a query per list rather than per row."""
    parts = bulk_parts(collection, [obj.pk for obj in objs])
    return [record(collection, obj, parts.get(obj.pk, {})) for obj in objs]


def iter_records(collection: str, chunk_size: int = 2000) -> Iterator[dict[str, Any]]:
    """Every record of the collection in primary-key order, a chunk of rows at a time."""
    model = TABLE_OF[collection]
    record_type = MODELS[collection]
    joined = joins_of(record_type)
    rows = model._default_manager.select_related(*joined).order_by("pk")
    for chunk in chunks(rows.iterator(chunk_size=chunk_size), chunk_size):
        yield from records_of(collection, chunk)


def export_document() -> dict[str, list[dict[str, Any]]]:
    """The whole dataset, private persons included: this is the operator's lossless dump."""
    return {collection: list(iter_records(collection)) for collection in records.COLLECTIONS}


def bulk_parts(collection: str, pks: list[int]) -> dict[int, Parts]:
    """The nested lists of many rows in one plain query per list, by row.

    Django's prefetch_related builds a manager and a queryset per row and relation; on an API
    page of 50 organisations that was over half of the time. Rows as tuples are enough here.
    """
    model, record_type = TABLE_OF[collection], MODELS[collection]
    found: dict[int, Parts] = {}
    for part in parts_of(model, record_type):
        for pk in pks:
            found.setdefault(pk, {})[part.name] = []
        if isinstance(part, RowsPart):
            fields = [field for field, _ in part.marker.columns]
            rows = (
                part.child._default_manager.filter(**{f"{part.owner_field}__in": pks})
                .order_by("id")
                .values_list(part.owner_field, *part.child_columns)
            )
            for owner, *values in rows:
                found[owner][part.name].append(dict(zip(fields, values, strict=True)))
        else:
            links = part.through._default_manager.filter(**{f"{part.source}__in": pks})
            for owner, value in links.values_list(part.source, part.exported_column):
                found[owner][part.name].append(value)
    return found


def _own_parts(obj: Exported, collection: str) -> Parts:
    return {part.name: _read_part(obj, part) for part in parts_of(type(obj), MODELS[collection])}


def _read_part(obj: Exported, part: Part) -> list[Any]:
    rows = getattr(obj, part.marker.relation).all()
    if isinstance(part, LinksPart):
        attribute = "popolo_id" if part.marker.target else "name"
        return [getattr(row, attribute) for row in rows]
    fields = part.marker.columns
    return [{field: getattr(row, column) for field, column in fields} for row in rows]


@cache
def _readers(collection: str) -> tuple[tuple[str, Reader], ...]:
    """How each field of the collection's records is read from a row, worked out once."""
    return tuple((name, _reader(name, marker)) for name, marker in fields_of(MODELS[collection]))


def _reader(name: str, marker: Any) -> Reader:
    match marker:
        case Member():
            attribute, key = marker.attribute, f"{marker.attribute}_id"
            return lambda obj, parts: (
                {"@type": "Organization", "id": getattr(obj, attribute).popolo_id}
                if getattr(obj, key)
                else None
            )
        case Host():
            return lambda obj, parts: (obj.body if obj.body_id else obj.organizer).popolo_id
        case Convener():
            return lambda obj, parts: (
                obj.organizer.popolo_id if obj.body_id and obj.organizer_id != obj.body_id else None
            )
        case Ref():
            attribute, key = marker.attribute, f"{marker.attribute}_id"
            return lambda obj, parts: (
                getattr(obj, attribute).popolo_id if getattr(obj, key) else None
            )
        case Coded():
            code, written = marker.attribute, marker.written
            return lambda obj, parts: getattr(obj, written) or getattr(obj, code)
        case Frequency():
            names = [f"{marker.attribute}_{part}" for part in ("min", "max", "note")]
            return lambda obj, parts: _frequency(*(getattr(obj, n) for n in names))
        case DayColumn():
            attribute = marker.attribute
            return lambda obj, parts: (
                getattr(obj, attribute).isoformat() if getattr(obj, attribute) else ""
            )
        case Moment():
            attribute = marker.attribute
            return lambda obj, parts: _moment(getattr(obj, attribute), obj.zone)
        case LocalTimes():
            attribute = marker.attribute
            return lambda obj, parts: sorted(
                write_moment(in_zone(datetime.fromisoformat(day), obj.zone))
                for day in getattr(obj, attribute)
            )
        case Location():
            return lambda obj, parts: obj.where
        case Column():
            attribute = marker.attribute
            return lambda obj, parts: getattr(obj, attribute)
        case AreaCodes():
            return lambda obj, parts: _area_identifiers(obj)
        case Rows():
            # Date-times of nested rows (a moved occurrence) in the record's zone.
            return lambda obj, parts: [
                {key: _moment(value, obj.zone) for key, value in item.items()}
                if any(isinstance(value, datetime) for value in item.values())
                else item
                for item in parts[name]
            ]
    return lambda obj, parts: parts[name]


def _moment(value: Any, zone: ZoneInfo) -> Any:
    """A date-time as the record writes it, in the event's zone; other values as they are."""
    return write_moment(value.astimezone(zone)) if isinstance(value, datetime) else value


def _frequency(least: int | None, most: int | None, note: str) -> dict[str, Any] | None:
    if least is None and most is None and not note:
        return None
    return {"min": least, "max": most, "note": note}


def _area_identifiers(area: Area) -> list[dict[str, str]]:
    identifiers: list[dict[str, str]] = []
    if area.code and area.code_scheme:
        identifiers.append({"scheme": area.code_scheme, "identifier": area.code})
    identifiers.extend(area.other_identifiers)
    return identifiers


@cache
def _set_fields(collection: str) -> tuple[str, ...]:
    """The fields whose order carries no meaning (linked sets): the normal form sorts them."""
    return tuple(name for name, m in fields_of(MODELS[collection]) if isinstance(m, Links))


def _normal(collection: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The record's normal form (records.normal_form) without validating it again.

    What the database holds passed validation on the way in, and each record is built here in
    its record type's field order, so sorting the set-like fields and pruning gives the same
    result as pydantic at a tenth of the cost: the API serialises whole pages of records per
    request. test_export checks the two agree on every demo record.
    """
    for name in _set_fields(collection):
        if name in raw:
            raw[name] = sorted(set(raw[name]))
    normal: dict[str, Any] = records.prune(raw)
    return normal


# The ways the rest of the project asks for records, by collection.
def area_record(area: Area) -> dict[str, Any]:
    return record("areas", area)


def organization_queryset() -> QuerySet[Organization]:
    return _loading("organizations", Organization)


def organization_record(org: Organization, parts: Parts | None = None) -> dict[str, Any]:
    return record("organizations", org, parts)


def organization_records(orgs: Iterable[Organization]) -> list[dict[str, Any]]:
    """Records of many organisations (loaded with parent and area) in seven more queries."""
    return records_of("organizations", list(orgs))


def person_queryset() -> QuerySet[Person]:
    return _loading("persons", Person)


def person_record(person: Person) -> dict[str, Any]:
    return record("persons", person)


def post_queryset() -> QuerySet[Post]:
    return _loading("posts", Post)


def post_record(post: Post) -> dict[str, Any]:
    return record("posts", post)


def membership_queryset() -> QuerySet[Membership]:
    return _loading("memberships", Membership)


def membership_record(membership: Membership) -> dict[str, Any]:
    return record("memberships", membership)
