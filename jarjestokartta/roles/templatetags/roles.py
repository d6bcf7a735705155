"""The organisation page's tools for the people who keep it: {% organization_tools org %}.

A template tag, so that the page (structures, a layer below roles) offers them without
importing roles; the tools are only shortcuts: every view they lead to checks again."""

from django import template

from jarjestokartta.roles.permissions import Action, can

register = template.Library()


@register.inclusion_tag("roles/_organization_tools.html", takes_context=True)
def organization_tools(context, organization) -> dict:
    user = context["request"].user
    return {
        "organization": organization,
        "user": user,
        "request": context["request"],
        "is_editor": can(user, Action.EDIT_ORGANIZATION, organization),
        "can_invite": can(user, Action.INVITE_EDITOR, organization),
        "can_verify": can(user, Action.MARK_VERIFIED, organization),
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def coordinates(user) -> bool:
    """Whether the header links to the coordinator's workspace."""
    return can(user, Action.DECIDE_EDITOR_REQUEST)
