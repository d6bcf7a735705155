"""The graph drawn by Graphviz (pygraphviz): layered, appointing bodies above, members below."""

import textwrap
from html import escape

import pygraphviz
from django.utils.translation import gettext as _

from jarjestokartta.core.templatetags.dates import period
from jarjestokartta.diagram import graph as g
from jarjestokartta.diagram.kinds import (
    EDGE_LABELS,
    EDGE_STYLES,
    LEGEND_KINDS,
    NODE_LABELS,
    NODE_STYLES,
    SUMMARY_LABEL,
)

# Above this many nodes the picture clusters associations by municipality and trades Graphviz's
# finest crossing reduction and curved edges for speed: at 2,000 nodes the defaults take ~3 s.
LARGE = 150
FAST_LAYOUT = {
    "splines": "line",
    "mclimit": "0.01",
    "nslimit": "0.2",
    "nslimit1": "0.2",
    "searchsize": "5",
    "remincross": "false",
}
# A large picture draws a node above at most this many bodies; see _fan_copies.
FAN = 20
COLUMNS = 4
FONT = "sans-serif"
FORMATS = {"svg": "image/svg+xml", "png": "image/png"}


def draw(
    graph: g.Graph, format: str = "svg", title: str = "", base_url: str = "", focus: str = ""
) -> bytes:
    """The picture; `base_url` makes the node links absolute for a file saved on its own."""
    picture: bytes = layout(graph, title, base_url, focus).draw(format=format, prog="dot")
    return picture


def layout(
    graph: g.Graph, title: str = "", base_url: str = "", focus: str = ""
) -> pygraphviz.AGraph:
    large = len(graph) > LARGE
    picture = pygraphviz.AGraph(directed=True, strict=False, name="structure")
    picture.graph_attr.update(
        rankdir="TB",
        fontname=FONT,
        label=_text(title),
        labelloc="t",
        fontsize="16",
        nodesep="0.25",
        ranksep="0.6",
        tooltip=_text(title),
        pack="true",
        # Rows of components; the legend, sorted last, ends them. A large picture has many
        # components, and Graphviz's own count of columns (the square root of their number)
        # made Uusimaa's overview 16 times as wide as tall; four make it about twice.
        packmode=f"array_u{COLUMNS}" if large else "array_u",
        **(FAST_LAYOUT if large else {"splines": "true"}),
    )
    picture.node_attr.update(fontname=FONT, fontsize="10", margin="0.08,0.04", target="_top")
    picture.edge_attr.update(fontname=FONT, fontsize="8", arrowsize="0.7")

    copies = _fan_copies(graph) if large else {}
    clusters: dict[str, list[str]] = {}
    for node in graph.nodes.values():
        shape, style, fill = NODE_STYLES.get(node.kind, NODE_STYLES["other"])
        kind = str(_kind_label(node.kind))
        for copy in [node.id, *sorted(set(copies.get(node.id, {}).values()))]:
            picture.add_node(
                copy,
                label=_text("\n".join(textwrap.wrap(node.label, 28)) or node.id),
                shape=shape,
                style=style,
                fillcolor=fill,
                id=f"node-{copy}",
                tooltip=_text(_summary_tooltip(node) if node.counts else f"{node.label} ({kind})"),
                penwidth="3" if node.id == focus else "1",
                **({"URL": base_url + node.url} if node.url else {}),
            )
        if large and node.kind in {"association", g.PERSON} and node.group:
            clusters.setdefault(node.group, []).append(node.id)
    for number, (group, members) in enumerate(sorted(clusters.items())):
        picture.add_subgraph(
            members,
            name=f"cluster_{number}",
            label=_text(group),
            style="rounded,dashed",
            color="#9ca3af",
            fontsize="12",
        )

    for edge in graph.edges:
        colour, style, width = EDGE_STYLES[edge.kind]
        source, target = graph.nodes[edge.source].label, graph.nodes[edge.target].label
        names = f"{source} – {EDGE_LABELS[edge.kind]} – {target}"
        if edge.seat:
            names += f" ({edge.seat})"
        attrs = {
            "color": colour,
            "style": style,
            "penwidth": width,
            "id": f"edge-{edge.id}",
            "tooltip": _text(names + _period(edge)),
        }
        if edge.kind == g.PART_OF:
            attrs["arrowhead"] = "empty"
        if edge.kind in g.BELOW:
            # Drawn from the body down to the member; the arrow still points at the body.
            picture.add_edge(edge.target, edge.source, key=edge.id, dir="back", **attrs)
        else:
            if edge.kind == g.REPRESENTS:
                attrs["constraint"] = "false"
            source = copies.get(edge.source, {}).get(edge.id, edge.source)
            picture.add_edge(source, edge.target, key=edge.id, **attrs)

    _legend(picture, graph)
    return picture


def _fan_copies(graph: g.Graph) -> dict[str, dict[str, str]]:
    """Copies of a node that funds, appoints or coordinates more than FAN bodies, each drawn
    above FAN of them: node id -> edge id -> the copy it is drawn from.

    In one piece such a fan is one row as wide as all its bodies: STEA funding 530 projects
    in Uusimaa made a picture 99,112 points (35 m) wide. In pieces of FAN the picture packs
    them into rows and columns. The ties themselves are unchanged: every edge is drawn once,
    and the JSON and the text have one node.
    """
    fans: dict[str, list[g.Edge]] = {}
    for edge in graph.edges:
        if edge.kind in g.ABOVE:
            fans.setdefault(edge.source, []).append(edge)
    copies: dict[str, dict[str, str]] = {}
    for source, edges in fans.items():
        if len(edges) <= FAN:
            continue
        edges.sort(key=lambda edge: (_by_label(graph.nodes[edge.target]), edge.id))
        copies[source] = {
            edge.id: source if number < FAN else f"{source}~{number // FAN}"
            for number, edge in enumerate(edges)
        }
    return copies


def _by_label(node: g.Node) -> tuple[str, str]:
    return (node.label.casefold(), node.id)


def _legend(picture: pygraphviz.AGraph, graph: g.Graph) -> None:
    node_kinds = sorted({node.kind for node in graph.nodes.values()}, key=LEGEND_KINDS.index)
    edge_kinds = [kind for kind in g.EDGE_KINDS if any(e.kind == kind for e in graph.edges)]
    if not node_kinds:
        return
    heading = escape(_("Legend"))
    rows = [f'<TR><TD COLSPAN="2"><B>{heading}</B></TD></TR>']
    for kind in node_kinds:
        fill = NODE_STYLES.get(kind, NODE_STYLES["other"])[2]
        rows.append(
            f'<TR><TD BGCOLOR="{fill}" BORDER="1" WIDTH="24"> </TD>'
            f'<TD ALIGN="LEFT">{escape(str(_kind_label(kind)))}</TD></TR>'
        )
    for kind in edge_kinds:
        colour, style, _width = EDGE_STYLES[kind]
        line = {"dashed": "- - -", "dotted": "·······"}.get(style, "———")
        if kind == g.PART_OF:
            line = "——▷"
        rows.append(
            f'<TR><TD><FONT COLOR="{colour}">{line}</FONT></TD>'
            f'<TD ALIGN="LEFT">{escape(str(EDGE_LABELS[kind]))}</TD></TR>'
        )
    table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2">' + "".join(rows) + "</TABLE>"
    picture.add_node(
        "legend", label=f"<{table}>", shape="box", style="rounded", id="legend", sortv="1000000"
    )


def _summary_tooltip(node: g.Node) -> str:
    kinds = ", ".join(f"{_kind_label(kind)} {number}" for kind, number in node.counts)
    return f"{node.label} ({kinds})"


def _kind_label(kind: str) -> str:
    return str(SUMMARY_LABEL if kind == g.MEMBERS else NODE_LABELS.get(kind, kind))


def _period(edge: g.Edge) -> str:
    known = period(edge.start_date, edge.end_date)
    return f", {known}" if known else ""


def _text(value: str) -> str:
    # Graphviz reads backslash sequences (\N, \G …) in labels; a name must stay a name.
    return value.replace("\\", "\\\\")
