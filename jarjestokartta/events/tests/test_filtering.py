"""The stored occurrences by filter: the same occurrences whichever plan the listing takes
(events/listing_plan.py), and each plan asked for in the form that makes the database take it."""

from datetime import date

import pytest
from django.db import connection

from jarjestokartta.directory.tests.factories import TargetGroupFactory, ThemeFactory
from jarjestokartta.events import listing_plan, occurrences
from jarjestokartta.events.filtering import EventFilter, filter_occurrences
from jarjestokartta.events.tests.factories import EventFactory, WeeklyActivityFactory, local

pytestmark = pytest.mark.django_db
TODAY = date(2026, 10, 1)
AUTUMN = (local(2026, 10, 1, 0), local(2026, 12, 31, 23))


@pytest.fixture
def families():
    """Three weekly groups and an event on the theme "Perheet" (two of them also for the
    target group "Isovanhemmat"), and a weekly group and an event on another theme."""
    theme, other = ThemeFactory(slug="perheet"), ThemeFactory(slug="liikunta")
    grandparents = TargetGroupFactory(slug="isovanhemmat")
    themed = [WeeklyActivityFactory(start=local(2026, 10, 6, 17 - n)) for n in range(3)]
    themed.append(EventFactory(start=local(2026, 10, 20, 12), end=local(2026, 10, 20, 14)))
    for event in themed:
        event.themes.add(theme)
    for event in themed[1:3]:
        event.target_groups.add(grandparents)
    others = [WeeklyActivityFactory(), EventFactory(start=local(2026, 11, 2, 9))]
    for event in others:
        event.themes.add(other)
    occurrences.store(today=TODAY)
    return themed


def listed(wanted: EventFilter) -> list[tuple]:
    return [(o.start, o.event_id) for o in filter_occurrences(wanted, *AUTUMN, TODAY)]


def expected(events) -> list[tuple]:
    """Every occurrence of the events in the autumn, by the schedule, in the listing's order."""
    found = [(o.start, e.pk) for e in events for o in occurrences.expand(e, *AUTUMN)]
    return sorted(found)


@pytest.mark.parametrize("few", [0, 1000], ids=["walked in order of start", "read by event"])
def test_a_theme_lists_the_same_occurrences_in_either_plan(families, monkeypatch, few):
    monkeypatch.setattr(listing_plan, "FEW_EVENTS", few)
    assert listed(EventFilter(theme=["perheet"])) == expected(families)
    assert len(expected(families)) == 3 * 11 + 1  # 11 Tuesdays of each group, and the event
    assert listed(EventFilter(target_group=["isovanhemmat"])) == expected(families[1:3])
    both = EventFilter(theme=["perheet"], target_group=["isovanhemmat"], kind=["activity"])
    assert listed(both) == expected(families[1:3])
    assert listed(EventFilter(theme=["perheet"], kind=["event"])) == expected(families[3:])


def test_a_page_taken_walking_is_the_page_read_by_event(families, monkeypatch):
    def page(few: int, offset: int) -> list:
        monkeypatch.setattr(listing_plan, "FEW_EVENTS", few)
        found = filter_occurrences(EventFilter(theme=["perheet"]), *AUTUMN, TODAY)
        return [(o.start, o.event_id) for o in found[offset : offset + 5]]

    for offset in (0, 5, 30):
        assert page(0, offset) == page(1000, offset) == expected(families)[offset : offset + 5]


def test_a_theme_with_many_events_is_walked_and_one_with_few_read(families, monkeypatch):
    """The form decides SQLite's plan (an IN drives from the events, an EXISTS walks the
    range); PostgreSQL plans both alike, on its statistics."""
    wanted = EventFilter(theme=["perheet"])
    monkeypatch.setattr(listing_plan, "FEW_EVENTS", 3)  # the theme has 4 events: many
    walked = str(filter_occurrences(wanted, *AUTUMN, TODAY).query)
    monkeypatch.setattr(listing_plan, "FEW_EVENTS", 4)
    read = str(filter_occurrences(wanted, *AUTUMN, TODAY).query)
    assert "EXISTS" in walked and " IN (SELECT" not in walked
    assert " IN (SELECT" in read and "EXISTS" not in read
    if connection.vendor == "sqlite":
        monkeypatch.setattr(listing_plan, "FEW_EVENTS", 3)
        plan = filter_occurrences(wanted, *AUTUMN, TODAY).explain()
        assert "events_occurrence_start_event" in plan and "TEMP B-TREE" not in plan
        monkeypatch.setattr(listing_plan, "FEW_EVENTS", 4)
        plan = filter_occurrences(wanted, *AUTUMN, TODAY).explain()
        assert "events_occurrence_event_start (event_id=? AND start>? AND start<?)" in plan


def test_a_count_reads_from_the_events_in_the_same_rows(families, monkeypatch):
    monkeypatch.setattr(listing_plan, "FEW_EVENTS", 0)
    wanted = EventFilter(theme=["perheet"])
    counted = filter_occurrences(wanted, *AUTUMN, TODAY, counting=True)
    assert "EXISTS" not in str(counted.query)
    assert counted.count() == filter_occurrences(wanted, *AUTUMN, TODAY).count() == 34
