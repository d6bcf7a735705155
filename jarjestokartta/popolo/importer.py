"""Reading a Popolo JSON file into the database: all of it, or nothing.

`popolo_import` reads a file a collection at a time, checks each (its own rules, and its
references to what the file defined before it and to what the database already holds) and
writes it in one transaction, leaving records that are already as the file says untouched.
"""

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils.text import slugify

from jarjestokartta.core import versions, vocabulary
from jarjestokartta.core.bulk import sqlite_page_cache
from jarjestokartta.directory.models import (
    Identifier,
    Link,
    Organization,
    OrganizationContact,
    OtherName,
    TargetGroup,
    Theme,
)
from jarjestokartta.geography.models import Area, AreaAlias
from jarjestokartta.popolo import checking, creating, exporter, records
from jarjestokartta.popolo.checking import ImportProblems
from jarjestokartta.popolo.document import (
    Document,
    UnreadableFile,
    collection_problems,
    in_writing_order,
    ordered,
    read_collections,
)
from jarjestokartta.search import index as search_index
from jarjestokartta.structures.models import Membership, Person, PersonContact, Post

REFERENCE_SCHEMES = {scheme: kind for kind, scheme in Area.CODE_SCHEMES.items()}
MODELS = checking.MODELS


class _Slugs:
    """Unique slugs for one model, looked up once rather than per record."""

    def __init__(self, model: type[Model]) -> None:
        self.taken = set(model.objects.values_list("slug", flat=True))

    def make(self, name: str, fallback: str) -> str:
        base = slugify(name)[:180] or fallback
        slug, number = base, 2
        while slug in self.taken:
            slug, number = f"{base}-{number}", number + 1
        self.taken.add(slug)
        return slug


class _Writer:
    def __init__(self, progress: Callable[[int], None]) -> None:
        self.progress = progress
        self.counts: dict[str, Counter] = {c: Counter() for c in records.COLLECTIONS}
        self.areas: dict[str, Area] = {}
        self.pks: dict[str, dict[str, int]] = {c: {} for c in MODELS}
        self.terms: dict[type[Model], dict[str, Model]] = {}

    # --- references ---------------------------------------------------------------------
    def area(self, ref: str | None) -> Area | None:
        if ref is None:
            return None
        if ref not in self.areas:
            alias = AreaAlias.objects.select_related("area").filter(popolo_id=ref).first()
            self.areas[ref] = alias.area if alias else Area.objects.get(popolo_id=ref)
        return self.areas[ref]

    def pk(self, collection: str, ref: str | None) -> int | None:
        if ref is None:
            return None
        known = self.pks[collection]
        if ref not in known:
            known[ref] = MODELS[collection].objects.values_list("pk", flat=True).get(popolo_id=ref)
        return known[ref]

    def with_canonical_areas(self, record: records.Record) -> records.Record:
        """The record with area ids as we export them, so that comparison is fair."""

        def canonical(ref: str | None) -> str | None:
            return self.area(ref).popolo_id if ref else None

        update: dict[str, Any] = {}
        if isinstance(record, records.Area):
            update["parent_id"] = canonical(record.parent_id)
        if isinstance(record, records.Organization | records.Post):
            update["area_id"] = canonical(record.area_id)
        if isinstance(record, records.Organization):
            update["operating_area_ids"] = sorted(
                {canonical(ref) for ref in record.operating_area_ids}
            )
        return record.model_copy(update=update)

    def _count(self, collection: str, outcome: str) -> None:
        self.counts[collection][outcome] += 1
        self.progress(1)

    # --- areas ---------------------------------------------------------------------------
    def write(self, collection: str, items: list) -> None:
        getattr(self, f"write_{collection}")(items)

    def write_areas(self, items: list[records.Area]) -> None:
        reference = {
            (area.classification, area.code): area
            for area in Area.objects.filter(is_reference=True)
        }
        by_name: dict[str, list[Area]] = {}
        for area in reference.values():
            by_name.setdefault(area.name, []).append(area)
        slugs = _Slugs(Area)
        for record in ordered(items, "parent_id"):
            area = self._find_area(record, reference, by_name)
            if area is not None and area.is_reference:
                self.areas[record.id] = area
                if record.id != area.popolo_id:
                    AreaAlias.objects.update_or_create(popolo_id=record.id, defaults={"area": area})
                self._count("areas", "matched")
                continue
            record = self.with_canonical_areas(record)
            if area is not None and exporter.area_record(area) == record.normal_form():
                self.areas[record.id] = area
                self._count("areas", "unchanged")
                continue
            outcome = "updated" if area else "created"
            area = area or Area(popolo_id=record.id, slug=slugs.make(record.name, "alue"))
            area.name, area.name_sv, area.name_en = record.name, record.name_sv, record.name_en
            area.classification = record.classification
            area.other_identifiers = [item.model_dump() for item in record.identifiers]
            area.parent = self.area(record.parent_id)
            area.extras = record.extras
            area.save()
            self.areas[record.id] = area
            self._count("areas", outcome)

    def _find_area(self, record: records.Area, reference, by_name) -> Area | None:
        try:
            return self.area(record.id)
        except Area.DoesNotExist:
            pass
        for item in record.identifiers:
            kind = REFERENCE_SCHEMES.get(item.scheme)
            if kind and (kind, item.identifier) in reference:
                return reference[(kind, item.identifier)]
        candidates = by_name.get(record.name, [])
        same_kind = [area for area in candidates if area.classification == record.classification]
        if len(same_kind) == 1:
            return same_kind[0]
        return candidates[0] if len(candidates) == 1 else None

    # --- organisations --------------------------------------------------------------------
    def term(self, model: type[Model], name: str) -> Model:
        if model not in self.terms:  # read once: setdefault would query on every call
            self.terms[model] = {t.name: t for t in model.objects.all()}
        cache = self.terms[model]
        if name not in cache:
            slugs = _Slugs(model)
            cache[name] = model.objects.create(name=name, slug=slugs.make(name, "aihe"))
        return cache[name]

    def counter(self, collection: str) -> Callable[[str], None]:
        return lambda outcome: self._count(collection, outcome)

    def write_organizations(self, items: list[records.Organization]) -> None:
        queryset = exporter.organization_queryset()
        existing = checking.existing(Organization, [r.id for r in items], queryset)
        self.org_slugs = _Slugs(Organization)
        # New records first, in batches: existing ones may now point at them.
        # New records resolve area aliases as they are written; only a comparison with what
        # exists needs canonical copies (a copy of every record of a national file: 150 MB).
        new = [r for r in items if r.id not in existing]
        creating.create_organizations(self, new, self.counter("organizations"))
        for record in ordered([r for r in items if r.id in existing], "parent_id"):
            record = self.with_canonical_areas(record)
            org = existing[record.id]
            self.pks["organizations"][record.id] = org.pk
            if exporter.organization_record(org) == record.normal_form():
                self._count("organizations", "unchanged")
                continue
            self._fill_organization(org, record)
            self._count("organizations", "updated")

    def organization_fields(self, record: records.Organization) -> dict[str, Any]:
        """The organisation's own columns (by attribute name) as the record gives them."""
        frequency = record.meeting_frequency
        area = self.area(record.area_id)
        return {
            "name": record.name,
            "name_sv": record.name_sv,
            "name_en": record.name_en,
            "classification": record.kind,
            "classification_as_written": vocabulary.as_written(record.classification, record.kind),
            "parent_id": self.pk("organizations", record.parent_id),
            "area_id": area.pk if area else None,
            "abstract": record.abstract,
            "description": record.description,
            "founding_date": record.founding_date,
            "dissolution_date": record.dissolution_date,
            "meetings_min": frequency.min if frequency else None,
            "meetings_max": frequency.max if frequency else None,
            "meetings_note": frequency.note if frequency else "",
            "how_to_join": record.how_to_join,
            "source": record.source,
            "last_verified": (
                date.fromisoformat(record.last_verified) if record.last_verified else None
            ),
            "extras": record.extras,
        }

    def set_organization_fields(self, org: Organization, record: records.Organization) -> None:
        for name, value in self.organization_fields(record).items():
            setattr(org, name, value)

    def _fill_organization(self, org: Organization, record: records.Organization) -> None:
        self.set_organization_fields(org, record)
        org.save()
        # The file holds the whole record, so the nested lists are replaced, not merged.
        org.other_names.all().delete()
        OtherName.objects.bulk_create(
            OtherName(
                organization=org,
                name=n.name,
                kind=n.note,
                start_date=n.start_date,
                end_date=n.end_date,
            )
            for n in record.other_names
        )
        org.identifiers.all().delete()
        Identifier.objects.bulk_create(
            Identifier(organization=org, scheme=i.scheme, identifier=i.identifier)
            for i in record.identifiers
        )
        org.contact_details.all().delete()
        OrganizationContact.objects.bulk_create(
            OrganizationContact(organization=org, **c.model_dump()) for c in record.contact_details
        )
        org.links.all().delete()
        Link.objects.bulk_create(
            Link(organization=org, **link.model_dump()) for link in record.links
        )
        org.operating_areas.set([self.area(ref) for ref in record.operating_area_ids])
        org.themes.set([self.term(Theme, name) for name in record.themes])
        org.target_groups.set([self.term(TargetGroup, name) for name in record.target_groups])

    # --- persons, posts, memberships ---------------------------------------------------------
    def write_persons(self, items: list[records.Person]) -> None:
        existing = checking.existing(Person, [r.id for r in items], exporter.person_queryset())
        new = [r for r in items if r.id not in existing]
        creating.create_persons(self, new, self.counter("persons"))
        for record in items:
            person = existing.get(record.id)
            if person is None:
                continue
            if exporter.person_record(person) == record.normal_form():
                self.pks["persons"][record.id] = person.pk
                self._count("persons", "unchanged")
                continue
            person.name, person.given_name = record.name, record.given_name
            person.family_name, person.is_public = record.family_name, record.public
            person.extras = record.extras
            person.save()
            person.contact_details.all().delete()
            PersonContact.objects.bulk_create(
                PersonContact(person=person, **c.model_dump()) for c in record.contact_details
            )
            self.pks["persons"][record.id] = person.pk
            self._count("persons", "updated")

    def write_posts(self, items: list[records.Post]) -> None:
        items = [self.with_canonical_areas(r) for r in items]
        existing = checking.existing(Post, [r.id for r in items], exporter.post_queryset())
        new = [r for r in items if r.id not in existing]
        creating.create_posts(self, new, self.counter("posts"))
        for record in items:
            post = existing.get(record.id)
            if post is None:
                continue
            self.pks["posts"][record.id] = post.pk
            if exporter.post_record(post) == record.normal_form():
                self._count("posts", "unchanged")
                continue
            self.set_post_fields(post, record)
            post.save()
            self._count("posts", "updated")

    def post_fields(self, record: records.Post) -> dict[str, Any]:
        area = self.area(record.area_id)
        return {
            "label": record.label,
            "other_label": record.other_label,
            "role": record.role_code,
            "role_as_written": vocabulary.as_written(record.role, record.role_code),
            "organization_id": self.pk("organizations", record.organization_id),
            "area_id": area.pk if area else None,
            "start_date": record.start_date,
            "end_date": record.end_date,
            "extras": record.extras,
        }

    def set_post_fields(self, post: Post, record: records.Post) -> None:
        for name, value in self.post_fields(record).items():
            setattr(post, name, value)

    def write_memberships(self, items: list[records.Membership]) -> None:
        queryset = exporter.membership_queryset()
        existing = checking.existing(Membership, [r.id for r in items], queryset)
        new = [r for r in items if r.id not in existing]
        creating.create_memberships(self, new, self.counter("memberships"))
        for record in ordered([r for r in items if r.id in existing], "deputy_of_id"):
            membership = existing[record.id]
            self.pks["memberships"][record.id] = membership.pk
            if exporter.membership_record(membership) == record.normal_form():
                self._count("memberships", "unchanged")
                continue
            self.set_membership_fields(membership, record)
            membership.save()
            self._count("memberships", "updated")

    def membership_fields(self, record: records.Membership) -> dict[str, Any]:
        return {
            "organization_id": self.pk("organizations", record.organization_id),
            "person_id": self.pk("persons", record.person_id),
            "member_organization_id": self.pk("organizations", record.member_organization_id),
            "role": record.role_code,
            "role_as_written": vocabulary.as_written(record.role, record.role_code),
            "label": record.label,
            "post_id": self.pk("posts", record.post_id),
            "on_behalf_of_id": self.pk("organizations", record.on_behalf_of_id),
            "deputy_of_id": self.pk("memberships", record.deputy_of_id),
            "appointed_by_id": self.pk("organizations", record.appointed_by_id),
            "start_date": record.start_date,
            "end_date": record.end_date,
            "extras": record.extras,
        }

    def set_membership_fields(self, m: Membership, record: records.Membership) -> None:
        for name, value in self.membership_fields(record).items():
            setattr(m, name, value)


def popolo_import(
    text: str | bytes,
    *,
    progress: Callable[[int], None] = lambda n: None,
    planned: Callable[[int], None] = lambda n: None,
) -> dict[str, Counter]:
    """Check and write a file in one transaction: all of it, or nothing and ImportProblems.

    Each collection is written as soon as it has been read and checked, so that only one
    collection's records are held at a time (all of a national file at once took 1.6 GB).
    A problem anywhere means nothing is kept: writing stops at the first problem, reading goes
    on so that every problem is reported, and the transaction is rolled back. `planned` is
    told how many records each collection brings, `progress` how many have been written.
    """
    problems: list[str] = []
    writer = _Writer(progress)
    defined: dict[str, set[str]] = {}
    # The search index and the data version are brought up to date once, at the end, inside
    # the same transaction.
    with sqlite_page_cache(), transaction.atomic(), search_index.deferred(), versions.deferred():
        for collection, items in _checked_in_order(text, problems):
            planned(len(items))
            part = Document(defined_elsewhere=defined)
            part.records[collection] = items
            problems += collection_problems(part)
            problems += part.reference_problems(checking.known_ids(part.dangling()))
            problems += checking.database_problems(part)
            defined[collection] = {record.id for record in items}
            if not problems:
                writer.write(collection, items)
            del part, items  # before the next collection is read
        if problems:
            raise ImportProblems(problems)
    return writer.counts


def _checked_in_order(text: str | bytes, problems: list[str]) -> Iterator[tuple[str, list]]:
    """The collections to write in turn; a file that cannot be read further is a problem."""
    try:
        yield from in_writing_order(read_collections(text, problems))
    except UnreadableFile as error:
        problems.append(str(error))
