"""The site's addresses plus the event page's, which the eventpage branch adds to the site;
until it lands, feeds built here still need `Event.get_absolute_url` to resolve."""

from django.http import HttpResponse
from django.urls import path

from jarjestokartta.urls import urlpatterns as site

urlpatterns = [
    *site,
    path("tapahtumat/<slug:slug>/", lambda request, slug: HttpResponse(slug), name="event"),
]
