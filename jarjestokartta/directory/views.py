from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from jarjestokartta.directory.models import Organization


def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A first organisation page; the public-site issue makes it complete."""
    org = get_object_or_404(
        Organization.objects.select_related("area", "parent").prefetch_related(
            "other_names", "themes", "target_groups", "operating_areas", "links"
        ),
        slug=slug,
    )
    return render(request, "directory/organization.html", {"org": org})
