"""Activities and events as iCalendar (RFC 5545), for calendar apps to subscribe to.

A recurring activity is one VEVENT with its RRULE, EXDATE and RDATE on the wall-clock time of
its zone (DTSTART;TZID=Europe/Helsinki, with the zone's VTIMEZONE), so that a calendar app
expands it as we do: 17:00 on both sides of a daylight-saving change. Each occurrence cancelled,
moved or annotated on its own is a VEVENT of its own with the same UID and its original start
as RECURRENCE-ID. UIDs come from the Popolo id, so they stay the same across requests and
exports; SEQUENCE is the event's revision, which grows with every change (models.Event.save).

There is no METHOD, so DTSTAMP is when the entry was last revised (RFC 5545 3.8.7.2), not
when the file was made: the same data gives the same bytes, and an ETag that holds.
"""

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar

from jarjestokartta.events import recurrence
from jarjestokartta.events.choices import ONLINE, Channel, EventStatus
from jarjestokartta.events.models import Event, OccurrenceChange
from jarjestokartta.events.occurrences import Expanded, _changed

PRODID = "-//Järjestökartta//Tapahtumat ja toiminta//FI"
UID_DOMAIN = "jarjestokartta"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# RFC 5545 has no "postponed": an occurrence that will happen at a time not yet known is
# TENTATIVE, which calendar apps show as not sure.
STATUSES = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}
# The VTIMEZONE's transitions cover this span; events outside it still read right in apps
# that know the zone by its name, as all common ones do.
ZONE_FIRST, ZONE_LAST = date(2000, 1, 1), date(2040, 1, 1)


def uid(event: Event) -> str:
    return f"{event.popolo_id}@{UID_DOMAIN}"


@lru_cache(maxsize=8)
def vtimezone(zone_name: str) -> icalendar.Timezone:
    """The zone's VTIMEZONE, worked out by icalendar from the tz database once per process
    (it is only read when a calendar is written, so one component serves every feed)."""
    return icalendar.Timezone.from_tzinfo(
        ZoneInfo(zone_name), first_date=ZONE_FIRST, last_date=ZONE_LAST
    )


def feed(events: Iterable[Event], *, name: str, url_of: Callable[[Event], str]) -> bytes:
    """The events as one VCALENDAR named `name`; `url_of` gives each event's page address.

    The events should come with their changes and municipality loaded
    (Event.objects.with_details()), or each costs queries.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", recurrence.HELSINKI.key)
    zones: set[str] = set()
    components = []
    for event in events:
        zones.add(event.timezone)
        components.extend(vevents(event, url_of(event)))
    for zone_name in sorted(zones):
        calendar.add_component(vtimezone(zone_name))
    for component in components:
        calendar.add_component(component)
    return calendar.to_ical()


def vevents(event: Event, url: str) -> list[icalendar.Event]:
    """The event's VEVENT, then one for each occurrence changed on its own."""
    schedule = event.schedule()
    changes = list(event.changes.all())
    if not schedule.is_recurring:
        # A one-off event changed is the event itself changed: no RECURRENCE-ID needed.
        own = next((c for c in changes if c.original_start == event.start), None)
        return [_single(event, url, own)]
    main = _base(event, url, event.modified)
    main.add("dtstart", _wall(event, event.start))
    if event.end is not None:
        main.add("dtend", _wall(event, event.end))
    main.add("status", STATUSES[event.status])
    main.add("description", _describe(event, url))
    if event.rrule:
        main.add("rrule", icalendar.vRecur.from_ical(utc_until(event.rrule, event.zone)))
    if schedule.exdates:
        main.add("exdate", [d.replace(tzinfo=event.zone) for d in schedule.exdates])
    if schedule.rdates:
        main.add("rdate", [d.replace(tzinfo=event.zone) for d in schedule.rdates])
    found = [main]
    for change in changes:
        wall_clock = event.local(change.original_start)
        # A change whose start the schedule no longer gives is kept but not shown (see
        # OccurrenceChange); a RECURRENCE-ID outside the set would add an occurrence.
        if schedule.starts_between(wall_clock, wall_clock):
            found.append(_override(event, url, change))
    return found


def utc_until(rule: str, zone: ZoneInfo) -> str:
    """The stored rule (UNTIL on local wall-clock time) with UNTIL in UTC, as RFC 5545 3.3.10
    wants when DTSTART has a TZID."""
    parts = []
    for piece in rule.split(";"):
        key, _, value = piece.partition("=")
        if key == "UNTIL" and not value.endswith("Z"):
            local = datetime.strptime(value, "%Y%m%dT%H%M%S")
            value = recurrence.aware(local, zone).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        parts.append(f"{key}={value}")
    return ";".join(parts)


def _wall(event: Event, moment: datetime) -> datetime:
    """A moment on the event's wall clock, so that it is written with TZID."""
    return event.local(moment).replace(tzinfo=event.zone)


def _base(event: Event, url: str, modified: datetime) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", uid(event))
    component.add("dtstamp", modified.astimezone(UTC))
    component.add("last-modified", modified.astimezone(UTC))
    component.add("sequence", event.sequence)
    component.add("summary", event.name)
    component.add("url", url)
    location = location_of(event)
    if location:
        component.add("location", location)
    return component


def _describe(event: Event, url: str, note: str = "") -> str:
    parts = [note, event.summary, event.description, event.agenda, url]
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def location_of(event: Event) -> str:
    """Where, in one line: the address, and the link or number for those who join from afar."""
    parts = []
    if event.channel != Channel.ONLINE and event.channel != Channel.PHONE:
        parts.append(event.where)
    if event.channel in ONLINE:
        parts.append(event.online_url)
    if event.channel == Channel.PHONE:
        parts.append(event.phone)
    return ", ".join(part for part in parts if part)


def _single(event: Event, url: str, change: OccurrenceChange | None) -> icalendar.Event:
    occurrence = _occurrence(event, change) if change else None
    modified = max(event.modified, change.modified) if change else event.modified
    component = _base(event, url, modified)
    start = occurrence.start if occurrence else event.start
    end = occurrence.end if occurrence else event.end
    component.add("dtstart", _wall(event, start))
    if end is not None:
        component.add("dtend", _wall(event, end))
    component.add("status", STATUSES[occurrence.status if occurrence else event.status])
    component.add("description", _describe(event, url, occurrence.note if occurrence else ""))
    return component


def _override(event: Event, url: str, change: OccurrenceChange) -> icalendar.Event:
    occurrence = _occurrence(event, change)
    component = _base(event, url, max(event.modified, change.modified))
    component.add("recurrence-id", _wall(event, change.original_start))
    component.add("dtstart", _wall(event, occurrence.start))
    if occurrence.end is not None:
        component.add("dtend", _wall(event, occurrence.end))
    component.add("status", STATUSES[occurrence.status])
    component.add("description", _describe(event, url, occurrence.note))
    return component


def _occurrence(event: Event, change: OccurrenceChange) -> Expanded:
    """The occurrence as the listings show it: the same rules (occurrences._changed)."""
    schedule = event.schedule()
    wall_clock = event.local(change.original_start)
    end = schedule.end_of(wall_clock)
    planned = Expanded(
        event=event,
        original_start=change.original_start,
        start=change.original_start,
        end=None if end is None else recurrence.aware(end, event.zone),
        status=event.status,
    )
    return _changed(planned, change)
