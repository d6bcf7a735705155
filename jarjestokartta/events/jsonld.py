"""schema.org JSON-LD for an activity or event page: Event for a one-off, EventSeries with an
eventSchedule (schema.org Schedule) for a recurring one, so that search engines and other
calendars read the same facts the page shows.

`data()` gives the dictionary (tested field by field); `script_text()` gives it as text that is
safe inside <script type="application/ld+json">: no data can end the element or make markup.
"""

import json
from datetime import date, datetime
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from jarjestokartta.events.choices import AT_A_PLACE, ONLINE, Channel, EventStatus
from jarjestokartta.events.models import Event
from jarjestokartta.events.rrule_reading import NotARule, read_rule

SCHEMA = "https://schema.org/"
STATUSES = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.RESCHEDULED: "EventRescheduled",
}
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# ISO 8601 durations for schema.org's repeatFrequency, by RRULE FREQ.
PERIODS = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M", "YEARLY": "Y"}
ATTENDANCE = {
    Channel.PLACE: "OfflineEventAttendanceMode",
    Channel.ONLINE: "OnlineEventAttendanceMode",
    Channel.PHONE: "OnlineEventAttendanceMode",
    Channel.HYBRID: "MixedEventAttendanceMode",
}


def data(event: Event, url: str, organizer_url: str) -> dict[str, Any]:
    """The event as a schema.org Event or EventSeries; `url`s are absolute."""
    found: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "EventSeries" if event.is_recurring else "Event",
        "@id": url,
        "url": url,
        "name": event.name,
        "startDate": _moment(event, event.start),
        "eventStatus": SCHEMA + STATUSES.get(event.status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA + ATTENDANCE.get(event.channel, "OfflineEventAttendanceMode"),
        "isAccessibleForFree": event.is_free,
        "organizer": {"@type": "Organization", "name": event.organizer.name, "url": organizer_url},
    }
    if event.end is not None:
        found["endDate"] = _moment(event, event.end)
    if event.summary or event.description:
        found["description"] = event.summary or event.description
    if event.languages:
        found["inLanguage"] = list(event.languages)
    if event.image_url:
        found["image"] = {
            "@type": "ImageObject",
            "url": event.image_url,
            "caption": event.image_alt,
        }
    location = _location(event)
    if location:
        found["location"] = location if len(location) > 1 else location[0]
    if not event.is_free and (event.price or event.price_info_url):
        offer: dict[str, Any] = {"@type": "Offer", "description": event.price}
        if event.price_info_url:
            offer["url"] = event.price_info_url
        found["offers"] = offer
    if event.age_min is not None or event.age_max is not None:
        found["typicalAgeRange"] = (
            f"{event.age_min or 0}-{'' if event.age_max is None else event.age_max}"
        )
    if event.capacity is not None:
        found["maximumAttendeeCapacity"] = event.capacity
    if event.is_recurring:
        schedule = eventschedule(event)
        if schedule:
            found["eventSchedule"] = schedule
    return found


def eventschedule(event: Event) -> dict[str, Any] | None:
    """The rule as a schema.org Schedule; None if the rule says what a Schedule cannot."""
    if not event.rrule:
        return None
    try:
        rule = read_rule(event.rrule)
    except NotARule:
        return None
    if rule.freq not in PERIODS:
        return None
    wall_start = event.local(event.start)
    schedule: dict[str, Any] = {
        "@type": "Schedule",
        "repeatFrequency": f"P{rule.interval}{PERIODS[rule.freq]}",
        "startDate": wall_start.date().isoformat(),
        "startTime": wall_start.strftime("%H:%M"),
        "scheduleTimezone": event.timezone,
    }
    if event.end is not None:
        schedule["endTime"] = event.local(event.end).strftime("%H:%M")
    days = [SCHEMA + DAY_NAMES[weekday] for ordinal, weekday in rule.by_day if ordinal is None]
    if days:
        schedule["byDay"] = days
    if rule.by_month_day:
        schedule["byMonthDay"] = list(rule.by_month_day)
    if rule.by_month:
        schedule["byMonth"] = list(rule.by_month)
    if rule.count is not None:
        schedule["repeatCount"] = rule.count
    if isinstance(rule.until, datetime):
        schedule["endDate"] = rule.until.date().isoformat()
    elif isinstance(rule.until, date):
        schedule["endDate"] = rule.until.isoformat()
    return schedule


def _moment(event: Event, moment: datetime) -> str:
    """Local time with its offset, as schema.org's examples and Popolo write it."""
    return moment.astimezone(event.zone).isoformat(timespec="minutes")


def _location(event: Event) -> list[dict[str, Any]]:
    places: list[dict[str, Any]] = []
    if event.channel in AT_A_PLACE:
        address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "FI"}
        if event.street_address:
            address["streetAddress"] = event.street_address
        if event.postal_code:
            address["postalCode"] = event.postal_code
        if event.municipality_id and event.municipality:
            address["addressLocality"] = event.municipality.name
        places.append(
            {"@type": "Place", "name": event.place_name or event.where, "address": address}
        )
    if event.channel in ONLINE and event.online_url:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    if event.channel == Channel.PHONE and event.phone:
        places.append({"@type": "VirtualLocation", "name": event.phone})
    return places


def script_text(found: dict[str, Any]) -> SafeString:
    """The data as JSON that cannot end a <script> element or open a comment or markup."""
    text = json.dumps(found, ensure_ascii=False)
    # As django.utils.html.json_script escapes: "<", ">" and "&" become \u escapes, which
    # JSON reads back as the same characters.
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escape)
    return mark_safe(text)  # escaped above: nothing in it can end the element
