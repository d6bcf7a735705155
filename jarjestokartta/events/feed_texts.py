"""Writing a feed from the events' VEVENTs kept ready (FeedText), making what is missing.

A feed reads its events in order with what their texts were made from (`modified`,
`sequence`, the municipality's name) and their zones, for the VTIMEZONEs that come first; then
their kept texts a chunk at a time. A kept text is used only while it was made from what the
event says now, so an edit by any path (the admin, a model save, a change's signal, an import)
is seen at once; an event without a fresh text (new, edited, or never in a feed on this host)
is made by events/calendar.py and kept for the next feed. The bytes are those calendar.feed()
writes for the same events; streamed a chunk at a time, one chunk is in memory, not the file.

Both reads are plain SQL on the driver's values: through the ORM, 2,000 pks in an IN list
took 13 ms a chunk to prepare and each `modified` a date parse, more than reading the texts.
"""

import logging
from collections.abc import Iterator, Sequence

from django.db import DatabaseError, connection, transaction
from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast

from jarjestokartta.core import bulk
from jarjestokartta.events import calendar
from jarjestokartta.events.models import Event, FeedText

logger = logging.getLogger(__name__)
# The events whose texts are read (and made) at once: one query's IN list, and what the
# feed holds in memory at a time.
CHUNK = bulk.CHUNK
# The placeholder of the slug in a page address pattern (no slug has braces).
SLUG = "{slug}"


# An event of a feed: its pk, zone, and what its text is made from (`modified` as the
# database writes it as text, so that the driver parses no date, `sequence`, the town).
Entry = tuple[int, str, str, int, str | None]
PK, ZONE = 0, 1


def page_of(pattern: str, slug: str) -> str:
    return pattern.replace(SLUG, slug)


def entries(events: QuerySet[Event], limit: int | None = None) -> list[Entry]:
    """The events in their queryset's order (at most `limit`), read for a feed."""
    stamped = events.annotate(stamp=Cast("modified", TextField()))
    chosen = stamped.values_list("pk", "timezone", "stamp", "sequence", "municipality__name")
    if limit is not None:
        chosen = chosen[:limit]
    sql, params = chosen.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def stream(events: Sequence[Entry], *, name: str, pattern: str) -> Iterator[bytes]:
    """The VCALENDAR of `events` (in the feed's order), in pieces."""
    yield calendar.header(name, {entry[ZONE] for entry in events}).encode()
    for chunk in bulk.chunks(events, CHUNK):
        texts = ready(chunk, pattern)
        missing = [entry[PK] for entry in chunk if entry[PK] not in texts]
        if missing:
            texts.update(make(missing, pattern))
        yield b"".join([texts[entry[PK]] for entry in chunk])
    yield calendar.FOOTER.encode()


def ready(chunk: Sequence[Entry], pattern: str) -> dict[int, bytes]:
    """The texts kept for these events that were made from what the events say now."""
    table = connection.ops.quote_name(FeedText._meta.db_table)
    now = {pk: (stamp, sequence, town or "") for pk, _zone, stamp, sequence, town in chunk}
    if connection.vendor == "postgresql":
        # One array parameter: 2,000 parameters of an IN list took half as long again.
        wanted, params = "= ANY(%s)", [pattern, list(now)]
    else:
        wanted, params = f"IN ({', '.join(['%s'] * len(now))})", [pattern, *now]
    sql = (
        f"SELECT event_id, CAST(modified AS TEXT), sequence, town, text FROM {table}"
        f" WHERE page = %s AND event_id {wanted}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {
            pk: bytes(text)
            for pk, modified, sequence, town, text in cursor.fetchall()
            if now[pk] == (modified, sequence, town)
        }


def make(pks: Sequence[int], pattern: str) -> dict[int, bytes]:
    """The events' texts made from their rows, and kept (replacing what was kept before)."""
    made = {}
    rows = []
    for event in calendar.for_feed(Event.objects.filter(pk__in=pks)):
        text = "".join(f"{c}\r\n" for c in calendar.vevents(event, page_of(pattern, event.slug)))
        text = text.encode()
        made[event.pk] = text
        town = event.municipality.name if event.municipality_id and event.municipality else ""
        rows.append(
            FeedText(
                event_id=event.pk,
                page=pattern,
                modified=event.modified,
                sequence=event.sequence,
                town=town,
                text=text,
            )
        )
    keep(rows)
    return made


def keep(rows: list[FeedText]) -> None:
    """Stored for the next feed; a failure to store (SQLite's one writer busy with an
    import, say) leaves this feed right, only not faster next time, so it is logged, not
    raised."""
    try:
        with transaction.atomic():
            FeedText.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["event", "page"],
                update_fields=["modified", "sequence", "town", "text"],
            )
    except DatabaseError:
        logger.warning("feed texts of %s events not kept", len(rows), exc_info=True)
