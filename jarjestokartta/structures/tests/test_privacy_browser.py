"""The coordinator's person pages and workspace in real Chromium, with axe's check."""

import os

import pytest
from playwright.sync_api import expect

from jarjestokartta.accounts.tests.helpers import PASSWORD, log_in_in_browser
from jarjestokartta.core.tests.accessibility import serious_violations
from jarjestokartta.directory.tests.factories import BodyFactory
from jarjestokartta.roles.tests.conftest import area, coordinator
from jarjestokartta.structures.models import Person
from jarjestokartta.structures.tests.factories import MembershipFactory, PersonFactory, PostFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = os.environ.get("SCREENSHOTS_DIR")


@pytest.mark.parametrize("width", [375, 1280])
def test_a_coordinator_records_consent_and_erases_a_person(browser_page, live_server, width):
    council = BodyFactory(name="Kuopion järjestöneuvosto", area=area("Kuopio"))
    aino = PersonFactory(name="Aino Esimerkki")
    post = PostFactory(organization=council, label="Lapset ja perheet")
    MembershipFactory(organization=council, person=aino, member_organization=None, post=post)
    boss = coordinator("savo.koordinaattori@esimerkki.fi", "Pohjois-Savo")
    secret = boss.totp_secret

    page = browser_page(width)
    log_in_in_browser(
        page, f"{live_server.url}/tili/login/?next=/koordinaattori/", boss.email, PASSWORD, secret
    )
    expect(page.locator("h1")).to_have_text("Koordinaattorin työtila")
    assert serious_violations(page) == []
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/workspace-{width}.png", full_page=True)
    page.get_by_role("link", name="Henkilöt: suostumus, tietojen vienti, poisto").click()
    page.get_by_label("Nimi").fill("aino")
    page.get_by_role("button", name="Haku").click()
    page.get_by_role("link", name="Aino Esimerkki").click()
    page.get_by_label("Peruste").select_option("written")
    page.get_by_role("button", name="Kirjaa").click()
    expect(page.get_by_text("Suostumus kirjattiin.")).to_be_visible()
    expect(page.get_by_text("Julkinen: nimi näkyy julkisilla sivuilla")).to_be_visible()
    assert serious_violations(page) == []
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/person-{width}.png", full_page=True)
    page.get_by_label("Haluan poistaa henkilön nimen").check()
    page.get_by_role("button", name="Poista henkilö").click()
    expect(page.get_by_text("Henkilö poistettiin")).to_be_visible()
    assert Person.objects.get(pk=aino.pk).name == ""
