"""Creating the records an import adds, in batches rather than one save at a time.

New records are the bulk of a large import (a national file into an empty database). They
are inserted as rows of plain values a batch at a time (core/bulk.py), their nested rows and
many-to-many links likewise, and their first history rows copied in the database, so that a
created record has the same history as one saved through the admin. Records that point at
others of the same kind (parents, deputies) are created in layers: those pointed at first.
Records that already exist go through the importer's compare-and-update path instead.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from jarjestokartta.core import partial_dates, versions
from jarjestokartta.core.bulk import Rows, one_of_ids, pks_by_popolo_id
from jarjestokartta.directory.models import (
    Identifier,
    Link,
    Organization,
    OrganizationContact,
    OtherName,
    TargetGroup,
    Theme,
)
from jarjestokartta.popolo import records
from jarjestokartta.search import index as search_index
from jarjestokartta.structures.models import Membership, Person, PersonContact, Post

if TYPE_CHECKING:
    from jarjestokartta.popolo.importer import _Writer

BATCH = 2000


def layers(items: list[records.Record], field: str) -> list[list[records.Record]]:
    """The records in layers: a record pointing (by `field`) at another in the list comes in
    a later layer than its target. The list is free of cycles (the document checked it)."""
    by_id = {item.id: item for item in items}
    depth: dict[str, int] = {}
    for item in items:
        chain = []
        current: records.Record | None = item
        while current is not None and current.id not in depth:
            chain.append(current)
            target = getattr(current, field)
            current = by_id.get(target) if target else None
        level = depth[current.id] + 1 if current is not None else 0
        for record in reversed(chain):
            depth[record.id] = level
            level += 1
    result: list[list[records.Record]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for item in items:
        result[depth[item.id]].append(item)
    return result


def batches(items: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert(
    model: type[Model], records_: list[records.Record], fields: list[dict[str, Any]]
) -> dict[str, int]:
    """Insert new records (their own columns) and their first history rows; their pks."""
    popolo_ids = [record.id for record in records_]
    names = ["popolo_id", *fields[0]]
    Rows(model, names).insert(
        (popolo_id, *values.values()) for popolo_id, values in zip(popolo_ids, fields, strict=True)
    )
    pks = pks_by_popolo_id(model, popolo_ids)
    if hasattr(model, "history"):
        _copy_history(model, list(pks.values()))
    return pks


def _dated(values: dict[str, Any], start: str, end: str) -> dict[str, Any]:
    """The days "as of" queries use, derived as DatedModel.derive_active_days does."""
    values["active_from"] = partial_dates.first_day(values[start]) if values[start] else None
    values["active_until"] = partial_dates.last_day(values[end]) if values[end] else None
    return values


def _copy_history(model: type[Model], pks: list[int]) -> None:
    """The rows simple_history writes for a creation ("+"), copied inside the database.

    simple_history's bulk_history_create builds a model instance per row in Python, which took
    more time than inserting the records themselves (22 of 40 s for 80,000 memberships in a
    profile); INSERT … SELECT writes the same rows from the rows just inserted.
    """
    history = model.history.model
    names = [field.name for field in history.tracked_fields]
    target = [history._meta.get_field(name).column for name in names]
    source = [model._meta.get_field(name).column for name in names]
    quote = connection.ops.quote_name
    where, params = one_of_ids(quote(model._meta.pk.column), sorted(pks))
    sql = (
        f"INSERT INTO {quote(history._meta.db_table)} "
        f"({', '.join(map(quote, target))}, history_date, history_change_reason, history_type, "
        f"history_user_id) SELECT {', '.join(map(quote, source))}, %s, %s, %s, NULL "
        f"FROM {quote(model._meta.db_table)} WHERE {where}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [timezone.now(), "import", "+", *params])


def _links(relation, pairs: Iterable[tuple[int, int]]) -> None:
    """Many-to-many rows (owner pk, target pk) straight into the through table."""
    field = relation.field
    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    Rows(through, [source, target]).insert(pairs)


def create_organizations(
    writer: "_Writer", items: list[records.Organization], count: Callable[[str], None]
) -> None:
    for layer in layers(items, "parent_id"):
        for batch in batches(layer):
            fields = [
                _dated(
                    {
                        "slug": writer.org_slugs.make(record.name, "jarjesto"),
                        **writer.organization_fields(record),
                    },
                    "founding_date",
                    "dissolution_date",
                )
                for record in batch
            ]
            pks = _insert(Organization, batch, fields)
            writer.pks["organizations"].update(pks)
            _organization_rows(writer, [(pks[record.id], record) for record in batch])
            for record in batch:
                search_index.organization_changed(pks[record.id])
                count("created")
    if items:
        versions.changed()


def _organization_rows(writer: "_Writer", pairs: list[tuple[int, records.Organization]]):
    Rows(OtherName, ["organization", "name", "kind", "start_date", "end_date"]).insert(
        (pk, n.name, n.note, n.start_date, n.end_date)
        for pk, record in pairs
        for n in record.other_names
    )
    Rows(Identifier, ["organization", "scheme", "identifier"]).insert(
        (pk, i.scheme, i.identifier) for pk, record in pairs for i in record.identifiers
    )
    Rows(OrganizationContact, ["organization", "type", "value", "label", "note"]).insert(
        (pk, c.type, c.value, c.label, c.note)
        for pk, record in pairs
        for c in record.contact_details
    )
    Rows(Link, ["organization", "url", "note"]).insert(
        (pk, link.url, link.note) for pk, record in pairs for link in record.links
    )
    _links(
        Organization.operating_areas,
        {(pk, writer.area(ref).pk) for pk, record in pairs for ref in record.operating_area_ids},
    )
    _links(
        Organization.themes,
        {(pk, writer.term(Theme, name).pk) for pk, record in pairs for name in record.themes},
    )
    _links(
        Organization.target_groups,
        {
            (pk, writer.term(TargetGroup, name).pk)
            for pk, record in pairs
            for name in record.target_groups
        },
    )


def create_persons(
    writer: "_Writer", items: list[records.Person], count: Callable[[str], None]
) -> None:
    for batch in batches(items):
        fields = [
            {
                "name": record.name,
                "given_name": record.given_name,
                "family_name": record.family_name,
                "is_public": record.public,
                "extras": record.extras,
            }
            for record in batch
        ]
        pks = _insert(Person, batch, fields)
        writer.pks["persons"].update(pks)
        Rows(PersonContact, ["person", "type", "value", "label", "note"]).insert(
            (pks[record.id], c.type, c.value, c.label, c.note)
            for record in batch
            for c in record.contact_details
        )
        for _record in batch:
            count("created")
    if items:
        versions.changed()


def create_posts(writer: "_Writer", items: list[records.Post], count: Callable[[str], None]):
    for batch in batches(items):
        fields = [_dated(writer.post_fields(record), "start_date", "end_date") for record in batch]
        writer.pks["posts"].update(_insert(Post, batch, fields))
        for _record in batch:
            count("created")
    if items:
        versions.changed()


def create_memberships(
    writer: "_Writer", items: list[records.Membership], count: Callable[[str], None]
) -> None:
    for layer in layers(items, "deputy_of_id"):
        for batch in batches(layer):
            fields = [
                _dated(writer.membership_fields(record), "start_date", "end_date")
                for record in batch
            ]
            writer.pks["memberships"].update(_insert(Membership, batch, fields))
            for _record in batch:
                count("created")
    if items:
        versions.changed()
