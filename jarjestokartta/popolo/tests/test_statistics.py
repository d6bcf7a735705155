"""After creating many records, PostgreSQL's planner learns of them before they are read back
inside the import's transaction (creating.refresh_statistics); SQLite needs no statistics."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jarjestokartta.popolo import creating
from jarjestokartta.popolo.importer import popolo_import
from jarjestokartta.popolo.tests.test_event_chunks import seven_events

pytestmark = pytest.mark.django_db


def planner_rows(table: str) -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        (rows,) = cursor.fetchone()
    return float(rows)


def analyzed(queries: CaptureQueriesContext) -> set[str]:
    return {
        query["sql"].split()[1].strip('"')
        for query in queries.captured_queries
        if query["sql"].startswith("ANALYZE")
    }


def test_the_event_tables_are_analyzed_inside_the_import(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(creating, "ANALYZE_AFTER", 5)
    with CaptureQueriesContext(connection) as queries:
        popolo_import(json.dumps(seven_events()))
    if connection.vendor != "postgresql":
        assert not {t for t in analyzed(queries) if t.startswith("events_event")}
        return
    assert {"events_event", "events_event_themes", "events_event_target_groups"} <= analyzed(
        queries
    )
    # The planner counts the transaction's own new rows (a never analyzed table shows -1).
    assert planner_rows("events_event") == 7


def test_a_small_import_is_not_analyzed():
    with CaptureQueriesContext(connection) as queries:
        popolo_import(json.dumps(seven_events()))
    assert not {t for t in analyzed(queries) if t.startswith("events_event")}
