"""What an event found shows beyond its document: who organises it and when it next happens."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from jarjestokartta.directory.models import Organization
from jarjestokartta.events.models import Event, Occurrence

_PLACEHOLDER = "slug-placeholder"


def event_urls() -> Callable[[str], str]:
    """slug → the event's page, as Event.get_absolute_url gives it, resolved once a page
    (as directory.links.organization_urls, for the same reason)."""
    before, _, after = reverse("event", args=[_PLACEHOLDER]).partition(_PLACEHOLDER)
    return lambda slug: f"{before}{slug}{after}"


@dataclass(frozen=True)
class EventDetails:
    organizer: str
    status: str
    next_start: datetime | None  # the next stored occurrence from the moment asked


def event_details(ids: Sequence[int], after: datetime) -> dict[int, EventDetails]:
    """The organiser, status and next occurrence of the events on a result page (one query).

    The next occurrence is the first stored one from `after` on that is not cancelled, so the
    results need no schedule expanded. Written as SQL: built through the ORM (a filter, a
    subquery, an annotation) the query took longer to compose than to run, a fifth of the
    search endpoint's time for a page of events.
    """
    if not ids:
        return {}
    marks = ", ".join(["%s"] * len(ids))
    sql = (
        f"SELECT e.id, o.name, e.status, (SELECT min(x.start) FROM {Occurrence._meta.db_table} x "
        "WHERE x.event_id = e.id AND x.start >= %s AND x.status <> %s) "
        f"FROM {Event._meta.db_table} e JOIN {Organization._meta.db_table} o "
        f"ON o.id = e.organizer_id WHERE e.id IN ({marks})"
    )
    moment = connection.ops.adapt_datetimefield_value(after)
    with connection.cursor() as cursor:
        cursor.execute(sql, [moment, Event.Status.CANCELLED, *ids])
        rows = cursor.fetchall()
    return {pk: EventDetails(name, status, _aware(start)) for pk, name, status, start in rows}


def _aware(value: datetime | str | None) -> datetime | None:
    """A stored moment as an aware datetime: SQLite answers an aggregate of it as UTC text."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else parse_datetime(value)
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    return moment
