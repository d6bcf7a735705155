"""The documented shapes of activities, events and their occurrences in the API.

Close to Popolo's Event (id, name, classification, start_date, end_date, organization_id,
location, status) with the names issue 14 fixes for exchange (rrule, exdate, rdate, timezone,
area_id), then our own fields. Every field is always present (null, "" or [] when not given).
Date-times are local Finnish time with their offset ("2026-10-06T17:00:00+03:00").
"""

from typing import Literal

from ninja import Schema
from pydantic import Field

from jarjestokartta.api.common import Page
from jarjestokartta.events.choices import (
    Accessibility,
    Channel,
    EventKind,
    EventStatus,
    Language,
    Registration,
)

Kind = Literal[tuple(EventKind.values)]  # type: ignore[valid-type]
Status = Literal[tuple(EventStatus.values)]  # type: ignore[valid-type]
ChannelCode = Literal[tuple(Channel.values)]  # type: ignore[valid-type]
LanguageCode = Literal[tuple(Language.values)]  # type: ignore[valid-type]
AccessibilityCode = Literal[tuple(Accessibility.values)]  # type: ignore[valid-type]
RegistrationCode = Literal[tuple(Registration.values)]  # type: ignore[valid-type]
MOMENT = "With its offset, in Finnish time (ISO 8601)"


class Event(Schema):
    id: str = Field(description="The record's Popolo id, stable across exports")
    name: str = Field(description="The name in Finnish")
    name_sv: str = Field(description="The name in Swedish, if it has one")
    name_en: str = Field(description="The name in English, if it has one")
    classification: Kind = Field(
        description="activity (recurring), event, course, volunteering or meeting (of a body)"
    )
    start_date: str = Field(description=f"The (first) start. {MOMENT}")
    end_date: str | None = Field(description=f"The end of the (first) occurrence. {MOMENT}")
    organization_id: str = Field(
        description="Popolo's organiser: the body for a body's meeting, else the organiser"
    )
    organizer_id: str = Field(description="The Popolo id of the organisation that arranges it")
    co_organizer_ids: list[str] = Field(description="Popolo ids of the co-organisers")
    body_id: str | None = Field(description="For a meeting: the cooperation body's Popolo id")
    location: str = Field(description="The place in one line: name, street, postal code, town")
    status: Status = Field(description="scheduled, cancelled, postponed or rescheduled")
    rrule: str = Field(
        description="RFC 5545 RRULE value, UNTIL in local time (FREQ=WEEKLY;BYDAY=TU;…); "
        "empty for a one-off"
    )
    exdate: list[str] = Field(description=f"Starts the rule gives that do not happen. {MOMENT}")
    rdate: list[str] = Field(description=f"Extra starts outside the rule. {MOMENT}")
    timezone: str = Field(description="The zone whose wall-clock time the rule follows")
    area_id: str | None = Field(description="The municipality's Popolo id (kunta:297)")
    slug: str = Field(description="The name in the event page's address")
    url: str = Field(description="The event's page on this site")
    summary: str = Field(description="One or two sentences for listings")
    description: str = Field(description="What happens, for whom, what to bring")
    agenda: str = Field(description="A meeting's agenda or themes, as text")
    themes: list[str] = Field(description="Theme ids (slugs), see /themes")
    target_groups: list[str] = Field(description="Target group ids (slugs), see /target_groups")
    age_min: int | None = Field(description="The youngest age it is for, in years")
    age_max: int | None = Field(description="The oldest age it is for, in years")
    languages: list[LanguageCode] = Field(description="Languages it is held in (ISO 639-1)")
    is_free: bool = Field(description="True when taking part costs nothing")
    price: str = Field(description="What it costs, as text; empty when free")
    price_info_url: str = Field(description="A page with more about the price")
    channel: ChannelCode = Field(description="place, online, phone or hybrid (place and online)")
    place_name: str = Field(description="The name of the place")
    street_address: str = Field(description="Street and number")
    postal_code: str = Field(description="Five digits")
    online_url: str = Field(description="Where to join online")
    phone: str = Field(description="The number to call to take part")
    accessibility: list[AccessibilityCode] = Field(description="From the fixed vocabulary")
    accessibility_note: str = Field(description="More about accessibility, as text")
    registration: RegistrationCode = Field(description="not_needed or required")
    registration_url: str = Field(description="Where to register")
    registration_email: str = Field(description="Where to register by e-mail")
    registration_opens: str | None = Field(description=f"When registration opens. {MOMENT}")
    registration_closes: str | None = Field(description=f"When registration closes. {MOMENT}")
    capacity: int | None = Field(description="How many can take part, as information")
    image_url: str = Field(description="An image that shows what it is")
    image_alt: str = Field(description="What the image shows")
    super_event_id: str | None = Field(description="The umbrella event's Popolo id")
    last_verified: str | None = Field(description="When last checked with the organiser")
    sequence: int = Field(description="The revision; grows with each change (iCalendar SEQUENCE)")
    modified: str = Field(description=f"When the record last changed. {MOMENT}")


class EventPage(Page):
    contents: list[Event] = Field(description="The activities and events on this page")


class Occurrence(Schema):
    event_id: str = Field(description="The Popolo id of the activity or event, see /events/{id}")
    start: str = Field(description=f"When it starts (moved, if it was moved). {MOMENT}")
    end: str | None = Field(description=f"When it ends, if an end is known. {MOMENT}")
    status: Status = Field(description="This occurrence's status: cancelled on its own too")
    original_start: str = Field(
        description=f"The start the schedule gives, as iCalendar's RECURRENCE-ID. {MOMENT}"
    )
    note: str = Field(description='A note on this occurrence, e.g. "In the library this time"')


class OccurrencePage(Page):
    contents: list[Occurrence] = Field(description="The occurrences on this page, by start")
