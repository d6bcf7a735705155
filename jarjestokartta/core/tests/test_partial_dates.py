from datetime import date

import pytest

from jarjestokartta.core import partial_dates


def test_it_reads_a_year_as_the_whole_year():
    assert partial_dates.span("2008") == (date(2008, 1, 1), date(2008, 12, 31))


def test_it_reads_a_month_to_its_last_day_including_leap_years():
    assert partial_dates.span("2020-02") == (date(2020, 2, 1), date(2020, 2, 29))
    assert partial_dates.span("2021-02")[1] == date(2021, 2, 28)


def test_it_reads_a_full_date_as_one_day():
    assert partial_dates.span("2021-01-01") == (date(2021, 1, 1), date(2021, 1, 1))


@pytest.mark.parametrize(
    "value", ["", "08", "2008-5", "2008-13", "2008-02-30", "2008/05/01", "1.1.2021", " 2008"]
)
def test_it_refuses_malformed_or_impossible_dates(value):
    with pytest.raises(partial_dates.PartialDateError):
        partial_dates.span(value)
    assert not partial_dates.is_valid(value)


def test_it_treats_empty_as_open():
    assert partial_dates.first_day("") is None
    assert partial_dates.last_day("") is None
