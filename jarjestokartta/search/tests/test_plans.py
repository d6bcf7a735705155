"""The full-text matches drive every search, whatever the filters.

Given a filter on the document row (only events) or on a facet (only activities), SQLite
planned to read every document with it and ask the full-text table about each in turn: at
41,667 events a search with the type "event" took seconds (docs/benchmarks.md). The plans are
read here with EXPLAIN QUERY PLAN; PostgreSQL, which plans by its statistics, is asked for the
same answers.
"""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.events import occurrences
from jarjestokartta.events.models import Event
from jarjestokartta.search.service import SearchPage, search_organizations
from jarjestokartta.search.tests.test_events import coming

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("jarjestokartta.search.tests.urls_with_events"),
]


def searched(action: Callable[[], SearchPage]) -> tuple[SearchPage, list[str]]:
    """What the search answered, and the plan of each of its queries of the full-text table."""
    with CaptureQueriesContext(connection) as queries:
        page = action()
    plans = []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for query in queries:
                if "search_fts" in query["sql"]:
                    cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
                    plans.append("\n".join(row[-1] for row in cursor.fetchall()))
        assert plans, "the search asked the full-text table nothing"
    return page, plans


def asks_the_full_text_table_per_document(plan: str) -> bool:
    # FTS5 shows a rowid given to it as "INDEX 0:=…"; matching alone is "INDEX 0:M…".
    return "VIRTUAL TABLE INDEX 0:=" in plan


@pytest.fixture
def cafes() -> dict[str, Event]:
    OrganizationFactory.create(name="Perhekahvila Pikkupiha ry", slug="pikkupiha")
    return {
        "activity": coming(name="Perhekahvila Tupa", kind=Event.Kind.ACTIVITY),
        "course": coming(name="Perhekahvilan ohjaajakurssi", kind=Event.Kind.COURSE),
    }


def test_only_events_reads_the_matches_first(cafes):
    page, plans = searched(lambda: search_organizations(q="perhekahvila", chosen={}, type="event"))
    assert sorted(r["name"] for r in page.results) == [
        "Perhekahvila Tupa",
        "Perhekahvilan ohjaajakurssi",
    ]
    assert page.count == 2
    assert not [plan for plan in plans if asks_the_full_text_table_per_document(plan)], plans


def test_a_facet_filter_is_asked_of_the_matches(cafes):
    page, plans = searched(
        lambda: search_organizations(q="perhekahvila", chosen={"event_kind": ["activity"]})
    )
    assert [r["name"] for r in page.results] == ["Perhekahvila Tupa"]
    assert page.count == 1
    assert {v["value"]: v["count"] for v in page.facets["event_kind"]} == {"activity": 1}
    assert not [plan for plan in plans if asks_the_full_text_table_per_document(plan)], plans


def test_dates_and_a_type_read_the_matches_first(cafes):
    occurrences.store()  # within the stored window the occurrences themselves are asked
    day = timezone.localtime(cafes["activity"].start).date()
    page, plans = searched(
        lambda: search_organizations(q="perhekahvila", chosen={}, type="event", start=day, end=day)
    )
    assert sorted(r["name"] for r in page.results) == [
        "Perhekahvila Tupa",
        "Perhekahvilan ohjaajakurssi",
    ]
    assert not [plan for plan in plans if asks_the_full_text_table_per_document(plan)], plans
