"""The admin's form for changing one occurrence: chosen from the coming ones, not typed.

The occurrence is keyed by its original start (iCalendar's RECURRENCE-ID), which must be a
start the schedule gives to the minute; a select of the coming occurrences makes it so.
"""

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _

from jarjestokartta.events import recurrence
from jarjestokartta.events.choices import EventStatus
from jarjestokartta.events.form_fields import FinnishDateField, FinnishTimeField
from jarjestokartta.events.models import Event, OccurrenceChange
from jarjestokartta.events.occurrences import expand

# How far ahead and how many occurrences the select offers: a weekly one's year.
AHEAD = timedelta(days=366)
MAX_CHOICES = 120
KEY = "%Y-%m-%dT%H:%M"


def occurrence_choices(event: Event | None, keep: datetime | None = None) -> list[tuple[str, str]]:
    """The coming occurrences as (local start, "ti 13.10.2026 klo 17.00"), and `keep` too."""
    if event is None or event.pk is None:
        return []
    now = timezone.now()
    starts = [item.original_start for item in expand(event, now, now + AHEAD)][:MAX_CHOICES]
    if keep is not None and keep not in starts:
        starts.insert(0, keep)
    return [(_key(event, start), _label(event, start)) for start in starts]


def _key(event: Event, moment: datetime) -> str:
    return event.local(moment).strftime(KEY)


def _label(event: Event, moment: datetime) -> str:
    return dateformat.format(event.local(moment), r"D j.n.Y \k\l\o H.i")


class OccurrenceChangeForm(forms.ModelForm):
    """One occurrence cancelled, moved or annotated; `event` is set by for_event()."""

    event: Event | None = None

    occurrence = forms.ChoiceField(
        label=_("occurrence"),
        error_messages={"required": _("Choose the occurrence that changes.")},
    )
    new_date = FinnishDateField(label=_("new date"), required=False)
    new_start_time = FinnishTimeField(label=_("new start"), required=False)
    new_end_time = FinnishTimeField(label=_("new end"), required=False)

    class Meta:
        model = OccurrenceChange
        fields = ["status", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep = self.instance.original_start if self.instance.pk else None
        field = self.fields["occurrence"]
        field.choices = [("", "---------"), *occurrence_choices(self.event, keep)]
        if not self.event or not self.event.pk:
            field.help_text = _("Save the event first; then its coming occurrences can be chosen.")
        if self.event is not None and self.instance.pk:
            self.initial["occurrence"] = _key(self.event, self.instance.original_start)
            if self.instance.start is not None:
                moved = self.event.local(self.instance.start)
                self.initial["new_date"] = moved.date()
                self.initial["new_start_time"] = moved.time()
            if self.instance.end is not None:
                self.initial["new_end_time"] = self.event.local(self.instance.end).time()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.event is None or not data.get("occurrence"):
            return data
        zone = self.event.zone
        original = datetime.strptime(data["occurrence"], KEY)
        self.instance.original_start = recurrence.aware(original, zone)
        taken = OccurrenceChange.objects.filter(
            event=self.event, original_start=self.instance.original_start
        ).exclude(pk=self.instance.pk)
        if taken.exists():
            self.add_error(
                "occurrence", _("This occurrence has a change already: edit that one instead.")
            )
        day, at, until = data.get("new_date"), data.get("new_start_time"), data.get("new_end_time")
        self.instance.start = self.instance.end = None
        if day is None and at is None and until is None:
            if data.get("status") == EventStatus.RESCHEDULED:
                self.add_error("new_date", _("A moved occurrence needs its new date or time."))
            return data
        start = datetime.combine(day or original.date(), at or original.time())
        self.instance.start = recurrence.aware(start, zone)
        if until is not None:
            end = datetime.combine(start.date(), until)
            if end <= start:
                self.add_error("new_end_time", _("The new end is before the new start."))
            else:
                self.instance.end = recurrence.aware(end, zone)
        return data


class OccurrenceChangeFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        chosen: set[str] = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            value = form.cleaned_data.get("occurrence")
            if value and value in chosen:
                form.add_error("occurrence", _("The same occurrence is chosen twice."))
            chosen.add(value or "")


def for_event(event: Event | None) -> type[OccurrenceChangeForm]:
    """The form with the event whose occurrences it offers."""
    return type("OccurrenceChangeFormForEvent", (OccurrenceChangeForm,), {"event": event})
