"""The admin's event form: the schedule chosen from weekdays and times, written as an RRULE,
filled back when edited, and every bad input refused with its Finnish message."""

from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from jarjestokartta.directory.tests.factories import BodyFactory, OrganizationFactory
from jarjestokartta.events.admin_forms import SCHEDULE_FIELDS, EventAdminForm
from jarjestokartta.events.choices import EventKind
from jarjestokartta.events.models import Event
from jarjestokartta.events.tests.factories import WeeklyActivityFactory, local
from jarjestokartta.events.validation import event_problems
from jarjestokartta.geography.models import Area

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _finnish():
    with translation.override("fi"):
        yield


@pytest.fixture
def organizer():
    return OrganizationFactory()


def _data(organizer, **changes):
    """A one-off online event on Tuesday 8.12.2026 at 17–19, as the form is filled in."""
    data = {
        "kind": EventKind.EVENT,
        "name": "Perhekahvila",
        "slug": "perhekahvila",
        "popolo_id": "event-perhekahvila",
        "organizer": organizer.pk,
        "channel": "online",
        "online_url": "https://example.org/kahvila",
        "registration": "not_needed",
        "status": "scheduled",
        "is_free": "on",
        "is_published": "on",
        "first_date": "8.12.2026",
        "start_time": "17.00",
        "end_time": "19.00",
        "repeat": "none",
        "interval": "1",
        "nth": "1",
        "nth_weekday": "TU",
        "ends": "never",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _saved(data, instance=None):
    form = EventAdminForm(data=data, instance=instance)
    assert form.is_valid(), form.errors
    return form.save()


def _errors(data, instance=None):
    form = EventAdminForm(data=data, instance=instance)
    assert not form.is_valid()
    assert Event.objects.count() == (0 if instance is None else 1)
    return form.errors


def test_it_writes_a_one_off_in_finnish_time(organizer):
    event = _saved(_data(organizer))
    assert (event.start, event.end, event.rrule) == (
        local(2026, 12, 8, 17),
        local(2026, 12, 8, 19),
        "",
    )


def test_it_reads_iso_dates_and_times_as_well(organizer):
    event = _saved(_data(organizer, first_date="2026-12-08", start_time="17:30", end_time=None))
    assert (event.start, event.end) == (local(2026, 12, 8, 17, 30), None)


def test_it_takes_a_length_instead_of_an_end_past_midnight(organizer):
    event = _saved(_data(organizer, start_time="22.00", end_time=None, duration_minutes="180"))
    assert event.end == local(2026, 12, 9, 1)


def test_it_writes_weekly_on_two_weekdays_every_other_week_until_a_date(organizer):
    data = _data(
        organizer,
        repeat="weekly",
        weekdays=["TH", "TU"],
        interval="2",
        ends="until",
        until="31.5.2027",
    )
    event = _saved(data)
    assert event.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270531T235959"


def test_it_writes_monthly_on_the_first_tuesday_six_times(organizer):
    data = _data(
        organizer, first_date="1.12.2026", repeat="monthly_weekday", nth="1", nth_weekday="TU"
    )
    event = _saved({**data, "ends": "count", "count": "6"})
    assert event.rrule == "FREQ=MONTHLY;BYDAY=1TU;COUNT=6"
    assert len(event.schedule().starts_between(datetime(2026, 1, 1), datetime(2028, 1, 1))) == 6


def test_it_writes_monthly_on_the_last_friday(organizer):
    data = _data(
        organizer, first_date="25.12.2026", repeat="monthly_weekday", nth="-1", nth_weekday="FR"
    )
    assert _saved(data).rrule == "FREQ=MONTHLY;BYDAY=-1FR"


def test_it_writes_monthly_on_the_fifteenth(organizer):
    data = _data(organizer, first_date="15.12.2026", repeat="monthly_day", month_day="15")
    assert _saved(data).rrule == "FREQ=MONTHLY;BYMONTHDAY=15"


def test_it_writes_dates_left_out_and_extra_dates_at_the_start_time(organizer):
    data = _data(
        organizer,
        repeat="weekly",
        weekdays=["TU"],
        exdates_text="22.12.2026\n29.12.2026",
        rdates_text="7.1.2027\n8.1.2027 12.00",
    )
    event = _saved(data)
    assert event.exdates == ["2026-12-22T17:00:00", "2026-12-29T17:00:00"]
    assert event.rdates == ["2027-01-07T17:00:00", "2027-01-08T12:00:00"]


def test_it_fills_the_choices_back_when_an_event_is_edited(organizer):
    data = _data(
        organizer,
        repeat="weekly",
        weekdays=["TU", "TH"],
        interval="2",
        ends="until",
        until="31.5.2027",
        exdates_text="22.12.2026",
        rdates_text="8.1.2027 12.00",
    )
    event = _saved(data)
    form = EventAdminForm(instance=Event.objects.get(pk=event.pk))
    shown = {name: form[name].value() for name in SCHEDULE_FIELDS}
    assert shown["first_date"].day == 8
    assert form["first_date"].as_widget().count('value="8.12.2026"') == 1
    assert (shown["start_time"].hour, shown["end_time"].hour) == (17, 19)
    assert (shown["repeat"], shown["weekdays"], shown["interval"]) == ("weekly", ["TU", "TH"], 2)
    assert (shown["ends"], form["until"].as_widget().count('value="31.5.2027"')) == ("until", 1)
    assert (shown["exdates_text"], shown["rdates_text"]) == ("22.12.2026", "8.1.2027 12.00")


def test_it_saves_an_edit_without_changes_to_the_same_schedule(organizer):
    data = _data(
        organizer, first_date="1.12.2026", repeat="monthly_weekday", nth="1", nth_weekday="TU"
    )
    event = _saved({**data, "ends": "count", "count": "6"})
    form = EventAdminForm(instance=event)
    resubmitted = {**data, **{name: form[name].value() for name in ("nth", "ends", "count")}}
    again = _saved({**resubmitted, "first_date": "1.12.2026"}, instance=event)
    assert (again.rrule, again.start) == ("FREQ=MONTHLY;BYDAY=1TU;COUNT=6", event.start)


def test_it_keeps_a_rule_it_cannot_show_and_says_so(organizer):
    event = WeeklyActivityFactory(
        organizer=organizer,
        rrule="FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=-1",
        start=local(2026, 10, 29, 17),
        end=local(2026, 10, 29, 19),
    )
    form = EventAdminForm(instance=event)
    assert form["repeat"].value() == "keep"
    assert form["current_rule"].value() == "FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=-1"
    assert "säilytetään" in str(form["current_rule"].help_text)
    data = _data(organizer, slug=event.slug, popolo_id=event.popolo_id, first_date="29.10.2026")
    edited = _saved({**data, "repeat": "keep", "name": "Uusi nimi"}, instance=event)
    assert (edited.name, edited.rrule) == ("Uusi nimi", "FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=-1")


def test_it_replaces_a_rule_it_cannot_show_only_when_another_is_chosen(organizer):
    event = WeeklyActivityFactory(organizer=organizer, rrule="FREQ=YEARLY")
    data = _data(organizer, slug=event.slug, popolo_id=event.popolo_id, first_date="6.10.2026")
    edited = _saved({**data, "repeat": "weekly", "weekdays": ["TU"]}, instance=event)
    assert edited.rrule == "FREQ=WEEKLY;BYDAY=TU"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"end_time": "16.00"}, "end_time", "Loppu on ennen alkua"),
        ({"first_date": "31.2.2026"}, "first_date", "Kirjoita päivämäärä muodossa p.k.vvvv"),
        ({"start_time": "25.00"}, "start_time", "Kirjoita kellonaika muodossa hh.mm"),
        ({"first_date": ""}, "first_date", "Anna ensimmäisen kerran päivämäärä."),
        ({"repeat": "weekly"}, "weekdays", "Valitse ainakin yksi viikonpäivä."),
        ({"repeat": "weekly", "weekdays": ["TU"], "interval": "0"}, "interval", "Anna luku 1–52."),
        ({"repeat": "weekly", "weekdays": ["TU"], "interval": "53"}, "interval", "Anna luku 1–52."),
        (
            {"repeat": "weekly", "weekdays": ["TU"], "ends": "count", "count": "1001"},
            "count",
            "Anna luku 1–1000.",
        ),
        ({"repeat": "monthly_day", "month_day": "32"}, "month_day", "Anna luku 1–31."),
        (
            {"repeat": "weekly", "weekdays": ["TU"], "ends": "until", "until": "1.12.2026"},
            "until",
            "Toisto päättyy ennen ensimmäistä kertaa",
        ),
        (
            {"repeat": "weekly", "weekdays": ["WE"]},
            "first_date",
            "8.12.2026 ei ole toiston päivä",
        ),
        (
            {"repeat": "weekly", "weekdays": ["TU"], "exdates_text": "23.12.2026"},
            "exdates_text",
            "23.12.2026 ei ole toiston päivä, joten sitä ei voi jättää pois.",
        ),
        ({"exdates_text": "jouluaatto"}, "exdates_text", "jouluaatto ei ole päivämäärä"),
        ({"channel": "place"}, "municipality", "Valitse paikan kunta."),
        ({"online_url": ""}, "online_url", "Anna linkki, jonka kautta osallistutaan verkossa."),
        ({"price": "5 €"}, "price", "merkitty maksuttomaksi"),
        ({"image_url": "https://example.org/kuva.jpg"}, "image_alt", "Kuvaile, mitä kuvassa on"),
        ({"registration": "required"}, "registration_url", "Ilmoittautuminen vaaditaan"),
        ({"postal_code": "7010"}, "postal_code", "Postinumero on viisi numeroa"),
        ({"languages": ["fi", "xx"]}, "languages", "xx"),
        ({"kind": "meeting"}, "body", "Kokoukselle tarvitaan yhteistyöelin"),
    ],
)
def test_it_refuses_bad_input_with_a_finnish_message_and_saves_nothing(
    organizer, changes, field, message
):
    errors = _errors(_data(organizer, **changes))
    assert field in errors
    assert any(message in text for text in errors[field]), errors[field]


def test_it_refuses_a_body_on_an_event_and_a_meeting_of_an_association(organizer):
    network = BodyFactory()
    on_event = _errors(_data(organizer, body=network.pk))["body"]
    assert any("Vain kokouksella on yhteistyöelin" in text for text in on_event)
    association = OrganizationFactory(name="Kuopion Yhdistys ry")
    on_meeting = _errors(_data(organizer, kind="meeting", body=association.pk))["body"]
    assert any("Kuopion Yhdistys ry ei ole yhteistyöelin" in text for text in on_meeting)


def test_it_shows_words_instead_of_a_constraint_name(organizer):
    form = EventAdminForm(data=_data(organizer, price="5 €"))
    assert not form.is_valid()
    assert "__all__" not in form.errors


def test_it_saves_a_place_with_its_municipality(organizer):
    kuopio = Area.objects.get(classification="municipality", code="297")
    data = _data(organizer, channel="place", municipality=kuopio.pk, postal_code="70100")
    assert _saved(data).municipality == kuopio


def test_it_refuses_a_postal_code_of_another_municipality(organizer):
    siilinjarvi = Area.objects.get(classification="municipality", code="749")
    data = _data(organizer, channel="place", municipality=siilinjarvi.pk, postal_code="70100")
    errors = _errors(data)["postal_code"]
    assert errors == ["Postinumeron 70100 kunta on Kuopio, ei Siilinjärvi."]


def test_it_says_the_saved_schedule_in_words(organizer):
    event = _saved(_data(organizer, repeat="weekly", weekdays=["TU"]))
    help_text = str(EventAdminForm(instance=event)["current_rule"].help_text)
    assert help_text.startswith("Sanoin: tiistaisin klo 17–19")


def test_it_shows_each_problem_once_when_event_clean_raises_them_too(organizer, monkeypatch):
    def clean(event):
        problems = event_problems(event)
        if problems:
            raise ValidationError(problems)

    # As Event.clean is to be wired to event_problems: its errors name rrule, not repeat.
    monkeypatch.setattr(Event, "clean", clean)
    event = WeeklyActivityFactory(
        organizer=organizer, rrule="FREQ=YEARLY;BYMONTH=10;UNTIL=20261031T235959"
    )
    data = _data(organizer, slug=event.slug, popolo_id=event.popolo_id, price="5 €")
    errors = _errors({**data, "repeat": "keep", "first_date": "1.11.2026"}, instance=event)
    assert errors["price"] == [
        "Se on merkitty maksuttomaksi, mutta sillä on hinta: poista hinta tai maksuttomuusmerkintä."
    ]
    assert len(errors["repeat"]) == 1 and errors["repeat"][0].startswith("Toistoa ei voi käyttää")
    assert "__all__" not in errors


def test_a_link_without_a_scheme_means_https(organizer):
    event = _saved(_data(organizer, online_url="example.org/kahvila"))
    assert event.online_url == "https://example.org/kahvila"
