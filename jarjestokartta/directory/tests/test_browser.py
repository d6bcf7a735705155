"""The region and municipality pages in real Chromium, and every page's accessibility."""

import pytest
from playwright.sync_api import expect

from jarjestokartta.core.tests.accessibility import serious_violations

# serialized_rollback: a flush would otherwise also remove the geography the migrations load.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
COUNCIL = "/jarjestot/pohjois-savon-jarjestoneuvosto/"


def test_region_filters_work_by_choosing(browser_page, live_server, demo):
    page = browser_page(1280)
    page.goto(f"{live_server.url}/alueet/pohjois-savo/")
    page.get_by_label("Tyyppi").select_option("network")
    page.wait_for_url("**tyyppi=network**")
    expect(page.locator("#jarjestot")).to_contain_text("Pohjois-Savon lapsiasiaverkosto")
    expect(page.locator("#jarjestot")).not_to_contain_text("Kuopion perheentalo")


def test_region_filters_can_be_used_with_the_keyboard_alone(browser_page, live_server, demo):
    page = browser_page(1280)
    page.goto(f"{live_server.url}/alueet/pohjois-savo/")
    # By name: the label "Kunta" would also match the kind filter ("neuvottelukunta").
    page.locator('select[name="kunta"]').focus()
    # A select jumps to the option typed and fires "change", which filters at once (htmx);
    # pressing the button as well would race that request with a second navigation.
    page.keyboard.type("Siilin")
    page.wait_for_url("**kunta=siilinjarvi**")
    expect(page.locator("#jarjestot")).to_contain_text("Siilinjärven perheentalo")
    expect(page.locator("#jarjestot")).not_to_contain_text("Kuopion perheentalo")


@pytest.mark.parametrize(
    "path",
    [
        COUNCIL + "?paiva=2020-10-01",
        "/jarjestot/pohjois-savon-sosiaaliturvayhdistys-ry/",
        "/jarjestot/sakke-pohjois-savon-jarjestoyhteistyon-kehittamishanke/?paiva=2018-06-01",
        "/alueet/pohjois-savo/",
        "/alueet/kuopio/",
        "/?maakunta=pohjois-savo",
        "/ei-ole/",
    ],
)
@pytest.mark.parametrize("width", [375, 1280])
def test_pages_have_no_serious_accessibility_violations(
    browser_page, live_server, demo, path, width
):
    page = browser_page(width)
    page.goto(f"{live_server.url}{path}")
    assert serious_violations(page) == []
