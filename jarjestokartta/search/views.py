from datetime import datetime
from typing import TypedDict

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode

from jarjestokartta.core.bulk import chunks
from jarjestokartta.directory import tabular
from jarjestokartta.directory.models import Organization
from jarjestokartta.events.phrasing import describe_occurrence
from jarjestokartta.search.engine import FACETS, search
from jarjestokartta.search.highlight import highlight, shorten
from jarjestokartta.search.service import (
    BadSearch,
    filters_from,
    read_day,
    search_organizations,
    when_filters,
)

PAGE_SIZE = 20
# A download holds at most this many of the best matches; a region's list has no limit.
DOWNLOAD_LIMIT = 10_000


def _page_number(raw: str | None) -> int:
    try:
        return max(1, min(int(raw or 1), 500))
    except ValueError:
        return 1


def search_page(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    chosen = {facet: request.GET.getlist(facet) for facet in FACETS}
    chosen["type"] = request.GET.getlist("type")[:1]
    when = {name: request.GET.get(name, "").strip()[:20] for name in ("start", "end")}
    number = _page_number(request.GET.get("sivu"))
    context = {
        "q": q,
        "chosen": chosen,
        "when": when,
        "searched": bool(q) or any(chosen.values()) or any(when.values()),
        "download_limit": DOWNLOAD_LIMIT,
    }
    status = 200
    if context["searched"]:
        try:
            page = search_organizations(
                q=q,
                chosen={facet: chosen[facet] for facet in FACETS},
                limit=PAGE_SIZE,
                offset=(number - 1) * PAGE_SIZE,
                type=chosen["type"][0] if chosen["type"] else None,
                start=read_day(when["start"], "start"),
                end=read_day(when["end"], "end"),
            )
        except BadSearch as error:
            context["error"] = str(error)
            status = 400
        else:
            terms = page.outcome.highlight_terms
            for result in page.results:
                result["name_html"] = highlight(result["name"], terms)
                result["abstract_html"] = highlight(shorten(result["abstract"]), terms)
                if result["next_start"]:
                    result["next_when"] = describe_occurrence(
                        start=datetime.fromisoformat(result["next_start"]).replace(tzinfo=None),
                        end=None,
                    )
            for facet, values in page.facets.items():
                for value in values:
                    value["checked"] = value["value"] in chosen.get(facet, [])
            context.update(page=page, number=number, pages=_pages(page.count, number, request))
            if page.suggestion:
                context["suggestion_url"] = "?" + urlencode({"q": page.suggestion})
    return render(request, "search/search.html", context, status=status)


class Pages(TypedDict):
    """The pager: the last page's number and the links to the pages beside this one."""

    last: int
    previous: str | None
    next: str | None


def _pages(count: int, number: int, request: HttpRequest) -> Pages:
    last = max(1, -(-count // PAGE_SIZE))

    def link(n: int) -> str:
        query = request.GET.copy()
        query["sivu"] = str(n)
        return "?" + query.urlencode()

    return {
        "last": last,
        "previous": link(number - 1) if number > 1 else None,
        "next": link(number + 1) if number < last else None,
    }


def search_download(request: HttpRequest, format: str) -> HttpResponse:
    """The results of a search, best first, as CSV or XLSX (the page's columns: tabular.py)."""
    q = request.GET.get("q", "").strip()[:200]
    chosen = {facet: request.GET.getlist(facet) for facet in FACETS}
    try:
        # The download is of organisations: an event has no row in the organisations' table.
        filters = when_filters(
            filters_from(chosen),
            type="organization",
            start=read_day(request.GET.get("start"), "start"),
            end=read_day(request.GET.get("end"), "end"),
        )
        # As many candidates as the download holds: its best are those of 10,000 matches.
        outcome = search(q, filters, DOWNLOAD_LIMIT, 0, bound=DOWNLOAD_LIMIT)
    except BadSearch as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    ids = [hit[4] for hit in outcome.hits]  # backends.HIT_COLUMNS: popolo_id is the fifth
    rank = {popolo_id: number for number, popolo_id in enumerate(ids)}
    found: list[Organization] = []
    for chunk in chunks(ids, 1000):
        found.extend(Organization.objects.with_details().filter(popolo_id__in=chunk))
    found.sort(key=lambda org: rank[org.popolo_id])
    page_url = tabular.page_url(request)
    table = (tabular.row(org, page_url) for org in found)
    return tabular.download(table, format, tabular.filename("haku", q, day=timezone.localdate()))
