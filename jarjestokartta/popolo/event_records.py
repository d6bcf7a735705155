"""The Popolo event record: an activity, event, course, volunteering task or body meeting.

Popolo's own Event fields (id, name, classification, start_date, end_date, organization_id,
location, status) and our extensions (docs/popolo.md), each declared once with where the
model keeps it (fieldmap.py). The record checks what the database would refuse, so that a bad
file is a list of named problems and not a failed transaction. Pure Python, no Django.
"""

from datetime import datetime
from functools import lru_cache
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, StringConstraints, field_validator, model_validator

from jarjestokartta.events import recurrence
from jarjestokartta.popolo.event_parts import (
    HELSINKI,
    Accessibility,
    Channel,
    EventKind,
    EventStatus,
    Language,
    Moment,
    OccurrenceChange,
    Registration,
    Url,
    in_zone,
    short,
    write_moment,
)
from jarjestokartta.popolo.fieldmap import (
    Column,
    Convener,
    DayColumn,
    Host,
    Links,
    LocalTimes,
    Location,
    Ref,
    Rows,
)
from jarjestokartta.popolo.fieldmap import Moment as MomentColumn
from jarjestokartta.popolo.parts import FullDate, Id, ListOf, Name, OptionalId, Record, SetOf, Text

_CHANGE = tuple((name, name) for name in ("original_start", "status", "start", "end", "note"))
_MOMENTS = ("start_date", "end_date", "registration_opens", "registration_closes")


def _about(text: str) -> Any:
    return Field(description=text)


class Event(Record):
    name: Annotated[Name, short(300), Column(), _about("The name in Finnish")]
    classification: Annotated[
        EventKind, Column("kind"), _about("activity, event, course, volunteering or meeting")
    ]
    start_date: Annotated[
        Moment,
        MomentColumn("start"),
        _about("The start with its offset; of a recurring one, the first (Finnish time if none)"),
    ]
    end_date: Annotated[
        Moment | None,
        MomentColumn("end"),
        _about("The end with its offset; of a recurring one, the end of the first time"),
    ] = None
    organization_id: Annotated[
        Id,
        Host("organizer", target="organizations"),
        _about("The organiser; for a meeting, the cooperation body whose meeting it is"),
    ]
    organizer_id: Annotated[
        OptionalId,
        Convener("organizer", target="organizations"),
        _about("A meeting's organiser, when it is not the body itself (ext)"),
    ]
    status: Annotated[
        EventStatus, Column(), _about("scheduled, cancelled, postponed or rescheduled")
    ] = "scheduled"
    name_sv: Annotated[Text, short(300), Column(), _about("The name in Swedish (ext)")] = ""
    name_en: Annotated[Text, short(300), Column(), _about("The name in English (ext)")] = ""
    summary: Annotated[Text, short(500), Column(), _about("One or two sentences (ext)")] = ""
    description: Annotated[Text, Column(), _about("What happens, for whom (ext)")] = ""
    agenda: Annotated[Text, Column(), _about("A meeting's agenda or themes (ext)")] = ""
    co_organizer_ids: Annotated[
        SetOf[Id],
        Links("co_organizers", target="organizations"),
        _about("Organisations that arrange it with the organiser (ext)"),
    ]
    themes: Annotated[
        SetOf[Name], Links("themes"), _about("What it is about, by the themes' Finnish names (ext)")
    ]
    target_groups: Annotated[
        SetOf[Name],
        Links("target_groups"),
        _about("Whom it is for, by the target groups' Finnish names (ext)"),
    ]
    age_min: Annotated[
        Annotated[int, Field(ge=0, le=150)] | None, Column(), _about("Age from, in years (ext)")
    ] = None
    age_max: Annotated[
        Annotated[int, Field(ge=0, le=150)] | None, Column(), _about("Age to, in years (ext)")
    ] = None
    languages: Annotated[
        list[Language], Column(), _about("Languages it is held in, ISO 639-1 codes (ext)")
    ] = Field(default_factory=list)
    is_free: Annotated[bool, Column(), _about("Whether taking part costs nothing (ext)")] = True
    price: Annotated[Text, short(300), Column(), _about('The price as text, "5 €" (ext)')] = ""
    price_info_url: Annotated[Url, Column(), _about("A page about the price (ext)")] = ""
    channel: Annotated[
        Channel, Column(), _about("place, online, phone or hybrid (place and online) (ext)")
    ] = "place"
    place_name: Annotated[Text, short(200), Column(), _about("The place's name (ext)")] = ""
    street_address: Annotated[Text, short(200), Column(), _about("Street and number (ext)")] = ""
    postal_code: Annotated[
        str, StringConstraints(pattern=r"^([0-9]{5})?$"), Column(), _about("Five digits (ext)")
    ] = ""
    area_id: Annotated[
        OptionalId,
        Ref("municipality", target="areas"),
        _about("The place's municipality (ext)"),
    ]
    location: Annotated[
        Text,
        Location("place_name"),
        _about("The place in one line; the parts are in place_name, street_address … (ext)"),
    ] = ""
    online_url: Annotated[Url, Column(), _about("Where to join online (ext)")] = ""
    phone: Annotated[Text, short(50), Column(), _about("The number to call (ext)")] = ""
    accessibility: Annotated[
        list[Accessibility],
        Column(),
        _about("step_free, accessible_toilet, induction_loop, sign_language … (ext)"),
    ] = Field(default_factory=list)
    accessibility_note: Annotated[Text, Column(), _about("More about accessibility (ext)")] = ""
    registration: Annotated[Registration, Column(), _about("not_needed or required (ext)")] = (
        "not_needed"
    )
    registration_url: Annotated[Url, Column(), _about("Where to register (ext)")] = ""
    registration_email: Annotated[
        Text, short(254), Column(), _about("Where to register by e-mail (ext)")
    ] = ""
    registration_opens: Annotated[
        Moment | None, MomentColumn(), _about("When registration opens (ext)")
    ] = None
    registration_closes: Annotated[
        Moment | None, MomentColumn(), _about("When registration closes (ext)")
    ] = None
    capacity: Annotated[
        Annotated[int, Field(ge=0)] | None, Column(), _about("How many can take part (ext)")
    ] = None
    image_url: Annotated[Url, Column(), _about("An image of it (ext)")] = ""
    image_alt: Annotated[Text, short(300), Column(), _about("What the image shows (ext)")] = ""
    rrule: Annotated[
        Text,
        short(500),
        Column(),
        _about("How it repeats: an RFC 5545 RRULE value, UNTIL in local time (ext)"),
    ] = ""
    exdate: Annotated[
        ListOf[Moment],
        LocalTimes("exdates"),
        _about("Starts the rule gives that do not happen, with offsets (ext)"),
    ]
    rdate: Annotated[
        ListOf[Moment],
        LocalTimes("rdates"),
        _about("Starts outside the rule that happen too, with offsets (ext)"),
    ]
    timezone: Annotated[
        Text, short(50), Column(), _about("The zone whose wall-clock time the rule follows (ext)")
    ] = HELSINKI
    occurrence_changes: Annotated[
        ListOf[OccurrenceChange],
        Rows("changes", _CHANGE),
        _about("Single occurrences cancelled, moved or annotated, by original_start (ext)"),
    ]
    is_published: Annotated[
        bool, Column(), _about("Whether it is shown; false for a draft (ext)")
    ] = True
    super_event_id: Annotated[
        OptionalId,
        Ref("super_event", target="events"),
        _about("The umbrella event holding it, e.g. a festival week (ext)"),
    ]
    last_verified: Annotated[
        FullDate, DayColumn(), _about("When last checked with the organiser, YYYY-MM-DD (ext)")
    ] = ""
    source: Annotated[Text, short(300), Column(), _about("Where the data came from (ext)")] = ""

    @field_validator("timezone")
    @classmethod
    def known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value or HELSINKI)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a time zone such as Europe/Helsinki") from None
        return value or HELSINKI

    @model_validator(mode="after")
    def in_its_zone(self) -> "Event":
        """Every date-time in the record's own zone, so that a file that gives them in UTC or
        without an offset compares equal to what we export; lists in order."""
        zone = ZoneInfo(self.timezone)
        for name in _MOMENTS:
            if getattr(self, name) is not None:
                setattr(self, name, in_zone(getattr(self, name), zone))
        self.exdate = sorted({in_zone(day, zone) for day in self.exdate})
        self.rdate = sorted({in_zone(day, zone) for day in self.rdate})
        self.occurrence_changes = sorted(
            (change.in_zone(zone) for change in self.occurrence_changes),
            key=lambda change: change.original_start,
        )
        return self

    @model_validator(mode="after")
    def consistent(self) -> "Event":
        for problem in _problems(self):
            raise ValueError(problem)
        if self.rrule:
            start = recurrence.localise_naive(self.start_date, ZoneInfo(self.timezone))
            try:
                self.rrule = _checked_rule(self.rrule, start)
            except recurrence.RuleError as error:
                raise ValueError(f"rrule: {error}") from None
        if self.organizer_id == self.organization_id:
            self.organizer_id = None  # the body convenes its own meeting: said once
        return self


@lru_cache(maxsize=100_000)
def _checked_rule(rule: str, start: datetime) -> str:
    """check_rule, remembered: reading a rule costs about 0.7 ms, and a national file has
    half a million events with a few thousand different rules and starts among them."""
    return recurrence.check_rule(rule, start)


def _problems(event: Event) -> list[str]:
    """What the database's checks on an event would refuse, as named problems."""
    found = []
    if event.end_date is not None and event.end_date <= event.start_date:
        found.append(
            f"end_date {write_moment(event.end_date)} is not after start_date "
            f"{write_moment(event.start_date)}"
        )
    if event.organizer_id is not None and event.classification != "meeting":
        found.append("organizer_id is for a meeting, whose organization_id is the body")
    if event.age_min is not None and event.age_max is not None and event.age_min > event.age_max:
        found.append(f"age_min {event.age_min} is above age_max {event.age_max}")
    if event.is_free and event.price:
        found.append("a free event has no price (is_free is true)")
    if event.channel in ("place", "hybrid") and event.area_id is None:
        found.append(f"area_id (the municipality) is needed for channel {event.channel}")
    if event.channel in ("online", "hybrid") and not event.online_url:
        found.append(f"online_url is needed for channel {event.channel}")
    if event.channel == "phone" and not event.phone:
        found.append("phone is needed for channel phone")
    if event.registration == "required" and not (
        event.registration_url or event.registration_email
    ):
        found.append("registration required needs registration_url or registration_email")
    opens, closes = event.registration_opens, event.registration_closes
    if opens is not None and closes is not None and opens > closes:
        found.append("registration_closes is before registration_opens")
    if event.image_url and not event.image_alt:
        found.append("image_url needs image_alt (what the image shows)")
    if event.super_event_id == event.id:
        found.append("super_event_id: an event cannot hold itself")
    for name in ("languages", "accessibility"):
        if len(set(getattr(event, name))) != len(getattr(event, name)):
            found.append(f"{name}: a code is given twice")
    return found


def local_times(days: list[datetime], zone: str) -> list[str]:
    """Date-times as the model keeps exdates and rdates: naive wall-clock times of the zone."""
    return [recurrence.localise_naive(day, ZoneInfo(zone)).isoformat() for day in days]
