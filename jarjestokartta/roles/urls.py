from django.urls import path

from jarjestokartta.roles import views

urlpatterns = [
    path("jarjestot/<slug:slug>/edustan/", views.editor_request_page, name="editor-request"),
    path("jarjestot/<slug:slug>/kutsu/", views.invite_editor, name="invite-editor"),
    path("jarjestot/<slug:slug>/tarkistettu/", views.mark_verified, name="mark-verified"),
    path("kutsu/<str:token>/", views.accept_invitation, name="accept-invitation"),
    path(
        "koordinaattori/pyynnot/<int:pk>/",
        views.editor_request_decision,
        name="editor-request-decision",
    ),
]
