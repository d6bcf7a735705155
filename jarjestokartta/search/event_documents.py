"""What the index holds for a published activity or event: its terms, facets and dates.

Kept lean, as there are half a million of them at national scale: the facets are only those a
search filters by, and when it happens is two dates on the document row, so that "from today
on" needs no join. Drafts are never indexed.
"""

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from django.utils import translation

from jarjestokartta.core.bulk import among
from jarjestokartta.events import recurrence
from jarjestokartta.events.choices import AT_A_PLACE
from jarjestokartta.events.models import Event
from jarjestokartta.geography.models import AreaKind
from jarjestokartta.search import analysis
from jarjestokartta.search.documents import AreaContext, Built


@dataclass
class EventSource:
    """What an event's document is built from, read as plain rows (as documents.Source)."""

    pk: int
    name: str
    name_sv: str
    name_en: str
    summary: str
    description: str
    agenda: str
    kind: str
    status: str
    popolo_id: str
    slug: str
    channel: str
    place_name: str
    municipality_id: int | None
    organizer__name: str
    organizer__area_id: int | None
    start: datetime
    end: datetime | None
    rrule: str
    exdates: list[str]
    rdates: list[str]
    timezone: str
    themes: list[tuple[int, str]] = field(default_factory=list)
    target_groups: list[tuple[int, str]] = field(default_factory=list)


SOURCE_FIELDS = [f.name for f in fields(EventSource)][:-2]


def load_event_sources(pks: list[int]) -> dict[int, EventSource]:
    """The sources of these events (sorted pks) that are published; drafts are left out."""
    sources = {
        row[0]: EventSource(*row)
        for row in Event.objects.published().filter(among("pk", pks)).values_list(*SOURCE_FIELDS)
    }
    for relation, attribute in ((Event.themes, "themes"), (Event.target_groups, "target_groups")):
        through = relation.through
        owner = relation.field.m2m_field_name()
        term = relation.field.m2m_reverse_field_name()
        for event_id, term_id, name in (
            through.objects.filter(among(owner, pks))
            .order_by(f"{term}__name")
            .values_list(owner, term, f"{term}__name")
        ):
            if event_id in sources:
                getattr(sources[event_id], attribute).append((term_id, name))
    return sources


def days_of(event: EventSource) -> tuple[date, date | None]:
    """The first day, and the day the last occurrence ends (None: the rule goes on)."""
    zone = ZoneInfo(event.timezone)
    schedule = recurrence.Schedule(
        start=recurrence.localise_naive(event.start, zone),
        end=None if event.end is None else recurrence.localise_naive(event.end, zone),
        rule=event.rrule,
        exdates=tuple(datetime.fromisoformat(day) for day in event.exdates),
        rdates=tuple(datetime.fromisoformat(day) for day in event.rdates),
    )
    try:
        last = schedule.last_start()
    except recurrence.RuleError:
        last = None  # a stored rule is checked when saved; if one is not, it is not hidden
    if last is None:
        return schedule.start.date(), None
    return schedule.start.date(), (schedule.end_of(last) or last).date()


@cache
def _kind_names() -> dict[str, str]:
    # "kerho", "kurssi", "kokous" find what is of that kind (read once, as for organisations).
    with translation.override("fi"):
        return {kind.value: str(kind.label) for kind in Event.Kind}


def listed_area(event: EventSource) -> int | None:
    """The municipality it is listed under: the place's, or the organiser's when it has none
    (events/occurrences.py listed_area_id, on a plain row)."""
    if event.channel in AT_A_PLACE and event.municipality_id:
        return event.municipality_id
    return event.municipality_id or event.organizer__area_id


def build_event(event: EventSource, areas: AreaContext, day: date) -> Built:
    area_id = listed_area(event)
    region_ids = sorted(areas.regions_of(area_id)) if area_id else []

    places: dict[str, None] = dict.fromkeys(analysis.terms_of([(event.place_name, "fi")]))
    for pk in ([area_id] if area_id else []) + region_ids:
        places.update(dict.fromkeys(areas.terms_of(pk)))

    facets = [("event_kind", event.kind)]
    facets += [("region", str(pk)) for pk in region_ids]
    if area_id and areas.areas[area_id].classification == AreaKind.MUNICIPALITY:
        facets.append(("municipality", str(area_id)))
    facets += [("theme", str(pk)) for pk, _name in event.themes]
    facets += [("target_group", str(pk)) for pk, _name in event.target_groups]

    body = [event.summary, event.description, event.agenda, _kind_names()[event.kind]]
    body += [name for _pk, name in event.themes] + [name for _pk, name in event.target_groups]
    body.append(event.organizer__name)
    first_day, last_day = days_of(event)
    return Built(
        title=event.name,
        popolo_id=event.popolo_id,
        slug=event.slug,
        abstract=event.summary,
        area_name=areas.areas[area_id].name if area_id else "",
        name_terms=" ".join(
            analysis.terms_of([(event.name, "fi"), (event.name_sv, "sv"), (event.name_en, "en")])
        ),
        other_terms="",
        body_terms=" ".join(analysis.terms_of((text, "fi") for text in body)),
        place_terms=" ".join(places),
        # A cancelled event is still found, to say so, but after those that happen.
        is_active=event.status != Event.Status.CANCELLED and (last_day is None or last_day >= day),
        facets=facets,
        first_day=first_day,
        last_day=last_day,
    )
