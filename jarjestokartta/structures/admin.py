from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from jarjestokartta.directory.admin import OrganizationAdmin
from jarjestokartta.directory.models import Organization
from jarjestokartta.structures.models import Membership, Person, PersonContact, Post


class PersonContactInline(admin.TabularInline):
    model = PersonContact
    extra = 0


class PersonMembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "person"
    extra = 0
    fields = ["organization", "role", "label", "post", "on_behalf_of", "start_date", "end_date"]
    autocomplete_fields = ["organization", "post", "on_behalf_of"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "is_public"]
    list_filter = ["is_public"]
    search_fields = ["name", "given_name", "family_name", "popolo_id"]
    inlines = [PersonContactInline, PersonMembershipInline]


@admin.register(Post)
class PostAdmin(SimpleHistoryAdmin):
    list_display = ["label", "organization", "role", "start_date", "end_date"]
    list_filter = ["role"]
    list_select_related = ["organization"]
    search_fields = ["label", "other_label", "organization__name", "popolo_id"]
    autocomplete_fields = ["organization", "area"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "role",
        "organization",
        "on_behalf_of",
        "start_date",
        "end_date",
    ]
    list_filter = ["role", "organization__classification"]
    list_select_related = ["organization", "person", "member_organization", "on_behalf_of"]
    search_fields = [
        "organization__name",
        "person__name",
        "member_organization__name",
        "on_behalf_of__name",
        "label",
        "popolo_id",
    ]
    autocomplete_fields = [
        "organization",
        "person",
        "member_organization",
        "post",
        "on_behalf_of",
        "deputy_of",
        "appointed_by",
    ]


class PostInline(admin.TabularInline):
    model = Post
    extra = 0
    fields = ["label", "role", "area", "start_date", "end_date"]
    autocomplete_fields = ["area"]


class MemberInline(admin.TabularInline):
    """The members of a body, edited on the body's own page."""

    model = Membership
    fk_name = "organization"
    extra = 0
    verbose_name = _("member")
    verbose_name_plural = _("members of this body")
    fields = [
        "person",
        "member_organization",
        "role",
        "label",
        "post",
        "on_behalf_of",
        "deputy_of",
        "appointed_by",
        "start_date",
        "end_date",
    ]
    autocomplete_fields = [
        "person",
        "member_organization",
        "post",
        "on_behalf_of",
        "deputy_of",
        "appointed_by",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("person", "member_organization", "post", "on_behalf_of", "appointed_by")
        )


class OrganizationWithSeatsAdmin(OrganizationAdmin):
    """The directory's organisation page in the admin, with the body's seats and members."""

    inlines = [*OrganizationAdmin.inlines, PostInline, MemberInline]


# The directory registers organisations without knowing seats and memberships (they are this
# app's, which builds on the directory); this app puts them on the same admin page, the way
# Django's own docs extend another app's ModelAdmin.
admin.site.unregister(Organization)
admin.site.register(Organization, OrganizationWithSeatsAdmin)
