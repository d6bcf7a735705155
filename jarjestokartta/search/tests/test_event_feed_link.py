"""The listing's own calendar feed: its link carries the listing's filters in the feed's names,
and the feed it points at holds the events the listing shows."""

from datetime import date
from urllib.parse import parse_qsl, urlsplit

import icalendar
import pytest
from django.urls import reverse

from jarjestokartta.directory.tests.factories import ThemeFactory
from jarjestokartta.events import calendar_views, occurrences
from jarjestokartta.events.choices import Channel, EventKind
from jarjestokartta.events.tests.factories import EventFactory, WeeklyActivityFactory, local
from jarjestokartta.geography.models import Area, AreaKind
from jarjestokartta.search import event_listing

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    monkeypatch.setattr(event_listing, "today", lambda: TODAY)
    monkeypatch.setattr(calendar_views, "today", lambda: TODAY)


def municipality(code: str) -> Area:
    return Area.objects.get(classification=AreaKind.MUNICIPALITY, code=code)


def in_helsinki(theme=None, factory=EventFactory, **fields):
    fields = {"kind": EventKind.COURSE, "languages": ["sv"], "is_free": True, **fields}
    event = factory(channel=Channel.PLACE, municipality=municipality("091"), **fields)
    if theme is not None:
        event.themes.add(theme)
    return event


def listing(client, **params):
    response = client.get(reverse("event-list"), params)
    assert response.status_code == 200
    return response


def listed_names(response) -> set[str]:
    return {o.event.name for day in response.context["days"] for o in day.occurrences}


def feed_of(client, address: str) -> icalendar.Calendar:
    parts = urlsplit(address)
    response = client.get(parts.path, dict(parse_qsl(parts.query)))
    assert response.status_code == 200, response.content
    return icalendar.Calendar.from_ical(response.content)


def feed_names(feed: icalendar.Calendar) -> set[str]:
    return {str(vevent["SUMMARY"]) for vevent in feed.walk("VEVENT")}


FILTERED = {"kunta": "helsinki", "teema": "perheet", "tyyppi": "course", "kieli": "sv"}


@pytest.fixture
def families():
    """Two courses that match FILTERED and five that miss it by one filter each."""
    theme = ThemeFactory(name="Perheet", slug="perheet")
    matching = [
        in_helsinki(theme, name="Perhekurssi"),
        in_helsinki(
            theme, factory=WeeklyActivityFactory, kind=EventKind.COURSE, name="Viikkokurssi"
        ),
    ]
    missing = [
        in_helsinki(theme, name="Maksullinen", is_free=False, price="5 €"),
        in_helsinki(theme, name="Suomeksi", languages=["fi"]),
        in_helsinki(theme, name="Tapahtuma", kind=EventKind.EVENT),
        in_helsinki(name="Teematon"),
        EventFactory(
            channel=Channel.PLACE,
            municipality=municipality("297"),
            kind=EventKind.COURSE,
            languages=["sv"],
            is_free=True,
            name="Kuopiossa",
        ),
        # Over before today: in neither the listing nor its feed.
        in_helsinki(theme, name="Mennyt", start=local(2026, 11, 3, 17), end=local(2026, 11, 3, 19)),
    ]
    missing[4].themes.add(theme)
    occurrences.store([event.pk for event in matching + missing], today=TODAY)
    return matching


def test_the_listing_links_its_feed_with_its_filters_in_the_feeds_names(client, families):
    response = listing(client, **FILTERED, maksuton="1")
    feed = response.context["feed"]
    parts = urlsplit(feed)
    assert parts.scheme == "http" and parts.path == "/tapahtumat.ics"
    assert sorted(parse_qsl(parts.query)) == [
        ("is_free", "true"),
        ("kind", "course"),
        ("language", "sv"),
        ("municipality", "helsinki"),
        ("theme", "perheet"),
    ]
    html = response.content.decode()
    subscribe = feed.replace("http://", "webcal://").replace("&", "&amp;")
    assert f'<a href="{subscribe}">Tilaa kalenteriin</a>' in html
    assert f'<a href="{feed.replace("&", "&amp;")}" download>' in html


def test_the_feed_holds_exactly_the_events_the_listing_shows(client, families):
    response = listing(client, **FILTERED, maksuton="1")
    shown = listed_names(response)
    assert shown == {"Perhekurssi", "Viikkokurssi"}
    assert feed_names(feed_of(client, response.context["feed"])) == shown


def test_a_subscription_leaves_a_relative_period_out_and_says_so(client, families):
    response = listing(client, **FILTERED, aika="viikko")
    query = dict(parse_qsl(urlsplit(response.context["feed"]).query))
    assert "start" not in query and "end" not in query
    assert "ilman aikarajausta" in response.content.decode()
    assert "ilman aikarajausta" not in listing(client, **FILTERED).content.decode()


def test_a_chosen_range_and_the_words_carry_over(client, families):
    # Only the weekly course meets on 15.12; the one-off course was on 8.12.
    params = {**FILTERED, "alkaen": "2026-12-15", "asti": "2026-12-20", "q": "viikkokurssi"}
    response = listing(client, **params)
    query = dict(parse_qsl(urlsplit(response.context["feed"]).query))
    assert query["start"] == "2026-12-15" and query["end"] == "2026-12-20"
    assert query["q"] == "viikkokurssi"
    assert listed_names(response) == {"Viikkokurssi"}
    assert feed_names(feed_of(client, response.context["feed"])) == {"Viikkokurssi"}
    worded = listing(client, **FILTERED, q="perhekurssi")
    assert feed_names(feed_of(client, worded.context["feed"])) == {"Perhekurssi"}


def test_an_unfiltered_listing_links_the_whole_feed(client, families):
    assert listing(client).context["feed"] == "http://testserver/tapahtumat.ics"
