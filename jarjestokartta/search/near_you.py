""" "Lähelläsi": a postal code's municipality, what happens there first, then in the rest of
its region. Its own page, so that the address can be shared and bookmarked."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jarjestokartta.events.filtering import EventFilter
from jarjestokartta.search.event_listing import (
    PAGE_SIZE,
    BadListing,
    by_day,
    municipality_of,
    occurrences,
    read_filters,
    today,
)


def near_you(request: HttpRequest) -> HttpResponse:
    """The next occurrences in the postal code's municipality, then elsewhere in its region.

    Queries: the municipality by code, its region, the municipality's page of occurrences, the
    region's municipalities and the rest of the region's page of occurrences."""
    raw = request.GET.get("postinumero", "").strip()
    context: dict[str, object] = {"postal_code": raw[:20]}
    status = 200
    if raw:
        day = today()
        try:
            municipality = municipality_of(raw)
            chosen = read_filters(request.GET, day)
            chosen.wanted = EventFilter(municipality=[municipality.slug])
            here = list(occurrences(chosen, day)[:PAGE_SIZE])
            region = municipality.region_on(day)
            context.update(municipality=municipality, region=region, here=by_day(here))
            if region is not None:
                chosen.wanted = EventFilter(region=[region.slug])
                rest = occurrences(chosen, day).exclude(area=municipality)
                context["elsewhere"] = by_day(list(rest[:PAGE_SIZE]))
        except BadListing as error:
            context["error"] = str(error)
            status = 400
    return render(request, "search/near_you.html", context, status=status)
