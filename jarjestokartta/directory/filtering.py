"""Filtering organisation lists: the API's list and its CSV and XLSX downloads share this.

Filters combine with AND; the values given for one filter combine with OR ("theme A or theme
B, in municipality C"). A value that names nothing is an error, not an empty list, so that a
typing mistake is not mistaken for "no organisations".
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q

from jarjestokartta.directory.models import Identifier, Organization, TargetGroup, Theme
from jarjestokartta.directory.queries import located_in
from jarjestokartta.directory.querysets import OrganizationQuerySet, areas_within
from jarjestokartta.geography.models import Area, AreaKind


class UnknownValue(ValueError):
    """A filter value that names nothing; the message says which."""


@dataclass
class OrganizationFilter:
    region: Sequence[str] = ()
    municipality: Sequence[str] = ()
    classification: Sequence[str] = ()
    theme: Sequence[str] = ()
    target_group: Sequence[str] = ()
    parent: str = ""
    identifier: str = ""
    modified_after: datetime | None = None
    active_on: date | None = None


def organization_by_ref(ref: str, queryset=None) -> Organization | None:
    """An organisation by its Popolo id or by the slug of its page."""
    queryset = (Organization.objects.all() if queryset is None else queryset).order_by()
    # Two lookups by unique index: with "popolo_id = x OR slug = x" and the model's ordering
    # SQLite walked the name index instead (4 ms a lookup at 120,000 organisations).
    for field in ("popolo_id", "slug"):
        found = list(queryset.filter(**{field: ref})[:1])
        if found:
            return found[0]
    return None


def area_by_ref(kind: str, ref: str) -> Area:
    """A region or municipality by slug or official code ("pohjois-savo" or "11")."""
    found = Area.objects.filter(Q(slug=ref) | Q(code=ref), classification=kind).first()
    if found is None:
        name = "region" if kind == AreaKind.REGION else "municipality"
        raise UnknownValue(f"unknown {name} {ref!r}: give its slug or official code")
    return found


def _terms(model: type[Theme] | type[TargetGroup], slugs: Sequence[str], name: str) -> list[int]:
    found = dict(model.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    for slug in slugs:
        if slug not in found:
            raise UnknownValue(f"unknown {name} {slug!r}")
    return list(found.values())


def _identifier(value: str) -> Q:
    """ "ytunnus:1234567-8" in one scheme, or "1234567-8" in any."""
    scheme, colon, identifier = value.partition(":")
    rows = (
        Identifier.objects.filter(scheme=scheme, identifier=identifier)
        if colon
        else Identifier.objects.filter(identifier=value)
    )
    return Q(pk__in=rows.values("organization"))


def filter_organizations(
    queryset: OrganizationQuerySet, wanted: OrganizationFilter, today: date
) -> OrganizationQuerySet:
    """The organisations matching every filter given; UnknownValue when a value names nothing.

    Regions are read as of `active_on` (or today): a municipality that moved between regions
    counts in the region it belonged to on that day.
    """
    day = wanted.active_on or today
    conditions: list[Q] = []
    if wanted.region:
        ids: set[int] = set()
        for ref in wanted.region:
            ids.update(areas_within(area_by_ref(AreaKind.REGION, ref), day))
        conditions.append(located_in(ids))
    if wanted.municipality:
        ids = {area_by_ref(AreaKind.MUNICIPALITY, ref).pk for ref in wanted.municipality}
        conditions.append(located_in(ids))
    if wanted.classification:
        unknown = set(wanted.classification) - set(Organization.Kind.values)
        if unknown:
            raise UnknownValue(f"unknown classification {sorted(unknown)[0]!r}")
        conditions.append(Q(classification__in=wanted.classification))
    if wanted.theme:
        themes = _terms(Theme, wanted.theme, "theme")
        rows = Organization.themes.through.objects.filter(theme__in=themes)
        conditions.append(Q(pk__in=rows.values("organization")))
    if wanted.target_group:
        groups = _terms(TargetGroup, wanted.target_group, "target group")
        rows = Organization.target_groups.through.objects.filter(targetgroup__in=groups)
        conditions.append(Q(pk__in=rows.values("organization")))
    if wanted.parent:
        parent = organization_by_ref(wanted.parent)
        if parent is None:
            raise UnknownValue(f"unknown parent organisation {wanted.parent!r}")
        conditions.append(Q(parent=parent))
    if wanted.identifier:
        conditions.append(_identifier(wanted.identifier))
    if wanted.modified_after:
        conditions.append(Q(modified__gt=wanted.modified_after))
    queryset = queryset.filter(*conditions)
    if wanted.active_on:
        queryset = queryset.active_on(wanted.active_on)
    return queryset.order_by("name", "pk")
