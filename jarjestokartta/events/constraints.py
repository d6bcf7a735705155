"""What the database checks of every activity and event (Event.Meta.constraints)."""

from django.db import models
from django.db.models import F, Q

from jarjestokartta.events.choices import (
    AT_A_PLACE,
    ONLINE,
    Channel,
    EventKind,
    EventStatus,
    Registration,
)


def event_constraints() -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(kind__in=EventKind.values), name="events_event_kind_valid"
        ),
        models.CheckConstraint(
            condition=Q(status__in=EventStatus.values), name="events_event_status_valid"
        ),
        models.CheckConstraint(
            condition=Q(channel__in=Channel.values), name="events_event_channel_valid"
        ),
        models.CheckConstraint(
            condition=Q(registration__in=Registration.values),
            name="events_event_registration_valid",
        ),
        models.CheckConstraint(
            condition=Q(end__isnull=True) | Q(end__gt=F("start")),
            name="events_event_end_after_start",
        ),
        # A meeting belongs to a body and only a meeting does; that the body is a
        # cooperation body is checked by a trigger (migration 0002), as a check
        # constraint cannot look at another table.
        models.CheckConstraint(
            condition=Q(kind=EventKind.MEETING, body__isnull=False)
            | (~Q(kind=EventKind.MEETING) & Q(body__isnull=True)),
            name="events_event_meeting_has_body",
        ),
        models.CheckConstraint(
            condition=Q(age_min__isnull=True)
            | Q(age_max__isnull=True)
            | Q(age_min__lte=F("age_max")),
            name="events_event_age_min_not_above_max",
        ),
        models.CheckConstraint(
            condition=Q(is_free=False) | Q(price=""), name="events_event_free_has_no_price"
        ),
        models.CheckConstraint(
            condition=~Q(channel__in=AT_A_PLACE) | Q(municipality__isnull=False),
            name="events_event_place_has_municipality",
        ),
        models.CheckConstraint(
            condition=~Q(channel__in=ONLINE) | ~Q(online_url=""),
            name="events_event_online_has_link",
        ),
        models.CheckConstraint(
            condition=~Q(channel=Channel.PHONE) | ~Q(phone=""),
            name="events_event_phone_has_number",
        ),
        models.CheckConstraint(
            condition=~Q(registration=Registration.REQUIRED)
            | ~Q(registration_url="")
            | ~Q(registration_email=""),
            name="events_event_registration_has_way",
        ),
        models.CheckConstraint(
            condition=Q(registration_opens__isnull=True)
            | Q(registration_closes__isnull=True)
            | Q(registration_opens__lte=F("registration_closes")),
            name="events_event_registration_opens_before_closes",
        ),
        models.CheckConstraint(
            condition=Q(image_url="") | ~Q(image_alt=""), name="events_event_image_has_alt"
        ),
        models.CheckConstraint(
            condition=Q(postal_code="") | Q(postal_code__regex=r"^[0-9]{5}$"),
            name="events_event_postal_code_format",
        ),
        models.CheckConstraint(
            condition=~Q(super_event=F("pk")), name="events_event_not_own_super_event"
        ),
    ]
