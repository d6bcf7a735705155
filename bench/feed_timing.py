"""A month of the listing's feed (/tapahtumat.ics) as a subscriber gets it: the first answer
(which makes the texts not kept yet), then the warm ones, each read to its end without holding
it, next to the bare query of the same events' ids; and the memory one answer needs."""

import time
import tracemalloc
from datetime import date, datetime
from datetime import time as clock

from django.test import Client
from django.utils import timezone

from bench.measure import summary, timed
from jarjestokartta.events.filtering import EventFilter, filter_occurrences
from jarjestokartta.events.models import Event


def month_feed(client: Client, region: str | None, first: date, last: date, repeat: int) -> dict:
    """The feed of `region` (the whole country when None) from `first` to `last`."""
    month = f"start={first}&end={last}"
    path = f"/tapahtumat.ics?region={region}&{month}" if region else f"/tapahtumat.ics?{month}"
    status, size, first_ms = _read(client, path)
    figures: dict = {"path": path, "status": status, "bytes": size, "first_ms": round(first_ms)}
    samples, bare = [], []
    for _ in range(repeat * 4):
        samples.append(timed(lambda: _read(client, path)))
        bare.append(timed(lambda: _month_ids(region, first, last)))
    figures.update(summary(samples))
    figures["baseline"] = summary(bare)
    figures["events"] = len(_month_ids(region, first, last))
    figures["peak_mb"] = _peak_mb(lambda: _read(client, path))
    return figures


def _read(client: Client, path: str) -> tuple[int, int, float]:
    """Status, length and milliseconds of one answer, its pieces counted and dropped."""
    start = time.perf_counter()
    response = client.get(path)
    pieces = response.streaming_content if response.streaming else [response.content]
    size = sum(len(piece) for piece in pieces)
    return response.status_code, size, (time.perf_counter() - start) * 1000


def _month_ids(region: str | None, first: date, last: date) -> list[int]:
    """The baseline: the ids of the month's published events in the feed's order, as the
    feed's own first query finds them, nothing else read."""
    zone = timezone.get_default_timezone()
    wanted = EventFilter(region=[region] if region else [])
    start, end = datetime.combine(first, clock.min, zone), datetime.combine(last, clock.max, zone)
    occurring = filter_occurrences(wanted, start, end, first).order_by()
    events = Event.objects.published().filter(pk__in=occurring.values("event_id"))
    return list(events.order_by("start", "pk").values_list("pk", flat=True))


def _peak_mb(action) -> float:
    """The most memory Python held at once during the action (tracemalloc), in MB."""
    tracemalloc.start()
    try:
        action()
        return round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
    finally:
        tracemalloc.stop()
