"""GET /api/v1/events, /events/{id} and the list as .ics, .csv and .xlsx."""

import io
from datetime import timedelta

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from jarjestokartta.api import events as events_api
from jarjestokartta.directory.tests.factories import (
    OrganizationFactory,
    TargetGroupFactory,
    ThemeFactory,
)
from jarjestokartta.events.choices import Channel, EventKind
from jarjestokartta.events.tests.factories import (
    EventFactory,
    MeetingFactory,
    WeeklyActivityFactory,
    local,
)
from jarjestokartta.geography.models import Area

pytestmark = pytest.mark.django_db
URL = "/api/v1/events"


@pytest.fixture(autouse=True)
def _event_pages(settings):
    settings.ROOT_URLCONF = "jarjestokartta.events.tests.urls"


def ids(client, **params) -> list[str]:
    response = client.get(URL, {"per_page": 500, **params})
    assert response.status_code == 200, response.content
    return [record["id"] for record in response.json()["contents"]]


def test_it_lists_published_events_by_start_with_times_in_finnish_time(client):
    group = WeeklyActivityFactory(exdates=["2026-11-03T17:00:00"], languages=["fi", "sv"])
    later = EventFactory(start=local(2026, 12, 8, 17), end=local(2026, 12, 8, 19))
    EventFactory(is_published=False)
    body = client.get(URL).json()
    assert body["total_items"] == 2
    first, second = body["contents"]
    assert [first["id"], second["id"]] == [group.popolo_id, later.popolo_id]
    assert first["classification"] == "activity"
    assert first["start_date"] == "2026-10-06T17:00:00+03:00"
    assert second["start_date"] == "2026-12-08T17:00:00+02:00"
    assert first["rrule"] == "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T235959"
    assert first["exdate"] == ["2026-11-03T17:00:00+02:00"]
    assert first["timezone"] == "Europe/Helsinki"
    assert first["organization_id"] == first["organizer_id"] == group.organizer.popolo_id
    assert first["languages"] == ["fi", "sv"]
    assert first["url"] == f"http://testserver/tapahtumat/{group.slug}/"


def test_a_meetings_popolo_organisation_is_its_body(client):
    meeting = MeetingFactory()
    (record,) = client.get(URL).json()["contents"]
    assert record["organization_id"] == record["body_id"] == meeting.body.popolo_id


def test_it_pins_the_queries_of_a_page(client):
    """The data version (ETag); the count; the page's events with organiser, body,
    municipality and umbrella event; their co-organisers; themes; target groups."""
    for _ in range(3):
        event = WeeklyActivityFactory()
        event.themes.add(ThemeFactory())
        event.co_organizers.add(OrganizationFactory())

    def count(**params) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, params).status_code == 200
        return len(queries)

    assert count(per_page=1) == count(per_page=500) == 6


def test_organizer_means_organiser_or_co_organiser_and_body_its_meetings(client):
    org = OrganizationFactory()
    own = EventFactory(organizer=org)
    shared = EventFactory()
    shared.co_organizers.add(org)
    EventFactory()
    meeting = MeetingFactory()
    assert set(ids(client, organizer=org.popolo_id)) == {own.popolo_id, shared.popolo_id}
    assert set(ids(client, organizer=org.slug)) == {own.popolo_id, shared.popolo_id}
    assert ids(client, body=meeting.body.slug) == [meeting.popolo_id]


def test_theme_target_group_kind_language_channel_and_price_filter(client):
    families = ThemeFactory(name="Lapset ja perheet")
    elderly = TargetGroupFactory(name="Ikääntyneet")
    cafe = WeeklyActivityFactory(languages=["fi"], is_free=True)
    cafe.themes.add(families)
    course = EventFactory(kind=EventKind.COURSE, languages=["sv"], is_free=False, price="5 €")
    course.target_groups.add(elderly)
    area = Area.objects.get(classification="municipality", code="297")
    hybrid = EventFactory(channel=Channel.HYBRID, municipality=area, place_name="Kirjasto")
    assert ids(client, theme=families.slug) == [cafe.popolo_id]
    assert ids(client, target_group=elderly.slug) == [course.popolo_id]
    assert ids(client, kind="course") == [course.popolo_id]
    assert set(ids(client, kind=["course", "activity"])) == {course.popolo_id, cafe.popolo_id}
    assert ids(client, language="sv") == [course.popolo_id]
    assert hybrid.popolo_id in ids(client, channel="place")
    assert ids(client, channel="place") == [hybrid.popolo_id]
    assert ids(client, is_free="false") == [course.popolo_id]
    assert ids(client, municipality="297") == [hybrid.popolo_id]
    assert ids(client, kind="course", language="fi") == []


def test_modified_after_finds_what_changed_since(client):
    old = EventFactory()
    type(old).objects.filter(pk=old.pk).update(modified=timezone.now() - timedelta(days=3))
    new = EventFactory()
    since = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert ids(client, modified_after=since) == [new.popolo_id]


@pytest.mark.parametrize(
    "params, status, words",
    [
        ({"theme": "ei-teemaa"}, 422, "unknown theme"),
        ({"target_group": "ei-ryhmaa"}, 422, "unknown target group"),
        ({"organizer": "ei-ole"}, 422, "unknown organizer"),
        ({"body": "ei-ole"}, 422, "unknown body"),
        ({"region": "atlantis"}, 422, "unknown region"),
        ({"municipality": "000"}, 422, "unknown municipality"),
        ({"kind": "party"}, 400, "kind"),
        ({"language": "xx"}, 400, "language"),
        ({"channel": "telepathy"}, 400, "channel"),
        ({"accessibility": "stairs"}, 400, "accessibility"),
        ({"is_free": "perhaps"}, 400, "is_free"),
        ({"modified_after": "eilen"}, 400, "modified_after"),
        ({"theme": "x" * 201}, 400, "at most"),
        ({"page": 0}, 400, "page"),
        ({"per_page": 501}, 400, "per_page"),
    ],
)
def test_it_answers_bad_parameters_with_a_json_message(client, params, status, words):
    for url in (URL, f"{URL}.ics", f"{URL}.csv"):
        if "page" in str(params) and url != URL:
            continue
        response = client.get(url, params)
        assert response.status_code == status, (url, response.content)
        assert words in response.json()["detail"]


def test_one_event_by_its_popolo_id(client):
    event = WeeklyActivityFactory()
    draft = EventFactory(is_published=False)
    response = client.get(f"{URL}/{event.popolo_id}")
    assert response.status_code == 200
    assert response.json()["name"] == event.name
    for missing in (draft.popolo_id, "ei-ole"):
        response = client.get(f"{URL}/{missing}")
        assert response.status_code == 404
        assert "no published activity or event" in response.json()["detail"]


def test_an_edit_gives_the_list_a_new_etag(client):
    event = EventFactory()
    first = client.get(URL)
    assert client.get(URL, headers={"if-none-match": first["ETag"]}).status_code == 304
    event.name = "Uusi nimi"
    event.save()
    again = client.get(URL, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200 and again["ETag"] != first["ETag"]
    assert again.json()["contents"][0]["name"] == "Uusi nimi"


def test_the_list_as_icalendar_has_one_series_for_each_event(client):
    group = WeeklyActivityFactory()
    EventFactory(kind=EventKind.COURSE)
    response = client.get(f"{URL}.ics", {"kind": "activity"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    (vevent,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert vevent["UID"] == f"{group.popolo_id}@jarjestokartta"
    assert "RRULE" in vevent


def test_the_icalendar_refuses_more_events_than_a_calendar_holds(client, monkeypatch):
    monkeypatch.setattr(events_api, "MAX_ICS_EVENTS", 1)
    EventFactory.create_batch(2)
    response = client.get(f"{URL}.ics")
    assert response.status_code == 422
    assert "narrow the filters" in response.json()["detail"]


def test_the_list_as_csv_and_xlsx(client):
    group = WeeklyActivityFactory(name="Perhekahvila")
    EventFactory(kind=EventKind.COURSE)
    response = client.get(f"{URL}.csv", {"kind": "activity"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert len(lines) == 2 and lines[1].startswith("Perhekahvila;")
    assert group.popolo_id in lines[1]
    assert 'filename="tapahtumat-activity-' in response["Content-Disposition"]
    workbook = client.get(f"{URL}.xlsx", {"kind": "activity"})
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert [row[0].value for row in sheet.iter_rows()][1:] == ["Perhekahvila"]


def test_a_far_offset_in_modified_after_is_read_not_a_server_error(client):
    # PostgreSQL takes offsets up to ±15:59 only; ISO 8601 (and schemathesis) give +23:20.
    EventFactory()
    assert ids(client, modified_after="2463-07-29T23:58:28.699+23:20") == []
    assert (
        client.get(
            "/api/v1/organizations", {"modified_after": "2000-01-01T00:00+23:20"}
        ).status_code
        == 200
    )
