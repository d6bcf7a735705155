"""Activities and events in the search: found by Finnish word forms, kept current, by date."""

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.utils import timezone

from jarjestokartta.directory.models import Theme
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.events import occurrences
from jarjestokartta.events.models import Event
from jarjestokartta.events.tests.factories import EventFactory, WeeklyActivityFactory
from jarjestokartta.search.event_matching import event_ids_matching
from jarjestokartta.search.models import SearchDocument
from jarjestokartta.search.service import search_organizations

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("jarjestokartta.search.tests.urls_with_events"),
]


def days_from_today(days: int, hour: int = 17) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour), timezone.get_default_timezone())


def coming(**fields: object) -> Event:
    """A one-off event next week."""
    start = days_from_today(7)
    event: Event = EventFactory.create(start=start, end=start + timedelta(hours=2), **fields)
    return event


def past(**fields: object) -> Event:
    """A one-off event a month ago."""
    start = days_from_today(-30)
    event: Event = EventFactory.create(start=start, end=start + timedelta(hours=2), **fields)
    return event


def names(q: str = "", **kwargs: Any) -> list[str]:
    return [r["name"] for r in search_organizations(q=q, chosen={}, **kwargs).results]


def test_it_finds_an_event_by_an_inflected_finnish_word():
    cafe = coming(name="Perhekahvila Tupa", slug="perhekahvila-tupa")
    page = search_organizations(q="perhekahvilaan", chosen={})
    assert [r["name"] for r in page.results] == ["Perhekahvila Tupa"]
    result = page.results[0]
    assert result["type"] == "event"
    assert result["url"] == "/tapahtumat/perhekahvila-tupa/"
    assert result["organizer"] == cafe.organizer.name
    assert result["status"] == "scheduled"


def test_the_type_facet_counts_organisations_and_events_and_filters_them():
    OrganizationFactory.create(name="Perhekahvila Pikkupiha ry", slug="pikkupiha")
    coming(name="Perhekahvila Tupa")
    coming(name="Perhekahvila Pesä")
    page = search_organizations(q="perhekahvila", chosen={})
    assert {v["value"]: v["count"] for v in page.facets["type"]} == {
        "organization": 1,
        "event": 2,
    }
    assert page.count == 3
    assert sorted(names("perhekahvila", type="event")) == ["Perhekahvila Pesä", "Perhekahvila Tupa"]
    assert names("perhekahvila", type="organization") == ["Perhekahvila Pikkupiha ry"]
    kinds = search_organizations(q="perhekahvila", chosen={}).facets["event_kind"]
    assert kinds == [{"value": "event", "label": str(Event.Kind.EVENT.label), "count": 2}]


def test_an_event_that_is_over_is_hidden_unless_its_dates_are_asked():
    past(name="Syysmarkkinat")
    occurrences.store()
    assert names("syysmarkkinat") == []
    ago = timezone.localdate() - timedelta(days=31)
    assert names("syysmarkkinat", start=ago, end=ago + timedelta(days=2)) == ["Syysmarkkinat"]
    assert names("syysmarkkinat", start=ago + timedelta(days=3)) == []


def test_a_weekly_group_is_found_by_a_range_it_meets_in_only():
    start = days_from_today(-14)
    WeeklyActivityFactory.create(
        name="Lukupiiri",
        start=start,
        end=start + timedelta(hours=2),
        rrule="FREQ=WEEKLY;INTERVAL=4",
    )
    occurrences.store()
    meets = timezone.localdate() + timedelta(days=14)
    assert names("lukupiiri", start=meets, end=meets) == ["Lukupiiri"]
    assert names("lukupiiri", start=meets + timedelta(days=1), end=meets + timedelta(days=6)) == []
    # A rule that goes on is found from today on.
    assert names("lukupiiri") == ["Lukupiiri"]


def test_a_draft_is_never_indexed_nor_found():
    draft = coming(name="Salainen kerho", is_published=False)
    assert not SearchDocument.objects.filter(kind="event", object_id=draft.pk).exists()
    assert names("kerho") == []
    draft.is_published = True
    draft.save()
    assert names("kerho") == ["Salainen kerho"]
    draft.is_published = False
    draft.save()
    assert names("kerho") == []


def test_a_cancelled_event_is_found_marked_and_after_those_that_happen():
    coming(name="Joulujuhla Pieni", status=Event.Status.CANCELLED)
    coming(name="Joulujuhla Suuri")
    results = search_organizations(q="joulujuhla", chosen={}).results
    assert [(r["name"], r["status"]) for r in results] == [
        ("Joulujuhla Suuri", "scheduled"),
        ("Joulujuhla Pieni", "cancelled"),
    ]


def test_the_index_follows_an_edit_a_theme_and_a_delete():
    event = coming(name="Kirjapiiri")
    event.name = "Tukiryhmä omaishoitajille"
    event.save()
    assert names("kirjapiiri") == []
    assert names("omaishoitajien") == ["Tukiryhmä omaishoitajille"]
    event.themes.add(Theme.objects.create(name="Mielenterveys", slug="mielenterveys"))
    assert names("mielenterveys") == ["Tukiryhmä omaishoitajille"]
    event.delete()
    assert names("omaishoitajien") == []
    assert not SearchDocument.objects.filter(kind="event").exists()


def test_an_event_is_found_by_its_organiser_and_its_place():
    org = OrganizationFactory.create(name="Kuopion Martat ry", slug="kuopion-martat")
    from jarjestokartta.geography.models import Area

    kuopio = Area.objects.get(popolo_id="kunta:297")
    coming(
        name="Sienikurssi",
        kind=Event.Kind.COURSE,
        organizer=org,
        channel=Event.Channel.PLACE,
        municipality=kuopio,
        online_url="",
    )
    assert "Sienikurssi" in names("marttojen")
    assert names("sienikurssi kuopiossa") == ["Sienikurssi"]
    page = search_organizations(q="sienikurssi", chosen={"municipality": ["kuopio"]})
    assert page.results[0]["area"] == "Kuopio"


def test_the_page_shows_the_type_facet_and_an_event_with_its_next_time(client):
    coming(name="Perhekahvila Tupa", slug="perhekahvila-tupa")
    occurrences.store()
    html = client.get("/haku/", {"q": "perhekahvilaan"}).content.decode()
    assert "Tyyppi" in html
    assert 'name="type" value="event"' in html
    assert 'Tapahtumat ja toiminta <span class="facet-count">(1)</span>' in html
    assert 'href="/tapahtumat/perhekahvila-tupa/"' in html
    assert "Seuraavan kerran" in html
    assert 'name="start"' in html


def test_the_page_explains_a_bad_date_in_finnish(client):
    response = client.get("/haku/", {"q": "kerho", "start": "31.12.2026"})
    assert response.status_code == 400
    assert "anna päivämäärä muodossa VVVV-KK-PP" in response.content.decode()


def test_the_api_gives_the_type_and_filters_by_type_and_dates(client):
    coming(name="Perhekahvila Tupa", slug="perhekahvila-tupa")
    occurrences.store()
    body = client.get("/api/v1/search", {"q": "perhekahvila", "type": "event"}).json()
    assert [(r["type"], r["url"]) for r in body["results"]] == [
        ("event", "/tapahtumat/perhekahvila-tupa/")
    ]
    assert body["results"][0]["next_start"].startswith(str(timezone.localdate() + timedelta(7)))
    week = timezone.localdate() + timedelta(days=7)
    found = client.get(
        "/api/v1/search", {"q": "perhekahvila", "start": str(week), "end": str(week)}
    )
    assert found.json()["count"] == 1
    later = week + timedelta(days=1)
    assert (
        client.get("/api/v1/search", {"q": "perhekahvila", "start": str(later)}).json()["count"]
        == 0
    )


@pytest.mark.parametrize(
    "params",
    [
        {"start": "2026-13-01"},
        {"end": "huomenna"},
        {"start": "2026-12-10", "end": "2026-12-01"},
    ],
)
def test_the_api_answers_bad_dates_with_422(client, params):
    response = client.get("/api/v1/search", {"q": "kerho", **params})
    assert response.status_code == 422
    assert response.json()["detail"]


def test_the_api_answers_an_unknown_type_with_a_json_error(client):
    response = client.get("/api/v1/search", {"type": "person"})
    assert response.status_code in (400, 422)
    assert "detail" in response.json()


def test_the_listing_words_filter_gets_the_events_its_words_find():
    cafe = coming(name="Perhekahvila Tupa")
    coming(name="Lukupiiri")
    OrganizationFactory.create(name="Perhekahvila Pikkupiha ry", slug="pikkupiha")
    assert event_ids_matching("perhekahvilaan") == [cafe.pk]
    assert event_ids_matching("qwxzvy") == []
    assert event_ids_matching("  ") is None
