"""The admin's add form of an activity in real Chromium: a weekly schedule chosen by clicking."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from jarjestokartta.accounts.tests.helpers import log_in_in_browser, ready_for_admin
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.events.models import Event

# serialized_rollback: a flush would otherwise also remove the geography the migrations load.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def shots(tmp_path) -> Path:
    """Where the screenshots go: ADMIN_SHOTS to keep them for a look, else the test's folder."""
    folder = Path(os.environ.get("ADMIN_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def adding_page(browser_page, live_server, django_user_model):
    """A page of the given width on the admin's form for a new activity, logged in as an
    editor with two-factor authentication (required of staff)."""
    user = django_user_model.objects.create_superuser("toimittaja", "t@example.fi", "salasana-1")
    secret = ready_for_admin(user)

    def open_form(width: int):
        page = browser_page(width)
        add = "/admin/events/event/add/"
        log_in_in_browser(
            page, f"{live_server.url}/admin/login/?next={add}", user.email, "salasana-1", secret
        )
        page.wait_for_url(f"**{add}")
        return page

    return open_form


def test_an_editor_adds_a_weekly_group_by_choosing_days_and_times(adding_page, shots):
    organizer = OrganizationFactory(name="Kuopion Perhetalo ry")
    page = adding_page(1280)
    page.screenshot(path=str(shots / "add-empty-1280.png"), full_page=True)

    page.select_option("#id_kind", "activity")
    page.fill("#id_name", "Vertaisryhmä")
    # The slug is written from the name by the admin's own script.
    # The organiser is an autocomplete (select2): its own <select> is what the form sends.
    page.locator("#id_organizer").evaluate(
        "(select, pk) => select.add(new Option('Kuopion Perhetalo ry', pk, true, true))",
        str(organizer.pk),
    )
    page.fill("#id_first_date", "6.1.2027")
    page.fill("#id_start_time", "17.00")
    page.fill("#id_end_time", "19.00")
    page.get_by_label("viikoittain valittuina viikonpäivinä").check()
    page.get_by_label("ke", exact=True).check()
    page.fill("#id_interval", "2")
    page.get_by_label("päivämääränä").check()
    page.fill("#id_until", "26.5.2027")
    page.select_option("#id_channel", "online")
    page.fill("#id_online_url", "https://example.org/ryhma")
    page.screenshot(path=str(shots / "add-filled-1280.png"), full_page=True)
    time = page.locator("fieldset").filter(has=page.locator("h2", has_text="Aika"))
    time.screenshot(path=str(shots / "add-time-1280.png"))
    page.locator("input[name=_continue]").click()

    expect(page.locator(".messagelist")).to_contain_text("Vertaisryhmä")
    page.screenshot(path=str(shots / "saved-1280.png"), full_page=True)
    event = Event.objects.get(name="Vertaisryhmä")
    assert event.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20270526T235959"
    expect(page.locator("#id_first_date")).to_have_value("6.1.2027")
    expect(page.get_by_label("ke", exact=True)).to_be_checked()


def test_the_schedule_can_be_chosen_on_a_phone(adding_page, shots):
    page = adding_page(375)
    time = page.locator("fieldset").filter(has=page.locator("h2", has_text="Aika"))
    for weekday in ("ma", "ti", "ke", "to", "pe", "la", "su"):
        box = time.get_by_label(weekday, exact=True)
        box.check()
        expect(box).to_be_checked()
    time.screenshot(path=str(shots / "add-time-375.png"))
