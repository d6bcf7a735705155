"""The value types of event records: date-times with offsets, the event codes, one
occurrence's change. Pure Python (pydantic, no Django); event_records.py builds the record.

The codes repeat events/choices.py (a Django module, which this one may not import);
popolo/tests/test_event_records.py checks that the two agree.
"""

from datetime import datetime
from typing import Annotated, Any, Literal, get_args
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, Field, PlainSerializer, StringConstraints, model_validator

from jarjestokartta.popolo.parts import Part, Text

EventKind = Literal["activity", "event", "course", "volunteering", "meeting"]
EventStatus = Literal["scheduled", "cancelled", "postponed", "rescheduled"]
Channel = Literal["place", "online", "phone", "hybrid"]
Registration = Literal["not_needed", "required"]
Accessibility = Literal[
    "step_free",
    "accessible_toilet",
    "induction_loop",
    "sign_language",
    "plain_language",
    "accessible_parking",
    "lift",
    "quiet_space",
    "assistance_dogs",
    "scent_free",
]
Language = Literal[
    "fi", "sv", "en", "se", "ru", "et", "ar", "so", "uk", "fa",
    "ku", "zh", "sq", "vi", "th", "tr", "es", "de", "fr", "pl",
]  # fmt: skip
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
EVENT_STATUSES: tuple[str, ...] = get_args(EventStatus)
CHANNELS: tuple[str, ...] = get_args(Channel)
REGISTRATIONS: tuple[str, ...] = get_args(Registration)
ACCESSIBILITY: tuple[str, ...] = get_args(Accessibility)
LANGUAGES: tuple[str, ...] = get_args(Language)
HELSINKI = "Europe/Helsinki"


def parse_moment(value: Any) -> Any:
    """A date-time as a file writes it; one without an offset stays naive until the record
    gives it its zone (Finnish time unless the record says otherwise)."""
    if not isinstance(value, str):
        return value
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date-time such as 2026-09-01T17:00+03:00") from None


def write_moment(moment: datetime) -> str:
    """As Popolo writes a date-time: with its offset, to the minute when that is exact."""
    exact = moment.second == 0 and moment.microsecond == 0
    return moment.isoformat(timespec="minutes" if exact else "seconds")


def in_zone(moment: datetime, zone: ZoneInfo) -> datetime:
    """The moment in the zone; a naive one is read as the zone's wall-clock time."""
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


Moment = Annotated[
    datetime, BeforeValidator(parse_moment), PlainSerializer(write_moment, when_used="json")
]


def short(length: int) -> Any:
    """A text that fits its column (PostgreSQL refuses a longer one)."""
    return StringConstraints(max_length=length)


Url = Annotated[str, StringConstraints(pattern=r"^(https?://\S+)?$", max_length=200)]


class OccurrenceChange(Part):
    original_start: Annotated[
        Moment, Field(description="The start the schedule gives, as iCalendar's RECURRENCE-ID")
    ]
    status: Annotated[
        EventStatus,
        Field(description="scheduled (with a note), cancelled, postponed or rescheduled (moved)"),
    ] = "scheduled"
    start: Annotated[Moment | None, Field(description="The new start of a moved occurrence")] = None
    end: Annotated[Moment | None, Field(description="The new end of a moved occurrence")] = None
    note: Annotated[
        Text, short(300), Field(description='Shown with it, e.g. "Tällä kertaa kirjastossa"')
    ] = ""

    @model_validator(mode="after")
    def end_after_start(self) -> "OccurrenceChange":
        if self.end is not None and self.start is None:
            raise ValueError("a new end needs a new start")
        if self.end is not None and self.start is not None and self.end <= self.start:
            raise ValueError(f"end {write_moment(self.end)} is not after start")
        return self

    def in_zone(self, zone: ZoneInfo) -> "OccurrenceChange":
        return self.model_copy(
            update={
                name: in_zone(getattr(self, name), zone)
                for name in ("original_start", "start", "end")
                if getattr(self, name) is not None
            }
        )
