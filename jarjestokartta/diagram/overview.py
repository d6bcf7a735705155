"""A region too large to draw one organisation at a time: its bodies, the ties between them,
and for each body a count of its ordinary members.

Everything is read for one day with a fixed number of queries; the members are counted in the
database (grouped by body and kind), so no query returns a row per membership.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jarjestokartta.diagram import graph as g
from jarjestokartta.diagram.loading import NODE_FIELDS, ROLE_EDGES, STRUCTURE_KINDS
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


@dataclass
class Overview:
    graph: g.Graph
    years: tuple[int, int] | None


def region_overview(area_ids: list[int], day: date) -> Overview:
    """The region's structural organisations active on the day (`area_ids`: the region and its
    municipalities as of the day), their ties, and a summary node for each one's ordinary
    members (the member list is one click away, in its focus)."""
    structural = Organization.objects.filter(located_in(area_ids)).filter(
        classification__in=STRUCTURAL_KINDS
    )
    graph = g.Graph()
    orgs: dict[int, Organization] = {}

    def node(org: Organization) -> str:
        if org.pk not in orgs:
            orgs[org.pk] = org
            graph.add_node(_node(org))
        return org.popolo_id

    for org in structural.active_on(day).only(*NODE_FIELDS):
        node(org)
    # The ids themselves, not a subquery: with a subquery the planners start from every
    # body of these kinds in the country and read all their memberships.
    body_ids = list(orgs)

    # The ties' ids first, then their rows with both ends: in one query PostgreSQL expected
    # thousands of rows and hashed the whole table of organisations for each end.
    tie_ids = list(
        Membership.objects.active_on(day)
        .filter(
            Q(organization__in=body_ids)
            | Q(member_organization__in=body_ids)
            | Q(on_behalf_of__in=body_ids)
        )
        .filter(DRAWN)
        .order_by()
        .values_list("pk", flat=True)
    )
    ties = (
        Membership.objects.filter(pk__in=tie_ids)
        .select_related("organization", "member_organization", "on_behalf_of", "post")
        .only(*TIE_FIELDS)
        .order_by("pk")
    )
    drawn: dict[tuple[str, str, str], g.Edge] = {}
    for m in ties:
        if m.organization.classification not in STRUCTURAL_KINDS:
            continue  # a body that sits in an association is not part of the structure
        actor = m.member_organization if m.member_organization_id else m.on_behalf_of
        kind = g.DEPUTY if m.deputy_of_id else ROLE_EDGES.get(m.role, g.MEMBER)
        source, target = node(actor), node(m.organization)
        if source == target:
            continue  # an official who sits in their own body's meeting
        drawn.setdefault(
            (source, kind, target),
            g.Edge(
                id=m.popolo_id,
                kind=kind,
                source=source,
                target=target,
                start=m.active_from,
                end=m.active_until,
                start_date=m.start_date,
                end_date=m.end_date,
                label=m.label,
                seat=m.post.label if m.post_id else "",
                role=m.role,
                on_behalf_of=source if m.person_id else "",
            ),
        )
    for (source, kind, target), edge in drawn.items():
        # A body's seat and its deputy seat are one tie between the two bodies.
        if kind != g.DEPUTY or (source, g.MEMBER, target) not in drawn:
            graph.add_edge(edge)

    by_org = {org.pk: org for org in orgs.values()}
    for org in sorted(orgs.values(), key=lambda org: (org.name, org.pk)):
        parent = by_org.get(org.parent_id)
        if parent is not None:
            graph.add_edge(
                g.Edge(
                    id=f"{org.popolo_id}/part_of",
                    kind=g.PART_OF,
                    source=org.popolo_id,
                    target=parent.popolo_id,
                )
            )

    counts: dict[int, dict[str, int]] = {}
    for body, kind, organizations, people in (
        Membership.objects.active_on(day)
        .filter(organization__in=body_ids)
        .filter(COUNTED)
        .order_by()
        .values("organization")
        .annotate(
            kind=Coalesce("member_organization__classification", "on_behalf_of__classification")
        )
        .values("organization", "kind")
        .annotate(
            organizations=Count(Coalesce("member_organization", "on_behalf_of"), distinct=True),
            people=Count(
                "person",
                filter=Q(member_organization__isnull=True, on_behalf_of__isnull=True),
                distinct=True,
            ),
        )
        .values_list("organization", "kind", "organizations", "people")
    ):
        if kind:
            counts.setdefault(body, {})[kind] = organizations
        elif people:
            counts.setdefault(body, {})[g.PERSON] = people
    for body_pk in sorted(counts, key=lambda pk: (orgs[pk].name, pk)):
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

    span = Membership.objects.filter(organization__in=structural.values("pk")).aggregate(
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


def _node(org: Organization) -> g.Node:
    return g.Node(
        id=org.popolo_id,
        kind=org.classification,
        label=org.name,
        url=f"/jarjestot/{org.slug}/",
        start=org.active_from,
        end=org.active_until,
        start_date=org.founding_date,
        end_date=org.dissolution_date,
    )


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
    *(
        f"{relation}__{name}"
        for relation in ("organization", "member_organization", "on_behalf_of")
        for name in NODE_FIELDS
    ),
]
