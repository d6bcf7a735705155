"""The public Popolo export: the operator's format without anyone who has not agreed to be named.

A membership held by a private person stays in the export (the public pages show it too, as the
title on the seat) but points at a placeholder person of its own, named only "Nimeämätön
henkilö". One placeholder per membership: the same private person in two bodies is never joined
up. The file is self-contained, so `import_popolo` reads it back.
"""

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet

from jarjestokartta.core.bulk import CHUNK, chunks
from jarjestokartta.directory.models import Organization
from jarjestokartta.geography.models import Area
from jarjestokartta.popolo import exporter
from jarjestokartta.structures.models import Membership

PLACEHOLDER_PREFIX = "nimeamaton-"
PLACEHOLDER_NAME = "Nimeämätön henkilö"
_Model = TypeVar("_Model", bound=Model)


def placeholder_id(membership: Membership) -> str:
    return PLACEHOLDER_PREFIX + membership.popolo_id


def membership_record(m: Membership) -> dict[str, Any]:
    record = exporter.membership_record(m)
    if m.person is not None and not m.person.is_public:
        record["person_id"] = placeholder_id(m)
    return record


def public_membership_queryset() -> QuerySet[Membership]:
    return exporter.membership_queryset().select_related("person")


def placeholder_record(m: Membership) -> dict[str, Any]:
    return {"id": placeholder_id(m), "name": PLACEHOLDER_NAME, "public": False}


def _by_pk(queryset: QuerySet[_Model], ids: set[int] | None) -> Iterator[_Model]:
    """All rows, or those with the given primary keys, in primary-key order and in chunks (a
    region of the national data has more ids than SQLite takes in one query)."""
    if ids is None:
        yield from queryset.order_by("pk").iterator(chunk_size=CHUNK)
        return
    for chunk in chunks(sorted(ids)):
        yield from queryset.filter(pk__in=chunk).order_by("pk")


class Selection:
    """Which rows a public export holds: everything, or one region and what it refers to."""

    def __init__(self, region: Area | None, day: date) -> None:
        self.region = region
        self.organizations: set[int] | None = None
        self.memberships: set[int] | None = None
        self.persons_held: set[int] | None = None
        if region is not None:
            self._close_over(region, day)

    def _close_over(self, region: Area, day: date) -> None:
        """The region's organisations, the memberships in them and of them, and every
        organisation, seat and membership those refer to, so that nothing in the file dangles."""
        in_region = Organization.objects.in_region(region, day).values("pk")
        org_columns = ("organization", "member_organization", "on_behalf_of", "appointed_by")
        columns = ("pk", *org_columns, "person", "deputy_of")
        pending = list(
            Membership.objects.filter(
                Q(organization__in=in_region) | Q(member_organization__in=in_region)
            ).values_list(*columns)
        )
        organizations = set(in_region.values_list("pk", flat=True))
        memberships: set[int] = set()
        persons: set[int] = set()
        while pending:  # and the members they deputise, which may be outside the region
            deputies = set()
            for pk, *orgs, person, deputy_of in pending:
                memberships.add(pk)
                organizations.update(org for org in orgs if org)
                if person:
                    persons.add(person)
                if deputy_of and deputy_of not in memberships:
                    deputies.add(deputy_of)
            pending = []
            for chunk in chunks(sorted(deputies)):
                pending.extend(Membership.objects.filter(pk__in=chunk).values_list(*columns))
        missing = set(organizations)
        while missing:  # parents, grandparents…
            parents: set[int] = set()
            for chunk in chunks(sorted(missing)):
                parents.update(
                    Organization.objects.filter(pk__in=chunk, parent__isnull=False).values_list(
                        "parent", flat=True
                    )
                )
            missing = parents - organizations
            organizations |= missing
        self.organizations, self.memberships = organizations, memberships
        self.persons_held = persons

    def areas(self) -> Iterator[dict[str, Any]]:
        # All areas, also for one region: the reference geography is a few hundred records and
        # the file then resolves every area reference on its own.
        yield from exporter.iter_records("areas")

    def organization_records(self) -> Iterator[dict[str, Any]]:
        ids = self.organizations
        if ids is None:
            ids = set(Organization.objects.values_list("pk", flat=True))
        loaded = Organization.objects.select_related("parent", "area").order_by("pk")
        for chunk in chunks(sorted(ids)):
            yield from exporter.organization_records(list(loaded.filter(pk__in=chunk)))

    def _memberships(self) -> Iterator[Membership]:
        return _by_pk(public_membership_queryset(), self.memberships)

    def persons(self) -> Iterator[dict[str, Any]]:
        public = exporter.person_queryset().filter(is_public=True)
        for person in _by_pk(public, self.persons_held):
            yield exporter.person_record(person)
        for m in self._memberships():
            if m.person is not None and not m.person.is_public:
                yield placeholder_record(m)

    def posts(self) -> Iterator[dict[str, Any]]:
        posts = exporter.post_queryset()
        if self.organizations is None:
            yield from (exporter.post_record(p) for p in posts.order_by("pk").iterator(CHUNK))
            return
        for chunk in chunks(sorted(self.organizations)):
            for post in posts.filter(organization__in=chunk).order_by("pk"):
                yield exporter.post_record(post)

    def membership_records(self) -> Iterator[dict[str, Any]]:
        for m in self._memberships():
            yield membership_record(m)

    def collections(self) -> dict[str, Iterable[dict[str, Any]]]:
        return {
            "areas": self.areas(),
            "organizations": self.organization_records(),
            "persons": self.persons(),
            "posts": self.posts(),
            "memberships": self.membership_records(),
        }


def public_document(region: Area | None, day: date) -> dict[str, list[dict[str, Any]]]:
    return {name: list(items) for name, items in Selection(region, day).collections().items()}


def json_chunks(collections: dict[str, Iterable[dict[str, Any]]]) -> Iterator[str]:
    """The document as JSON text in pieces of a few hundred records, for a streamed download."""
    yield "{"
    for number, (name, items) in enumerate(collections.items()):
        yield f'{"," if number else ""}\n "{name}": ['
        batch: list[str] = []
        first = True
        for item in items:
            batch.append(("\n  " if first else ",\n  ") + json.dumps(item, ensure_ascii=False))
            first = False
            if len(batch) >= 500:
                yield "".join(batch)
                batch = []
        yield "".join(batch) + ("\n ]" if not first else "]")
    yield "\n}\n"
