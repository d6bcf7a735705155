"""Reads for the pages of other apps: an organisation's activities and events, a body's
meetings, and what happens in an area this week. Each is a fixed number of queries, whatever
the number of events: the events, and their occurrence changes in one prefetch."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from jarjestokartta.events import when
from jarjestokartta.events.choices import EventKind
from jarjestokartta.events.models import Event, Occurrence
from jarjestokartta.events.occurrences import Expanded, expand

# A body's page shows its meetings of the past year and the next (issue 14: "Kokoukset").
MEETINGS_REACH = timedelta(days=365)


@dataclass(frozen=True)
class Activity:
    """A recurring activity with its rhythm and next time."""

    event: Event
    rhythm: str
    next_date: str


@dataclass
class Offered:
    """What an organisation arranges, as its page lists it."""

    activities: list[Activity] = field(default_factory=list)
    events: list[when.Listed] = field(default_factory=list)


def offered_by(org_id: int, now: datetime | None = None) -> Offered:
    """The organisation's recurring activities that still have times coming, and its coming
    one-off events (as organiser or co-organiser); a body's meetings are listed apart.

    Queries: 1 the events, 2 their occurrence changes.
    """
    now = now or timezone.now()
    # The organiser's events and the co-organised ones as one union of ids, each part on its
    # own index. A join with OR and DISTINCT read every event (nationally, 500,000: the page
    # took 184 ms on SQLite); OR with an IN subquery still made PostgreSQL scan them all
    # (141 ms); the union takes 2 ms on PostgreSQL and keeps the page at 27 ms on SQLite.
    own = Event.objects.filter(organizer_id=org_id).order_by().values("pk")
    co_organized = (
        Event.co_organizers.through.objects.filter(organization_id=org_id)
        .order_by()
        .values("event_id")
    )
    events = (
        Event.objects.published()
        .filter(pk__in=own.union(co_organized))
        .exclude(kind=EventKind.MEETING)
        .order_by("name")
        .prefetch_related("changes")
    )
    offered = Offered()
    for event in events:
        coming = [item for item in expand(event, now, now + when.AHEAD) if not item.is_cancelled]
        if not coming:
            continue
        if event.is_recurring:
            next_date = when.next_date(coming[0])
            offered.activities.append(
                Activity(event=event, rhythm=when.rhythm(event), next_date=next_date)
            )
        else:
            offered.events.extend(when.listed(item) for item in coming)
    offered.events.sort(key=lambda item: item.occurrence.start)
    return offered


@dataclass(frozen=True)
class Meetings:
    coming: list[when.Listed]
    past: list[when.Listed]


def meetings_of(body_id: int, now: datetime | None = None) -> Meetings:
    """A body's meetings of the past year (latest first) and the next year, expanded on the fly.

    Queries: 1 the meetings, 2 their occurrence changes.
    """
    now = now or timezone.now()
    meetings = Event.objects.published().filter(body_id=body_id).prefetch_related("changes")
    found: list[Expanded] = []
    for meeting in meetings:
        found.extend(expand(meeting, now - MEETINGS_REACH, now + MEETINGS_REACH))
    found.sort(key=lambda item: item.start)
    return Meetings(
        coming=[when.listed(item) for item in found if item.start >= now],
        past=[when.listed(item) for item in reversed(found) if item.start < now],
    )


def this_week(area_ids: list[int], today: date | None = None) -> list[Occurrence]:
    """The stored occurrences in the areas from today to the week's Sunday, in time order.

    Queries: 1 the occurrences with their events.
    """
    today = today or timezone.localdate()
    zone = timezone.get_default_timezone()
    first = datetime.combine(today, time.min, zone)
    last = datetime.combine(today + timedelta(days=6 - today.weekday()), time.max, zone)
    return list(
        Occurrence.objects.filter(
            area_id__in=area_ids, start__gte=first, start__lte=last, event__is_published=True
        )
        .select_related("event")
        .order_by("start", "event__name")
    )
