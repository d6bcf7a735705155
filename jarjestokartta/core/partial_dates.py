"""Partial ISO dates ("2008", "2008-05", "2008-05-14") as Popolo writes them.

A partial date stays partial in storage; for "as of a day" questions it stands for a span of
days: a start date counts from the first day of that span, an end date until its last day.
Pure Python, no Django.
"""

import calendar
import re
from datetime import date
from functools import lru_cache

PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_pattern = re.compile(PATTERN)


class PartialDateError(ValueError):
    pass


@lru_cache(maxsize=50_000)
def span(value: str) -> tuple[date, date]:
    """The first and last day that a partial date can mean; PartialDateError if malformed.

    Cached: a national import asks for the same few thousand dates hundreds of thousands of
    times (errors are not cached, so a bad date is reported every time).
    """
    if not isinstance(value, str) or not _pattern.match(value):
        raise PartialDateError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(part) for part in value.split("-")]
    year = parts[0]
    try:
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = parts[1]
        if len(parts) == 2:
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            return date(year, month, 1), date(year, month, last)
        day = date(year, month, parts[2])
        return day, day
    except ValueError:
        raise PartialDateError(f"{value!r} is not a real calendar date") from None


def first_day(value: str) -> date | None:
    return span(value)[0] if value else None


def last_day(value: str) -> date | None:
    return span(value)[1] if value else None


def is_valid(value: str) -> bool:
    try:
        span(value)
    except PartialDateError:
        return False
    return True
