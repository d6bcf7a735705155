from datetime import datetime
from zoneinfo import ZoneInfo

import factory

from jarjestokartta.directory.tests.factories import BodyFactory, OrganizationFactory
from jarjestokartta.events.choices import Channel, EventKind
from jarjestokartta.events.models import Event, OccurrenceChange

HELSINKI = ZoneInfo("Europe/Helsinki")


def local(*parts: int) -> datetime:
    """A Finnish wall-clock time as an aware datetime: local(2026, 10, 6, 17)."""
    return datetime(*parts, tzinfo=HELSINKI)


class EventFactory(factory.django.DjangoModelFactory):
    """A one-off event online, so that it needs no municipality."""

    class Meta:
        model = Event

    name = factory.Sequence(lambda n: f"Tapahtuma {n}")
    slug = factory.Sequence(lambda n: f"tapahtuma-{n}")
    popolo_id = factory.Sequence(lambda n: f"event-{n}")
    kind = EventKind.EVENT
    organizer = factory.SubFactory(OrganizationFactory)
    channel = Channel.ONLINE
    online_url = "https://example.org/tapahtuma"
    start = local(2026, 12, 8, 17)
    end = local(2026, 12, 8, 19)


class WeeklyActivityFactory(EventFactory):
    """A peer-support group on Tuesdays at 17–19 from the autumn season's start."""

    name = factory.Sequence(lambda n: f"Vertaisryhmä {n}")
    slug = factory.Sequence(lambda n: f"vertaisryhma-{n}")
    kind = EventKind.ACTIVITY
    start = local(2026, 10, 6, 17)
    end = local(2026, 10, 6, 19)
    rrule = "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T235959"


class MeetingFactory(EventFactory):
    name = factory.Sequence(lambda n: f"Verkoston kokous {n}")
    slug = factory.Sequence(lambda n: f"kokous-{n}")
    kind = EventKind.MEETING
    body = factory.SubFactory(BodyFactory)
    organizer = factory.SelfAttribute("body")


class OccurrenceChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OccurrenceChange

    event = factory.SubFactory(WeeklyActivityFactory)
    original_start = local(2026, 10, 13, 17)
