"""Roles in templates: whether the header links to the coordinator's workspace."""

from django import template

from jarjestokartta.roles.permissions import Action, can

register = template.Library()


@register.filter
def coordinates(user) -> bool:
    """Whether the header links to the coordinator's workspace."""
    return can(user, Action.DECIDE_EDITOR_REQUEST)
