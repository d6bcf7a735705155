"""The event listing as CSV or XLSX: the CSV and XLSX writing of directory/tabular.py (safe
against formulas, UTF-8 with BOM and semicolons for Finnish Excel), with the listing's columns."""

import csv
from collections.abc import Iterable, Iterator
from datetime import date
from zoneinfo import ZoneInfo

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from jarjestokartta.core.addresses import site_root
from jarjestokartta.directory import tabular
from jarjestokartta.events.models import Occurrence

HELSINKI = ZoneInfo("Europe/Helsinki")
DOWNLOAD_LIMIT = 10_000


def headers() -> list[str]:
    return [
        _("Starts"),
        _("Ends"),
        _("Name"),
        _("Kind"),
        _("Status"),
        _("Organiser"),
        _("Where"),
        _("Municipality"),
        _("Free of charge"),
        _("Summary"),
        _("Page in Järjestökartta"),
    ]


def _moment(value) -> str:  # type: ignore[no-untyped-def]
    return value.astimezone(HELSINKI).strftime("%Y-%m-%d %H:%M") if value else ""


def row(occurrence: Occurrence, base: str) -> list[str]:
    event = occurrence.event
    where = event.where if event.channel != event.Channel.ONLINE else event.online_url
    return [
        _moment(occurrence.start),
        _moment(occurrence.end),
        event.name,
        event.get_kind_display(),
        occurrence.get_status_display(),
        event.organizer.name,
        where,
        occurrence.area.name if occurrence.area_id and occurrence.area else "",
        _("yes") if event.is_free else _("no"),
        event.summary,
        base + f"/tapahtumat/{event.slug}/",
    ]


def _csv_lines(table: Iterable[list[str]]) -> Iterator[str]:
    writer = csv.writer(tabular._Line(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(headers())
    for values in table:
        yield writer.writerow([tabular._csv_safe(value) for value in values])


def occurrences_download(found, request: HttpRequest, format: str, day: date) -> HttpResponseBase:  # type: ignore[no-untyped-def]
    base = site_root(request)
    table = (
        row(occurrence, base) for occurrence in found[:DOWNLOAD_LIMIT].iterator(chunk_size=1000)
    )
    filename = f"tapahtumat-{day.isoformat()}.{format}"
    if format == "csv":
        response: HttpResponseBase = StreamingHttpResponse(
            _csv_lines(table), content_type=tabular.CSV_TYPE
        )
    else:
        response = HttpResponse(
            tabular.xlsx_bytes(table, _("Events"), header=headers()),
            content_type=tabular.XLSX_TYPE,
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
