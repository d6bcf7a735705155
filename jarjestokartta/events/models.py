"""What organisations offer, when and where: one record for activities, events, courses,
volunteering tasks and the meetings of cooperation bodies (schema.org Event / EventSeries)."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jarjestokartta.core.models import popolo_id_field
from jarjestokartta.directory.models import Organization, TargetGroup, Theme
from jarjestokartta.events import recurrence
from jarjestokartta.events.choices import (
    Accessibility,
    Channel,
    EventKind,
    EventStatus,
    Language,
    Registration,
)
from jarjestokartta.events.constraints import event_constraints
from jarjestokartta.events.feed_text_models import FeedText as FeedText
from jarjestokartta.events.fields import CodeListField
from jarjestokartta.events.occurrence_models import Occurrence as Occurrence
from jarjestokartta.events.occurrence_models import OccurrenceChange as OccurrenceChange
from jarjestokartta.events.querysets import EventQuerySet
from jarjestokartta.events.validation import event_problems
from jarjestokartta.geography.models import Area


class Event(models.Model):
    """One activity, event, course, volunteering task or body meeting, with its schedule.

    Times are stored as moments (UTC in the database) and read in `timezone`, whose wall-clock
    time a recurrence rule follows. The schedule's occurrences are expanded by
    events/occurrences.py and stored ahead in Occurrence for the listings.
    """

    Kind = EventKind
    Status = EventStatus
    Channel = Channel
    Registration = Registration

    popolo_id = popolo_id_field()
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The name in web addresses: lowercase, with hyphens."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=EventKind.choices,
        db_index=True,
        help_text=_("A recurring activity, an event, a course, a volunteering task or a meeting."),
    )
    name = models.CharField(_("name (Finnish)"), max_length=300, help_text=_("Name in Finnish."))
    name_sv = models.CharField(
        _("name (Swedish)"), max_length=300, blank=True, help_text=_("Name in Swedish, if given.")
    )
    name_en = models.CharField(
        _("name (English)"), max_length=300, blank=True, help_text=_("Name in English, if given.")
    )
    summary = models.CharField(
        _("summary"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences shown in the listings."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What happens, for whom, what to bring.")
    )
    # No index of its own: events_event_organizer (organizer, start) begins with it.
    organizer = models.ForeignKey(
        Organization,
        verbose_name=_("organiser"),
        db_index=False,
        on_delete=models.PROTECT,
        related_name="organized_events",
        help_text=_("The organisation that arranges it; for a body's meeting, who convenes it."),
    )
    co_organizers = models.ManyToManyField(
        Organization,
        verbose_name=_("co-organisers"),
        blank=True,
        related_name="co_organized_events",
        help_text=_("Other organisations that arrange it together with the organiser."),
    )
    body = models.ForeignKey(
        Organization,
        verbose_name=_("cooperation body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        help_text=_("The network, council, forum or table whose meeting this is."),
    )
    agenda = models.TextField(
        _("agenda"), blank=True, help_text=_("A meeting's agenda or themes, as text.")
    )
    themes = models.ManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        related_name="events",
        help_text=_("What it is about; listings can be filtered by them."),
    )
    target_groups = models.ManyToManyField(
        TargetGroup,
        verbose_name=_("target groups"),
        blank=True,
        related_name="events",
        help_text=_("Whom it is for; listings can be filtered by them."),
    )
    age_min = models.PositiveSmallIntegerField(
        _("age from"), null=True, blank=True, help_text=_("The youngest age it is for, in years.")
    )
    age_max = models.PositiveSmallIntegerField(
        _("age to"), null=True, blank=True, help_text=_("The oldest age it is for, in years.")
    )
    languages = CodeListField(
        _("languages"),
        codes=Language,
        help_text=_("The languages it is held in, as ISO 639-1 codes (fi, sv, en, se, ru …)."),
    )
    is_free = models.BooleanField(
        _("free of charge"), default=True, help_text=_("Whether taking part costs nothing.")
    )
    price = models.CharField(
        _("price"),
        max_length=300,
        blank=True,
        help_text=_('What it costs, as text, e.g. "5 €, members 3 €"; empty when free.'),
    )
    price_info_url = models.URLField(
        _("price information"), blank=True, help_text=_("A page with more about the price.")
    )
    channel = models.CharField(
        _("where"),
        max_length=10,
        choices=Channel.choices,
        default=Channel.PLACE,
        help_text=_("At a place, online, by phone, or at a place and online."),
    )
    place_name = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_('The name of the place, e.g. "Perhetalo Kuopio" or "Kirjaston Kuusi-sali".'),
    )
    street_address = models.CharField(
        _("street address"), max_length=200, blank=True, help_text=_("Street and number.")
    )
    postal_code = models.CharField(
        _("postal code"), max_length=5, blank=True, help_text=_("Five digits, e.g. 70100.")
    )
    municipality = models.ForeignKey(
        Area,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("The municipality of the place; needed when it is held at a place."),
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Where to join online; needed when online.")
    )
    phone = models.CharField(
        _("phone"), max_length=50, blank=True, help_text=_("The number to call to take part.")
    )
    accessibility = CodeListField(
        _("accessibility"),
        codes=Accessibility,
        help_text=_("From the fixed list: step-free access, induction loop, plain language …"),
    )
    accessibility_note = models.TextField(
        _("more about accessibility"),
        blank=True,
        help_text=_("Anything the list does not say, e.g. the entrance to use."),
    )
    registration = models.CharField(
        _("registration"),
        max_length=12,
        choices=Registration.choices,
        default=Registration.NOT_NEEDED,
        help_text=_("Whether one must register beforehand."),
    )
    registration_url = models.URLField(
        _("registration link"), blank=True, help_text=_("Where to register.")
    )
    registration_email = models.EmailField(
        _("registration e-mail"), blank=True, help_text=_("Where to register by e-mail.")
    )
    registration_opens = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("When registration opens.")
    )
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("When registration closes.")
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("How many can take part, as information; registrations are not counted."),
    )
    image_url = models.URLField(
        _("image"), blank=True, help_text=_("The address of an image that shows what it is.")
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for those who cannot see it; needed with an image."),
    )
    start = models.DateTimeField(
        _("start"),
        db_index=True,
        help_text=_("When it starts; for a recurring one, the first time."),
    )
    end = models.DateTimeField(
        _("end"),
        null=True,
        blank=True,
        help_text=_("When it ends; for a recurring one, the end of the first time."),
    )
    rrule = models.CharField(
        _("recurrence rule"),
        max_length=500,
        blank=True,
        help_text=_("How it repeats, as an RFC 5545 RRULE; the form writes it from weekdays."),
    )
    exdates = models.JSONField(
        _("dates left out"),
        default=list,
        blank=True,
        help_text=_("Starts the rule gives that do not happen, as local date-times."),
    )
    rdates = models.JSONField(
        _("extra dates"),
        default=list,
        blank=True,
        help_text=_("Starts outside the rule that happen too, as local date-times."),
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=50,
        default="Europe/Helsinki",
        help_text=_("The zone whose wall-clock time the rule follows."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Scheduled, cancelled, postponed or rescheduled."),
    )
    is_published = models.BooleanField(
        _("published"), default=True, help_text=_("A draft is shown to nobody but its editors.")
    )
    super_event = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_events",
        help_text=_("The umbrella event, e.g. a festival week, that holds this one."),
    )
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When the details were last checked with the organiser."),
    )
    sequence = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Grows with each change, as iCalendar's SEQUENCE does."),
    )
    source = models.CharField(
        _("data source"), max_length=300, blank=True, help_text=_("Where the data came from.")
    )
    extras = models.JSONField(
        _("other Popolo fields"),
        default=dict,
        blank=True,
        help_text=_("Other fields of an imported Popolo file, kept and exported again."),
    )
    created = models.DateTimeField(
        _("created"), auto_now_add=True, help_text=_("When the record was added to the service.")
    )
    modified = models.DateTimeField(
        _("modified"), auto_now=True, help_text=_("When the record was last changed.")
    )

    history = HistoricalRecords(
        excluded_fields=["sequence"], no_db_index=["popolo_id", "slug", "kind", "start"]
    )
    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity or event")
        verbose_name_plural = _("activities and events")
        ordering = ["start", "name"]
        indexes = [models.Index(fields=["organizer", "start"], name="events_event_organizer")]
        constraints = event_constraints()

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Calendars replace their copy only when SEQUENCE grows (RFC 5545 3.8.7.4).
        if self.pk is not None:
            self.sequence += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("event", args=[self.slug])

    def clean(self) -> None:
        # The rules of events/validation.py, shared by every form that edits an event.
        problems = event_problems(self)
        if problems:
            raise ValidationError(problems)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def is_recurring(self) -> bool:
        return bool(self.rrule or self.rdates)

    def local(self, moment: datetime) -> datetime:
        """A moment as this event's naive wall-clock time."""
        return recurrence.localise_naive(moment, self.zone)

    def schedule(self) -> recurrence.Schedule:
        """The schedule on wall-clock time, for expanding and describing it."""
        return recurrence.Schedule(
            start=self.local(self.start),
            end=None if self.end is None else self.local(self.end),
            rule=self.rrule,
            exdates=tuple(datetime.fromisoformat(day) for day in self.exdates),
            rdates=tuple(datetime.fromisoformat(day) for day in self.rdates),
        )

    @property
    def where(self) -> str:
        """The place in one line, as an address is written in Finland."""
        town = " ".join(part for part in (self.postal_code, self._town()) if part)
        return ", ".join(part for part in (self.place_name, self.street_address, town) if part)

    def _town(self) -> str:
        return self.municipality.name if self.municipality_id and self.municipality else ""
