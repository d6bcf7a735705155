"""The form's repetitions written as RRULEs and read back, without a database."""

from datetime import date, datetime

import pytest

from jarjestokartta.events import repetition
from jarjestokartta.events.repetition import Repetition, read_rule, write_rule

TUESDAY = datetime(2026, 12, 8, 17)


@pytest.mark.parametrize(
    ("chosen", "rule"),
    [
        (Repetition(), ""),
        (
            Repetition(
                kind=repetition.WEEKLY,
                weekdays=("TU", "TH"),
                interval=2,
                ends=repetition.UNTIL,
                until=date(2027, 5, 31),
            ),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270531T235959",
        ),
        (
            Repetition(
                kind=repetition.MONTHLY_WEEKDAY,
                nth=1,
                weekday="TU",
                ends=repetition.COUNT,
                count=6,
            ),
            "FREQ=MONTHLY;BYDAY=1TU;COUNT=6",
        ),
        (
            Repetition(kind=repetition.MONTHLY_WEEKDAY, nth=-1, weekday="FR"),
            "FREQ=MONTHLY;BYDAY=-1FR",
        ),
        (Repetition(kind=repetition.MONTHLY_DAY, month_day=15), "FREQ=MONTHLY;BYMONTHDAY=15"),
    ],
)
def test_it_writes_each_repetition_and_reads_it_back_the_same(chosen, rule):
    assert write_rule(chosen) == rule
    assert read_rule(rule, TUESDAY) == chosen


def test_it_reads_a_weekly_rule_without_weekdays_as_the_start_s_weekday():
    assert read_rule("FREQ=WEEKLY;UNTIL=20261215", TUESDAY) == Repetition(
        kind=repetition.WEEKLY, weekdays=("TU",), ends=repetition.UNTIL, until=date(2026, 12, 15)
    )


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=YEARLY",
        "FREQ=DAILY",
        "FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=-1",
        "FREQ=MONTHLY;BYDAY=5TU",
        "FREQ=WEEKLY;BYDAY=TU;WKST=SU",
        "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270531T120000",
        "FREQ=WEEKLY;INTERVAL=60",
        "not a rule",
    ],
)
def test_it_does_not_read_a_rule_the_form_cannot_show(rule):
    assert read_rule(rule, TUESDAY) is None
