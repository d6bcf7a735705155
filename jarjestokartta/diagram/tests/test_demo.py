"""The demo structures read from the database and cut to a day, as the issue describes them."""

from datetime import date

import pytest

from jarjestokartta.diagram import graph as g
from jarjestokartta.diagram import service

pytestmark = pytest.mark.django_db
AUTUMN_2020 = date(2020, 10, 1)


def _diagram(**params) -> g.Graph:
    return service.diagram(service.read_request(today=AUTUMN_2020, **params)).graph


def _edges(graph: g.Graph, kind: str, target: str) -> list[g.Edge]:
    return sorted((e for e in graph.edges if e.kind == kind and e.target == target), key=str)


def test_north_savo_2020_shows_the_ngo_council_appointed_by_the_regional_government(demo):
    graph = _diagram(region="pohjois-savo")
    (appoints,) = _edges(graph, g.APPOINTS, "pohjois-savon-jarjestoneuvosto")
    assert appoints.source == "pohjois-savon-maakuntahallitus"
    assert graph.nodes[appoints.source].label == "Pohjois-Savon maakuntahallitus"


def test_the_childrens_network_has_member_and_deputy_on_the_children_and_families_seat(demo):
    graph = _diagram(region="pohjois-savo")
    council = "pohjois-savon-jarjestoneuvosto"
    (member,) = [
        e for e in _edges(graph, g.MEMBER, council) if e.source == "pohjois-savon-lapsiasiaverkosto"
    ]
    (deputy,) = _edges(graph, g.DEPUTY, council)
    assert member.seat == deputy.seat == "Lapset ja perheet"
    assert deputy.source == "pohjois-savon-lapsiasiaverkosto"
    assert deputy.deputy_of == member.id
    assert member.appointed_by == "pohjois-savon-maakuntahallitus"


def test_the_family_house_network_has_its_five_family_houses(demo):
    graph = _diagram(region="pohjois-savo")
    members = _edges(graph, g.MEMBER, "perheentalojen-yhteisollisen-kehittamisen-verkosto")
    assert len(members) == 5
    assert all(graph.nodes[e.source].label.endswith("perheentalo") for e in members)


def test_the_posote20_steering_group_has_members_on_behalf_of_the_ngo_council(demo):
    graph = _diagram(region="pohjois-savo")
    group = "posote20-ohjaus-ja-seurantaryhma"
    ties = _edges(graph, g.MEMBER, group) + _edges(graph, g.DEPUTY, group)
    assert len(ties) == 2
    assert {e.on_behalf_of for e in ties} == {"pohjois-savon-jarjestoneuvosto"}


def test_a_membership_that_starts_later_is_absent_on_an_earlier_day(demo):
    hyte = "pohjois-savon-hyte-tiimi"
    council = "pohjois-savon-jarjestoneuvosto"
    earlier = _diagram(region="pohjois-savo")
    assert not [e for e in earlier.edges if e.source == hyte and e.target == council]
    later = _diagram(region="pohjois-savo", day="2021-06-01")
    assert [e.kind for e in later.edges if e.source == hyte and e.target == council] == [g.MEMBER]


def test_north_karelia_shows_jane_with_two_secretariats_and_the_coordinated_table(demo):
    graph = _diagram(region="pohjois-karjala")
    secretariats = {e.source for e in _edges(graph, g.SECRETARIAT, "jane")}
    assert secretariats == {"pohjois-karjalan-maakuntaliitto", "pksotu"}
    (coordinates,) = _edges(graph, g.COORDINATES, "pohjois-karjalan-jarjestojen-kumppanuuspoyta")
    assert coordinates.source == "pksotu"
    assert "sosiaaliturvayhdistys" in graph.nodes["pksotu"].label.lower()


def test_people_who_have_not_agreed_are_never_named(demo):
    graph = _diagram(region="pohjois-savo")
    people = [node for node in graph.nodes.values() if node.kind == g.PERSON]
    assert sorted(node.label for node in people) == [
        "Järjestöjen edustus",
        "LAPE-asiantuntija",
        "Osallisuus- ja järjestöasiantuntija",
    ]  # the titles on their memberships, not the names in the person records
    assert not any("POSOTE20-hankkeen" in node.label for node in people)
    assert all(node.id.startswith("membership:") for node in people)


def test_public_people_are_named_and_their_roles_dated(demo):
    graph = _diagram(region="pohjois-savo", day="2018-06-01")
    assert "person:anne-aholainen" in graph.nodes
    assert graph.nodes["person:anne-aholainen"].label == "Anne Aholainen"
    assert "person:anne-aholainen" not in _diagram(region="pohjois-savo").nodes


def test_a_focus_shows_the_body_and_its_neighbours_to_the_chosen_depth(demo):
    one = _diagram(focus="pohjois-savon-jarjestoneuvosto", depth=1)
    assert "pohjois-savon-lapsiasiaverkosto" in one.nodes
    assert "posote20-ohjaus-ja-seurantaryhma" in one.nodes
    assert "pohjois-savon-lape-tyoryhma" not in one.nodes  # the network's other body
    two = _diagram(focus="pohjois-savon-jarjestoneuvosto", depth=2)
    assert "pohjois-savon-lape-tyoryhma" in two.nodes
    assert set(one.nodes) < set(two.nodes)


def test_filters_by_node_and_tie_kind(demo):
    graph = _diagram(region="pohjois-savo", node_kinds=["council", "network"])
    assert {node.kind for node in graph.nodes.values()} == {"council", "network"}
    coordination = _diagram(region="pohjois-savo", edge_kinds=[g.COORDINATES])
    assert {edge.kind for edge in coordination.edges} == {g.COORDINATES}
    assert len(coordination.edges) == 18  # each municipality's forum


def test_years_cover_the_data_of_the_region(demo):
    result = service.diagram(service.read_request(region="pohjois-savo", today=AUTUMN_2020))
    assert result.years == (2017, 2022)


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"day": "1.10.2020"}, service.BadRequest),
        ({"day": "0001-01-01"}, service.BadRequest),
        ({"depth": "4"}, service.BadRequest),
        ({"depth": "kaksi"}, service.BadRequest),
        ({"node_kinds": ["yhdistys"]}, service.BadRequest),
        ({"edge_kinds": ["friend"]}, service.BadRequest),
        ({"region": "kuopio"}, service.NotFound),  # a municipality, not a region
        ({"focus": "no-such-body"}, service.NotFound),
    ],
)
def test_bad_parameters_are_refused_with_a_message(demo, params, error):
    with pytest.raises(error) as raised:
        service.read_request(today=AUTUMN_2020, **params)
    assert str(raised.value)


def test_a_region_or_a_focus_is_needed(demo):
    with pytest.raises(service.BadRequest):
        service.diagram(service.read_request(today=AUTUMN_2020))
