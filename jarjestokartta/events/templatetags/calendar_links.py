"""`webcal:` links, which calendar apps open as a subscription rather than a download."""

from django import template

register = template.Library()


@register.filter
def webcal(url: str) -> str:
    """An absolute http(s) address as webcal://; anything else as it was."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return "webcal://" + url.removeprefix(scheme)
    return url
