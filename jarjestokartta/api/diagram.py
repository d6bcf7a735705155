"""GET /diagram, /diagram.svg and /diagram.png: the structure diagram as data and pictures."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from jarjestokartta.api.common import DETAIL_ERRORS, bad_request, download_response, not_found
from jarjestokartta.core.addresses import site_root
from jarjestokartta.diagram import drawing, service

router = Router(tags=["diagram"])


class DiagramParams(Schema):
    region: str = Field("", description="Region slug or code, e.g. pohjois-savo or 11")
    focus: str = Field("", description="Organisation id or slug: draw it and its neighbours")
    depth: int = Field(1, ge=1, le=3, description="How many ties from the focus")
    # A string, not a date: the diagram reads it with the pages' parser (core.days), and an
    # empty value means today as it does on the page.
    date: str = Field("", description="YYYY-MM-DD; today when left out")
    node_kind: list[str] = Field(default_factory=list, description="Only these kinds of node")
    edge_kind: list[str] = Field(default_factory=list, description="Only these kinds of tie")


def _diagram(params: DiagramParams) -> service.Diagram:
    try:
        request = service.read_request(
            region=params.region,
            focus=params.focus,
            depth=params.depth,
            day=params.date,
            node_kinds=params.node_kind,
            edge_kinds=params.edge_kind,
            today=timezone.localdate(),
        )
        return service.diagram(request)
    except service.BadRequest as error:
        raise bad_request(str(error)) from None
    except service.NotFound as error:
        raise not_found(str(error)) from None


DESCRIPTION = f"""A region's cooperation structure, or one organisation's neighbourhood, as of a
date.

Edges point from the actor (member, deputy, chair, coordinator, funder, appointing body) to the
body; `represents` from a member to the organisation it speaks for; `part_of` from a
sub-organisation to its parent. Dates are ISO days; null means not known.

A region whose cooperation bodies, projects and public bodies have more than
{service.OVERVIEW_THRESHOLD} memberships on the day is an **overview** (`"overview": true`):
those organisations with the ties between them (a person who sits for one of them is a tie
from that organisation), the organisations that coordinate, fund, administer, appoint or
from jarjestokartta.core.addresses import site_root
serve as secretariat, and for each body one node of kind `members` standing for its other
members: `count` is their number and `counts` splits it by kind (`person` for people who sit
on their own behalf); a `member` edge ties it to the body and its `url` is the diagram
focused on the body, where they are drawn one by one. `summarised` is the sum of the counts.
Around a focus, a step that would reach more than {service.NEIGHBOURHOOD_LIMIT}
organisations is not taken: `depth` is the depth drawn, and `note` says so in the
request's language.
"""


@router.get(
    "/diagram",
    response={200: dict, **DETAIL_ERRORS},
    summary="The structure as nodes and edges",
    description=DESCRIPTION,
)
def diagram_json(request: HttpRequest, params: Query[DiagramParams]) -> dict:
    result = _diagram(params)
    return {
        "date": result.request.day.isoformat(),
        "region": result.request.region.slug if result.request.region else None,
        "focus": result.request.focus.popolo_id if result.request.focus else None,
        "depth": result.depth if result.request.focus else None,
        "years": list(result.years) if result.years else None,
        "overview": result.overview,
        "summarised": result.summarised,
        "note": result.note,
        **result.graph.as_json(),
    }


def _picture(request: HttpRequest, params: DiagramParams, format: str) -> HttpResponse:
    result = _diagram(params)
    base_url = site_root(request)
    picture = drawing.draw(result.graph, format, result.title, base_url, result.focus)
    response = HttpResponse(picture, content_type=drawing.FORMATS[format])
    name = result.request.focus.slug if result.request.focus else result.request.region.slug
    response["Content-Disposition"] = (
        f'inline; filename="kaavio-{name}-{result.request.day.isoformat()}.{format}"'
    )
    return response


@router.get(
    "/diagram.svg",
    response=DETAIL_ERRORS,
    summary="The structure as SVG",
    openapi_extra=download_response("image/svg+xml", "An SVG picture"),
)
def diagram_svg(request: HttpRequest, params: Query[DiagramParams]) -> HttpResponse:
    """The same parameters as `/diagram`; every node links to its page."""
    return _picture(request, params, "svg")


@router.get(
    "/diagram.png",
    response=DETAIL_ERRORS,
    summary="The structure as PNG",
    openapi_extra=download_response("image/png", "A PNG picture"),
)
def diagram_png(request: HttpRequest, params: Query[DiagramParams]) -> HttpResponse:
    """The same parameters as `/diagram`."""
    return _picture(request, params, "png")
