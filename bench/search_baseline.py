"""The raw engine queries for search words: the baselines the search endpoint is set against.

The same terms as the search asks (engine_query of read_query), straight to the full-text
index, nothing joined, no filter: the top 20 by the engine's own score over every match (the
"raw engine query"), and the first 20 matches unscored (what reading the index alone costs).
"""

from collections.abc import Callable

from django.db import connection
from django.test import Client

from bench.measure import summary, timed
from jarjestokartta.search.backends import SQLITE_WEIGHTS, EngineQuery, backend
from jarjestokartta.search.engine import engine_query, read_query
from jarjestokartta.search.vocabulary import vocabulary

TOP = 20


def measure(searches: list[str], repeat: int) -> dict:
    """`/api/v1/search?q=…&limit=20` for each of `searches`, each round also the raw engine
    query (ranked and unranked) for the same terms, so that the three share the minutes."""
    client = Client(HTTP_HOST="127.0.0.1")
    answers: dict[str, dict] = {}

    def ask(words: str) -> None:
        response = client.get(
            "/api/v1/search", {"q": words, "limit": 20}, headers={"Cache-Control": "no-cache"}
        )
        assert response.status_code == 200, response.content
        answers[words] = response.json()

    queries = engine_queries(searches)
    ranked = [raw_ranked(query) for query in queries]
    unranked = [raw_unranked(query) for query in queries]
    for words, rank, first in zip(searches, ranked, unranked, strict=True):  # warm-up
        ask(words)
        rank()
        first()
    raw, bare = [], []
    each: dict[str, list[float]] = {words: [] for words in searches}
    for _ in range(repeat):
        for words, rank, first in zip(searches, ranked, unranked, strict=True):
            each[words].append(timed(lambda w=words: ask(w)))
            raw.append(timed(rank))
            bare.append(timed(first))
    measured = summary([ms for times in each.values() for ms in times])
    baseline = summary(raw)
    return {
        **measured,
        "baseline": baseline,
        "p95_ratio": round(measured["p95_ms"] / baseline["p95_ms"], 2)
        if baseline["p95_ms"]
        else None,
        "unranked": summary(bare),
        "words": {
            words: {
                "median_ms": summary(each[words])["median_ms"],
                "p95_ms": summary(each[words])["p95_ms"],
                "matches": raw_matches(query),
                "count": answers[words]["count"],
                "count_exact": answers[words]["count_exact"],
            }
            for words, query in zip(searches, queries, strict=True)
        },
    }


def engine_queries(words: list[str]) -> list[EngineQuery]:
    vocab = vocabulary()
    return [engine_query(read_query(text, vocab), vocab) for text in words]


def raw_ranked(query: EngineQuery) -> Callable[[], list]:
    """The top 20 of every match by the engine's score: bm25 on SQLite, ts_rank on PG."""
    expression = backend().expression(query)
    if connection.vendor == "postgresql":
        sql = (
            "SELECT id FROM search_searchdocument WHERE vector @@ to_tsquery('simple', %s) "
            "ORDER BY ts_rank(vector, to_tsquery('simple', %s)) DESC LIMIT %s"
        )
        params: list = [expression, expression, TOP]
    else:
        sql = (
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
            f"ORDER BY bm25(search_fts, {SQLITE_WEIGHTS}) LIMIT %s"
        )
        params = [expression, TOP]
    return lambda: _fetch(sql, params)


def raw_unranked(query: EngineQuery) -> Callable[[], list]:
    """The first 20 matches in the index's order, unscored."""
    expression = backend().expression(query.matching_only())
    if connection.vendor == "postgresql":
        sql = (
            "SELECT id FROM search_searchdocument WHERE vector @@ to_tsquery('simple', %s) LIMIT %s"
        )
    else:
        sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s LIMIT %s"
    return lambda: _fetch(sql, [expression, TOP])


def raw_matches(query: EngineQuery) -> int:
    """How many documents the words match in the whole index (no filter)."""
    expression = backend().expression(query.matching_only())
    if connection.vendor == "postgresql":
        sql = "SELECT count(*) FROM search_searchdocument WHERE vector @@ to_tsquery('simple', %s)"
    else:
        sql = "SELECT count(*) FROM search_fts WHERE search_fts MATCH %s"
    return int(_fetch(sql, [expression])[0][0])


def _fetch(sql: str, params: list) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
