"""The rules people write, expanded by date arithmetic instead of dateutil's iteration.

Why: dateutil finds a rule's starts by walking it period by period from the first start, and
the last start of a rule by walking all of it. At 10,000 organisations that walk took the
import about 30 s (1.38 M iterations for expanding the occurrences' window, and every start
again for the search's last day); at national scale it would be most of the 150 s allowed.
For the shapes below the n-th start is a formula, so a window or the last start costs only
the starts it gives:
- DAILY and WEEKLY, with INTERVAL, BYDAY and WKST: the same days recur every INTERVAL days or
  weeks (7 × INTERVAL days for a daily rule on some weekdays);
- MONTHLY on month days (BYMONTHDAY, also from the end) or on weekdays (all such weekdays,
  or the n-th from the start or the end of the month, such as 2TU or -1FR), or on the first
  start's day; YEARLY without BY parts, which is a monthly rule every 12 × INTERVAL months;
each ending by UNTIL, COUNT or never. Anything else (BYSETPOS, BYMONTH, BYHOUR, …) is left to
dateutil (`for_keywords` answers None), and so is anything reaching near the calendar's end
(OutOfReach), where dateutil stops in its own way at year 9999.

The answers are dateutil's exactly, on naive wall-clock times (tests/test_rule_expansion.py
compares them on thousands of random rules): a start is the day at the first start's time
without microseconds, with fold 0 as dateutil's are; starts before the first start do not
count, COUNT counts from it, UNTIL is inclusive. Pure Python, no Django.
"""

import calendar
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate, cycle, islice
from typing import Any

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY

# Past this day the arithmetic hands over to dateutil, which ends rules at year 9999.
REACH = date(9000, 1, 1).toordinal()
# Larger intervals are typing errors; dateutil keeps them, so they stay its affair.
MAX_INTERVAL = 1000
# The n-th weekday of a month that can exist: the fifth at most, from either end.
MAX_NTH = 5
# The keywords the fast path reads; any other one sends the rule to dateutil.
READ = frozenset({"freq", "interval", "count", "until", "wkst", "byweekday", "bymonthday"})


class OutOfReach(Exception):
    """The answer lies near the end of the calendar: dateutil gives it."""


@dataclass(frozen=True)
class FastRule:
    """A rule of a shape the arithmetic expands; weekdays 0 = Monday."""

    freq: int
    interval: int = 1
    weekdays: tuple[int, ...] = ()  # every such weekday (in the period)
    nth_weekdays: tuple[tuple[int, int], ...] = ()  # (n, weekday), monthly only
    month_days: tuple[int, ...] = ()  # 1…31 or -31…-1, monthly only
    count: int | None = None
    until: datetime | None = None
    week_start: int | None = None  # None: calendar.firstweekday(), as dateutil

    @property
    def ends(self) -> bool:
        return self.count is not None or self.until is not None

    def between(self, start: datetime, first: datetime, last: datetime) -> list[datetime]:
        """The starts from `first` to `last`, both included, as dateutil's between(inc=True)."""
        return _expansion(self, start).between(first, last)

    def last_starts(self, start: datetime, how_many: int) -> list[datetime]:
        """The last `how_many` starts of a rule that ends (fewer if it has fewer), in order."""
        return _expansion(self, start).last_starts(how_many)

    def first_from(self, start: datetime, moment: datetime) -> datetime | None:
        """The first start at or after `moment`, as dateutil's after(inc=True)."""
        return _expansion(self, start).first_from(moment)


def for_keywords(keywords: Mapping[str, Any]) -> FastRule | None:
    """The rule as a FastRule, or None when it is not a shape the arithmetic expands."""
    freq = keywords["freq"]
    if not keywords.keys() <= READ or freq not in (DAILY, WEEKLY, MONTHLY, YEARLY):
        return None
    interval = keywords.get("interval", 1)
    if not 1 <= interval <= MAX_INTERVAL or keywords.get("count", 1) < 1:
        return None
    days = keywords.get("byweekday", ())
    month_days = keywords.get("bymonthday", ())
    plain = tuple(sorted({day.weekday for day in days if not day.n or freq in (DAILY, WEEKLY)}))
    nth = tuple(sorted({(day.n, day.weekday) for day in days if day.n and freq == MONTHLY}))
    common = {
        "freq": freq,
        "interval": interval,
        "count": keywords.get("count"),
        "until": keywords.get("until"),
        "week_start": keywords.get("wkst"),
    }
    if freq in (DAILY, WEEKLY):
        return None if month_days else FastRule(weekdays=plain, **common)
    if freq == YEARLY:
        return None if days or month_days else FastRule(**common)
    # Monthly: one kind of day only (dateutil would intersect two kinds).
    if (month_days and days) or (plain and nth):
        return None
    if any(not 1 <= abs(n) <= MAX_NTH for n, _day in nth):
        return None
    if any(not 1 <= abs(day) <= 31 for day in month_days):
        return None
    return FastRule(weekdays=plain, nth_weekdays=nth, month_days=tuple(month_days), **common)


def _expansion(rule: FastRule, start: datetime) -> "_Periodic | _Monthly":
    start = start.replace(tzinfo=None, microsecond=0)
    if rule.freq in (DAILY, WEEKLY):
        return _Periodic(rule, start)
    return _Monthly(rule, start)


class _Expansion:
    """What both shapes share: the start's day and time, and the days a moment bounds."""

    def __init__(self, rule: FastRule, start: datetime) -> None:
        self.rule = rule
        self.first_day = start.toordinal()
        # dateutil's starts: the start's time without microseconds and with fold 0.
        self.time = time(start.hour, start.minute, start.second)

    def at(self, day: int) -> datetime:
        return datetime.combine(date.fromordinal(day), self.time)

    def day_from(self, moment: datetime) -> int:
        """The first day whose start is at or after the moment."""
        return moment.toordinal() + (self.time < moment.time())

    def day_until(self, moment: datetime) -> int:
        """The last day whose start is at or before the moment."""
        return moment.toordinal() - (self.time > moment.time())

    def last_day(self, moment: datetime) -> int:
        """The last day the rule may give up to `moment`, within reach."""
        day = self.day_until(moment)
        if self.rule.until is not None:
            day = min(day, self.day_until(self.rule.until))
        if day >= REACH:
            raise OutOfReach
        return day


class _Periodic(_Expansion):
    """A daily or weekly rule: the days anchor + k × period + offset, from the first start on.

    The n-th start is then a division; `skipped` counts the offsets of the first period that
    fall before the start (a weekly rule's week begins on WKST, not on the start's day)."""

    def __init__(self, rule: FastRule, start: datetime) -> None:
        super().__init__(rule, start)
        weekday = start.weekday()
        if rule.freq == WEEKLY:
            week_start = calendar.firstweekday() if rule.week_start is None else rule.week_start
            self.anchor = self.first_day - (weekday - week_start) % 7
            self.period = 7 * rule.interval
            days = rule.weekdays or (weekday,)
            self.offsets = sorted({(day - week_start) % 7 for day in days})
        elif rule.weekdays:
            self.anchor = self.first_day
            self.period = 7 * rule.interval
            self.offsets = [
                step * rule.interval
                for step in range(7)
                if (weekday + step * rule.interval) % 7 in rule.weekdays
            ]
        else:
            self.anchor, self.period, self.offsets = self.first_day, rule.interval, [0]
        self.skipped = bisect_left(self.offsets, self.first_day - self.anchor)
        # From each offset's day to the next start's: a window is its first start plus these,
        # added up in C (three times faster than making each start from its day).
        following = [*self.offsets[1:], self.period + self.offsets[0]] if self.offsets else []
        self.gaps = [
            timedelta(days=after - day) for day, after in zip(self.offsets, following, strict=True)
        ]

    def day(self, index: int) -> int:
        periods, position = divmod(index + self.skipped, len(self.offsets))
        return self.anchor + periods * self.period + self.offsets[position]

    def index_from(self, day: int) -> int:
        """The index of the first start on or after the day (not before the first start)."""
        periods, rest = divmod(max(day, self.first_day) - self.anchor, self.period)
        return periods * len(self.offsets) + bisect_left(self.offsets, rest) - self.skipped

    def index_until(self, day: int) -> int:
        """The index of the last start on or before the day; -1 when there is none."""
        if day < self.first_day:
            return -1
        periods, rest = divmod(day - self.anchor, self.period)
        return periods * len(self.offsets) + bisect_right(self.offsets, rest) - 1 - self.skipped

    def last_index(self, moment: datetime) -> int:
        index = self.index_until(self.last_day(moment))
        if self.rule.count is not None:
            index = min(index, self.rule.count - 1)
        return index

    def between(self, first: datetime, last: datetime) -> list[datetime]:
        if not self.offsets:
            return []
        lowest = self.index_from(self.day_from(first))
        how_many = self.last_index(last) - lowest + 1
        if how_many <= 0:
            return []
        position = (lowest + self.skipped) % len(self.offsets)
        gaps = cycle(self.gaps[position:] + self.gaps[:position])
        return list(accumulate(islice(gaps, how_many - 1), initial=self.at(self.day(lowest))))

    def last_starts(self, how_many: int) -> list[datetime]:
        if not self.offsets:
            return []
        if self.rule.count is not None:
            final = self.rule.count - 1
            if self.rule.until is not None:
                final = min(final, self.index_until(self.last_day(self.rule.until)))
            elif self.day(final) >= REACH:
                raise OutOfReach
        else:
            assert self.rule.until is not None, "only a rule that ends has a last start"
            final = self.index_until(self.last_day(self.rule.until))
        return [
            self.at(self.day(index)) for index in range(max(0, final - how_many + 1), final + 1)
        ]

    def first_from(self, moment: datetime) -> datetime | None:
        if not self.offsets:
            return None
        index = self.index_from(self.day_from(moment))
        if self.rule.count is not None and index >= self.rule.count:
            return None
        day = self.day(index)
        if day >= REACH:
            raise OutOfReach
        found = self.at(day)
        return None if self.rule.until is not None and found > self.rule.until else found


class _Monthly(_Expansion):
    """A monthly rule, or a yearly one as every 12 × INTERVAL months: month by month, as the
    days of a month do not recur at a fixed distance."""

    def __init__(self, rule: FastRule, start: datetime) -> None:
        super().__init__(rule, start)
        self.first_month = start.year * 12 + start.month - 1
        self.step = rule.interval * (12 if rule.freq == YEARLY else 1)
        self.start_day = start.day

    def days_of(self, month: int) -> list[int]:
        """The days (ordinals) the rule gives in the month (year × 12 + month − 1), in order."""
        year, month_index = divmod(month, 12)
        if year >= 9000:
            raise OutOfReach
        first_weekday, length = calendar.monthrange(year, month_index + 1)
        before = date(year, month_index + 1, 1).toordinal() - 1
        rule = self.rule
        if rule.month_days:
            numbers = {day if day > 0 else length + day + 1 for day in rule.month_days}
        elif rule.nth_weekdays:
            numbers = set()
            for nth, weekday in rule.nth_weekdays:
                if nth > 0:
                    numbers.add(1 + (weekday - first_weekday) % 7 + 7 * (nth - 1))
                else:
                    last_weekday = (first_weekday + length - 1) % 7
                    numbers.add(length - (last_weekday - weekday) % 7 + 7 * (nth + 1))
        elif rule.weekdays:
            numbers = {
                day
                for day in range(1, length + 1)
                if (first_weekday + day - 1) % 7 in rule.weekdays
            }
        else:
            numbers = {self.start_day}
        return [before + day for day in sorted(numbers) if 1 <= day <= length]

    def days(self, from_month: int, to_month: int | None = None) -> Iterator[int]:
        """The days the rule gives in its months from `from_month` to `to_month` (included)."""
        periods = max(0, -(-(from_month - self.first_month) // self.step))
        month = self.first_month + periods * self.step
        while to_month is None or month <= to_month:
            for day in self.days_of(month):
                if day >= self.first_day:
                    yield day
            month += self.step

    def counted(self, to_month: int | None = None) -> Iterator[int]:
        """The days from the first start on, up to COUNT of them when it has one."""
        days = self.days(self.first_month, to_month)
        if self.rule.count is None:
            yield from days
            return
        for number, day in enumerate(days):
            if number == self.rule.count:
                return
            yield day

    def month_of(self, day: int) -> int:
        moment = date.fromordinal(day)
        return moment.year * 12 + moment.month - 1

    def between(self, first: datetime, last: datetime) -> list[datetime]:
        lowest, highest = max(self.first_day, self.day_from(first)), self.last_day(last)
        if highest < lowest:
            return []
        to_month = self.month_of(highest)
        if self.rule.count is not None:
            days = self.counted(to_month)  # what COUNT leaves depends on the starts before
        else:
            days = self.days(self.month_of(lowest), to_month)
        return [self.at(day) for day in days if lowest <= day <= highest]

    def last_starts(self, how_many: int) -> list[datetime]:
        if self.rule.until is not None:
            return self._last_until(self.last_day(self.rule.until), how_many)
        found = list(self.counted())  # COUNT is at most recurrence.MAX_COUNT
        return [self.at(day) for day in found[-how_many:]]

    def _last_until(self, highest: int, how_many: int) -> list[datetime]:
        """Back month by month from the last day UNTIL allows, with COUNT when both are given
        (recurrence.py refuses that, dateutil does not)."""
        if highest < self.first_day:
            return []
        if self.rule.count is not None:
            found = [day for day in self.counted(self.month_of(highest)) if day <= highest]
            return [self.at(day) for day in found[-how_many:]]
        periods = (self.month_of(highest) - self.first_month) // self.step
        found = []
        for month in range(
            self.first_month + periods * self.step, self.first_month - 1, -self.step
        ):
            found[:0] = [day for day in self.days_of(month) if self.first_day <= day <= highest]
            if len(found) >= how_many:
                break
        return [self.at(day) for day in found[-how_many:]]

    def first_from(self, moment: datetime) -> datetime | None:
        lowest = max(self.first_day, self.day_from(moment))
        if self.rule.until is None:
            highest, to_month = None, None
        else:
            highest = self.day_until(self.rule.until)
            to_month = self.month_of(max(highest, self.first_day))
        if self.rule.count is not None:
            days = self.counted(to_month)
        else:
            days = self.days(self.month_of(lowest), to_month)
        for day in days:
            if highest is not None and day > highest:
                return None
            if day >= lowest:
                return self.at(day)
        return None
