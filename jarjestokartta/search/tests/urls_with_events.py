"""The site's addresses, plus a stand-in for the event page until it lands (eventpage branch):
search results link to reverse("event"), which must resolve for their tests."""

from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, path, reverse

from jarjestokartta.urls import urlpatterns as site

urlpatterns = list(site)
try:
    reverse("event", args=["x"], urlconf="jarjestokartta.urls")
except NoReverseMatch:

    def _event_page(request: HttpRequest, slug: str) -> HttpResponse:
        return HttpResponse(slug)

    urlpatterns.append(path("tapahtumat/<slug:slug>/", _event_page, name="event"))
