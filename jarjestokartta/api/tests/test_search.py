import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db
URL = "/api/v1/search"


def test_it_answers_in_the_documented_shape(client, demo):
    body = client.get(URL, {"q": "sosiaaliturvayhdistus Kuopio", "limit": 5}).json()
    assert body["suggestion"] == "sosiaaliturvayhdistys Kuopio"
    first = body["results"][0]
    assert first == {
        "type": "organization",
        "id": "pssotu",
        "name": "Pohjois-Savon Sosiaaliturvayhdistys ry",
        "abstract": first["abstract"],
        "area": "Kuopio",
        "url": "/jarjestot/pohjois-savon-sosiaaliturvayhdistys-ry/",
        "organizer": None,
        "status": None,
        "next_start": None,
    }
    assert set(body["facets"]) == {
        "type",
        "event_kind",
        "region",
        "municipality",
        "classification",
        "theme",
        "target_group",
    }


@pytest.mark.parametrize("q", ["perheentalot", "sosiaaliturvayhdistus", "", "qwxzv"])
def test_every_answer_fits_the_documented_schema(client, demo, q):
    # The view sends its JSON without ninja's output validation (for speed): check it here.
    from jarjestokartta.api.search import SearchResponse

    body = client.get(URL, {"q": q, "limit": 100}).json()
    assert SearchResponse.model_validate(body).count == body["count"]


def test_facets_count_the_matches_and_filters_narrow_them(client, demo):
    body = client.get(URL, {"q": "verkosto"}).json()
    regions = {item["value"]: item["count"] for item in body["facets"]["region"]}
    assert regions["pohjois-savo"] > 0 and regions["keski-suomi"] > 0
    kinds = {item["value"]: item["count"] for item in body["facets"]["classification"]}
    assert kinds["network"] > 0

    narrowed = client.get(URL, {"q": "verkosto", "region": "keski-suomi"}).json()
    assert narrowed["count"] == regions["keski-suomi"]
    assert {item["value"] for item in narrowed["facets"]["region"]} >= {"keski-suomi"}

    both = client.get(
        URL, {"q": "verkosto", "region": "keski-suomi", "classification": "network"}
    ).json()
    assert 0 < both["count"] <= narrowed["count"]
    assert all(r["name"] for r in both["results"])


def test_an_empty_query_with_a_filter_lists_that_area(client, demo):
    body = client.get(URL, {"region": "pohjois-karjala", "limit": 100}).json()
    names = [result["name"] for result in body["results"]]
    assert "Pohjois-Karjalan järjestöasiain neuvottelukunta JANE" in names
    assert body["count"] == len(names)


def test_it_pages_through_results(client, demo):
    everything = client.get(URL, {"q": "verkosto", "limit": 100}).json()
    first = client.get(URL, {"q": "verkosto", "limit": 5, "offset": 0}).json()
    second = client.get(URL, {"q": "verkosto", "limit": 5, "offset": 5}).json()
    ids = [r["id"] for r in everything["results"]]
    assert [r["id"] for r in first["results"]] == ids[:5]
    assert [r["id"] for r in second["results"]] == ids[5:10]
    assert first["count"] == second["count"] == everything["count"]
    beyond = client.get(URL, {"q": "verkosto", "offset": 1000}).json()
    assert beyond["results"] == [] and beyond["count"] == everything["count"]


def test_it_says_when_no_result_has_every_word(client, demo):
    body = client.get(URL, {"q": "POSOTE20 perheentalo"}).json()
    assert body["partial"] is True
    assert body["count"] > 0


def test_nothing_found_is_an_empty_answer_not_an_error(client, demo):
    response = client.get(URL, {"q": "qwxzv"})
    assert response.status_code == 200
    assert response.json()["count"] == 0 and response.json()["results"] == []


@pytest.mark.parametrize(
    "params, message",
    [
        ({"limit": 101}, "limit: Input should be less than or equal to 100"),
        ({"limit": 0}, "limit: Input should be greater than or equal to 1"),
        ({"limit": "many"}, "limit: Input should be a valid integer"),
        ({"offset": -1}, "offset: Input should be greater than or equal to 0"),
        ({"q": "x" * 201}, "q: String should have at most 200 characters"),
        ({"region": "atlantis"}, "unknown region 'atlantis'"),
        ({"municipality": "pohjois-savo"}, "unknown municipality 'pohjois-savo'"),
        ({"classification": "club"}, "unknown classification 'club'"),
        ({"theme": "nope"}, "unknown theme 'nope'"),
    ],
)
def test_bad_parameters_get_a_json_400_with_a_message(client, demo, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert message in response.json()["detail"]


def test_the_query_count_does_not_grow_with_the_results(client, demo):
    client.get(URL, {"q": "verkosto"})  # loads the vocabulary, once per process
    # Per result type: a page with events reads them once more (their next times).
    for kind in ("organization", "event"):
        with CaptureQueriesContext(connection) as few:
            client.get(URL, {"q": "perheentalo", "limit": 1, "type": kind})
        with CaptureQueriesContext(connection) as many:
            client.get(URL, {"q": "perheentalo", "limit": 100, "type": kind})
        assert len(many) == len(few) <= 8


def test_the_openapi_document_describes_the_search(client):
    schema = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"] for p in schema["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert {"q", "limit", "offset", "region", "municipality", "classification", "theme"} <= (
        parameters
    )


def test_every_parameter_and_field_of_the_search_is_described(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/search"]["get"]
    assert all(parameter.get("description") for parameter in operation["parameters"])
    components = schema["components"]["schemas"]
    for name in ("SearchResponse", "SearchResult", "FacetValue", "Message"):
        fields = components[name]["properties"]
        assert [field for field, spec in fields.items() if not spec.get("description")] == []


def test_its_errors_have_the_api_s_one_error_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    answer = schema["paths"]["/api/v1/search"]["get"]["responses"]["400"]["content"]
    assert answer["application/json"]["schema"] == {"$ref": "#/components/schemas/Message"}


def test_a_count_past_the_bound_is_said_to_be_a_lower_bound(client, demo, monkeypatch):
    from jarjestokartta.api.search import SearchResponse
    from jarjestokartta.search import engine

    exact = client.get(URL, {"q": "verkosto"}).json()
    assert exact["count_exact"] is True and exact["count"] > 2
    monkeypatch.setattr(engine, "MATCH_BOUND", 2)
    body = client.get(URL, {"q": "verkosto"}, headers={"Cache-Control": "no-cache"}).json()
    assert SearchResponse.model_validate(body).count_exact is False
    assert body["count"] == 2 == len(body["results"])
    # The facets count the two that were counted, never more than the true counts.
    assert sum(item["count"] for item in body["facets"]["type"]) == 2
    true_regions = {item["value"]: item["count"] for item in exact["facets"]["region"]}
    for item in body["facets"]["region"]:
        assert item["count"] <= true_regions[item["value"]]
