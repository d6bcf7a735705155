"""Form fields for dates as a Finn writes them, whole or partial (14.5.2008, 5/2008, 2008),
stored as Popolo's partial ISO dates: founding dates, other names' dates, terms of office."""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jarjestokartta.core import partial_dates

_FINNISH = re.compile(r"^\s*(?:(\d{1,2})\.)?(?:(\d{1,2})[./])?(\d{4})\s*$")


def from_finnish(text: str) -> str:
    """'14.5.2008' → '2008-05-14', '5.2008' or '5/2008' → '2008-05', '2008' → '2008'; ISO stays
    ISO. ValidationError when it is none of these or not a real day."""
    text = text.strip()
    if not text:
        return ""
    if partial_dates.is_valid(text):
        return text
    match = _FINNISH.match(text)
    if match:
        day, month, year = match.groups()
        if day and not month:  # "5.2008": the one number before the year is the month
            day, month = None, day
        value = year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if day else "")
        if partial_dates.is_valid(value):
            return value
    raise ValidationError(
        _("Write the date as d.m.yyyy (14.5.2008), or only m/yyyy or the year."), code="invalid"
    )


def to_finnish(value: str) -> str:
    """As the public pages write it (core/templatetags/dates.py): 14.5.2008, 5/2008, 2008."""
    parts = value.split("-") if value else []
    if len(parts) == 3:
        return f"{int(parts[2])}.{int(parts[1])}.{parts[0]}"
    if len(parts) == 2:
        return f"{int(parts[1])}/{parts[0]}"
    return value


class PartialDateInput(forms.TextInput):
    """A text box with a calendar button beside it (static/js/date-picker.js)."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            {
                "placeholder": "pp.kk.vvvv",
                "data-date-picker": _("Choose the day from a calendar"),
                "data-date-picker-button": _("Calendar"),
                **(attrs or {}),
            }
        )

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, str) and partial_dates.is_valid(value):
            return to_finnish(value)
        shown: str | None = super().format_value(value)
        return shown


class PartialDateField(forms.CharField):
    widget = PartialDateInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", _("E.g. 14.5.2008; a month (5/2008) or a year (2008) will do.")
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        return from_finnish(super().to_python(value) or "")
