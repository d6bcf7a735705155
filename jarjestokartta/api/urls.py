"""The JSON API, version 1: every error is JSON with a message, never a stack trace."""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from jarjestokartta.diagram.api import router as diagram_router
from jarjestokartta.directory.api import router as directory_router
from jarjestokartta.search.api import router as search_router

api = NinjaAPI(
    title="Järjestökartta API",
    version="1",
    urls_namespace="api-v1",
    description="Open data on Finnish associations and their cooperation structures.",
)
api.add_router("/", search_router)
api.add_router("/", directory_router)
api.add_router("/", diagram_router)


@api.exception_handler(ValidationError)
def bad_parameters(request: HttpRequest, error: ValidationError) -> HttpResponse:
    problems = []
    for detail in error.errors:
        where = ".".join(str(part) for part in detail.get("loc", ())[1:] or detail.get("loc", ()))
        problems.append(f"{where}: {detail.get('msg', 'invalid')}")
    return api.create_response(request, {"detail": "; ".join(problems)}, status=400)


urlpatterns = api.urls
