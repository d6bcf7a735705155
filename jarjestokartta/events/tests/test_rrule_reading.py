from datetime import date, datetime

import pytest

from jarjestokartta.events.rrule_reading import NotARule, Rule, read_rule


def test_it_reads_every_part_it_interprets():
    rule = read_rule("FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU,-1FR;BYMONTHDAY=15;BYMONTH=1,12;COUNT=6")
    assert rule == Rule(
        freq="MONTHLY",
        interval=2,
        by_day=((1, 1), (-1, 4)),
        by_month_day=(15,),
        by_month=(1, 12),
        count=6,
    )


def test_it_keeps_the_parts_it_does_not_interpret_but_not_wkst():
    rule = read_rule("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;WKST=MO")
    assert rule.others == {"BYSETPOS": "-1"}


def test_it_reads_until_as_finnish_wall_clock_time():
    assert read_rule("FREQ=DAILY;UNTIL=20270531T235959").until == datetime(2027, 5, 31, 23, 59, 59)
    assert read_rule("FREQ=DAILY;UNTIL=20270531").until == date(2027, 5, 31)
    # Summer time: UTC+3; winter time: UTC+2.
    assert read_rule("FREQ=DAILY;UNTIL=20270531T205959Z").until == datetime(2027, 5, 31, 23, 59, 59)
    assert read_rule("FREQ=DAILY;UNTIL=20271231T215959Z").until == datetime(
        2027, 12, 31, 23, 59, 59
    )


def test_it_forgives_lower_case_and_the_rrule_prefix():
    assert read_rule("RRULE:freq=weekly;byday=tu") == Rule(freq="WEEKLY", by_day=((None, 1),))


@pytest.mark.parametrize(
    "value",
    [
        "",
        "FREQ=WEEKLY;;BYDAY=TU",
        "FREQ=WEEKLY;FREQ=DAILY",
        "FREQ=FORTNIGHTLY",
        "BYDAY=TU",
        "FREQ=WEEKLY;INTERVAL=0",
        "FREQ=WEEKLY;INTERVAL=-1",
        "FREQ=WEEKLY;COUNT=x",
        "FREQ=WEEKLY;BYDAY=TUE",
        "FREQ=MONTHLY;BYDAY=0TU",
        "FREQ=MONTHLY;BYMONTHDAY=32",
        "FREQ=YEARLY;BYMONTH=13",
        "FREQ=YEARLY;BYMONTH=-1",
        "FREQ=WEEKLY;UNTIL=20270230",
        "FREQ=WEEKLY;UNTIL=2027-05-31",
        "FREQ=WEEKLY;UNTIL=20270531;COUNT=3",
    ],
)
def test_it_refuses_what_is_not_a_rule(value):
    with pytest.raises(NotARule):
        read_rule(value)
