"""A day named in a request's parameter: the pages' `paiva`, the API's `active_on` and `date`.

One reading for every page and endpoint, so that a day the diagram accepts is a day the API
accepts: YYYY-MM-DD exactly (Python's own `fromisoformat` would also take "20201001" and
"2020-W40-4", pydantic a Unix time), a real calendar day, within the years a record of ours can
mean. Pure Python, no Django.
"""

import re
from datetime import date

EARLIEST = date(1800, 1, 1)
LATEST = date(2200, 12, 31)
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class NotADay(ValueError):
    """The text names no day; the message says what is expected."""


def parse_day(raw: str) -> date:
    """The day written as YYYY-MM-DD; NotADay for anything else."""
    if not ISO_DAY.fullmatch(raw):
        raise NotADay(f"{raw!r} is not a date of the form YYYY-MM-DD")
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise NotADay(f"{raw!r} is not a real calendar date") from None
    if not EARLIEST <= day <= LATEST:
        raise NotADay(f"{raw!r} is not between {EARLIEST.year} and {LATEST.year}")
    return day


def day_or_default(raw: str | None, default: date) -> tuple[date, str | None]:
    """The day a page's parameter names, or the default when it is left out.

    A page shows something rather than an error: a text that names no day gives the default
    and, second, the text itself, for the page to say that it was not understood.
    """
    if not raw:
        return default, None
    try:
        return parse_day(raw), None
    except NotADay:
        return default, raw
