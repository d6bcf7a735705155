"""When an event happens, in the page's language: the rhythm, the next time and the coming
occurrences, for the event page and the organisation, body and area pages."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone, translation

from jarjestokartta.events.models import Event, Occurrence
from jarjestokartta.events.occurrences import Expanded, expand
from jarjestokartta.events.phrasing import describe_occurrence, describe_schedule

# How many coming occurrences the event page lists: a term of a weekly group's next ~2 months.
COMING = 10
# How far ahead the page looks for them; the same year as next_occurrence.
AHEAD = timedelta(days=366)


@dataclass(frozen=True)
class Listed:
    """One occurrence as the pages show it."""

    occurrence: Expanded
    when: str
    original_when: str

    @property
    def is_cancelled(self) -> bool:
        return self.occurrence.is_cancelled

    @property
    def is_moved(self) -> bool:
        return self.occurrence.is_moved

    @property
    def note(self) -> str:
        return self.occurrence.note


def lang() -> str:
    return (translation.get_language() or "fi")[:2]


def rhythm(event: Event) -> str:
    """ "tiistaisin klo 17–19" for a recurring one, "ti 8.12.2026 klo 17–19" for a one-off."""
    end = None if event.end is None else event.local(event.end)
    return describe_schedule(
        start=event.local(event.start), end=end, rrule=event.rrule, lang=lang()
    )


def listed(occurrence: Expanded) -> Listed:
    event = occurrence.event
    original_end = None
    if occurrence.end is not None:
        original_end = occurrence.original_start + (occurrence.end - occurrence.start)
    return Listed(
        occurrence=occurrence,
        when=_occurrence_words(event, occurrence.start, occurrence.end),
        original_when=_occurrence_words(event, occurrence.original_start, original_end),
    )


def _occurrence_words(event: Event, start: datetime, end: datetime | None) -> str:
    return describe_occurrence(
        start=event.local(start), end=None if end is None else event.local(end), lang=lang()
    )


def next_date(occurrence: Expanded) -> str:
    """The day of an occurrence alone, "ti 8.12.2026": its time is in the rhythm."""
    day = occurrence.event.local(occurrence.start).replace(hour=0, minute=0, second=0)
    return describe_occurrence(start=day, end=None, lang=lang())


def coming(event: Event, now: datetime | None = None, limit: int = COMING) -> list[Listed]:
    """The next occurrences, cancelled ones included (the page strikes them through)."""
    now = now or timezone.now()
    return [listed(item) for item in expand(event, now, now + AHEAD)[:limit]]


def stored_when(occurrence: Occurrence) -> str:
    """A stored occurrence's time, "ti 8.12.2026 klo 17–19", read in its event's zone."""
    return _occurrence_words(occurrence.event, occurrence.start, occurrence.end)
