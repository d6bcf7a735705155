"""The feed as it was written through icalendar's objects before events/calendar.py wrote the
text itself: the reference that test_calendar_text.py compares the new writer with. Only
the building is here; what both share (uid, location_of, utc_until, the description) comes
from events/calendar.py, so a change there shows in both."""

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

import icalendar

from jarjestokartta.events import calendar, recurrence
from jarjestokartta.events.models import Event, OccurrenceChange


def feed(events: Iterable[Event], *, name: str, url_of: Callable[[Event], str]) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", calendar.PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", recurrence.HELSINKI.key)
    zones: set[str] = set()
    components = []
    for event in events:
        zones.add(event.timezone)
        components.extend(vevents(event, url_of(event)))
    for zone_name in sorted(zones):
        cal.add_component(calendar.vtimezone(zone_name))
    for component in components:
        cal.add_component(component)
    return cal.to_ical()


def vevents(event: Event, url: str) -> list[icalendar.Event]:
    schedule = event.schedule()
    changes = list(event.changes.all())
    if not schedule.is_recurring:
        own = next((c for c in changes if c.original_start == event.start), None)
        return [_single(event, url, own)]
    main = _base(event, url, event.modified)
    main.add("dtstart", _wall(event, event.start))
    if event.end is not None:
        main.add("dtend", _wall(event, event.end))
    main.add("status", calendar.STATUSES[event.status])
    main.add("description", calendar._describe(event, url))
    if event.rrule:
        rule = calendar.utc_until(event.rrule, event.zone)
        main.add("rrule", icalendar.vRecur.from_ical(rule))
    if schedule.exdates:
        main.add("exdate", [d.replace(tzinfo=event.zone) for d in schedule.exdates])
    if schedule.rdates:
        main.add("rdate", [d.replace(tzinfo=event.zone) for d in schedule.rdates])
    found = [main]
    for change in changes:
        wall_clock = event.local(change.original_start)
        if schedule.starts_between(wall_clock, wall_clock):
            found.append(_override(event, url, change))
    return found


def _wall(event: Event, moment: datetime) -> datetime:
    return event.local(moment).replace(tzinfo=event.zone)


def _base(event: Event, url: str, modified: datetime) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", calendar.uid(event))
    component.add("dtstamp", modified.astimezone(UTC))
    component.add("last-modified", modified.astimezone(UTC))
    component.add("sequence", event.sequence)
    component.add("summary", event.name)
    component.add("url", url)
    location = calendar.location_of(event)
    if location:
        component.add("location", location)
    return component


def _single(event: Event, url: str, change: OccurrenceChange | None) -> icalendar.Event:
    occurrence = calendar._occurrence(event, change) if change else None
    modified = max(event.modified, change.modified) if change else event.modified
    component = _base(event, url, modified)
    start = occurrence.start if occurrence else event.start
    end = occurrence.end if occurrence else event.end
    component.add("dtstart", _wall(event, start))
    if end is not None:
        component.add("dtend", _wall(event, end))
    status = occurrence.status if occurrence else event.status
    component.add("status", calendar.STATUSES[status])
    note = occurrence.note if occurrence else ""
    component.add("description", calendar._describe(event, url, note))
    return component


def _override(event: Event, url: str, change: OccurrenceChange) -> icalendar.Event:
    occurrence = calendar._occurrence(event, change)
    component = _base(event, url, max(event.modified, change.modified))
    component.add("recurrence-id", _wall(event, change.original_start))
    component.add("dtstart", _wall(event, occurrence.start))
    if occurrence.end is not None:
        component.add("dtend", _wall(event, occurrence.end))
    component.add("status", calendar.STATUSES[occurrence.status])
    component.add("description", calendar._describe(event, url, occurrence.note))
    return component
