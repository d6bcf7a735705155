"""Storing occurrences in bulk: the rows are the ones expand() lists, as Django writes them."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jarjestokartta.core.bulk import Rows
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.events import occurrences
from jarjestokartta.events.choices import Channel, EventStatus
from jarjestokartta.events.models import Event, Occurrence
from jarjestokartta.events.tests.factories import (
    EventFactory,
    OccurrenceChangeFactory,
    WeeklyActivityFactory,
    local,
)
from jarjestokartta.geography.models import Area

pytestmark = pytest.mark.django_db
TODAY = date(2026, 10, 1)  # the window: 2026-07-01 … 2027-11-05


def _stored(event: Event) -> list[tuple]:
    return list(
        Occurrence.objects.filter(event=event)
        .order_by("original_start")
        .values_list("original_start", "start", "end", "status", "note")
    )


def _expanded(event: Event) -> list[tuple]:
    found = occurrences.expand(event, *occurrences.window(TODAY))
    return sorted(
        (item.original_start, item.start, item.end, item.status, item.note) for item in found
    )


def _group_with_every_kind_of_change() -> Event:
    """From June, before the window, to December: moved in, out, within; cancelled; noted."""
    group = WeeklyActivityFactory(start=local(2026, 6, 2, 17), end=local(2026, 6, 2, 19))
    changes = [
        (local(2026, 6, 16, 17), EventStatus.RESCHEDULED, local(2026, 7, 7, 12), "Kesällä"),
        (local(2026, 10, 13, 17), EventStatus.CANCELLED, None, "Syysloma"),
        (local(2026, 10, 20, 17), EventStatus.RESCHEDULED, local(2026, 10, 21, 18), ""),
        (local(2026, 12, 15, 17), EventStatus.POSTPONED, local(2027, 12, 1, 17), ""),
        (local(2026, 11, 3, 17), EventStatus.SCHEDULED, None, "Kirjastossa tällä kertaa"),
    ]
    for original, status, start, note in changes:
        OccurrenceChangeFactory(
            event=group, original_start=original, status=status, start=start, note=note
        )
    return group


def test_it_stores_the_rows_expand_lists_with_every_kind_of_change():
    group = _group_with_every_kind_of_change()
    occurrences.store(today=TODAY)
    stored = _stored(group)
    assert stored == _expanded(group)
    starts = {row[0]: row[1] for row in stored}
    assert starts[local(2026, 6, 16, 17)] == local(2026, 7, 7, 12)  # moved into the window
    assert local(2026, 12, 15, 17) not in starts  # moved out of it, past the horizon
    assert local(2026, 6, 9, 17) not in starts  # before the window
    noted = next(row for row in stored if row[0] == local(2026, 11, 3, 17))
    assert noted[3:] == (EventStatus.SCHEDULED, "Kirjastossa tällä kertaa")


def test_it_stores_the_same_rows_for_a_list_of_events_as_for_all():
    group = _group_with_every_kind_of_change()
    occurrences.store([group.pk], today=TODAY)
    one_by_one = _stored(group)
    occurrences.store(today=TODAY)
    assert _stored(group) == one_by_one == _expanded(group)


def test_it_keeps_a_cancelled_event_cancelled_in_every_stored_occurrence():
    group = WeeklyActivityFactory(status=EventStatus.CANCELLED)
    OccurrenceChangeFactory(
        event=group,
        original_start=local(2026, 10, 20, 17),
        status=EventStatus.RESCHEDULED,
        start=local(2026, 10, 22, 17),
    )
    occurrences.store([group.pk], today=TODAY)
    assert _stored(group) == _expanded(group)
    assert {row[3] for row in _stored(group)} == {EventStatus.CANCELLED}


def test_it_stores_an_event_without_an_end_and_one_in_another_zone():
    open_ended = EventFactory(end=None)
    stockholm = WeeklyActivityFactory(timezone="Europe/Stockholm")
    occurrences.store(today=TODAY)
    assert (
        _stored(open_ended)
        == _expanded(open_ended)
        == [(local(2026, 12, 8, 17), local(2026, 12, 8, 17), None, EventStatus.SCHEDULED, "")]
    )
    assert _stored(stockholm) == _expanded(stockholm)
    assert len(_stored(stockholm)) == 11


def test_it_writes_the_moments_as_django_writes_them():
    """The raw column values equal those of an Occurrence saved through the ORM."""
    group = WeeklyActivityFactory(end=local(2026, 10, 6, 18, 30, 0, 250000))
    occurrences.store([group.pk], today=TODAY)
    stored = Occurrence.objects.filter(event=group).order_by("original_start").first()
    orms = Occurrence.objects.create(
        event=EventFactory(),
        original_start=stored.original_start,
        start=stored.start,
        end=stored.end,
        status=stored.status,
    )
    with connection.cursor() as cursor:
        cursor.execute(
            'SELECT original_start, start, "end" FROM events_occurrence WHERE id IN (%s, %s) '
            "ORDER BY id",
            [stored.pk, orms.pk],
        )
        ours, orms = cursor.fetchall()
    assert ours == orms
    assert stored.end - stored.start == timedelta(hours=1, minutes=30, microseconds=250000)


def test_it_stores_a_subset_anew_and_keeps_the_other_events_rows():
    kept, changed = WeeklyActivityFactory(), WeeklyActivityFactory()
    occurrences.store(today=TODAY)
    kept_rows = _stored(kept)
    changed.rrule = "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261031T235959"
    Event.objects.filter(pk=changed.pk).update(rrule=changed.rrule)  # no signal: store by hand
    assert occurrences.store([changed.pk, changed.pk], today=TODAY) == 4
    assert len(_stored(changed)) == 4
    assert _stored(kept) == kept_rows
    assert Occurrence.objects.count() == 4 + len(kept_rows)


def test_it_removes_the_rows_of_an_event_no_longer_published_on_a_full_store():
    shown, hidden = WeeklyActivityFactory(), WeeklyActivityFactory()
    occurrences.store(today=TODAY)
    Event.objects.filter(pk=hidden.pk).update(is_published=False)
    assert occurrences.store(today=TODAY) == len(_stored(shown)) == 11
    assert not Occurrence.objects.filter(event=hidden).exists()


def test_it_lists_an_event_under_its_place_or_else_its_organisers_area():
    kuopio = Area.objects.get(classification="municipality", code="297")
    siilinjarvi = Area.objects.get(classification="municipality", code="749")
    organizer = OrganizationFactory(area=kuopio)
    online = EventFactory(organizer=organizer, channel=Channel.ONLINE)
    at_a_place = EventFactory(organizer=organizer, channel=Channel.PLACE, municipality=siilinjarvi)
    occurrences.store([online.pk, at_a_place.pk], today=TODAY)
    assert Occurrence.objects.get(event=online).area == kuopio
    assert Occurrence.objects.get(event=at_a_place).area == siilinjarvi


def test_it_refuses_prepared_fields_that_are_not_given():
    with pytest.raises(ValueError, match="prepared"):
        Rows(Occurrence, ["event_id", "start"], prepared=["end"])


def _indexes() -> set[tuple[str, ...]]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Occurrence._meta.db_table)
    return {tuple(item["columns"]) for item in found.values() if item["index"]}


def test_it_has_the_lookup_indexes_again_after_storing_the_whole_table():
    WeeklyActivityFactory()
    before = _indexes()
    declared = {
        tuple(Occurrence._meta.get_field(name).column for name in index.fields)
        for index in Occurrence._meta.indexes
    }
    assert declared <= before
    occurrences.store(today=TODAY)
    assert _indexes() == before


def test_it_keeps_the_old_rows_and_the_indexes_when_storing_fails(monkeypatch):
    group = WeeklyActivityFactory()
    occurrences.store(today=TODAY)
    rows, before = _stored(group), _indexes()

    def broken(*args, **kwargs):
        raise RuntimeError("the schedule cannot be read")
        yield

    monkeypatch.setattr(occurrences, "planned", broken)
    with pytest.raises(RuntimeError):
        occurrences.store(today=TODAY)
    assert _stored(group) == rows
    assert _indexes() == before


def test_it_stores_many_events_in_a_fixed_number_of_queries(django_assert_num_queries):
    """Whatever the number of events and changes, storing a list of them into the empty table
    asks for: the savepoint and its release; the delete of their rows; whether any rows are
    left; the events with their organisers; their changes. On SQLite also the insert (COPY on
    PostgreSQL goes past Django's query log), secure_delete read, set and set back, and the
    lookup indexes dropped and made again."""
    events = [_group_with_every_kind_of_change() for _ in range(3)] + [EventFactory()]
    lookups = len(Occurrence._meta.indexes)
    sqlite_only = 1 + 3 + 2 * lookups if connection.vendor == "sqlite" else 0
    with django_assert_num_queries(6 + sqlite_only):
        occurrences.store([event.pk for event in events], today=TODAY)
    assert [_stored(event) for event in events] == [_expanded(event) for event in events]


def test_a_large_store_for_some_events_refreshes_the_planners_statistics(monkeypatch):
    """On PostgreSQL only: a listing after a national import took over 10 s on the statistics
    of the empty table."""
    monkeypatch.setattr(occurrences, "ANALYZE_AFTER", 10)
    group = WeeklyActivityFactory()
    with CaptureQueriesContext(connection) as queries:
        stored = occurrences.store([group.pk], today=TODAY)
    analyzed = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("ANALYZE")]
    assert stored > 10
    assert analyzed == (["ANALYZE events_occurrence"] if connection.vendor == "postgresql" else [])
    monkeypatch.setattr(occurrences, "ANALYZE_AFTER", stored + 1)
    with CaptureQueriesContext(connection) as queries:
        occurrences.store([group.pk], today=TODAY)
    assert not [q for q in queries.captured_queries if q["sql"].startswith("ANALYZE")]
