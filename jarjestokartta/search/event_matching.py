"""The events whose words match a query, for the listing's words filter (EventFilter.event_ids).

The listing lists occurrences by day and filters them itself; from the search it needs only
which events the words find, by the same Finnish-aware reading as the search page.
"""

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from jarjestokartta.search.backends import backend
from jarjestokartta.search.engine import engine_query, read_query
from jarjestokartta.search.filters import Filters
from jarjestokartta.search.models import SearchDocument
from jarjestokartta.search.vocabulary import vocabulary


def event_ids_matching(q: str) -> list[int] | None:
    """The ids of the published events that have every word of `q` (in any Finnish form);
    None when `q` has no words, so that the caller does not filter by words at all."""
    vocab = vocabulary()
    words = read_query(q, vocab)
    if not words:
        return None
    query = engine_query(words, vocab)
    if not query.required:
        return []
    matching, params = backend().matching_ids_sql(query, Filters(kind=SearchDocument.Kind.EVENT))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT object_id FROM search_searchdocument WHERE id IN ({matching})", params
        )
        return sorted(row[0] for row in cursor.fetchall())


def events_matching(q: str, field: str = "event_id") -> Q | None:
    """The rows whose `field` is an event with every word of `q`, as one subquery (a common
    word finds tens of thousands of events: too many for a list of parameters); None when
    `q` has no words."""
    vocab = vocabulary()
    words = read_query(q, vocab)
    if not words:
        return None
    query = engine_query(words, vocab)
    if not query.required:
        return Q(pk__in=[])
    matching, params = backend().matching_ids_sql(query, Filters(kind=SearchDocument.Kind.EVENT))
    documents = f"SELECT object_id FROM search_searchdocument WHERE id IN ({matching})"
    return Q(**{f"{field}__in": RawSQL(documents, params)})
