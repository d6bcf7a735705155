from django.contrib import admin
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from jarjestokartta.directory.models import (
    Identifier,
    Link,
    Organization,
    OrganizationContact,
    OtherName,
    TargetGroup,
    Theme,
)
from jarjestokartta.geography.models import Area, AreaKind


class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "name_sv", "name_en"]
    search_fields = ["name", "name_sv", "name_en"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register(Theme, TermAdmin)
admin.site.register(TargetGroup, TermAdmin)


class RegionFilter(admin.SimpleListFilter):
    title = _("region")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        regions = Area.objects.filter(classification=AreaKind.REGION).order_by("code")
        return [(region.pk, region.name) for region in regions]

    def queryset(self, request, queryset: QuerySet) -> QuerySet:
        if not self.value():
            return queryset
        region = Area.objects.filter(pk=self.value(), classification=AreaKind.REGION).first()
        if region is None:
            return queryset.none()
        return queryset.in_region(region, timezone.localdate())


class OtherNameInline(admin.TabularInline):
    model = OtherName
    extra = 0


class IdentifierInline(admin.TabularInline):
    model = Identifier
    extra = 0


class ContactInline(admin.TabularInline):
    model = OrganizationContact
    extra = 0


class LinkInline(admin.TabularInline):
    model = Link
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "classification", "area", "founding_date", "last_verified"]
    list_filter = ["classification", RegionFilter, "themes", "target_groups"]
    list_select_related = ["area"]
    search_fields = [
        "name",
        "name_sv",
        "name_en",
        "other_names__name",
        "identifiers__identifier",
        "popolo_id",
    ]
    search_help_text = _("Name, other name or abbreviation, identifier or Popolo id.")
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "area", "operating_areas", "themes", "target_groups"]
    readonly_fields = ["created", "modified"]
    date_hierarchy = "modified"
    fieldsets = [
        (None, {"fields": ["name", "classification", "slug", "popolo_id"]}),
        (_("Names in other languages"), {"fields": ["name_sv", "name_en"]}),
        (_("Description"), {"fields": ["abstract", "description", "themes", "target_groups"]}),
        (_("Place and structure"), {"fields": ["area", "operating_areas", "parent"]}),
        (
            _("Dates"),
            {
                "fields": ["founding_date", "dissolution_date"],
                "description": _("For a project these are the start and end of its period."),
            },
        ),
        (
            _("Cooperation body"),
            {"fields": ["meetings_min", "meetings_max", "meetings_note", "how_to_join"]},
        ),
        (_("Source"), {"fields": ["source", "last_verified", "created", "modified", "extras"]}),
    ]
    inlines = [
        OtherNameInline,
        IdentifierInline,
        ContactInline,
        LinkInline,
    ]
