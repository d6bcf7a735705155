"""Reading the registry into a graph: a region's structure, or one body's neighbourhood.

Both read every date at once (a handful of queries), so the page can offer the years that have
data; `Graph.on_day` then cuts the structure of the chosen day.
"""

from datetime import date

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from jarjestokartta.diagram import graph as g
from jarjestokartta.directory.links import organization_urls
from jarjestokartta.directory.models import BODY_KINDS, Organization
from jarjestokartta.directory.queries import located_in
from jarjestokartta.geography.models import Area
from jarjestokartta.structures.models import Membership, Role

# Cooperation bodies and projects stay in a region's diagram even when nothing links to them yet.
STRUCTURE_KINDS = {*BODY_KINDS, Organization.Kind.PROJECT}

ROLE_EDGES: dict[str, str] = {
    Role.CHAIR: g.CHAIR,
    Role.VICE_CHAIR: g.CHAIR,
    Role.SECRETARY: g.SECRETARIAT,
    Role.MEMBER: g.MEMBER,
    Role.DEPUTY_MEMBER: g.DEPUTY,
    Role.EXPERT_MEMBER: g.MEMBER,
    Role.COORDINATOR: g.COORDINATES,
    Role.SECRETARIAT: g.SECRETARIAT,
    Role.ADMINISTRATOR: g.ADMINISTERS,
    Role.FUNDER: g.FUNDS,
    Role.APPOINTING_BODY: g.APPOINTS,
    Role.OTHER: g.MEMBER,
}


def region_graph(area_ids: list[int], day: date) -> g.Graph:
    """The region's organisations (`area_ids`: the region and its municipalities as of the
    day), what they take part in, and who takes part in their bodies."""
    located = Organization.objects.filter(located_in(area_ids)).values("pk")
    memberships = Membership.objects.filter(
        Q(organization__in=located) | Q(member_organization__in=located)
    )
    bodies = Organization.objects.filter(located_in(area_ids)).filter(
        classification__in=STRUCTURE_KINDS
    )
    return _graph(memberships, bodies)


def neighbourhood_graph(focus: Organization, depth: int, limit: int) -> tuple[g.Graph, int]:
    """Everything within `depth` ties of the organisation on any date (two queries a step),
    and the depth actually read.

    The first step is always read whole: it is the focus's own member list. A further step
    that would take the neighbourhood past `limit` organisations is not taken (its query
    reads at most a few times `limit` rows), so a hub's depth 3 cannot reach the whole country.
    """
    seen = {focus.pk}
    frontier = {focus.pk}
    reached_depth = depth
    for step in range(1, depth + 1):
        if not frontier:
            break
        reached: set[int] = set()
        rows = Membership.objects.filter(
            Q(organization__in=frontier)
            | Q(member_organization__in=frontier)
            | Q(on_behalf_of__in=frontier)
        ).values_list("organization", "member_organization", "on_behalf_of")
        if step > 1:
            rows = rows.order_by()[: limit * ROWS_PER_NODE]
        read = list(rows)
        for row in read:
            reached.update(pk for pk in row if pk)
        for row in Organization.objects.filter(
            Q(pk__in=frontier) | Q(parent__in=frontier)
        ).values_list("pk", "parent"):
            reached.update(pk for pk in row if pk)
        if step > 1 and (len(read) == limit * ROWS_PER_NODE or len(seen | reached) > limit):
            reached_depth = step - 1
            break
        frontier = reached - seen
        seen |= reached
    memberships = Membership.objects.filter(organization__in=seen).filter(
        Q(member_organization__in=seen) | Q(member_organization__isnull=True)
    )
    return _graph(memberships, Organization.objects.filter(pk__in=seen)), reached_depth


# Memberships read per organisation allowed in a neighbourhood before a step counts as too far.
ROWS_PER_NODE = 4


def _graph(memberships: QuerySet[Membership], organizations: QuerySet[Organization]) -> g.Graph:
    areas = dict(Area.objects.values_list("pk", "name"))
    page_url = organization_urls()
    graph = g.Graph()
    orgs: dict[int, Organization] = {}

    def node(org: Organization) -> str:
        if org.pk not in orgs:
            orgs[org.pk] = org
            graph.add_node(
                g.Node(
                    id=org.popolo_id,
                    kind=org.classification,
                    label=org.name,
                    url=page_url(org.slug),
                    group=areas.get(org.area_id, "") if org.area_id is not None else "",
                    start=org.active_from,
                    end=org.active_until,
                    start_date=org.founding_date,
                    end_date=org.dissolution_date,
                )
            )
        return org.popolo_id

    for org in organizations.only(*NODE_FIELDS):
        node(org)
    rows = list(
        memberships.select_related(
            "organization", "member_organization", "person", "post", "on_behalf_of", "appointed_by"
        ).only(*MEMBERSHIP_FIELDS)
    )
    edge_ids = {m.pk: m.popolo_id for m in rows}
    for m in rows:
        if m.member_organization is not None:
            member = node(m.member_organization)
        elif m.person is not None and m.person.is_public:
            member = f"person:{m.person.popolo_id}"
            graph.add_node(g.Node(id=member, kind=g.PERSON, label=m.person.name))
        else:
            # Unnamed people are not joined across bodies: that would say more than they agreed to.
            member = f"membership:{m.popolo_id}"
            graph.add_node(g.Node(id=member, kind=g.PERSON, label=m.label or _("Unnamed person")))
        kind = g.DEPUTY if m.deputy_of_id else ROLE_EDGES.get(m.role, g.MEMBER)
        on_behalf_of = node(m.on_behalf_of) if m.on_behalf_of is not None else ""
        graph.add_edge(
            g.Edge(
                id=m.popolo_id,
                kind=kind,
                source=member,
                target=node(m.organization),
                start=m.active_from,
                end=m.active_until,
                start_date=m.start_date,
                end_date=m.end_date,
                label=m.label,
                seat=m.post.label if m.post is not None else "",
                role=m.role,
                deputy_of=edge_ids.get(m.deputy_of_id, "") if m.deputy_of_id is not None else "",
                on_behalf_of=on_behalf_of,
                appointed_by=node(m.appointed_by) if m.appointed_by is not None else "",
            )
        )
        if on_behalf_of and on_behalf_of != member:
            graph.add_edge(
                g.Edge(
                    id=f"{m.popolo_id}/represents",
                    kind=g.REPRESENTS,
                    source=member,
                    target=on_behalf_of,
                    start=m.active_from,
                    end=m.active_until,
                    start_date=m.start_date,
                    end_date=m.end_date,
                    label=m.label,
                )
            )
    add_part_of(graph, orgs)
    return graph


def add_part_of(graph: g.Graph, orgs: dict[int, Organization]) -> None:
    """The "part of" ties between drawn organisations (their parents read with them)."""
    for org in sorted(orgs.values(), key=lambda org: (org.name, org.pk)):
        parent = orgs.get(org.parent_id) if org.parent_id is not None else None
        if parent is not None:
            graph.add_edge(
                g.Edge(
                    id=f"{org.popolo_id}/part_of",
                    kind=g.PART_OF,
                    source=org.popolo_id,
                    target=parent.popolo_id,
                )
            )


NODE_FIELDS = [
    "popolo_id",
    "name",
    "slug",
    "classification",
    "area",
    "active_from",
    "active_until",
    "founding_date",
    "dissolution_date",
    "parent",  # the "part of" ties, without another query
]
MEMBERSHIP_FIELDS = [
    "popolo_id",
    "role",
    "label",
    "active_from",
    "active_until",
    "start_date",
    "end_date",
    "deputy_of",
    "person__popolo_id",
    "person__name",
    "person__is_public",
    "post__label",
    *(
        f"{relation}__{name}"
        for relation in ("organization", "member_organization", "on_behalf_of", "appointed_by")
        for name in NODE_FIELDS
    ),
]
