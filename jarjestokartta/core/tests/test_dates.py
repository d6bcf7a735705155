import pytest

from jarjestokartta.core.templatetags.dates import finnish_date, period


@pytest.mark.parametrize(
    "value, shown",
    [("2017-03-01", "1.3.2017"), ("2017-03", "3/2017"), ("2008", "2008"), ("", ""), ("x", "x")],
)
def test_partial_dates_are_shown_the_finnish_way_and_stay_partial(value, shown):
    assert finnish_date(value) == shown


def test_a_period_shows_what_is_known():
    assert period("2018", "2019-12-31") == "2018–31.12.2019"
    assert period("", "2019-12-31") == "–31.12.2019"
    assert period("2020", "") == "2020–"
    assert period("", "") == ""
