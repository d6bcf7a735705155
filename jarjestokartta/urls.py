from django.contrib import admin
from django.urls import path

from jarjestokartta.core import views

admin.site.site_header = "Järjestökartta"
admin.site.site_title = "Järjestökartta"

urlpatterns = [
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
]
