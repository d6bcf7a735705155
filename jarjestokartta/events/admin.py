"""The admin of activities and events, until the self-service issue gives them pages of their own.

The schedule's form (weekdays, times, every n weeks, nth weekday, an end) is in admin_forms.py;
the form of one occurrence's change, chosen from the coming occurrences, in occurrence_forms.py.
"""

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from jarjestokartta.events.admin_forms import SCHEDULE_FIELDS, EventAdminForm
from jarjestokartta.events.models import Event, OccurrenceChange
from jarjestokartta.events.occurrence_forms import OccurrenceChangeFormSet, for_event


class OccurrenceChangeInline(admin.TabularInline):
    model = OccurrenceChange
    formset = OccurrenceChangeFormSet
    extra = 1
    fields = ["occurrence", "status", "new_date", "new_start_time", "new_end_time", "note"]

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        kwargs["form"] = for_event(obj)
        return super().get_formset(request, obj, **kwargs)


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    form = EventAdminForm
    list_display = ["name", "kind", "organizer", "start", "status", "is_published"]
    list_filter = ["kind", "status", "is_published", "channel"]
    search_fields = ["name", "popolo_id", "slug"]
    autocomplete_fields = ["organizer", "co_organizers", "body", "municipality", "super_event"]
    filter_horizontal = ["themes", "target_groups"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["popolo_id", "sequence", "created", "modified"]
    inlines = [OccurrenceChangeInline]
    # The admin builds its form with its own callback: the same https default as the form's.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (
            _("Basic details"),
            {
                "fields": [
                    "kind",
                    "name",
                    "slug",
                    ("name_sv", "name_en"),
                    "summary",
                    "description",
                    "organizer",
                    "co_organizers",
                    "body",
                    "agenda",
                    "super_event",
                    "themes",
                    "target_groups",
                ]
            },
        ),
        (_("Time"), {"fields": SCHEDULE_FIELDS}),
        (
            _("Place"),
            {
                "fields": [
                    "channel",
                    "place_name",
                    "street_address",
                    ("postal_code", "municipality"),
                    "online_url",
                    "phone",
                ]
            },
        ),
        (
            _("Taking part"),
            {
                "fields": [
                    "languages",
                    ("age_min", "age_max"),
                    "is_free",
                    "price",
                    "price_info_url",
                ]
            },
        ),
        (_("Accessibility"), {"fields": ["accessibility", "accessibility_note"]}),
        (
            _("Registration"),
            {
                "fields": [
                    "registration",
                    "registration_url",
                    "registration_email",
                    ("registration_opens", "registration_closes"),
                    "capacity",
                ]
            },
        ),
        (_("Image"), {"fields": ["image_url", "image_alt"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "is_published",
                    "last_verified",
                    "source",
                    "popolo_id",
                    "sequence",
                    "created",
                    "modified",
                ]
            },
        ),
    ]
