"""Activities and events as iCalendar (RFC 5545), for calendar apps to subscribe to.

A recurring activity is one VEVENT with its RRULE, EXDATE and RDATE on the wall-clock time of
its zone (DTSTART;TZID=Europe/Helsinki, with the zone's VTIMEZONE), so that a calendar app
expands it as we do: 17:00 on both sides of a daylight-saving change. Each occurrence cancelled,
moved or annotated on its own is a VEVENT of its own with the same UID and its original start
as RECURRENCE-ID. UIDs come from the Popolo id, so they stay the same across requests and
exports; SEQUENCE is the event's revision, which grows with every change (models.Event.save).

There is no METHOD, so DTSTAMP is when the entry was last revised (RFC 5545 3.8.7.2), not
when the file was made: the same data gives the same bytes, and an ETag that holds.

The VEVENTs are written as text (events/ics_text.py): through icalendar's objects a region's
month of 1,100 events took 3.8 s. icalendar still works out the VTIMEZONE, once per process,
and the tests read every feed back with it. Properties come in the order icalendar wrote them.
"""

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar
from django.db.models import Prefetch, QuerySet

from jarjestokartta.events import recurrence
from jarjestokartta.events.choices import ONLINE, Channel, EventStatus
from jarjestokartta.events.ics_text import line, text, utc_time, wall_time
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
# The Event fields a feed reads (with the municipality's name, for LOCATION): loading only
# these halves the time to make the events from their rows, and a feed that read another
# field would cost a query an event, which the tests' query counts would show.
FIELDS = (
    "popolo_id",
    "slug",
    "name",
    "summary",
    "description",
    "agenda",
    "channel",
    "place_name",
    "street_address",
    "postal_code",
    "municipality__name",
    "online_url",
    "phone",
    "start",
    "end",
    "rrule",
    "exdates",
    "rdates",
    "timezone",
    "status",
    "sequence",
    "modified",
)
# RFC 5545's order of a rule's parts, as icalendar writes them; others follow alphabetically.
RULE_ORDER = ("FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY")
RULE_ORDER += ("BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST")


# Where for_feed() puts an event's changes: a plain list, which Django's prefetch sets in
# one step, where `event.changes.all()` made a queryset for each event (a sixth of the time).
CHANGES = "feed_changes"


def for_feed(events: QuerySet[Event]) -> QuerySet[Event]:
    """The events with what a feed writes, in two queries: the events with their
    municipality, then their occurrence changes."""
    changes = Prefetch("changes", queryset=OccurrenceChange.objects.all(), to_attr=CHANGES)
    return events.select_related("municipality").only(*FIELDS).prefetch_related(changes)


def _changes(event: Event) -> list[OccurrenceChange]:
    loaded = getattr(event, CHANGES, None)
    return list(event.changes.all()) if loaded is None else loaded


def uid(event: Event) -> str:
    return f"{event.popolo_id}@{UID_DOMAIN}"


@lru_cache(maxsize=8)
def vtimezone(zone_name: str) -> icalendar.Timezone:
    """The zone's VTIMEZONE, worked out by icalendar from the tz database once per process
    (it is only read when a calendar is written, so one component serves every feed)."""
    return icalendar.Timezone.from_tzinfo(
        ZoneInfo(zone_name), first_date=ZONE_FIRST, last_date=ZONE_LAST
    )


@lru_cache(maxsize=8)
def _vtimezone_lines(zone_name: str) -> str:
    return vtimezone(zone_name).to_ical().decode().removesuffix("\r\n")


def feed(events: Iterable[Event], *, name: str, url_of: Callable[[Event], str]) -> bytes:
    """The events as one VCALENDAR named `name`; `url_of` gives each event's page address.

    The events should come through for_feed(), or each costs queries. The site's feeds are
    written from texts kept ready (events/feed_texts.py), in the same bytes as this.
    """
    zones: set[str] = set()
    components: list[str] = []
    for event in events:
        zones.add(event.timezone)
        components.extend(vevents(event, url_of(event)))
    return "".join([header(name, zones), *(f"{c}\r\n" for c in components), FOOTER]).encode()


FOOTER = "END:VCALENDAR\r\n"


def header(name: str, zones: Iterable[str]) -> str:
    """What comes before the VEVENTs: the calendar's own lines and each zone's VTIMEZONE."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        line("PRODID", text(PRODID)),
        "CALSCALE:GREGORIAN",
        line("X-WR-CALNAME", _unescaped(name)),
        line("X-WR-TIMEZONE", text(recurrence.HELSINKI.key)),
        *(_vtimezone_lines(zone_name) for zone_name in sorted(set(zones))),
        "",
    ]
    return "\r\n".join(lines)


def _unescaped(name: str) -> str:
    """An X- property's value as the feeds have always written it (icalendar wrote what it
    does not know unescaped, and calendar apps show the name so), on one line."""
    return " ".join(name.splitlines())


def vevents(event: Event, url: str) -> list[str]:
    """The event's VEVENT, then one for each occurrence changed on its own, as text."""
    schedule = event.schedule()
    changes = _changes(event)
    same = _Same(event, url)
    if not schedule.is_recurring:
        # A one-off event changed is the event itself changed: no RECURRENCE-ID needed.
        own = next((c for c in changes if c.original_start == event.start), None)
        return [_single(event, same, own)]
    zone = event.timezone
    rules = []
    if event.rrule:
        rules.append(_rrule_line(event.rrule, event.timezone))
    if schedule.rdates:
        rules.append(line("RDATE", ",".join(wall_time(d) for d in schedule.rdates), zone))
    if schedule.exdates:
        rules.append(line("EXDATE", ",".join(wall_time(d) for d in schedule.exdates), zone))
    found = [
        same.vevent(
            start=_wall(event, event.start),
            end=None if event.end is None else _wall(event, event.end),
            modified=event.modified,
            status=event.status,
            description=_describe(event, url),
            rules=rules,
        )
    ]
    for change in changes:
        wall_clock = event.local(change.original_start)
        # A change whose start the schedule no longer gives is kept but not shown (see
        # OccurrenceChange); a RECURRENCE-ID outside the set would add an occurrence.
        if schedule.starts_between(wall_clock, wall_clock):
            found.append(_override(event, same, change))
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


@lru_cache(maxsize=4096)
def _rrule_line(rule: str, zone_name: str) -> str:
    """Cached: a region's events share a few rules (a season's weekdays and its end)."""
    return line("RRULE", _rule_in_order(utc_until(rule, ZoneInfo(zone_name))))


def _rule_in_order(rule: str) -> str:
    pieces = rule.split(";")

    def place(piece: str) -> tuple[int, str]:
        key = piece.partition("=")[0]
        return (RULE_ORDER.index(key), "") if key in RULE_ORDER else (len(RULE_ORDER), key)

    return ";".join(sorted(pieces, key=place))


def _wall(event: Event, moment: datetime) -> str:
    """A moment on the event's wall clock, to be written with TZID."""
    return wall_time(event.local(moment))


class _Same:
    """What every VEVENT of one event says alike, written once for the event."""

    def __init__(self, event: Event, url: str) -> None:
        self.zone = event.timezone
        self.address = url
        self.summary = line("SUMMARY", text(event.name))
        self.uid = line("UID", text(uid(event)))
        self.sequence = f"SEQUENCE:{event.sequence}"
        location = location_of(event)
        self.location = line("LOCATION", text(location)) if location else ""
        self.url = line("URL", url)

    def vevent(
        self,
        *,
        start: str,
        end: str | None,
        modified: datetime,
        status: str,
        description: str,
        recurrence_id: str = "",
        rules: Iterable[str] = (),
    ) -> str:
        stamp = utc_time(modified)
        lines = [
            "BEGIN:VEVENT",
            self.summary,
            line("DTSTART", start, self.zone),
            line("DTEND", end, self.zone) if end is not None else "",
            f"DTSTAMP:{stamp}",
            self.uid,
            line("RECURRENCE-ID", recurrence_id, self.zone) if recurrence_id else "",
            self.sequence,
            *rules,
            line("DESCRIPTION", text(description)),
            f"LAST-MODIFIED:{stamp}",
            self.location,
            f"STATUS:{STATUSES[status]}",
            self.url,
            "END:VEVENT",
        ]
        return "\r\n".join(part for part in lines if part)


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


def _single(event: Event, same: _Same, change: OccurrenceChange | None) -> str:
    occurrence = _occurrence(event, change) if change else None
    start = occurrence.start if occurrence else event.start
    end = occurrence.end if occurrence else event.end
    return same.vevent(
        start=_wall(event, start),
        end=None if end is None else _wall(event, end),
        modified=max(event.modified, change.modified) if change else event.modified,
        status=occurrence.status if occurrence else event.status,
        description=_describe(event, same.address, occurrence.note if occurrence else ""),
    )


def _override(event: Event, same: _Same, change: OccurrenceChange) -> str:
    occurrence = _occurrence(event, change)
    return same.vevent(
        start=_wall(event, occurrence.start),
        end=None if occurrence.end is None else _wall(event, occurrence.end),
        modified=max(event.modified, change.modified),
        status=occurrence.status,
        description=_describe(event, same.address, occurrence.note),
        recurrence_id=_wall(event, change.original_start),
    )


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
