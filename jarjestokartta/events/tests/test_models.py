"""What the database enforces, and the occurrences stored for the listings."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from jarjestokartta.directory.models import OrganizationKind
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.events import occurrences
from jarjestokartta.events.choices import Channel, EventKind, EventStatus
from jarjestokartta.events.fields import has_code
from jarjestokartta.events.models import Event, Occurrence
from jarjestokartta.events.tests.factories import (
    EventFactory,
    MeetingFactory,
    OccurrenceChangeFactory,
    WeeklyActivityFactory,
    local,
)

pytestmark = pytest.mark.django_db(transaction=True)
TODAY = date(2026, 10, 1)


def _refused(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(**fields)


def test_it_refuses_an_end_before_the_start():
    _refused(start=local(2026, 12, 8, 19), end=local(2026, 12, 8, 17))


def test_it_refuses_unknown_kinds_and_statuses():
    _refused(kind="party")
    _refused(status="maybe")


def test_it_refuses_a_meeting_without_a_body_and_a_body_on_an_event():
    _refused(kind=EventKind.MEETING)
    _refused(body=OrganizationFactory(classification=OrganizationKind.FORUM))


def test_it_refuses_a_meeting_of_an_association():
    association = OrganizationFactory(classification=OrganizationKind.ASSOCIATION)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(body=association, organizer=association)


def test_it_refuses_turning_a_body_with_meetings_into_an_association():
    meeting = MeetingFactory()
    meeting.body.classification = OrganizationKind.ASSOCIATION
    with pytest.raises(IntegrityError), transaction.atomic():
        meeting.body.save()


def test_it_refuses_a_place_without_a_municipality_and_online_without_a_link():
    _refused(channel=Channel.PLACE, online_url="")
    _refused(channel=Channel.ONLINE, online_url="")
    _refused(channel=Channel.PHONE, phone="")


def test_it_refuses_a_price_on_a_free_event_and_an_image_without_alt_text():
    _refused(is_free=True, price="5 €")
    _refused(image_url="https://example.org/kuva.jpg", image_alt="")


def test_it_stores_and_finds_a_code_list():
    event = EventFactory(languages=["fi", "sv"], accessibility=["step_free"])
    event.refresh_from_db()
    assert event.languages == ["fi", "sv"]
    assert Event.objects.filter(has_code("languages", "sv")).get() == event
    assert not Event.objects.filter(has_code("languages", "s")).exists()


def test_it_grows_the_sequence_with_each_change():
    event = EventFactory()
    event.name = "Uusi nimi"
    event.save()
    OccurrenceChangeFactory(event=event, original_start=event.start, note="Eri sali")
    event.refresh_from_db()
    assert event.sequence == 2


def test_it_stores_the_occurrences_of_a_saved_event_on_wall_clock_time(settings):
    event = WeeklyActivityFactory()
    occurrences.store([event.pk], today=TODAY)
    starts = list(Occurrence.objects.filter(event=event).values_list("start", flat=True))
    assert len(starts) == 11
    assert {start.astimezone(local(2026, 1, 1).tzinfo).hour for start in starts} == {17}


def test_it_applies_a_cancelled_and_a_moved_occurrence_and_keeps_them_on_refresh():
    event = WeeklyActivityFactory()
    OccurrenceChangeFactory(
        event=event, original_start=local(2026, 10, 13, 17), status=EventStatus.CANCELLED
    )
    OccurrenceChangeFactory(
        event=event,
        original_start=local(2026, 10, 20, 17),
        status=EventStatus.RESCHEDULED,
        start=local(2026, 10, 21, 18),
    )
    for _ in range(2):
        occurrences.store(today=TODAY)
    cancelled = Occurrence.objects.get(event=event, original_start=local(2026, 10, 13, 17))
    moved = Occurrence.objects.get(event=event, original_start=local(2026, 10, 20, 17))
    assert cancelled.is_cancelled
    assert (moved.start, moved.end) == (local(2026, 10, 21, 18), local(2026, 10, 21, 20))


def test_it_stores_no_occurrences_for_a_draft():
    event = WeeklyActivityFactory(is_published=False)
    assert occurrences.store([event.pk], today=TODAY) == 0
