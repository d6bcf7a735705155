"""The graph module on its own: no database, no web layer."""

from datetime import date

from jarjestokartta.diagram import graph as g


def _structure() -> g.Graph:
    """A council appointed by a board, a network with a member and a deputy on one seat, a
    person on behalf of the network, and a project that ends in 2022."""
    graph = g.Graph()
    for key, kind in [
        ("board", "public_body"),
        ("council", "council"),
        ("network", "network"),
        ("club", "association"),
        ("project", "project"),
    ]:
        graph.add_node(g.Node(key, kind, key.title()))
    graph.add_node(g.Node("person:p", g.PERSON, "Expert"))
    graph.add_node(g.Node("late", "association", "Late", start=date(2024, 1, 1)))
    graph.add_edge(g.Edge("appoint", g.APPOINTS, "board", "council", start=date(2020, 1, 1)))
    graph.add_edge(g.Edge("seat", g.MEMBER, "network", "council", seat="Lapset ja perheet"))
    graph.add_edge(g.Edge("sub", g.DEPUTY, "club", "council", deputy_of="seat"))
    graph.add_edge(
        g.Edge(
            "expert",
            g.MEMBER,
            "person:p",
            "project",
            start=date(2020, 1, 1),
            end=date(2022, 12, 31),
            on_behalf_of="network",
        )
    )
    graph.add_edge(g.Edge("expert/represents", g.REPRESENTS, "person:p", "network"))
    graph.add_edge(g.Edge("join", g.MEMBER, "late", "network", start=date(2024, 1, 1)))
    return graph


def test_it_keeps_only_what_is_active_on_the_day():
    day = _structure().on_day(date(2019, 6, 1))
    assert "appoint" not in {edge.id for edge in day.edges}
    assert "seat" in {edge.id for edge in day.edges}
    # The person is drawn only for a role they hold on the day.
    assert "person:p" in day.nodes  # still represents the network (undated)
    after = _structure().on_day(date(2023, 1, 1))
    assert "expert" not in {edge.id for edge in after.edges}


def test_an_organisation_founded_later_is_absent_with_its_ties():
    earlier = _structure().on_day(date(2021, 1, 1))
    assert "late" not in earlier.nodes
    assert "join" not in {edge.id for edge in earlier.edges}
    later = _structure().on_day(date(2024, 6, 1))
    assert "join" in {edge.id for edge in later.edges}


def test_a_person_without_a_role_on_the_day_is_left_out():
    graph = g.Graph()
    graph.add_node(g.Node("body", "council", "Body"))
    graph.add_node(g.Node("person:x", g.PERSON, "X"))
    graph.add_edge(g.Edge("m", g.CHAIR, "person:x", "body", end=date(2019, 12, 31)))
    assert "person:x" not in graph.on_day(date(2020, 1, 1)).nodes
    assert "person:x" in graph.on_day(date(2019, 1, 1)).nodes


def test_filters_keep_the_chosen_kinds_and_empty_means_all():
    graph = _structure()
    assert graph.filtered() == graph
    networks = graph.filtered(node_kinds=["network", "council"])
    assert set(networks.nodes) == {"network", "council"}
    assert [edge.id for edge in networks.edges] == ["seat"]
    deputies = graph.filtered(edge_kinds=[g.DEPUTY])
    assert [edge.id for edge in deputies.edges] == ["sub"]
    assert len(deputies.nodes) == len(graph.nodes)


def test_the_neighbourhood_grows_with_depth_in_both_directions():
    graph = _structure()
    assert set(graph.neighbourhood("council", 1).nodes) == {"council", "board", "network", "club"}
    two = set(graph.neighbourhood("council", 2).nodes)
    assert {"person:p", "late"} <= two and "project" not in two
    assert "project" in graph.neighbourhood("council", 3).nodes
    assert graph.neighbourhood("nowhere", 2).nodes == {}


def test_connected_drops_loose_nodes_but_keeps_the_kinds_asked_for():
    graph = _structure()
    graph.add_node(g.Node("lonely", "association", "Lonely"))
    graph.add_node(g.Node("forum", "forum", "Forum"))
    kept = graph.connected(keep_kinds=["forum"])
    assert "lonely" not in kept.nodes and "forum" in kept.nodes and "club" in kept.nodes


def test_years_span_the_known_dates():
    assert _structure().years() == (2020, 2024)
    assert g.Graph().years() is None


def test_json_has_ids_kinds_and_dates():
    data = _structure().on_day(date(2021, 1, 1)).as_json()
    expert = next(edge for edge in data["edges"] if edge["id"] == "expert")
    assert expert["kind"] == "member"
    assert expert["source"] == "person:p" and expert["target"] == "project"
    assert (expert["start_date"], expert["end_date"]) == ("2020-01-01", "2022-12-31")
    assert expert["on_behalf_of"] == "network"
    assert {node["kind"] for node in data["nodes"]} >= {"council", "person"}


def test_json_keeps_partial_dates_as_recorded():
    graph = g.Graph()
    graph.add_node(g.Node("a", "network", "A"))
    graph.add_node(g.Node("b", "council", "B"))
    graph.add_edge(g.Edge("m", g.MEMBER, "a", "b", start=date(2020, 1, 1), start_date="2020"))
    assert graph.as_json()["edges"][0]["start_date"] == "2020"


def test_the_outline_lists_deputies_under_their_member():
    bodies = g.outline(_structure().on_day(date(2021, 1, 1)))
    council = next(body for body in bodies if body.body.id == "council")
    kinds = [kind for kind, _entries in council.groups]
    assert kinds == [g.APPOINTS, g.MEMBER]
    (seat,) = dict(council.groups)[g.MEMBER]
    assert seat.member.id == "network" and seat.edge.seat == "Lapset ja perheet"
    assert [deputy.member.id for deputy in seat.deputies] == ["club"]


def test_the_outline_names_whom_a_member_represents():
    bodies = g.outline(_structure().on_day(date(2021, 1, 1)))
    project = next(body for body in bodies if body.body.id == "project")
    (entry,) = dict(project.groups)[g.MEMBER]
    assert entry.on_behalf_of is not None
    assert entry.on_behalf_of.id == "network"
    # "represents" is told on the member's line: the network, with no member of its own in
    # 2021, does not become a body of the outline because of it.
    assert "network" not in {body.body.id for body in bodies}


def test_a_deputy_whose_member_is_filtered_out_is_still_listed():
    graph = _structure().on_day(date(2021, 1, 1)).filtered(node_kinds=["council", "association"])
    council = next(body for body in g.outline(graph) if body.body.id == "council")
    assert [entry.member.id for entry in dict(council.groups)[g.DEPUTY]] == ["club"]


def test_the_neighbourhood_shows_whom_a_seat_holder_sits_for():
    graph = _structure()
    assert "network" in graph.neighbourhood("project", 1).nodes  # through the expert's seat
    assert "council" not in graph.neighbourhood("project", 1).nodes
