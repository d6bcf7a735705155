from django.contrib import admin
from django.urls import path

from jarjestokartta.api.urls import api
from jarjestokartta.core import views
from jarjestokartta.diagram.views import diagram_page
from jarjestokartta.directory.views import organization_detail, organization_vcard
from jarjestokartta.geography.views import area_detail
from jarjestokartta.search.views import search_page

admin.site.site_header = "Järjestökartta"
admin.site.site_title = "Järjestökartta"

urlpatterns = [
    path("", views.home, name="home"),
    path("haku/", search_page, name="search"),
    path("jarjestot/<slug:slug>/", organization_detail, name="organization"),
    path("jarjestot/<slug:slug>/vcard/", organization_vcard, name="organization-vcard"),
    path("alueet/<slug:slug>/", area_detail, name="area"),
    path("kaavio/", diagram_page, name="diagram"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
