"""The rhythms of the synthetic activities, with the little date arithmetic the generator
needs (the first date, whether a date is one of the rule's) done directly: through dateutil
it took most of the generator's time. bench/tests checks it against events.recurrence."""

from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@dataclass(frozen=True)
class Rhythm:
    days: tuple[str, ...]  # BYDAY's weekdays
    interval: int = 1  # weeks, or months for a monthly one
    nth: int = 0  # the nth weekday of the month: monthly when given
    until: date | None = None
    count: int | None = None

    @property
    def rule(self) -> str:
        frequency = "MONTHLY" if self.nth else "WEEKLY"
        parts = [f"FREQ={frequency}"]
        if self.interval > 1:
            parts.append(f"INTERVAL={self.interval}")
        prefix = str(self.nth) if self.nth else ""
        parts.append("BYDAY=" + ",".join(prefix + day for day in self.days))
        if self.until:
            parts.append(f"UNTIL={self.until:%Y%m%d}T235959")
        if self.count:
            parts.append(f"COUNT={self.count}")
        return ";".join(parts)

    def _weekdays(self) -> set[int]:
        return {WEEKDAYS.index(day) for day in self.days}

    def first(self, day: date) -> date:
        """The first date from `day` on that the rhythm gives (the start, DTSTART)."""
        if not self.nth:
            wanted = self._weekdays()
            while day.weekday() not in wanted:
                day += timedelta(days=1)
            return day
        year, month = day.year, day.month
        while True:
            found = nth_weekday(year, month, WEEKDAYS.index(self.days[0]), self.nth)
            if found >= day:
                return found
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def gives(self, start: date, day: date) -> bool:
        """Whether the rule started on `start` has an occurrence on `day` (weekly only: the
        generator leaves out and cancels single weekly occurrences)."""
        if self.nth or day < start or day.weekday() not in self._weekdays():
            return False
        if self.until and day > self.until:
            return False
        weeks = (_monday(day) - _monday(start)).days // 7
        if weeks % self.interval:
            return False
        # A count is counted here for one weekday only, as the generator's courses have.
        return not self.count or (len(self.days) == 1 and weeks // self.interval < self.count)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
