"""A region too large to draw one organisation at a time: its bodies, the ties between them,
and for each body a count of its ordinary members.

Everything is read for one day with a fixed number of queries; the members are counted in the
database (grouped by body and kind), so no query returns a row per membership.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jarjestokartta.diagram import graph as g
from jarjestokartta.diagram.loading import NODE_FIELDS, ROLE_EDGES, STRUCTURE_KINDS, add_part_of
from jarjestokartta.directory.links import organization_urls
from jarjestokartta.directory.models import Organization
from jarjestokartta.directory.queries import located_in
from jarjestokartta.structures.models import Membership, Role

# Drawn one by one in an overview: cooperation bodies, projects and the public sector.
STRUCTURAL_KINDS = {*STRUCTURE_KINDS, Organization.Kind.PUBLIC_BODY}
# An organisation in one of these roles steers or serves the body rather than sits in it, and
# a body has only a few of them: drawn one by one whatever its kind.
SERVING_ROLES = {
    Role.COORDINATOR,
    Role.SECRETARIAT,
    Role.ADMINISTRATOR,
    Role.FUNDER,
    Role.APPOINTING_BODY,
}

# Checked with a subquery, not a join: the joins made PostgreSQL hash the whole table of
# organisations, twice, for a few thousand memberships.
STRUCTURAL = Organization.objects.filter(classification__in=STRUCTURAL_KINDS).values("pk")
# A structural organisation's tie to a body, an organisation serving a body, or a person who
# sits for a structural organisation (drawn as a tie from that organisation). The body's own
# kind is checked after reading: in SQL it makes the planners start from every body.
DRAWN = (
    Q(member_organization__in=STRUCTURAL)
    | Q(member_organization__isnull=False, role__in=SERVING_ROLES)
    | Q(person__isnull=False, on_behalf_of__in=STRUCTURAL)
)
# Everything else a body has: its ordinary members, counted. Written out rather than as
# ~DRAWN, whose NOT over nullable columns would drop the rows where one is NULL.
COUNTED = (
    Q(member_organization__isnull=False)
    & ~Q(member_organization__in=STRUCTURAL)
    & ~Q(role__in=SERVING_ROLES)
) | (Q(person__isnull=False) & (Q(on_behalf_of__isnull=True) | ~Q(on_behalf_of__in=STRUCTURAL)))


# The members counted, by kind. Which organisation is of which kind is asked with a
# subquery over the kinds that are rare among members: joining the organisations for every
# kind made PostgreSQL hash the whole table (60 of 180 ms at 120,000 organisations). What
# is left once the rare kinds and the structural ones are taken out is associations.
RARE_KINDS = [
    kind
    for kind in Organization.Kind.values
    if kind not in STRUCTURAL_KINDS and kind != Organization.Kind.ASSOCIATION
]
ACTOR = Coalesce("member_organization", "on_behalf_of")


def _of_kind(kind: str) -> Q:
    organizations = Organization.objects.filter(classification=kind).values("pk")
    return Q(member_organization__in=organizations) | Q(
        member_organization__isnull=True, on_behalf_of__in=organizations
    )


COUNTS = {
    "organizations": Count(ACTOR, distinct=True),
    "people": Count(
        "person",
        filter=Q(member_organization__isnull=True, on_behalf_of__isnull=True),
        distinct=True,
    ),
    **{kind: Count(ACTOR, filter=_of_kind(kind), distinct=True) for kind in RARE_KINDS},
}


@dataclass
class Overview:
    graph: g.Graph
    years: tuple[int, int] | None


def region_bodies(area_ids: list[int]) -> list[Organization]:
    """The region's structural organisations on any date (`area_ids`: the region and its
    municipalities as of the day), with what a node needs."""
    return list(
        Organization.objects.filter(located_in(area_ids))
        .filter(classification__in=STRUCTURAL_KINDS)
        .only(*NODE_FIELDS)
    )


def ties_on_day(bodies: list[Organization], day: date, limit: int) -> int:
    """How many memberships the bodies active on the day have on it, counted only up to
    `limit` + 1: the query stops there, so deciding whether a region is too large costs the
    same in any region."""
    # Annotated: with the events app in mypy's view the plugin types this count as Any.
    count: int = (
        Membership.objects.active_on(day)
        .filter(organization__in=[body.pk for body in _active(bodies, day)])
        .order_by()
        .values("pk")[: limit + 1]
        .count()
    )
    return count


def region_overview(bodies: list[Organization], day: date) -> Overview:
    """The structural organisations active on the day (of `region_bodies`), their ties, and
    a summary node for each one's ordinary members (the member list is one click away, in
    its focus)."""
    graph = g.Graph()
    orgs: dict[int, Organization] = {}
    page_url = organization_urls()

    def node(org: Organization) -> str:
        if org.pk not in orgs:
            orgs[org.pk] = org
            graph.add_node(_node(org, page_url(org.slug)))
        return org.popolo_id

    for org in _active(bodies, day):
        node(org)
    # The ids themselves, not a subquery: with a subquery the planners start from every
    # body of these kinds in the country and read all their memberships.
    body_ids = list(orgs)

    ties = list(
        Membership.objects.active_on(day)
        .filter(
            Q(organization__in=body_ids)
            | Q(member_organization__in=body_ids)
            | Q(on_behalf_of__in=body_ids)
        )
        .filter(DRAWN)
        .order_by("pk")
        .values(*TIE_FIELDS)
    )
    # The ends by id in a query of their own: joined to the ties, PostgreSQL expected
    # thousands of rows and hashed the whole table of organisations for each end.
    known = {org.pk: org for org in bodies}
    ends = {m["organization"] for m in ties} | {_actor(m) for m in ties}
    known |= {
        org.pk: org
        for org in Organization.objects.filter(pk__in=ends - set(known)).only(*NODE_FIELDS)
    }
    drawn: dict[tuple[str, str, str], g.Edge] = {}
    for m in ties:
        body = known[m["organization"]]
        if body.classification not in STRUCTURAL_KINDS:
            continue  # a body that sits in an association is not part of the structure
        kind = g.DEPUTY if m["deputy_of"] else ROLE_EDGES.get(m["role"], g.MEMBER)
        source, target = node(known[_actor(m)]), node(body)
        if source == target:
            continue  # an official who sits in their own body's meeting
        drawn.setdefault(
            (source, kind, target),
            g.Edge(
                id=m["popolo_id"],
                kind=kind,
                source=source,
                target=target,
                start=m["active_from"],
                end=m["active_until"],
                start_date=m["start_date"],
                end_date=m["end_date"],
                label=m["label"],
                seat=m["post__label"] or "",
                role=m["role"],
                on_behalf_of=source if m["person"] else "",
            ),
        )
    for (source, kind, target), edge in drawn.items():
        # A body's seat and its deputy seat are one tie between the two bodies.
        if kind != g.DEPUTY or (source, g.MEMBER, target) not in drawn:
            graph.add_edge(edge)

    add_part_of(graph, orgs)

    counts: dict[int, dict[str, int]] = {}
    for body, organizations, people, *others in (
        Membership.objects.active_on(day)
        .filter(organization__in=body_ids)
        .filter(COUNTED)
        .order_by()
        .values("organization")
        .annotate(**COUNTS)
        .values_list("organization", *COUNTS)
    ):
        numbers = dict(zip(RARE_KINDS, others, strict=True))
        numbers[Organization.Kind.ASSOCIATION] = organizations - sum(others)
        numbers[g.PERSON] = people
        counts[body] = {kind: number for kind, number in numbers.items() if number}
    for body_pk in sorted(counts, key=lambda pk: (orgs[pk].name, pk)):
        if not counts[body_pk]:
            continue
        body = orgs[body_pk]
        summary = g.Node(
            id=f"members:{body.popolo_id}",
            kind=g.MEMBERS,
            label=summary_label(counts[body_pk]),
            url=focus_url(body, day),
            counts=tuple(sorted(counts[body_pk].items(), key=lambda item: (-item[1], item[0]))),
        )
        graph.add_node(summary)
        graph.add_edge(
            g.Edge(
                id=f"{body.popolo_id}/members",
                kind=g.MEMBER,
                source=summary.id,
                target=body.popolo_id,
            )
        )

    span = Membership.objects.filter(organization__in=[org.pk for org in bodies]).aggregate(
        Min("active_from"), Max("active_from"), Min("active_until"), Max("active_until")
    )
    days = [day for day in span.values() if day]
    years = (min(days).year, max(days).year) if days else None
    return Overview(graph=graph, years=years)


def summary_label(counts: dict[str, int]) -> str:
    """ "124 member organisations, 2 persons": what a summary node says."""
    organizations = sum(number for kind, number in counts.items() if kind != g.PERSON)
    people = counts.get(g.PERSON, 0)
    parts = []
    if organizations:
        parts.append(
            ngettext(
                "%(count)d member organisation", "%(count)d member organisations", organizations
            )
            % {"count": organizations}
        )
    if people:
        parts.append(ngettext("%(count)d person", "%(count)d persons", people) % {"count": people})
    return ", ".join(parts) or _("no members")


def focus_url(org: Organization, day: date) -> str:
    """The diagram focused on the organisation: where its members are drawn one by one."""
    return reverse("diagram") + "?" + urlencode({"keskus": org.slug, "paiva": day.isoformat()})


def _node(org: Organization, url: str) -> g.Node:
    return g.Node(
        id=org.popolo_id,
        kind=org.classification,
        label=org.name,
        url=url,
        start=org.active_from,
        end=org.active_until,
        start_date=org.founding_date,
        end_date=org.dissolution_date,
    )


def _active(bodies: list[Organization], day: date) -> list[Organization]:
    return [org for org in bodies if g.active(org.active_from, org.active_until, day)]


def _actor(membership: Mapping[str, Any]) -> int:
    """Who the tie comes from: the member organisation, or the one a person sits for."""
    # A row of values(*TIE_FIELDS); DRAWN keeps only ties that have one of the two.
    actor: int = membership["member_organization"] or membership["on_behalf_of"]
    return actor


TIE_FIELDS = [
    "popolo_id",
    "role",
    "label",
    "active_from",
    "active_until",
    "start_date",
    "end_date",
    "deputy_of",
    "person",
    "post__label",
    "organization",
    "member_organization",
    "on_behalf_of",
]
