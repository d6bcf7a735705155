"""The admin of activities and events, until the self-service issue gives them pages of their own.

The schedule's form (weekdays, times, every n weeks, nth weekday, an end) is in admin_forms.py.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from jarjestokartta.events.models import Event, OccurrenceChange


class OccurrenceChangeInline(admin.TabularInline):
    model = OccurrenceChange
    extra = 0
    fields = ["original_start", "status", "start", "end", "note"]


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "organizer", "start", "status", "is_published"]
    list_filter = ["kind", "status", "is_published", "channel"]
    search_fields = ["name", "popolo_id", "slug"]
    autocomplete_fields = ["organizer", "co_organizers", "body", "municipality", "super_event"]
    filter_horizontal = ["themes", "target_groups"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["popolo_id", "sequence", "created", "modified"]
    inlines = [OccurrenceChangeInline]
