"""The organisation list's "Tuo taulukosta" page.

The directory and the structures register the organisation admin without knowing of spreadsheets
(they are below this app, which writes through the search index); this app adds its page to the
admin that is registered, as structures adds the seats and members to the directory's.
"""

from functools import partial

from django.contrib import admin
from django.urls import URLPattern, URLResolver, path

from jarjestokartta.directory.models import Organization
from jarjestokartta.spreadsheets.admin_views import import_view
from jarjestokartta.structures.admin import OrganizationWithSeatsAdmin


class OrganizationAdminWithImport(OrganizationWithSeatsAdmin):
    def get_urls(self) -> list[URLPattern | URLResolver]:
        # The changelist's "Tuo taulukosta" link (admin/directory/organization/change_list.html).
        view = self.admin_site.admin_view(partial(import_view, model_admin=self))
        return [
            path("tuo-taulukosta/", view, name="directory_organization_import"),
            *super().get_urls(),
        ]


admin.site.unregister(Organization)
admin.site.register(Organization, OrganizationAdminWithImport)
