"""The JSON API, version 1: every error is JSON with a message, never a stack trace."""

import logging

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from jarjestokartta.api import (
    diagram,
    events,
    exports,
    organizations,
    places,
    search,
    structures,
)

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="Järjestökartta API",
    version="1",
    urls_namespace="api-v1",
    description=(
        "Open data on Finnish associations and their cooperation structures, in Popolo's field "
        "names (docs/popolo.md). Lists are paginated with page and per_page and answer "
        'total_items, total_pages, page_number and size. Errors are JSON {"detail": …}: 400 '
        "for a malformed parameter, 404 for an address that names nothing, 422 for a filter "
        "value that names nothing. Anonymous GETs carry ETag and Last-Modified and answer 304 "
        "when nothing has changed; any origin may read the API (CORS)."
    ),
)
api.add_router("/", search.router)
api.add_router("/", organizations.router)
api.add_router("/", structures.router)
api.add_router("/", places.router)
api.add_router("/", exports.router)
api.add_router("/", diagram.router)
api.add_router("/", events.router)


@api.exception_handler(ValidationError)
def bad_parameters(request: HttpRequest, error: ValidationError) -> HttpResponse:
    problems = []
    for detail in error.errors:
        # ("query", "filters", "classification", 0) names the parameter "classification".
        names = [part for part in detail.get("loc", ())[1:] if isinstance(part, str)]
        where = names[-1] if names else "request"
        problems.append(f"{where}: {detail.get('msg', 'invalid')}")
    return api.create_response(request, {"detail": "; ".join(problems)}, status=400)


@api.exception_handler(Exception)
def unexpected(request: HttpRequest, error: Exception) -> HttpResponse:
    # A bug: logged with its traceback for us, a plain message for the caller.
    logger.exception("API error at %s", request.get_full_path())
    return api.create_response(
        request, {"detail": "internal error; it has been logged"}, status=500
    )


urlpatterns = api.urls
