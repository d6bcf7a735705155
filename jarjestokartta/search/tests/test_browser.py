"""The search page in real Chromium: typing, filtering, the suggestion, phone and desktop."""

import pytest
from playwright.sync_api import expect

from jarjestokartta.core.tests.accessibility import serious_violations

# serialized_rollback: a flush would otherwise also remove the geography the migrations load.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", [375, 1280])
def test_a_citizen_searches_filters_and_opens_a_result(browser_page, live_server, demo, width):
    page = browser_page(width)
    page.goto(f"{live_server.url}/")
    page.get_by_label("Mitä etsit?").fill("perheentalot Kuopiossa")
    page.get_by_role("button", name="Haku").click()

    page.wait_for_url("**/haku/?q=*")
    # The two family houses and the demo's example family café at the Kuopio one.
    assert page.get_by_text("3 tulosta").is_visible()
    first = page.locator(".result-list li h2 a").first
    assert first.inner_text() == "Kuopion perheentalo"
    assert page.locator(".result-list mark").count() > 0

    page.get_by_label("Verkosto").check()
    page.get_by_role("button", name="Rajaa").click()
    # The filter reloads the page: wait for the new one, not the old one still showing.
    page.wait_for_url("**classification=network*")
    expect(page.get_by_text("1 tulos", exact=True)).to_be_visible()
    expect(page.locator(".result-list li")).to_have_count(1)

    page.locator(".result-list li h2 a").first.click()
    expect(page.locator("h1")).to_have_text("Perheentalojen yhteisöllisen kehittämisen verkosto")


def test_the_suggestion_is_a_link_to_the_corrected_search(browser_page, live_server, demo):
    page = browser_page(1280)
    page.goto(f"{live_server.url}/haku/?q=sosiaaliturvayhdistus")
    page.get_by_role("link", name="sosiaaliturvayhdistys", exact=True).click()
    page.wait_for_url("**q=sosiaaliturvayhdistys*")
    expect(page.get_by_label("Mitä etsit?")).to_have_value("sosiaaliturvayhdistys")
    expect(page.locator(".suggestion")).to_have_count(0)


def test_the_search_form_works_with_the_keyboard_alone(browser_page, live_server, demo):
    page = browser_page(1280)
    page.goto(f"{live_server.url}/haku/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the brand
    page.keyboard.press("Tab")  # the navigation: search
    page.keyboard.press("Tab")  # the navigation: activities and events
    page.keyboard.press("Tab")  # the navigation: structure diagram
    page.keyboard.press("Tab")  # the account: log in
    page.keyboard.press("Tab")  # the search box
    page.keyboard.type("JANE")
    page.keyboard.press("Enter")
    page.wait_for_url("**/haku/?q=JANE")
    assert page.locator(".result-list li").count() > 0


@pytest.mark.parametrize("path", ["/", "/haku/", "/haku/?q=verkosto", "/haku/?q=qwxzv"])
def test_search_pages_have_no_serious_accessibility_violations(
    browser_page, live_server, demo, path
):
    page = browser_page(1280)
    page.goto(f"{live_server.url}{path}")
    assert serious_violations(page) == []
