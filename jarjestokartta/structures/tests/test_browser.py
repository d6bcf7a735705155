"""An organisation's and a body's page in real Chromium."""

import pytest
from playwright.sync_api import expect

# serialized_rollback: a flush would otherwise also remove the geography the migrations load.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
COUNCIL = "/jarjestot/pohjois-savon-jarjestoneuvosto/"


@pytest.mark.parametrize("width", [375, 1280])
def test_the_as_of_date_control_changes_the_members_shown(browser_page, live_server, demo, width):
    page = browser_page(width)
    page.goto(f"{live_server.url}{COUNCIL}?paiva=2020-10-01")
    roster = page.locator("#kokoonpano")
    assert "Tilanne 1.10.2020" in roster.inner_text()
    assert "HYTE-tiimi" not in roster.locator("table").first.inner_text()

    page.get_by_label("Näytä tilanne päivältä").fill("2021-06-01")
    page.get_by_role("button", name="Näytä", exact=True).click()
    page.wait_for_url("**paiva=2021-06-01")
    expect(page.locator("#kokoonpano")).to_contain_text("Tilanne 1.6.2021")
    expect(page.locator("#kokoonpano")).to_contain_text("Pohjois-Savon HYTE-tiimi")


def test_the_date_control_works_without_javascript(browser_page, live_server, demo, _chromium):
    context = _chromium.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}{COUNCIL}?paiva=2020-10-01")
    page.get_by_label("Näytä tilanne päivältä").fill("2021-06-01")
    page.get_by_role("button", name="Näytä", exact=True).click()
    page.wait_for_url("**paiva=2021-06-01")
    expect(page.locator("#kokoonpano")).to_contain_text("Pohjois-Savon HYTE-tiimi")
    context.close()


def test_email_addresses_become_links_for_people(browser_page, live_server, demo):
    from jarjestokartta.directory.models import Organization, OrganizationContact

    org = Organization.objects.get(popolo_id="pssotu")
    OrganizationContact.objects.create(organization=org, type="email", value="info@pssotu.fi")
    page = browser_page(1280)
    page.goto(f"{live_server.url}/jarjestot/{org.slug}/")
    assert page.get_by_role("link", name="info@pssotu.fi").get_attribute("href") == (
        "mailto:info@pssotu.fi"
    )


def test_a_body_page_can_be_used_with_the_keyboard(browser_page, live_server, demo):
    page = browser_page(1280)
    page.goto(f"{live_server.url}{COUNCIL}")
    page.get_by_label("Näytä tilanne päivältä").focus()
    # 10.10.2020 reads the same whether the field's segments go day-month or month-day
    # (Chromium takes their order from the system locale, not the page's).
    page.keyboard.type("10102020")
    page.keyboard.press("Enter")  # Tab would move between the field's own segments
    page.wait_for_url("**paiva=*")
    expect(page.locator("#kokoonpano")).to_contain_text("Tilanne 10.10.2020")
    assert "HYTE" not in page.locator("#kokoonpano table").first.inner_text()
