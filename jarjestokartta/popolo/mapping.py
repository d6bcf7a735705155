"""A record's fields as our models keep them, by the record type's field map (fieldmap.py).

`columns` gives the model's own columns; `parts` the nested lists and linked sets, which are
rows of other tables. The import creates (creating.py) and updates (updating.py) with these, and
the export (exporter.py) reads the same map back.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from django.db.models import ManyToManyField, Model
from django.db.models.fields.reverse_related import ForeignObjectRel

from jarjestokartta.core import vocabulary
from jarjestokartta.core.models import DatedModel
from jarjestokartta.core.partial_dates import first_day, last_day
from jarjestokartta.directory.models import Term
from jarjestokartta.popolo.event_records import local_times
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
    Ref,
    Rows,
    fields_of,
)
from jarjestokartta.popolo.records import Record
from jarjestokartta.popolo.resolving import Resolver


def columns(record: Record, resolver: Resolver) -> dict[str, Any]:
    """The model's own columns (by attribute name) as the record gives them."""
    values: dict[str, Any] = {}
    for name, marker in fields_of(type(record)):
        value = getattr(record, name)
        match marker:
            case Member():
                ref = value.id if value is not None else None
                values[f"{marker.attribute}_id"] = resolver.pk(marker.target, ref)
            case Host():
                host = resolver.pk(marker.target, value)
                if getattr(record, marker.kind_field) == marker.meeting:
                    convener = resolver.pk(marker.target, getattr(record, marker.convener))
                    values[f"{marker.body}_id"] = host
                    values[f"{marker.attribute}_id"] = convener or host
                else:
                    values[f"{marker.body}_id"] = None
                    values[f"{marker.attribute}_id"] = host
            case Convener():
                pass  # written with the Host field
            case Ref():
                values[f"{marker.attribute}_id"] = resolver.pk(marker.target, value)
            case Location():
                # Only a file that gives no place name of its own: ours export both.
                if value and not getattr(record, marker.attribute):
                    values[marker.attribute] = value
            case LocalTimes():
                values[marker.attribute] = local_times(value, getattr(record, marker.zone_field))
            case Coded():
                code = "" if marker.blank and not value else marker.code_of(value)
                values[marker.attribute] = code
                values[marker.written] = vocabulary.as_written(value, code)
            case Frequency():
                for part in ("min", "max"):
                    values[f"{marker.attribute}_{part}"] = getattr(value, part) if value else None
                values[f"{marker.attribute}_note"] = value.note if value else ""
            case DayColumn():
                values[marker.attribute] = date.fromisoformat(value) if value else None
            case Column():
                values.setdefault(marker.attribute, value)
            case AreaCodes():
                # An area a file brings is not one of the reference areas with an official
                # code: its identifiers are kept as given.
                values["other_identifiers"] = [item.model_dump() for item in value]
    values["extras"] = record.extras
    return values


def dated(model: type[Model], values: dict[str, Any]) -> dict[str, Any]:
    """With the days "as of" queries use, as DatedModel.derive_active_days derives them, for
    rows written without a save()."""
    if issubclass(model, DatedModel):
        start, end = values[model.START_FIELD], values[model.END_FIELD]
        values["active_from"] = first_day(start) if start else None
        values["active_until"] = last_day(end) if end else None
    return values


@dataclass(frozen=True)
class RowsPart:
    """A nested list kept as rows of `child`, pointing at their owner by `owner_field`."""

    name: str
    marker: Rows
    child: type[Model]
    owner_field: str

    @property
    def child_columns(self) -> list[str]:
        return [column for _, column in self.marker.columns]

    def values(self, item: Any) -> tuple[Any, ...]:
        return tuple(getattr(item, field) for field, _ in self.marker.columns)


@dataclass(frozen=True)
class LinksPart:
    """A set kept as many-to-many links: to records by Popolo id, or to terms by name."""

    name: str
    marker: Links
    through: type[Model]
    source: str  # the through table's column pointing at the owner
    target: str  # … and at the linked record or term
    linked: type[Model]

    def target_pk(self, value: str, resolver: Resolver) -> int:
        pk: int
        if self.marker.target == "areas":
            pk = resolver.area(value).pk
        elif self.marker.target:
            pk = resolver.pk(self.marker.target, value) or 0
        elif issubclass(self.linked, Term):
            pk = resolver.term(self.linked, value).pk
        else:
            raise TypeError(f"{self.name}: {self.linked.__name__} is neither an area nor a term")
        return pk

    @property
    def exported_column(self) -> str:
        """What the export writes of a linked row: its Popolo id, or a term's name."""
        return f"{self.target.removesuffix('_id')}__{'popolo_id' if self.marker.target else 'name'}"


Part = RowsPart | LinksPart


@cache
def parts_of(model: type[Model], record: type[Record]) -> tuple[Part, ...]:
    """The nested lists and linked sets of a record type, with the tables that keep them."""
    found: list[Part] = []
    for name, marker in fields_of(record):
        if isinstance(marker, Rows):
            relation = _child_rows(model, marker.relation)
            found.append(RowsPart(name, marker, relation.related_model, relation.field.name))
        elif isinstance(marker, Links):
            field, through = _many_to_many(model, marker.relation)
            found.append(
                LinksPart(
                    name,
                    marker,
                    through,
                    f"{field.m2m_field_name()}_id",
                    f"{field.m2m_reverse_field_name()}_id",
                    field.related_model,
                )
            )
    return tuple(found)


def _child_rows(model: type[Model], relation: str) -> ForeignObjectRel:
    """The rows of another table that point at the model (Rows names their related name)."""
    field = model._meta.get_field(relation)
    if not isinstance(field, ForeignObjectRel):
        raise TypeError(f"{model.__name__}.{relation} is not a relation from another table")
    return field


def _many_to_many(
    model: type[Model], relation: str
) -> tuple["ManyToManyField[Any, Any]", type[Model]]:
    """The many-to-many field that Links names, with its through table."""
    field = model._meta.get_field(relation)
    if not isinstance(field, ManyToManyField) or field.remote_field.through is None:
        raise TypeError(f"{model.__name__}.{relation} is not a many-to-many field")
    return field, field.remote_field.through


def link_pairs(
    part: LinksPart, owners: list[tuple[int, Record]], resolver: Resolver
) -> Iterator[tuple[int, int]]:
    """(owner pk, linked pk) for every value of the set in each record, each pair once."""
    seen: set[tuple[int, int]] = set()
    for pk, record in owners:
        for value in getattr(record, part.name):
            pair = (pk, part.target_pk(value, resolver))
            if pair not in seen:
                seen.add(pair)
                yield pair
