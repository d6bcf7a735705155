"""An organisation's editors keep its activities and events: the list, a new one, an edit.

Activities and events are the organisation's own announcements: its editors publish them
(or keep them as drafts) without the coordinator's review, which is for the organisation's own
data (editing/services.py); every save keeps the event's history (simple-history) with who made
it. A form saved over a change made meanwhile is not saved: the page shows what is saved now
beside what was sent, and saving again is a choice made knowing both.
"""

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jarjestokartta.directory.models import Organization
from jarjestokartta.editing.event_forms import SiteEventForm
from jarjestokartta.events import when
from jarjestokartta.events.models import Event
from jarjestokartta.roles.permissions import Action, require

# Compared to tell a stale form: the model's fields the form writes, the schedule included.
_COMPARED = ["start", "end", "rrule", "exdates", "rdates"]


def _organization(request: HttpRequest, slug: str) -> Organization:
    org = get_object_or_404(Organization, slug=slug)
    require(request.user, Action.EDIT_EVENTS, org)
    return org


@login_required
def organization_events(request: HttpRequest, slug: str) -> HttpResponse:
    org = _organization(request, slug)
    events = Event.objects.filter(organizer=org).order_by("-is_published", "name")
    return render(request, "editing/events.html", {"org": org, "events": events})


def _free_slug(name: str, event_pk: int | None) -> str:
    base = slugify(name)[:180] or "tapahtuma"
    slug, number = base, 1
    while Event.objects.filter(slug=slug).exclude(pk=event_pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _shown(value: Any) -> str:
    if value in (None, "", []):
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%-d.%-m.%Y %H.%M")
    if isinstance(value, list | tuple):
        return ", ".join(_shown(item) for item in value)
    return str(value)


def _differences(saved: Event, form: SiteEventForm) -> list[dict[str, Any]]:
    """The fields whose saved value differs from what the form would save."""
    rows = []
    for name in [*SiteEventForm.Meta.fields, *_COMPARED]:
        field = Event._meta.get_field(name)
        if field.many_to_many:
            mine = sorted(str(item) for item in form.cleaned_data.get(name, []))
            theirs = sorted(str(item) for item in getattr(saved, name).all())
        else:
            mine, theirs = getattr(form.instance, name), getattr(saved, name)
        if mine != theirs:
            rows.append(
                {"label": field.verbose_name, "theirs": _shown(theirs), "mine": _shown(mine)}
            )
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, slug: str, event_slug: str | None = None) -> HttpResponse:
    org = _organization(request, slug)
    saved = get_object_or_404(Event, slug=event_slug, organizer=org) if event_slug else None
    editing = Event.objects.get(pk=saved.pk) if saved else Event(organizer=org)
    form = SiteEventForm(request.POST or None, instance=editing)
    stale: list[dict[str, Any]] = []
    if request.method == "POST" and form.is_valid():
        loaded = request.POST.get("sequence", "")
        if saved is not None and loaded != str(saved.sequence):
            stale = _differences(saved, form)
        if not stale and "preview" in request.POST:
            return render(
                request,
                "editing/event_edit.html",
                {
                    "org": org,
                    "event": saved,
                    "form": form,
                    "sequence": request.POST.get("sequence", ""),
                    "preview": form.instance,
                    "preview_when": when.rhythm(form.instance),
                    "cancel_url": reverse("organization-events", args=[org.slug]),
                },
            )
        if not stale:
            event = form.save(commit=False)
            event.slug = event.slug or _free_slug(event.name, event.pk)
            event.save()
            form.save_m2m()
            if event.is_published:
                messages.success(request, _("Saved; it is public now."))
            else:
                messages.success(request, _("Saved as a draft; it is not public."))
            return redirect("organization-events", slug=org.slug)
    return render(
        request,
        "editing/event_edit.html",
        {
            "org": org,
            "event": saved,
            "form": form,
            # A stale form is sent again against the version it was shown.
            "sequence": saved.sequence if saved else "",
            "stale": stale,
            "cancel_url": reverse("organization-events", args=[org.slug]),
        },
        status=409 if stale else 200,
    )
