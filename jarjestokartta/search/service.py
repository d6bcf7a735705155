"""Searching organisations for the API and the search page alike."""

import time
from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from jarjestokartta.directory.links import organization_urls
from jarjestokartta.directory.models import Organization, TargetGroup, Theme
from jarjestokartta.geography.models import Area, AreaKind
from jarjestokartta.search import index
from jarjestokartta.search.backends import Filters
from jarjestokartta.search.engine import FACETS, Outcome, search
from jarjestokartta.search.vocabulary import MAX_AGE_SECONDS

MAX_LIMIT = 100


class BadSearch(ValueError):
    """A parameter that cannot be used; the message says which and why."""


class SearchResult(TypedDict):
    """One organisation found, as the API sends it (api.py's SearchResult)."""

    type: str
    id: str
    name: str
    abstract: str
    area: str | None
    url: str
    # Set by the search page for its template, never by the search itself.
    name_html: NotRequired[SafeString]
    abstract_html: NotRequired[SafeString]


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
        if facet == "classification":
            unknown = set(wanted) - set(Organization.Kind.values)
            if unknown:
                raise BadSearch(
                    f"unknown classification {sorted(unknown)[0]!r}; one of: "
                    + ", ".join(Organization.Kind.values)
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
    kinds = dict(Organization.Kind.choices)
    maps = _label_maps()
    for facet in FACETS:
        found = counts.get(facet, {})
        if facet == "classification":
            names = {value: (value, str(kinds.get(value, value))) for value in found}
        else:
            names = maps[facet]
        items: list[FacetValue] = [
            {"value": names[value][0], "label": names[value][1], "count": count}
            for value, count in found.items()
            if value in names
        ]
        labelled[facet] = sorted(items, key=lambda item: (-item["count"], item["label"]))
    return labelled


def search_organizations(
    *, q: str, chosen: dict[str, list[str]], limit: int = 20, offset: int = 0
) -> SearchPage:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadSearch(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise BadSearch("offset must not be negative")
    outcome = search(q, filters_from(chosen), limit, offset)
    url = organization_urls()  # one reverse() for the page, not one per result
    results: list[SearchResult] = [
        {
            "type": kind,
            "id": popolo_id,
            "name": title,
            "abstract": abstract,
            "area": area_name or None,
            "url": url(slug),
        }
        for _, kind, _, title, popolo_id, slug, abstract, area_name in outcome.hits
    ]
    return SearchPage(
        count=outcome.count,
        results=results,
        facets=_facet_labels(outcome.facets),
        suggestion=outcome.suggestion,
        partial=outcome.partial,
        outcome=outcome,
    )
