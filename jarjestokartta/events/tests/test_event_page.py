import json
import re

import pytest

from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.events.choices import Channel, EventStatus, Registration
from jarjestokartta.events.tests.factories import (
    EventFactory,
    MeetingFactory,
    OccurrenceChangeFactory,
    WeeklyActivityFactory,
    local,
)
from jarjestokartta.geography.models import Area, AreaKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _autumn_day(monkeypatch):
    """The pages count "coming" from now; the factories' events are in the autumn of 2026."""
    monkeypatch.setattr("django.utils.timezone.now", lambda: local(2026, 10, 1, 12))


@pytest.fixture
def kuopio():
    return Area.objects.get(slug="kuopio", classification=AreaKind.MUNICIPALITY)


def page(client, event) -> str:
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def json_ld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))


def test_it_shows_a_recurring_activity_s_rhythm_and_next_time(client):
    html = page(client, WeeklyActivityFactory(name="Perhekahvila"))
    assert "Tiistaisin klo 17–19, 15.12.2026 asti, seuraavan kerran ti 6.10.2026" in text_of(html)
    assert "<h1>Perhekahvila</h1>" in html


def test_it_lists_the_coming_times_with_cancelled_struck_through_and_moved_with_their_note(client):
    activity = WeeklyActivityFactory()
    OccurrenceChangeFactory(
        event=activity, original_start=local(2026, 10, 6, 17), status=EventStatus.CANCELLED
    )
    OccurrenceChangeFactory(
        event=activity,
        original_start=local(2026, 10, 13, 17),
        status=EventStatus.RESCHEDULED,
        start=local(2026, 10, 14, 18),
        note="Kirjaston Kuusi-salissa",
    )
    html = page(client, activity)
    times = html.split('<ul class="occurrences">')[1].split("</ul>")[0]
    assert "<del>ti 6.10.2026 klo 17–19</del> <strong>Peruttu</strong>" in times
    assert (
        "<del>ti 13.10.2026 klo 17–19</del> siirretty <strong>ke 14.10.2026 klo 18–20</strong>"
        in times
    )
    assert "Kirjaston Kuusi-salissa" in times
    assert times.count("<li>") == 10
    assert "seuraavan kerran ke 14.10.2026" in text_of(html)


def test_it_shows_where_who_and_how_to_take_part(client, kuopio):
    host, partner = OrganizationFactory(name="MLL Kuopio"), OrganizationFactory(name="Perhetalo ry")
    event = EventFactory(
        organizer=host,
        channel=Channel.HYBRID,
        place_name="Perhetalo",
        street_address="Kauppakatu 1",
        postal_code="70100",
        municipality=kuopio,
        online_url="https://meet.example.org/x",
        is_free=False,
        price="5 €",
        registration=Registration.REQUIRED,
        registration_email="ilmo@example.org",
        capacity=20,
        age_min=0,
        age_max=6,
        languages=["fi", "sv"],
        accessibility=["step_free", "induction_loop"],
        accessibility_note="Sisäänkäynti pihan puolelta.",
        last_verified="2026-09-01",
        image_url="https://example.org/kuva.jpg",
        image_alt="Lapsia leikkimässä",
    )
    event.co_organizers.add(partner)
    text = text_of(html := page(client, event))
    assert "Perhetalo, Kauppakatu 1, 70100 Kuopio" in text
    assert 'href="https://meet.example.org/x"' in html
    assert f'href="/jarjestot/{host.slug}/">MLL Kuopio' in html
    assert f'href="/jarjestot/{partner.slug}/">Perhetalo ry' in html
    assert "5 €" in text and "Ilmoittautuminen vaaditaan" in text
    assert 'href="mailto:ilmo@example.org"' in html
    assert "0–6 vuotta" in text and "suomi, ruotsi" in text
    assert "Esteetön kulku" in text and "Induktiosilmukka" in text
    assert "Sisäänkäynti pihan puolelta." in text
    assert 'alt="Lapsia leikkimässä"' in html
    assert "Tarkistettu viimeksi 1.9.2026" in text


def test_a_meeting_links_its_body_and_shows_its_agenda(client):
    meeting = MeetingFactory(agenda="1. Toimintasuunnitelma")
    html = page(client, meeting)
    assert f'href="/jarjestot/{meeting.body.slug}/">{meeting.body.name}' in html
    assert "1. Toimintasuunnitelma" in html


def test_a_cancelled_event_says_so_at_the_top(client):
    html = page(client, EventFactory(status=EventStatus.CANCELLED))
    assert 'class="notice status-cancelled" role="status"><strong>Peruttu.' in html


def test_an_umbrella_event_lists_its_parts_and_a_part_links_its_umbrella(client):
    week = EventFactory(name="Järjestöviikko")
    part = EventFactory(name="Avoimet ovet", super_event=week)
    EventFactory(name="Luonnos", super_event=week, is_published=False)
    html = page(client, week)
    assert f'href="{part.get_absolute_url()}">Avoimet ovet' in html and "Luonnos" not in html
    assert f'href="{week.get_absolute_url()}">Järjestöviikko' in page(client, part)


def test_a_draft_is_a_404(client):
    draft = EventFactory(is_published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get("/tapahtumat/ei-ole/").status_code == 404


def test_a_one_off_s_json_ld_is_an_event(client, kuopio):
    event = EventFactory(
        channel=Channel.PLACE,
        place_name="Perhetalo",
        municipality=kuopio,
        postal_code="70100",
        online_url="",
        is_free=False,
        price="5 €",
        languages=["fi"],
    )
    data = json_ld(page(client, event))
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-12-08T17:00+02:00"
    assert data["endDate"] == "2026-12-08T19:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Kuopio"
    assert data["location"]["address"]["postalCode"] == "70100"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": event.organizer.name,
        "url": f"http://testserver/jarjestot/{event.organizer.slug}/",
    }
    assert data["isAccessibleForFree"] is False
    assert data["offers"] == {"@type": "Offer", "description": "5 €"}
    assert data["inLanguage"] == ["fi"]


def test_a_recurring_one_s_json_ld_is_an_event_series_with_its_schedule(client):
    data = json_ld(page(client, WeeklyActivityFactory(status=EventStatus.CANCELLED)))
    assert data["@type"] == "EventSeries"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/tapahtuma"}
    assert data["isAccessibleForFree"] is True and "offers" not in data
    assert data["eventSchedule"] == {
        "@type": "Schedule",
        "repeatFrequency": "P1W",
        "byDay": ["https://schema.org/Tuesday"],
        "startDate": "2026-10-06",
        "endDate": "2026-12-15",
        "startTime": "17:00",
        "endTime": "19:00",
        "scheduleTimezone": "Europe/Helsinki",
    }


def test_markup_in_the_name_or_description_stays_text(client):
    attack = '</script><script>alert(1)</script><b onmouseover="x">'
    html = page(client, EventFactory(name=attack, summary=attack, description=attack))
    assert "<script>alert(1)" not in html
    assert "<b onmouseover" not in html
    assert json_ld(html)["name"] == attack


def test_the_page_query_count_is_pinned(client, django_assert_num_queries):
    """1 the event with organiser, body, municipality and umbrella; 2 co-organisers;
    3 changes; 4 themes; 5 target groups; 6 sub-events."""
    activity = WeeklyActivityFactory()
    OccurrenceChangeFactory(event=activity)
    with django_assert_num_queries(6):
        client.get(activity.get_absolute_url())
