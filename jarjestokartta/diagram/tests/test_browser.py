"""The diagram page in real Chromium: focusing, dates, and accessibility."""

import pytest
from playwright.sync_api import expect

from jarjestokartta.core.tests.accessibility import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
REGION = "/kaavio/?alue=pohjois-savo&paiva=2020-10-01"
COUNCIL = "pohjois-savon-jarjestoneuvosto"


def _node(page, popolo_id: str):
    return page.locator(f'#kaavio svg g[id="node-{popolo_id}"]')


@pytest.mark.parametrize("width", [375, 1280])
def test_clicking_a_node_focuses_on_it_and_the_date_changes_the_picture(
    browser_page, live_server, demo, width
):
    page = browser_page(width)
    page.goto(f"{live_server.url}{REGION}")
    expect(_node(page, "kuopion-jarjestojen-yhteistyofoorumi")).to_be_visible()

    _node(page, COUNCIL).locator("a").click()
    page.wait_for_url(f"**keskus={COUNCIL}**")
    expect(page.locator("#kaavio-otsikko")).to_have_text("Pohjois-Savon järjestöneuvosto 1.10.2020")
    expect(_node(page, "kuopion-jarjestojen-yhteistyofoorumi")).to_have_count(0)
    expect(_node(page, "pohjois-savon-hyte-tiimi")).to_have_count(0)  # joins in 2021

    page.locator("#paiva").fill("2021-06-01")
    page.get_by_role("button", name="Näytä", exact=True).click()
    page.wait_for_url("**paiva=2021-06-01**")
    expect(_node(page, "pohjois-savon-hyte-tiimi")).to_be_visible()
    expect(page.locator(".outline")).to_contain_text("Pohjois-Savon HYTE-tiimi")


def test_depth_and_kind_filters_redraw_at_once(browser_page, live_server, demo):
    page = browser_page(1280)
    page.goto(f"{live_server.url}/kaavio/?keskus={COUNCIL}&paiva=2020-10-01")
    expect(_node(page, "pohjois-savon-lape-tyoryhma")).to_have_count(0)
    page.get_by_label("Syvyys").select_option("2")
    page.wait_for_url("**syvyys=2**")
    expect(_node(page, "pohjois-savon-lape-tyoryhma")).to_be_visible()

    page.get_by_text("Näytä vain osa tyypeistä").click()
    page.locator("#suhde-appoints").check()
    page.wait_for_url("**suhde=appoints**")
    expect(page.locator("#kaavio svg g.edge")).to_have_count(1)


def test_choosing_another_region_leaves_the_focus(browser_page, live_server, demo):
    page = browser_page(1280)
    page.goto(f"{live_server.url}/kaavio/?alue=pohjois-savo&keskus={COUNCIL}")
    page.locator("#alue").select_option("pohjois-karjala")
    page.wait_for_url("**alue=pohjois-karjala**")
    assert "keskus=pohjois" not in page.url
    expect(_node(page, "jane")).to_be_visible()


def test_a_node_can_be_focused_with_the_keyboard(browser_page, live_server, demo):
    page = browser_page(1280)
    page.goto(f"{live_server.url}{REGION}")
    _node(page, COUNCIL).locator("a").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**keskus={COUNCIL}**")
    expect(page.locator("#kaavio-otsikko")).to_contain_text("Pohjois-Savon järjestöneuvosto")


def test_without_javascript_a_node_is_a_link_to_its_page(live_server, demo, _chromium):
    context = _chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{REGION}")
    _node(page, COUNCIL).locator("a").click()
    page.wait_for_url(f"**/jarjestot/{COUNCIL}/")
    context.close()


@pytest.mark.parametrize(
    "path", ["/kaavio/", REGION, f"/kaavio/?keskus={COUNCIL}&syvyys=2", "/kaavio/?alue=ei"]
)
@pytest.mark.parametrize("width", [375, 1280])
def test_diagram_pages_have_no_serious_accessibility_violations(
    browser_page, live_server, demo, path, width
):
    page = browser_page(width)
    page.goto(f"{live_server.url}{path}")
    assert serious_violations(page) == []
