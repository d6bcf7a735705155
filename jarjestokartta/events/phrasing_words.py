"""The words and patterns in which phrasing.py says when something happens, per language.

Finnish as a Finn writes it ("tiistaisin klo 17.30–19", "ti 8.12.2026"), Swedish as written in
Finland ("tisdagar kl. 17–19", dates 8.12.2026), English in the 24-hour clock
("Tuesdays 17:00–19:00", "Tue 8 Dec 2026"). The patterns are str.format templates, so that each
language keeps its own word order; numbers above the tables' reach are not guessed at, the
phrasing says something more general instead. Pure Python, no Django.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """One language's words (tables by weekday, Monday first) and patterns."""

    weekdays_plural: tuple[str, ...]  # "on Tuesdays": tiistaisin
    weekdays_single: tuple[str, ...]  # "every other Tuesday": (joka toinen) tiistai
    weekdays_in_month: tuple[str, ...]  # "the first Tuesday": (ensimmäisenä) tiistaina
    weekdays_short: tuple[str, ...]  # ti
    month_names: tuple[str, ...]  # January first; "until 31 May 2027" in English
    month_names_short: tuple[str, ...]
    # "every nth" by interval 2..12, for weeks and days, for months, and for years.
    every_nth: dict[int, str]
    every_nth_month: dict[int, str]
    every_nth_year: dict[int, str]
    # The nth weekday of a month, 1..5, -1 (last) and -2 (second to last).
    nth_in_month: dict[int, str]
    and_word: str
    mondays_to_fridays: str
    daily: str
    every_nth_day: str  # {every}
    weekly_every_nth: str  # {every} {days}
    month_weekday: str  # {ordinals} {weekday}
    month_weekday_every_nth: str  # {every} {ordinals} {weekday}
    month_day: str  # {days}
    month_day_every_nth: str  # {every} {days}
    month_last_day: str
    month_last_day_every_nth: str  # {every}
    day_number: str  # {day}: "15." in Finnish, "15th" in English (with {suffix})
    yearly: str  # {date}
    yearly_every_nth: str  # {every} {date}
    day_and_month: str  # {day} {month} {month_name}
    full_date: str  # {day} {month} {year} {month_name}
    occurrence_date: str  # {weekday} {day} {month} {year} {month_name}
    time_on_the_hour: str  # {hour} {hour2} {minute2}
    time: str  # {hour} {hour2} {minute2}
    at_time: str  # {when} {time}
    until: str  # {date}
    times: str  # {count}
    once: str
    repeats: str  # {first}: what a rule says when its words are not known here

    def join(self, items: list[str]) -> str:
        """ "a", "a ja b", "a, b ja c" (no serial comma in any of the three)."""
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.and_word} {items[-1]}"


FINNISH_EVERY_NTH = {
    2: "joka toinen",
    3: "joka kolmas",
    4: "joka neljäs",
    5: "joka viides",
    6: "joka kuudes",
    7: "joka seitsemäs",
    8: "joka kahdeksas",
    9: "joka yhdeksäs",
    10: "joka kymmenes",
    11: "joka yhdestoista",
    12: "joka kahdestoista",
}
SWEDISH_EVERY_NTH = {
    2: "varannan",
    3: "var tredje",
    4: "var fjärde",
    5: "var femte",
    6: "var sjätte",
    7: "var sjunde",
    8: "var åttonde",
    9: "var nionde",
    10: "var tionde",
    11: "var elfte",
    12: "var tolfte",
}
ENGLISH_EVERY_NTH = {
    2: "every other",
    3: "every third",
    4: "every fourth",
    5: "every fifth",
    6: "every sixth",
    7: "every seventh",
    8: "every eighth",
    9: "every ninth",
    10: "every tenth",
    11: "every eleventh",
    12: "every twelfth",
}

ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

FINNISH = Words(
    weekdays_plural=(
        "maanantaisin",
        "tiistaisin",
        "keskiviikkoisin",
        "torstaisin",
        "perjantaisin",
        "lauantaisin",
        "sunnuntaisin",
    ),
    weekdays_single=(
        "maanantai",
        "tiistai",
        "keskiviikko",
        "torstai",
        "perjantai",
        "lauantai",
        "sunnuntai",
    ),
    weekdays_in_month=(
        "maanantaina",
        "tiistaina",
        "keskiviikkona",
        "torstaina",
        "perjantaina",
        "lauantaina",
        "sunnuntaina",
    ),
    weekdays_short=("ma", "ti", "ke", "to", "pe", "la", "su"),
    month_names=(
        "tammikuuta",
        "helmikuuta",
        "maaliskuuta",
        "huhtikuuta",
        "toukokuuta",
        "kesäkuuta",
        "heinäkuuta",
        "elokuuta",
        "syyskuuta",
        "lokakuuta",
        "marraskuuta",
        "joulukuuta",
    ),
    month_names_short=(
        "tammi",
        "helmi",
        "maalis",
        "huhti",
        "touko",
        "kesä",
        "heinä",
        "elo",
        "syys",
        "loka",
        "marras",
        "joulu",
    ),
    every_nth=FINNISH_EVERY_NTH,
    every_nth_month={
        2: "joka toisen",
        3: "joka kolmannen",
        4: "joka neljännen",
        5: "joka viidennen",
        6: "joka kuudennen",
        7: "joka seitsemännen",
        8: "joka kahdeksannen",
        9: "joka yhdeksännen",
        10: "joka kymmenennen",
        11: "joka yhdennentoista",
        12: "joka kahdennentoista",
    },
    every_nth_year=FINNISH_EVERY_NTH,
    nth_in_month={
        1: "ensimmäisenä",
        2: "toisena",
        3: "kolmantena",
        4: "neljäntenä",
        5: "viidentenä",
        -1: "viimeisenä",
        -2: "toiseksi viimeisenä",
    },
    and_word="ja",
    mondays_to_fridays="arkipäivisin",
    daily="päivittäin",
    every_nth_day="{every} päivä",
    weekly_every_nth="{every} {days}",
    month_weekday="kuukauden {ordinals} {weekday}",
    month_weekday_every_nth="{every} kuukauden {ordinals} {weekday}",
    month_day="kuukauden {days} päivänä",
    month_day_every_nth="{every} kuukauden {days} päivänä",
    month_last_day="kuukauden viimeisenä päivänä",
    month_last_day_every_nth="{every} kuukauden viimeisenä päivänä",
    day_number="{day}.",
    yearly="vuosittain {date}",
    yearly_every_nth="{every} vuosi {date}",
    day_and_month="{day}.{month}.",
    full_date="{day}.{month}.{year}",
    occurrence_date="{weekday} {day}.{month}.{year}",
    time_on_the_hour="{hour}",
    time="{hour}.{minute2}",
    at_time="{when} klo {time}",
    until="{date} asti",
    times="{count} kertaa",
    once="kerran",
    repeats="toistuu säännöllisesti, ensimmäisen kerran {first}",
)

SWEDISH = Words(
    weekdays_plural=(
        "måndagar",
        "tisdagar",
        "onsdagar",
        "torsdagar",
        "fredagar",
        "lördagar",
        "söndagar",
    ),
    weekdays_single=("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    weekdays_in_month=(
        "måndagen",
        "tisdagen",
        "onsdagen",
        "torsdagen",
        "fredagen",
        "lördagen",
        "söndagen",
    ),
    weekdays_short=("mån", "tis", "ons", "tors", "fre", "lör", "sön"),
    month_names=(
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ),
    month_names_short=(
        "jan",
        "feb",
        "mars",
        "apr",
        "maj",
        "juni",
        "juli",
        "aug",
        "sep",
        "okt",
        "nov",
        "dec",
    ),
    every_nth=SWEDISH_EVERY_NTH,
    # "månad" is of common gender, as "dag" and "vecka" are.
    every_nth_month=SWEDISH_EVERY_NTH,
    # "år" is neuter: vartannat år, vart tredje år.
    every_nth_year={
        2: "vartannat",
        3: "vart tredje",
        4: "vart fjärde",
        5: "vart femte",
        6: "vart sjätte",
        7: "vart sjunde",
        8: "vart åttonde",
        9: "vart nionde",
        10: "vart tionde",
        11: "vart elfte",
        12: "vart tolfte",
    },
    nth_in_month={
        1: "första",
        2: "andra",
        3: "tredje",
        4: "fjärde",
        5: "femte",
        -1: "sista",
        -2: "näst sista",
    },
    and_word="och",
    mondays_to_fridays="vardagar",
    daily="dagligen",
    every_nth_day="{every} dag",
    weekly_every_nth="{every} {days}",
    month_weekday="{ordinals} {weekday} i månaden",
    month_weekday_every_nth="{ordinals} {weekday} {every} månad",
    month_day="den {days} i månaden",
    month_day_every_nth="den {days} {every} månad",
    month_last_day="sista dagen i månaden",
    month_last_day_every_nth="sista dagen {every} månad",
    day_number="{day}",
    yearly="årligen {date}",
    yearly_every_nth="{every} år {date}",
    day_and_month="{day}.{month}.",
    full_date="{day}.{month}.{year}",
    occurrence_date="{weekday} {day}.{month}.{year}",
    time_on_the_hour="{hour}",
    time="{hour}.{minute2}",
    at_time="{when} kl. {time}",
    until="till {date}",
    times="{count} gånger",
    once="en gång",
    repeats="återkommer regelbundet, första gången {first}",
)

ENGLISH = Words(
    weekdays_plural=(
        "Mondays",
        "Tuesdays",
        "Wednesdays",
        "Thursdays",
        "Fridays",
        "Saturdays",
        "Sundays",
    ),
    weekdays_single=ENGLISH_WEEKDAYS,
    weekdays_in_month=ENGLISH_WEEKDAYS,
    weekdays_short=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    month_names=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    month_names_short=(
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    ),
    every_nth=ENGLISH_EVERY_NTH,
    every_nth_month=ENGLISH_EVERY_NTH,
    every_nth_year=ENGLISH_EVERY_NTH,
    nth_in_month={
        1: "first",
        2: "second",
        3: "third",
        4: "fourth",
        5: "fifth",
        -1: "last",
        -2: "second-to-last",
    },
    and_word="and",
    mondays_to_fridays="weekdays",
    daily="daily",
    every_nth_day="{every} day",
    weekly_every_nth="{every} {days}",
    month_weekday="{ordinals} {weekday} of the month",
    month_weekday_every_nth="{ordinals} {weekday} of {every} month",
    month_day="the {days} of the month",
    month_day_every_nth="the {days} of {every} month",
    month_last_day="the last day of the month",
    month_last_day_every_nth="the last day of {every} month",
    day_number="{day}{suffix}",
    yearly="every year on {date}",
    yearly_every_nth="{every} year on {date}",
    day_and_month="{day} {month_name}",
    full_date="{day} {month_name} {year}",
    occurrence_date="{weekday} {day} {month_short} {year}",
    time_on_the_hour="{hour2}:{minute2}",
    time="{hour2}:{minute2}",
    at_time="{when} {time}",
    until="until {date}",
    times="{count} times",
    once="once",
    repeats="repeats regularly, first on {first}",
)

LANGUAGES = {"fi": FINNISH, "sv": SWEDISH, "en": ENGLISH}


def english_suffix(day: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd … 31st."""
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
