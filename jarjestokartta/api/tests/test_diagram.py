"""The diagram's API endpoints: JSON, SVG and PNG, with errors in the API's one schema."""

import json
import re
from xml.etree import ElementTree

import pytest

from jarjestokartta.api import diagram as diagram_api
from jarjestokartta.diagram import service

pytestmark = pytest.mark.django_db
API = "/api/v1/diagram"


def test_the_api_gives_nodes_and_edges_with_ids_kinds_and_dates(client, demo):
    response = client.get(API, {"region": "pohjois-savo", "date": "2020-10-01"})
    assert response.status_code == 200
    data = response.json()
    assert (data["date"], data["region"], data["years"]) == (
        "2020-10-01",
        "pohjois-savo",
        [2017, 2022],
    )
    edge = next(
        e for e in data["edges"] if e["id"] == "m-maakuntahallitus-appoints-jarjestoneuvosto"
    )
    assert edge == {
        "id": "m-maakuntahallitus-appoints-jarjestoneuvosto",
        "kind": "appoints",
        "source": "pohjois-savon-maakuntahallitus",
        "target": "pohjois-savon-jarjestoneuvosto",
        "start_date": "2020",
        "end_date": None,
        "label": "Nimeää järjestöneuvoston",
        "seat": "",
        "role": "appointing_body",
        "deputy_of": "",
        "on_behalf_of": "",
        "appointed_by": "",
    }
    node = next(n for n in data["nodes"] if n["id"] == "pohjois-savon-jarjestoneuvosto")
    assert node["kind"] == "council" and node["url"] == "/jarjestot/pohjois-savon-jarjestoneuvosto/"


def test_the_api_filters_and_focuses(client, demo):
    data = client.get(
        API, {"focus": "jane", "depth": 1, "edge_kind": ["secretariat", "coordinates"]}
    ).json()
    kinds = {(e["source"], e["kind"], e["target"]) for e in data["edges"]}
    assert kinds == {
        ("pohjois-karjalan-maakuntaliitto", "secretariat", "jane"),
        ("pksotu", "secretariat", "jane"),
        ("jane", "coordinates", "pohjois-karjalan-jarjestofoorumit"),
    }  # not the other coordinators of the forums, which are two steps from JANE
    assert data["focus"] == "jane" and data["depth"] == 1


def test_the_api_draws_svg_with_absolute_links_and_png(client, demo):
    svg = client.get(f"{API}.svg", {"region": "pohjois-karjala"})
    assert svg["Content-Type"] == "image/svg+xml"
    assert 'filename="kaavio-pohjois-karjala-' in svg["Content-Disposition"]
    root = ElementTree.fromstring(svg.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    links = re.findall(rb'xlink:href="([^"]*)"', svg.content)
    assert links and all(link.startswith(b"http://testserver/jarjestot/") for link in links)
    png = client.get(f"{API}.png", {"region": "pohjois-karjala"})
    assert png["Content-Type"] == "image/png" and png.content[:4] == b"\x89PNG"


@pytest.mark.parametrize("suffix", ["", ".svg", ".png"])
@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({}, 400),
        ({"region": "pohjois-savo", "date": "yesterday"}, 400),
        ({"region": "pohjois-savo", "date": "99999-01-01"}, 400),
        ({"focus": "jane", "depth": "0"}, 400),
        ({"focus": "jane", "depth": "deep"}, 400),
        ({"region": "pohjois-savo", "node_kind": "ufo"}, 400),
        ({"region": "pohjois-savo", "edge_kind": "likes"}, 400),
        ({"region": "narnia"}, 404),
        ({"focus": "nobody"}, 404),
    ],
)
def test_the_api_answers_bad_input_with_json(client, demo, suffix, params, status):
    response = client.get(API + suffix, params)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["detail"]


def test_the_api_is_in_the_openapi_document_with_the_one_error_schema(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/diagram", "/api/v1/diagram.svg", "/api/v1/diagram.png"):
        for status in ("400", "404"):
            answer = paths[path]["get"]["responses"][status]["content"]["application/json"]
            assert answer["schema"] == {"$ref": "#/components/schemas/Message"}


def test_the_api_schema_documents_the_overview(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    description = paths["/api/v1/diagram"]["get"]["description"]
    assert description == diagram_api.DESCRIPTION
    assert "**overview**" in description and "`members`" in description
    assert f"more than\n{service.OVERVIEW_THRESHOLD} memberships" in description


def test_every_parameter_of_the_diagram_is_described(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/diagram", "/api/v1/diagram.svg", "/api/v1/diagram.png"):
        parameters = paths[path]["get"]["parameters"]
        assert {p["name"] for p in parameters} == {
            "region",
            "focus",
            "depth",
            "date",
            "node_kind",
            "edge_kind",
        }
        assert all(parameter.get("description") for parameter in parameters)
