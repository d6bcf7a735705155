"""The schedule expanded on wall-clock time, without a database."""

from datetime import datetime

import pytest

from jarjestokartta.events.recurrence import RuleError, Schedule, aware, check_rule

TUESDAYS = Schedule(
    start=datetime(2026, 10, 6, 17),
    end=datetime(2026, 10, 6, 19),
    rule="FREQ=WEEKLY;BYDAY=TU;UNTIL=20261110T235959",
)


def test_it_keeps_the_wall_clock_time_across_the_daylight_saving_change():
    starts = TUESDAYS.starts_between(datetime(2026, 10, 1), datetime(2026, 12, 1))
    assert [aware(day).isoformat() for day in starts[2:4]] == [
        "2026-10-20T17:00:00+03:00",
        "2026-10-27T17:00:00+02:00",
    ]
    assert len(starts) == 6


def test_it_gives_each_occurrence_the_first_ones_length():
    assert TUESDAYS.end_of(datetime(2026, 11, 3, 17)) == datetime(2026, 11, 3, 19)


def test_it_leaves_out_exdates_and_adds_rdates():
    schedule = Schedule(
        start=TUESDAYS.start,
        end=TUESDAYS.end,
        rule=TUESDAYS.rule,
        exdates=(datetime(2026, 10, 13, 17),),
        rdates=(datetime(2026, 10, 15, 12),),
    )
    starts = schedule.starts_between(datetime(2026, 10, 1), datetime(2026, 10, 31))
    assert datetime(2026, 10, 13, 17) not in starts
    assert datetime(2026, 10, 15, 12) in starts


def test_it_knows_the_last_start_of_a_rule_that_ends():
    assert TUESDAYS.last_start() == datetime(2026, 11, 10, 17)
    endless = Schedule(start=TUESDAYS.start, rule="FREQ=WEEKLY;BYDAY=TU")
    assert endless.last_start() is None


def test_it_expands_the_nth_weekday_of_a_month():
    schedule = Schedule(start=datetime(2026, 9, 1, 18), rule="FREQ=MONTHLY;BYDAY=1TU;COUNT=3")
    starts = schedule.starts_between(datetime(2026, 1, 1), datetime(2027, 12, 31))
    assert starts == [
        datetime(2026, 9, 1, 18),
        datetime(2026, 10, 6, 18),
        datetime(2026, 11, 3, 18),
    ]


def test_it_reads_a_utc_until_as_finnish_time():
    rule = check_rule("freq=weekly;byday=tu;until=20261110T215959Z", datetime(2026, 10, 6, 17))
    assert rule == "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261110T235959"


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        ("BYDAY=TU", "no FREQ"),
        ("FREQ=HOURLY", "FREQ=HOURLY"),
        ("FREQ=WEEKLY;BYDAY=XX", "cannot be read"),
        ("FREQ=WEEKLY;COUNT=0", "COUNT"),
        ("FREQ=WEEKLY;COUNT=2;UNTIL=20270101", "not both"),
        ("FREQ=WEEKLY;UNTIL=2020", "UNTIL"),
        ("FREQ=WEEKLY;UNTIL=20200101", "no date"),
        ("FREQ", "NAME=VALUE"),
    ],
)
def test_it_names_the_problem_of_a_bad_rule(rule, problem):
    with pytest.raises(RuleError, match=problem):
        check_rule(rule, datetime(2026, 10, 6, 17))
