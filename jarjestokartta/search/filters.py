"""What a search is narrowed by: facet values, the kind of document, and days.

Both engines (backends.py) ask these conditions the same way, as SQL on the search document
row and its facets.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

# A piece of SQL and its parameters.
Sql = tuple[str, list[Any]]


@dataclass
class Filters:
    """facet -> accepted values; documents must have one of the values of every facet.

    The conditions on the document row itself (its type, when it happens) are apart, in
    `document_sql`, as they are checked on the row a query reads anyway, not by a subquery
    over the facets.
    """

    values: dict[str, list[str]] = field(default_factory=dict)
    # Only documents of this kind (SearchDocument.Kind), or all.
    kind: str | None = None
    # Only what goes on this day or later: events whose last day is not before it.
    from_day: date | None = None
    # Only events with an occurrence from the first to the last day (both included);
    # `stored` holds the window in which events/occurrences.py stores them ahead.
    between: tuple[date, date] | None = None
    stored: tuple[date, date] | None = None

    @property
    def on_documents(self) -> bool:
        return bool(self.kind or self.from_day or self.between)

    def document_sql(self, alias: str = "d") -> Sql:
        """Conditions on the document row `alias`, each starting with " AND "."""
        parts: list[str] = []
        params: list[Any] = []
        if self.kind:
            parts.append(f" AND {alias}.kind = %s")
            params.append(self.kind)
        if self.from_day:
            parts.append(f" AND ({alias}.last_day IS NULL OR {alias}.last_day >= %s)")
            params.append(self.from_day)
        if self.between:
            first, last = self.between
            # An organisation has no first day, so dates find events only.
            parts.append(
                f" AND {alias}.first_day <= %s"
                f" AND ({alias}.last_day IS NULL OR {alias}.last_day >= %s)"
            )
            params += [last, first]
            if self.stored and self.stored[0] <= first and last <= self.stored[1]:
                # Within the stored window the occurrences themselves are asked: a weekly
                # group that skips the range, or a rule that goes on, is checked exactly.
                parts.append(
                    " AND EXISTS (SELECT 1 FROM events_occurrence o "
                    f"WHERE o.event_id = {alias}.object_id AND o.start < %s "
                    'AND COALESCE(o."end", o.start) >= %s)'
                )
                params += [_day_after(last), _day_start(first)]
        return "".join(parts), params

    def sql(self, column: str) -> Sql:
        parts: list[str] = []
        params: list[Any] = []
        for facet, values in self.values.items():
            marks = ", ".join(["%s"] * len(values))
            parts.append(
                f" AND {column} IN (SELECT document_id FROM search_searchfacet "
                f"WHERE facet = %s AND value IN ({marks}))"
            )
            params += [facet, *values]
        return "".join(parts), params

    def exists_sql(self, column: str) -> Sql:
        """The facet conditions as `sql`, asked of each document the words found.

        SQLite made a list of every document with the value first (41,667 for the kind
        "activity") and, given `f.rowid IN (that list)`, asked the full-text table about each
        of them in turn: seconds. Asked per match, each is one look-up in the index
        search_facet_of_document.
        """
        parts: list[str] = []
        params: list[Any] = []
        for facet, values in self.values.items():
            marks = ", ".join(["%s"] * len(values))
            parts.append(
                " AND EXISTS (SELECT 1 FROM search_searchfacet c "
                f"WHERE c.document_id = {column} AND c.facet = %s AND c.value IN ({marks}))"
            )
            params += [facet, *values]
        return "".join(parts), params


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, timezone.get_default_timezone())


def _day_after(day: date) -> datetime:
    return _day_start(day + timedelta(days=1))
