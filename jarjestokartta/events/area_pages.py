"""The region and municipality pages: what happens there this week, and the organisations at
home or at work in the area.

In the events app rather than the directory since issue 14: the page lists occurrences, and the
directory is below events in the layers (pyproject's import-linter contract)."""

from datetime import date

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from jarjestokartta.directory import tabular
from jarjestokartta.directory.models import BODY_KINDS, Organization, TargetGroup, Theme
from jarjestokartta.directory.queries import areas_within, located_in
from jarjestokartta.directory.querysets import OrganizationQuerySet
from jarjestokartta.events import queries as event_queries
from jarjestokartta.events import when
from jarjestokartta.geography.models import Area, AreaKind

PAGE_SIZE = 25
SORTS = {"nimi": ("name",), "paivitetty": ("-modified", "name")}


def _area(slug: str) -> Area:
    area = get_object_or_404(Area, slug=slug)
    if area.classification not in {AreaKind.REGION, AreaKind.MUNICIPALITY}:
        raise Http404
    return area


class Listing:
    """A region's or municipality's organisations with the page's filters: the page and its
    CSV and XLSX downloads list exactly the same organisations."""

    def __init__(self, area: Area, request: HttpRequest, today: date) -> None:
        if area.classification == AreaKind.REGION:
            area_ids = areas_within(area, today)
            self.municipalities = list(
                Area.objects.filter(pk__in=area_ids, classification=AreaKind.MUNICIPALITY)
            )
            self.region: Area | None = area
        else:
            area_ids = [area.pk]
            self.municipalities = []
            self.region = area.region_on(today)
        self.chosen = {
            "kunta": request.GET.get("kunta", ""),
            "tyyppi": request.GET.get("tyyppi", ""),
            "teema": request.GET.get("teema", ""),
            "kohderyhma": request.GET.get("kohderyhma", ""),
            "jarjestys": request.GET.get("jarjestys", "nimi"),
        }
        if self.chosen["kunta"]:
            picked = [m.pk for m in self.municipalities if m.slug == self.chosen["kunta"]]
            area_ids = picked or area_ids
        self.located = located_in(area_ids)

    def organizations(self) -> OrganizationQuerySet:
        chosen = self.chosen
        organizations = Organization.objects.filter(self.located)
        if chosen["tyyppi"] in Organization.Kind.values:
            organizations = organizations.filter(classification=chosen["tyyppi"])
        if chosen["teema"]:
            organizations = organizations.filter(themes__slug=chosen["teema"])
        if chosen["kohderyhma"]:
            organizations = organizations.filter(target_groups__slug=chosen["kohderyhma"])
        return organizations.order_by(*SORTS.get(chosen["jarjestys"], SORTS["nimi"]))


def area_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A region's or municipality's organisations and bodies, with filters and pages."""
    area = _area(slug)
    today = timezone.localdate()
    listing = Listing(area, request, today)
    organizations = listing.organizations().select_related("area")
    located, chosen, municipalities = listing.located, listing.chosen, listing.municipalities
    region = listing.region
    page = Paginator(organizations, PAGE_SIZE).get_page(request.GET.get("sivu"))
    query = request.GET.copy()
    query.pop("sivu", None)
    bodies = (
        Organization.objects.filter(located, classification__in=BODY_KINDS)
        .active_on(today)
        .order_by("name")
    )
    bodies = list(bodies)
    context = {
        "area": area,
        "region": region,
        "municipalities": sorted(municipalities, key=lambda m: m.name),
        "page": page,
        "chosen": chosen,
        "query": query.urlencode(),
        "kinds": Organization.Kind.choices,
        "themes": Theme.objects.all(),
        "target_groups": TargetGroup.objects.all(),
        "bodies": bodies,
    }
    if request.htmx:  # the filters redraw only the organisations
        return render(request, "events/_area_organizations.html", context)
    if area.classification == AreaKind.REGION:
        week_areas = [m.pk for m in municipalities]
    else:
        week_areas = [area.pk]
    context["this_week"] = [
        (occurrence, when.stored_when(occurrence))
        for occurrence in event_queries.this_week(week_areas, today)
    ]
    template = "events/area.html"
    return render(request, template, context)


def area_download(request: HttpRequest, slug: str, format: str) -> HttpResponse:
    """The organisations the area page lists with the same filters, as CSV or XLSX."""
    area = _area(slug)
    today = timezone.localdate()
    listing = Listing(area, request, today)
    chosen = listing.chosen
    name = tabular.filename(
        area.slug, chosen["kunta"], chosen["tyyppi"], chosen["teema"], day=today
    )
    return tabular.organizations_download(listing.organizations(), request, format, name)
