"""A Popolo file as a whole: parsing, every problem with its record id, references, order.

Pure Python, no Django; the record rules themselves are in records.py.
"""

import json
from typing import Any

from pydantic import ValidationError

from jarjestokartta.popolo.records import COLLECTIONS, MODELS, Record


class Document:
    """A parsed file: valid records by collection, in file order."""

    def __init__(self) -> None:
        self.records: dict[str, list[Record]] = {name: [] for name in COLLECTIONS}

    def ids(self, collection: str) -> set[str]:
        return {record.id for record in self.records[collection]}

    def references(self) -> dict[str, dict[str, list[tuple[Record, str]]]]:
        """Every id a record points at: {collection pointed to: {id: [(record, field)]}}."""
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

    def dangling(self) -> dict[str, set[str]]:
        """Referenced ids that the file itself does not define (they may be in the database)."""
        return {
            collection: set(by_id) - self.ids(collection)
            for collection, by_id in self.references().items()
        }

    def reference_problems(self, known: dict[str, set[str]]) -> list[str]:
        """Problems for references to ids neither in the file nor among `known` ones."""
        problems = []
        for collection, by_id in self.references().items():
            defined = self.ids(collection) | known.get(collection, set())
            for ref_id, users in by_id.items():
                if ref_id in defined:
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


def parse_document(text: str | bytes) -> tuple[Document | None, list[str]]:
    """Parse and validate a whole file; returns the document and every problem found."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}"]
    except UnicodeDecodeError as error:
        return None, [f"the file is not UTF-8 text: {error}"]
    if not isinstance(raw, dict):
        return None, ["the file must hold a JSON object with the keys " + ", ".join(COLLECTIONS)]

    problems: list[str] = []
    for key in raw:
        if key not in COLLECTIONS and not key.startswith("@"):
            problems.append(f"unknown top-level key {key!r} (expected: {', '.join(COLLECTIONS)})")

    document = Document()
    for collection in COLLECTIONS:
        items = raw.get(collection, [])
        if not isinstance(items, list):
            problems.append(f"{collection}: must be a list")
            continue
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            # The parsed dict is dropped once its record is built: a national file would
            # otherwise be held in memory twice over, as dicts and as records.
            items[index] = None
            if not isinstance(item, dict):
                problems.append(f"{collection}[{index}]: must be an object")
                continue
            try:
                record = MODELS[collection].model_validate(item)
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
            document.records[collection].append(record)

    problems.extend(_duplicate_identifier_problems(document))
    problems.extend(_deputy_problems(document))
    problems.extend(document.cycle_problems())
    return document, problems


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
