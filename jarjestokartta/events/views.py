"""An activity's or event's public page: when in plain words, where, who organises, how to
take part, and its schema.org JSON-LD."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from jarjestokartta.events import jsonld, when
from jarjestokartta.events.choices import Accessibility, Language
from jarjestokartta.events.models import Event


def published_event_or_404(slug: str) -> Event:
    """The published event with the slug; a draft is shown to nobody on the public site."""
    event = (
        Event.objects.filter(slug=slug, is_published=True)
        .select_related("organizer", "body", "municipality", "super_event")
        .prefetch_related("co_organizers", "changes", "themes", "target_groups")
        .first()
    )
    if event is None:
        raise Http404
    return event


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The page of one activity or event.

    Queries: the event with organiser, body, municipality and umbrella event; its co-organisers,
    changes, themes and target groups; its published sub-events.
    """
    event = published_event_or_404(slug)
    coming = when.coming(event)
    upcoming = next((item for item in coming if not item.is_cancelled), None)
    url = request.build_absolute_uri(event.get_absolute_url())
    organizer_url = request.build_absolute_uri(reverse("organization", args=[event.organizer.slug]))
    super_event = (
        event.super_event if event.super_event and event.super_event.is_published else None
    )
    context = {
        "event": event,
        "rhythm": when.rhythm(event),
        "next_date": when.next_date(upcoming.occurrence) if upcoming else "",
        "coming": coming,
        "accessibility": [_label(Accessibility, code) for code in event.accessibility],
        "languages": [_label(Language, code) for code in event.languages],
        "super_event": super_event,
        "sub_events": list(event.sub_events.filter(is_published=True).order_by("start", "name")),
        "json_ld": jsonld.script_text(jsonld.data(event, url, organizer_url)),
    }
    return render(request, "events/event.html", context)


def _label(codes: type[Accessibility] | type[Language], code: str) -> str:
    """The translated label; an unknown code (an old import) as itself rather than a 500."""
    return str(dict(codes.choices).get(code, code))
