from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from jarjestokartta.core.days import day_or_default
from jarjestokartta.directory import presentation
from jarjestokartta.directory.models import Organization
from jarjestokartta.structures import queries


def _organization(slug: str) -> Organization:
    return get_object_or_404(
        Organization.objects.with_details().prefetch_related("children"), slug=slug
    )


def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation's public page; a body's shows who sits in it on the chosen day."""
    org = _organization(slug)
    today = timezone.localdate()
    day, bad_day = day_or_default(request.GET.get("paiva"), today)
    url = request.build_absolute_uri(request.path)
    context = {
        "org": org,
        "day": day,
        "today": today,
        "bad_day": bad_day,
        "is_today": day == today,
        "involvements": queries.involvements(org, day),
        "roster": queries.roster(org, day),
        "emails": [
            presentation.masked_email(c.value)
            for c in org.contact_details.all()
            if c.type == "email"
        ],
        "json_ld": presentation.json_ld(org, url),
        "page_url": request.path,
    }
    if org.is_body or org.classification == Organization.Kind.PROJECT:
        context["first_day"], context["last_day"] = queries.dated_range(org)
        context["history"] = queries.seat_history(org)
    template = "directory/_roster.html" if request.htmx else "directory/organization.html"
    return render(request, template, context)


def organization_vcard(request: HttpRequest, slug: str) -> HttpResponse:
    org = _organization(slug)
    card = presentation.vcard(org, request.build_absolute_uri(f"/jarjestot/{org.slug}/"))
    response = HttpResponse(card, content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{org.slug}.vcf"'
    return response
