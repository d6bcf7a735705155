import pytest
from django.contrib.auth.models import User

from jarjestokartta.core import versions
from jarjestokartta.directory.models import Organization, Theme
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.popolo.importer import popolo_import

pytestmark = pytest.mark.django_db
URL = "/api/v1/organizations"


def test_an_unchanged_answer_is_a_304_and_a_change_makes_it_200_again(client, demo):
    first = client.get(URL)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag and last_modified and first["Cache-Control"] == "public, no-cache"

    again = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    since = client.get(URL, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert since.status_code == 304

    org = Organization.objects.get(popolo_id="pssotu")
    org.abstract = "Uusi kuvaus."
    org.save()
    changed = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


@pytest.mark.parametrize(
    "change",
    [
        lambda: OrganizationFactory(),
        lambda: Organization.objects.get(popolo_id="pssotu").themes.add(Theme.objects.first()),
        lambda: Organization.objects.get(popolo_id="sakke").delete(),
        lambda: Theme.objects.create(name="Uusi teema", slug="uusi-teema"),
    ],
    ids=["create", "relation", "delete", "term"],
)
def test_every_kind_of_change_moves_the_version(demo, change):
    before = versions.current()[0]
    change()
    assert versions.current()[0] > before


def test_an_import_moves_the_version_once(db, demo_text):
    before = versions.current()[0]
    popolo_import(demo_text)
    assert versions.current()[0] == before + 1


def test_errors_and_logged_in_users_get_no_validators(client, demo):
    assert "ETag" not in client.get(URL, {"region": "atlantis"})
    User.objects.create_user("editor", password="x")
    client.login(username="editor", password="x")
    assert "ETag" not in client.get(URL)


def test_any_origin_may_read_and_nothing_else(client, demo):
    response = client.get(URL, HTTP_ORIGIN="https://kunta.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        URL,
        HTTP_ORIGIN="https://kunta.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]
    # The pages are not part of the open API.
    page = client.get("/", HTTP_ORIGIN="https://kunta.example")
    assert "Access-Control-Allow-Origin" not in page


def test_head_is_get_without_the_body(client, demo):
    head = client.head(URL)
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == client.get(URL)["ETag"]


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("post", URL, 405),
        ("delete", f"{URL}/pssotu", 405),
        ("get", "/api/v1/ei-ole", 404),
        ("get", "/api/v1/organizations/pssotu/extra", 404),
        ("get", "/api/v1/organizations/%00", 400),
        ("get", f"{URL}?region=%00", 400),
    ],
)
def test_every_error_is_json_with_a_message(client, demo, method, url, status):
    response = getattr(client, method)(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_a_bug_is_a_json_500_without_a_stack_trace(client, demo, monkeypatch):
    from jarjestokartta.api import organizations

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(organizations, "organization_by_ref", broken)
    client.raise_request_exception = False
    response = client.get(f"{URL}/pssotu")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error; it has been logged"}
    assert b"secret" not in response.content and b"Traceback" not in response.content


def test_a_failure_before_the_view_is_a_json_500_too(client, demo, monkeypatch):
    from jarjestokartta.api import middleware

    def down():
        raise RuntimeError("database is down")

    monkeypatch.setattr(middleware.versions, "current", down)
    response = client.get(URL)
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error; it has been logged"}
