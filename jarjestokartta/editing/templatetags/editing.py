"""The organisation page's upkeep box ({% upkeep_tools org %}) and the document's labels.

A template tag, so that the page (structures, a layer below) offers the tools without
importing them; they are only shortcuts: every view they lead to checks again."""

from django import template

from jarjestokartta.editing.document import label
from jarjestokartta.editing.models import TrustedOrganization
from jarjestokartta.roles.permissions import Action, can

register = template.Library()


@register.inclusion_tag("editing/_upkeep.html", takes_context=True)
def upkeep_tools(context, organization) -> dict:
    user = context["request"].user
    can_edit = can(user, Action.EDIT_ORGANIZATION, organization)
    can_trust = can(user, Action.MARK_TRUSTED, organization)
    return {
        "organization": organization,
        "can_edit": can_edit,
        "can_invite": can(user, Action.INVITE_EDITOR, organization),
        "can_verify": can(user, Action.MARK_VERIFIED, organization),
        "can_trust": can_trust,
        "can_roster": (organization.is_body or organization.classification == "project")
        and can(user, Action.EDIT_ROSTER, organization),
        "trusted": (can_edit or can_trust)
        and TrustedOrganization.objects.filter(organization=organization).exists(),
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def document_label(key: str) -> str:
    return label(key)


@register.simple_tag
def queue_size(user) -> int:
    """How many change sets and corrections wait for this coordinator."""
    from jarjestokartta.editing.queries import open_change_sets

    return open_change_sets(user).count()
