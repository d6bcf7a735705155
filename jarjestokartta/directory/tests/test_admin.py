import pytest

from jarjestokartta.accounts.tests.helpers import ready_for_admin
from jarjestokartta.directory.models import Organization
from jarjestokartta.geography.models import Area

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("toimittaja", "t@example.fi", "salasana-123")
    ready_for_admin(user)
    client.force_login(user)
    return client


def test_the_admin_is_in_finnish(editor):
    html = editor.get("/admin/").content.decode()
    assert "Organisaatiot" in html
    assert "Jäsenyydet" in html


def test_an_editor_finds_an_organisation_by_its_abbreviation(editor, demo):
    html = editor.get("/admin/directory/organization/", {"q": "PSSotu"}).content.decode()
    assert "Pohjois-Savon Sosiaaliturvayhdistys ry" in html
    assert "Keski-Suomen Yhteisöjen Tuki ry" not in html


def test_an_editor_filters_organisations_by_region_and_kind(editor, demo):
    region = Area.objects.get(popolo_id="maakunta:12")
    html = editor.get(
        "/admin/directory/organization/", {"region": region.pk, "classification": "advisory_board"}
    ).content.decode()
    assert "Pohjois-Karjalan järjestöasiain neuvottelukunta JANE" in html
    assert "Pohjois-Savon järjestöneuvosto" not in html


def test_a_body_page_shows_its_members_inline(editor, demo):
    council = Organization.objects.get(popolo_id="pohjois-savon-jarjestoneuvosto")
    response = editor.get(f"/admin/directory/organization/{council.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "toimielimen jäsenet" in html.lower()
    assert "Pohjois-Savon lapsiasiaverkosto" in html


def test_organisations_autocomplete_for_editors(editor, demo):
    response = editor.get(
        "/admin/autocomplete/",
        {
            "term": "sosiaaliturva",
            "app_label": "structures",
            "model_name": "membership",
            "field_name": "member_organization",
        },
    )
    names = {item["text"] for item in response.json()["results"]}
    assert names == {
        "Pohjois-Savon Sosiaaliturvayhdistys ry",
        "Pohjois-Karjalan Sosiaaliturvayhdistys ry",
    }


@pytest.mark.parametrize(
    "path",
    [
        "/admin/geography/area/",
        "/admin/directory/theme/",
        "/admin/directory/targetgroup/",
        "/admin/structures/person/",
        "/admin/structures/post/",
        "/admin/structures/membership/",
        "/admin/structures/membership/?role=deputy_member",
        "/admin/directory/organization/add/",
        "/admin/structures/membership/add/",
    ],
)
def test_every_admin_page_loads(editor, demo, path):
    assert editor.get(path).status_code == 200


def test_visitors_are_sent_to_log_in(client):
    response = client.get("/admin/directory/organization/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
