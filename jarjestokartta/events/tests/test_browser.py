"""The activity or event page, the organisation page's activities and the area page's week,
in real Chromium at a phone's and a desktop's width, with axe."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from jarjestokartta.core.tests.accessibility import serious_violations
from jarjestokartta.events.choices import Channel, EventStatus, Registration
from jarjestokartta.events.occurrences import expand, store
from jarjestokartta.events.tests.factories import OccurrenceChangeFactory, WeeklyActivityFactory
from jarjestokartta.geography.models import Area, AreaKind

# serialized_rollback: a flush would otherwise also remove the geography the migrations load.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = Path("/tmp/shots-eventpage")


@pytest.fixture
def family_cafe(demo):
    from jarjestokartta.directory.models import Organization

    kuopio = Area.objects.get(slug="kuopio", classification=AreaKind.MUNICIPALITY)
    cafe = WeeklyActivityFactory(
        name="Perhekahvila",
        organizer=Organization.objects.get(popolo_id="pssotu"),
        rrule="FREQ=WEEKLY;BYDAY=TU",
        summary="Avoin kohtaamispaikka vauvaperheille ja taaperoille.",
        description="Kahvia, leikkiä ja vertaistukea.\n\nEi tarvitse ilmoittautua.",
        channel=Channel.HYBRID,
        place_name="Perhetalo",
        street_address="Kauppakatu 1",
        postal_code="70100",
        municipality=kuopio,
        languages=["fi", "sv"],
        accessibility=["step_free", "induction_loop"],
        registration=Registration.REQUIRED,
        registration_url="https://example.org/ilmo",
        age_max=6,
    )
    now = timezone.now()
    first, second = expand(cafe, now, now + timedelta(days=15))[:2]
    OccurrenceChangeFactory(event=cafe, original_start=first.start, status=EventStatus.CANCELLED)
    OccurrenceChangeFactory(
        event=cafe,
        original_start=second.start,
        status=EventStatus.RESCHEDULED,
        start=second.start + timedelta(days=1),
        note="Kirjastossa",
    )
    WeeklyActivityFactory(
        name="Aamukahvi",
        organizer=cafe.organizer,
        rrule="FREQ=DAILY",
        channel=Channel.PLACE,
        online_url="",
        municipality=kuopio,
    )
    store()
    return cafe


@pytest.mark.parametrize("width", [375, 1280])
def test_the_event_page_reads_well_and_passes_axe(browser_page, live_server, family_cafe, width):
    page = browser_page(width)
    page.goto(f"{live_server.url}{family_cafe.get_absolute_url()}")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"event-{width}.png", full_page=True)
    assert page.locator("ul.occurrences del").count() == 2
    assert "Peruttu" in page.locator("ul.occurrences").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert serious_violations(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_the_organisation_and_area_pages_show_the_activity(
    browser_page, live_server, family_cafe, width
):
    page = browser_page(width)
    page.goto(f"{live_server.url}/jarjestot/{family_cafe.organizer.slug}/")
    page.screenshot(path=SHOTS / f"organization-{width}.png", full_page=True)
    assert "Perhekahvila" in page.locator("#toiminta-otsikko + ul").inner_text()
    assert serious_violations(page) == []
    page.goto(f"{live_server.url}/alueet/kuopio/")
    page.screenshot(path=SHOTS / f"area-{width}.png", full_page=True)
    assert "Aamukahvi" in page.locator("#viikko-otsikko + ul").inner_text()
    assert serious_violations(page) == []
