"""Expanding schedules into occurrences, and storing them ahead for the listings.

Why store them: a listing ("what happens in Kuopio this week") over 500,000 activities must be
one indexed range query, which a rule cannot be. The horizon (EVENTS_HORIZON_DAYS, 400 by
default) covers the longest range the API answers (366 days) from any day in the next month;
occurrences from EVENTS_KEEP_DAYS back (92) stay, so that last weeks can be listed too. The
stored rows are made only here, from the schedule and its OccurrenceChange rows, so that a
refresh can never lose a change made to one occurrence. Single events, organisations and
bodies expand on the fly by the same function, with no horizon.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from operator import attrgetter
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from jarjestokartta.core.bulk import Rows, among, chunks, one_of_ids, sqlite_fast_delete
from jarjestokartta.events import occurrence_indexes, recurrence
from jarjestokartta.events.choices import AT_A_PLACE, EventStatus
from jarjestokartta.events.models import Event, Occurrence, OccurrenceChange


@dataclass(frozen=True)
class Expanded:
    """One occurrence as listed: a change applied to what the schedule gives."""

    event: Event
    original_start: datetime
    start: datetime
    end: datetime | None
    status: str
    note: str = ""

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_moved(self) -> bool:
        return self.start != self.original_start


def window(today: date | None = None) -> tuple[datetime, datetime]:
    """The moments between which occurrences are stored."""
    today = today or timezone.localdate()
    zone = timezone.get_default_timezone()
    first = today - timedelta(days=settings.EVENTS_KEEP_DAYS)
    last = today + timedelta(days=settings.EVENTS_HORIZON_DAYS)
    return (
        datetime.combine(first, time.min, zone),
        datetime.combine(last, time.max, zone),
    )


# One occurrence as plain values, aware: original start, start, end, status, note.
Planned = tuple[datetime, datetime, datetime | None, str, str]
# How a wall-clock time becomes a moment in a zone; store() passes one that remembers.
Moment = Callable[[datetime, ZoneInfo], datetime]


def expand(
    event: Event,
    first: datetime,
    last: datetime,
    changes: Iterable[OccurrenceChange] | None = None,
) -> list[Expanded]:
    """The occurrences of one event that start from `first` to `last` (aware), changes applied.

    A moved occurrence counts where it moved to; one moved out of the range is not in it, one
    moved into the range from outside is. The rule is read on the event's wall-clock time.
    """
    found = [Expanded(event, *values) for values in planned(event, first, last, changes)]
    found.sort(key=attrgetter("start"))
    return found


def planned(
    event: Event,
    first: datetime,
    last: datetime,
    changes: Iterable[OccurrenceChange] | None = None,
    moment: Moment = recurrence.aware,
) -> Iterator[Planned]:
    """What expand() gives as plain values, in the order of the original starts.

    The one place where a schedule and its changes become occurrences: expand() and store()
    both read it, so the stored rows are the listed ones. No object per occurrence and no
    sorting, since store() makes 8.6 million of them at national scale.
    """
    if changes is None:
        changes = event.changes.all()
    changed = {change.original_start: change for change in changes}
    schedule = event.schedule()
    zone = event.zone
    status = event.status
    # Moves reach at most a year; looking that far around catches one moved into the range.
    reach = timedelta(days=366) if any(c.start for c in changed.values()) else timedelta(0)
    starts = schedule.starts_between(event.local(first - reach), event.local(last + reach))
    for wall_clock in starts:
        original = moment(wall_clock, zone)
        end = schedule.end_of(wall_clock)
        aware_end = None if end is None else moment(end, zone)
        change = changed.get(original) if changed else None
        if change is None:
            if first <= original <= last:
                yield original, original, aware_end, status, ""
            continue
        start, new_end, new_status, note = applied(original, aware_end, status, change)
        if first <= start <= last:
            yield original, start, new_end, new_status, note


def applied(
    start: datetime, end: datetime | None, status: str, change: OccurrenceChange
) -> tuple[datetime, datetime | None, str, str]:
    """How a change applies to the occurrence the schedule gives: start, end, status, note."""
    new_start = change.start or start
    if change.start and change.end is None and end is not None:
        new_end: datetime | None = new_start + (end - start)
    else:
        new_end = change.end or end
    # A cancelled event stays cancelled whatever one occurrence says.
    new_status = status if status == EventStatus.CANCELLED else change.status
    return new_start, new_end, new_status, change.note


def _changed(occurrence: Expanded, change: OccurrenceChange) -> Expanded:
    start, end, status, note = applied(occurrence.start, occurrence.end, occurrence.status, change)
    return Expanded(
        event=occurrence.event,
        original_start=occurrence.original_start,
        start=start,
        end=end,
        status=status,
        note=note,
    )


def next_occurrence(event: Event, after: datetime | None = None) -> Expanded | None:
    """The next occurrence that is not cancelled, looking a year ahead."""
    after = after or timezone.now()
    for occurrence in expand(event, after, after + timedelta(days=366)):
        if not occurrence.is_cancelled:
            return occurrence
    return None


def listed_area_id(event: Event) -> int | None:
    """The municipality an occurrence is listed under: the place's, or the organiser's."""
    if event.channel in AT_A_PLACE and event.municipality_id:
        return event.municipality_id
    return event.municipality_id or event.organizer.area_id


# After storing this many rows for some events, PostgreSQL's statistics are refreshed.
ANALYZE_AFTER = 100_000
COLUMNS = ("event_id", "original_start", "start", "end", "status", "note", "area_id")
MOMENTS = ("original_start", "start", "end")
# The Event's fields that storing reads: Event.schedule() and .zone, planned(), listed_area_id().
READ_FIELDS = (
    *("start", "end", "rrule", "exdates", "rdates", "timezone"),
    *("status", "channel", "municipality", "organizer"),
)


class _Moments:
    """Wall-clock times as moments, and moments as the database takes them, each worked out
    once: 41,667 events give 2.1 million datetimes but only some thousands distinct ones, and
    making one aware (datetime.replace) and adapting it cost microseconds each."""

    def __init__(self) -> None:
        self._aware: dict[tuple[datetime, ZoneInfo], datetime] = {}
        self._stored: dict[datetime | None, object] = {None: None}
        self._adapt = connection.ops.adapt_datetimefield_value

    def aware(self, wall_clock: datetime, zone: ZoneInfo) -> datetime:
        key = (wall_clock, zone)
        try:
            return self._aware[key]
        except KeyError:
            self._aware[key] = moment = recurrence.aware(wall_clock, zone)
            return moment

    def stored(self, moment: datetime | None) -> object:
        """As Django writes a DateTimeField: on SQLite UTC text, on PostgreSQL the moment."""
        try:
            return self._stored[moment]
        except KeyError:
            self._stored[moment] = value = self._adapt(moment)
            return value


def _rows(
    events: Iterable[Event], first: datetime, last: datetime, moments: _Moments
) -> Iterator[tuple[object, ...]]:
    events = list(events)
    changes = _changes_of([event.pk for event in events])
    stored = moments.stored
    for event in events:
        pk, area = event.pk, listed_area_id(event)
        for original, start, end, status, note in planned(
            event, first, last, changes.get(pk, ()), moments.aware
        ):
            yield (pk, stored(original), stored(start), stored(end), status, note, area)


def _changes_of(event_ids: list[int]) -> dict[int, list[OccurrenceChange]]:
    """The changes of these sorted events in one query, by event: prefetch_related("changes")
    made a queryset for each of the events, of which 2 % have a change (13 s of a profile)."""
    found: dict[int, list[OccurrenceChange]] = defaultdict(list)
    for change in OccurrenceChange.objects.filter(among("event_id", event_ids)).order_by():
        found[change.event_id].append(change)
    return found


def store(event_ids: Iterable[int] | None = None, today: date | None = None) -> int:
    """Stores the occurrences of the given events (all when None) anew; the number stored.

    All or nothing per call: a listing never sees an event half stored.
    """
    first, last = window(today)
    # Only what planned() and listed_area_id() read: the whole rows of the events and their
    # organisers cost more to convert than the expanding (the query count is pinned in tests,
    # so a field read later from a deferred one would show there).
    events = (
        Event.objects.published().select_related("organizer").only(*READ_FIELDS, "organizer__area")
    )
    rows = Rows(Occurrence, COLUMNS, prepared=MOMENTS)
    moments = _Moments()
    stored = 0
    with transaction.atomic(), sqlite_fast_delete():
        if event_ids is None:
            _delete_all()
            batches: Iterable[Iterable[Event]] = _batches(events.order_by("pk"))
        else:
            ids = sorted(set(event_ids))
            _delete_of(ids)
            batches = (events.filter(among("pk", batch)) for batch in chunks(ids))
        # Into an empty table (the whole table anew, or a first import) the indexes are made
        # once at the end; into a full one they are kept, as remaking them would cost more.
        into_empty = event_ids is None or not Occurrence.objects.exists()
        with occurrence_indexes.set_aside() if into_empty else nullcontext():
            for batch in batches:
                stored += rows.insert(_rows(batch, first, last, moments))
    if connection.vendor == "postgresql" and (event_ids is None or stored >= ANALYZE_AFTER):
        # After the whole table is new, or a large import's share of it, the planner's
        # statistics are those of the old one: without this the bench's listings took seconds
        # instead of milliseconds (over 10 s after a national import).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE events_occurrence")
    return stored


# Written as SQL: the ORM's delete() first collects the rows it deletes (21 s of a profile
# for the 10,000-organisation file), and an Occurrence has nothing that depends on it and no
# signals to send.
def _table() -> str:
    return connection.ops.quote_name(Occurrence._meta.db_table)


def _delete_all() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_table()}")


def _delete_of(ids: list[int]) -> None:
    """The stored occurrences of these sorted event ids, a chunk at a time."""
    column = connection.ops.quote_name(Occurrence._meta.get_field("event").column)
    with connection.cursor() as cursor:
        for batch in chunks(ids):
            where, params = one_of_ids(column, batch)
            cursor.execute(f"DELETE FROM {_table()} WHERE {where}", params)


def _batches(queryset, size: int = 2000) -> Iterator[list[Event]]:
    """The events in batches by primary key, so that memory stays flat at national scale."""
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk)[:size])
        if not batch:
            return
        yield batch
        last_pk = batch[-1].pk
