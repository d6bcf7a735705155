"""Every endpoint and page that takes a day reads it with core.days.parse_day: the same text
is a day everywhere or nowhere."""

import pytest

COUNCIL = "/jarjestot/pohjois-savon-jarjestoneuvosto/"


@pytest.mark.parametrize("raw", ["1799-12-31", "2021-02-29", "20201001", "2020-10-01T00:00"])
@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/organizations", "active_on"),
        ("/api/v1/memberships", "active_on"),
        ("/api/v1/posts", "active_on"),
        ("/api/v1/areas", "active_on"),
        ("/api/v1/diagram", "date"),
    ],
)
def test_the_api_refuses_what_names_no_day_with_a_400_quoting_it(client, demo, url, parameter, raw):
    response = client.get(url, {parameter: raw, "region": "pohjois-savo"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert raw in response.json()["detail"]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/organizations", "active_on"),
        ("/api/v1/memberships", "active_on"),
        ("/api/v1/diagram", "date"),
    ],
)
def test_the_api_reads_the_first_day_it_accepts(client, demo, url, parameter):
    response = client.get(url, {parameter: "1800-01-01", "region": "pohjois-savo"})
    assert response.status_code == 200


def test_the_pages_fall_back_to_today_on_what_the_api_refuses(client, demo):
    organisation = client.get(COUNCIL, {"paiva": "1799-12-31"}).content.decode()
    assert "“1799-12-31” ei ole päivämäärä" in organisation
    diagram = client.get("/kaavio/", {"alue": "pohjois-savo", "paiva": "1799-12-31"})
    assert diagram.status_code == 400
    assert "ei ole päivämäärä" in diagram.content.decode()
