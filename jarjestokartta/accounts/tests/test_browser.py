"""Logging in and signing up in real Chromium, on a phone and a desktop, with axe's check."""

import os

import pytest
from playwright.sync_api import expect

from jarjestokartta.accounts.tests.helpers import PASSWORD, make_user
from jarjestokartta.core.tests.accessibility import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
# Where screenshots go when a person wants to look at them (not kept by the tests).
SHOTS = os.environ.get("SCREENSHOTS_DIR")


@pytest.mark.parametrize("width", [375, 1280])
def test_a_secretary_logs_in_from_the_header_and_out_again(browser_page, live_server, width):
    make_user("sihteeri@esimerkki.fi")
    page = browser_page(width)
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Kirjaudu sisään").click()
    expect(page.locator("h1")).to_have_text("Kirjaudu sisään")
    assert serious_violations(page) == []
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/login-{width}.png", full_page=True)
    page.get_by_label("Sähköposti").fill("sihteeri@esimerkki.fi")
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(page.get_by_role("link", name="sihteeri@esimerkki.fi")).to_be_visible()
    page.get_by_role("button", name="Kirjaudu ulos").click()
    # allauth asks to confirm; the header's own button posts, so it is the confirmation page.
    if page.get_by_role("button", name="Kirjaudu ulos").count():
        page.get_by_role("button", name="Kirjaudu ulos").last.click()
    expect(page.get_by_role("link", name="Kirjaudu sisään")).to_be_visible()


def test_the_sign_up_page_says_what_is_wrong_in_finnish(browser_page, live_server):
    page = browser_page(375)
    page.goto(f"{live_server.url}/tili/signup/")
    assert serious_violations(page) == []
    page.get_by_label("Sähköposti").fill("sihteeri@esimerkki.fi")
    page.get_by_label("Salasana:", exact=True).fill("12345678")
    page.get_by_label("Salasana (uudestaan)").fill("12345678")
    page.get_by_role("button", name="Rekisteröidy").click()
    expect(page.get_by_text("Salasana on kokonaan numeerinen.")).to_be_visible()
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/signup-error-375.png", full_page=True)
