"""Expanding schedules into occurrences, and storing them ahead for the listings.

Why store them: a listing ("what happens in Kuopio this week") over 500,000 activities must be
one indexed range query, which a rule cannot be. The horizon (EVENTS_HORIZON_DAYS, 400 by
default) covers the longest range the API answers (366 days) from any day in the next month;
occurrences from EVENTS_KEEP_DAYS back (92) stay, so that last weeks can be listed too. The
stored rows are made only here, from the schedule and its OccurrenceChange rows, so that a
refresh can never lose a change made to one occurrence. Single events, organisations and
bodies expand on the fly by the same function, with no horizon.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from jarjestokartta.core.bulk import Rows, chunks
from jarjestokartta.events import recurrence
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
    if changes is None:
        changes = event.changes.all()
    changed = {change.original_start: change for change in changes}
    schedule = event.schedule()
    zone = event.zone
    # Moves reach at most a year; looking that far around catches one moved into the range.
    reach = timedelta(days=366) if any(c.start for c in changed.values()) else timedelta(0)
    starts = schedule.starts_between(event.local(first - reach), event.local(last + reach))
    found = []
    for wall_clock in starts:
        original = recurrence.aware(wall_clock, zone)
        end = schedule.end_of(wall_clock)
        occurrence = Expanded(
            event=event,
            original_start=original,
            start=original,
            end=None if end is None else recurrence.aware(end, zone),
            status=event.status,
        )
        change = changed.get(original)
        if change is not None:
            occurrence = _changed(occurrence, change)
        if first <= occurrence.start <= last:
            found.append(occurrence)
    found.sort(key=lambda item: item.start)
    return found


def _changed(occurrence: Expanded, change: OccurrenceChange) -> Expanded:
    start = change.start or occurrence.start
    if change.start and change.end is None and occurrence.end is not None:
        end: datetime | None = start + (occurrence.end - occurrence.start)
    else:
        end = change.end or occurrence.end
    # A cancelled event stays cancelled whatever one occurrence says.
    status = occurrence.status if occurrence.status == EventStatus.CANCELLED else change.status
    return Expanded(
        event=occurrence.event,
        original_start=occurrence.original_start,
        start=start,
        end=end,
        status=status,
        note=change.note,
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


def _rows(events: Iterable[Event], first: datetime, last: datetime) -> Iterator[tuple]:
    for event in events:
        area = listed_area_id(event)
        for item in expand(event, first, last):
            yield (
                event.pk,
                item.original_start,
                item.start,
                item.end,
                item.status,
                item.note,
                area,
            )


COLUMNS = ("event_id", "original_start", "start", "end", "status", "note", "area_id")


def store(event_ids: Iterable[int] | None = None, today: date | None = None) -> int:
    """Stores the occurrences of the given events (all when None) anew; the number stored.

    All or nothing per call: a listing never sees an event half stored.
    """
    first, last = window(today)
    events = Event.objects.published().select_related("organizer").prefetch_related("changes")
    stored = 0
    with transaction.atomic():
        if event_ids is None:
            Occurrence.objects.all().delete()
            selected = events.order_by("pk")
            batches: Iterable[Iterable[Event]] = _batches(selected)
        else:
            ids = list(event_ids)
            for batch in chunks(ids, 500):
                Occurrence.objects.filter(event_id__in=batch).delete()
            batches = (events.filter(pk__in=batch) for batch in chunks(ids, 500))
        rows = Rows(Occurrence, COLUMNS)
        for batch in batches:
            stored += rows.insert(_rows(batch, first, last))
    if event_ids is None and connection.vendor == "postgresql":
        # After the whole table is new, the planner's statistics are those of the old one:
        # without this the bench's listings took seconds instead of milliseconds.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE events_occurrence")
    return stored


def _batches(queryset, size: int = 2000) -> Iterator[list[Event]]:
    """The events in batches by primary key, so that memory stays flat at national scale."""
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk)[:size])
        if not batch:
            return
        yield batch
        last_pk = batch[-1].pk
