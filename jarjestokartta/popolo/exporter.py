"""Writing the database out as Popolo JSON (the format of docs/popolo.md)."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from jarjestokartta.directory.models import (
    Identifier,
    Link,
    Organization,
    OrganizationContact,
    OtherName,
)
from jarjestokartta.geography.models import Area
from jarjestokartta.popolo import records
from jarjestokartta.structures.models import Membership, Person, Post

# The fields whose order carries no meaning: the normal form sorts them (records._set_of).
SET_FIELDS = ("operating_area_ids", "themes", "target_groups")


def _normal(collection: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The record's normal form (records.normal_form) without validating it again.

    What the database holds passed validation on the way in, and each record is built here in
    its model's field order, so sorting the set-like fields and pruning gives the same result as
    pydantic at a tenth of the cost: the API serialises whole pages of records per request.
    test_export checks the two agree on every demo record.
    """
    for name in SET_FIELDS:
        if name in raw:
            raw[name] = sorted(set(raw[name]))
    return records.prune(raw)


def _contacts(items: Iterable) -> list[dict[str, str]]:
    return [{"type": c.type, "value": c.value, "label": c.label, "note": c.note} for c in items]


def area_record(area: Area) -> dict[str, Any]:
    identifiers = []
    if area.code and area.code_scheme:
        identifiers.append({"scheme": area.code_scheme, "identifier": area.code})
    identifiers.extend(area.other_identifiers)
    return _normal(
        "areas",
        {
            "id": area.popolo_id,
            "name": area.name,
            "name_sv": area.name_sv,
            "name_en": area.name_en,
            "classification": area.classification,
            "identifiers": identifiers,
            "parent_id": area.parent.popolo_id if area.parent_id else None,
            **area.extras,
        },
    )


def organization_queryset():
    return Organization.objects.with_details()


@dataclass
class OrganizationParts:
    """An organisation's child rows, as its record shows them."""

    other_names: list[dict] = field(default_factory=list)
    identifiers: list[dict] = field(default_factory=list)
    operating_area_ids: list[str] = field(default_factory=list)
    contact_details: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)


def _other_name(name: str, kind: str, start: str, end: str) -> dict[str, str]:
    return {"name": name, "note": kind, "start_date": start, "end_date": end}


def _prefetched_parts(org: Organization) -> OrganizationParts:
    return OrganizationParts(
        other_names=[
            _other_name(n.name, n.kind, n.start_date, n.end_date) for n in org.other_names.all()
        ],
        identifiers=[
            {"scheme": i.scheme, "identifier": i.identifier} for i in org.identifiers.all()
        ],
        operating_area_ids=[a.popolo_id for a in org.operating_areas.all()],
        contact_details=_contacts(org.contact_details.all()),
        links=[{"url": link.url, "note": link.note} for link in org.links.all()],
        themes=[t.name for t in org.themes.all()],
        target_groups=[t.name for t in org.target_groups.all()],
    )


def organization_parts(pks: list[int]) -> dict[int, OrganizationParts]:
    """The child rows of many organisations in seven plain queries.

    Django's prefetch_related builds a manager and a queryset per organisation and relation;
    on a page of 50 that was over half of the API's time. Rows as tuples are enough here.
    """
    parts = {pk: OrganizationParts() for pk in pks}
    ordered = {"organization__in": pks}
    for org, *row in (
        OtherName.objects.filter(**ordered)
        .order_by("id")
        .values_list("organization", "name", "kind", "start_date", "end_date")
    ):
        parts[org].other_names.append(_other_name(*row))
    for org, scheme, identifier in (
        Identifier.objects.filter(**ordered)
        .order_by("id")
        .values_list("organization", "scheme", "identifier")
    ):
        parts[org].identifiers.append({"scheme": scheme, "identifier": identifier})
    for org, kind, value, label, note in (
        OrganizationContact.objects.filter(**ordered)
        .order_by("id")
        .values_list("organization", "type", "value", "label", "note")
    ):
        parts[org].contact_details.append(
            {"type": kind, "value": value, "label": label, "note": note}
        )
    for org, url, note in (
        Link.objects.filter(**ordered).order_by("id").values_list("organization", "url", "note")
    ):
        parts[org].links.append({"url": url, "note": note})
    for relation, name, column in (
        (Organization.operating_areas, "operating_area_ids", "area__popolo_id"),
        (Organization.themes, "themes", "theme__name"),
        (Organization.target_groups, "target_groups", "targetgroup__name"),
    ):
        rows = relation.through.objects.filter(**ordered).values_list("organization", column)
        for org, value in rows:
            getattr(parts[org], name).append(value)
    return parts


def organization_record(
    org: Organization, parts: OrganizationParts | None = None
) -> dict[str, Any]:
    """One record: its child rows from `parts` or else from org's prefetched relations."""
    parts = parts or _prefetched_parts(org)
    frequency = None
    if org.meetings_min is not None or org.meetings_max is not None or org.meetings_note:
        frequency = {"min": org.meetings_min, "max": org.meetings_max, "note": org.meetings_note}
    return _normal(
        "organizations",
        {
            "id": org.popolo_id,
            "name": org.name,
            "name_sv": org.name_sv,
            "name_en": org.name_en,
            "other_names": parts.other_names,
            "identifiers": parts.identifiers,
            "classification": org.classification_as_written or org.classification,
            "parent_id": org.parent.popolo_id if org.parent_id else None,
            "area_id": org.area.popolo_id if org.area_id else None,
            "operating_area_ids": parts.operating_area_ids,
            "abstract": org.abstract,
            "description": org.description,
            "founding_date": org.founding_date,
            "dissolution_date": org.dissolution_date,
            "contact_details": parts.contact_details,
            "links": parts.links,
            "themes": parts.themes,
            "target_groups": parts.target_groups,
            "meeting_frequency": frequency,
            "how_to_join": org.how_to_join,
            "source": org.source,
            "last_verified": org.last_verified.isoformat() if org.last_verified else "",
            **org.extras,
        },
    )


def organization_records(orgs: list[Organization]) -> list[dict[str, Any]]:
    """Records of many organisations (loaded with parent and area) in seven more queries."""
    parts = organization_parts([org.pk for org in orgs])
    return [organization_record(org, parts[org.pk]) for org in orgs]


def person_queryset():
    return Person.objects.prefetch_related("contact_details")


def person_record(person: Person) -> dict[str, Any]:
    return _normal(
        "persons",
        {
            "id": person.popolo_id,
            "name": person.name,
            "given_name": person.given_name,
            "family_name": person.family_name,
            "public": person.is_public,
            "contact_details": _contacts(person.contact_details.all()),
            **person.extras,
        },
    )


def post_queryset():
    return Post.objects.select_related("organization", "area")


def post_record(post: Post) -> dict[str, Any]:
    return _normal(
        "posts",
        {
            "id": post.popolo_id,
            "label": post.label,
            "other_label": post.other_label,
            "organization_id": post.organization.popolo_id,
            "role": post.role_as_written or post.role,
            "area_id": post.area.popolo_id if post.area_id else None,
            "start_date": post.start_date,
            "end_date": post.end_date,
            **post.extras,
        },
    )


def membership_queryset():
    return Membership.objects.select_related(
        "organization",
        "person",
        "member_organization",
        "post",
        "on_behalf_of",
        "deputy_of",
        "appointed_by",
    )


def membership_record(m: Membership) -> dict[str, Any]:
    member = None
    if m.member_organization_id:
        member = {"@type": "Organization", "id": m.member_organization.popolo_id}
    return _normal(
        "memberships",
        {
            "id": m.popolo_id,
            "organization_id": m.organization.popolo_id,
            "person_id": m.person.popolo_id if m.person_id else None,
            "member": member,
            "role": m.role_as_written or m.role,
            "label": m.label,
            "post_id": m.post.popolo_id if m.post_id else None,
            "on_behalf_of_id": m.on_behalf_of.popolo_id if m.on_behalf_of_id else None,
            "deputy_of_id": m.deputy_of.popolo_id if m.deputy_of_id else None,
            "appointed_by_id": m.appointed_by.popolo_id if m.appointed_by_id else None,
            "start_date": m.start_date,
            "end_date": m.end_date,
            **m.extras,
        },
    )


SERIALIZERS = {
    "areas": (lambda: Area.objects.select_related("parent"), area_record),
    "organizations": (organization_queryset, organization_record),
    "persons": (person_queryset, person_record),
    "posts": (post_queryset, post_record),
    "memberships": (membership_queryset, membership_record),
}


def iter_records(collection: str, chunk_size: int = 2000) -> Iterator[dict[str, Any]]:
    queryset, serialize = SERIALIZERS[collection]
    for item in queryset().order_by("pk").iterator(chunk_size=chunk_size):
        yield serialize(item)


def export_document() -> dict[str, list[dict[str, Any]]]:
    """The whole dataset, private persons included: this is the operator's lossless dump."""
    return {collection: list(iter_records(collection)) for collection in records.COLLECTIONS}
