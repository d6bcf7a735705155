"""Becoming an editor in real Chromium: a secretary asks on the organisation's page, the
region's coordinator approves in the workspace; on a phone and a desktop, with axe's check."""

import os

import pytest
from playwright.sync_api import expect

from jarjestokartta.accounts.tests.helpers import PASSWORD, log_in_in_browser, make_user
from jarjestokartta.core.tests.accessibility import serious_violations
from jarjestokartta.roles.models import OrganizationEditor
from jarjestokartta.roles.tests.conftest import coordinator

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = os.environ.get("SCREENSHOTS_DIR")


def log_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/tili/login/")
    page.get_by_label("Sähköposti").fill(email)
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()


@pytest.mark.parametrize("width", [375, 1280])
def test_a_secretary_asks_and_the_coordinator_approves(
    browser_page, live_server, mll_kuopio, width
):
    secretary = make_user("sihteeri@esimerkki.fi")
    boss = coordinator("savo.koordinaattori@esimerkki.fi", "Pohjois-Savo")

    secret = boss.totp_secret

    page = browser_page(width)
    log_in(page, live_server.url, secretary.email)
    page.goto(f"{live_server.url}/jarjestot/{mll_kuopio.slug}/")
    page.get_by_role("link", name="Edustatko tätä yhdistystä?").click()
    expect(page.locator("h1")).to_have_text("Edustatko tätä yhdistystä?")
    page.get_by_role("button", name="Lähetä pyyntö").click()
    expect(page.get_by_text("Tämä kenttä vaaditaan.")).to_be_visible()
    assert serious_violations(page) == []
    page.get_by_label("Tehtävä järjestössä").fill("sihteeri")
    page.get_by_label("Viesti koordinaattorille").fill("Valittu syyskokouksessa.")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/editor-request-{width}.png", full_page=True)
    page.get_by_role("button", name="Lähetä pyyntö").click()
    expect(page.get_by_text("Kiitos! Alueen koordinaattori käsittelee pyyntösi")).to_be_visible()

    other = browser_page(width)
    log_in_in_browser(
        other, f"{live_server.url}/tili/login/?next=/koordinaattori/", boss.email, PASSWORD, secret
    )
    expect(other.locator("h1")).to_have_text("Koordinaattorin työtila")
    expect(other.get_by_role("cell", name="sihteeri@esimerkki.fi")).to_be_visible()
    assert serious_violations(other) == []
    if SHOTS:
        other.screenshot(path=f"{SHOTS}/coordinator-{width}.png", full_page=True)
    other.get_by_role("link", name="Päätä").click()
    other.get_by_label("Hyväksy").check()
    other.get_by_label("Viesti hakijalle").fill("Tervetuloa mukaan!")
    assert serious_violations(other) == []
    if SHOTS:
        other.screenshot(path=f"{SHOTS}/decision-{width}.png", full_page=True)
    other.get_by_role("button", name="Tallenna päätös").click()
    expect(other.get_by_text("sihteeri@esimerkki.fi on nyt järjestön")).to_be_visible()
    expect(other.get_by_text("Ei odottavia pyyntöjä.")).to_be_visible()
    assert OrganizationEditor.objects.filter(user=secretary, organization=mll_kuopio).exists()

    page.goto(f"{live_server.url}/jarjestot/{mll_kuopio.slug}/")
    expect(page.get_by_text("Olet tämän järjestön muokkaaja.")).to_be_visible()
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/organization-editor-{width}.png", full_page=True)
