"""Filtering activities, events and their occurrences: the listing page, its feeds and
downloads, and the API share this, so that a filter means the same everywhere.

As for organisations (directory/filtering.py): filters combine with AND, the values of one
filter with OR, and a value that names nothing is an UnknownValue, not an empty list.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Exists, Q, QuerySet

from jarjestokartta.directory.filtering import (
    UnknownValue,
    _terms,
    area_by_ref,
    organization_by_ref,
)
from jarjestokartta.directory.models import TargetGroup, Theme
from jarjestokartta.directory.querysets import areas_within
from jarjestokartta.events.choices import Accessibility, Channel, EventKind, Language
from jarjestokartta.events.fields import has_code
from jarjestokartta.events.listing_plan import has_event_among
from jarjestokartta.events.models import Event, Occurrence
from jarjestokartta.geography.models import AreaKind

__all__ = ["EventFilter", "UnknownValue", "filter_events", "filter_occurrences"]


@dataclass
class EventFilter:
    organizer: Sequence[str] = ()
    body: Sequence[str] = ()
    region: Sequence[str] = ()
    municipality: Sequence[str] = ()
    theme: Sequence[str] = ()
    target_group: Sequence[str] = ()
    kind: Sequence[str] = ()
    language: Sequence[str] = ()
    channel: Sequence[str] = ()
    accessibility: Sequence[str] = ()
    is_free: bool | None = None
    modified_after: datetime | None = None
    # Set by a caller that matched words elsewhere (the search): only these events.
    event_ids: Sequence[int] | None = None


def _codes(values: Sequence[str], choices: Sequence[str], name: str) -> list[str]:
    unknown = [value for value in values if value not in choices]
    if unknown:
        raise UnknownValue(f"unknown {name} {unknown[0]!r}")
    return list(values)


def _organizations(refs: Sequence[str], name: str) -> list[int]:
    found = []
    for ref in refs:
        organization = organization_by_ref(ref)
        if organization is None:
            raise UnknownValue(f"unknown {name} {ref!r}: give its Popolo id or slug")
        found.append(organization.pk)
    return found


def area_ids(wanted: EventFilter, day: date) -> set[int] | None:
    """The municipalities (and regions) asked for, or None when no place was asked."""
    if not (wanted.region or wanted.municipality):
        return None
    ids: set[int] = set()
    for ref in wanted.region:
        ids.update(areas_within(area_by_ref(AreaKind.REGION, ref), day))
    for ref in wanted.municipality:
        ids.add(area_by_ref(AreaKind.MUNICIPALITY, ref).pk)
    return ids


def event_conditions(
    wanted: EventFilter,
    prefix: str = "",
    among: Callable[[QuerySet], Q | Exists] | None = None,
) -> list[Q | Exists]:
    """The conditions on Event of every filter but the place, its fields under `prefix`;
    `among` writes "the event is among these through-table rows" (themes, target groups)."""

    def q(**lookups: object) -> Q:
        return Q(**{f"{prefix}{key}": value for key, value in lookups.items()})

    def event_among(rows: QuerySet) -> Q | Exists:
        return among(rows) if among else q(pk__in=rows.values("event"))

    conditions: list[Q | Exists] = []
    if wanted.organizer:
        ids = _organizations(wanted.organizer, "organizer")
        conditions.append(q(organizer__in=ids) | q(co_organizers__in=ids))
    if wanted.body:
        conditions.append(q(body__in=_organizations(wanted.body, "body")))
    if wanted.theme:
        themes = _terms(Theme, wanted.theme, "theme")
        rows = Event.themes.through.objects.filter(theme__in=themes)
        conditions.append(event_among(rows))
    if wanted.target_group:
        groups = _terms(TargetGroup, wanted.target_group, "target group")
        rows = Event.target_groups.through.objects.filter(targetgroup__in=groups)
        conditions.append(event_among(rows))
    if wanted.kind:
        conditions.append(q(kind__in=_codes(wanted.kind, EventKind.values, "kind")))
    if wanted.channel:
        channels = set(_codes(wanted.channel, Channel.values, "channel"))
        # Held at a place and online is found by either.
        if channels & {Channel.PLACE, Channel.ONLINE}:
            channels.add(Channel.HYBRID)
        conditions.append(q(channel__in=sorted(channels)))
    if wanted.language:
        either = Q()
        for code in _codes(wanted.language, Language.values, "language"):
            either |= has_code(f"{prefix}languages", code)
        conditions.append(either)
    for code in _codes(wanted.accessibility, Accessibility.values, "accessibility"):
        conditions.append(has_code(f"{prefix}accessibility", code))  # every one asked for
    if wanted.is_free is not None:
        conditions.append(q(is_free=wanted.is_free))
    if wanted.modified_after is not None:
        conditions.append(q(modified__gt=wanted.modified_after))
    if wanted.event_ids is not None:
        conditions.append(q(pk__in=list(wanted.event_ids)))
    return conditions


def filter_events(queryset, wanted: EventFilter, today: date):  # type: ignore[no-untyped-def]
    """Published events matching every filter; the place is where it is held or listed."""
    conditions = event_conditions(wanted)
    places = area_ids(wanted, today)
    if places is not None:
        conditions.append(
            Q(municipality__in=places) | Q(municipality__isnull=True, organizer__area__in=places)
        )
    return (
        queryset.filter(*conditions).distinct()
        if wanted.organizer
        else queryset.filter(*conditions)
    )


def filter_occurrences(  # type: ignore[no-untyped-def]
    wanted: EventFilter, start: datetime, end: datetime, today: date, *, counting: bool = False
):
    """The stored occurrences from `start` to `end` of published events matching the filters,
    in order of start.

    A page of a theme's many events is found walking the range in order, of its few by reading
    them (events/listing_plan.py). A count reads every match in either form, and reading from
    the events reads fewer rows: give `counting` for a queryset that is only counted.
    """
    queryset = Occurrence.objects.filter(start__gte=start, start__lte=end)
    places = area_ids(wanted, today)
    if places is not None:
        queryset = queryset.filter(area__in=places)
    among = None if counting else has_event_among
    conditions = event_conditions(wanted, prefix="event__", among=among)
    if conditions:
        queryset = queryset.filter(*conditions)
    if wanted.organizer:
        queryset = queryset.distinct()
    return queryset.order_by("start", "event_id")
