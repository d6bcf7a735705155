import pytest
from django.core.exceptions import ValidationError

from jarjestokartta.core.partial_date_fields import from_finnish, to_finnish


@pytest.mark.parametrize(
    "text, value",
    [
        ("14.5.2008", "2008-05-14"),
        ("1.1.2027", "2027-01-01"),
        ("5.2008", "2008-05"),
        ("5/2008", "2008-05"),
        ("2008", "2008"),
        ("2008-05", "2008-05"),
        (" 14.5.2008 ", "2008-05-14"),
        ("", ""),
    ],
)
def test_it_reads_finnish_dates(text, value):
    assert from_finnish(text) == value


@pytest.mark.parametrize("text", ["31.2.2020", "14.13.2008", "tänään", "1.1.27"])
def test_it_refuses_what_is_not_a_date(text):
    with pytest.raises(ValidationError):
        from_finnish(text)


@pytest.mark.parametrize(
    "value, text", [("2008-05-14", "14.5.2008"), ("2008-05", "5/2008"), ("2008", "2008"), ("", "")]
)
def test_it_writes_them_back_as_the_pages_do(value, text):
    assert to_finnish(value) == text
    assert from_finnish(to_finnish(value)) == value
