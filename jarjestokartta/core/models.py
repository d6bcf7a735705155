"""Pieces shared by the models of several apps."""

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any, Self, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from jarjestokartta.core import partial_dates
from jarjestokartta.core.vocabulary import OTHER


def new_popolo_id() -> str:
    return uuid.uuid4().hex


def validate_partial_date(value: str) -> None:
    try:
        partial_dates.span(value)
    except partial_dates.PartialDateError:
        raise ValidationError(
            _("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD."), code="partial_date"
        ) from None


def popolo_id_field() -> "models.CharField[str, str]":
    return models.CharField(
        _("Popolo id"),
        max_length=200,
        unique=True,
        default=new_popolo_id,
        help_text=_("Stable identifier used in Popolo JSON import and export."),
    )


def partial_date_field(verbose_name: str) -> "models.CharField[str, str]":
    return models.CharField(
        verbose_name,
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD; a partial date stays partial."),
    )


def as_written_field(verbose_name: str) -> "models.CharField[str, str]":
    """The text an imported file gave for a coded field, when it was not our code (see
    core/vocabulary.py): exported as written, shown as written when the code is "other"."""
    return models.CharField(
        verbose_name,
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("The word an imported file used for it; exported as written."),
    )


def kept_as_written(written: str, code: str, code_of: Callable[[str], str]) -> str:
    """The written text while it still means the code: an editor who changes a membership
    from "other" to chair must not leave "valmistelija" to be exported as its role."""
    return written if written and code_of(written) == code else ""


def label_as_written(choices: type[models.TextChoices], code: str, written: str) -> str:
    """The code's translated name, or the text as written for a code we have no name for."""
    if code == OTHER and written:
        return written
    return str(choices(code).label) if code in choices.values else code


def dated_constraints(table: str, start: str, end: str) -> list[models.BaseConstraint]:
    """Database checks for a pair of partial dates and the days derived from them.

    `active_from` and `active_until` are what "as of a day" queries use, so the database makes
    sure they agree with the partial dates they are derived from and are in order.
    """
    rules: list[models.BaseConstraint] = []
    for field, day in ((start, "active_from"), (end, "active_until")):
        rules.append(
            models.CheckConstraint(
                condition=Q(**{field: ""}) | Q(**{f"{field}__regex": partial_dates.PATTERN}),
                name=f"{table}_{field}_format",
            )
        )
        rules.append(
            models.CheckConstraint(
                condition=Q(**{field: "", f"{day}__isnull": True})
                | (~Q(**{field: ""}) & Q(**{f"{day}__isnull": False})),
                name=f"{table}_{field}_{day}_agree",
            )
        )
    rules.append(
        models.CheckConstraint(
            condition=Q(active_from__isnull=True)
            | Q(active_until__isnull=True)
            | Q(active_from__lte=F("active_until")),
            name=f"{table}_{start}_not_after_{end}",
        )
    )
    return rules


class DatedModel(models.Model):
    """A record valid over a span given by two partial dates (names set per model)."""

    START_FIELD = "start_date"
    END_FIELD = "end_date"

    active_from = models.DateField(
        _("active from"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("First valid day, derived from the start date (empty: no known start)."),
    )
    active_until = models.DateField(
        _("active until"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Last valid day, derived from the end date (empty: still valid)."),
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.derive_active_days()
        super().save(*args, **kwargs)

    def derive_active_days(self) -> None:
        start = getattr(self, self.START_FIELD)
        end = getattr(self, self.END_FIELD)
        self.active_from = partial_dates.first_day(start) if start else None
        self.active_until = partial_dates.last_day(end) if end else None

    def clean(self) -> None:
        super().clean()
        try:
            self.derive_active_days()
        except partial_dates.PartialDateError:
            return  # the field validators report the malformed date itself
        if self.active_from and self.active_until and self.active_from > self.active_until:
            raise ValidationError({self.END_FIELD: _("The end date is before the start date.")})


_Dated = TypeVar("_Dated", bound=DatedModel)


class ActiveQuerySet(models.QuerySet[_Dated]):
    def active_on(self, day: date) -> Self:
        """Records whose span covers the given day (open ends count as covering it)."""
        return self.filter(
            Q(active_from__isnull=True) | Q(active_from__lte=day),
            Q(active_until__isnull=True) | Q(active_until__gte=day),
        )


class DataVersion(models.Model):
    """One row counting changes to the public data: the API's ETag and Last-Modified.

    Bumped by signals on every save and delete of the directory, structures and geography
    (core/versions.py), inside the same transaction, so it rolls back with the data.
    """

    number = models.BigIntegerField(
        _("number"),
        default=0,
        help_text=_("How many changes the public data has had: the API's ETag."),
    )
    changed_at = models.DateTimeField(
        _("changed at"), help_text=_("When the public data last changed: the API's Last-Modified.")
    )

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
