from django.urls import path

from jarjestokartta.structures import person_views

urlpatterns = [
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
