"""Reading a Popolo JSON file into the database: all of it, or nothing.

`popolo_validate` finds every problem in a file (its own rules and its references to what the
database already holds); `popolo_write` then writes the valid document in one transaction,
leaving records that are already as the file says untouched.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils.text import slugify

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
from jarjestokartta.geography.models import Area, AreaAlias
from jarjestokartta.popolo import creating, exporter, records
from jarjestokartta.popolo.document import Document, ordered, parse_document
from jarjestokartta.search import index as search_index
from jarjestokartta.structures.models import Membership, Person, PersonContact, Post

# Large IN (…) lists are split so that SQLite's limit on query parameters is never reached.
CHUNK = 2000
REFERENCE_SCHEMES = {scheme: kind for kind, scheme in Area.CODE_SCHEMES.items()}
MODELS: dict[str, type[Model]] = {
    "organizations": Organization,
    "persons": Person,
    "posts": Post,
    "memberships": Membership,
}


class ImportProblems(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the file")
        self.problems = problems


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _existing(model: type[Model], ids: Iterable[str], queryset=None) -> dict[str, Any]:
    queryset = queryset if queryset is not None else model.objects.all()
    found = {}
    for chunk in _chunks(ids):
        found.update({obj.popolo_id: obj for obj in queryset.filter(popolo_id__in=chunk)})
    return found


def _known_ids(dangling: dict[str, set[str]]) -> dict[str, set[str]]:
    known = {
        collection: set(_existing(model, dangling[collection], model.objects.only("popolo_id")))
        for collection, model in MODELS.items()
    }
    known["areas"] = set(_existing(Area, dangling["areas"], Area.objects.only("popolo_id")))
    known["areas"] |= set(_existing(AreaAlias, dangling["areas"]))
    return known


def _database_problems(document: Document) -> list[str]:
    """Rules that need the database: identifiers held by others, deputies across bodies."""
    problems = []
    wanted = {
        (item.scheme, item.identifier): org.id
        for org in document.records["organizations"]
        for item in org.identifiers
    }
    values = {identifier for _, identifier in wanted}
    for chunk in _chunks(values):
        held = Identifier.objects.filter(identifier__in=chunk).select_related("organization")
        for row in held:
            org_id = wanted.get((row.scheme, row.identifier))
            if org_id is not None and row.organization.popolo_id != org_id:
                problems.append(
                    f"organizations id={org_id!r}: identifiers: {row.scheme} "
                    f"{row.identifier!r} already belongs to organisation "
                    f"{row.organization.popolo_id!r}"
                )
    in_file = document.ids("memberships")
    outside = {m.deputy_of_id for m in document.records["memberships"]} - in_file - {None}
    targets = _existing(Membership, outside, Membership.objects.select_related("organization"))
    for membership in document.records["memberships"]:
        target = targets.get(membership.deputy_of_id or "")
        if target and target.organization.popolo_id != membership.organization_id:
            problems.append(
                f"memberships id={membership.id!r}: deputy_of_id: {target.popolo_id!r} is a "
                f"membership of {target.organization.popolo_id!r}, not of "
                f"{membership.organization_id!r}"
            )
    return problems


def popolo_validate(text: str | bytes) -> Document:
    """The parsed document, or ImportProblems listing everything wrong with it."""
    document, problems = parse_document(text)
    if document is not None:
        problems += document.reference_problems(_known_ids(document.dangling()))
        problems += _database_problems(document)
    if problems:
        raise ImportProblems(problems)
    assert document is not None
    return document


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
    def __init__(self, document: Document, progress: Callable[[int], None]) -> None:
        self.document = document
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
    def write_areas(self) -> None:
        reference = {
            (area.classification, area.code): area
            for area in Area.objects.filter(is_reference=True)
        }
        by_name: dict[str, list[Area]] = {}
        for area in reference.values():
            by_name.setdefault(area.name, []).append(area)
        slugs = _Slugs(Area)
        for record in ordered(self.document.records["areas"], "parent_id"):
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

    def write_organizations(self) -> None:
        items = self.document.records["organizations"]
        existing = _existing(Organization, [r.id for r in items], exporter.organization_queryset())
        self.org_slugs = _Slugs(Organization)
        # New records first, in batches: existing ones may now point at them.
        new = [self.with_canonical_areas(r) for r in items if r.id not in existing]
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

    def set_organization_fields(self, org: Organization, record: records.Organization) -> None:
        frequency = record.meeting_frequency
        org.name, org.name_sv, org.name_en = record.name, record.name_sv, record.name_en
        org.classification = record.classification
        org.parent_id = self.pk("organizations", record.parent_id)
        org.area = self.area(record.area_id)
        org.abstract, org.description = record.abstract, record.description
        org.founding_date, org.dissolution_date = record.founding_date, record.dissolution_date
        org.meetings_min = frequency.min if frequency else None
        org.meetings_max = frequency.max if frequency else None
        org.meetings_note = frequency.note if frequency else ""
        org.how_to_join, org.source = record.how_to_join, record.source
        org.last_verified = (
            date.fromisoformat(record.last_verified) if record.last_verified else None
        )
        org.extras = record.extras

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
    def write_persons(self) -> None:
        items = self.document.records["persons"]
        existing = _existing(Person, [r.id for r in items], exporter.person_queryset())
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

    def write_posts(self) -> None:
        items = [self.with_canonical_areas(r) for r in self.document.records["posts"]]
        existing = _existing(Post, [r.id for r in items], exporter.post_queryset())
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

    def set_post_fields(self, post: Post, record: records.Post) -> None:
        post.label, post.other_label, post.role = record.label, record.other_label, record.role
        post.organization_id = self.pk("organizations", record.organization_id)
        post.area = self.area(record.area_id)
        post.start_date, post.end_date = record.start_date, record.end_date
        post.extras = record.extras

    def write_memberships(self) -> None:
        items = self.document.records["memberships"]
        existing = _existing(Membership, [r.id for r in items], exporter.membership_queryset())
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

    def set_membership_fields(self, m: Membership, record: records.Membership) -> None:
        m.organization_id = self.pk("organizations", record.organization_id)
        m.person_id = self.pk("persons", record.person_id)
        m.member_organization_id = self.pk("organizations", record.member_organization_id)
        m.role, m.label = record.role, record.label
        m.post_id = self.pk("posts", record.post_id)
        m.on_behalf_of_id = self.pk("organizations", record.on_behalf_of_id)
        m.deputy_of_id = self.pk("memberships", record.deputy_of_id)
        m.appointed_by_id = self.pk("organizations", record.appointed_by_id)
        m.start_date, m.end_date = record.start_date, record.end_date
        m.extras = record.extras


def popolo_write(
    document: Document, *, progress: Callable[[int], None] = lambda n: None
) -> dict[str, Counter]:
    """Write a validated document in one transaction; counts of created/updated/unchanged."""
    writer = _Writer(document, progress)
    # The search index and the data version are brought up to date once, at the end, inside
    # the same transaction.
    with transaction.atomic(), search_index.deferred(), versions.deferred():
        writer.write_areas()
        writer.write_organizations()
        writer.write_persons()
        writer.write_posts()
        writer.write_memberships()
    return writer.counts


def popolo_import(text: str | bytes) -> dict[str, Counter]:
    return popolo_write(popolo_validate(text))
