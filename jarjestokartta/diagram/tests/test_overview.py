"""A region too large to draw member by member: the overview, its counts, the way to the
members, and the same summary in the API and the text alternative."""

from datetime import date

import pytest

from jarjestokartta.diagram import graph as g
from jarjestokartta.diagram import overview, service
from jarjestokartta.directory.models import OrganizationKind
from jarjestokartta.directory.queries import areas_within
from jarjestokartta.directory.tests.factories import BodyFactory, OrganizationFactory
from jarjestokartta.geography.models import Area, AreaKind
from jarjestokartta.structures.models import Role
from jarjestokartta.structures.tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db
DAY = date(2024, 6, 1)
COUNCIL = "kainuun-jarjestoneuvosto"
NETWORK = "kainuun-lapsiverkosto"


@pytest.fixture
def kainuu() -> Area:
    return Area.objects.get(slug="kainuu", classification=AreaKind.REGION)


@pytest.fixture
def structure(kainuu):
    """A council appointed by the regional council, with seven associations (one of them
    through a person on its seat), two foundations, one person on their own, a chair for the
    regional council and a network as a member; the network has five associations, a
    coordinating association and a funding foundation. One association left the council in
    2020."""
    here = {"area": kainuu}
    liitto = BodyFactory(
        name="Kainuun liitto", slug="kainuun-liitto", popolo_id="kainuun-liitto",
        classification=OrganizationKind.PUBLIC_BODY, **here,
    )  # fmt: skip
    council = BodyFactory(
        name="Kainuun järjestöneuvosto", slug=COUNCIL, popolo_id=COUNCIL,
        classification=OrganizationKind.COUNCIL, **here,
    )  # fmt: skip
    network = BodyFactory(name="Kainuun lapsiverkosto", slug=NETWORK, popolo_id=NETWORK, **here)
    MembershipFactory(organization=council, member_organization=liitto, role=Role.APPOINTING_BODY)
    for _ in range(6):
        MembershipFactory(organization=council, member_organization=OrganizationFactory(**here))
    for _ in range(2):
        foundation = OrganizationFactory(classification=OrganizationKind.FOUNDATION, **here)
        MembershipFactory(organization=council, member_organization=foundation)
    seat = OrganizationFactory(name="Paikan yhdistys ry", **here)
    for role in (Role.MEMBER, Role.DEPUTY_MEMBER):
        MembershipFactory(
            organization=council,
            member_organization=None,
            person=PersonFactory(),
            on_behalf_of=seat,
            role=role,
        )
    MembershipFactory(organization=council, member_organization=None, person=PersonFactory())
    MembershipFactory(
        organization=council,
        member_organization=None,
        person=PersonFactory(),
        on_behalf_of=liitto,
        role=Role.CHAIR,
    )
    MembershipFactory(organization=council, member_organization=network)
    MembershipFactory(
        organization=council, member_organization=OrganizationFactory(**here), end_date="2020"
    )
    for _ in range(5):
        MembershipFactory(organization=network, member_organization=OrganizationFactory(**here))
    MembershipFactory(
        organization=network,
        member_organization=OrganizationFactory(slug="koordinaattori", popolo_id="koord", **here),
        role=Role.COORDINATOR,
    )
    MembershipFactory(
        organization=network,
        member_organization=OrganizationFactory(
            classification=OrganizationKind.FOUNDATION, popolo_id="rahoittaja", **here
        ),
        role=Role.FUNDER,
    )
    return kainuu


def _ties(region: Area) -> int:
    bodies = overview.region_bodies(areas_within(region, DAY))
    return overview.ties_on_day(bodies, DAY, limit=10_000)


def _diagram(**params) -> service.Diagram:
    return service.diagram(service.read_request(today=DAY, day=DAY.isoformat(), **params))


@pytest.fixture
def above(structure, monkeypatch):
    """The structure, with the threshold one tie below its size."""
    monkeypatch.setattr(service, "OVERVIEW_THRESHOLD", _ties(structure) - 1)
    return structure


def test_a_region_above_the_threshold_is_drawn_as_bodies_with_counted_members(above):
    result = _diagram(region="kainuu")
    graph = result.graph
    assert result.overview
    council = graph.nodes[f"members:{COUNCIL}"]
    assert dict(council.counts) == {"association": 7, "foundation": 2, g.PERSON: 1}
    assert council.label == "9 jäsenjärjestöä, 1 henkilö"
    assert council.url == f"/kaavio/?keskus={COUNCIL}&paiva=2024-06-01"
    assert dict(graph.nodes[f"members:{NETWORK}"].counts) == {"association": 5}
    assert result.summarised == 15
    drawn = {node.kind for node in graph.nodes.values()}
    assert "association" in drawn and g.PERSON not in drawn
    associations = [n.id for n in graph.nodes.values() if n.kind == "association"]
    assert associations == ["koord"]  # it coordinates: drawn, not counted
    ties = {(e.source, e.kind, e.target) for e in graph.edges}
    assert {
        ("kainuun-liitto", g.APPOINTS, COUNCIL),
        ("kainuun-liitto", g.CHAIR, COUNCIL),  # the person who chairs for the regional council
        (NETWORK, g.MEMBER, COUNCIL),
        ("koord", g.COORDINATES, NETWORK),
        ("rahoittaja", g.FUNDS, NETWORK),
        (f"members:{COUNCIL}", g.MEMBER, COUNCIL),
    } <= ties


def test_the_threshold_is_the_number_of_ties_on_the_day(structure, monkeypatch):
    size = _ties(structure)
    monkeypatch.setattr(service, "OVERVIEW_THRESHOLD", size)
    at = _diagram(region="kainuu")
    assert not at.overview and at.summarised == 0
    assert not any(node.kind == g.MEMBERS for node in at.graph.nodes.values())
    assert sum(node.kind == "association" for node in at.graph.nodes.values()) == 13
    monkeypatch.setattr(service, "OVERVIEW_THRESHOLD", size - 1)
    assert _diagram(region="kainuu").overview


def test_the_counts_agree_with_the_detailed_diagram(above, monkeypatch):
    summary = _diagram(region="kainuu").graph
    monkeypatch.setattr(service, "OVERVIEW_THRESHOLD", 10_000)
    detailed = _diagram(region="kainuu").graph
    for body in (COUNCIL, NETWORK):
        members = set()
        for edge in detailed.edges:
            if edge.target != body or edge.kind in (g.COORDINATES, g.FUNDS, g.APPOINTS):
                continue
            actor = edge.on_behalf_of or edge.source
            if detailed.nodes[actor].kind in ("association", "foundation", g.PERSON):
                members.add(actor)
        assert summary.nodes[f"members:{body}"].count == len(members)


def test_focusing_on_a_body_draws_its_members_one_by_one(above):
    result = _diagram(focus=COUNCIL)
    assert not result.overview and result.note == ""
    kinds = [node.kind for node in result.graph.nodes.values()]
    # Every organisation the summary counted, the one on the seat too, is drawn by name.
    assert kinds.count("association") == 7 and kinds.count("foundation") == 2
    assert "Paikan yhdistys ry" in {node.label for node in result.graph.nodes.values()}
    assert kinds.count(g.PERSON) == 4  # the seat, its deputy, the one on their own, the chair
    assert not any(kind == g.MEMBERS for kind in kinds)


def test_the_overview_reads_the_same_number_of_queries_however_many_members(
    above, django_assert_num_queries
):
    request = service.read_request(region="kainuu", today=DAY)
    with django_assert_num_queries(7) as first:
        service.diagram(request)
    network = BodyFactory._meta.model.objects.get(popolo_id=NETWORK)
    for _ in range(20):
        MembershipFactory(organization=network, member_organization=OrganizationFactory())
    with django_assert_num_queries(len(first.captured_queries)):
        result = service.diagram(request)
    assert result.graph.nodes[f"members:{NETWORK}"].count == 25


def test_the_page_says_it_is_an_overview_and_lists_the_counts(client, above):
    text = client.get("/kaavio/", {"alue": "kainuu", "paiva": "2024-06-01"}).content.decode()
    assert 'id="kaavio-huomio"' in text and "yleiskuva" in text
    assert 'aria-describedby="kaavio-huomio"' in text
    assert f'id="node-members:{COUNCIL}"'.replace("-", "&#45;") in text
    outline = text[text.index("Rakenne tekstinä") :]
    assert f'href="/kaavio/?keskus={COUNCIL}&amp;paiva=2024-06-01">9 jäsenjärjestöä' in outline
    assert f'<option value="members:{COUNCIL}"' not in text  # not a focus to choose


def test_the_api_gives_the_same_summary_and_draws_it(client, above):
    data = client.get("/api/v1/diagram", {"region": "kainuu", "date": "2024-06-01"}).json()
    assert data["overview"] is True and data["summarised"] == 15 and data["note"]
    node = next(n for n in data["nodes"] if n["id"] == f"members:{COUNCIL}")
    assert node["kind"] == "members" and node["count"] == 10
    assert node["counts"] == {"association": 7, "foundation": 2, "person": 1}
    assert "count" not in next(n for n in data["nodes"] if n["id"] == COUNCIL)
    svg = client.get("/api/v1/diagram.svg", {"region": "kainuu", "date": "2024-06-01"})
    assert f'id="node-members:{COUNCIL}"'.replace("-", "&#45;").encode() in svg.content
    assert "9 jäsenjärjestöä, 1 henkilö".encode() in svg.content


def test_a_small_region_is_not_an_overview(client, structure):
    data = client.get("/api/v1/diagram", {"region": "kainuu", "date": "2024-06-01"}).json()
    assert data["overview"] is False and data["summarised"] == 0 and data["note"] == ""


def test_a_focus_that_would_reach_too_far_stops_at_the_depth_before(above, monkeypatch):
    monkeypatch.setattr(service, "NEIGHBOURHOOD_LIMIT", 12)
    one = _diagram(focus=NETWORK, depth=1)
    assert one.depth == 1 and one.note == ""
    three = _diagram(focus=NETWORK, depth=3)
    assert three.depth == 1
    assert "syvyyteen 1" in three.note
    assert set(three.graph.nodes) == set(one.graph.nodes)
    monkeypatch.setattr(service, "NEIGHBOURHOOD_LIMIT", 600)
    assert _diagram(focus=NETWORK, depth=3).depth == 3
