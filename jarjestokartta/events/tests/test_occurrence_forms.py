"""The form of one occurrence's change: chosen from the coming occurrences, moved by a date and
a time, and refused in Finnish when it does not make sense."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from jarjestokartta.events.occurrence_forms import KEY, for_event
from jarjestokartta.events.tests.factories import (
    OccurrenceChangeFactory,
    WeeklyActivityFactory,
    local,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _finnish():
    with translation.override("fi"):
        yield


@pytest.fixture
def group():
    """A weekly group at 17–19 whose third time is tomorrow (so coming at any hour of today)."""
    day = timezone.localdate() + timedelta(days=1) - timedelta(weeks=2)
    start = local(day.year, day.month, day.day, 17)
    return WeeklyActivityFactory(
        start=start, end=start + timedelta(hours=2), rrule="FREQ=WEEKLY;COUNT=12"
    )


def _key(group, weeks):
    return group.local(group.start + timedelta(weeks=weeks)).strftime(KEY)


def test_it_offers_the_coming_occurrences_in_finnish(group):
    form = for_event(group)()
    keys = [key for key, _label in form.fields["occurrence"].choices if key]
    assert keys == [_key(group, weeks) for weeks in range(2, 12)]
    label = dict(form.fields["occurrence"].choices)[_key(group, 2)]
    assert label.endswith("klo 17.00") and label[:2] in {"ma", "ti", "ke", "to", "pe", "la", "su"}


def test_it_keeps_a_past_occurrence_s_change_selectable_when_edited(group):
    change = OccurrenceChangeFactory(event=group, original_start=group.start, note="Siirretty")
    form = for_event(group)(instance=change)
    assert form["occurrence"].value() == _key(group, 0)
    assert _key(group, 0) in dict(form.fields["occurrence"].choices)


def test_it_moves_an_occurrence_to_a_new_date_and_time(group):
    moved_to = (group.start + timedelta(weeks=3, days=1)).date()
    data = {
        "occurrence": _key(group, 3),
        "status": "rescheduled",
        "new_date": f"{moved_to.day}.{moved_to.month}.{moved_to.year}",
        "new_start_time": "18.00",
    }
    form = for_event(group)(data=data)
    assert form.is_valid(), form.errors
    change = form.save(commit=False)
    assert change.original_start == group.start + timedelta(weeks=3)
    assert change.start == local(moved_to.year, moved_to.month, moved_to.day, 18)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"status": "rescheduled"}, "new_date", "Siirretylle kerralle tarvitaan uusi päivämäärä"),
        (
            {"new_start_time": "18.00", "new_end_time": "17.00"},
            "new_end_time",
            "Uusi loppu on ennen",
        ),
        ({"occurrence": "2020-01-01T17:00"}, "occurrence", "Valitse oikea vaihtoehto"),
        ({"new_date": "32.1.2027"}, "new_date", "Kirjoita päivämäärä muodossa p.k.vvvv"),
    ],
)
def test_it_refuses_a_change_that_does_not_make_sense(group, changes, field, message):
    data = {"occurrence": _key(group, 4), "status": "scheduled", **changes}
    form = for_event(group)(data=data)
    assert not form.is_valid()
    assert any(message in text for text in form.errors[field]), form.errors


def test_it_refuses_a_second_change_to_the_same_occurrence(group):
    OccurrenceChangeFactory(event=group, original_start=group.start + timedelta(weeks=4))
    form = for_event(group)(data={"occurrence": _key(group, 4), "status": "cancelled"})
    assert not form.is_valid()
    assert "Tällä kerralla on jo muutos" in form.errors["occurrence"][0]
