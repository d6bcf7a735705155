"""Reads of organisations that several places share."""

from collections import Counter
from collections.abc import Iterable
from datetime import date

from django.db.models import Q

from jarjestokartta.directory.models import BODY_KINDS, Organization
from jarjestokartta.directory.querysets import areas_within, home_or_operating_area
from jarjestokartta.geography.models import Area, AreaKind, AreaLink

# areas_within is read from here by the pages, the API and the bench.
__all__ = ["areas_within", "located_in", "region_counts"]


def located_in(area_ids: Iterable[int]) -> Q:
    """At home in, or operating in, one of the areas: a condition on organisations."""
    return home_or_operating_area(area_ids, Organization.operating_areas.through)


def region_counts(day: date) -> list[dict]:
    """Each region with data: how many organisations and how many cooperation bodies.

    Three queries whatever the number of regions: the links, the home areas and the areas of
    operation; the counting happens here.
    """
    region_of: dict[int, set[int]] = {}
    regions = {area.pk: area for area in Area.objects.filter(classification=AreaKind.REGION)}
    for area_id, parent_id in (
        AreaLink.objects.active_on(day)
        .filter(parent__classification=AreaKind.REGION)
        .values_list("area", "parent")
    ):
        region_of.setdefault(area_id, set()).add(parent_id)
    for region_id in regions:
        region_of.setdefault(region_id, set()).add(region_id)

    kinds: dict[int, str] = {}
    org_regions: dict[int, set[int]] = {}
    for org_id, kind, area_id in Organization.objects.values_list("pk", "classification", "area"):
        kinds[org_id] = kind
        org_regions[org_id] = set(region_of.get(area_id, ()))
    through = Organization.operating_areas.through.objects.values_list("organization", "area")
    for org_id, area_id in through:
        org_regions[org_id] |= region_of.get(area_id, set())

    organizations: Counter = Counter()
    bodies: Counter = Counter()
    for org_id, found in org_regions.items():
        for region_id in found:
            organizations[region_id] += 1
            if kinds[org_id] in BODY_KINDS:
                bodies[region_id] += 1
    return [
        {"region": region, "organizations": organizations[pk], "bodies": bodies[pk]}
        for pk, region in sorted(regions.items(), key=lambda item: item[1].code)
        if organizations[pk]
    ]
