from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from jarjestokartta.core.htmx import HtmxHttpRequest
from jarjestokartta.diagram import drawing, service
from jarjestokartta.diagram import graph as g
from jarjestokartta.diagram.kinds import EDGE_LABELS, NODE_LABELS, OUTLINE_LABELS
from jarjestokartta.directory.queries import region_counts
from jarjestokartta.geography.models import Area, AreaKind


def diagram_page(request: HtmxHttpRequest) -> HttpResponse:
    """The structure diagram with its controls; htmx swaps just the picture and its text."""
    params = request.GET
    today = timezone.localdate()
    context = {
        "today": today,
        "node_kinds": list(NODE_LABELS.items()),
        "edge_kinds": list(EDGE_LABELS.items()),
        "depths": service.DEPTHS,
        "all_regions": Area.objects.filter(classification=AreaKind.REGION).order_by("name"),
        "chosen": {
            "alue": params.get("alue", ""),
            "keskus": params.get("keskus", ""),
            "syvyys": params.get("syvyys", ""),
            "paiva": params.get("paiva", ""),
            "solmu": params.getlist("solmu"),
            "suhde": params.getlist("suhde"),
        },
    }
    status = 200
    try:
        diagram_request = service.read_request(
            region=params.get("alue", ""),
            focus=params.get("keskus", ""),
            depth=params.get("syvyys"),
            day=params.get("paiva", ""),
            node_kinds=params.getlist("solmu"),
            edge_kinds=params.getlist("suhde"),
            today=today,
        )
    except (service.BadRequest, service.NotFound) as error:
        diagram_request = None
        context["error"] = str(error)
        status = 400 if isinstance(error, service.BadRequest) else 404
    context["request_"] = diagram_request
    if diagram_request and (diagram_request.region or diagram_request.focus):
        context.update(_picture(service.diagram(diagram_request)))
    else:
        context["regions"] = [row for row in region_counts(today) if row["bodies"]]
    template = "diagram/_diagram.html" if request.htmx else "diagram/diagram.html"
    return render(request, template, context, status=status)


def _picture(diagram: service.Diagram) -> dict[str, object]:
    req = diagram.request
    api: dict[str, str | int] = {
        "region": req.region.slug if req.region else "",
        "focus": req.focus.slug if req.focus else "",
        "date": req.day.isoformat(),
    }
    if req.focus:
        api["depth"] = req.depth
    query = [(key, value) for key, value in api.items() if value]
    query += [("node_kind", kind) for kind in req.node_kinds]
    query += [("edge_kind", kind) for kind in req.edge_kinds]
    base = reverse("api-v1:diagram_json")
    exports = {fmt: f"{base}{suffix}?{urlencode(query)}" for fmt, suffix in EXPORTS}
    svg = ""
    if diagram.graph.nodes:
        drawn = drawing.draw(diagram.graph, "svg", diagram.title, focus=diagram.focus).decode()
        svg = mark_safe(drawn[drawn.index("<svg") :])  # Graphviz escapes every label
    focus_choices = sorted(
        (node for node in diagram.graph.nodes.values() if node.kind not in (g.PERSON, g.MEMBERS)),
        key=lambda node: node.label.casefold(),
    )
    return {
        "diagram": diagram,
        "svg": svg,
        # A region-sized picture fits the screen's width; a larger one scrolls at full size.
        "fit": len(diagram.graph) <= drawing.LARGE,
        "exports": exports,
        "outline": [
            (
                body.body,
                NODE_LABELS.get(body.body.kind, ""),
                [(OUTLINE_LABELS[kind], entries) for kind, entries in body.groups],
            )
            for body in g.outline(diagram.graph)
        ],
        "focus_choices": focus_choices,
        "year_days": _year_days(diagram),
    }


def _year_days(diagram: service.Diagram) -> list[tuple[int, str]]:
    """A quick way through the years that have data: the page's query for the chosen day of
    each year."""
    if not diagram.years:
        return []
    req = diagram.request
    day = req.day
    first, last = diagram.years
    first, last = min(first, day.year), max(last, day.year)
    place: list[tuple[str, str | int]] = [("alue", req.region.slug)] if req.region else []
    if req.focus:
        place += [("keskus", req.focus.slug), ("syvyys", req.depth)]
    leap_safe = min(day.day, 28) if day.month == 2 else day.day
    return [
        (year, urlencode([*place, ("paiva", day.replace(year=year, day=leap_safe).isoformat())]))
        for year in range(first, last + 1)
    ]


EXPORTS = [("svg", ".svg"), ("png", ".png"), ("json", "")]
