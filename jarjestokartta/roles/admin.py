from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from jarjestokartta.roles.models import (
    EditorInvitation,
    EditorRequest,
    OrganizationEditor,
    RegionalCoordinator,
)


@admin.register(RegionalCoordinator)
class RegionalCoordinatorAdmin(SimpleHistoryAdmin):
    list_display = ["user", "region", "created"]
    list_filter = ["region"]
    autocomplete_fields = ["user"]
    search_fields = ["user__email", "region__name"]


@admin.register(OrganizationEditor)
class OrganizationEditorAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organization", "position", "created"]
    autocomplete_fields = ["user", "organization"]
    search_fields = ["user__email", "organization__name"]


@admin.register(EditorRequest)
class EditorRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "status", "created", "decided_by"]
    list_filter = ["status"]
    raw_id_fields = ["user", "organization", "decided_by"]


@admin.register(EditorInvitation)
class EditorInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "invited_by", "created", "accepted_at"]
    raw_id_fields = ["organization", "invited_by", "accepted_by"]
