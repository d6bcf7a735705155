"""What an event found shows beyond its document: who organises it and when it next happens."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import OuterRef, Subquery
from django.urls import reverse

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
    results need no schedule expanded.
    """
    if not ids:
        return {}
    upcoming = (
        Occurrence.objects.filter(event=OuterRef("pk"), start__gte=after)
        .exclude(status=Event.Status.CANCELLED)
        .order_by("start")
        .values("start")[:1]
    )
    rows = (
        Event.objects.filter(pk__in=list(ids))
        .annotate(next_start=Subquery(upcoming))
        .values_list("pk", "organizer__name", "status", "next_start")
    )
    return {pk: EventDetails(name, status, start) for pk, name, status, start in rows}
