import pytest

pytestmark = pytest.mark.django_db


def contents(client, url: str, **params) -> list[dict]:
    response = client.get(url, {"per_page": 500, **params})
    assert response.status_code == 200, response.content
    return response.json()["contents"]


def test_areas_by_kind_and_region_of_a_day(client, demo):
    regions = contents(client, "/api/v1/areas", classification="region")
    assert len(regions) == 19  # 18 regions and Åland
    assert all(a["id"].startswith("maakunta:") for a in regions)
    north_savo = {a["name"] for a in contents(client, "/api/v1/areas", region="pohjois-savo")}
    assert {"Pohjois-Savo", "Kuopio", "Iisalmi"} <= north_savo
    # Joroinen moved from South Savo to North Savo at the start of 2021.
    assert "Joroinen" in north_savo
    before = {
        a["name"] for a in contents(client, "/api/v1/areas", region="11", active_on="2020-06-01")
    }
    assert "Joroinen" not in before
    kuopio = client.get("/api/v1/areas/kunta:297").json()
    assert kuopio["identifiers"] == [{"scheme": "kuntanumero", "identifier": "297"}]
    assert client.get("/api/v1/areas/kuopio").json() == kuopio
    assert client.get("/api/v1/areas/ei-ole").status_code == 404
    assert client.get("/api/v1/areas", {"region": "kuopio"}).status_code == 422
    assert client.get("/api/v1/areas", {"classification": "village"}).status_code == 400


def test_themes_and_target_groups_give_the_filter_ids(client, demo):
    themes = contents(client, "/api/v1/themes")
    assert {"id": "tyollisyys", "name": "Työllisyys"} in themes
    for theme in themes:
        assert client.get("/api/v1/organizations", {"theme": theme["id"]}).status_code == 200
    groups = contents(client, "/api/v1/target_groups")
    assert "ikaantyneet" in {g["id"] for g in groups}


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/api/v1/areas", 3),  # data version, count, the page with its parent areas
        ("/api/v1/areas?region=pohjois-savo", 5),  # and the region and its municipalities
        ("/api/v1/themes", 3),
        ("/api/v1/target_groups", 3),
        ("/api/v1/posts", 3),
        ("/api/v1/persons", 4),  # and the persons' contact details
    ],
)
def test_lists_take_a_fixed_number_of_queries(client, demo, url, queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    path, _, query = url.partition("?")
    for per_page in (2, 500):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{path}?{query}&per_page={per_page}")
        assert response.status_code == 200
        assert len(captured) == queries, [q["sql"] for q in captured]
