"""How a listing of stored occurrences asks for "events with this theme", so that its first
page costs about a page, not about every match.

Two plans answer "the occurrences of these events from `start` to `end`, in order of start":

- **walk the range in order of start** (index Occurrence(start, event)) and test each row's
  event against the theme (one look-up in the theme's unique (event, theme) index), stopping
  when the page is full. It reads about PAGE / share rows, where share is the theme's part of
  all occurrences: the same at any scale, but everything in the range for a rare theme.
- **read the few events' occurrences** (index Occurrence(event, start)) over the range and sort
  them: it reads what matches, so it is the plan for a theme with few events.

Databases do not choose well between them: SQLite has no statistics on how many events a theme
has and keeps to the form it is given (an IN drives from the events, an EXISTS walks the range);
PostgreSQL's estimate is good for one theme and takes the same EXISTS as the IN. So we count a
theme's events, at most FEW_EVENTS + 1 of them, and write the condition in the plan's form.

FEW_EVENTS bounds both plans at national scale (500,000 events, about a million occurrences in
30 days): reading 2,000 events' occurrences is some 4,000 rows to sort; a theme with more events
than that is at least 0.4 % of the events, so walking finds a page of 31 within about 8,000 rows.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

FEW_EVENTS = 2000


def has_event_among(rows: QuerySet) -> Q | Exists:
    """The condition on Occurrence "its event is among `rows`", rows of a through table of
    Event (its `event` column), in the form whose plan suits how many they are.

    One query: the rows counted up to FEW_EVENTS + 1 on their own index.
    """
    if rows[: FEW_EVENTS + 1].count() <= FEW_EVENTS:
        return Q(event_id__in=rows.values("event"))
    return Exists(rows.filter(event=OuterRef("event_id")))
