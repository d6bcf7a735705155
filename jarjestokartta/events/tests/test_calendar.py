"""The iCalendar feeds, read back with `icalendar` and expanded with `recurring_ical_events`
as a calendar app would, compared with what the site lists (occurrences.expand)."""

from datetime import UTC, date, datetime

import icalendar
import pytest
import recurring_ical_events
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from jarjestokartta.directory.tests.factories import BodyFactory, OrganizationFactory
from jarjestokartta.events import calendar, calendar_views, occurrences
from jarjestokartta.events.choices import EventStatus
from jarjestokartta.events.templatetags.calendar_links import webcal
from jarjestokartta.events.tests.factories import (
    MeetingFactory,
    OccurrenceChangeFactory,
    WeeklyActivityFactory,
    local,
)

pytestmark = pytest.mark.django_db
AUTUMN = (local(2026, 10, 1, 0), local(2026, 12, 31, 23))


@pytest.fixture(autouse=True)
def _event_pages(settings):
    settings.ROOT_URLCONF = "jarjestokartta.events.tests.urls"


@pytest.fixture
def group():
    """Tuesdays 17–19 across the change to winter time (25.10.2026): 13.10 cancelled, 3.11
    moved to Wednesday 18–20 with a note, 1.12 left out, Thursday 10.12 added."""
    event = WeeklyActivityFactory(
        exdates=["2026-12-01T17:00:00"], rdates=["2026-12-10T17:00:00"], summary="Vertaistukea"
    )
    OccurrenceChangeFactory(event=event, status=EventStatus.CANCELLED)
    OccurrenceChangeFactory(
        event=event,
        original_start=local(2026, 11, 3, 17),
        start=local(2026, 11, 4, 18),
        end=local(2026, 11, 4, 20),
        status=EventStatus.RESCHEDULED,
        note="Tällä kertaa kirjastossa",
    )
    event.refresh_from_db()
    return event


def parsed(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def as_calendar_app_lists(feed: icalendar.Calendar) -> list[tuple[datetime, datetime, str]]:
    found = recurring_ical_events.of(feed).between(*AUTUMN)
    return sorted(
        (item.start.astimezone(UTC), item.end.astimezone(UTC), str(item["STATUS"]))
        for item in found
    )


def as_site_lists(*events) -> list[tuple[datetime, datetime, str]]:
    return sorted(
        (item.start.astimezone(UTC), item.end.astimezone(UTC), calendar.STATUSES[item.status])
        for event in events
        for item in occurrences.expand(event, *AUTUMN)
    )


def test_it_gives_a_calendar_app_the_occurrences_the_site_lists(client, group):
    feed = parsed(client.get(f"/tapahtumat/{group.slug}.ics"))
    listed = as_calendar_app_lists(feed)
    assert listed == as_site_lists(group)
    starts = [start.astimezone(group.zone) for start, _, _ in listed]
    # 17:00 on both sides of the daylight-saving change, the moved one on Wednesday at 18.
    assert {s.hour for s in starts if s.date() != date(2026, 11, 4)} == {17}
    assert starts[0].utcoffset().total_seconds() == 3 * 3600
    assert starts[-1].utcoffset().total_seconds() == 2 * 3600
    assert local(2026, 11, 4, 18) in starts and local(2026, 11, 3, 17) not in starts
    assert local(2026, 12, 1, 17) not in starts and local(2026, 12, 10, 17) in starts
    cancelled = [start for start, _, status in listed if status == "CANCELLED"]
    assert cancelled == [local(2026, 10, 13, 17).astimezone(UTC)]


def test_it_writes_the_series_with_tzid_its_timezone_and_a_utc_until(client, group):
    feed = parsed(client.get(f"/tapahtumat/{group.slug}.ics"))
    assert feed["PRODID"] and feed["VERSION"] == "2.0"
    assert [str(zone["TZID"]) for zone in feed.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    series, *changed = feed.walk("VEVENT")
    assert series.decoded("DTSTART") == local(2026, 10, 6, 17)
    assert series["DTSTART"].params["TZID"] == "Europe/Helsinki"
    # 23:59:59 on 15.12. in Helsinki is 21:59:59 UTC (RFC 5545 3.3.10).
    assert series["RRULE"]["UNTIL"] == [datetime(2026, 12, 15, 21, 59, 59, tzinfo=UTC)]
    assert b"UNTIL=20261215T215959Z" in series.to_ical()
    assert series["EXDATE"].params["TZID"] == "Europe/Helsinki"
    assert series["RDATE"].params["TZID"] == "Europe/Helsinki"
    assert series["URL"] == f"http://testserver/tapahtumat/{group.slug}/"
    assert "Vertaistukea" in series["DESCRIPTION"]
    assert {str(c["UID"]) for c in changed} == {str(series["UID"])}
    moved = next(c for c in changed if c.decoded("RECURRENCE-ID") == local(2026, 11, 3, 17))
    assert moved["RECURRENCE-ID"].params["TZID"] == "Europe/Helsinki"
    assert moved.decoded("DTSTART") == local(2026, 11, 4, 18)
    assert "Tällä kertaa kirjastossa" in moved["DESCRIPTION"]


def test_it_keeps_the_uid_and_grows_the_sequence_with_an_edit(client, group):
    url = f"/tapahtumat/{group.slug}.ics"
    first = parsed(client.get(url)).walk("VEVENT")[0]
    again = parsed(client.get(url)).walk("VEVENT")[0]
    assert first["UID"] == again["UID"] == f"{group.popolo_id}@jarjestokartta"
    group.name = "Vertaisryhmä, uusi nimi"
    group.save()
    edited = parsed(client.get(url)).walk("VEVENT")[0]
    assert edited["UID"] == first["UID"]
    assert edited["SEQUENCE"] > first["SEQUENCE"]
    assert edited.decoded("LAST-MODIFIED") >= first.decoded("LAST-MODIFIED")


def test_it_writes_a_cancelled_one_off_event_as_cancelled(client):
    event = WeeklyActivityFactory(rrule="", status=EventStatus.CANCELLED)
    vevent = parsed(client.get(f"/tapahtumat/{event.slug}.ics")).walk("VEVENT")[0]
    assert vevent["STATUS"] == "CANCELLED" and "RRULE" not in vevent
    assert vevent["LOCATION"] == "https://example.org/tapahtuma"


def test_it_answers_404_for_a_draft_or_an_unknown_event(client):
    draft = WeeklyActivityFactory(is_published=False)
    assert client.get(f"/tapahtumat/{draft.slug}.ics").status_code == 404
    assert client.get("/tapahtumat/ei-ole.ics").status_code == 404


def test_an_organisations_feed_has_what_it_arranges_alone_or_with_others(client, group):
    """Queries, once the texts are kept (the first feed makes them): the organisation; its
    published events' pks and zones (co-organised ones found by a subquery); their texts."""
    helper = OrganizationFactory()
    shared = WeeklyActivityFactory(organizer=OrganizationFactory())
    shared.co_organizers.add(group.organizer)
    WeeklyActivityFactory(organizer=group.organizer, is_published=False)
    WeeklyActivityFactory(organizer=helper)
    url = f"/jarjestot/{group.organizer.slug}/tapahtumat.ics"
    made = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        kept = client.get(url)
    assert len(queries) == 3, [q["sql"] for q in queries]
    assert kept.content == made.content
    feed = parsed(kept)
    assert as_calendar_app_lists(feed) == as_site_lists(group, shared)
    assert group.organizer.name in feed["X-WR-CALNAME"]


def test_a_bodys_feed_has_its_meetings(client):
    body = BodyFactory()
    meetings = [
        MeetingFactory(body=body),
        MeetingFactory(body=body, start=local(2026, 11, 2, 9), end=local(2026, 11, 2, 11)),
    ]
    MeetingFactory()
    feed = parsed(client.get(f"/jarjestot/{body.slug}/kokoukset.ics"))
    assert as_calendar_app_lists(feed) == as_site_lists(*meetings)
    association = OrganizationFactory()
    assert client.get(f"/jarjestot/{association.slug}/kokoukset.ics").status_code == 404


def test_a_listings_feed_has_the_events_its_filters_find_in_its_days(client, group):
    meeting = MeetingFactory(start=local(2026, 10, 20, 9), end=local(2026, 10, 20, 11))
    occurrences.store(today=date(2026, 10, 1))
    params = {"start": "2026-10-01", "end": "2026-12-31"}
    both = parsed(client.get("/tapahtumat.ics", params))
    assert as_calendar_app_lists(both) == as_site_lists(group, meeting)
    only = parsed(client.get("/tapahtumat.ics", {**params, "kind": "meeting"}))
    assert as_calendar_app_lists(only) == as_site_lists(meeting)
    later = parsed(client.get("/tapahtumat.ics", {"start": "2026-12-20", "end": "2026-12-31"}))
    assert later.walk("VEVENT") == []


@pytest.mark.parametrize(
    "params, words",
    [
        ({"start": "1.10.2026"}, "YYYY-MM-DD"),
        ({"start": "2026-10-02", "end": "2026-10-01"}, "ennen alkamispäivää"),
        ({"is_free": "perhaps"}, "is_free"),
        ({"kind": "party"}, "ei nimeä mitään"),
        ({"theme": "ei-teemaa"}, "ei nimeä mitään"),
        ({"region": "atlantis"}, "ei nimeä mitään"),
        ({"organizer": "x" * 201}, "organizer"),
    ],
)
def test_it_answers_bad_feed_parameters_with_a_finnish_message(client, params, words):
    response = client.get("/tapahtumat.ics", params, headers={"accept-language": "fi"})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert words in response.content.decode()


def test_it_refuses_a_listing_feed_over_its_cap_rather_than_cut_it(client, group, monkeypatch):
    monkeypatch.setattr(calendar_views, "MAX_EVENTS", 2)
    meetings = [
        MeetingFactory(start=local(2026, 10, d, 9), end=local(2026, 10, d, 11)) for d in (20, 21)
    ]
    occurrences.store(today=date(2026, 10, 1))
    params = {"start": "2026-10-01", "end": "2026-12-31"}
    response = client.get("/tapahtumat.ics", params, headers={"accept-language": "fi"})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    message = response.content.decode()
    assert "yli 2 toimintaa ja tapahtumaa" in message and "Rajaa listaa" in message
    # At the cap the feed holds them all.
    only = parsed(client.get("/tapahtumat.ics", {**params, "kind": "meeting"}))
    assert {str(vevent["SUMMARY"]) for vevent in only.walk("VEVENT")} == {m.name for m in meetings}


def test_a_listing_feed_without_a_words_matcher_refuses_words(rf):
    request = rf.get("/tapahtumat.ics", {"q": "perhekahvila"})
    with translation.override("fi"):
        response = calendar_views.event_list_ics(request)
    assert response.status_code == 400
    assert "hakusanoilla" in response.content.decode()


def test_it_turns_an_address_into_a_webcal_link():
    assert webcal("https://lahella.fi/tapahtumat.ics?kind=meeting") == (
        "webcal://lahella.fi/tapahtumat.ics?kind=meeting"
    )
    assert webcal("http://localhost:8000/a.ics") == "webcal://localhost:8000/a.ics"
    assert webcal("/relative.ics") == "/relative.ics"
