"""Graphviz drawings of plain graphs: no database."""

from xml.etree import ElementTree

from jarjestokartta.diagram import drawing
from jarjestokartta.diagram import graph as g

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: bytes, within: str = "") -> list[str | None]:
    """The words drawn (Graphviz writes "-" as "&#45;", so the raw text does not show them)."""
    root = ElementTree.fromstring(svg)
    if within:
        root = next(el for el in root.iter(f"{SVG}g") if el.get("id") == within)
    return [text.text for text in root.iter(f"{SVG}text")]


def _small() -> g.Graph:
    graph = g.Graph()
    graph.add_node(g.Node("board", "public_body", "Maakuntahallitus", url="/jarjestot/board/"))
    graph.add_node(g.Node("council", "council", "Järjestöneuvosto", url="/jarjestot/council/"))
    graph.add_node(g.Node("net", "network", 'Verkosto "A\\N" <b>', url="/jarjestot/net/"))
    graph.add_edge(g.Edge("a", g.APPOINTS, "board", "council"))
    graph.add_edge(g.Edge("m", g.MEMBER, "net", "council", seat="Lapset", start_date="2020"))
    return graph


def test_every_node_links_to_its_page_with_a_tooltip():
    picture = drawing.draw(_small(), "svg", "Pohjois-Savo 1.10.2020")
    svg = picture.decode()
    assert svg.count('xlink:href="/jarjestot/') == 3
    assert 'xlink:title="Järjestöneuvosto (neuvosto)"' in svg
    assert "Pohjois-Savo 1.10.2020" in _texts(picture)


def test_names_are_drawn_as_written_and_escaped():
    picture = drawing.draw(_small(), "svg")
    assert 'Verkosto "A\\N" <b>' in _texts(picture)
    assert "<b>" not in picture.decode()


def test_links_can_be_made_absolute_for_a_file_on_its_own():
    svg = drawing.draw(_small(), "svg", base_url="https://example.fi").decode()
    assert 'xlink:href="https://example.fi/jarjestot/council/"' in svg


def test_appointing_bodies_are_drawn_above_and_members_below():
    picture = drawing.layout(_small())
    picture.layout(prog="dot")
    y = {name: float(picture.get_node(name).attr["pos"].split(",")[1]) for name in _small().nodes}
    # Graphviz's y grows upwards.
    assert y["board"] > y["council"] > y["net"]


def test_the_legend_names_the_kinds_shown():
    legend = _texts(drawing.draw(_small(), "svg"), within="legend")
    assert legend[0] == "Selite"
    for kind in ("neuvosto", "verkosto", "julkinen toimija", "asettaa", "jäsen"):
        assert kind in legend
    assert "hanke" not in legend


def test_tooltips_of_ties_tell_the_seat_and_dates():
    svg = drawing.draw(_small(), "svg").decode()
    assert "(Lapset), 2020–" in svg


def test_a_png_is_a_png():
    assert drawing.draw(_small(), "png")[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_large_graph_is_clustered_by_municipality():
    graph = g.Graph()
    graph.add_node(g.Node("body", "network", "Verkosto"))
    for number in range(drawing.LARGE + 10):
        town = ["Kuopio", "Iisalmi"][number % 2]
        graph.add_node(g.Node(f"a{number}", "association", f"Yhdistys {number}", group=town))
        graph.add_edge(g.Edge(f"m{number}", g.MEMBER, f"a{number}", "body"))
    picture = drawing.layout(graph)
    assert sorted(sub.graph_attr["label"] for sub in picture.subgraphs()) == ["Iisalmi", "Kuopio"]
    assert picture.graph_attr["splines"] == "line"
    assert drawing.layout(_small()).subgraphs() == []


def test_the_focus_is_drawn_with_a_heavier_border():
    picture = drawing.layout(_small(), focus="council")
    assert picture.get_node("council").attr["penwidth"] == "3"
    assert picture.get_node("board").attr["penwidth"] == "1"


def test_a_large_picture_draws_a_funder_of_many_bodies_in_pieces_with_every_tie_once():
    graph = g.Graph()
    graph.add_node(g.Node("stea", "public_body", "STEA", url="/jarjestot/stea/"))
    for number in range(drawing.LARGE):
        graph.add_node(g.Node(f"p{number}", "project", f"Hanke {number:03}"))
        graph.add_edge(g.Edge(f"f{number}", g.FUNDS, "stea", f"p{number}"))
    svg = drawing.draw(graph).decode()
    pieces = -(-drawing.LARGE // drawing.FAN)
    assert svg.count('<g id="node&#45;stea') == pieces
    assert 'id="node&#45;stea~1"' in svg and 'xlink:href="/jarjestot/stea/"' in svg
    assert svg.count('class="edge"') == drawing.LARGE
    assert len(drawing.draw(_small()).decode().split('<g id="node&#45;board')) == 2
