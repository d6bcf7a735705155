"""When something happens, in plain Finnish, Swedish or English words.

    describe_schedule(start=..., end=..., rrule="FREQ=WEEKLY;BYDAY=TU")  -> "tiistaisin klo 17–19"
    describe_occurrence(start=..., end=...)                              -> "ti 8.12.2026 klo 17–19"

Times are naive local wall-clock times (Finnish time), as the events store them: a group at
17:00 on Tuesdays is "klo 17" all year. The rule is an RFC 5545 RRULE value, read by
rrule_reading. What the words here cannot say exactly (BYSETPOS, BYHOUR, an hourly rule, a rule
that is not a rule at all) is never approximated: it becomes "toistuu säännöllisesti,
ensimmäisen kerran …", which is always true, since a rule's start is its first occurrence.
An unknown language gives Finnish, the site's first language, rather than an error on a page.
Pure Python, no Django.
"""

import calendar
from datetime import date, datetime, time, timedelta

from jarjestokartta.events.phrasing_words import LANGUAGES, Words, english_suffix
from jarjestokartta.events.rrule_reading import NotARule, Rule, read_rule

DAY = timedelta(days=1)
MONDAY_TO_FRIDAY = frozenset(range(5))
EVERY_DAY = frozenset(range(7))
DASH = "–"  # en dash, between the two ends of a range


def describe_schedule(
    *, start: datetime, end: datetime | None, rrule: str = "", lang: str = "fi"
) -> str:
    """The rhythm of a recurring activity: "tiistaisin klo 17–19, 31.5.2027 asti".

    `start` and `end` are the first occurrence's; without a rule this is describe_occurrence.
    """
    words = _words(lang)
    if not rrule.strip():
        return describe_occurrence(start=start, end=end, lang=lang)
    fallback = words.repeats.format(first=describe_occurrence(start=start, end=end, lang=lang))
    try:
        rule = read_rule(rrule)
    except NotARule:
        return fallback
    days = None if rule.others else _days(rule, start, words)
    if days is None or not _start_follows(rule, start):
        return fallback
    ending = _ending(rule, start, words)
    if ending is None:  # the rule ends before its second occurrence could be
        return describe_occurrence(start=start, end=end, lang=lang)
    times = _schedule_times(start, end, words)
    when = days if times is None else words.at_time.format(when=days, time=times)
    return when + ending


def describe_occurrence(*, start: datetime, end: datetime | None, lang: str = "fi") -> str:
    """One occurrence: "ti 8.12.2026 klo 17–19", "ti 8.12.2026" for a whole day,
    "pe 4.9.2026 klo 10 – su 6.9.2026 klo 16" across days."""
    words = _words(lang)
    first_day = _date(start.date(), words.occurrence_date, words)
    if _is_all_day(start, end):
        last = start.date() if end is None or end - start <= DAY else (end - DAY).date()
        if last == start.date():
            return first_day
        return f"{first_day} {DASH} {_date(last, words.occurrence_date, words)}"
    if end is None or end <= start:
        return words.at_time.format(when=first_day, time=_time(start.time(), words))
    if end.date() == start.date() or end == _midnight_after(start):
        return words.at_time.format(when=first_day, time=_time_range(start, end, words))
    last_day = _date(end.date(), words.occurrence_date, words)
    return (
        f"{words.at_time.format(when=first_day, time=_time(start.time(), words))} {DASH} "
        f"{words.at_time.format(when=last_day, time=_time(end.time(), words))}"
    )


def _words(lang: str) -> Words:
    # "fi", "fi-FI", "en-us", "sv_FI" as Django and browsers write them.
    return LANGUAGES.get(lang.lower().replace("_", "-").split("-")[0], LANGUAGES["fi"])


def _days(rule: Rule, start: datetime, words: Words) -> str | None:
    """The days on which the rule falls, in words; None when the words here cannot say it."""
    if rule.freq == "DAILY":
        return _daily(rule, words)
    if rule.freq == "WEEKLY":
        if rule.by_month_day or rule.by_month:
            return None
        weekdays = rule.by_day or ((None, start.weekday()),)
        if any(ordinal is not None for ordinal, _ in weekdays):
            return None
        return _weekly({weekday for _, weekday in weekdays}, rule.interval, words)
    if rule.freq == "MONTHLY":
        return _monthly(rule, start, words)
    if rule.freq == "YEARLY":
        return _yearly(rule, start, words)
    return None  # hourly and finer: not what an activity does, and not phrased here


def _daily(rule: Rule, words: Words) -> str | None:
    if rule.by_month_day or rule.by_month:
        return None
    if rule.by_day:
        # FREQ=DAILY;BYDAY=MO,TU,… is the weekly rule on those days, but only every day.
        if rule.interval != 1 or any(ordinal is not None for ordinal, _ in rule.by_day):
            return None
        return _weekly({weekday for _, weekday in rule.by_day}, 1, words)
    if rule.interval == 1:
        return words.daily
    every = words.every_nth.get(rule.interval)
    return words.every_nth_day.format(every=every) if every else None


def _weekly(weekdays: set[int], interval: int, words: Words) -> str | None:
    ordered = sorted(weekdays)
    if interval == 1:
        if weekdays == EVERY_DAY:
            return words.daily
        if weekdays == MONDAY_TO_FRIDAY:
            return words.mondays_to_fridays
        return words.join([words.weekdays_plural[day] for day in ordered])
    every = words.every_nth.get(interval)
    if every is None:
        return None
    days = words.join([words.weekdays_single[day] for day in ordered])
    return words.weekly_every_nth.format(every=every, days=days)


def _monthly(rule: Rule, start: datetime, words: Words) -> str | None:
    if rule.by_month or (rule.by_day and rule.by_month_day):
        return None
    every = words.every_nth_month.get(rule.interval) if rule.interval > 1 else ""
    if every is None:
        return None
    if rule.by_day:
        weekdays = {weekday for _, weekday in rule.by_day}
        ordinals = [ordinal for ordinal, _ in rule.by_day]
        if len(weekdays) != 1 or any(o not in words.nth_in_month for o in ordinals if o):
            return None
        if None in ordinals:  # "every Tuesday" within a monthly rule: rare, and not phrased
            return None
        # First, second … fifth, then second to last and last.
        ordered = sorted((o for o in ordinals if o), key=lambda o: o if o > 0 else 100 + o)
        pattern = words.month_weekday_every_nth if every else words.month_weekday
        return pattern.format(
            every=every,
            ordinals=words.join([words.nth_in_month[o] for o in ordered]),
            weekday=words.weekdays_in_month[weekdays.pop()],
        )
    month_days = rule.by_month_day or (start.day,)
    if month_days == (-1,):
        pattern = words.month_last_day_every_nth if every else words.month_last_day
        return pattern.format(every=every)
    if any(day < 0 for day in month_days):
        return None
    numbers = [_day_number(day, words) for day in sorted(month_days)]
    pattern = words.month_day_every_nth if every else words.month_day
    return pattern.format(every=every, days=words.join(numbers))


def _yearly(rule: Rule, start: datetime, words: Words) -> str | None:
    months = rule.by_month or (start.month,)
    month_days = rule.by_month_day or (start.day,)
    if rule.by_day or len(months) != 1 or len(month_days) != 1 or month_days[0] < 0:
        return None
    try:
        # A leap year, so that 29 February is a day; 31 April is none, and not phrased.
        day = date(2024, months[0], month_days[0])
    except ValueError:
        return None
    on = _date(day, words.day_and_month, words)
    if rule.interval == 1:
        return words.yearly.format(date=on)
    every = words.every_nth_year.get(rule.interval)
    return words.yearly_every_nth.format(every=every, date=on) if every else None


def _start_follows(rule: Rule, start: datetime) -> bool:
    """True when the start is one of the days the rule names.

    RFC 5545 counts the start as the first occurrence even when the rule does not name its day
    (a start on a Monday for "FREQ=WEEKLY;BYDAY=TU"); then "tiistaisin" would not be the whole
    truth.
    """
    if rule.by_month and start.month not in rule.by_month:
        return False
    if rule.by_day and not any(
        weekday == start.weekday() and (ordinal is None or _is_nth_in_month(start, ordinal))
        for ordinal, weekday in rule.by_day
    ):
        return False
    last_day = calendar.monthrange(start.year, start.month)[1]
    return not rule.by_month_day or any(
        start.day == (day if day > 0 else last_day + 1 + day) for day in rule.by_month_day
    )


def _is_nth_in_month(start: datetime, ordinal: int) -> bool:
    if ordinal > 0:
        return (start.day - 1) // 7 + 1 == ordinal
    days_after = calendar.monthrange(start.year, start.month)[1] - start.day
    return days_after // 7 + 1 == -ordinal


def _ending(rule: Rule, start: datetime, words: Words) -> str | None:
    """ ", 31.5.2027 asti", ", 6 kertaa" or ""; None when UNTIL comes before the second time."""
    if rule.count is not None:
        count = words.once if rule.count == 1 else words.times.format(count=rule.count)
        return f", {count}"
    if rule.until is None:
        return ""
    if isinstance(rule.until, datetime):
        last_day = rule.until.date()
        # UNTIL 1.6.2027 00:00 for a group at 17: its last possible day is 31.5.
        if rule.until.time() < start.time():
            last_day -= DAY
    else:
        last_day = rule.until
    if last_day <= start.date():
        return None
    return ", " + words.until.format(date=_date(last_day, words.full_date, words))


def _schedule_times(start: datetime, end: datetime | None, words: Words) -> str | None:
    if _is_all_day(start, end):
        return None
    if end is None or end <= start or end - start >= DAY:
        # Beyond a day, "klo 10–16" would read as one day: the start alone is still true.
        return _time(start.time(), words)
    return _time_range(start, end, words)


def _time_range(start: datetime, end: datetime, words: Words) -> str:
    # An evening that ends at midnight is "klo 20–24", as Finns write it; an end past midnight
    # within a day is "klo 22–2".
    at_midnight = end == _midnight_after(start)
    end_text = _clock(24, 0, words) if at_midnight else _time(end.time(), words)
    return f"{_time(start.time(), words)}{DASH}{end_text}"


def _time(moment: time, words: Words) -> str:
    return _clock(moment.hour, moment.minute, words)


def _clock(hour: int, minute: int, words: Words) -> str:
    pattern = words.time_on_the_hour if minute == 0 else words.time
    return pattern.format(hour=hour, hour2=f"{hour:02d}", minute2=f"{minute:02d}")


def _date(day: date, pattern: str, words: Words) -> str:
    return pattern.format(
        day=day.day,
        month=day.month,
        year=day.year,
        month_name=words.month_names[day.month - 1],
        month_short=words.month_names_short[day.month - 1],
        weekday=words.weekdays_short[day.weekday()],
    )


def _day_number(day: int, words: Words) -> str:
    return words.day_number.format(day=day, suffix=english_suffix(day))


def _is_all_day(start: datetime, end: datetime | None) -> bool:
    # A whole day is stored from midnight, with no end or an end at a later midnight.
    if start.time() != time(0):
        return False
    return end is None or (end > start and end.time() == time(0))


def _midnight_after(start: datetime) -> datetime:
    return datetime.combine(start.date() + DAY, time(0))
