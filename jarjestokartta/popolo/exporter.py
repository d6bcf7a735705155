"""Writing the database out as Popolo JSON (the format of docs/popolo.md)."""

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import ValidationError

from jarjestokartta.directory.models import Organization
from jarjestokartta.geography.models import Area
from jarjestokartta.popolo import records
from jarjestokartta.structures.models import Membership, Person, Post


def _normal(collection: str, raw: dict[str, Any]) -> dict[str, Any]:
    try:
        return records.normal_form(collection, raw)
    except ValidationError:
        # Data entered before a rule existed must still come out rather than block the export.
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


def organization_record(org: Organization) -> dict[str, Any]:
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
            "other_names": [
                {"name": n.name, "note": n.kind, "start_date": n.start_date, "end_date": n.end_date}
                for n in org.other_names.all()
            ],
            "identifiers": [
                {"scheme": i.scheme, "identifier": i.identifier} for i in org.identifiers.all()
            ],
            "classification": org.classification,
            "parent_id": org.parent.popolo_id if org.parent_id else None,
            "area_id": org.area.popolo_id if org.area_id else None,
            "operating_area_ids": [a.popolo_id for a in org.operating_areas.all()],
            "abstract": org.abstract,
            "description": org.description,
            "founding_date": org.founding_date,
            "dissolution_date": org.dissolution_date,
            "contact_details": _contacts(org.contact_details.all()),
            "links": [{"url": link.url, "note": link.note} for link in org.links.all()],
            "themes": [t.name for t in org.themes.all()],
            "target_groups": [t.name for t in org.target_groups.all()],
            "meeting_frequency": frequency,
            "how_to_join": org.how_to_join,
            "source": org.source,
            "last_verified": org.last_verified.isoformat() if org.last_verified else "",
            **org.extras,
        },
    )


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
            "role": post.role,
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
            "role": m.role,
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
