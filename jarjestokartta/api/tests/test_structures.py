import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jarjestokartta.popolo import records
from jarjestokartta.popolo.public import PLACEHOLDER_PREFIX

pytestmark = pytest.mark.django_db


def contents(client, url: str, **params) -> list[dict]:
    response = client.get(url, {"per_page": 500, **params})
    assert response.status_code == 200, response.content
    return response.json()["contents"]


def test_memberships_filter_by_body_member_role_and_on_behalf_of(client, demo, demo_data):
    council = contents(client, "/api/v1/memberships", organization="pohjois-savon-jarjestoneuvosto")
    expected = {
        m["id"]
        for m in demo_data["memberships"]
        if m["organization_id"] == council[0]["organization_id"]
    }
    assert {m["id"] for m in council} == expected

    represented = contents(
        client, "/api/v1/memberships", on_behalf_of="pohjois-savon-lapsiasiaverkosto"
    )
    assert {m["id"] for m in represented} >= {
        "m-lapsiasiaverkosto-jarjestoneuvosto",
        "m-lapsiasiaverkosto-jarjestoneuvosto-varajasen",
    }
    deputies = contents(
        client,
        "/api/v1/memberships",
        organization="pohjois-savon-jarjestoneuvosto",
        role="deputy_member",
    )
    assert [m["deputy_of_id"] for m in deputies] == ["m-lapsiasiaverkosto-jarjestoneuvosto"]

    member = contents(client, "/api/v1/memberships", member="pohjois-savon-jarjestoneuvosto")
    assert {m["organization_id"] for m in member} >= {"posote20-ohjaus-ja-seurantaryhma"}
    assert all(m["member"]["id"] == "pohjois-savon-jarjestoneuvosto" for m in member)


def test_memberships_as_of_a_day(client, demo):
    steering = "posote20-ohjaus-ja-seurantaryhma"
    assert contents(client, "/api/v1/memberships", organization=steering, active_on="2021-01-01")
    assert not contents(
        client, "/api/v1/memberships", organization=steering, active_on="2024-01-01"
    )


def test_a_private_person_is_a_placeholder_of_that_membership_alone(client, demo, demo_data):
    everything = contents(client, "/api/v1/memberships")
    private = {p["id"] for p in demo_data["persons"] if not p.get("public")}
    held_privately = [m for m in demo_data["memberships"] if m.get("person_id") in private]
    assert held_privately
    by_id = {m["id"]: m for m in everything}
    for original in held_privately:
        shown = by_id[original["id"]]
        assert shown["person_id"] == PLACEHOLDER_PREFIX + original["id"]
        assert shown["label"] == original.get("label", shown["label"])
    text = str(everything)
    assert not any(person_id in text for person_id in private)
    # …and is unknown as a filter value, exactly like an id that does not exist.
    hidden = client.get("/api/v1/memberships", {"member": sorted(private)[0]})
    absent = client.get("/api/v1/memberships", {"member": "p-ei-ole"})
    assert hidden.status_code == absent.status_code == 422
    assert hidden.json()["detail"].replace(sorted(private)[0], "X") == absent.json()[
        "detail"
    ].replace("p-ei-ole", "X")


def test_a_public_person_filters_memberships(client, demo, demo_data):
    held = {m["id"] for m in demo_data["memberships"] if m.get("person_id") == "anne-aholainen"}
    assert {
        m["id"] for m in contents(client, "/api/v1/memberships", member="anne-aholainen")
    } == held


def test_persons_are_the_public_ones_only(client, demo, demo_data):
    persons = contents(client, "/api/v1/persons")
    assert {p["id"] for p in persons} == {"anne-aholainen", "henna-ovaskainen"}
    expected = {p["id"]: p for p in demo_data["persons"]}
    assert all(p == records.normal_form("persons", expected[p["id"]]) for p in persons)
    assert client.get("/api/v1/persons/anne-aholainen").json()["name"] == "Anne Aholainen"
    private = client.get("/api/v1/persons/p-hyte-koordinaattori-1")
    assert private.status_code == 404
    assert private.json() == {"detail": "no public person with id 'p-hyte-koordinaattori-1'"}


def test_posts_by_body_and_day(client, demo, demo_data):
    seats = contents(client, "/api/v1/posts", organization="pohjois-savon-jarjestoneuvosto")
    expected = [
        p for p in demo_data["posts"] if p["organization_id"] == "pohjois-savon-jarjestoneuvosto"
    ]
    assert {p["id"] for p in seats} == {p["id"] for p in expected} and seats
    one = client.get(f"/api/v1/posts/{seats[0]['id']}").json()
    assert one == seats[0]
    assert client.get("/api/v1/posts/ei-ole").status_code == 404
    assert not contents(
        client,
        "/api/v1/posts",
        active_on="1990-01-01",
        organization="pohjois-savon-jarjestoneuvosto",
    )


def test_membership_detail_and_404(client, demo):
    record = client.get("/api/v1/memberships/m-lapsiasiaverkosto-jarjestoneuvosto").json()
    assert record["on_behalf_of_id"] == "pohjois-savon-lapsiasiaverkosto"
    assert client.get("/api/v1/memberships/ei-ole").status_code == 404


@pytest.mark.parametrize(
    ("url", "params", "status"),
    [
        ("/api/v1/memberships", {"organization": "ei-ole"}, 422),
        ("/api/v1/memberships", {"on_behalf_of": "ei-ole"}, 422),
        ("/api/v1/memberships", {"role": "boss"}, 400),
        ("/api/v1/memberships", {"active_on": "1.1.2020"}, 400),
        ("/api/v1/posts", {"organization": "ei-ole"}, 422),
        ("/api/v1/posts", {"per_page": "-1"}, 400),
        ("/api/v1/persons", {"page": "1e3"}, 400),
    ],
)
def test_bad_input_is_a_json_error(client, demo, url, params, status):
    response = client.get(url, params)
    assert response.status_code == status
    assert response.json()["detail"]


def test_membership_list_takes_a_fixed_number_of_queries(client, demo):
    for per_page in (5, 500):
        with CaptureQueriesContext(connection) as queries:
            client.get("/api/v1/memberships", {"per_page": per_page})
        assert len(queries) == 3  # data version, count, the page with its joins
