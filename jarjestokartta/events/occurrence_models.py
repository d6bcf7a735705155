"""One occurrence of a schedule: changed on its own (OccurrenceChange), or stored ahead for the
listings (Occurrence). Both are keyed by the original start, as iCalendar's RECURRENCE-ID is."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jarjestokartta.events.choices import EventStatus
from jarjestokartta.geography.models import Area


class OccurrenceChange(models.Model):
    """One occurrence cancelled, moved or annotated, e.g. "no group on Independence Day".

    Kept apart from the stored occurrences, so that refreshing them never loses it; an original
    start that the schedule no longer gives is kept too (and ignored) until it is removed.
    """

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="changes",
        help_text=_("The activity or event whose one occurrence changes."),
    )
    original_start = models.DateTimeField(
        _("original start"), help_text=_("When the occurrence was to start by the schedule.")
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Cancelled, postponed, rescheduled (moved) or as scheduled with a note."),
    )
    start = models.DateTimeField(
        _("new start"),
        null=True,
        blank=True,
        help_text=_("When a moved occurrence starts instead; empty if it is not moved."),
    )
    end = models.DateTimeField(
        _("new end"),
        null=True,
        blank=True,
        help_text=_("When a moved occurrence ends instead."),
    )
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_('Shown with the occurrence, e.g. "In the library this time".'),
    )
    modified = models.DateTimeField(
        _("modified"), auto_now=True, help_text=_("When the change was last edited.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("change to one occurrence")
        verbose_name_plural = _("changes to single occurrences")
        ordering = ["original_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "original_start"], name="events_change_one_per_occurrence"
            ),
            models.CheckConstraint(
                condition=Q(status__in=EventStatus.values), name="events_change_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=False),
                name="events_change_end_needs_start",
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=F("start")),
                name="events_change_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} @ {self.original_start.isoformat()}"


class Occurrence(models.Model):
    """An occurrence stored ahead, so that a listing is one indexed range query.

    Made only by events/occurrences.py from the schedule and its changes, and only for
    published events, over the horizon that setting EVENTS_HORIZON_DAYS gives.
    """

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="occurrences",
        # The index (event, start) below serves every look-up by event: a third one on the
        # event alone would only cost the bulk store its writes.
        db_index=False,
        help_text=_("The activity or event that occurs."),
    )
    original_start = models.DateTimeField(
        help_text=_("The start the schedule gives, as iCalendar's RECURRENCE-ID.")
    )
    start = models.DateTimeField(help_text=_("When it starts: moved, if it was moved."))
    end = models.DateTimeField(null=True, help_text=_("When it ends, if an end is known."))
    status = models.CharField(
        max_length=12, choices=EventStatus.choices, help_text=_("The occurrence's own status.")
    )
    note = models.CharField(max_length=300, blank=True, help_text=_("Its change's note."))
    # The place's municipality, or the organiser's for one online or by phone, so that "what
    # happens in Kuopio this week" is an index range of its own (see occurrences.py). No index
    # of its own: the (area, start, event) index below begins with it, and a second one was
    # kept up to date row by row for the 8.6 million rows of a national import.
    area = models.ForeignKey(
        Area,
        null=True,
        db_index=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The municipality it is listed under."),
    )

    class Meta:
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "original_start"], name="events_occurrence_unique"
            ),
        ]
        # The listings' two plans (events/listing_plan.py): walking the whole country in
        # order of start, with the event at hand in the index to test its themes, and
        # reading a few events' occurrences over the range.
        indexes = [
            models.Index(fields=["start", "event"], name="events_occurrence_start_event"),
            models.Index(fields=["event", "start"], name="events_occurrence_event_start"),
            # With the event, a region's feed reads its events' ids from the index alone.
            models.Index(fields=["area", "start", "event"], name="events_occ_area_start_event"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} @ {self.start.isoformat()}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_moved(self) -> bool:
        return self.start != self.original_start
