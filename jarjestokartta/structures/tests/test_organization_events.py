import re

import pytest

from jarjestokartta.directory.tests.factories import BodyFactory, OrganizationFactory
from jarjestokartta.events.choices import EventStatus
from jarjestokartta.events.tests.factories import (
    EventFactory,
    MeetingFactory,
    OccurrenceChangeFactory,
    WeeklyActivityFactory,
    local,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _autumn_day(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: local(2026, 10, 1, 12))


def text_of(client, org) -> str:
    html = client.get(f"/jarjestot/{org.slug}/").content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_it_lists_the_organisation_s_activities_with_their_rhythm(client):
    org = OrganizationFactory()
    WeeklyActivityFactory(organizer=org, name="Perhekahvila")
    WeeklyActivityFactory(organizer=org, name="Luonnosryhmä", is_published=False)
    text = text_of(client, org)
    assert (
        "Toiminta Perhekahvila – tiistaisin klo 17–19, 15.12.2026 asti, "
        "seuraavan kerran ti 6.10.2026" in text
    )
    assert "Luonnosryhmä" not in text


def test_it_lists_upcoming_events_it_organises_or_co_organises_but_not_past_ones(client):
    org = OrganizationFactory()
    EventFactory(organizer=org, name="Joulumyyjäiset")
    EventFactory(organizer=org, name="Kevätjuhla", start=local(2026, 5, 1, 12), end=None)
    EventFactory(name="Yhteinen ilta").co_organizers.add(org)
    text = text_of(client, org)
    assert "Tulevat tapahtumat" in text
    assert "Joulumyyjäiset – ti 8.12.2026 klo 17–19" in text
    assert "Yhteinen ilta – ti 8.12.2026 klo 17–19 (mukana järjestämässä)" in text
    assert "Kevätjuhla" not in text


def test_a_body_s_page_lists_its_coming_and_past_meetings(client):
    body = BodyFactory()
    MeetingFactory(
        body=body, name="Syyskokous", start=local(2026, 11, 5, 13), end=local(2026, 11, 5, 15)
    )
    MeetingFactory(
        body=body, name="Kevätkokous", start=local(2026, 3, 5, 13), end=local(2026, 3, 5, 15)
    )
    MeetingFactory(body=body, name="Vanha kokous", start=local(2024, 3, 5, 13), end=None)
    text = text_of(client, body)
    coming, past = text.split("Kokoukset")[1].split("Menneet kokoukset")
    assert "Tulevat kokoukset to 5.11.2026 klo 13–15 – Syyskokous" in coming
    assert "to 5.3.2026 klo 13–15 – Kevätkokous" in past
    assert "Vanha kokous" not in text


def test_a_cancelled_meeting_is_struck_through(client):
    body = BodyFactory()
    meeting = MeetingFactory(
        body=body,
        rrule="FREQ=MONTHLY;COUNT=3",
        start=local(2026, 10, 8, 13),
        end=local(2026, 10, 8, 15),
    )
    OccurrenceChangeFactory(
        event=meeting, original_start=local(2026, 11, 8, 13), status=EventStatus.CANCELLED
    )
    html = client.get(f"/jarjestot/{body.slug}/").content.decode()
    assert "<del>su 8.11.2026 klo 13–15</del> <strong>Peruttu</strong>" in html
