from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from jarjestokartta.directory.models import Organization
from jarjestokartta.directory.queries import region_counts


def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    recent = Organization.objects.select_related("area").order_by("-modified", "name")[:8]
    return render(
        request,
        "core/home.html",
        {"regions": region_counts(today), "today": today, "recent": recent},
    )
