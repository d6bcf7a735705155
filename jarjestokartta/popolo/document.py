"""A Popolo file: parsing, every problem with its record id, references, order.

A file is read a collection at a time (`read_collections`); a Document holds the records of one
or more collections with the ids that earlier collections defined. Pure Python, no Django; the
record rules themselves are in records.py.
"""

import json
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from jarjestokartta.popolo.reading import top_level
from jarjestokartta.popolo.records import COLLECTIONS, MODELS, Record, share_field_sets

# The fields of each collection that hold ids of records (of the collection named second).
REFERENCE_FIELDS = {
    "areas": [("parent_id", "areas")],
    "organizations": [
        ("parent_id", "organizations"),
        ("area_id", "areas"),
        ("operating_area_ids", "areas"),
    ],
    "posts": [("organization_id", "organizations"), ("area_id", "areas")],
    "memberships": [
        ("organization_id", "organizations"),
        ("person_id", "persons"),
        ("member_organization_id", "organizations"),
        ("post_id", "posts"),
        ("on_behalf_of_id", "organizations"),
        ("deputy_of_id", "memberships"),
        ("appointed_by_id", "organizations"),
    ],
}


class Document:
    """Valid records by collection, in file order, and the ids the file defined elsewhere."""

    def __init__(self, defined_elsewhere: dict[str, set[str]] | None = None) -> None:
        self.records: dict[str, list[Record]] = {name: [] for name in COLLECTIONS}
        self.defined_elsewhere = defined_elsewhere or {}
        self._references: dict[str, dict[str, list[tuple[Record, str]]]] | None = None
        self._referenced: dict[str, set[str]] | None = None

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

        def add(target: str, ref_id: str | None, record: Record, field: str) -> None:
            if ref_id is not None:
                refs[target].setdefault(ref_id, []).append((record, field))

        for area in self.records["areas"]:
            add("areas", area.parent_id, area, "parent_id")
        for org in self.records["organizations"]:
            add("organizations", org.parent_id, org, "parent_id")
            add("areas", org.area_id, org, "area_id")
            for area_id in org.operating_area_ids:
                add("areas", area_id, org, "operating_area_ids")
        for post in self.records["posts"]:
            add("organizations", post.organization_id, post, "organization_id")
            add("areas", post.area_id, post, "area_id")
        for membership in self.records["memberships"]:
            add("organizations", membership.organization_id, membership, "organization_id")
            add("persons", membership.person_id, membership, "person_id")
            add("organizations", membership.member_organization_id, membership, "member.id")
            add("posts", membership.post_id, membership, "post_id")
            add("organizations", membership.on_behalf_of_id, membership, "on_behalf_of_id")
            add("memberships", membership.deputy_of_id, membership, "deputy_of_id")
            add("organizations", membership.appointed_by_id, membership, "appointed_by_id")
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
                if attribute == "operating_area_ids":
                    found[target].update(ref for item in items for ref in item.operating_area_ids)
                else:
                    found[target].update(getattr(item, attribute) for item in items)
        for ids in found.values():
            ids.discard(None)
        return found

    def _undefined(self, referenced: dict[str, set[str]], known: dict[str, set[str]]):
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
                        f"{_where(record)}: {field}: no {_singular(collection)} with id {ref_id!r}"
                    )
        return problems

    def cycle_problems(self) -> list[str]:
        """Parents and deputies must not go round in a circle (they are written in order)."""
        problems = []
        for collection, field in (
            ("areas", "parent_id"),
            ("organizations", "parent_id"),
            ("memberships", "deputy_of_id"),
        ):
            for record in ordered(self.records[collection], field, cycles=True):
                problems.append(f"{_where(record)}: {field}: goes round in a circle")
        return problems


def ordered(records: list[Record], field: str, cycles: bool = False) -> list[Record]:
    """Records with those they point at (by `field`, within the list) before them.

    With cycles=True, returns instead the records that are part of a cycle.
    """
    by_id = {record.id: record for record in records}
    state: dict[str, str] = {}
    result: list[Record] = []
    in_cycle: list[Record] = []
    for record in records:
        chain: list[Record] = []
        current: Record | None = record
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


def _singular(collection: str) -> str:
    return {
        "areas": "area",
        "organizations": "organisation",
        "persons": "person",
        "posts": "post",
        "memberships": "membership",
    }[collection]


def _where(record: Record | dict, collection: str = "", index: int | None = None) -> str:
    record_id = record.id if isinstance(record, Record) else record.get("id")
    if isinstance(record, Record):
        collection = next(c for c, model in MODELS.items() if isinstance(record, model))
    place = f"{collection}[{index}]" if index is not None else collection
    return f"{place} id={record_id!r}" if record_id is not None else place


def _error_text(error: dict[str, Any]) -> str:
    loc = ".".join(str(part) for part in error["loc"])
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "missing":
        message = "is required"
    return f"{loc}: {message}" if loc else message


class UnreadableFile(ValueError):
    """The file is not UTF-8 JSON holding an object: reading stops where it goes wrong."""


def read_collections(text: str | bytes, problems: list[str]) -> Iterator[tuple[str, list[Record]]]:
    """The valid records of each collection, in file order; problems go to `problems`.

    Only one collection's records exist at a time: the importer writes each before reading
    the next. A file that cannot be read further raises UnreadableFile with its message.
    """
    try:
        text = text.decode() if isinstance(text, bytes) else text
        for key, value in _collections_of(text, problems):
            yield key, _validate(key, value, problems)
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"the file is not UTF-8 text: {error}") from None
    except TypeError:
        raise UnreadableFile(
            "the file must hold a JSON object with the keys " + ", ".join(COLLECTIONS)
        ) from None


def in_writing_order(collections: Iterator[tuple[str, list]]) -> Iterator[tuple[str, list]]:
    """Collections in the order of COLLECTIONS (what a record points at is written first),
    each as soon as those before it have been read; a file in the exported order keeps none
    waiting, one in another order keeps those read early until their turn."""
    waiting: dict[str, list] = {}
    turn = 0
    for collection, items in collections:
        waiting[collection] = items
        del items
        while turn < len(COLLECTIONS) and COLLECTIONS[turn] in waiting:
            yield COLLECTIONS[turn], waiting.pop(COLLECTIONS[turn])
            turn += 1
    for collection in COLLECTIONS[turn:]:
        if collection in waiting:
            yield collection, waiting.pop(collection)


def _collections_of(text: str, problems: list[str]) -> Iterator[tuple[str, Any]]:
    seen: set[str] = set()
    for key, value in top_level(text):
        if key not in COLLECTIONS:
            if not key.startswith("@"):
                problems.append(
                    f"unknown top-level key {key!r} (expected: {', '.join(COLLECTIONS)})"
                )
        elif key in seen:
            problems.append(f"{key}: given twice")
        elif isinstance(value, Iterator):
            seen.add(key)
            yield key, value
        else:
            problems.append(f"{key}: must be a list")


def _validate(collection: str, items: Iterator[Any], problems: list[str]) -> list[Record]:
    valid: list[Record] = []
    seen: dict[str, int] = {}
    model = MODELS[collection]
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            problems.append(f"{collection}[{index}]: must be an object")
            continue
        try:
            record = model.model_validate(item)
        except ValidationError as error:
            for detail in error.errors():
                problems.append(f"{_where(item, collection, index)}: {_error_text(detail)}")
            continue
        if record.id in seen:
            problems.append(
                f"{_where(record, collection, index)}: duplicated id (also "
                f"{collection}[{seen[record.id]}])"
            )
            continue
        seen[record.id] = index
        share_field_sets(record)  # at once: the collection's records are all held
        valid.append(record)
    return valid


def collection_problems(document: Document) -> list[str]:
    """The rules within a collection: shared identifiers, deputies, circles."""
    return (
        _duplicate_identifier_problems(document)
        + _deputy_problems(document)
        + document.cycle_problems()
    )


def parse_document(text: str | bytes) -> tuple[Document | None, list[str]]:
    """Parse and validate a whole file; returns the document and every problem found."""
    problems: list[str] = []
    document = Document()
    try:
        for collection, records in read_collections(text, problems):
            document.records[collection] = records
    except UnreadableFile as error:
        return None, [*problems, str(error)]
    return document, problems + collection_problems(document)


def _duplicate_identifier_problems(document: Document) -> list[str]:
    holders: dict[tuple[str, str], str] = {}
    problems = []
    for org in document.records["organizations"]:
        for item in org.identifiers:
            key = (item.scheme, item.identifier)
            if key in holders and holders[key] != org.id:
                problems.append(
                    f"{_where(org)}: identifiers: {item.scheme} {item.identifier!r} is also "
                    f"given to organisation {holders[key]!r}"
                )
            holders.setdefault(key, org.id)
    return problems


def _deputy_problems(document: Document) -> list[str]:
    by_id = {m.id: m for m in document.records["memberships"]}
    problems = []
    for membership in document.records["memberships"]:
        target = by_id.get(membership.deputy_of_id or "")
        if target and target.organization_id != membership.organization_id:
            problems.append(
                f"{_where(membership)}: deputy_of_id: {target.id!r} is a membership of "
                f"{target.organization_id!r}, not of {membership.organization_id!r}"
            )
    return problems
