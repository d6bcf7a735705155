"""Activities and events: the filtered list, one by id, their stored occurrences by day, and
the list as iCalendar, CSV or XLSX. Filters mean what they mean on the listing page
(events/filtering.py)."""

from datetime import UTC, datetime, time

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from ninja import P, PathEx, Query, Router, Schema
from pydantic import Field, field_validator

from jarjestokartta.api.common import (
    DETAIL_ERRORS,
    ERRORS,
    Day,
    Moment,
    PageParams,
    download_response,
    json_response,
    not_found,
    page_of,
    unprocessable,
)
from jarjestokartta.api.event_records import (
    event_record,
    for_records,
    headers,
    occurrence_record,
    page_address,
    rows,
)
from jarjestokartta.api.event_schemas import (
    AccessibilityCode,
    ChannelCode,
    EventPage,
    Kind,
    LanguageCode,
    OccurrencePage,
)
from jarjestokartta.api.event_schemas import Event as EventOut
from jarjestokartta.core.addresses import site_root
from jarjestokartta.directory import tabular
from jarjestokartta.events import calendar, feed_texts, occurrences
from jarjestokartta.events.calendar_views import page_pattern
from jarjestokartta.events.filtering import (
    EventFilter,
    UnknownValue,
    filter_events,
    filter_occurrences,
)
from jarjestokartta.events.models import Event

router = Router(tags=["events"])
MAX_DAYS = 366
# An .ics of more events than this is a download of the country, not a calendar to follow.
MAX_ICS_EVENTS = 2000


class Filters(Schema):
    organizer: list[str] = Field(
        default_factory=list, description="Organiser's or co-organiser's Popolo id or slug"
    )
    body: list[str] = Field(
        default_factory=list, description="Cooperation body's Popolo id or slug: its meetings"
    )
    region: list[str] = Field(
        default_factory=list, description="Region slug or code (pohjois-savo, 11)"
    )
    municipality: list[str] = Field(
        default_factory=list,
        description="Municipality slug or number (kuopio, 297): held there, or online or by "
        "phone by an organisation at home there",
    )
    theme: list[str] = Field(default_factory=list, description="Theme id, see /themes")
    target_group: list[str] = Field(
        default_factory=list, description="Target group id, see /target_groups"
    )
    kind: list[Kind] = Field(default_factory=list, description="activity, event, course, …")
    language: list[LanguageCode] = Field(
        default_factory=list, description="Held in this language (ISO 639-1)"
    )
    channel: list[ChannelCode] = Field(
        default_factory=list, description="place, online or phone; hybrid is found by both"
    )
    accessibility: list[AccessibilityCode] = Field(
        default_factory=list, description="Has every one of these accessibility features"
    )
    is_free: bool | None = Field(None, description="true: free of charge only; false: paid only")
    modified_after: Moment | None = Field(
        None, description="Changed after this moment (ISO 8601; Finnish time when no zone)"
    )

    @field_validator("organizer", "body", "region", "municipality", "theme", "target_group")
    @classmethod
    def short_values(cls, values: list[str]) -> list[str]:
        if len(values) > 50 or any(len(value) > 200 for value in values):
            raise ValueError("at most 50 values of at most 200 characters")
        return values

    def wanted(self) -> EventFilter:
        modified_after = self.modified_after
        if modified_after and timezone.is_naive(modified_after):
            modified_after = timezone.make_aware(modified_after)
        if modified_after:
            # In UTC: PostgreSQL refuses offsets beyond ±15:59, which ISO 8601 allows (+23:20).
            modified_after = modified_after.astimezone(UTC)
        return EventFilter(
            organizer=self.organizer,
            body=self.body,
            region=self.region,
            municipality=self.municipality,
            theme=self.theme,
            target_group=self.target_group,
            kind=self.kind,
            language=self.language,
            channel=self.channel,
            accessibility=self.accessibility,
            is_free=self.is_free,
            modified_after=modified_after,
        )


class Days(Schema):
    start: Day = Field(description="The first day (YYYY-MM-DD), Finnish time")
    end: Day = Field(description=f"The last day (YYYY-MM-DD), at most {MAX_DAYS} days on")


def matching(filters: Filters, queryset=None):  # type: ignore[no-untyped-def]
    """The events the filters find, by start; with what a record shows unless `queryset`
    (published events, loaded as its caller needs) is given."""
    queryset = for_records() if queryset is None else queryset
    try:
        return filter_events(queryset, filters.wanted(), timezone.localdate()).order_by(
            "start", "name", "pk"
        )
    except UnknownValue as error:
        raise unprocessable(str(error)) from None


def _base(request: HttpRequest) -> str:
    return site_root(request)


@router.get(
    "/events",
    response={200: EventPage, **ERRORS},
    summary="Activities and events, filtered and paginated",
)
def event_list(
    request: HttpRequest, filters: Query[Filters], paging: Query[PageParams]
) -> HttpResponse:
    """Published activities, events, courses, volunteering tasks and body meetings, by first
    start. Filters combine with AND; several values of one filter (kind=a&kind=b) with OR. A
    recurring one is one record with its rule; /occurrences lists its dates."""
    url_of = page_address(_base(request))
    queryset = matching(filters)
    return json_response(
        page_of(queryset, paging, lambda items: [event_record(e, url_of) for e in items])
    )


@router.get(
    "/events.ics",
    response=ERRORS,
    summary="The filtered list as an iCalendar feed",
    openapi_extra=download_response(calendar.CONTENT_TYPE, "An RFC 5545 calendar"),
)
def event_ics(request: HttpRequest, filters: Query[Filters]) -> HttpResponse:
    """The same filters as /events, each one a VEVENT with its RRULE, EXDATE and RDATE on
    Europe/Helsinki wall-clock time and a VEVENT with RECURRENCE-ID for each occurrence
    changed on its own. At most 2000 events: narrow the filters for more."""
    events = matching(filters, Event.objects.published())
    # Counted on the primary keys before anything is loaded: a refusal made the 2001 events
    # first, a third of a second for the region of Pohjois-Savo at 10,000 organisations.
    if events.order_by().values("pk")[: MAX_ICS_EVENTS + 1].count() > MAX_ICS_EVENTS:
        raise unprocessable(f"more than {MAX_ICS_EVENTS} events match; narrow the filters")
    # The texts kept ready (events/feed_texts.py), answered whole: at most 2000 events, and
    # the API's cache keeps only a whole answer.
    chosen = feed_texts.entries(events)
    body = feed_texts.stream(chosen, name="Järjestökartta", pattern=page_pattern(request))
    response = HttpResponse(b"".join(body), content_type=calendar.CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="tapahtumat.ics"'
    return response


@router.get(
    "/events.csv",
    response=ERRORS,
    summary="The filtered list as CSV for Excel",
    openapi_extra=download_response("text/csv", "A semicolon-separated table"),
)
def event_csv(request: HttpRequest, filters: Query[Filters]) -> HttpResponse:
    """The same filters as /events, every matching event. UTF-8 with a byte order mark,
    fields separated by semicolons (Finnish Excel)."""
    return _download(request, filters, "csv")


@router.get(
    "/events.xlsx",
    response=ERRORS,
    summary="The filtered list as an Excel workbook",
    openapi_extra=download_response(tabular.XLSX_TYPE, "An Excel workbook"),
)
def event_xlsx(request: HttpRequest, filters: Query[Filters]) -> HttpResponse:
    """The same filters and columns as /events.csv."""
    return _download(request, filters, "xlsx")


def _download(request: HttpRequest, filters: Filters, format: str) -> HttpResponse:
    # Streamed row by row for the CSV: a region's events never sit in memory at once.
    table = rows(matching(filters), page_address(_base(request)))
    parts = [slugify(part) for part in (*filters.region, *filters.municipality, *filters.kind)]
    name = "-".join(["tapahtumat", *parts[:4], timezone.localdate().isoformat()])
    if format == "csv":
        lines = tabular.csv_lines(table, headers())
        response: HttpResponse = StreamingHttpResponse(lines, content_type=tabular.CSV_TYPE)
    else:
        workbook = tabular.xlsx_bytes(table, _("Activities and events"), headers())
        response = HttpResponse(workbook, content_type=tabular.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.{format}"'
    return response


@router.get(
    "/events/{ref}",
    response={200: EventOut, **DETAIL_ERRORS},
    summary="One activity or event",
)
def event_detail(
    request: HttpRequest,
    ref: PathEx[str, P(description="The event's Popolo id", max_length=200)],
) -> HttpResponse:
    """A published activity or event by its Popolo id."""
    event = for_records().filter(popolo_id=ref).first()
    if event is None:
        raise not_found(f"no published activity or event with id {ref!r}")
    return json_response(event_record(event, page_address(_base(request))))


@router.get(
    "/occurrences",
    response={200: OccurrencePage, **ERRORS},
    summary="Occurrences day by day, filtered and paginated",
)
def occurrence_list(
    request: HttpRequest,
    days: Query[Days],
    filters: Query[Filters],
    paging: Query[PageParams],
) -> HttpResponse:
    """Every occurrence that starts on the days from start to end, by start: a recurring
    activity once for each date, cancelled ones included (status cancelled), moved ones where
    they moved to. At most 366 days a request, within the days the service keeps ready."""
    first, last = _moments(days)
    wanted, today = filters.wanted(), timezone.localdate()
    try:
        queryset = filter_occurrences(wanted, first, last, today)
        counted = filter_occurrences(wanted, first, last, today, counting=True)
    except UnknownValue as error:
        raise unprocessable(str(error)) from None
    queryset = queryset.select_related("event").only(
        "start", "end", "status", "original_start", "note", "event__popolo_id", "event__timezone"
    )
    return json_response(
        page_of(
            queryset, paging, lambda items: [occurrence_record(o) for o in items], counted=counted
        )
    )


def _moments(days: Days) -> tuple[datetime, datetime]:
    if days.end < days.start:
        raise unprocessable("end is before start")
    if (days.end - days.start).days + 1 > MAX_DAYS:
        raise unprocessable(f"at most {MAX_DAYS} days a request; ask for the rest in another")
    stored_first, stored_last = occurrences.window(timezone.localdate())
    kept = (stored_first.date(), stored_last.date())
    if days.start < kept[0] or days.end > kept[1]:
        raise unprocessable(
            f"occurrences are kept from {kept[0].isoformat()} to {kept[1].isoformat()}; "
            "ask for days within them"
        )
    zone = timezone.get_default_timezone()
    return datetime.combine(days.start, time.min, zone), datetime.combine(days.end, time.max, zone)
