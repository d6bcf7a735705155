"""The admin's spreadsheet import: who may use it, the preview, the confirmation, bad input."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from jarjestokartta.accounts.tests.helpers import ready_for_admin
from jarjestokartta.directory.models import Organization
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.geography.models import Area
from jarjestokartta.spreadsheets.tests.spreadsheet_files import csv_file, xlsx_file

pytestmark = pytest.mark.django_db

URL = "/admin/directory/organization/tuo-taulukosta/"
CHANGELIST = "/admin/directory/organization/"
ROWS = [["Nimi", "Kunta", "Jäsenmäärä"], ["Kuopion Kuoro ry", "Kuopio", "40"]]


@pytest.fixture(autouse=True)
def uploads_folder(settings, tmp_path) -> Path:
    settings.VAR_DIR = tmp_path
    return tmp_path / "spreadsheet-uploads"


def staff(django_user_model, name: str, *permissions: str):
    user = django_user_model.objects.create_user(name, password="salasana-123", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=permissions))
    ready_for_admin(user)
    return user


@pytest.fixture
def coordinator(client, django_user_model):
    """Staff who may add and change organisations."""
    client.force_login(
        staff(django_user_model, "koordinaattori", "add_organization", "change_organization")
    )
    return client


def upload(client, data: bytes, name: str = "jarjestot.csv", **fields):
    return client.post(URL, {"file": SimpleUploadedFile(name, data), **fields})


def confirm(client, response, **overrides):
    form = {
        "token": response.context["upload"].token,
        "sha256": response.context["upload"].sha256,
        "digest": response.context["report"].digest,
        "confirm": "Tuo",
    }
    return client.post(URL, {**form, **overrides})


def test_anonymous_visitors_are_sent_to_log_in(client):
    for response in (client.get(URL), upload(client, csv_file(ROWS))):
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    assert not Organization.objects.exists()


@pytest.mark.parametrize("permissions", [(), ("add_organization",), ("change_organization",)])
def test_staff_without_both_permissions_are_refused(client, django_user_model, permissions):
    client.force_login(staff(django_user_model, "avustaja", *permissions))
    assert client.get(URL).status_code == 403
    assert upload(client, csv_file(ROWS)).status_code == 403
    assert not Organization.objects.exists()
    html = client.get(CHANGELIST).content.decode() if permissions else ""
    assert "Tuo taulukosta" not in html


def test_the_changelist_links_to_the_import_for_a_coordinator(coordinator):
    html = coordinator.get(CHANGELIST).content.decode()
    assert f'href="{URL}"' in html
    assert "Tuo taulukosta" in html


def test_a_coordinator_previews_then_confirms_an_import(coordinator, uploads_folder):
    existing = OrganizationFactory(name="Kuopion Omaiset ry", abstract="Vanha kuvaus.")
    rows = [*ROWS, ["Kuopion Omaiset ry", "", "", ""]]
    rows[0] = [*rows[0], "Kuvaus"]
    rows[1] = [*rows[1], "Laulua."]
    rows[2] = ["Kuopion Omaiset ry", "", "", "Uusi kuvaus."]
    preview = upload(coordinator, csv_file(rows))
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Luodaan" in html and "Kuopion Kuoro ry" in html
    assert "Vanha kuvaus." in html and "Uusi kuvaus." in html
    assert "Jäsenmäärä" in html and "ei tuoda" in html  # the ignored column
    assert not Organization.objects.filter(name="Kuopion Kuoro ry").exists()
    assert len(list(uploads_folder.iterdir())) == 2  # the file and what it was uploaded with

    done = confirm(coordinator, preview)
    assert done.status_code == 302 and done["Location"] == CHANGELIST
    assert Organization.objects.get(name="Kuopion Kuoro ry").area == Area.objects.get(
        classification="municipality", name="Kuopio"
    )
    existing.refresh_from_db()
    assert existing.abstract == "Uusi kuvaus."
    assert existing.history.latest().history_change_reason == "taulukkotuonti: jarjestot.csv"
    assert existing.history.latest().history_user.username == "koordinaattori"
    message = coordinator.get(CHANGELIST).content.decode()
    assert "Tuotiin jarjestot.csv: organisaatioita luotiin 1, päivitettiin 1, ennallaan 0." in (
        message
    )
    assert list(uploads_folder.iterdir()) == []  # cleaned up
    # The same confirmation again finds nothing to import.
    again = confirm(coordinator, preview)
    assert again.status_code == 302 and again["Location"] == URL
    assert Organization.objects.filter(name="Kuopion Kuoro ry").count() == 1


def test_an_xlsx_file_is_previewed(coordinator):
    preview = upload(coordinator, xlsx_file(ROWS), name="lista.xlsx")
    assert "Kuopion Kuoro ry" in preview.content.decode()
    assert preview.context["upload"] is not None


def test_a_confirmation_with_another_files_hash_or_token_imports_nothing(coordinator):
    preview = upload(coordinator, csv_file(ROWS))
    for overrides in ({"sha256": "0" * 64}, {"token": "x" * 32}, {"token": "../../etc/passwd"}):
        response = confirm(coordinator, preview, **overrides)
        assert response.status_code == 302 and response["Location"] == URL
    assert not Organization.objects.exists()
    assert confirm(coordinator, preview).status_code == 302
    assert Organization.objects.filter(name="Kuopion Kuoro ry").exists()


def test_another_users_preview_cannot_be_confirmed(coordinator, client, django_user_model):
    preview = upload(coordinator, csv_file(ROWS))
    other = staff(django_user_model, "toinen", "add_organization", "change_organization")
    coordinator.force_login(other)
    assert confirm(coordinator, preview)["Location"] == URL
    assert not Organization.objects.exists()


def test_another_user_cannot_cancel_an_upload(coordinator, django_user_model, uploads_folder):
    preview = upload(coordinator, csv_file(ROWS))
    coordinator.force_login(
        staff(django_user_model, "toinen", "add_organization", "change_organization")
    )
    confirm(coordinator, preview, cancel="Peruuta")
    assert len(list(uploads_folder.iterdir())) == 2


def test_cancelling_removes_the_uploaded_file(coordinator, uploads_folder):
    preview = upload(coordinator, csv_file(ROWS))
    response = confirm(coordinator, preview, cancel="Peruuta")
    assert response.status_code == 302
    assert list(uploads_folder.iterdir()) == []
    assert not Organization.objects.exists()


def test_a_change_between_preview_and_confirmation_shows_a_new_preview(coordinator):
    preview = upload(coordinator, csv_file(ROWS))
    OrganizationFactory(
        name="Kuopion Kuoro ry", area=Area.objects.get(classification="municipality", name="Kuopio")
    )
    response = confirm(coordinator, preview)
    assert response.status_code == 200
    assert "muuttuivat esikatselun jälkeen" in response.content.decode()
    assert Organization.objects.count() == 1


def test_problems_are_shown_by_row_and_column_and_nothing_can_be_confirmed(coordinator):
    rows = [["Nimi", "Kunta"], ["", "Kuopio"], ["Huono ry", "Kuopoi"]]
    response = upload(coordinator, csv_file(rows))
    html = response.content.decode()
    assert response.context["upload"] is None
    assert 'name="confirm"' not in html
    problems = [(p.row, p.column) for p in response.context["report"].problems]
    assert problems == [(2, "Nimi"), (3, "Kunta")]
    assert "Tarkoititko “Kuopio”" in html


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({}, "file", "Valitse tuotava tiedosto."),
        ({"file": SimpleUploadedFile("kuva.png", b"\x89PNG")}, "file", "Vain CSV- ja XLSX"),
        ({"file": SimpleUploadedFile("rikki.xlsx", b"PK\x03\x04rikki")}, "file", "vioittunut"),
        (
            {"file": SimpleUploadedFile("a.csv", "Nimi\nÄ ry\n".encode("cp1252"))},
            "file",
            "Windows-1252",
        ),
        (
            {"file": SimpleUploadedFile("a.csv", b"Nimi\nA ry\n"), "mapping": "Nimi=jasenmaara"},
            "mapping",
            "ei ole kenttä",
        ),
        (
            {"file": SimpleUploadedFile("a.csv", b"Yhdistys\nA ry\n")},
            "mapping",
            "Yhdistys=name",
        ),
    ],
    ids=["no-file", "wrong-type", "broken-xlsx", "cp1252", "unknown-field", "no-name-column"],
)
def test_bad_input_gets_a_finnish_message_on_the_form(coordinator, fields, field, message):
    response = coordinator.post(URL, fields)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert message in response.content.decode()
    assert not Organization.objects.exists()
