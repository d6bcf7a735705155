from django import template

from jarjestokartta.core import partial_dates

register = template.Library()


@register.filter
def finnish_date(value: str) -> str:
    """A partial ISO date the Finnish way, as partial as it was: 1.3.2017, 3/2017, 2008."""
    if not value or not partial_dates.is_valid(value):
        return value or ""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]}"
    return str(parts[0])


@register.simple_tag
def period(start: str, end: str) -> str:
    """ "2018–2019", "2020–", "–31.12.2019", or "" when neither is known."""
    if not start and not end:
        return ""
    return f"{finnish_date(start)}–{finnish_date(end)}"
