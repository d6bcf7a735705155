"""GET /search: the search page's engine as JSON."""

from typing import Literal

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from jarjestokartta.api.common import Message, bad_request, unprocessable
from jarjestokartta.search.service import MAX_LIMIT, BadSearch, read_day, search_organizations

router = Router(tags=["search"])


class SearchParams(Schema):
    q: str = Field("", max_length=200, description="Words in any Finnish form; typos are fixed.")
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="Results to answer, at most")
    offset: int = Field(0, ge=0, le=10_000, description="Results to skip, for the next page")
    region: list[str] = Field(default_factory=list, description="Region slug, e.g. pohjois-savo")
    municipality: list[str] = Field(default_factory=list, description="Municipality slug")
    classification: list[str] = Field(default_factory=list, description="e.g. network")
    theme: list[str] = Field(default_factory=list, description="Theme slug")
    target_group: list[str] = Field(default_factory=list, description="Target group slug")
    event_kind: list[str] = Field(
        default_factory=list, description="Kind of activity or event, e.g. activity, meeting"
    )
    type: Literal["organization", "event"] | None = Field(
        None, description="Only organisations, or only activities and events"
    )
    start: str = Field(
        "",
        max_length=20,
        description="YYYY-MM-DD: only events with an occurrence on this day or later (with "
        "end: in the range). Without start and end, only what happens from today on.",
    )
    end: str = Field(
        "", max_length=20, description="YYYY-MM-DD: only events with an occurrence up to this day"
    )


class SearchResult(Schema):
    type: Literal["organization", "event"] = Field(
        description="What was found: an organisation, or an activity or event"
    )
    id: str = Field(description="Its Popolo id, as in /organizations/{ref} or /events/{id}")
    name: str = Field(description="Its name in Finnish")
    abstract: str = Field(description="Its short description (an event's summary)")
    area: str | None = Field(description="The name of the area it is at home or held in")
    url: str = Field(description="Its page on this site")
    organizer: str | None = Field(description="An event's organiser; null for an organisation")
    status: str | None = Field(
        description="An event's status (scheduled, cancelled …); null for an organisation"
    )
    next_start: str | None = Field(
        description="An event's next occurrence (from start, if given), local with offset"
    )


class FacetValue(Schema):
    value: str = Field(description="The filter value: a slug, or a kind of organisation")
    label: str = Field(description="The value in words")
    count: int = Field(
        description="Matches with this value (of the 1,000 counted when count_exact is false)"
    )


class SearchResponse(Schema):
    count: int = Field(
        description="Organisations and events matching, on all pages; when count_exact is "
        "false, more than this many match"
    )
    count_exact: bool = Field(
        description="False when more than 1,000 match: the search then counts and ranks only "
        "1,000 of them (those with the words in their name or other names first, then in "
        "the order they were indexed), so count is a lower bound, the facet counts are of "
        "those 1,000 and the results are the best of them. A filter narrows the matches."
    )
    results: list[SearchResult] = Field(description="From offset, at most limit, best first")
    facets: dict[str, list[FacetValue]] = Field(
        description="For type, region, municipality, classification, event_kind, theme and "
        "target_group: the values the matches have, with how many have each"
    )
    suggestion: str | None = Field(description='A corrected query: "Did you mean …?"')
    partial: bool = Field(description="No result has every word; these have some of them.")


@router.get(
    "/search",
    response={200: SearchResponse, 400: Message, 422: Message},
    summary="Search organisations, activities and events",
)
def search(request: HttpRequest, params: Query[SearchParams]) -> JsonResponse:
    """Finnish-aware search: word forms, compound parts, abbreviations, place names, typos."""
    chosen = {
        facet: getattr(params, facet)
        for facet in (
            "region",
            "municipality",
            "classification",
            "event_kind",
            "theme",
            "target_group",
        )
    }
    try:
        start, end = read_day(params.start, "start"), read_day(params.end, "end")
        if start and end and start > end:
            raise BadSearch(_("the end date is before the start date"))
    except BadSearch as error:
        raise unprocessable(str(error)) from None
    try:
        page = search_organizations(
            q=params.q,
            chosen=chosen,
            limit=params.limit,
            offset=params.offset,
            type=params.type,
            start=start,
            end=end,
        )
    except BadSearch as error:
        raise bad_request(str(error)) from None
    # Built to SearchResponse's shape and sent as is: validating our own output through
    # pydantic cost a third of the endpoint's time above the engine (measured in make bench);
    # the tests check the shape against the OpenAPI document instead.
    return JsonResponse(
        {
            "count": page.count,
            "count_exact": page.exact,
            "results": page.results,
            "facets": page.facets,
            "suggestion": page.suggestion,
            "partial": page.partial,
        },
        json_dumps_params={"ensure_ascii": False},
    )
