"""Form fields for dates and times as a Finnish coordinator writes them: 8.12.2026 and 17.00.

ISO (2026-12-08, 17:00) is accepted as well, so that a date pasted from elsewhere works.
"""

from datetime import date, datetime, time
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
TIME_FORMATS = ["%H.%M", "%H:%M", "%H"]
SHOWN_TIME = "%H.%M"


def show_date(day: date) -> str:
    """8.12.2026, without the leading zeros strftime would write."""
    return f"{day.day}.{day.month}.{day.year}"


class FinnishDateInput(forms.DateInput):
    def format_value(self, value: Any) -> str | None:
        if isinstance(value, date):
            return show_date(value)
        return super().format_value(value)


class FinnishDateField(forms.DateField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", FinnishDateInput(attrs={"placeholder": "pp.kk.vvvv"}))
        super().__init__(input_formats=DATE_FORMATS, **kwargs)
        self.error_messages["invalid"] = _("Write the date as d.m.yyyy, e.g. 8.12.2026.")


class FinnishTimeField(forms.TimeField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", forms.TimeInput(format=SHOWN_TIME, attrs={"placeholder": "hh.mm"})
        )
        super().__init__(input_formats=TIME_FORMATS, **kwargs)
        self.error_messages["invalid"] = _("Write the time as hh.mm, e.g. 17.30.")


def parse_date(text: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def parse_time(text: str) -> time | None:
    for pattern in TIME_FORMATS:
        try:
            return datetime.strptime(text, pattern).time()
        except ValueError:
            continue
    return None


class DateListField(forms.CharField):
    """Dates one a line ("24.12.2026"), each optionally with its own time ("6.1.2027 12.00").

    Cleans to a list of (date, time or None) in the order written, repeated ones once; the
    form gives a date without a time the start time.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3, "cols": 20}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[tuple[date, time | None]]:  # type: ignore[override]
        found: list[tuple[date, time | None]] = []
        for line in str(value or "").replace(",", "\n").splitlines():
            words = line.replace("T", " ").replace("klo", " ").split()
            if not words:
                continue
            day = parse_date(words[0])
            moment = parse_time(words[1]) if len(words) == 2 else None
            if day is None or len(words) > 2 or (len(words) == 2 and moment is None):
                raise ValidationError(
                    _(
                        "%(line)s is not a date: write one date a line as d.m.yyyy, "
                        "e.g. 24.12.2026."
                    ),
                    code="invalid",
                    params={"line": line.strip()},
                )
            if (day, moment) not in found:
                found.append((day, moment))
        return found

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")


def show_date_list(moments: list[datetime], usual: time | None) -> str:
    """The lines DateListField reads, with a time only where it is not the usual one."""
    lines = []
    for moment in sorted(moments):
        line = show_date(moment.date())
        if moment.time() != usual:
            line += " " + moment.strftime(SHOWN_TIME)
        lines.append(line)
    return "\n".join(lines)
