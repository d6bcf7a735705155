"""An organisation's public page: its record from the directory, and from this app where it
takes part and, for a body, who sits in it on the chosen day.

Here rather than in the directory because the page shows seats and memberships, which the
directory does not know of (structures builds on it)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from jarjestokartta.core.days import day_or_default
from jarjestokartta.directory import presentation
from jarjestokartta.directory.models import Organization
from jarjestokartta.directory.views import organization_or_404
from jarjestokartta.events import queries as event_queries
from jarjestokartta.structures import queries


def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation's public page; a body's shows who sits in it on the chosen day.

    Besides the directory's and the seats' queries, the activities and events it arranges
    (2: the events, their changes) and for a body its meetings (2: the meetings, their changes).
    """
    org = organization_or_404(slug)
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
    if not request.htmx:  # the roster alone shows no events
        context["offered"] = event_queries.offered_by(org.pk)
        if org.is_body:
            context["meetings"] = event_queries.meetings_of(org.pk)
    if org.is_body or org.classification == Organization.Kind.PROJECT:
        context["first_day"], context["last_day"] = queries.dated_range(org)
        context["history"] = queries.seat_history(org)
    template = "structures/_roster.html" if request.htmx else "structures/organization.html"
    return render(request, template, context)
