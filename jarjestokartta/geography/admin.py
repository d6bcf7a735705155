from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from jarjestokartta.geography.models import Area, AreaAlias, AreaLink


class AreaLinkInline(admin.TabularInline):
    model = AreaLink
    fk_name = "area"
    extra = 0
    autocomplete_fields = ["parent"]
    verbose_name = _("belongs to")
    verbose_name_plural = _("belongs to (dated)")


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "classification", "code", "is_reference"]
    list_filter = ["classification", "is_reference"]
    search_fields = ["name", "name_sv", "name_en", "code", "popolo_id"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [AreaLinkInline]


@admin.register(AreaAlias)
class AreaAliasAdmin(admin.ModelAdmin):
    list_display = ["popolo_id", "area"]
    search_fields = ["popolo_id", "area__name"]
    autocomplete_fields = ["area"]
