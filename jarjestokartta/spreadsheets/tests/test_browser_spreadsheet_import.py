"""A coordinator imports a spreadsheet through the admin, in real Chromium."""

import pytest
from playwright.sync_api import expect

from jarjestokartta.accounts.tests.helpers import log_in_in_browser, ready_for_admin
from jarjestokartta.spreadsheets.tests.spreadsheet_files import csv_file

# serialized_rollback: a flush would otherwise also remove the geography the migrations load.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "salasana-123"
ROWS = [
    ["Yhdistys", "Y-tunnus", "Kotikunta", "Sähköposti", "WWW", "Teemat", "Kuvaus", "Jäsenmäärä"],
    ["Pohjois-Savon Sosiaaliturvayhdistys ry", "1000000-4", "Kuopio", "toimisto@pssotu.fi",
     "pssotu.fi", "Ikääntyneet", "", "120"],
    ["Kuopion Omaishoitajat ry", "1000001-2", "Kuopio", "info@kuopionomaiset.fi",
     "kuopionomaiset.fi", "Ikääntyneet; Osallisuus",
     "Vertaistukea ja virkistystä omaishoitajille Kuopiossa.", "85"],
    ["Siilinjärven Nuorisoseura ry", "", "Siilinjärvi", "", "", "Osallisuus",
     "Harrastustoimintaa nuorille.", "40"],
]  # fmt: skip


@pytest.fixture
def coordinator(django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        "koordinaattori", "koordinaattori@esimerkki.fi", password=PASSWORD, is_staff=True
    )
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_organization", "change_organization"])
    )
    user.secret = ready_for_admin(user)
    return user


def test_a_coordinator_uploads_previews_and_confirms(
    browser_page, live_server, demo, coordinator, settings, tmp_path
):
    from jarjestokartta.directory.models import Organization

    settings.VAR_DIR = tmp_path
    sheet = tmp_path / "pohjois-savo.csv"
    sheet.write_bytes(csv_file(ROWS))
    page = browser_page(1280)
    log_in_in_browser(
        page,
        f"{live_server.url}/admin/login/?next=/admin/directory/organization/",
        coordinator.email,
        PASSWORD,
        coordinator.secret,
    )
    page.get_by_role("link", name="Tuo taulukosta").click()
    expect(page.get_by_role("heading", name="Tuo organisaatioita taulukosta")).to_be_visible()

    page.get_by_label("Taulukko").set_input_files(str(sheet))
    page.get_by_label("Sarakkeiden vastaavuudet").fill("Yhdistys=name")
    page.get_by_role("button", name="Esikatsele").click()

    expect(page.locator("#creations")).to_contain_text("Kuopion Omaishoitajat ry")
    expect(page.locator("#creations")).to_contain_text("Siilinjärven Nuorisoseura ry")
    expect(page.locator("#updates")).to_contain_text("Pohjois-Savon Sosiaaliturvayhdistys ry")
    expect(page.locator("#updates")).to_contain_text("toimisto@pssotu.fi")
    expect(page.locator("#columns")).to_contain_text("Jäsenmäärä")
    page.screenshot(path=str(tmp_path / "preview-1280.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 900})
    page.screenshot(path=str(tmp_path / "preview-375.png"), full_page=True)
    # Nothing is written before the confirmation.
    assert not Organization.objects.filter(name="Kuopion Omaishoitajat ry").exists()

    page.get_by_role("button", name="Tuo", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(
        "organisaatioita luotiin 2, päivitettiin 1, ennallaan 0"
    )
    created = Organization.objects.get(name="Kuopion Omaishoitajat ry")
    assert created.history.get().history_change_reason == "taulukkotuonti: pohjois-savo.csv"
    assert created.history.get().history_user == coordinator
    updated = Organization.objects.get(name="Pohjois-Savon Sosiaaliturvayhdistys ry")
    assert updated.identifiers.filter(scheme="ytunnus", identifier="1000000-4").exists()
    assert list((tmp_path / "spreadsheet-uploads").iterdir()) == []


def test_problems_are_shown_in_the_browser_by_row_and_column(
    browser_page, live_server, demo, coordinator, settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    sheet = tmp_path / "virheet.csv"
    sheet.write_bytes(
        csv_file(
            [
                ["Nimi", "Y-tunnus", "Kunta", "Sähköposti", "Teemat"],
                ["", "", "Kuopio", "", ""],
                ["Huono ry", "1234567-8", "Kuopoi", "ei-osoite", "Ikäänteneet"],
            ]
        )
    )
    page = browser_page(375)
    log_in_in_browser(
        page,
        f"{live_server.url}/admin/login/?next=/admin/directory/organization/tuo-taulukosta/",
        coordinator.email,
        PASSWORD,
        coordinator.secret,
    )
    page.get_by_role("button", name="Esikatsele").click()  # no file yet
    expect(page.locator(".errorlist")).to_contain_text("Valitse tuotava tiedosto.")
    page.screenshot(path=str(tmp_path / "form-375.png"), full_page=True)
    page.get_by_label("Taulukko").set_input_files(str(sheet))
    page.get_by_role("button", name="Esikatsele").click()
    problems = page.locator("#problems")
    expect(problems).to_contain_text("Nimi puuttuu.")
    expect(problems).to_contain_text("Tarkoititko “Ikääntyneet”?")
    assert problems.locator("tbody tr").count() == 5
    expect(page.get_by_role("button", name="Tuo", exact=True)).to_have_count(0)
    page.screenshot(path=str(tmp_path / "problems-375.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(tmp_path / "problems-1280.png"), full_page=True)
