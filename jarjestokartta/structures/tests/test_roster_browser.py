"""The roster editor in real Chromium: a coordinator appoints a member with a deputy and ends
the membership, answering what becomes of the deputy; with axe's check at both widths."""

import os

import pytest
from playwright.sync_api import expect

from jarjestokartta.accounts.tests.helpers import PASSWORD, log_in_in_browser
from jarjestokartta.core.tests.accessibility import serious_violations
from jarjestokartta.directory.tests.factories import BodyFactory, OrganizationFactory
from jarjestokartta.roles.tests.conftest import area, coordinator
from jarjestokartta.structures.models import Membership, Post

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = os.environ.get("SCREENSHOTS_DIR")


@pytest.mark.parametrize("width", [375, 1280])
def test_a_coordinator_appoints_and_ends_a_member(browser_page, live_server, width):
    council = BodyFactory(name="Kuopion järjestöneuvosto", area=area("Kuopio"))
    Post.objects.create(organization=council, label="Lapset ja perheet")
    OrganizationFactory(name="MLL:n Kuopion yhdistys")
    boss = coordinator("savo.koordinaattori@esimerkki.fi", "Pohjois-Savo")
    secret = boss.totp_secret

    page = browser_page(width)
    log_in_in_browser(
        page,
        f"{live_server.url}/tili/login/?next=/jarjestot/{council.slug}/",
        boss.email,
        PASSWORD,
        secret,
    )
    page.get_by_role("link", name="Muokkaa jäseniä ja paikkoja").click()
    expect(page.locator("h1")).to_have_text("Jäsenet ja paikat")
    page.get_by_label("Paikka", exact=True).select_option(label="Lapset ja perheet")
    page.locator("#id_nimitys-member").fill("MLL:n Kuopion yhdistys")
    page.locator("#id_nimitys-deputy_kind").get_by_label("henkilö").check()
    page.locator("#id_nimitys-deputy").fill("Aino Esimerkki")
    page.locator("#id_nimitys-start_date").fill("1.1.2025")
    page.get_by_role("button", name="Nimitä").click()
    expect(page.get_by_text("Nimitys tallennettiin.")).to_be_visible()
    assert serious_violations(page) == []
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/roster-{width}.png", full_page=True)
    member = page.locator(".work-list li").filter(
        has=page.locator("strong", has_text="MLL:n Kuopion yhdistys")
    )
    member.get_by_text("Päätä jäsenyys").click()
    member.locator("input[name$='-end_date']").fill("30.6.2026")
    member.get_by_label("varajäsenestä tulee paikan varsinainen jäsen").check()
    member.get_by_role("button", name="Päätä").click()
    expect(page.get_by_text("Varajäsenen tiedot muutettiin valintasi mukaan.")).to_be_visible()
    deputy = Membership.objects.get(person__name="Aino Esimerkki")
    assert (deputy.role, deputy.deputy_of) == ("member", None)
