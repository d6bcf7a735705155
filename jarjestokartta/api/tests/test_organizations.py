from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jarjestokartta.directory.models import Organization
from jarjestokartta.directory.tests.factories import IdentifierFactory, OrganizationFactory
from jarjestokartta.popolo import records

pytestmark = pytest.mark.django_db
URL = "/api/v1/organizations"


def ids(client, **params) -> list[str]:
    response = client.get(URL, {"per_page": 500, **params})
    assert response.status_code == 200, response.content
    return [record["id"] for record in response.json()["contents"]]


def test_it_lists_every_organisation_as_its_popolo_record_sorted_by_name(client, demo, demo_data):
    body = client.get(URL, {"per_page": 500}).json()
    assert body["total_items"] == len(demo_data["organizations"]) == body["size"]
    names = [record["name"] for record in body["contents"]]
    assert names == sorted(names, key=lambda name: Organization.objects.get(name=name).name)
    expected = {record["id"]: record for record in demo_data["organizations"]}
    for record in body["contents"]:
        assert record == records.normal_form("organizations", expected[record["id"]])


def test_region_means_at_home_or_operating_in_it_or_its_municipalities(client, demo):
    north_savo = ids(client, region="pohjois-savo")
    assert "pssotu" in north_savo  # at home in Kuopio
    assert "pohjois-savon-jarjestoneuvosto" in north_savo
    assert "jane" not in north_savo
    assert ids(client, region="11") == north_savo  # by the region's code too
    both = ids(client, region=["pohjois-savo", "pohjois-karjala"])
    assert set(both) == set(north_savo) | set(ids(client, region="pohjois-karjala"))


def test_municipality_by_slug_or_number(client, demo):
    kuopio = ids(client, municipality="kuopio")
    assert "pssotu" in kuopio and kuopio == ids(client, municipality="297")
    assert set(kuopio) < set(ids(client, region="pohjois-savo"))


def test_filters_combine_with_and(client, demo):
    families = set(ids(client, theme="lapset-ja-perheet"))
    north_savo = set(ids(client, region="pohjois-savo"))
    networks = set(ids(client, classification="network"))
    combined = set(
        ids(client, theme="lapset-ja-perheet", region="pohjois-savo", classification="network")
    )
    assert combined == families & north_savo & networks
    assert combined, "the demo has family networks in North Savo"


def test_classification_theme_and_target_group_filter(client, demo):
    councils = ids(client, classification="council")
    assert councils and all(
        Organization.objects.get(popolo_id=i).classification == "council" for i in councils
    )
    elderly = ids(client, target_group="ikaantyneet")
    assert len(elderly) == 5
    assert len(ids(client, theme="tyollisyys")) == 2


def test_parent_by_id_or_slug(client, demo):
    assert set(ids(client, parent="jane")) == {
        "jane-alatyoryhma-hyvinvointialue",
        "jane-koulutustyoryhma",
    }
    federation = Organization.objects.get(popolo_id="elakeliitto")
    assert ids(client, parent=federation.slug) == ["elakeliiton-keski-suomen-piiri"]


def test_identifier_in_one_scheme_or_any(client, db):
    org = OrganizationFactory()
    IdentifierFactory(organization=org, scheme="ytunnus", identifier="2077474-0")
    OrganizationFactory()
    assert ids(client, identifier="ytunnus:2077474-0") == [org.popolo_id]
    assert ids(client, identifier="2077474-0") == [org.popolo_id]
    assert ids(client, identifier="yhdistysrekisteri:2077474-0") == []


def test_modified_after_and_active_on(client, demo):
    later = OrganizationFactory()
    Organization.objects.exclude(pk=later.pk).update(modified=timezone.now() - timedelta(days=10))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert ids(client, modified_after=since) == [later.popolo_id]
    assert ids(client, modified_after=(timezone.localdate() - timedelta(days=1)).isoformat()) == [
        later.popolo_id
    ]

    in_2018 = ids(client, active_on="2018-06-01")
    in_2021 = ids(client, active_on="2021-06-01")
    assert "sakke" in in_2018 and "sakke" not in in_2021
    assert "tulevaisuuden-posote20-hanke" in in_2021
    assert "tulevaisuuden-posote20-hanke" not in ids(client, active_on="2023-01-01")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"region": "atlantis"}, "unknown region 'atlantis'"),
        ({"municipality": "999"}, "unknown municipality '999'"),
        ({"theme": "ei-teemaa"}, "unknown theme 'ei-teemaa'"),
        ({"target_group": "x"}, "unknown target group 'x'"),
        ({"parent": "ei-ole"}, "unknown parent organisation 'ei-ole'"),
        ({"region": "kuopio"}, "unknown region 'kuopio'"),  # a municipality, not a region
    ],
)
def test_a_value_that_names_nothing_is_a_422(client, demo, params, message):
    response = client.get(URL, params)
    assert response.status_code == 422
    assert response.json()["detail"].startswith(message)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"classification": "club"}, "classification"),
        ({"active_on": "2024-13-01"}, "active_on"),
        ({"modified_after": "yesterday"}, "modified_after"),
        ({"page": "0"}, "page"),
        ({"page": "x"}, "page"),
        ({"per_page": "501"}, "per_page"),
        ({"per_page": "0"}, "per_page"),
        ({"include": "members"}, "include"),
        ({"parent": "x" * 201}, "parent"),
    ],
)
def test_a_malformed_parameter_is_a_400_naming_it(client, demo, params, field):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"].startswith(field)


def test_pages_cover_the_list_once_and_the_edges_are_marked(client, demo, demo_data):
    total = len(demo_data["organizations"])
    pages = -(-total // 7)
    seen = []
    for number in range(1, pages + 1):
        body = client.get(URL, {"per_page": 7, "page": number}).json()
        assert body["total_items"] == total and body["total_pages"] == pages
        assert body["page_number"] == number
        assert body["first_page"] == (number == 1) and body["last_page"] == (number == pages)
        assert body["size"] == len(body["contents"]) and not body["empty"]
        seen.extend(record["id"] for record in body["contents"])
    assert len(seen) == len(set(seen)) == total
    assert body["size"] == total - 7 * (pages - 1)

    past = client.get(URL, {"per_page": 7, "page": pages + 1}).json()
    assert past["contents"] == [] and past["empty"] and past["size"] == 0 and past["last_page"]
    exact = client.get(URL, {"per_page": total}).json()
    assert exact["total_pages"] == 1 and exact["first_page"] and exact["last_page"]


def test_an_empty_result_has_no_pages(client, demo):
    body = client.get(URL, {"classification": "company"}).json()
    assert body == {
        "total_items": 0,
        "total_pages": 0,
        "page_number": 1,
        "size": 0,
        "first_page": True,
        "last_page": True,
        "empty": True,
        "contents": [],
    }


def test_include_embeds_memberships_and_posts(client, demo, demo_data):
    body = client.get(
        URL, {"region": "pohjois-savo", "include": "memberships,posts", "per_page": 500}
    ).json()
    council = next(r for r in body["contents"] if r["id"] == "pohjois-savon-jarjestoneuvosto")
    expected = [m["id"] for m in demo_data["memberships"] if m["organization_id"] == council["id"]]
    assert sorted(m["id"] for m in council["memberships"]) == sorted(expected)
    seats = [p["id"] for p in demo_data["posts"] if p["organization_id"] == council["id"]]
    assert sorted(p["id"] for p in council["posts"]) == sorted(seats) and seats
    assert all("memberships" in r and "posts" in r for r in body["contents"])
    # The same as asking one by one, and the repeated form means the same.
    alone = client.get(f"{URL}/{council['id']}", {"include": ["memberships", "posts"]}).json()
    assert alone == council
    plain = client.get(URL, {"region": "pohjois-savo", "per_page": 500}).json()
    assert all("memberships" not in r for r in plain["contents"])


def test_the_list_takes_a_fixed_number_of_queries(client, demo):
    def count(**params) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, params).status_code == 200
        return len(queries)

    # data version, count, page, seven prefetches (names, identifiers, contacts, links,
    # themes, target groups, areas of operation)
    assert count(per_page=5) == count(per_page=500) == 10
    # one area lookup and the region's municipalities
    assert count(per_page=500, region="pohjois-savo") == 12
    # one query for the memberships of the page, one for its seats
    assert count(per_page=500, include="memberships,posts") == 12
    assert count(per_page=5, include="memberships,posts") == 12


def test_detail_by_id_or_slug_and_a_json_404(client, demo):
    record = client.get(f"{URL}/pssotu").json()
    slug = Organization.objects.get(popolo_id="pssotu").slug
    assert client.get(f"{URL}/{slug}").json() == record
    missing = client.get(f"{URL}/ei-ole")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "no organisation with id or slug 'ei-ole'"}


def test_the_detail_takes_a_fixed_number_of_queries(client, demo):
    # data version, the organisation with its parent and area, seven child-row queries; a
    # field organization_record reads but RECORD_FIELDS leaves out would add one more
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{URL}/pssotu").status_code == 200
    assert len(queries) == 9
