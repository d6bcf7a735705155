"""GET /api/v1/occurrences: the stored occurrences of a range of days."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jarjestokartta.events import occurrences
from jarjestokartta.events.choices import EventStatus
from jarjestokartta.events.tests.factories import (
    EventFactory,
    MeetingFactory,
    OccurrenceChangeFactory,
    WeeklyActivityFactory,
    local,
)

pytestmark = pytest.mark.django_db
URL = "/api/v1/occurrences"
TODAY = date(2026, 10, 1)
AUTUMN = {"start": "2026-10-01", "end": "2026-12-31"}


@pytest.fixture(autouse=True)
def _autumn(monkeypatch):
    """Today is 1.10.2026, so that the stored window holds the autumn of the factories."""
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


@pytest.fixture
def group():
    event = WeeklyActivityFactory()
    OccurrenceChangeFactory(event=event, status=EventStatus.CANCELLED)
    OccurrenceChangeFactory(
        event=event,
        original_start=local(2026, 11, 3, 17),
        start=local(2026, 11, 4, 18),
        note="Kirjastossa",
    )
    event.refresh_from_db()
    occurrences.store(today=TODAY)
    return event


def listed(client, **params) -> list[dict]:
    response = client.get(URL, {"per_page": 500, **AUTUMN, **params})
    assert response.status_code == 200, response.content
    return response.json()["contents"]


def test_it_lists_each_occurrence_in_finnish_time_with_its_offset(client, group):
    items = listed(client)
    expected = occurrences.expand(group, local(2026, 10, 1, 0), local(2026, 12, 31, 23))
    assert [item["start"] for item in items] == [
        o.start.astimezone(group.zone).isoformat() for o in expected
    ]
    first, cancelled = items[0], items[1]
    assert first == {
        "event_id": group.popolo_id,
        "start": "2026-10-06T17:00:00+03:00",
        "end": "2026-10-06T19:00:00+03:00",
        "status": "scheduled",
        "original_start": "2026-10-06T17:00:00+03:00",
        "note": "",
    }
    assert cancelled["status"] == "cancelled"
    moved = next(item for item in items if item["note"] == "Kirjastossa")
    assert moved["start"] == "2026-11-04T18:00:00+02:00"  # after the change to winter time
    assert moved["original_start"] == "2026-11-03T17:00:00+02:00"
    assert moved["end"] == "2026-11-04T20:00:00+02:00"


def test_it_filters_as_the_events_list_does(client, group):
    meeting = MeetingFactory(start=local(2026, 10, 20, 9), end=local(2026, 10, 20, 11))
    occurrences.store(today=TODAY)
    assert {i["event_id"] for i in listed(client, kind="meeting")} == {meeting.popolo_id}
    assert {i["event_id"] for i in listed(client, organizer=group.organizer.slug)} == {
        group.popolo_id
    }
    assert listed(client, start="2026-10-21", end="2026-10-31", kind="meeting") == []


def test_it_leaves_out_drafts_and_pages_by_start(client, group):
    EventFactory(is_published=False, start=local(2026, 10, 7, 12), end=local(2026, 10, 7, 13))
    occurrences.store(today=TODAY)
    body = client.get(URL, {**AUTUMN, "per_page": 3, "page": 2}).json()
    assert body["total_items"] == 11 and body["total_pages"] == 4 and body["size"] == 3
    assert body["contents"][0]["start"] == "2026-10-27T17:00:00+02:00"


def test_it_pins_the_queries_of_a_page(client, group):
    """The data version (ETag); the count; the page's occurrences with their events' ids."""

    def count(**params) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {**AUTUMN, **params}).status_code == 200
        return len(queries)

    assert count(per_page=1) == count(per_page=500) == 3


@pytest.mark.parametrize(
    "params, status, words",
    [
        ({"start": "2026-10-01"}, 400, "end"),
        ({"start": "1.10.2026", "end": "2026-10-02"}, 400, "YYYY-MM-DD"),
        ({"start": "2026-02-30", "end": "2026-10-02"}, 400, "real calendar date"),
        ({"start": "2026-10-02", "end": "2026-10-01"}, 422, "end is before start"),
        ({"start": "2026-10-01", "end": "2027-10-02"}, 422, "at most 366 days"),
        ({"start": "2026-01-01", "end": "2026-01-31"}, 422, "kept from 2026-07-01 to 2027-11-05"),
        ({"start": "2027-11-01", "end": "2027-11-30"}, 422, "kept from"),
        ({**AUTUMN, "theme": "ei-teemaa"}, 422, "unknown theme"),
        ({**AUTUMN, "kind": "party"}, 400, "kind"),
        ({**AUTUMN, "is_free": "joo"}, 400, "is_free"),
    ],
)
def test_it_answers_bad_parameters_with_a_json_message(client, params, status, words):
    response = client.get(URL, params)
    assert response.status_code == status, response.content
    assert words in response.json()["detail"]


def test_a_year_and_a_day_is_the_longest_range(client, group):
    response = client.get(URL, {"start": "2026-10-01", "end": "2027-10-01"})
    assert response.status_code == 200
