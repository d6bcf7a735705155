"""The repetitions a person chooses in the editing form, written as an RRULE and read back.

Nobody types an RRULE by hand: the form offers weekly on chosen weekdays every n weeks, monthly
on the nth (or last) weekday, monthly on a day of the month, and an end (never, a date, a
number of times). `read_rule` answers None for a rule outside these (an imported BYSETPOS, a
yearly rule …), so that the form shows it as it is and keeps it instead of dropping it.
Django-free, so that a future self-service form can use it as well.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from jarjestokartta.events import rrule_reading

# The repetitions, as the form's choice values.
NONE = "none"
WEEKLY = "weekly"
MONTHLY_WEEKDAY = "monthly_weekday"
MONTHLY_DAY = "monthly_day"
# An existing rule the form cannot show, kept as it is.
KEEP = "keep"

# How it ends.
NEVER = "never"
UNTIL = "until"
COUNT = "count"

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# The nth weekday of a month: first to fourth, or the last (-1); a fifth is not in every month.
NTHS = (1, 2, 3, 4, -1)
MAX_INTERVAL = 52


@dataclass(frozen=True)
class Repetition:
    """How something repeats, in the terms of the form."""

    kind: str = NONE
    weekdays: tuple[str, ...] = field(default=())
    interval: int = 1
    nth: int = 1
    weekday: str = "MO"
    month_day: int = 1
    ends: str = NEVER
    until: date | None = None
    count: int | None = None


def write_rule(repetition: Repetition) -> str:
    """The RRULE value of the repetition; empty when it does not repeat."""
    if repetition.kind == NONE:
        return ""
    parts = [f"FREQ={'WEEKLY' if repetition.kind == WEEKLY else 'MONTHLY'}"]
    if repetition.interval != 1:
        parts.append(f"INTERVAL={repetition.interval}")
    if repetition.kind == WEEKLY:
        ordered = [day for day in WEEKDAYS if day in repetition.weekdays]
        parts.append(f"BYDAY={','.join(ordered)}")
    elif repetition.kind == MONTHLY_WEEKDAY:
        parts.append(f"BYDAY={repetition.nth}{repetition.weekday}")
    elif repetition.kind == MONTHLY_DAY:
        parts.append(f"BYMONTHDAY={repetition.month_day}")
    else:
        raise ValueError(f"{repetition.kind!r} is not a repetition the form writes")
    if repetition.ends == UNTIL and repetition.until is not None:
        # The whole last day counts, in the same local time as the start (see recurrence.py).
        parts.append(f"UNTIL={repetition.until:%Y%m%d}T235959")
    elif repetition.ends == COUNT and repetition.count is not None:
        parts.append(f"COUNT={repetition.count}")
    return ";".join(parts)


def read_rule(rule: str, start: datetime) -> Repetition | None:
    """The repetition a rule is, or None when the form cannot show it without changing it."""
    if not rule.strip():
        return Repetition()
    try:
        parts = rrule_reading.read_rule(rule)
    except rrule_reading.NotARule:
        return None
    # rrule_reading drops WKST as words need not say it; a rewritten rule would lose it.
    if parts.others or parts.by_month or "WKST=" in rule.upper():
        return None
    if parts.interval > MAX_INTERVAL:
        return None
    end = _end(parts.until, parts.count)
    if end is None:
        return None
    ends, until, count = end
    common = {"interval": parts.interval, "ends": ends, "until": until, "count": count}
    weekday_of_start = start.weekday()
    if parts.freq == "WEEKLY" and not parts.by_month_day:
        days = parts.by_day or ((None, weekday_of_start),)
        if any(nth is not None for nth, _day in days):
            return None
        return Repetition(kind=WEEKLY, weekdays=tuple(WEEKDAYS[day] for _n, day in days), **common)
    if parts.freq == "MONTHLY" and len(parts.by_day) == 1 and not parts.by_month_day:
        ((nth, day),) = parts.by_day
        if nth not in NTHS:
            return None
        return Repetition(kind=MONTHLY_WEEKDAY, nth=nth, weekday=WEEKDAYS[day], **common)
    if parts.freq == "MONTHLY" and not parts.by_day and len(parts.by_month_day) <= 1:
        day = parts.by_month_day[0] if parts.by_month_day else start.day
        if day < 1:
            return None
        return Repetition(kind=MONTHLY_DAY, month_day=day, **common)
    return None


def _end(
    until: datetime | date | None, count: int | None
) -> tuple[str, date | None, int | None] | None:
    if count is not None:
        return (COUNT, None, count)
    if until is None:
        return (NEVER, None, None)
    if isinstance(until, datetime):
        # Only a whole last day reads back as a date: another time would change on saving.
        return (UNTIL, until.date(), None) if until.time() == time(23, 59, 59) else None
    return (UNTIL, until, None)
