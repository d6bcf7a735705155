"""The admin's form of an activity or event: the schedule chosen, never typed as an RRULE.

A person gives the date of the first time, its start and end (or length) in Finnish time, and
how it repeats (events/repetition.py); the form writes `start`, `end`, `rrule`, `exdates` and
`rdates`. Editing fills the choices back from the rule; a rule the choices cannot show (an
imported one) is shown as it is and kept unless the person chooses another repetition.
The rules that are not about the form are events/validation.py's, shared with other forms.
"""

from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.db import models
from django.utils import dates, translation
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jarjestokartta.events import recurrence, repetition
from jarjestokartta.events.form_fields import (
    DateListField,
    FinnishDateField,
    FinnishTimeField,
    show_date,
    show_date_list,
)
from jarjestokartta.events.form_problems import EventProblemsShown
from jarjestokartta.events.models import Event
from jarjestokartta.events.phrasing import describe_schedule

# The schedule's form fields, in the order of the admin's "Aika" fieldset.
SCHEDULE_FIELDS = [
    "first_date",
    "start_time",
    "end_time",
    "duration_minutes",
    "repeat",
    "current_rule",
    "weekdays",
    "interval",
    "nth",
    "nth_weekday",
    "month_day",
    "ends",
    "until",
    "count",
    "exdates_text",
    "rdates_text",
]
MAX_DURATION_MINUTES = 60 * 24 * 14


def _range_messages(low: int, high: int) -> dict[str, Any]:
    message = _("Give a number from %(low)s to %(high)s.") % {"low": low, "high": high}
    return {"min_value": message, "max_value": message, "invalid": message}


def _https_urls(field: Any, **kwargs: Any) -> Any:
    """Form fields as the model gives them, but "example.fi" in a URL field means
    https://example.fi (Django 6's way, as directory's HttpsURLField does) without migrating
    the four URL fields."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class EventAdminForm(EventProblemsShown, forms.ModelForm):
    first_date = FinnishDateField(
        label=_("date (first time)"),
        help_text=_("For a repeating one, the date of the first time."),
        error_messages={"required": _("Give the date of the first time.")},
    )
    start_time = FinnishTimeField(
        label=_("starts at"),
        help_text=_("Finnish time, e.g. 17.00."),
        error_messages={"required": _("Give the start time.")},
    )
    end_time = FinnishTimeField(
        label=_("ends at"), required=False, help_text=_("On the same day; or give the length.")
    )
    duration_minutes = forms.IntegerField(
        label=_("or length in minutes"),
        required=False,
        min_value=1,
        max_value=MAX_DURATION_MINUTES,
        error_messages=_range_messages(1, MAX_DURATION_MINUTES),
        help_text=_("For one that goes on past midnight, e.g. 1440 for a day."),
    )
    repeat = forms.ChoiceField(
        label=_("repeats"),
        widget=forms.RadioSelect,
        initial=repetition.NONE,
        choices=[
            (repetition.NONE, _("does not repeat")),
            (repetition.WEEKLY, _("weekly on the chosen weekdays")),
            (repetition.MONTHLY_WEEKDAY, _("monthly on the nth weekday, e.g. the first Tuesday")),
            (repetition.MONTHLY_DAY, _("monthly on a day of the month, e.g. the 15th")),
        ],
    )
    current_rule = forms.CharField(
        label=_("the rule as written"),
        required=False,
        disabled=True,
        help_text=_("As calendars read it (RFC 5545 RRULE); the form writes it."),
    )
    weekdays = forms.MultipleChoiceField(
        label=_("weekdays"),
        required=False,
        # The admin's own classes for choices side by side.
        widget=forms.CheckboxSelectMultiple(attrs={"class": "radiolist inline"}),
        choices=[(code, dates.WEEKDAYS_ABBR[i]) for i, code in enumerate(repetition.WEEKDAYS)],
    )
    interval = forms.IntegerField(
        label=_("every n weeks or months"),
        required=False,
        initial=1,
        min_value=1,
        max_value=repetition.MAX_INTERVAL,
        error_messages=_range_messages(1, repetition.MAX_INTERVAL),
        help_text=_("1 every week (or month), 2 every other, and so on."),
    )
    nth = forms.TypedChoiceField(
        label=_("which weekday of the month"),
        required=False,
        coerce=int,
        choices=[
            (1, _("first")),
            (2, _("second")),
            (3, _("third")),
            (4, _("fourth")),
            (-1, _("last")),
        ],
        initial=1,
    )
    nth_weekday = forms.ChoiceField(
        label=_("weekday"),
        required=False,
        choices=[(code, dates.WEEKDAYS[i]) for i, code in enumerate(repetition.WEEKDAYS)],
    )
    month_day = forms.IntegerField(
        label=_("day of the month"),
        required=False,
        min_value=1,
        max_value=31,
        error_messages=_range_messages(1, 31),
    )
    ends = forms.ChoiceField(
        label=_("repetition ends"),
        widget=forms.RadioSelect,
        initial=repetition.NEVER,
        choices=[
            (repetition.NEVER, _("never")),
            (repetition.UNTIL, _("on a date")),
            (repetition.COUNT, _("after a number of times")),
        ],
    )
    until = FinnishDateField(label=_("last date"), required=False)
    count = forms.IntegerField(
        label=_("number of times"),
        required=False,
        min_value=1,
        max_value=recurrence.MAX_COUNT,
        error_messages=_range_messages(1, recurrence.MAX_COUNT),
    )
    exdates_text = DateListField(
        label=_("dates left out"),
        help_text=_("Days the repetition gives but it does not happen, one a line: 24.12.2026."),
    )
    rdates_text = DateListField(
        label=_("extra dates"),
        help_text=_("Days it happens besides the repetition, one a line; a time may follow."),
    )

    # Where a problem with a model field is shown in this form.
    shown_at = {
        "start": "first_date",
        "end": "end_time",
        "rrule": "repeat",
        "exdates": "exdates_text",
        "rdates": "rdates_text",
    }

    class Meta:
        model = Event
        formfield_callback = _https_urls
        # Not start, end, rrule, exdates and rdates: clean() writes them from the choices.
        # Not timezone (Finnish time until there is another) nor extras (kept as imported).
        fields = [
            *("kind", "name", "name_sv", "name_en", "slug", "popolo_id", "summary"),
            *("description", "organizer", "co_organizers", "body", "agenda", "super_event"),
            *("themes", "target_groups", "languages", "age_min", "age_max", "is_free"),
            *("price", "price_info_url", "channel", "place_name", "street_address"),
            *("postal_code", "municipality", "online_url", "phone", "accessibility"),
            *("accessibility_note", "registration", "registration_url", "registration_email"),
            *("registration_opens", "registration_closes", "capacity", "image_url"),
            *("image_alt", "status", "is_published", "last_verified", "source"),
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in SCHEDULE_FIELDS:  # as the admin writes the model's labels
            self.fields[name].label = capfirst(self.fields[name].label)
        # The rule the form cannot show, kept unless another repetition is chosen.
        self.kept_rule = ""
        if self.instance.pk is not None and self.instance.start is not None:
            self._fill_from(self.instance)

    def _fill_from(self, event: Event) -> None:
        start = event.local(event.start)
        initial: dict[str, Any] = {
            "first_date": start.date(),
            "start_time": start.time(),
            "current_rule": event.rrule,
        }
        if event.end is not None:
            end = event.local(event.end)
            if end.date() == start.date():
                initial["end_time"] = end.time()
            else:
                initial["duration_minutes"] = int((end - start).total_seconds() // 60)
        self._describe(event)
        chosen = repetition.read_rule(event.rrule, start)
        if chosen is None:
            self.kept_rule = event.rrule
            field = self.fields["repeat"]
            field.choices = [(repetition.KEEP, _("keep the rule as written")), *field.choices]
            initial["repeat"] = repetition.KEEP
            self.fields["current_rule"].help_text = format_lazy(
                "{} {}",
                self.fields["current_rule"].help_text,
                _(
                    "The form cannot show this repetition, so it is kept as it is unless you "
                    "choose another one here."
                ),
            )
        else:
            initial.update(
                repeat=chosen.kind,
                weekdays=list(chosen.weekdays),
                interval=chosen.interval,
                nth=chosen.nth,
                nth_weekday=chosen.weekday,
                month_day=chosen.month_day if chosen.kind == repetition.MONTHLY_DAY else None,
                ends=chosen.ends,
                until=chosen.until,
                count=chosen.count,
            )
        schedule = event.schedule()
        initial["exdates_text"] = show_date_list(list(schedule.exdates), start.time())
        initial["rdates_text"] = show_date_list(list(schedule.rdates), start.time())
        for name, value in initial.items():
            self.initial.setdefault(name, value)

    def _describe(self, event: Event) -> None:
        """The saved schedule in words above the rule, so that an editor sees what it says."""
        schedule = event.schedule()
        language = translation.get_language() or "fi"
        words = describe_schedule(
            start=schedule.start,
            end=schedule.end,
            rrule=event.rrule,
            lang=language if language in ("fi", "sv", "en") else "fi",
        )
        self.fields["current_rule"].help_text = gettext("In words: %(words)s.") % {"words": words}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start = self._start(data)
        if start is None:
            return data
        end = self._end(data, start)
        rule = self._rule(data, start)
        exdates = self._dates(data.get("exdates_text") or [], start.time())
        rdates = self._dates(data.get("rdates_text") or [], start.time())
        if rule is not None:
            self._check_left_out(exdates, start, rule)
        zone = self.instance.zone
        self.instance.start = recurrence.aware(start, zone)
        self.instance.end = None if end is None else recurrence.aware(end, zone)
        if rule is not None:
            self.instance.rrule = rule
        self.instance.exdates = [moment.isoformat() for moment in exdates]
        self.instance.rdates = [moment.isoformat() for moment in rdates]
        return data

    def _start(self, data: dict[str, Any]) -> datetime | None:
        day, at = data.get("first_date"), data.get("start_time")
        return None if day is None or at is None else datetime.combine(day, at)

    def _end(self, data: dict[str, Any], start: datetime) -> datetime | None:
        end_time, minutes = data.get("end_time"), data.get("duration_minutes")
        if end_time is not None and minutes is not None:
            self.add_error("duration_minutes", _("Give the end time or the length, not both."))
            return None
        if minutes is not None:
            return start + timedelta(minutes=minutes)
        if end_time is None:
            return None
        end = datetime.combine(start.date(), end_time)
        if end <= start:
            self.add_error(
                "end_time",
                _(
                    "The end is before the start: give an end after the start, or the length "
                    "for one that goes on past midnight."
                ),
            )
            return None
        return end

    def _rule(self, data: dict[str, Any], start: datetime) -> str | None:
        """The rule to store; None when it cannot be written (the errors are added)."""
        kind = data.get("repeat")
        if kind == repetition.KEEP:
            return self.kept_rule
        if kind is None or kind == repetition.NONE:
            return ""
        chosen = repetition.Repetition(
            kind=kind,
            weekdays=tuple(data.get("weekdays") or ()),
            interval=data.get("interval") or 1,
            nth=data.get("nth") or 1,
            weekday=data.get("nth_weekday") or "MO",
            month_day=data.get("month_day") or 0,
            ends=data.get("ends") or repetition.NEVER,
            until=data.get("until"),
            count=data.get("count"),
        )
        if not self._can_write(chosen, data, start.date()):
            return None
        rule = repetition.write_rule(chosen)
        try:
            rule = recurrence.check_rule(rule, start)
        except recurrence.RuleError:
            self.add_error("repeat", _("The repetition gives no date from the first time on."))
            return None
        first = recurrence.parse_rule(rule, start).after(start, inc=True)
        if first != start:
            self.add_error(
                "first_date",
                _(
                    "%(date)s is not a day the repetition gives: make the first time one of "
                    "its days (the first would be %(first)s)."
                )
                % {"date": show_date(start.date()), "first": show_date(first.date())},
            )
            return None
        return rule

    def _can_write(self, chosen: repetition.Repetition, data: dict[str, Any], day: date) -> bool:
        """Whether the choices make a rule; adds what is missing. A field that failed its own
        cleaning is not in `data` and has its message already."""
        if any(name not in data for name in ("interval", "month_day", "until", "count")):
            return False
        before = len(self.errors)
        if chosen.kind == repetition.WEEKLY and not chosen.weekdays:
            self.add_error("weekdays", _("Choose at least one weekday."))
        if chosen.kind == repetition.MONTHLY_DAY and not chosen.month_day:
            self.add_error("month_day", _("Give the day of the month, from 1 to 31."))
        if chosen.ends == repetition.UNTIL and chosen.until is None:
            self.add_error("until", _("Give the last date of the repetition."))
        elif chosen.ends == repetition.UNTIL and chosen.until is not None and chosen.until < day:
            self.add_error(
                "until", _("The repetition ends before the first time: give a later date.")
            )
        if chosen.ends == repetition.COUNT and chosen.count is None:
            self.add_error("count", _("Give how many times it happens."))
        return len(self.errors) == before

    def _dates(self, lines: list[tuple[date, time | None]], usual: time) -> list[datetime]:
        return [datetime.combine(day, at or usual) for day, at in lines]

    def _check_left_out(self, exdates: list[datetime], start: datetime, rule: str) -> None:
        schedule = recurrence.Schedule(start=start, rule=rule)
        for moment in exdates:
            if moment not in schedule.starts_between(moment, moment):
                self.add_error(
                    "exdates_text",
                    _("%(date)s is not a day the repetition gives, so it cannot be left out.")
                    % {"date": show_date(moment.date())},
                )
