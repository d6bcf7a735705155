"""Adding a weekly activity in real Chromium, on a phone and a desktop, with axe's check."""

import os

import pytest
from playwright.sync_api import expect

from jarjestokartta.accounts.tests.helpers import PASSWORD, make_user
from jarjestokartta.core.tests.accessibility import serious_violations
from jarjestokartta.events.models import Event
from jarjestokartta.roles.models import OrganizationEditor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = os.environ.get("SCREENSHOTS_DIR")


@pytest.mark.parametrize("width", [375, 1280])
def test_an_editor_adds_a_weekly_activity(browser_page, live_server, mll_kuopio, width):
    secretary = make_user("sihteeri@esimerkki.fi")
    OrganizationEditor.objects.create(user=secretary, organization=mll_kuopio)
    page = browser_page(width)
    page.goto(f"{live_server.url}/tili/login/?next=/jarjestot/{mll_kuopio.slug}/")
    page.get_by_label("Sähköposti").fill(secretary.email)
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    page.locator(".upkeep").get_by_role("link", name="Tapahtumat ja toiminta").click()
    expect(page.get_by_text("Ei vielä toimintaa eikä tapahtumia.")).to_be_visible()
    page.get_by_role("link", name="Lisää toiminta tai tapahtuma").click()
    page.get_by_label("Nimi (suomeksi)").fill("Perhekahvila")
    page.get_by_label("Paikka", exact=True).fill("Kirjaston kerhohuone")
    page.get_by_label("Kunta").select_option(label="Kuopio")
    page.get_by_label("Päivämäärä (ensimmäinen kerta)").fill("5.1.2027")
    page.get_by_label("Alkaa klo").fill("10.00")
    page.get_by_label("Päättyy klo").fill("9.00")
    page.get_by_label("viikoittain valittuina viikonpäivinä").check()
    page.get_by_label("ti", exact=True).check()
    page.get_by_role("button", name="Tallenna").click()
    expect(page.get_by_text("Loppu on ennen alkua")).to_be_visible()
    assert serious_violations(page) == []
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/event-edit-{width}.png", full_page=True)
    page.get_by_label("Päättyy klo").fill("12.00")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.get_by_text("Tallennettu; se on nyt julkinen.")).to_be_visible()
    assert serious_violations(page) == []
    assert Event.objects.get().rrule == "FREQ=WEEKLY;BYDAY=TU"
