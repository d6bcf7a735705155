"""iCalendar feeds: one activity, an organisation's events, a body's meetings, and any
filtered listing. Only published events; the feed format is in events/calendar.py."""

from datetime import datetime, time

from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from jarjestokartta.directory.models import BODY_KINDS, Organization
from jarjestokartta.events import calendar, feed_params, occurrences
from jarjestokartta.events.filtering import UnknownValue, filter_events
from jarjestokartta.events.models import Event, Occurrence

# A listing's feed holds at most this many events (the first by start): a calendar app is
# not a download of the whole country, and the largest region's month stays a quick answer.
MAX_EVENTS = 2000


def published():
    return Event.objects.published().select_related("municipality").prefetch_related("changes")


def ics_response(events, name: str, filename: str, request: HttpRequest) -> HttpResponse:
    body = calendar.feed(
        events, name=name, url_of=lambda e: request.build_absolute_uri(e.get_absolute_url())
    )
    response = HttpResponse(body, content_type=calendar.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(published(), slug=slug)
    return ics_response([event], event.name, event.slug, request)


def organization_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """What the organisation arranges, alone or with others."""
    org = get_object_or_404(Organization, slug=slug)
    co_organized = Event.co_organizers.through.objects.filter(organization=org).values("event")
    events = published().filter(Q(organizer=org) | Q(pk__in=co_organized))
    name = _("%(organization)s: activities and events") % {"organization": org.name}
    return ics_response(events.order_by("start", "pk"), name, f"{org.slug}-tapahtumat", request)


def body_meetings_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """A cooperation body's meetings, past and coming."""
    body = get_object_or_404(Organization, slug=slug, classification__in=BODY_KINDS)
    meetings = published().filter(body=body)
    name = _("%(body)s: meetings") % {"body": body.name}
    return ics_response(meetings.order_by("start", "pk"), name, f"{body.slug}-kokoukset", request)


def event_list_ics(request: HttpRequest) -> HttpResponse:
    """The listing's filters as a feed: the events that occur from `start` (today when left
    out) to `end` (the end of the stored occurrences), every occurrence of each in the file."""
    try:
        query = feed_params.read(request.GET)
        today = timezone.localdate()
        _stored_first, stored_last = occurrences.window(today)
        first = query.first or datetime.combine(today, time.min, timezone.get_default_timezone())
        last = query.last or stored_last
        occurring = Occurrence.objects.filter(start__gte=first, start__lte=last)
        events = filter_events(published(), query.wanted, today).filter(
            pk__in=occurring.values("event")
        )
        chosen = list(events.order_by("start", "pk")[:MAX_EVENTS])
    except feed_params.BadParameter as error:
        return _bad_request(str(error))
    except UnknownValue as error:
        return _bad_request(
            _("A filter value names nothing (%(detail)s); check the address.") % {"detail": error}
        )
    return ics_response(chosen, _("Activities and events"), "tapahtumat", request)


def _bad_request(message: str) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
