"""The "Tapahtumat ja toiminta" listing: upcoming occurrences by day, with filters, pages,
CSV/XLSX downloads, and "Lähelläsi" (a postal code's municipality first, then its region).

Pages have no total: counting every match of "the whole country, this year" would cost more
than the page itself, so a page fetches one row more than it shows to know whether a next
page exists.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from jarjestokartta.directory.models import TargetGroup, Theme
from jarjestokartta.events.choices import Accessibility, Channel, EventKind, Language
from jarjestokartta.events.filtering import EventFilter, UnknownValue, filter_occurrences
from jarjestokartta.events.models import Occurrence
from jarjestokartta.geography import postal_codes
from jarjestokartta.geography.models import Area, AreaKind
from jarjestokartta.search.event_downloads import occurrences_download
from jarjestokartta.search.event_feed_link import drops_period, feed_address
from jarjestokartta.search.event_matching import events_matching

HELSINKI = ZoneInfo("Europe/Helsinki")
PAGE_SIZE = 30
MAX_PAGE = 200
# A chosen range is at most a year: the stored occurrences reach no further ahead anyway.
MAX_DAYS = 366
WEEKDAYS = ("maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai")
PERIODS = ("tanaan", "viikko", "kuukausi")


class BadListing(ValueError):
    """A filter value the page cannot use; its message is shown to the user (translated)."""


def today() -> date:
    """The local day the listing starts from (a function, so that tests can fix it)."""
    return timezone.localdate()


@dataclass
class Chosen:
    """The listing's filters as read from the GET parameters."""

    wanted: EventFilter
    start: datetime
    end: datetime
    q: str = ""
    period: str = ""
    since: str = ""
    until: str = ""
    page: int = 1
    values: dict[str, list[str]] = field(default_factory=dict)


def _day(raw: str, name: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadListing(
            _("The date “%(value)s” in “%(name)s” is not a date: write it as YYYY-MM-DD.")
            % {"value": raw, "name": name}
        ) from None


def _codes(params: QueryDict, name: str, allowed: list[str], label: str) -> list[str]:
    values = [value for value in params.getlist(name) if value]
    for value in values:
        if value not in allowed:
            raise BadListing(
                _("“%(value)s” is not a known %(label)s.") % {"value": value, "label": label}
            )
    return values


def _range(params: QueryDict, day: date) -> tuple[datetime, datetime, str, str, str]:
    period = params.get("aika", "")
    since, until = params.get("alkaen", "").strip(), params.get("asti", "").strip()
    if period and period not in PERIODS:
        raise BadListing(_("“%(value)s” is not a known time period.") % {"value": period})
    first, last = day, day + timedelta(days=MAX_DAYS)
    if period == "tanaan":
        last = day
    elif period == "viikko":
        last = day + timedelta(days=6 - day.weekday())
    elif period == "kuukausi":
        last = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if since:
        first = _day(since, "alkaen")
    if until:
        last = _day(until, "asti")
    if since and not until:
        last = first + timedelta(days=MAX_DAYS)
    if last < first:
        raise BadListing(_("The end date is before the start date."))
    if (last - first).days > MAX_DAYS:
        raise BadListing(_("Choose at most a year at a time."))
    start = datetime.combine(first, time.min, HELSINKI)
    end = datetime.combine(last, time.max, HELSINKI)
    return start, end, period, since, until


def read_filters(params: QueryDict, day: date) -> Chosen:
    """The GET parameters as a filter; raises BadListing with a Finnish message."""
    try:
        page = max(1, min(int(params.get("sivu") or 1), MAX_PAGE))
    except ValueError:
        page = 1
    free = params.get("maksuton", "")
    if free not in ("", "1"):
        raise BadListing(
            _("“%(value)s” is not a known choice for free of charge.") % {"value": free}
        )
    wanted = EventFilter(
        region=[v for v in params.getlist("maakunta") if v],
        municipality=[v for v in params.getlist("kunta") if v],
        theme=[v for v in params.getlist("teema") if v],
        target_group=[v for v in params.getlist("kohderyhma") if v],
        kind=_codes(params, "tyyppi", EventKind.values, _("kind")),
        language=_codes(params, "kieli", Language.values, _("language")),
        channel=_codes(
            params, "missa", [Channel.PLACE, Channel.ONLINE, Channel.PHONE], _("way of taking part")
        ),
        accessibility=_codes(params, "saavutettavuus", Accessibility.values, _("accessibility")),
        is_free=True if free == "1" else None,
    )
    start, end, period, since, until = _range(params, day)
    values = {name: params.getlist(name) for name in params if name != "sivu"}
    q = params.get("q", "").strip()[:200]
    return Chosen(wanted, start, end, q, period, since, until, page, values)


def occurrences(chosen: Chosen, day: date):  # type: ignore[no-untyped-def]
    """The matching occurrences with their event, organiser and municipality (one query)."""
    try:
        found = filter_occurrences(chosen.wanted, chosen.start, chosen.end, day)
    except (UnknownValue, Area.DoesNotExist) as error:
        raise BadListing(
            _(
                "A filter names a place, theme or target group we do not know."
                " Remove it and try again."
            )
        ) from error
    # The words by the search's own Finnish reading (inflections, compounds, typos).
    words = events_matching(chosen.q) if chosen.q else None
    if words is not None:
        found = found.filter(words)
    return found.select_related("event", "event__organizer", "event__municipality", "area")


@dataclass
class Day:
    heading: str
    occurrences: list[Occurrence]


def day_heading(day: date) -> str:
    """ "tiistai 8.12.2026" """
    return f"{WEEKDAYS[day.weekday()]} {day.day}.{day.month}.{day.year}"


def by_day(rows: list[Occurrence]) -> list[Day]:
    def local_day(occurrence: Occurrence) -> date:
        return occurrence.start.astimezone(HELSINKI).date()

    return [Day(day_heading(key), list(group)) for key, group in groupby(rows, key=local_day)]


def _link(params: QueryDict, page: int) -> str:
    query = params.copy()
    query["sivu"] = str(page)
    return "?" + query.urlencode()


def one_page(found, chosen: Chosen, params: QueryDict) -> dict[str, object]:  # type: ignore[no-untyped-def]
    offset = (chosen.page - 1) * PAGE_SIZE
    rows = list(found[offset : offset + PAGE_SIZE + 1])
    return {
        "days": by_day(rows[:PAGE_SIZE]),
        "number": chosen.page,
        "previous": _link(params, chosen.page - 1) if chosen.page > 1 else None,
        "next": _link(params, chosen.page + 1) if len(rows) > PAGE_SIZE else None,
    }


def _choices() -> dict[str, object]:
    return {
        "regions": Area.objects.filter(classification=AreaKind.REGION).order_by("name"),
        "themes": Theme.objects.order_by("name"),
        "target_groups": TargetGroup.objects.order_by("name"),
        "kinds": EventKind.choices,
        "languages": Language.choices,
        "channels": [c for c in Channel.choices if c[0] != Channel.HYBRID],
        "accessibilities": Accessibility.choices,
        "periods": [
            ("", _("From today on")),
            ("tanaan", _("Today")),
            ("viikko", _("This week")),
            ("kuukausi", _("This month")),
        ],
    }


def event_list(request: HttpRequest) -> HttpResponse:
    """Upcoming occurrences by day, with the filters; htmx gets only the results part.

    Queries: the filters' look-ups (a region's municipalities, themes, target groups: one
    each when asked), the page of occurrences with their event, organiser and municipality,
    and, for the full page, the form's regions, themes and target groups."""
    day = today()
    context: dict[str, object] = {"today": day}
    status = 200
    try:
        chosen = read_filters(request.GET, day)
        context["chosen"] = chosen
        context.update(one_page(occurrences(chosen, day), chosen, request.GET))
        context["feed"] = feed_address(request, chosen)
        context["feed_drops_period"] = drops_period(chosen)
    except BadListing as error:
        context["error"] = str(error)
        status = 400
    if request.htmx:  # type: ignore[attr-defined]  # django-htmx's middleware sets it
        return render(request, "search/_event_results.html", context, status=status)
    context.update(_choices())
    context.update(_chosen_municipalities(request.GET))
    context["chosen_values"] = request.GET
    return render(request, "search/event_list.html", context, status=status)


def _chosen_municipalities(params: QueryDict) -> dict[str, object]:
    """The municipalities a link chose (kunta: the form has no list of 308 of them), shown and
    kept in the form so that changing another filter does not drop them; one query, only when
    one is chosen."""
    slugs = [value for value in params.getlist("kunta") if value]
    if not slugs:
        return {}
    rest = params.copy()
    rest.pop("kunta", None)
    rest.pop("sivu", None)
    return {
        "chosen_municipalities": list(
            Area.objects.filter(classification=AreaKind.MUNICIPALITY, slug__in=slugs).order_by(
                "name"
            )
        ),
        "without_municipality": f"?{rest.urlencode()}" if rest else "?",
    }


def event_download(request: HttpRequest, format: str) -> HttpResponseBase:
    """The listing with the same filters as CSV or XLSX, at most DOWNLOAD_LIMIT rows."""
    day = today()
    try:
        chosen = read_filters(request.GET, day)
        found = occurrences(chosen, day)
    except BadListing as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    return occurrences_download(found, request, format, day)


def municipality_of(raw: str) -> Area:
    """The municipality of a postal code, or BadListing saying what is wrong."""
    value = postal_codes.normalise(raw)
    if not postal_codes.is_postal_code(value):
        raise BadListing(
            _("“%(value)s” is not a postal code: write it as five digits, e.g. 70100.")
            % {"value": value[:20]}
        )
    code = postal_codes.municipality_code(value)
    area = (
        Area.objects.filter(classification=AreaKind.MUNICIPALITY, code=code).first()
        if code
        else None
    )
    if area is None:
        raise BadListing(_("We do not know the postal code %(value)s.") % {"value": value})
    return area
