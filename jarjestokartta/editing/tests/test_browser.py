"""Editing in real Chromium: an editor changes the page, previews and sends it; the coordinator
approves it from the queue; on a phone and a desktop, with axe's check on every page."""

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


def shot(page, name: str, width: int) -> None:
    assert serious_violations(page) == [], name
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_an_editor_edits_and_the_coordinator_approves(browser_page, live_server, mll_kuopio, width):
    secretary = make_user("sihteeri@esimerkki.fi")
    OrganizationEditor.objects.create(user=secretary, organization=mll_kuopio)
    boss = coordinator("savo.koordinaattori@esimerkki.fi", "Pohjois-Savo")
    secret = boss.totp_secret

    page = browser_page(width)
    page.goto(f"{live_server.url}/tili/login/?next=/jarjestot/{mll_kuopio.slug}/")
    page.get_by_label("Sähköposti").fill(secretary.email)
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    page.get_by_role("link", name="Muokkaa järjestön tietoja").click()
    expect(page.locator("h1")).to_have_text("Muokkaa järjestön tietoja")
    page.get_by_label("Tiivistelmä").fill("Perhekahvila joka tiistai klo 10.")
    # The calendar button's picker writes the day as a Finn would.
    page.locator("#id_founding_date ~ .date-picker-native").fill("1998-05-14")
    expect(page.locator("#id_founding_date")).to_have_value("14.5.1998")
    page.locator("#id_tunnukset-0-identifier").fill("1234567-8")
    page.get_by_role("button", name="Esikatsele muutosta").click()
    expect(page.get_by_text("1234567-8 ei ole kelvollinen Y-tunnus")).to_be_visible()
    shot(page, "edit-error", width)
    page.locator("#id_tunnukset-0-identifier").fill("2077474-0")
    page.get_by_role("button", name="Esikatsele muutosta").click()
    expect(page.locator("h1")).to_have_text("Tarkista muutos")
    expect(page.get_by_role("cell", name="Perhekahvila joka tiistai klo 10.")).to_be_visible()
    shot(page, "edit-preview", width)
    page.get_by_role("button", name="Lähetä tarkistettavaksi").click()
    expect(page.get_by_text("Kiitos! Muutos odottaa koordinaattorin tarkistusta")).to_be_visible()

    other = browser_page(width)
    log_in_in_browser(
        other,
        f"{live_server.url}/tili/login/?next=/koordinaattori/muutokset/",
        boss.email,
        PASSWORD,
        secret,
    )
    expect(other.locator("h1")).to_have_text("Tarkistettavat muutokset")
    shot(other, "queue", width)
    other.get_by_role("link", name="Tarkista").click()
    expect(other.get_by_role("cell", name="2077474-0")).to_be_visible()
    shot(other, "review", width)
    other.get_by_role("button", name="Hyväksy").click()
    expect(other.get_by_text("Mikään ei odota tarkistusta.")).to_be_visible()

    page.goto(f"{live_server.url}/jarjestot/{mll_kuopio.slug}/")
    expect(page.get_by_text("Perhekahvila joka tiistai klo 10.")).to_be_visible()
    page.get_by_role("link", name="Muutoshistoria").click()
    expect(page.get_by_role("button", name="Palauta tämä versio")).to_be_visible()
    shot(page, "history", width)


@pytest.mark.parametrize("width", [375, 1280])
def test_anyone_reports_a_correction_from_the_public_page(
    browser_page, live_server, mll_kuopio, width
):
    from jarjestokartta.editing.models import ChangeSet

    page = browser_page(width)
    page.goto(f"{live_server.url}/jarjestot/{mll_kuopio.slug}/")
    page.get_by_role("link", name="Ilmoita korjaus").click()
    expect(page.locator("h1")).to_have_text("Ilmoita korjaus")
    page.get_by_label("Mitä pitäisi korjata?").fill("Kokoontumispaikka on muuttanut.")
    shot(page, "correction", width)
    page.wait_for_timeout(3100)  # a person takes longer than the form's 3 s to write
    page.get_by_role("button", name="Lähetä").click()
    expect(page.get_by_text("Kiitos! Koordinaattori käsittelee ilmoituksesi.")).to_be_visible()
    assert ChangeSet.objects.get().message == "Kokoontumispaikka on muuttanut."
