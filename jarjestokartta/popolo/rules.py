"""The rules of a Popolo file between its records: references, circles, shared identifiers,
deputies, the order records are written in.

A Document holds the valid records of one or more collections with the ids that earlier
collections of the file defined. Pure Python, no Django; the rules of each record on its own are
in records.py, the rules that need the database in checking.py.
"""

from typing import Any, Protocol, TypeVar

from jarjestokartta.popolo.fieldmap import references_of
from jarjestokartta.popolo.records import (
    COLLECTION_OF,
    COLLECTIONS,
    MODELS,
    Membership,
    Organization,
    Record,
    of_type,
)

_Record = TypeVar("_Record", bound=Record)


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_Identified)  # a record, or a stand-in with its id

# The fields of each collection that hold ids of records (of the collection named second).
REFERENCE_FIELDS = {
    collection: list(references_of(model))
    for collection, model in MODELS.items()
    if references_of(model)
}
# How a problem names the field a reference is in (the member's id is in an object).
FIELD_NAMES = {"member_organization_id": "member.id"}


class Document:
    """Valid records by collection, in file order, and the ids the file defined elsewhere."""

    def __init__(self, defined_elsewhere: dict[str, set[str]] | None = None) -> None:
        self.records: dict[str, list[Record]] = {name: [] for name in COLLECTIONS}
        self.defined_elsewhere = defined_elsewhere or {}
        self._references: dict[str, dict[str, list[tuple[Record, str]]]] | None = None
        self._referenced: dict[str, set[str]] | None = None

    def of(self, model: type[_Record]) -> list[_Record]:
        """The records of one type (those of the collection that MODELS gives it)."""
        return of_type(model, self.records[COLLECTION_OF[model]])

    def ids(self, collection: str) -> set[str]:
        """The ids of this collection's records, here or elsewhere in the file."""
        here = {record.id for record in self.records[collection]}
        return here | self.defined_elsewhere.get(collection, set())

    def references(self) -> dict[str, dict[str, list[tuple[Record, str]]]]:
        """Every id a record points at: {collection pointed to: {id: [(record, field)]}}.

        Collected once (the records do not change after parsing): a national file has over
        a million references.
        """
        if self._references is None:
            self._references = self._collect_references()
        return self._references

    def _collect_references(self) -> dict[str, dict[str, list[tuple[Record, str]]]]:
        refs: dict[str, dict[str, list[tuple[Record, str]]]] = {c: {} for c in COLLECTIONS}
        for collection, fields in REFERENCE_FIELDS.items():
            for record in self.records[collection]:
                for attribute, target in fields:
                    value = getattr(record, attribute)
                    field = FIELD_NAMES.get(attribute, attribute)
                    for ref_id in value if isinstance(value, list) else (value,):
                        if ref_id is not None:
                            refs[target].setdefault(ref_id, []).append((record, field))
        return refs

    def referenced(self) -> dict[str, set[str]]:
        """Every id a record points at, by the collection pointed to (the quick path: the
        users of each id are only collected when some id turns out to be missing)."""
        if self._referenced is None:
            self._referenced = self._collect_referenced()
        return self._referenced

    def _collect_referenced(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {collection: set() for collection in COLLECTIONS}
        for collection, fields in REFERENCE_FIELDS.items():
            items = self.records[collection]
            for attribute, target in fields:
                values = [getattr(item, attribute) for item in items]
                if values and isinstance(values[0], list):
                    found[target].update(ref for refs in values for ref in refs)
                else:
                    found[target].update(values)
        for ids in found.values():
            ids.discard(None)
        return found

    def _undefined(
        self, referenced: dict[str, set[str]], known: dict[str, set[str]]
    ) -> dict[str, set[str]]:
        return {
            collection: ids
            - {record.id for record in self.records[collection]}
            - self.defined_elsewhere.get(collection, set())
            - known.get(collection, set())
            for collection, ids in referenced.items()
        }

    def dangling(self) -> dict[str, set[str]]:
        """Referenced ids that the file itself does not define (they may be in the database)."""
        return self._undefined(self.referenced(), {})

    def reference_problems(self, known: dict[str, set[str]]) -> list[str]:
        """Problems for references to ids neither in the file nor among `known` ones."""
        missing = self._undefined(self.referenced(), known)
        if not any(missing.values()):
            return []
        problems = []
        for collection, by_id in self.references().items():
            for ref_id, users in by_id.items():
                if ref_id not in missing[collection]:
                    continue
                for record, field in users:
                    problems.append(
                        missing_reference(f"{where(record)}: {field}", collection, ref_id)
                    )
        return problems

    def cycle_problems(self) -> list[str]:
        """Parents and deputies must not go round in a circle (they are written in order)."""
        problems = []
        for collection, field in (
            ("areas", "parent_id"),
            ("organizations", "parent_id"),
            ("memberships", "deputy_of_id"),
            ("events", "super_event_id"),
        ):
            for record in ordered(self.records[collection], field, cycles=True):
                problems.append(f"{where(record)}: {field}: goes round in a circle")
        return problems


def ordered(records: list[_Item], field: str | None, cycles: bool = False) -> list[_Item]:
    """Records with those they point at (by `field`, within the list) before them.

    With cycles=True, returns instead the records that are part of a cycle.
    """
    if field is None:
        return [] if cycles else records
    by_id = {record.id: record for record in records}
    state: dict[str, str] = {}
    result: list[_Item] = []
    in_cycle: list[_Item] = []
    for record in records:
        chain: list[_Item] = []
        current: _Item | None = record
        while current is not None and current.id not in state:
            state[current.id] = "visiting"
            chain.append(current)
            target = getattr(current, field)
            current = by_id.get(target) if target else None
        if current is not None and state[current.id] == "visiting":
            start = next(i for i, item in enumerate(chain) if item.id == current.id)
            in_cycle.extend(chain[start:])
        for item in reversed(chain):
            state[item.id] = "done"
            result.append(item)
    return in_cycle if cycles else result


def missing_reference(user: str, collection: str, ref_id: str) -> str:
    """The problem of a reference (`user`: the record and field it is in) to no record."""
    return f"{user}: no {_singular(collection)} with id {ref_id!r}"


def _singular(collection: str) -> str:
    return {
        "areas": "area",
        "organizations": "organisation",
        "persons": "person",
        "posts": "post",
        "memberships": "membership",
        "events": "event",
    }[collection]


def where(record: Record | dict[str, Any], collection: str = "", index: int | None = None) -> str:
    """How a problem names the record it is in: its collection, place and id."""
    record_id = record.id if isinstance(record, Record) else record.get("id")
    if isinstance(record, Record):
        collection = next(c for c, model in MODELS.items() if isinstance(record, model))
    place = f"{collection}[{index}]" if index is not None else collection
    return f"{place} id={record_id!r}" if record_id is not None else place


def collection_problems(document: Document) -> list[str]:
    """The rules within a collection: shared identifiers, deputies, circles."""
    return (
        _duplicate_identifier_problems(document)
        + _deputy_problems(document)
        + document.cycle_problems()
    )


def _duplicate_identifier_problems(document: Document) -> list[str]:
    holders: dict[tuple[str, str], str] = {}
    problems = []
    for org in document.of(Organization):
        for item in org.identifiers:
            key = (item.scheme, item.identifier)
            if key in holders and holders[key] != org.id:
                problems.append(
                    f"{where(org)}: identifiers: {item.scheme} {item.identifier!r} is also "
                    f"given to organisation {holders[key]!r}"
                )
            holders.setdefault(key, org.id)
    return problems


def _deputy_problems(document: Document) -> list[str]:
    memberships = document.of(Membership)
    by_id = {m.id: m for m in memberships}
    problems = []
    for membership in memberships:
        target = by_id.get(membership.deputy_of_id or "")
        if target and target.organization_id != membership.organization_id:
            problems.append(
                f"{where(membership)}: deputy_of_id: {target.id!r} is a membership of "
                f"{target.organization_id!r}, not of {membership.organization_id!r}"
            )
    return problems
