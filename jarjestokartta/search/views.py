from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from jarjestokartta.search.engine import FACETS
from jarjestokartta.search.highlight import highlight, shorten
from jarjestokartta.search.service import BadSearch, search_organizations

PAGE_SIZE = 20


def _page_number(raw: str | None) -> int:
    try:
        return max(1, min(int(raw or 1), 500))
    except ValueError:
        return 1


def search_page(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    chosen = {facet: request.GET.getlist(facet) for facet in FACETS}
    number = _page_number(request.GET.get("sivu"))
    context = {"q": q, "chosen": chosen, "searched": bool(q) or any(chosen.values())}
    status = 200
    if context["searched"]:
        try:
            page = search_organizations(
                q=q, chosen=chosen, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE
            )
        except BadSearch as error:
            context["error"] = str(error)
            status = 400
        else:
            terms = page.outcome.highlight_terms
            for result in page.results:
                result["name_html"] = highlight(result["name"], terms)
                result["abstract_html"] = highlight(shorten(result["abstract"]), terms)
            for facet, values in page.facets.items():
                for value in values:
                    value["checked"] = value["value"] in chosen.get(facet, [])
            context.update(page=page, number=number, pages=_pages(page.count, number, request))
            if page.suggestion:
                context["suggestion_url"] = "?" + urlencode({"q": page.suggestion})
    return render(request, "search/search.html", context, status=status)


def _pages(count: int, number: int, request: HttpRequest) -> dict:
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
