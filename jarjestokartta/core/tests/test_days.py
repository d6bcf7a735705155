from datetime import date

import pytest

from jarjestokartta.core.days import NotADay, day_or_default, parse_day

TODAY = date(2026, 12, 1)


def test_it_reads_a_day_written_yyyy_mm_dd():
    assert parse_day("2020-10-01") == date(2020, 10, 1)


def test_it_reads_the_first_and_last_day_it_accepts():
    assert parse_day("1800-01-01") == date(1800, 1, 1)
    assert parse_day("2200-12-31") == date(2200, 12, 31)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "eilen",
        "20201001",  # fromisoformat would read these three
        "2020-W40-4",
        "2020-10-01T12:00",
        "2020-10",  # a partial date is not a day
        "1.10.2020",
        " 2020-10-01",
        "2020-10-01\n",
        "0.5",  # pydantic would read it as a Unix time
        "२०२०-१०-०१",  # digits of another script
    ],
)
def test_it_refuses_anything_else_written_as_a_day(raw):
    with pytest.raises(NotADay, match="YYYY-MM-DD"):
        parse_day(raw)


@pytest.mark.parametrize("raw", ["2021-02-29", "2020-13-01", "2020-00-10", "2020-04-31"])
def test_it_refuses_a_day_that_is_not_in_the_calendar(raw):
    with pytest.raises(NotADay, match="not a real calendar date"):
        parse_day(raw)


@pytest.mark.parametrize("raw", ["1799-12-31", "2201-01-01", "0001-01-01", "9999-12-31"])
def test_it_refuses_a_day_outside_the_years_a_record_can_mean(raw):
    with pytest.raises(NotADay, match="between 1800 and 2200"):
        parse_day(raw)


def test_a_refusal_is_a_value_error_for_validators_that_expect_one():
    assert issubclass(NotADay, ValueError)


def test_a_page_gets_the_default_when_the_parameter_is_left_out():
    assert day_or_default(None, TODAY) == (TODAY, None)
    assert day_or_default("", TODAY) == (TODAY, None)


def test_a_page_gets_the_day_it_names():
    assert day_or_default("2020-10-01", TODAY) == (date(2020, 10, 1), None)


def test_a_page_gets_the_default_and_the_text_that_named_no_day():
    assert day_or_default("eilen", TODAY) == (TODAY, "eilen")
    assert day_or_default("2021-02-29", TODAY) == (TODAY, "2021-02-29")
