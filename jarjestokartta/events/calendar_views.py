"""iCalendar feeds: one activity, an organisation's events, a body's meetings, and any
filtered listing. Only published events; the feed format is in events/calendar.py."""

from collections.abc import Callable
from datetime import date, datetime, time

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jarjestokartta.directory.models import BODY_KINDS, Organization
from jarjestokartta.events import calendar, feed_params, feed_texts, occurrences
from jarjestokartta.events.filtering import UnknownValue, filter_occurrences
from jarjestokartta.events.models import Event

# A listing's feed holds at most this many events: a calendar app is not a download of the
# whole country. Nationally a month of every region but Uusimaa is under it (Pohjois-Savo
# 12,706 events, 8.7 MB, 196 ms; Pirkanmaa about 25,000); Uusimaa's (74,000 events, 50 MB)
# and the country's (273,000) are refused: narrowed to a municipality or a theme they are
# answered. More is refused, not cut, so that a subscriber never silently misses what the
# listing shows.
MAX_EVENTS = 30_000
# The listing's own limit on its words.
MAX_WORDS_LENGTH = 200

# The events whose words match a query, as a condition on an occurrence's event, or None when
# the query has no words: given by the site's addresses (urls.py), as the search that reads
# words is a higher layer than events.
WordsMatcher = Callable[[str], Q | None]


def today() -> date:
    """The local day a listing's feed starts from (a function, so that tests can fix it)."""
    return timezone.localdate()


def published() -> QuerySet[Event]:
    return Event.objects.published()


def ics_response(
    events: QuerySet[Event] | list[feed_texts.Entry], name: str, filename: str, request
) -> HttpResponse | StreamingHttpResponse:
    """The feed of `events` (a queryset in the feed's order, or its entries read already).
    A feed of one chunk is answered whole, with its length; a longer one streams a chunk at
    a time, so that a region's month is not held in memory at once."""
    chosen = events if isinstance(events, list) else feed_texts.entries(events)
    body = feed_texts.stream(chosen, name=name, pattern=page_pattern(request))
    if len(chosen) <= feed_texts.CHUNK:
        response: HttpResponse | StreamingHttpResponse = HttpResponse(
            b"".join(body), content_type=calendar.CONTENT_TYPE
        )
    else:
        response = StreamingHttpResponse(body, content_type=calendar.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def page_pattern(request: HttpRequest) -> str:
    """The event pages' address with {slug} for the slug, made once a feed: build_absolute_uri
    and reverse for each event took a fifth of a feed's time. A slug needs no quoting."""
    placeholder = "slug"
    page = request.build_absolute_uri(reverse("event", args=[placeholder]))
    before, _, after = page.rpartition(placeholder)
    return f"{before}{feed_texts.SLUG}{after}"


def page_addresses(request: HttpRequest) -> Callable[[Event], str]:
    """Each event's page address (for what writes events one by one, as the API's JSON)."""
    pattern = page_pattern(request)
    return lambda event: feed_texts.page_of(pattern, event.slug)


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(published().only("name", "slug"), slug=slug)
    return ics_response(published().filter(pk=event.pk), event.name, event.slug, request)


def organization_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """What the organisation arranges, alone or with others."""
    org = get_object_or_404(Organization, slug=slug)
    # One subquery of the two lists, each read by its own index: as "organizer = x OR pk IN
    # (…)" PostgreSQL read every event (94 ms at 10,000 organisations, a table scan).
    own = Event.objects.filter(organizer=org).order_by().values("pk")
    co_organized = Event.co_organizers.through.objects.filter(organization=org).values("event")
    events = published().filter(pk__in=own.union(co_organized))
    name = _("%(organization)s: activities and events") % {"organization": org.name}
    return ics_response(events.order_by("start", "pk"), name, f"{org.slug}-tapahtumat", request)


def body_meetings_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """A cooperation body's meetings, past and coming."""
    body = get_object_or_404(Organization, slug=slug, classification__in=BODY_KINDS)
    meetings = published().filter(body=body)
    name = _("%(body)s: meetings") % {"body": body.name}
    return ics_response(meetings.order_by("start", "pk"), name, f"{body.slug}-kokoukset", request)


def event_list_ics(request: HttpRequest, words: WordsMatcher | None = None) -> HttpResponse:
    """The listing's filters as a feed: the events that occur from `start` (today when left
    out) to `end` (the end of the stored occurrences), every occurrence of each in the file;
    with `q`, only those `words` finds. More than MAX_EVENTS is refused with a 400."""
    try:
        query = feed_params.read(request.GET)
        day = today()
        _stored_first, stored_last = occurrences.window(day)
        first = query.first or datetime.combine(day, time.min, timezone.get_default_timezone())
        last = query.last or stored_last
        # The events of the listing's own stored occurrences in those days: one range of the
        # (area, start) index for a region, where the events' own place columns have none.
        occurring = filter_occurrences(query.wanted, first, last, day).order_by()
        q = request.GET.get("q", "").strip()[:MAX_WORDS_LENGTH]
        if q:
            if words is None:
                return _bad_request(_("This feed cannot filter by words."))
            matching = words(q)
            if matching is not None:
                occurring = occurring.filter(matching)
        events = published().filter(pk__in=occurring.values("event_id"))
        # The events in the feed's order, one more than the cap to know it is over:
        # the texts are read only for a feed that will be answered.
        chosen = feed_texts.entries(events.order_by("start", "pk"), limit=MAX_EVENTS + 1)
        if len(chosen) > MAX_EVENTS:
            return _bad_request(
                _(
                    "More than %(limit)s activities and events match: too many for one"
                    " calendar. Narrow the listing: choose a municipality, a theme or fewer"
                    " days."
                )
                % {"limit": MAX_EVENTS}
            )
    except feed_params.BadParameter as error:
        return _bad_request(str(error))
    except UnknownValue as error:
        return _bad_request(
            _("A filter value names nothing (%(detail)s); check the address.") % {"detail": error}
        )
    return ics_response(chosen, _("Activities and events"), "tapahtumat", request)


def _bad_request(message: str) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
