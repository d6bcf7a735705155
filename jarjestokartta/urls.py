from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from jarjestokartta.api.urls import api
from jarjestokartta.diagram.views import diagram_page
from jarjestokartta.directory.home import home
from jarjestokartta.directory.views import organization_vcard
from jarjestokartta.events.area_pages import area_detail, area_download
from jarjestokartta.events.calendar_views import (
    body_meetings_ics,
    event_ics,
    event_list_ics,
    organization_ics,
)
from jarjestokartta.events.views import event_detail
from jarjestokartta.search.event_listing import event_download, event_list
from jarjestokartta.search.event_matching import events_matching
from jarjestokartta.search.near_you import near_you
from jarjestokartta.search.views import search_download, search_page
from jarjestokartta.structures.views import organization_detail

admin.site.site_header = "Järjestökartta"
admin.site.site_title = "Järjestökartta"
# The admin's own login had no rate limit and no second factor: it is sent to allauth's.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", home, name="home"),
    path("haku/", search_page, name="search"),
    re_path(r"^haku/jarjestot\.(?P<format>csv|xlsx)$", search_download, name="search-download"),
    # The listing's own addresses come before the event pages' /tapahtumat/<slug>/.
    path("tapahtumat/", event_list, name="event-list"),
    path("tapahtumat/lahellasi/", near_you, name="near-you"),
    re_path(
        r"^tapahtumat/tapahtumat\.(?P<format>csv|xlsx)$", event_download, name="event-download"
    ),
    path("jarjestot/<slug:slug>/", organization_detail, name="organization"),
    path("jarjestot/<slug:slug>/vcard/", organization_vcard, name="organization-vcard"),
    # iCalendar feeds (events/calendar_views.py); ".ics" never clashes with the pages' "/".
    path("jarjestot/<slug:slug>/tapahtumat.ics", organization_ics, name="organization-ics"),
    path("jarjestot/<slug:slug>/kokoukset.ics", body_meetings_ics, name="body-meetings-ics"),
    # The listing's words reach its feed through the search, a layer above events.
    path("tapahtumat.ics", event_list_ics, {"words": events_matching}, name="event-list-ics"),
    path("tapahtumat/<slug:slug>.ics", event_ics, name="event-ics"),
    path("tapahtumat/<slug:slug>/", event_detail, name="event"),
    path("alueet/<slug:slug>/", area_detail, name="area"),
    re_path(
        r"^alueet/(?P<slug>[-\w]+)/jarjestot\.(?P<format>csv|xlsx)$",
        area_download,
        name="area-download",
    ),
    path("kaavio/", diagram_page, name="diagram"),
    path("api/v1/", api.urls),
    path("", include("jarjestokartta.roles.urls")),
    path("", include("jarjestokartta.editing.urls")),
    path("", include("jarjestokartta.structures.urls")),
    path(settings.ACCOUNTS_PATH.strip("/") + "/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
