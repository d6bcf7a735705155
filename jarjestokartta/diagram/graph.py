"""The cooperation structure as a graph: plain data, no Django, so it is tested on its own.

Edges point from the actor to the body: the member, the deputy, the chair, the coordinator, the
appointing body and the funder are sources; the body they sit in or serve is the target. Two kinds
point elsewhere: "represents" goes from a member to the organisation it speaks for, and "part of"
from a sub-organisation to its parent.
"""

from collections import deque
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date

PERSON = "person"
# A region overview's stand-in for the ordinary members of one body: a count, not a name.
MEMBERS = "members"

# Edge kinds, in the order the legend and the text alternative list them.
APPOINTS = "appoints"
FUNDS = "funds"
ADMINISTERS = "administers"
COORDINATES = "coordinates"
SECRETARIAT = "secretariat"
CHAIR = "chair"
MEMBER = "member"
DEPUTY = "deputy"
REPRESENTS = "represents"
PART_OF = "part_of"
EDGE_KINDS = [
    APPOINTS,
    FUNDS,
    ADMINISTERS,
    COORDINATES,
    SECRETARIAT,
    CHAIR,
    MEMBER,
    DEPUTY,
    REPRESENTS,
    PART_OF,
]
# Who steers or serves a body is drawn above it; who sits in it, and its sub-organisations, below.
ABOVE = {APPOINTS, FUNDS, ADMINISTERS, COORDINATES}
BELOW = {CHAIR, SECRETARIAT, MEMBER, DEPUTY, PART_OF}


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # an organisation classification, PERSON, or MEMBERS
    label: str
    url: str = ""
    group: str = ""  # the home municipality or region: large diagrams cluster by it
    start: date | None = None  # the first and last day, for "as of" cuts
    end: date | None = None
    start_date: str = ""  # as recorded, possibly partial: "2020"
    end_date: str = ""
    # MEMBERS only: how many it stands for, by kind ("association", …, PERSON for people who
    # sit on their own behalf), largest first.
    counts: tuple[tuple[str, int], ...] = ()

    @property
    def count(self) -> int:
        return sum(number for _kind, number in self.counts)


@dataclass(frozen=True)
class Edge:
    id: str
    kind: str
    source: str
    target: str
    start: date | None = None
    end: date | None = None
    start_date: str = ""
    end_date: str = ""
    label: str = ""  # the title recorded on the membership
    seat: str = ""  # the seat's label: "Lapset ja perheet"
    role: str = ""  # the membership's role as recorded
    deputy_of: str = ""  # the id of the edge this deputy stands in for
    on_behalf_of: str = ""  # node id
    appointed_by: str = ""  # node id


def active(start: date | None, end: date | None, day: date) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def add_node(self, node: Node) -> None:
        self.nodes.setdefault(node.id, node)

    def add_edge(self, edge: Edge) -> None:
        self.edges.append(edge)

    def __len__(self) -> int:
        return len(self.nodes)

    def years(self) -> tuple[int, int] | None:
        """The first and last year any edge is known to start or end."""
        days = [day for edge in self.edges for day in (edge.start, edge.end) if day]
        return (min(days).year, max(days).year) if days else None

    def on_day(self, day: date) -> "Graph":
        """The structure of that day: edges and organisations active on it."""
        nodes = {key: node for key, node in self.nodes.items() if active(node.start, node.end, day)}
        edges = [
            edge
            for edge in self.edges
            if active(edge.start, edge.end, day) and edge.source in nodes and edge.target in nodes
        ]
        return Graph(nodes, edges)._without_loose_people()

    def filtered(self, node_kinds: Iterable[str] = (), edge_kinds: Iterable[str] = ()) -> "Graph":
        """Only the chosen kinds; an empty choice means every kind. A summary of members stays
        when one of the kinds it counts is chosen."""
        node_kinds, edge_kinds = set(node_kinds), set(edge_kinds)
        nodes = {
            key: node
            for key, node in self.nodes.items()
            if not node_kinds
            or node.kind in node_kinds
            or any(kind in node_kinds for kind, _number in node.counts)
        }
        edges = [
            edge
            for edge in self.edges
            if (not edge_kinds or edge.kind in edge_kinds)
            and edge.source in nodes
            and edge.target in nodes
        ]
        return Graph(nodes, edges)

    def neighbourhood(self, focus: str, depth: int) -> "Graph":
        """The focus and everything within `depth` edges of it, in either direction."""
        if focus not in self.nodes:
            return Graph()
        neighbours: dict[str, set[str]] = {}
        for edge in self.edges:
            neighbours.setdefault(edge.source, set()).add(edge.target)
            neighbours.setdefault(edge.target, set()).add(edge.source)
        distance = {focus: 0}
        queue = deque([focus])
        while queue:
            here = queue.popleft()
            if distance[here] == depth:
                continue
            for there in neighbours.get(here, ()):
                if there not in distance:
                    distance[there] = distance[here] + 1
                    queue.append(there)
        # A person holds a seat for an organisation: the seat is shown with it, or a body's
        # member list would be a column of "unnamed person".
        for edge in self.edges:
            seat = edge.kind == REPRESENTS and edge.source in distance
            if seat and self.nodes[edge.source].kind == PERSON:
                distance.setdefault(edge.target, distance[edge.source] + 1)
        nodes = {key: node for key, node in self.nodes.items() if key in distance}
        edges = [e for e in self.edges if e.source in nodes and e.target in nodes]
        return Graph(nodes, edges)

    def connected(self, keep_kinds: Iterable[str] = ()) -> "Graph":
        """Without nodes that have no edge, except those of the kinds to keep."""
        keep_kinds = set(keep_kinds)
        linked = {end for edge in self.edges for end in (edge.source, edge.target)}
        nodes = {
            key: node
            for key, node in self.nodes.items()
            if key in linked or node.kind in keep_kinds
        }
        return Graph(nodes, self.edges)

    def _without_loose_people(self) -> "Graph":
        # A person is here only for a role; without an edge on the day they are not part of it.
        linked = {end for edge in self.edges for end in (edge.source, edge.target)}
        nodes = {
            key: node for key, node in self.nodes.items() if node.kind != PERSON or key in linked
        }
        return Graph(nodes, self.edges)

    def as_json(self) -> dict[str, list[dict[str, object]]]:
        """Nodes and edges with their ids, kinds and dates (ISO, as partial as recorded)."""

        def plain(item: Node | Edge) -> dict[str, object]:
            record = asdict(item)
            for day, text in (("start", "start_date"), ("end", "end_date")):
                value = record.pop(day)
                record[text] = record[text] or (value.isoformat() if value else None)
            counts = record.pop("counts", ())
            if isinstance(item, Node) and item.kind == MEMBERS:
                record["count"] = item.count
                record["counts"] = dict(counts)
            return record

        return {
            "nodes": [plain(node) for node in sorted(self.nodes.values(), key=_by_label)],
            "edges": [plain(edge) for edge in sorted(self.edges, key=lambda e: e.id)],
        }


def _by_label(node: Node) -> tuple[str, str]:
    return (node.label.casefold(), node.id)


@dataclass
class Entry:
    """One line of the text alternative: a member with its deputies."""

    edge: Edge
    member: Node
    deputies: list["Entry"] = field(default_factory=list)
    on_behalf_of: Node | None = None
    appointed_by: Node | None = None


@dataclass
class BodyOutline:
    body: Node
    # kind -> entries, in EDGE_KINDS order; "part of" lists the body's sub-organisations
    groups: list[tuple[str, list[Entry]]]


def outline(graph: Graph) -> list[BodyOutline]:
    """The structure as nested lists: body, then each kind of tie, then who, with deputies.

    Bodies come in name order; a deputy is listed under the member it stands in for.
    """
    incoming: dict[str, list[Edge]] = {}
    for edge in graph.edges:
        if edge.kind != REPRESENTS:
            incoming.setdefault(edge.target, []).append(edge)
    by_id = {edge.id: edge for edge in graph.edges}

    def entry(edge: Edge) -> Entry:
        return Entry(
            edge,
            graph.nodes[edge.source],
            on_behalf_of=graph.nodes.get(edge.on_behalf_of)
            if edge.on_behalf_of != edge.source
            else None,
            appointed_by=graph.nodes.get(edge.appointed_by),
        )

    bodies = []
    for target in sorted(incoming, key=lambda key: _by_label(graph.nodes[key])):
        edges = incoming[target]
        principals = {
            edge.id: entry(edge)
            for edge in edges
            if not (edge.kind == DEPUTY and edge.deputy_of in by_id)
        }
        for edge in edges:
            if edge.kind == DEPUTY and edge.deputy_of in principals:
                principals[edge.deputy_of].deputies.append(entry(edge))
            elif edge.kind == DEPUTY and edge.deputy_of in by_id:
                # Its principal sits elsewhere (or is filtered out): list the deputy on its own.
                principals[edge.id] = entry(edge)
        groups = []
        for kind in EDGE_KINDS:
            entries = [entry for entry in principals.values() if entry.edge.kind == kind]
            if entries:
                entries.sort(key=lambda entry: _by_label(entry.member))
                groups.append((kind, entries))
        bodies.append(BodyOutline(graph.nodes[target], groups))
    return bodies
