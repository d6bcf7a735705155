from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jarjestokartta.api import middleware
from jarjestokartta.core.models import DataVersion
from jarjestokartta.directory.models import Organization, Theme

pytestmark = pytest.mark.django_db
URL = "/api/v1/organizations"
LIST = {"region": "pohjois-savo", "per_page": 500}


def get(client, url=URL, params=None, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {}, **headers)
    return response, len(queries)


def test_a_repeated_anonymous_get_is_answered_from_the_cache_in_one_query(client, demo):
    first, first_queries = get(client, params=LIST)
    again, again_queries = get(client, params=LIST)
    assert first["X-Cache"] == "miss" and first_queries > 5
    # Only the data version is read, to know the answer is still current.
    assert again["X-Cache"] == "hit" and again_queries == 1
    assert again.content == first.content
    for header in ("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Content-Length"):
        assert again[header] == first[header]
    # Another page, filter or host is another answer.
    assert get(client, params={**LIST, "page": 2})[0]["X-Cache"] == "miss"
    assert get(client, params=LIST, HTTP_HOST="localhost")[0]["X-Cache"] == "miss"


def test_a_change_to_an_organisation_shows_in_the_very_next_answer(client, demo):
    detail = f"{URL}/pssotu"
    assert get(client, detail)[0].json()["name"] != "Uusi nimi"
    assert get(client, detail)[0]["X-Cache"] == "hit"
    listed = get(client, params=LIST)[0].json()["contents"]
    org = Organization.objects.get(popolo_id="pssotu")
    org.name = "Uusi nimi"
    org.save()

    changed, _ = get(client, detail)
    assert changed["X-Cache"] == "miss" and changed.json()["name"] == "Uusi nimi"
    relisted = get(client, params=LIST)[0].json()["contents"]
    assert [r["name"] for r in relisted if r["id"] == "pssotu"] == ["Uusi nimi"]
    assert len(relisted) == len(listed)


def test_a_new_theme_of_an_organisation_moves_it_into_the_theme_filter(client, demo):
    theme = Theme.objects.exclude(organization__popolo_id="pssotu").first()
    params = {"theme": theme.slug, "per_page": 500}
    assert "pssotu" not in [r["id"] for r in get(client, params=params)[0].json()["contents"]]
    Organization.objects.get(popolo_id="pssotu").themes.add(theme)
    assert "pssotu" in [r["id"] for r in get(client, params=params)[0].json()["contents"]]


def test_a_rebuilt_database_counting_from_the_same_number_is_not_served_old_answers(client, demo):
    before = get(client, f"{URL}/pssotu")[0]
    # A restored backup: the data differ, the counter shows the same number, only the moment
    # it moved differs (an update() sends no signal, so the number stays).
    Organization.objects.filter(popolo_id="pssotu").update(name="Palautettu nimi")
    DataVersion.objects.update(changed_at=timezone.now() + timedelta(microseconds=1))
    after = get(client, f"{URL}/pssotu")[0]
    assert after["ETag"] == before["ETag"]  # what a client holds is another matter
    assert after["X-Cache"] == "miss" and after.json()["name"] == "Palautettu nimi"


def test_answers_are_kept_for_the_day_they_were_made(client, demo, monkeypatch):
    assert get(client)[0]["X-Cache"] == "miss"
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(middleware.timezone, "localdate", lambda: tomorrow)
    assert get(client)[0]["X-Cache"] == "miss"


def test_logged_in_users_are_never_served_from_the_cache(client, demo):
    get(client, params=LIST)
    User.objects.create_user("editor", password="x")
    client.login(username="editor", password="x")
    response, queries = get(client, params=LIST)
    assert response.status_code == 200 and "X-Cache" not in response and queries > 5


def test_no_cache_from_the_client_builds_the_answer_anew(client, demo):
    get(client, params=LIST)
    fresh, queries = get(client, params=LIST, HTTP_CACHE_CONTROL="no-cache")
    assert fresh["X-Cache"] == "miss" and queries > 5


def test_head_is_answered_from_the_cache_without_the_body(client, demo):
    full = get(client, params=LIST)[0]
    head = client.head(URL, LIST)
    assert head["X-Cache"] == "hit" and head.content == b""
    assert head["Content-Length"] == full["Content-Length"]


def test_a_conditional_get_still_answers_304(client, demo):
    etag = get(client, params=LIST)[0]["ETag"]
    assert get(client, params=LIST, HTTP_IF_NONE_MATCH=etag)[0].status_code == 304


@pytest.mark.parametrize(
    ("params", "status"),
    [({"per_page": "many"}, 400), ({"region": "atlantis"}, 422), ({"page": "0"}, 400)],
)
def test_bad_input_is_a_json_error_every_time_and_never_kept(client, demo, params, status):
    for _ in range(2):
        response = get(client, params=params)[0]
        assert response.status_code == status and response.json()["detail"]
        assert "X-Cache" not in response and "ETag" not in response


def test_other_methods_and_forged_hosts_pass_by_the_cache(client, demo):
    get(client)
    assert client.post(URL).status_code == 405
    forged, _ = get(client, HTTP_HOST="evil.example")
    assert forged.status_code == 400 and forged.json()["detail"]


def test_big_answers_and_downloads_are_not_kept(client, demo, monkeypatch):
    from jarjestokartta.api import cache

    monkeypatch.setattr(cache, "MAX_BYTES", 100)
    assert "X-Cache" not in get(client)[0]
    assert "X-Cache" not in get(client, f"{URL}.csv")[0]


def test_the_cache_can_be_turned_off(client, demo, settings):
    settings.API_CACHE_ENTRIES = 0
    get(client)
    response, queries = get(client)
    assert "X-Cache" not in response and queries > 5 and response["ETag"]


def test_the_version_is_read_as_the_orm_would_read_it(db):
    from jarjestokartta.core import versions

    DataVersion.objects.all().delete()
    assert versions.current() == (0, None)
    versions.bump()
    row = DataVersion.objects.values_list("number", "changed_at").get()
    assert versions.current() == row and row[1].tzinfo is not None
