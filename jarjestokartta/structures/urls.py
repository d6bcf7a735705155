from django.urls import path

from jarjestokartta.structures import person_views, roster_views

urlpatterns = [
    path("jarjestot/<slug:slug>/kokoonpano/", roster_views.roster_edit, name="roster-edit"),
    path("koordinaattori/henkilot/", person_views.person_list, name="persons"),
    path("koordinaattori/henkilot/<str:key>/", person_views.person_detail, name="person"),
    path(
        "koordinaattori/henkilot/<str:key>/tiedot.json",
        person_views.person_export,
        name="person-export",
    ),
    path(
        "koordinaattori/henkilot/<str:key>/poista/", person_views.person_erase, name="person-erase"
    ),
]
