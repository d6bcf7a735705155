"""The feed written as text (events/calendar.py) says what the icalendar-built feed said
(tests/icalendar_writer.py, the writer it replaced), property by property, for events of
every shape; and a feed costs the same few queries for one event or many."""

from datetime import date

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jarjestokartta.events import calendar, occurrences
from jarjestokartta.events.choices import Channel, EventStatus
from jarjestokartta.events.models import Event
from jarjestokartta.events.tests import icalendar_writer
from jarjestokartta.events.tests.factories import (
    EventFactory,
    MeetingFactory,
    OccurrenceChangeFactory,
    WeeklyActivityFactory,
    local,
)
from jarjestokartta.geography.models import Area, AreaKind

pytestmark = pytest.mark.django_db
LONG_FINNISH = (
    "Pöllölän nuorisoseuran syysjuhlassa esiintyvät kuoro, kantele- ja viulupiiri sekä "
    "näytelmäkerho; tervetuloa koko perheellä! Ovet avataan klo 17.30, ja kahvio on auki "
    "väliajalla. Tuothan mukaan sisäkengät – lattiat on äsken vahattu.\r\n"
    "Lisätietoa: C:\\Tiedostot\\syysjuhla.pdf, tai soita\rtoimistoon;\n" + "ääkköset " * 30
)


@pytest.fixture(autouse=True)
def _event_pages(settings):
    settings.ROOT_URLCONF = "jarjestokartta.events.tests.urls"


def kuopio() -> Area:
    return Area.objects.get(slug="kuopio", classification=AreaKind.MUNICIPALITY)


@pytest.fixture
def varied() -> list[Event]:
    """Every shape a feed writes: a series with EXDATE, RDATE, a cancelled, a moved and an
    annotated occurrence and a change the rule no longer gives; a cancelled series; a rule
    by COUNT with its parts out of RFC order; RDATEs alone; one-off events at a place with
    long Finnish text, online without an end and postponed, by phone, hybrid, moved and
    annotated; a meeting in another zone."""
    group = WeeklyActivityFactory(
        name="Vertaisryhmä; isät, äidit ja muut läheiset – keskustelua ja tukea " * 2,
        exdates=["2026-12-01T17:00:00"],
        rdates=["2026-12-10T17:00:00", "2026-12-17T17:00:00"],
        summary="Vertaistukea, kahvia; juttuseuraa",
        description=LONG_FINNISH,
        channel=Channel.PLACE,
        place_name="Perhetalo Pöllölä",
        street_address="Kauppakatu 1, 2. krs",
        postal_code="70100",
        municipality=kuopio(),
    )
    OccurrenceChangeFactory(event=group, status=EventStatus.CANCELLED, note="Ohjaaja sairas")
    OccurrenceChangeFactory(
        event=group,
        original_start=local(2026, 11, 3, 17),
        start=local(2026, 11, 4, 18),
        status=EventStatus.RESCHEDULED,
        note="Tällä kertaa kirjastossa, Maaherrankatu 12",
    )
    OccurrenceChangeFactory(event=group, original_start=local(2026, 11, 10, 17), note="Äänestys")
    OccurrenceChangeFactory(event=group, original_start=local(2026, 11, 11, 17))  # a Wednesday
    cancelled_series = WeeklyActivityFactory(status=EventStatus.CANCELLED, agenda="Kevään asiat")
    OccurrenceChangeFactory(event=cancelled_series, note="Joka tapauksessa peruttu")
    by_count = WeeklyActivityFactory(
        rrule="BYSETPOS=1;BYDAY=TU,TH;COUNT=6;FREQ=MONTHLY;INTERVAL=2", end=None
    )
    by_dates = WeeklyActivityFactory(rrule="", rdates=["2026-11-01T12:00:00"])
    at_a_place = EventFactory(
        name="Syysjuhla, Pöllölä",
        description=LONG_FINNISH,
        channel=Channel.PLACE,
        online_url="",
        place_name="Seurantalo",
        municipality=kuopio(),
    )
    OccurrenceChangeFactory(
        event=at_a_place,
        original_start=at_a_place.start,
        start=local(2026, 12, 9, 18),
        end=None,
        status=EventStatus.RESCHEDULED,
        note="Siirretty keskiviikolle",
    )
    postponed = EventFactory(end=None, status=EventStatus.POSTPONED, summary="Aika auki")
    by_phone = EventFactory(channel=Channel.PHONE, online_url="", phone="+358 40 123 4567")
    hybrid = EventFactory(
        channel=Channel.HYBRID,
        place_name="Kirjasto",
        municipality=kuopio(),
        online_url="https://meet.example/" + "pitka-osoite-" * 8,
    )
    stockholm = MeetingFactory(timezone="Europe/Stockholm", agenda="1. Avaus\n2. Päätökset")
    events = [
        group,
        cancelled_series,
        by_count,
        by_dates,
        at_a_place,
        postponed,
        by_phone,
        hybrid,
        stockholm,
    ]
    return list(calendar.for_feed(Event.objects.filter(pk__in=[e.pk for e in events])))


def url_of(event: Event) -> str:
    return f"https://jarjestokartta.fi{event.get_absolute_url()}"


def properties(feed: bytes) -> list[tuple[str, list[tuple[str, dict, bytes]]]]:
    """Each component's name and its properties (name, parameters, value as written)."""
    found = []
    for component in icalendar.Calendar.from_ical(feed).walk():
        values = [
            (name, dict(value.params), value.to_ical())
            for name, listed in component.property_items(recursive=False)
            if name not in ("BEGIN", "END")
            for value in [component[name]]
            for value in (value if isinstance(value, list) else [value])
        ]
        found.append((component.name, sorted(values, key=repr)))
    return found


def test_it_says_what_the_icalendar_writer_said_property_by_property(varied):
    name = "Pöllölän nuorisoseura ry: toiminta ja tapahtumat, syksy; kevät"
    written = calendar.feed(varied, name=name, url_of=url_of)
    reference = icalendar_writer.feed(varied, name=name, url_of=url_of)
    assert properties(written) == properties(reference)
    vevents = [c for c in icalendar.Calendar.from_ical(written).walk("VEVENT")]
    # The group's series, its cancelled, moved and annotated occurrences (not the Wednesday
    # the rule does not give), the cancelled series and its change, seven more.
    assert len(vevents) == 4 + 2 + 7
    zones = [str(z["TZID"]) for z in icalendar.Calendar.from_ical(written).walk("VTIMEZONE")]
    assert zones == ["Europe/Helsinki", "Europe/Stockholm"]
    # Unfolded, the text is the reference's byte for byte: the same order, the same values.
    assert written.replace(b"\r\n ", b"") == reference.replace(b"\r\n ", b"")


def test_its_lines_are_crlf_and_at_most_75_octets(varied):
    written = calendar.feed(varied, name="Kalenteri", url_of=url_of)
    assert written.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in written.replace(b"\r\n", b"")
    assert b"\r" not in written.replace(b"\r\n", b"")
    lines = written.split(b"\r\n")
    assert max(len(line) for line in lines) == 75  # the long Finnish texts are folded
    vevents = icalendar.Calendar.from_ical(written).walk("VEVENT")
    description = next(c for c in vevents if c["SUMMARY"].startswith("Vertaisryhmä;"))
    assert "C:\\Tiedostot\\syysjuhla.pdf, tai soita\ntoimistoon;\n" in description["DESCRIPTION"]
    assert description["SUMMARY"].startswith("Vertaisryhmä; isät, äidit")


def test_a_regions_month_feed_is_five_queries_for_one_event_or_many(client):
    """Queries, once the texts are kept (the first feed makes them): 1 the region, 2 its
    municipalities on the day, 3 the pks and zones of at most one more than the cap of
    matching events (the stored occurrences a subquery), 4 their texts."""

    def month_feed_queries() -> tuple[int, list[str]]:
        occurrences.store(today=date(2026, 10, 1))
        params = {"region": "pohjois-savo", "start": "2026-10-01", "end": "2026-10-31"}
        made = client.get("/tapahtumat.ics", params)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/tapahtumat.ics", params)
        assert response.status_code == 200
        assert response.content == made.content
        return response.content.count(b"BEGIN:VEVENT"), [q["sql"] for q in queries]

    WeeklyActivityFactory(channel=Channel.PLACE, municipality=kuopio())
    one, few_queries = month_feed_queries()
    for _ in range(5):
        event = WeeklyActivityFactory(channel=Channel.PLACE, municipality=kuopio())
        OccurrenceChangeFactory(event=event, note="Muualla")
    EventFactory(channel=Channel.PLACE, municipality=kuopio(), start=local(2026, 10, 20, 18))
    EventFactory(start=local(2026, 10, 21, 18))  # online, by an organisation from nowhere
    many, many_queries = month_feed_queries()
    assert (one, many) == (1, 1 + 5 * 2 + 1)
    assert len(few_queries) == len(many_queries) == 4, many_queries


def test_an_api_feed_is_four_queries(client, varied):
    """Queries, once the texts are kept (the first feed makes them): 1 the data version (the
    API's cache), 2 the count of at most 2001 matches, 3 their pks and zones, 4 their texts."""
    made = client.get("/api/v1/events.ics")
    fresh = {"Cache-Control": "no-cache"}  # not the API cache's copy of the first answer
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/events.ics", headers=fresh)
    assert response.content == made.content
    assert response.status_code == 200
    assert response.content.count(b"BEGIN:VEVENT") == 13
    assert len(queries) == 4, [q["sql"] for q in queries]


def test_it_keeps_a_backslash_before_an_n_which_icalendar_made_a_line_break():
    """icalendar read a typed "\\N" as RFC 5545's escaped line break before escaping the rest,
    so "C:\\Nuoret" came out as "C:" and "uoret" on the next line; the text writer keeps it."""
    event = EventFactory(description="Kansio C:\\Nuoret\\2026")
    (loaded,) = calendar.for_feed(Event.objects.filter(pk=event.pk))
    written = icalendar.Calendar.from_ical(calendar.feed([loaded], name="K", url_of=url_of))
    assert "Kansio C:\\Nuoret\\2026" in written.walk("VEVENT")[0]["DESCRIPTION"]
    reference = icalendar.Calendar.from_ical(
        icalendar_writer.feed([loaded], name="K", url_of=url_of)
    )
    assert "Kansio C:\nuoret\\2026" in reference.walk("VEVENT")[0]["DESCRIPTION"]
