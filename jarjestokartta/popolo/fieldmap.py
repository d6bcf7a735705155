"""Where each field of a Popolo record is kept in our models: the one map per record type.

A record type in records.py declares each field once, with its pydantic type, its description
and one of the markers below (`Annotated[Text, Column("abstract")]`). From those the import
writes model columns, the export reads them back, the file's references are found, the API loads
just the columns a record needs and documents each field. Adding a field to a record is the
model's column, its migration and one line in records.py.

Pure Python, no Django: markers name model attributes, the Django side (popolo/mapping.py and
popolo/exporter.py) does the reading and writing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from pydantic import BaseModel


@dataclass(frozen=True)
class Column:
    """Kept as it is in one column (`attribute`, the field's own name when not given)."""

    attribute: str = ""

    def bind(self, name: str) -> "Column":
        return self if self.attribute else type(self)(**{**self.__dict__, "attribute": name})

    def loads(self) -> tuple[str, ...]:
        """The model fields a record reads (for QuerySet.only)."""
        return (self.attribute,)


@dataclass(frozen=True)
class DayColumn(Column):
    """A full date written YYYY-MM-DD in the record, a DateField in the model."""


@dataclass(frozen=True)
class Coded(Column):
    """A coded field that Popolo keeps as free text: the code in `attribute`, and the text as
    the file wrote it, when that was not the code, in `<attribute>_as_written`."""

    code_of: Callable[[str], str] = field(default=lambda text: text, compare=False)
    # A blank value is no code at all (a post without a role), not a word to recognise.
    blank: bool = False

    @property
    def written(self) -> str:
        return f"{self.attribute}_as_written"

    def loads(self) -> tuple[str, ...]:
        return (self.attribute, self.written)


@dataclass(frozen=True)
class Ref(Column):
    """The Popolo id of a record of `target` ("organizations", "areas", …), a foreign key
    `attribute` in the model. `member` marks Popolo's member object, {"@type", "id"}."""

    target: str = ""

    def loads(self) -> tuple[str, ...]:
        return tuple(f"{joined}__popolo_id" for joined in self.joins())

    def joins(self) -> tuple[str, ...]:
        """The foreign keys a record of this field reads through (for select_related)."""
        return (self.attribute,)


@dataclass(frozen=True)
class Host(Ref):
    """An event's organization_id: the organiser (`attribute`), or for a meeting (the record's
    `kind_field` is `meeting`) the body whose meeting it is (`body`); a meeting's organiser,
    when it is not the body itself, comes in the field that `convener` names (Convener)."""

    body: str = "body"
    kind_field: str = "classification"
    meeting: str = "meeting"
    convener: str = "organizer_id"

    def joins(self) -> tuple[str, ...]:
        return (self.attribute, self.body)


@dataclass(frozen=True)
class Convener(Ref):
    """The organiser of a body's meeting when it is not the body: written together with Host,
    exported only when it differs from the body (`body` the model's foreign key to it)."""

    body: str = "body"

    def joins(self) -> tuple[str, ...]:
        return (self.attribute, self.body)


@dataclass(frozen=True)
class Moment(Column):
    """A date-time written with its offset in the record ("2026-09-01T17:00+03:00"), a
    DateTimeField in the model; written out in the zone of the record's `timezone`."""


@dataclass(frozen=True)
class LocalTimes(Column):
    """A list of date-times with offsets in the record, kept in the model as a JSON list of
    naive wall-clock times of the record's zone (as the recurrence rule reads them), which
    the record's field `zone_field` names."""

    zone_field: str = "timezone"


@dataclass(frozen=True)
class Location(Column):
    """Popolo's location, a text: exported as the place in one line (the model's `where`);
    imported into `attribute` (the place's name) only when the record gives no place name."""

    def loads(self) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True)
class Member(Ref):
    """Popolo's `member: {"@type": "Organization", "id": …}`, a foreign key in the model."""


@dataclass(frozen=True)
class Frequency(Column):
    """Meetings a year, {min, max, note}, in three columns `<attribute>_min|_max|_note`."""

    def loads(self) -> tuple[str, ...]:
        return tuple(f"{self.attribute}_{part}" for part in ("min", "max", "note"))


def joins_of(record: type[BaseModel]) -> list[str]:
    """The foreign keys that exporting a record of this type reads through, each once."""
    found: dict[str, None] = {}
    for _name, marker in fields_of(record):
        if isinstance(marker, Ref):
            found.update(dict.fromkeys(marker.joins()))
    return list(found)


@dataclass(frozen=True)
class Rows:
    """A list of nested objects kept as rows of a child model, reached by `relation` (the
    related name); `columns` maps each object field to the child's column."""

    relation: str
    columns: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Links:
    """A set of records or terms linked many-to-many by `relation`: by their Popolo id when
    `target` names a collection, by their Finnish name for taxonomy terms (`target` "")."""

    relation: str
    target: str = ""


@dataclass(frozen=True)
class AreaCodes:
    """An area's identifiers: its official code in two columns, the others in a JSON list."""


Marker = Column | Rows | Links | AreaCodes


@cache
def fields_of(record: type[BaseModel]) -> tuple[tuple[str, Marker], ...]:
    """The record type's mapped fields in their order, each with its marker."""
    found = []
    for name, info in record.model_fields.items():
        markers = [item for item in info.metadata if isinstance(item, Marker)]
        if markers:
            (marker,) = markers
            found.append((name, marker.bind(name) if isinstance(marker, Column) else marker))
    return tuple(found)


@cache
def references_of(record: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """The fields holding ids of other records, with the collection each points at."""
    found = []
    for name, marker in fields_of(record):
        if isinstance(marker, Member):
            found.append(("member_organization_id", marker.target))
        elif isinstance(marker, Ref) or (isinstance(marker, Links) and marker.target):
            found.append((name, marker.target))
    return tuple(found)


def self_reference(record: type[BaseModel], collection: str) -> str | None:
    """The field by which records of a collection point at each other (parent, deputy)."""
    for name, marker in fields_of(record):
        if isinstance(marker, Ref) and marker.target == collection:
            return name
    return None


def loads_of(record: type[BaseModel]) -> tuple[str, ...]:
    """The model fields that exporting a record of this type reads from its own row."""
    columns = ["popolo_id"]
    for _name, marker in fields_of(record):
        if isinstance(marker, Column):
            columns.extend(marker.loads())
    return (*columns, "extras")


def description(record: type[BaseModel], name: str) -> str:
    return record.model_fields[name].description or ""
