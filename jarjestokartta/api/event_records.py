"""Activities, events and occurrences as the API's records (api/event_schemas.py), and the
same events as rows of a spreadsheet."""

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from jarjestokartta.events.models import Event, Occurrence

# Everything a record reads, loaded with the page: 1 query for the events and one for each
# prefetched relation, whatever the page's size.
RELATED = ("organizer", "body", "municipality", "super_event")
PREFETCHED = ("co_organizers", "themes", "target_groups")


def for_records(queryset=None):
    queryset = Event.objects.published() if queryset is None else queryset
    return queryset.select_related(*RELATED).prefetch_related(*PREFETCHED)


def _moment(event: Event, moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(event.zone).isoformat()


def _local_days(event: Event, days: Iterable[str]) -> list[str]:
    # Stored as naive local wall-clock times; given their offset here.
    return [datetime.fromisoformat(day).replace(tzinfo=event.zone).isoformat() for day in days]


def page_address(base: str) -> Callable[[Event], str]:
    """An event page's absolute address, from the site's base ("https://host")."""
    return lambda event: base + reverse("event", args=[event.slug])


def event_record(event: Event, url_of: Callable[[Event], str]) -> dict:
    organizer = event.organizer.popolo_id
    body = event.body.popolo_id if event.body_id and event.body else None
    return {
        "id": event.popolo_id,
        "name": event.name,
        "name_sv": event.name_sv,
        "name_en": event.name_en,
        "classification": event.kind,
        "start_date": _moment(event, event.start),
        "end_date": _moment(event, event.end),
        "organization_id": body or organizer,
        "organizer_id": organizer,
        "co_organizer_ids": sorted(org.popolo_id for org in event.co_organizers.all()),
        "body_id": body,
        "location": event.where,
        "status": event.status,
        "rrule": event.rrule,
        "exdate": _local_days(event, event.exdates),
        "rdate": _local_days(event, event.rdates),
        "timezone": event.timezone,
        "area_id": event.municipality.popolo_id if event.municipality else None,
        "slug": event.slug,
        "url": url_of(event),
        "summary": event.summary,
        "description": event.description,
        "agenda": event.agenda,
        "themes": sorted(theme.slug for theme in event.themes.all()),
        "target_groups": sorted(group.slug for group in event.target_groups.all()),
        "age_min": event.age_min,
        "age_max": event.age_max,
        "languages": list(event.languages),
        "is_free": event.is_free,
        "price": event.price,
        "price_info_url": event.price_info_url,
        "channel": event.channel,
        "place_name": event.place_name,
        "street_address": event.street_address,
        "postal_code": event.postal_code,
        "online_url": event.online_url,
        "phone": event.phone,
        "accessibility": list(event.accessibility),
        "accessibility_note": event.accessibility_note,
        "registration": event.registration,
        "registration_url": event.registration_url,
        "registration_email": event.registration_email,
        "registration_opens": _moment(event, event.registration_opens),
        "registration_closes": _moment(event, event.registration_closes),
        "capacity": event.capacity,
        "image_url": event.image_url,
        "image_alt": event.image_alt,
        "super_event_id": event.super_event.popolo_id if event.super_event else None,
        "last_verified": event.last_verified.isoformat() if event.last_verified else None,
        "sequence": event.sequence,
        "modified": _moment(event, event.modified),
    }


def occurrence_record(occurrence: Occurrence) -> dict:
    event = occurrence.event
    return {
        "event_id": event.popolo_id,
        "start": _moment(event, occurrence.start),
        "end": _moment(event, occurrence.end),
        "status": occurrence.status,
        "original_start": _moment(event, occurrence.original_start),
        "note": occurrence.note,
    }


def headers() -> list[str]:
    return [
        _("Name"),
        _("Kind"),
        _("Starts"),
        _("Ends"),
        _("Repeats (RRULE)"),
        _("Status"),
        _("Organiser"),
        _("Where"),
        _("Online link"),
        _("Themes"),
        _("Target groups"),
        _("Languages"),
        _("Free of charge"),
        _("Price"),
        _("Summary"),
        _("Page in Järjestökartta"),
        _("Identifier"),
    ]


def rows(events, url_of: Callable[[Event], str]) -> Iterator[list[str]]:
    """The events in chunks, public facts only, in the order of headers()."""
    for event in events.iterator(chunk_size=1000):
        yield [
            event.name,
            event.get_kind_display(),
            _moment(event, event.start) or "",
            _moment(event, event.end) or "",
            event.rrule,
            event.get_status_display(),
            event.organizer.name,
            event.where,
            event.online_url,
            "; ".join(theme.name for theme in event.themes.all()),
            "; ".join(group.name for group in event.target_groups.all()),
            ", ".join(event.languages),
            _("yes") if event.is_free else _("no"),
            event.price,
            event.summary,
            url_of(event),
            event.popolo_id,
        ]
