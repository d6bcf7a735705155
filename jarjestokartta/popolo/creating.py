"""Creating the records an import adds, in batches rather than one save at a time.

New records are the bulk of a large import (a national file into an empty database). They
are inserted with bulk_create a batch at a time, their nested rows and many-to-many links
likewise, and their first history rows copied in the database, so that a created record has
the same history as one saved through the admin. Records that point at
others of the same kind (parents, deputies) are created in layers: those pointed at first.
Records that already exist go through the importer's compare-and-update path instead.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from jarjestokartta.core import versions
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


def _insert(model: type[Model], objects: list[Model]) -> None:
    """Insert new records and their first history rows."""
    model.objects.bulk_create(objects)
    if hasattr(model, "history"):
        _copy_history(model, [obj.pk for obj in objects])


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
    sql = (
        f"INSERT INTO {quote(history._meta.db_table)} "
        f"({', '.join(map(quote, target))}, history_date, history_change_reason, history_type, "
        f"history_user_id) SELECT {', '.join(map(quote, source))}, %s, %s, %s, NULL "
        f"FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} IN "
        f"({', '.join(['%s'] * len(pks))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [timezone.now(), "import", "+", *pks])


def _links(relation, pairs: Iterable[tuple[int, int]]) -> None:
    """Many-to-many rows (owner pk, target pk) straight into the through table."""
    field = relation.field
    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    through.objects.bulk_create(
        [through(**{source: owner, target: other}) for owner, other in pairs], batch_size=BATCH
    )


def create_organizations(
    writer: "_Writer", items: list[records.Organization], count: Callable[[str], None]
) -> None:
    for layer in layers(items, "parent_id"):
        for batch in batches(layer):
            orgs = []
            for record in batch:
                org = Organization(
                    popolo_id=record.id, slug=writer.org_slugs.make(record.name, "jarjesto")
                )
                writer.set_organization_fields(org, record)
                org.derive_active_days()
                orgs.append(org)
            _insert(Organization, orgs)
            _organization_rows(writer, list(zip(orgs, batch, strict=True)))
            for org, record in zip(orgs, batch, strict=True):
                writer.pks["organizations"][record.id] = org.pk
                search_index.organization_changed(org.pk)
                count("created")
    if items:
        versions.changed()


def _organization_rows(writer: "_Writer", pairs: list[tuple[Organization, records.Organization]]):
    OtherName.objects.bulk_create(
        OtherName(
            organization=org,
            name=n.name,
            kind=n.note,
            start_date=n.start_date,
            end_date=n.end_date,
        )
        for org, record in pairs
        for n in record.other_names
    )
    Identifier.objects.bulk_create(
        Identifier(organization=org, scheme=i.scheme, identifier=i.identifier)
        for org, record in pairs
        for i in record.identifiers
    )
    OrganizationContact.objects.bulk_create(
        OrganizationContact(organization=org, **c.model_dump())
        for org, record in pairs
        for c in record.contact_details
    )
    Link.objects.bulk_create(
        Link(organization=org, **link.model_dump())
        for org, record in pairs
        for link in record.links
    )
    _links(
        Organization.operating_areas,
        {
            (org.pk, writer.area(ref).pk)
            for org, record in pairs
            for ref in record.operating_area_ids
        },
    )
    _links(
        Organization.themes,
        {(org.pk, writer.term(Theme, name).pk) for org, record in pairs for name in record.themes},
    )
    _links(
        Organization.target_groups,
        {
            (org.pk, writer.term(TargetGroup, name).pk)
            for org, record in pairs
            for name in record.target_groups
        },
    )


def create_persons(
    writer: "_Writer", items: list[records.Person], count: Callable[[str], None]
) -> None:
    for batch in batches(items):
        persons = [
            Person(
                popolo_id=record.id,
                name=record.name,
                given_name=record.given_name,
                family_name=record.family_name,
                is_public=record.public,
                extras=record.extras,
            )
            for record in batch
        ]
        _insert(Person, persons)
        PersonContact.objects.bulk_create(
            PersonContact(person=person, **c.model_dump())
            for person, record in zip(persons, batch, strict=True)
            for c in record.contact_details
        )
        for person, record in zip(persons, batch, strict=True):
            writer.pks["persons"][record.id] = person.pk
            count("created")
    if items:
        versions.changed()


def create_posts(writer: "_Writer", items: list[records.Post], count: Callable[[str], None]):
    for batch in batches(items):
        posts = []
        for record in batch:
            post = Post(popolo_id=record.id)
            writer.set_post_fields(post, record)
            post.derive_active_days()
            posts.append(post)
        _insert(Post, posts)
        for post, record in zip(posts, batch, strict=True):
            writer.pks["posts"][record.id] = post.pk
            count("created")
    if items:
        versions.changed()


def create_memberships(
    writer: "_Writer", items: list[records.Membership], count: Callable[[str], None]
) -> None:
    for layer in layers(items, "deputy_of_id"):
        for batch in batches(layer):
            memberships = []
            for record in batch:
                membership = Membership(popolo_id=record.id)
                writer.set_membership_fields(membership, record)
                membership.derive_active_days()
                memberships.append(membership)
            _insert(Membership, memberships)
            for membership, record in zip(memberships, batch, strict=True):
                writer.pks["memberships"][record.id] = membership.pk
                count("created")
    if items:
        versions.changed()
