from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from jarjestokartta.directory.models import BODY_KINDS, Organization, TargetGroup, Theme
from jarjestokartta.directory.queries import areas_within
from jarjestokartta.geography.models import Area, AreaKind

PAGE_SIZE = 25
SORTS = {"nimi": ("name",), "paivitetty": ("-modified", "name")}


def area_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A region's or municipality's organisations and bodies, with filters and pages."""
    area = get_object_or_404(Area, slug=slug)
    if area.classification not in {AreaKind.REGION, AreaKind.MUNICIPALITY}:
        raise Http404
    today = timezone.localdate()
    if area.classification == AreaKind.REGION:
        area_ids = areas_within(area, today)
        municipalities = list(
            Area.objects.filter(pk__in=area_ids, classification=AreaKind.MUNICIPALITY)
        )
        region = area
    else:
        area_ids = [area.pk]
        municipalities = []
        region = area.region_on(today)

    chosen = {
        "kunta": request.GET.get("kunta", ""),
        "tyyppi": request.GET.get("tyyppi", ""),
        "teema": request.GET.get("teema", ""),
        "kohderyhma": request.GET.get("kohderyhma", ""),
        "jarjestys": request.GET.get("jarjestys", "nimi"),
    }
    if chosen["kunta"]:
        picked = [m.pk for m in municipalities if m.slug == chosen["kunta"]]
        area_ids = picked or area_ids
    located = Organization.objects.filter(Q(area__in=area_ids) | Q(operating_areas__in=area_ids))
    organizations = Organization.objects.filter(pk__in=located.values("pk")).select_related("area")
    if chosen["tyyppi"] in Organization.Kind.values:
        organizations = organizations.filter(classification=chosen["tyyppi"])
    if chosen["teema"]:
        organizations = organizations.filter(themes__slug=chosen["teema"])
    if chosen["kohderyhma"]:
        organizations = organizations.filter(target_groups__slug=chosen["kohderyhma"])
    organizations = organizations.order_by(*SORTS.get(chosen["jarjestys"], SORTS["nimi"]))

    page = Paginator(organizations, PAGE_SIZE).get_page(request.GET.get("sivu"))
    query = request.GET.copy()
    query.pop("sivu", None)
    bodies = (
        Organization.objects.filter(pk__in=located.values("pk"), classification__in=BODY_KINDS)
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
    template = "geography/_organizations.html" if request.htmx else "geography/area.html"
    return render(request, template, context)
