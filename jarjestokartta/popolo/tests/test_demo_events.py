"""The demo's meetings follow the rhythms of the seeds, and its occurrences are stored."""

from datetime import date, datetime, time
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from jarjestokartta.directory.models import Organization
from jarjestokartta.events import occurrences
from jarjestokartta.events.models import Event, Occurrence

pytestmark = pytest.mark.django_db
YEAR_2027 = (
    datetime.combine(date(2027, 1, 1), time.min, timezone.get_default_timezone()),
    datetime.combine(date(2027, 12, 31), time.max, timezone.get_default_timezone()),
)
# Meetings a year, as the seeds give them (meeting_frequency of each body).
RHYTHMS = {
    "jane": (6, 6),
    "pohjois-karjalan-jarjestojen-kumppanuuspoyta": (4, 6),
    "pohjois-karjalan-jarjestofoorumit": (2, 4),
    "perheentalojen-yhteisollisen-kehittamisen-verkosto": (4, 4),
}


def _meetings_in_2027(body: Organization) -> int:
    return sum(len(occurrences.expand(event, *YEAR_2027)) for event in body.meetings.all())


def test_it_loads_the_meetings_of_the_bodies_in_the_rhythm_of_the_seeds():
    call_command("load_demo", stdout=StringIO())
    for body_id, (least, most) in RHYTHMS.items():
        body = Organization.objects.get(popolo_id=body_id)
        assert least <= _meetings_in_2027(body) <= most, body_id
    forums = Organization.objects.filter(popolo_id__endswith="-jarjestojen-yhteistyofoorumi")
    assert forums.count() == 18
    for forum in forums:
        assert _meetings_in_2027(forum) >= 1, forum.popolo_id


def test_it_marks_invented_times_and_activities_as_examples():
    call_command("load_demo", stdout=StringIO())
    assert Event.objects.filter(kind="meeting").count() == 22
    for event in Event.objects.all():
        assert event.description.startswith("Esimerkki"), event.popolo_id
    activities = Event.objects.exclude(kind="meeting")
    assert {event.name.split(":")[0] for event in activities} == {"Esimerkki"}


def test_it_stores_upcoming_occurrences_so_that_the_listing_is_not_empty():
    call_command("load_demo", stdout=StringIO())
    upcoming = Occurrence.objects.filter(start__gte=timezone.now())
    assert upcoming.filter(event__kind="meeting").exists()
    assert upcoming.filter(event__popolo_id="esimerkki-perhekahvila-kuopio").count() > 10
