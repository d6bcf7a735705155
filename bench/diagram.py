"""A large synthetic cooperation structure in one region, for timing the diagram, and what
its overview summarises."""

import random
from datetime import date

from django.db import transaction
from django.db.models.functions import Coalesce

from jarjestokartta.diagram.overview import COUNTED, STRUCTURAL_KINDS
from jarjestokartta.directory.models import BODY_KINDS, Organization
from jarjestokartta.directory.queries import areas_within, located_in
from jarjestokartta.geography.models import Area, AreaKind, AreaLink
from jarjestokartta.structures.models import Membership, Role

BODY_NAMES = ["verkosto", "neuvosto", "työryhmä", "foorumi", "kumppanuuspöytä", "hanke"]


def add_region_structure(
    region: Area, *, bodies: int, public_bodies: int, associations: int, seed: int
) -> int:
    """Bodies, public bodies and associations in the region's municipalities, tied by dated
    memberships so that every one of them is in the structure of 1.6.2024. Returns how many
    organisations were added. Bulk inserts, no history rows: benchmark filler, not user data."""
    rng = random.Random(seed)
    towns = list(
        Area.objects.filter(
            pk__in=AreaLink.objects.filter(parent=region).values("area"),
            classification=AreaKind.MUNICIPALITY,
        )
    )
    kinds = [*sorted(BODY_KINDS), Organization.Kind.PROJECT]

    def org(number: int, name: str, kind: str) -> Organization:
        made = Organization(
            popolo_id=f"bd-{seed}-{number}",
            slug=f"bd-{seed}-{number}",
            name=name,
            classification=kind,
            area=rng.choice(towns),
            founding_date=str(rng.randint(1950, 2015)),
            source="synthetic benchmark data",
        )
        made.derive_active_days()
        return made

    structure = [
        org(n, f"{region.name} {rng.choice(BODY_NAMES)} {n}", rng.choice(kinds))
        for n in range(bodies)
    ]
    publics = [org(bodies + n, f"Kunta {n}", "public_body") for n in range(public_bodies)]
    members = [
        org(bodies + public_bodies + n, f"Yhdistys {n} ry", "association")
        for n in range(associations)
    ]
    with transaction.atomic():
        Organization.objects.bulk_create(structure + publics + members)
        ties: list[Membership] = []

        def tie(body: Organization, member: Organization, role: str, **extra) -> Membership:
            start = rng.randint(2015, 2023)
            ended = rng.random() < 0.2
            membership = Membership(
                organization=body,
                member_organization=member,
                role=role,
                start_date=str(start),
                end_date=str(rng.randint(2025, 2030)) if ended else "",
                **extra,
            )
            membership.derive_active_days()
            ties.append(membership)
            return membership

        for number, member in enumerate(members):  # every association sits somewhere
            tie(structure[number % bodies], member, Role.MEMBER)
        hubs = structure[:20]  # the bodies that other bodies sit in, as in the seed regions
        for body in structure:
            tie(body, rng.choice(publics), rng.choice([Role.APPOINTING_BODY, Role.COORDINATOR]))
            if body not in hubs:
                tie(rng.choice(hubs), body, Role.MEMBER)
        for public in publics:
            tie(rng.choice(structure), public, Role.FUNDER)
        Membership.objects.bulk_create(ties)
    return len(structure) + len(publics) + len(members)


def summarised_members(region: Area, day: date) -> int:
    """How many different organisations and people a region's overview counts in its summary
    nodes (they count an organisation once in each body it belongs to)."""
    bodies = (
        Organization.objects.filter(located_in(areas_within(region, day)))
        .filter(classification__in=STRUCTURAL_KINDS)
        .active_on(day)
        .values("pk")
    )
    counted = (
        Membership.objects.active_on(day).filter(organization__in=bodies).filter(COUNTED).order_by()
    )
    organizations = (
        counted.annotate(actor=Coalesce("member_organization", "on_behalf_of"))
        .exclude(actor=None)
        .values("actor")
        .distinct()
        .count()
    )
    people = (
        counted.filter(member_organization__isnull=True, on_behalf_of__isnull=True)
        .values("person")
        .distinct()
        .count()
    )
    return organizations + people
