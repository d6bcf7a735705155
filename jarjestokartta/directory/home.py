"""The home page: the regions with their organisations and bodies, and the search."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from jarjestokartta.directory.models import BODY_KINDS, Organization
from jarjestokartta.directory.queries import region_counts
from jarjestokartta.geography.models import Area, AreaKind


def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    regions = region_counts(today)
    chosen = None
    slug = request.GET.get("maakunta")
    if slug:
        chosen = Area.objects.filter(slug=slug, classification=AreaKind.REGION).first()
    bodies = []
    if chosen is not None:
        bodies = list(
            Organization.objects.in_region(chosen, today)
            .filter(classification__in=BODY_KINDS)
            .active_on(today)
            .order_by("name")
        )
    recent = Organization.objects.select_related("area").order_by("-modified", "name")[:8]
    return render(
        request,
        "directory/home.html",
        {
            "regions": regions,
            "chosen": chosen,
            "bodies": bodies,
            "today": today,
            "recent": recent,
        },
    )
