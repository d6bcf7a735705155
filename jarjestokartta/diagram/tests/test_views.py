"""The diagram page and its API endpoints, through Django's test client."""

import json
import re
from xml.etree import ElementTree

import pytest

pytestmark = pytest.mark.django_db
PAGE = "/kaavio/"
API = "/api/v1/diagram"


def test_without_a_choice_the_page_offers_the_regions_that_have_bodies(client, demo):
    response = client.get(PAGE)
    assert response.status_code == 200
    text = response.content.decode()
    assert 'href="?alue=pohjois-savo"' in text
    assert 'href="?alue=lappi"' not in text  # no bodies recorded there
    assert "<svg" not in text


def test_a_region_page_has_the_picture_the_exports_and_the_text(client, demo):
    response = client.get(PAGE, {"alue": "pohjois-savo", "paiva": "2020-10-01"})
    text = response.content.decode()
    assert response.status_code == 200
    assert text.count("<svg") == 1 and "<?xml" not in text
    assert 'class="diagram-canvas fit"' in text  # a region-sized picture fits the width
    assert 'xlink:href="/jarjestot/pohjois-savon-jarjestoneuvosto/"' in text
    for fmt in ("diagram.svg?", "diagram.png?", "diagram?"):
        assert f"/api/v1/{fmt}region=pohjois-savo&amp;date=2020-10-01" in text
    outline = text[text.index("Rakenne tekstinä") :]
    council = outline[outline.index(">Pohjois-Savon järjestöneuvosto<") :]
    assert "Asettaja:" in council
    assert "paikka “Lapset ja perheet”" in council
    assert "varajäsen: <a" in council


def test_the_page_answers_htmx_with_just_the_diagram(client, demo):
    response = client.get(PAGE, {"alue": "pohjois-savo"}, headers={"HX-Request": "true"})
    text = response.content.decode()
    assert text.startswith('<div id="kaavio">') and "<html" not in text


def test_a_focus_keeps_the_chosen_depth_in_its_exports(client, demo):
    response = client.get(PAGE, {"keskus": "pohjois-savon-jarjestoneuvosto", "syvyys": "2"})
    text = response.content.decode()
    assert "focus=pohjois-savon-jarjestoneuvosto" in text and "depth=2" in text
    assert '<option value="2" selected>' in text


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"alue": "atlantis"}, 404, "Maakuntaa atlantis ei ole."),
        ({"alue": "pohjois-savo", "paiva": "31.12.2020"}, 400, "ei ole päivämäärä"),
        ({"alue": "pohjois-savo", "syvyys": "9"}, 400, "Syvyyden on oltava"),
        ({"alue": "pohjois-savo", "solmu": "ufo"}, 400, "Tuntematon solmun tyyppi: ufo"),
    ],
)
def test_bad_choices_get_a_finnish_message_not_an_error_page(client, demo, params, status, message):
    response = client.get(PAGE, params)
    assert response.status_code == status
    assert message in response.content.decode()
    assert 'id="alue"' in response.content.decode()  # the controls are still there


def test_a_day_with_nothing_to_draw_says_so(client, demo):
    response = client.get(PAGE, {"keskus": "sakke", "paiva": "2010-01-01"})
    assert "Tällä päivällä ja näillä valinnoilla ei ole piirrettävää" in response.content.decode()


def test_the_page_reads_the_database_a_fixed_number_of_times(
    client, demo, django_assert_num_queries
):
    with django_assert_num_queries(8):
        client.get(PAGE, {"alue": "pohjois-savo", "paiva": "2020-10-01"})


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


def test_the_api_is_in_the_openapi_document(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/diagram", "/api/v1/diagram.svg", "/api/v1/diagram.png"} <= set(paths)
