"""The two search engines behind one interface: SQLite FTS5 and PostgreSQL full-text search.

Both index the same analysed terms (see analysis.py); neither analyses text itself. A query is a
list of groups, each a set of alternative terms: a document matches when it has a term of every
required group; optional groups only add to its score.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.backends.utils import CursorWrapper

from jarjestokartta.core.bulk import Rows, chunks
from jarjestokartta.search.filters import Filters, Sql
from jarjestokartta.search.models import SearchDocument

# What a hit carries: enough to show it without another query.
HIT_COLUMNS = "d.id, d.kind, d.object_id, d.title, d.popolo_id, d.slug, d.abstract, d.area_name"

# A hit as HIT_COLUMNS reads it: id, kind, object_id, title, popolo_id, slug, abstract, area_name.
Hit = tuple[int, str, int, str, str, str, str, str]
# A search document's values in the order of DOCUMENT_COLUMNS.
DocumentRow = tuple[object, ...]
# The terms of a document for the full-text table: its id, then name, other, body and places.
TermsRow = tuple[int, str, str, str, str]

# Weights: the name above other names and abbreviations, above places, above the text.
SQLITE_WEIGHTS = "10.0, 6.0, 1.0, 2.0"  # columns: name, other, body, places
# A column a match can be asked in: its FTS5 column, its PostgreSQL weight.
COLUMNS = {"name": "name", "other": "other"}
WEIGHTS = {"name": "A", "other": "B"}
# SQLite keeps the order of the tables of a CROSS JOIN: the full-text matches are read first
# and their documents looked up by id. Given `d.kind = 'event'`, the planner otherwise read
# every event document by the (kind, object_id) index and asked the full-text table about
# each in turn: 8.4 s for one facet count at 41,667 events, instead of milliseconds.
FTS_FIRST = "CROSS JOIN"


@dataclass
class EngineQuery:
    required: list[frozenset[str]]
    optional: list[frozenset[str]] = field(default_factory=list)
    any_required: bool = False  # relaxed: a term of some required group is enough

    def matching_only(self) -> "EngineQuery":
        return EngineQuery(required=self.required, any_required=self.any_required)

    @property
    def alias_tier(self) -> bool:
        """Whether documents whose other names hold every required word go first.

        Such a match ("POSOTE20", "Siun sote") names the organisation; it goes first even
        when the organisation has ended. Otherwise active organisations go first.
        """
        return not self.any_required


def _quote_fts(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _quote_ts(term: str) -> str:
    return "'" + term.replace("'", "''").replace("\\", "") + "'"


# The columns of a search document as index.py writes them, in this order.
DOCUMENT_COLUMNS = [
    "kind",
    "object_id",
    "title",
    "popolo_id",
    "slug",
    "abstract",
    "area_name",
    "name_terms",
    "other_terms",
    "body_terms",
    "place_terms",
    "is_active",
    "first_day",
    "last_day",
]


class SqliteBackend:
    def insert_documents(self, cursor: CursorWrapper, rows: Sequence[DocumentRow]) -> None:
        """New document rows (DOCUMENT_COLUMNS); their terms are indexed by `write`."""
        Rows(SearchDocument, DOCUMENT_COLUMNS).insert(rows)

    def write(self, cursor: CursorWrapper, rows: Sequence[TermsRow]) -> None:
        ids = [row[0] for row in rows]
        self.delete(cursor, ids)
        cursor.executemany(
            "INSERT INTO search_fts(rowid, name, other, body, places) VALUES (%s, %s, %s, %s, %s)",
            rows,
        )

    def delete(self, cursor: CursorWrapper, ids: Sequence[int]) -> None:
        for chunk in chunks(ids, 500):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({marks})", chunk)

    def clear(self, cursor: CursorWrapper) -> None:
        cursor.execute("DELETE FROM search_fts")

    def expression(self, query: EngineQuery) -> str:
        def group(terms: frozenset[str]) -> str:
            return "(" + " OR ".join(_quote_fts(t) for t in sorted(terms)) + ")"

        joiner = " OR " if query.any_required else " AND "
        required = joiner.join(group(g) for g in query.required)
        if query.optional and not query.any_required:
            # "(r1) AND ((o1 OR o2) OR r1)": matches as "(r1)", while bm25 also counts o1, o2.
            optional = " OR ".join(group(g) for g in query.optional)
            required = f"{required} AND ({optional} OR {group(query.required[0])})"
        return required

    def within(self, column: str, matching: Sql) -> Sql:
        return f"{column} IN ({matching[0]})", matching[1]

    def within_ids(self, column: str, ids: Sequence[int]) -> Sql:
        return f"{column} IN ({', '.join(['%s'] * len(ids))})", list(ids)

    def analyze(self, cursor: CursorWrapper) -> None:
        pass  # SQLite plans well enough without fresh statistics

    def matching_ids_sql(
        self, query: EngineQuery, filters: Filters | None = None, column: str = ""
    ) -> Sql:
        """The ids of the documents that match and pass every filter, in the index's order;
        `column` ("name" or "other"): only those with the words in that column."""
        # Optional groups never change which documents match, only their order.
        matching = self.expression(query.matching_only())
        if column:
            matching = "{" + COLUMNS[column] + "} : (" + matching + ")"
        expression: list[Any] = [matching]
        filters = filters or Filters()
        on_facets, facet_params = filters.exists_sql("f.rowid")
        if not filters.on_documents:
            return (
                f"SELECT f.rowid AS id FROM search_fts f WHERE search_fts MATCH %s{on_facets}",
                [*expression, *facet_params],
            )
        where, params = filters.document_sql("d")
        return (
            f"SELECT f.rowid AS id FROM search_fts f {FTS_FIRST} search_searchdocument d "
            f"ON d.id = f.rowid WHERE search_fts MATCH %s{where}{on_facets}",
            [*expression, *params, *facet_params],
        )

    def alias_expression(self, query: EngineQuery) -> str:
        groups = " AND ".join(
            "(" + " OR ".join(_quote_fts(t) for t in sorted(g)) + ")" for g in query.required
        )
        return "{other} : (" + groups + ")"

    def ranked(
        self,
        query: EngineQuery,
        filters: Filters,
        limit: int,
        offset: int,
        among: Sequence[int] | None = None,
    ) -> list[Hit]:
        """The best matches by the ranking's order; `among`: only of these documents."""
        where, params = filters.document_sql("d")
        on_facets, facet_params = filters.exists_sql("d.id")
        where, params = where + on_facets, [*params, *facet_params]
        if among is not None:
            # "+" keeps the ids from being handed to FTS5 as rowids to look up one by one
            # (171 ms for 1,000 ids at 10k): the matches are read in order and each checked
            # against the list before it is scored, so bm25 is computed for these only.
            # The range lets FTS5 skip the matches before and after them in its lists.
            marks = ", ".join(["%s"] * len(among))
            where += f" AND +f.rowid IN ({marks}) AND f.rowid >= %s AND f.rowid <= %s"
            params = [*params, *among, min(among, default=0), max(among, default=0)]
        alias = "0"
        alias_params: list[Any] = []
        if query.alias_tier:
            alias = "f.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)"
            alias_params = [self.alias_expression(query)]
        sql = (
            f"SELECT {HIT_COLUMNS}, {alias} AS alias FROM search_fts f "
            f"{FTS_FIRST} search_searchdocument d ON d.id = f.rowid "
            f"WHERE search_fts MATCH %s{where} "
            f"ORDER BY alias DESC, d.is_active DESC, bm25(search_fts, {SQLITE_WEIGHTS}), d.id "
            "LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*alias_params, self.expression(query), *params, limit, offset])
            hits: list[Hit] = [row[:-1] for row in cursor.fetchall()]
        return hits


# What the other names' index holds, written as it is there so that the planner uses it.
OTHER_VECTOR = "to_tsvector('simple', d.other_terms)"


class PostgresBackend:
    VECTOR = (
        "setweight(to_tsvector('simple', name_terms), 'A') || "
        "setweight(to_tsvector('simple', other_terms), 'B') || "
        "setweight(to_tsvector('simple', place_terms), 'C') || "
        "setweight(to_tsvector('simple', body_terms), 'D')"
    )

    # The array type each document column is sent as.
    ARRAYS = ["text", "bigint", *["text"] * 9, "boolean", "date", "date"]

    def insert_documents(self, cursor: CursorWrapper, rows: Sequence[DocumentRow]) -> None:
        """New document rows (DOCUMENT_COLUMNS) with their vector, in one statement.

        The vector is made as the row is written: setting it afterwards wrote every document
        twice (an UPDATE of 5,000 documents took 0.45 s at 120,000 organisations).
        """
        columns = ", ".join(DOCUMENT_COLUMNS)
        arrays = ", ".join(f"%s::{kind}[]" for kind in self.ARRAYS)
        cursor.execute(
            f"INSERT INTO search_searchdocument ({columns}, vector) "
            f"SELECT {columns}, {self.VECTOR} FROM unnest({arrays}) AS t({columns})",
            [list(column) for column in zip(*rows, strict=True)],
        )

    def write(self, cursor: CursorWrapper, rows: Sequence[TermsRow]) -> None:
        pass  # the vector was made by insert_documents

    def delete(self, cursor: CursorWrapper, ids: Sequence[int]) -> None:
        pass  # the vector lives in the document row, which is deleted with it

    def clear(self, cursor: CursorWrapper) -> None:
        pass

    def expression(self, query: EngineQuery, weights: str = "") -> str:
        """The tsquery; `weights` ("A"): the terms only in the columns of those weights."""
        label = f":{weights}" if weights else ""

        def group(terms: frozenset[str]) -> str:
            return "(" + " | ".join(_quote_ts(t) + label for t in sorted(terms)) + ")"

        joiner = " | " if query.any_required else " & "
        required = joiner.join(group(g) for g in query.required)
        if query.optional and not query.any_required:
            optional = " | ".join(group(g) for g in query.optional)
            required = f"{required} & ({optional} | {group(query.required[0])})"
        return required

    def within(self, column: str, matching: Sql) -> Sql:
        # An array, not IN (subquery): with IN the planner may hash-join a sequential scan of
        # every facet row when its estimate of the matches is off (seen: 67 ms for 5 matches).
        return f"{column} = ANY(ARRAY({matching[0]}))", matching[1]

    def within_ids(self, column: str, ids: Sequence[int]) -> Sql:
        return f"{column} = ANY(%s)", [list(ids)]

    def analyze(self, cursor: CursorWrapper) -> None:
        """Fresh statistics after a bulk write, so that the planner knows the table sizes."""
        cursor.execute("ANALYZE search_searchdocument")
        cursor.execute("ANALYZE search_searchfacet")

    def matching_ids_sql(
        self, query: EngineQuery, filters: Filters | None = None, column: str = ""
    ) -> Sql:
        """The ids of the documents that match and pass every filter; `column` ("name" or
        "other"): only those with the words in that column (its weight)."""
        filters = filters or Filters()
        on_rows, row_params = filters.document_sql("d")
        on_facets, facet_params = filters.sql("d.id")
        where, params = on_rows + on_facets, [*row_params, *facet_params]
        matches = "d.vector @@ to_tsquery('simple', %s)"
        weights = WEIGHTS.get(column, "")
        if column == "other":
            # The other names' own index (search migration 0006), as the main one cannot
            # tell weights apart: asked by weight, it read every document that has the words.
            matches = f"d.other_terms <> '' AND {OTHER_VECTOR} @@ to_tsquery('simple', %s)"
            weights = ""  # that index holds the other names alone
        return (
            f"SELECT d.id FROM search_searchdocument d WHERE {matches}{where}",
            [self.expression(query.matching_only(), weights), *params],
        )

    def alias_expression(self, query: EngineQuery) -> str:
        # Weight B holds the other names and abbreviations.
        return " & ".join(
            "(" + " | ".join(f"{_quote_ts(t)}:B" for t in sorted(g)) + ")" for g in query.required
        )

    def ranked(
        self,
        query: EngineQuery,
        filters: Filters,
        limit: int,
        offset: int,
        among: Sequence[int] | None = None,
    ) -> list[Hit]:
        """The best matches by the ranking's order; `among`: only of these documents."""
        where, params = filters.sql("d.id")
        on_rows, row_params = filters.document_sql("d")
        where, params = where + on_rows, [*params, *row_params]
        if among is not None:
            where, params = where + " AND d.id = ANY(%s)", [*params, list(among)]
        expression = self.expression(query)
        alias = ""
        alias_params: list[Any] = []
        if query.alias_tier:
            alias = "d.vector @@ to_tsquery('simple', %s) DESC, "
            alias_params = [self.alias_expression(query)]
        sql = (
            f"SELECT {HIT_COLUMNS} FROM search_searchdocument d "
            f"WHERE d.vector @@ to_tsquery('simple', %s){where} "
            f"ORDER BY {alias}d.is_active DESC, "
            "ts_rank(d.vector, to_tsquery('simple', %s)) DESC, d.id "
            "LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression, *params, *alias_params, expression, limit, offset])
            hits: list[Hit] = cursor.fetchall()
        return hits


Backend = SqliteBackend | PostgresBackend


def backend() -> Backend:
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
