"""One diagram request, read from the page's or the API's parameters, and the graph it asks for."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _

from jarjestokartta.diagram import graph as g
from jarjestokartta.diagram import loading
from jarjestokartta.diagram.kinds import NODE_KINDS
from jarjestokartta.directory.models import Organization
from jarjestokartta.directory.presentation import parse_day
from jarjestokartta.geography.models import Area, AreaKind

DEPTHS = (1, 2, 3)


class BadRequest(ValueError):
    """A parameter that cannot be read; the message says which and why."""


class NotFound(LookupError):
    pass


@dataclass
class DiagramRequest:
    day: date
    region: Area | None = None
    focus: Organization | None = None
    depth: int = 1
    node_kinds: list[str] = field(default_factory=list)
    edge_kinds: list[str] = field(default_factory=list)


def read_request(
    *,
    region: str = "",
    focus: str = "",
    depth: str | int | None = None,
    day: str = "",
    node_kinds: list[str] | None = None,
    edge_kinds: list[str] | None = None,
    today: date,
) -> DiagramRequest:
    """Check every parameter; raise BadRequest or NotFound with a message for people."""
    request = DiagramRequest(day=today)
    request.day, bad_day = parse_day(day, today)
    if bad_day:
        raise BadRequest(_("The date %(day)s is not a date (YYYY-MM-DD).") % {"day": day})
    if depth not in (None, ""):
        try:
            request.depth = int(depth)
        except (TypeError, ValueError):
            request.depth = 0
        if request.depth not in DEPTHS:
            raise BadRequest(_("The depth must be 1, 2 or 3."))
    request.node_kinds = _kinds(node_kinds, NODE_KINDS, _("node kind"))
    request.edge_kinds = _kinds(edge_kinds, g.EDGE_KINDS, _("tie kind"))
    if region:
        request.region = Area.objects.filter(
            Q(slug=region) | Q(code=region), classification=AreaKind.REGION
        ).first()
        if request.region is None:
            raise NotFound(_("No region %(region)s.") % {"region": region})
    if focus:
        request.focus = Organization.objects.filter(Q(slug=focus) | Q(popolo_id=focus)).first()
        if request.focus is None:
            raise NotFound(_("No organisation %(focus)s.") % {"focus": focus})
    return request


def _kinds(chosen: list[str] | None, known: list[str], what: str) -> list[str]:
    chosen = [kind for kind in chosen or [] if kind]
    unknown = [kind for kind in chosen if kind not in known]
    if unknown:
        raise BadRequest(
            _("Unknown %(what)s: %(kinds)s. Known: %(known)s.")
            % {"what": what, "kinds": ", ".join(unknown), "known": ", ".join(known)}
        )
    return chosen


@dataclass
class Diagram:
    request: DiagramRequest
    graph: g.Graph  # what is drawn
    years: tuple[int, int] | None  # the years the unfiltered data spans

    @property
    def focus(self) -> str:
        return self.request.focus.popolo_id if self.request.focus else ""

    @property
    def title(self) -> str:
        place = self.request.focus.name if self.request.focus else self.request.region.name
        return f"{place} {self.request.day:%-d.%-m.%Y}"


def diagram(request: DiagramRequest) -> Diagram:
    """A region's structure, or the focus and its neighbours, as of the request's day."""
    if request.focus:
        everything = loading.neighbourhood_graph(request.focus, request.depth)
    elif request.region:
        everything = loading.region_graph(request.region, request.day)
    else:
        raise BadRequest(_("Choose a region or an organisation to focus on."))
    shown = everything.on_day(request.day).filtered(request.node_kinds, request.edge_kinds)
    if request.focus:
        shown = shown.neighbourhood(request.focus.popolo_id, request.depth)
    else:
        shown = shown.connected(keep_kinds=loading.STRUCTURE_KINDS)
    return Diagram(request=request, graph=shown, years=everything.years())
