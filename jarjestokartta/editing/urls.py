from django.urls import path

from jarjestokartta.editing import (
    corrections,
    event_views,
    history_views,
    review_views,
    views,
    workspace,
)

urlpatterns = [
    path("jarjestot/<slug:slug>/muokkaa/", views.organization_edit, name="organization-edit"),
    path(
        "jarjestot/<slug:slug>/muokkaa/esikatselu/",
        views.organization_preview,
        name="organization-preview",
    ),
    path(
        "jarjestot/<slug:slug>/muokkaa/lahetys/",
        views.organization_submit,
        name="organization-submit",
    ),
    path(
        "jarjestot/<slug:slug>/muokkaa/yhdista/",
        views.organization_merge,
        name="organization-merge",
    ),
    path(
        "jarjestot/<slug:slug>/historia/",
        history_views.organization_history,
        name="organization-history",
    ),
    path(
        "jarjestot/<slug:slug>/historia/<int:pk>/palauta/",
        history_views.version_restore,
        name="version-restore",
    ),
    path("jarjestot/<slug:slug>/korjaus/", corrections.correction, name="correction"),
    path(
        "jarjestot/<slug:slug>/toiminta/",
        event_views.organization_events,
        name="organization-events",
    ),
    path("jarjestot/<slug:slug>/toiminta/uusi/", event_views.event_edit, name="event-new"),
    path(
        "jarjestot/<slug:slug>/toiminta/<slug:event_slug>/",
        event_views.event_edit,
        name="event-edit",
    ),
    path("jarjestot/<slug:slug>/luotettu/", review_views.trust_toggle, name="trust-toggle"),
    path("koordinaattori/", workspace.coordinator_home, name="coordinator"),
    path("jarjestot/<slug:slug>/muistutus/", workspace.remind_editors, name="remind-editors"),
    path("koordinaattori/muutokset/", review_views.change_queue, name="change-queue"),
    path(
        "koordinaattori/poistetut/",
        history_views.deleted_organizations,
        name="deleted-organizations",
    ),
    path(
        "koordinaattori/poistetut/<int:pk>/palauta/",
        history_views.organization_undelete,
        name="organization-undelete",
    ),
    path("koordinaattori/muutokset/<int:pk>/", review_views.change_review, name="change-review"),
]
