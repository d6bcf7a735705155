"""One diagram request, read from the page's or the API's parameters, and the graph it asks for."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _

from jarjestokartta.core.days import day_or_default
from jarjestokartta.diagram import graph as g
from jarjestokartta.diagram import loading, overview
from jarjestokartta.diagram.kinds import NODE_KINDS
from jarjestokartta.directory.models import Organization
from jarjestokartta.directory.queries import areas_within
from jarjestokartta.geography.models import Area, AreaKind

DEPTHS = (1, 2, 3)
# A region whose bodies, projects and public bodies have more memberships than this on the day
# is drawn as an overview: the bodies and a count of each one's members. 300 ties is already a
# picture of some 300 nodes, wider than any screen at a legible size (the compact layout
# starts at 150), with a text alternative of several hundred lines. The demo regions have
# under 40.
OVERVIEW_THRESHOLD = 300
# A focus whose next step would reach more organisations than this stops at the step before.
NEIGHBOURHOOD_LIMIT = 600


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
    request.day, bad_day = day_or_default(day, today)
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
    overview: bool = False  # the region's bodies with their members counted, not drawn
    depth: int = 0  # the depth drawn around a focus: less than asked when capped

    @property
    def focus(self) -> str:
        return self.request.focus.popolo_id if self.request.focus else ""

    @property
    def title(self) -> str:
        place = self.request.focus or self.request.region
        assert place is not None, "a diagram is drawn around a focus or of a region"
        return f"{place.name} {self.request.day:%-d.%-m.%Y}"

    @property
    def summarised(self) -> int:
        """How many memberships of organisations and people the summary nodes stand for (an
        organisation in two bodies is counted in both)."""
        return sum(node.count for node in self.graph.nodes.values() if node.kind == g.MEMBERS)

    @property
    def note(self) -> str:
        """What the picture leaves out and how to see it, for people; empty when nothing."""
        if self.overview:
            return _(
                "This region has more than %(threshold)s ties, so the diagram is an overview: "
                "cooperation bodies, projects and public bodies with the ties between them, and "
                "the number of each body's member organisations. Click a body, or its number "
                "of members, to see its members one by one."
            ) % {"threshold": OVERVIEW_THRESHOLD}
        if self.request.focus and self.depth < self.request.depth:
            return _(
                "Shown to depth %(depth)s: depth %(asked)s would reach more than %(limit)s "
                "organisations. Focus on a body further out to see its neighbours."
            ) % {"depth": self.depth, "asked": self.request.depth, "limit": NEIGHBOURHOOD_LIMIT}
        return ""


def diagram(request: DiagramRequest) -> Diagram:
    """A region's structure, or the focus and its neighbours, as of the request's day.

    A region whose bodies have more than OVERVIEW_THRESHOLD ties on the day becomes an
    overview (see `overview.region_overview`); deciding that costs a read of the bodies and
    one bounded count.
    """
    depth = request.depth
    summarise = False
    if request.focus:
        everything, depth = loading.neighbourhood_graph(
            request.focus, request.depth, NEIGHBOURHOOD_LIMIT
        )
        years = everything.years()
    elif request.region:
        area_ids = areas_within(request.region, request.day)
        bodies = overview.region_bodies(area_ids)
        summarise = overview.ties_on_day(bodies, request.day, OVERVIEW_THRESHOLD) > (
            OVERVIEW_THRESHOLD
        )
        if summarise:
            read = overview.region_overview(bodies, request.day)
            everything, years = read.graph, read.years
        else:
            everything = loading.region_graph(area_ids, request.day)
            years = everything.years()
    else:
        raise BadRequest(_("Choose a region or an organisation to focus on."))
    shown = everything.on_day(request.day).filtered(request.node_kinds, request.edge_kinds)
    if request.focus:
        shown = shown.neighbourhood(request.focus.popolo_id, depth)
    else:
        shown = shown.connected(keep_kinds=loading.STRUCTURE_KINDS)
    return Diagram(request=request, graph=shown, years=years, overview=summarise, depth=depth)
