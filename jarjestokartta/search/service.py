"""Searching organisations for the API and the search page alike."""

import time
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as day_time
from typing import NotRequired, TypedDict

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from jarjestokartta.directory.links import organization_urls
from jarjestokartta.directory.models import Organization, TargetGroup, Theme
from jarjestokartta.events import occurrences
from jarjestokartta.events.models import Event
from jarjestokartta.geography.models import Area, AreaKind
from jarjestokartta.search import index
from jarjestokartta.search.engine import FACETS, Outcome, search, type_counts
from jarjestokartta.search.event_results import event_details, event_urls
from jarjestokartta.search.filters import Filters
from jarjestokartta.search.models import SearchDocument
from jarjestokartta.search.vocabulary import MAX_AGE_SECONDS

TYPES = tuple(SearchDocument.Kind.values)

MAX_LIMIT = 100


class BadSearch(ValueError):
    """A parameter that cannot be used; the message says which and why."""


class SearchResult(TypedDict):
    """One organisation or event found, as the API sends it (api.py's SearchResult)."""

    type: str
    id: str
    name: str
    abstract: str
    area: str | None
    url: str
    # An event's: who organises it, its status, its next occurrence (ISO, with offset).
    organizer: str | None
    status: str | None
    next_start: str | None
    # Set by the search page for its template, never by the search itself.
    name_html: NotRequired[SafeString]
    abstract_html: NotRequired[SafeString]
    next_when: NotRequired[str]  # the next occurrence in words ("ti 8.12.2026 klo 17")


class FacetValue(TypedDict):
    """A value of a facet with the number of results that have it."""

    value: str
    label: str
    count: int
    checked: NotRequired[bool]  # set by the search page for its template


@dataclass
class SearchPage:
    count: int
    results: list[SearchResult]
    facets: dict[str, list[FacetValue]]
    suggestion: str | None
    partial: bool
    outcome: Outcome
    # False when more than `count` match (engine.MATCH_BOUND): a lower bound, said so.
    exact: bool = True


def _facet_lookups() -> dict[str, QuerySet[Area] | QuerySet[Theme] | QuerySet[TargetGroup]]:
    """facet -> the rows its values name (index values are their primary keys)."""
    return {
        "region": Area.objects.filter(classification=AreaKind.REGION),
        "municipality": Area.objects.filter(classification=AreaKind.MUNICIPALITY),
        "theme": Theme.objects.all(),
        "target_group": TargetGroup.objects.all(),
    }


def filters_from(chosen: dict[str, list[str]]) -> Filters:
    """Turn slugs and kinds chosen by a user into index facet values; BadSearch if unknown."""
    maps = _label_maps()
    values: dict[str, list[str]] = {}
    for facet, given in chosen.items():
        wanted = [value for value in given if value]
        if not wanted:
            continue
        if facet in ("classification", "event_kind"):
            kinds = Organization.Kind.values if facet == "classification" else Event.Kind.values
            unknown = set(wanted) - set(kinds)
            if unknown:
                raise BadSearch(
                    f"unknown {facet.replace('_', ' ')} {sorted(unknown)[0]!r}; one of: "
                    + ", ".join(kinds)
                )
            values[facet] = wanted
            continue
        found = {slug: pk for pk, (slug, _) in maps[facet].items()}
        missing = [slug for slug in wanted if slug not in found]
        if missing:
            raise BadSearch(f"unknown {facet.replace('_', ' ')} {missing[0]!r}")
        values[facet] = [str(found[slug]) for slug in wanted]
    return Filters(values)


@dataclass
class _Labels:
    """facet -> index value -> (slug, name), with when it was loaded and from which index."""

    maps: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    generation: int | None = None
    loaded: float = 0.0


_labels = _Labels()


def _label_maps() -> dict[str, dict[str, tuple[str, str]]]:
    """facet -> index value -> (slug, name): small tables, kept until the index changes here
    or, for changes made by other server processes, for at most MAX_AGE_SECONDS."""
    stale = time.monotonic() - _labels.loaded > MAX_AGE_SECONDS
    if stale or _labels.generation != index.generation[0]:
        _labels.maps = {
            facet: {str(pk): (slug, name) for pk, slug, name in q.values_list("pk", "slug", "name")}
            for facet, q in _facet_lookups().items()
        }
        _labels.generation = index.generation[0]
        _labels.loaded = time.monotonic()
    return _labels.maps


def _facet_labels(counts: dict[str, dict[str, int]]) -> dict[str, list[FacetValue]]:
    labelled: dict[str, list[FacetValue]] = {}
    kinds = {
        "classification": dict(Organization.Kind.choices),
        "event_kind": dict(Event.Kind.choices),
    }
    maps = _label_maps()
    type_names = {"organization": _("Organisations"), "event": _("Activities and events")}
    labelled["type"] = [
        {"value": kind, "label": str(type_names[kind]), "count": count}
        for kind, count in type_counts(counts).items()
        if count
    ]
    for facet in FACETS:
        found = counts.get(facet, {})
        if facet in kinds:
            names = {value: (value, str(kinds[facet].get(value, value))) for value in found}
        else:
            names = maps[facet]
        items: list[FacetValue] = [
            {"value": names[value][0], "label": names[value][1], "count": count}
            for value, count in found.items()
            if value in names
        ]
        labelled[facet] = sorted(items, key=lambda item: (-item["count"], item["label"]))
    return labelled


def read_day(raw: str | None, name: str) -> date | None:
    """A YYYY-MM-DD parameter as a date, empty as None; BadSearch names a bad one."""
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadSearch(
            _("%(name)s must be a date as YYYY-MM-DD, e.g. 2026-12-31") % {"name": name}
        ) from None


def when_filters(
    filters: Filters,
    *,
    type: str | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
) -> Filters:
    """The type and dates asked on top of the facet filters.

    With no dates, what has no occurrence from today on is left out (an organisation always
    stays). Dates find events only: those with an occurrence from `start` to `end`; a start
    alone means from then on, an end alone from today to then.
    """
    if type and type not in TYPES:
        raise BadSearch(f"unknown type {type!r}; one of: " + ", ".join(TYPES))
    today = today or timezone.localdate()
    filters.kind = type or None
    if start is None and end is None:
        filters.from_day = today
        return filters
    first, last = start or min(today, end or today), end or date.max
    if first > last:
        raise BadSearch(_("the end date is before the start date"))
    filters.between = (first, last)
    filters.stored = tuple(moment.date() for moment in occurrences.window(today))  # type: ignore[assignment]
    return filters


def search_organizations(
    *,
    q: str,
    chosen: dict[str, list[str]],
    limit: int = 20,
    offset: int = 0,
    type: str | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
) -> SearchPage:
    """Organisations and events: what has no occurrence from today on is left out unless
    dates are asked (when_filters)."""
    if start and end and start > end:
        raise BadSearch(_("the end date is before the start date"))
    if not 1 <= limit <= MAX_LIMIT:
        raise BadSearch(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise BadSearch("offset must not be negative")
    filters = when_filters(filters_from(chosen), type=type, start=start, end=end, today=today)
    outcome = search(q, filters, limit, offset)
    results = _results(outcome, start)
    return SearchPage(
        count=outcome.count,
        results=results,
        facets=_facet_labels(outcome.facets),
        suggestion=outcome.suggestion,
        partial=outcome.partial,
        outcome=outcome,
        exact=outcome.exact,
    )


def _results(outcome: Outcome, start: date | None) -> list[SearchResult]:
    """The hits as results; events get their organiser and next occurrence (one query)."""
    event_ids = [hit[2] for hit in outcome.hits if hit[1] == SearchDocument.Kind.EVENT]
    now = timezone.now()
    if start is not None:
        now = datetime.combine(start, day_time.min, timezone.get_default_timezone())
    details = event_details(event_ids, now)
    # One reverse() a page, not one per result.
    urls = {SearchDocument.Kind.ORGANIZATION: organization_urls()}
    if event_ids:
        urls[SearchDocument.Kind.EVENT] = event_urls()
    results: list[SearchResult] = []
    for _id, kind, object_id, title, popolo_id, slug, abstract, area_name in outcome.hits:
        detail = details.get(object_id) if kind == SearchDocument.Kind.EVENT else None
        next_start = detail.next_start if detail else None
        results.append(
            {
                "type": kind,
                "id": popolo_id,
                "name": title,
                "abstract": abstract,
                "area": area_name or None,
                "url": urls[SearchDocument.Kind(kind)](slug),
                "organizer": detail.organizer if detail else None,
                "status": detail.status if detail else None,
                "next_start": timezone.localtime(next_start).isoformat() if next_start else None,
            }
        )
    return results
