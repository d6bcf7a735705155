"""The words for when something happens: plain pytest, no database."""

from datetime import datetime

import pytest

from jarjestokartta.events.phrasing import describe_occurrence, describe_schedule

# Tuesday 8.12.2026, 17–19: the family café.
TUESDAY_17 = datetime(2026, 12, 8, 17)
TUESDAY_19 = datetime(2026, 12, 8, 19)


def weekly(rrule, *, start=TUESDAY_17, end=TUESDAY_19, lang="fi"):
    return describe_schedule(start=start, end=end, rrule=rrule, lang=lang)


# Finnish --------------------------------------------------------------------------------------


def test_it_says_a_weekly_rhythm_with_its_hours():
    assert weekly("FREQ=WEEKLY;BYDAY=TU") == "tiistaisin klo 17–19"


def test_it_writes_minutes_after_a_dot():
    start = datetime(2026, 12, 8, 17, 30)
    assert weekly("FREQ=WEEKLY;BYDAY=TU", start=start) == "tiistaisin klo 17.30–19"
    assert weekly("FREQ=WEEKLY;BYDAY=TU", start=datetime(2026, 12, 8, 9, 5), end=None) == (
        "tiistaisin klo 9.05"
    )


def test_it_says_only_the_start_without_an_end():
    assert weekly("FREQ=WEEKLY;BYDAY=TU", end=None) == "tiistaisin klo 17"


def test_it_takes_the_weekday_from_the_start_when_the_rule_names_none():
    assert weekly("FREQ=WEEKLY") == "tiistaisin klo 17–19"


def test_it_joins_two_and_three_weekdays_as_finns_write_them():
    monday_10, monday_12 = datetime(2026, 12, 7, 10), datetime(2026, 12, 7, 12)
    two = weekly("FREQ=WEEKLY;BYDAY=MO,WE", start=monday_10, end=monday_12)
    three = weekly("FREQ=WEEKLY;BYDAY=FR,MO,WE", start=monday_10, end=monday_12)
    assert two == "maanantaisin ja keskiviikkoisin klo 10–12"
    assert three == "maanantaisin, keskiviikkoisin ja perjantaisin klo 10–12"


def test_it_says_monday_to_friday_as_weekdays():
    assert weekly("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR") == "arkipäivisin klo 17–19"
    assert weekly("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR") == "arkipäivisin klo 17–19"


@pytest.mark.parametrize(
    ("interval", "words"), [(2, "joka toinen"), (3, "joka kolmas"), (12, "joka kahdestoista")]
)
def test_it_says_every_nth_week(interval, words):
    rule = f"FREQ=WEEKLY;INTERVAL={interval};BYDAY=TU"
    assert weekly(rule) == f"{words} tiistai klo 17–19"


def test_it_says_every_other_week_on_two_days():
    monday = datetime(2026, 12, 7, 10)
    rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20270531T235959"
    assert weekly(rule, start=monday, end=monday.replace(hour=12)) == (
        "joka toinen maanantai ja keskiviikko klo 10–12, 31.5.2027 asti"
    )


def test_it_says_the_nth_weekday_of_the_month():
    first_tuesday = datetime(2026, 12, 1, 18)
    last_friday = datetime(2026, 12, 25, 18)
    assert weekly(
        "FREQ=MONTHLY;BYDAY=1TU", start=first_tuesday, end=first_tuesday.replace(hour=20)
    ) == ("kuukauden ensimmäisenä tiistaina klo 18–20")
    assert weekly("FREQ=MONTHLY;BYDAY=-1FR;COUNT=6", start=last_friday, end=None) == (
        "kuukauden viimeisenä perjantaina klo 18, 6 kertaa"
    )


def test_it_says_two_weekdays_of_every_other_month():
    first_tuesday = datetime(2026, 12, 1, 18)
    assert weekly("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TU,1TU", start=first_tuesday, end=None) == (
        "joka toisen kuukauden ensimmäisenä ja kolmantena tiistaina klo 18"
    )


def test_it_says_the_day_of_the_month():
    fifteenth = datetime(2026, 12, 15, 18)
    assert weekly("FREQ=MONTHLY;BYMONTHDAY=15", start=fifteenth, end=None) == (
        "kuukauden 15. päivänä klo 18"
    )
    assert weekly("FREQ=MONTHLY", start=fifteenth, end=None) == "kuukauden 15. päivänä klo 18"
    last = datetime(2026, 12, 31, 18)
    assert weekly("FREQ=MONTHLY;BYMONTHDAY=-1", start=last, end=None) == (
        "kuukauden viimeisenä päivänä klo 18"
    )


def test_it_says_daily_and_yearly():
    assert weekly("FREQ=DAILY") == "päivittäin klo 17–19"
    assert weekly("FREQ=DAILY;INTERVAL=2") == "joka toinen päivä klo 17–19"
    independence_day = datetime(2026, 12, 6, 18)
    assert weekly("FREQ=YEARLY", start=independence_day, end=None) == "vuosittain 6.12. klo 18"
    assert weekly(
        "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=6;INTERVAL=2", start=independence_day, end=None
    ) == ("joka toinen vuosi 6.12. klo 18")


def test_it_says_how_a_rule_ends():
    assert weekly("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270531T235959") == (
        "tiistaisin klo 17–19, 31.5.2027 asti"
    )
    assert weekly("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270531") == "tiistaisin klo 17–19, 31.5.2027 asti"
    assert weekly("FREQ=WEEKLY;BYDAY=TU;COUNT=6") == "tiistaisin klo 17–19, 6 kertaa"


def test_it_gives_the_last_day_an_occurrence_can_start_on():
    # Midnight of 1.6. lets no 17 o'clock group meet that day; 20:59 UTC is 23:59 in Helsinki.
    assert weekly("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601T000000").endswith(", 31.5.2027 asti")
    assert weekly("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270531T205959Z").endswith(", 31.5.2027 asti")
    assert weekly("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601T140000Z").endswith(", 1.6.2027 asti")


def test_it_says_a_whole_day_without_hours():
    midnight = datetime(2026, 12, 8)
    assert weekly("FREQ=WEEKLY;BYDAY=TU", start=midnight, end=None) == "tiistaisin"
    assert weekly("FREQ=WEEKLY;BYDAY=TU", start=midnight, end=datetime(2026, 12, 9)) == (
        "tiistaisin"
    )


def test_it_says_an_evening_to_midnight_as_24():
    evening = datetime(2026, 12, 8, 20)
    assert weekly("FREQ=WEEKLY;BYDAY=TU", start=evening, end=datetime(2026, 12, 9)) == (
        "tiistaisin klo 20–24"
    )


@pytest.mark.parametrize(
    "rrule",
    [
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "FREQ=HOURLY;INTERVAL=2",
        "FREQ=WEEKLY;BYDAY=TU;BYHOUR=17,19",
        "FREQ=WEEKLY;BYDAY=TU;BYMONTH=1,2,3,4,5,9,10,11,12",
        "FREQ=WEEKLY;INTERVAL=13;BYDAY=TU",
        "FREQ=MONTHLY;BYDAY=2TU,1WE",
        "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH",
        "FREQ=FORTNIGHTLY",
        "BYDAY=TU",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=WEEKLY;UNTIL=20270531;COUNT=3",
        "FREQ=WEEKLY;INTERVAL=0",
        "tiistaisin",
    ],
)
def test_it_falls_back_to_a_true_phrase_for_what_it_cannot_say(rrule):
    assert weekly(rrule) == "toistuu säännöllisesti, ensimmäisen kerran ti 8.12.2026 klo 17–19"


def test_it_does_not_call_a_monday_start_tuesdays():
    # RFC 5545 counts the start as an occurrence even off the rule's days.
    monday = datetime(2026, 12, 7, 17)
    assert weekly("FREQ=WEEKLY;BYDAY=TU", start=monday, end=None) == (
        "toistuu säännöllisesti, ensimmäisen kerran ma 7.12.2026 klo 17"
    )
    second_friday = datetime(2026, 12, 11, 18)
    assert weekly("FREQ=MONTHLY;BYDAY=-1FR", start=second_friday, end=None).startswith("toistuu")


def test_it_says_one_occurrence_when_the_rule_ends_at_its_start():
    assert weekly("FREQ=WEEKLY;BYDAY=TU;UNTIL=20261208T235959") == "ti 8.12.2026 klo 17–19"


def test_it_says_one_occurrence_without_a_rule():
    assert weekly("") == "ti 8.12.2026 klo 17–19"


def test_it_says_an_occurrence_with_its_weekday_and_date():
    assert describe_occurrence(start=TUESDAY_17, end=TUESDAY_19) == "ti 8.12.2026 klo 17–19"
    assert describe_occurrence(start=TUESDAY_17, end=None) == "ti 8.12.2026 klo 17"


def test_it_says_a_whole_day_occurrence_as_its_date():
    midnight = datetime(2026, 12, 8)
    assert describe_occurrence(start=midnight, end=None) == "ti 8.12.2026"
    assert describe_occurrence(start=midnight, end=datetime(2026, 12, 9)) == "ti 8.12.2026"


def test_it_says_an_occurrence_across_days_with_both_ends():
    start, end = datetime(2026, 9, 4, 10), datetime(2026, 9, 6, 16)
    assert describe_occurrence(start=start, end=end) == "pe 4.9.2026 klo 10 – su 6.9.2026 klo 16"
    whole_days = describe_occurrence(start=datetime(2026, 9, 4), end=datetime(2026, 9, 7))
    assert whole_days == "pe 4.9.2026 – su 6.9.2026"


def test_it_ignores_an_end_before_the_start():
    assert describe_occurrence(start=TUESDAY_19, end=TUESDAY_17) == "ti 8.12.2026 klo 19"


# Swedish and English --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rrule", "swedish", "english"),
    [
        ("FREQ=WEEKLY;BYDAY=TU", "tisdagar kl. 17–19", "Tuesdays 17:00–19:00"),
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
            "varannan tisdag kl. 17–19",
            "every other Tuesday 17:00–19:00",
        ),
        (
            "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270531T235959",
            "tisdagar kl. 17–19, till 31.5.2027",
            "Tuesdays 17:00–19:00, until 31 May 2027",
        ),
        (
            "FREQ=WEEKLY;BYDAY=TU;COUNT=6",
            "tisdagar kl. 17–19, 6 gånger",
            "Tuesdays 17:00–19:00, 6 times",
        ),
        ("FREQ=DAILY", "dagligen kl. 17–19", "daily 17:00–19:00"),
    ],
)
def test_it_says_weekly_rhythms_in_swedish_and_english(rrule, swedish, english):
    assert weekly(rrule, lang="sv") == swedish
    assert weekly(rrule, lang="en") == english


def test_it_says_the_nth_weekday_of_the_month_in_swedish_and_english():
    first_tuesday = datetime(2026, 12, 1, 18)
    last_friday = datetime(2026, 12, 25, 18)
    assert weekly("FREQ=MONTHLY;BYDAY=1TU", start=first_tuesday, end=None, lang="sv") == (
        "första tisdagen i månaden kl. 18"
    )
    assert weekly("FREQ=MONTHLY;BYDAY=1TU", start=first_tuesday, end=None, lang="en") == (
        "first Tuesday of the month 18:00"
    )
    assert weekly("FREQ=MONTHLY;BYDAY=-1FR", start=last_friday, end=None, lang="en") == (
        "last Friday of the month 18:00"
    )


def test_it_says_days_of_the_month_and_years_in_english_with_ordinals():
    first = datetime(2026, 12, 1, 18)
    assert weekly("FREQ=MONTHLY;BYMONTHDAY=1,22", start=first, end=None, lang="en") == (
        "the 1st and 22nd of the month 18:00"
    )
    independence_day = datetime(2026, 12, 6, 18)
    assert weekly("FREQ=YEARLY", start=independence_day, end=None, lang="sv") == (
        "årligen 6.12. kl. 18"
    )
    assert weekly("FREQ=YEARLY;INTERVAL=2", start=independence_day, end=None, lang="sv") == (
        "vartannat år 6.12. kl. 18"
    )
    assert weekly("FREQ=YEARLY", start=independence_day, end=None, lang="en") == (
        "every year on 6 December 18:00"
    )


def test_it_says_an_occurrence_in_swedish_and_english():
    assert describe_occurrence(start=TUESDAY_17, end=TUESDAY_19, lang="sv") == (
        "tis 8.12.2026 kl. 17–19"
    )
    assert describe_occurrence(start=TUESDAY_17, end=TUESDAY_19, lang="en") == (
        "Tue 8 Dec 2026 17:00–19:00"
    )
    start, end = datetime(2026, 9, 4, 10), datetime(2026, 9, 6, 16)
    assert describe_occurrence(start=start, end=end, lang="en") == (
        "Fri 4 Sep 2026 10:00 – Sun 6 Sep 2026 16:00"
    )


def test_it_falls_back_in_each_language():
    rule = "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2"
    assert weekly(rule, lang="sv") == (
        "återkommer regelbundet, första gången tis 8.12.2026 kl. 17–19"
    )
    assert weekly(rule, lang="en") == "repeats regularly, first on Tue 8 Dec 2026 17:00–19:00"


def test_it_reads_the_language_as_django_and_browsers_write_it():
    assert weekly("FREQ=WEEKLY;BYDAY=TU", lang="en-us") == "Tuesdays 17:00–19:00"
    assert weekly("FREQ=WEEKLY;BYDAY=TU", lang="sv_FI") == "tisdagar kl. 17–19"
    # An unknown language gets the site's first one rather than an error on a page.
    assert weekly("FREQ=WEEKLY;BYDAY=TU", lang="de") == "tiistaisin klo 17–19"
