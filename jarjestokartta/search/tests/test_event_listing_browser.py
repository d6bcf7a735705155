"""The event listing and "Lähelläsi" in real Chromium, phone and desktop, axe clean."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from jarjestokartta.core.tests.accessibility import serious_violations
from jarjestokartta.events import calendar_views, occurrences
from jarjestokartta.events.choices import Channel, EventStatus
from jarjestokartta.events.tests.factories import (
    EventFactory,
    OccurrenceChangeFactory,
    WeeklyActivityFactory,
    local,
)
from jarjestokartta.geography.models import Area, AreaKind
from jarjestokartta.search import event_listing

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
TODAY = date(2026, 12, 1)


@pytest.fixture
def listing(monkeypatch):
    monkeypatch.setattr(event_listing, "today", lambda: TODAY)
    monkeypatch.setattr(calendar_views, "today", lambda: TODAY)
    kuopio = Area.objects.get(classification=AreaKind.MUNICIPALITY, code="297")
    group = WeeklyActivityFactory(name="Vertaisryhmä tiistaisin", summary="Puhutaan ja kuunnellaan")
    OccurrenceChangeFactory(
        event=group, original_start=local(2026, 12, 8, 17), status=EventStatus.CANCELLED
    )
    cafe = EventFactory(
        name="Perhekahvila",
        channel=Channel.PLACE,
        municipality=kuopio,
        place_name="Perhetalo",
        street_address="Kauppakatu 1",
        postal_code="70100",
        online_url="",
    )
    occurrences.store([group.pk, cafe.pk], today=TODAY)  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [375, 1280])
def test_a_citizen_filters_the_listing_and_sees_a_cancelled_one(
    browser_page, live_server, demo, listing, width
):
    page = browser_page(width)
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Tapahtumat ja toiminta").first.click()
    expect(page.get_by_role("heading", name="tiistai 8.12.2026")).to_be_visible()
    expect(page.locator("li.cancelled").first).to_contain_text("Peruttu")
    page.screenshot(path=f"/tmp/shots-listing/listing-{width}.png", full_page=True)
    assert serious_violations(page) == []
    page.get_by_label("Hakusanat").fill("perhekahvila")
    page.get_by_role("button", name="Näytä").click()
    # Every occurrence listed is a family café's (the factory's and the demo's examples).
    expect(page.locator("#tapahtumat")).not_to_contain_text("Vertaisryhmä tiistaisin")
    expect(page.locator("#tapahtumat")).to_contain_text("Perhekahvila")
    names = page.locator("#tapahtumat h3").all_inner_texts()
    assert names and all("perhekahvila" in name.lower() for name in names)
    assert "q=perhekahvila" in page.url
    # The listing's own feed, its words carried over in the feed's names.
    subscribe = page.get_by_role("link", name="Tilaa kalenteriin")
    expect(subscribe).to_have_attribute(
        "href", re.compile(r"^webcal://[^/]+/tapahtumat\.ics\?q=perhekahvila$")
    )
    ics = page.get_by_role("link", name="Kalenteritiedosto (.ics)").get_attribute("href")
    feed = page.request.get(ics).text()
    assert "SUMMARY:Perhekahvila" in feed and "Vertaisryhmä tiistaisin" not in feed


@pytest.mark.parametrize("width", [375, 1280])
def test_a_citizen_finds_what_happens_near_a_postal_code(
    browser_page, live_server, demo, listing, width
):
    page = browser_page(width)
    page.goto(f"{live_server.url}/tapahtumat/lahellasi/")
    page.get_by_label("Postinumerosi").fill("70100")
    page.get_by_role("button", name="Näytä").click()
    expect(page.get_by_role("heading", name="Kuopio", exact=True)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Perhekahvila")
    page.screenshot(path=f"/tmp/shots-listing/near-you-{width}.png", full_page=True)
    assert serious_violations(page) == []
    page.get_by_label("Postinumerosi").fill("7010")
    page.get_by_role("button", name="Näytä").click()
    expect(page.get_by_role("alert")).to_contain_text("ei ole postinumero")
    assert serious_violations(page) == []
