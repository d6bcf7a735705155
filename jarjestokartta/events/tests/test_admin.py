"""The events admin as an editor uses it: an activity added by its weekdays and times, and one
occurrence cancelled from the select of the coming ones."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jarjestokartta.accounts.tests.helpers import ready_for_admin
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.events.choices import EventStatus
from jarjestokartta.events.form_fields import show_date
from jarjestokartta.events.models import Event, Occurrence, OccurrenceChange
from jarjestokartta.events.repetition import WEEKDAYS
from jarjestokartta.events.tests.factories import WeeklyActivityFactory, local
from jarjestokartta.geography.models import Area

pytestmark = pytest.mark.django_db
ADD = "/admin/events/event/add/"
NO_CHANGES = {
    "changes-TOTAL_FORMS": "0",
    "changes-INITIAL_FORMS": "0",
    "changes-MIN_NUM_FORMS": "0",
    "changes-MAX_NUM_FORMS": "1000",
}


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("toimittaja", "t@example.fi", "salasana-123")
    ready_for_admin(user)
    client.force_login(user)
    return client


def _family_cafe(organizer, first_day, **changes):
    """The add form as filled in for a weekly family café at Kuopio's family house."""
    return {
        "kind": "activity",
        "name": "Perhekahvila",
        "slug": "perhekahvila",
        "organizer": organizer.pk,
        "channel": "place",
        "place_name": "Perhetalo",
        "postal_code": "70100",
        "municipality": Area.objects.get(classification="municipality", code="297").pk,
        "registration": "not_needed",
        "status": "scheduled",
        "is_free": "on",
        "is_published": "on",
        "first_date": show_date(first_day),
        "start_time": "9.30",
        "end_time": "11.30",
        "repeat": "weekly",
        "weekdays": [WEEKDAYS[first_day.weekday()]],
        "interval": "1",
        "nth": "1",
        "nth_weekday": "MO",
        "ends": "count",
        "count": "4",
        **NO_CHANGES,
        **changes,
    }


def test_the_add_form_offers_the_schedule_in_finnish_headings(editor):
    html = editor.get(ADD).content.decode()
    headings = ["Perustiedot", "Aika", "Paikka", "Osallistuminen", "Saavutettavuus"]
    headings += ["Ilmoittautuminen", "Kuva", "Julkaisu"]
    positions = [html.index(f">{heading}<") for heading in headings]
    assert positions == sorted(positions)
    assert 'name="weekdays" value="TU"' in html
    assert 'name="rrule"' not in html


def test_an_editor_adds_a_weekly_activity_and_its_occurrences_are_stored(
    editor, django_capture_on_commit_callbacks
):
    first_day = timezone.localdate() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(ADD, _family_cafe(OrganizationFactory(), first_day))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug="perhekahvila")
    assert event.rrule == f"FREQ=WEEKLY;BYDAY={WEEKDAYS[first_day.weekday()]};COUNT=4"
    starts = [event.local(o.start) for o in Occurrence.objects.filter(event=event)]
    assert [start.date() for start in starts] == [first_day + timedelta(weeks=n) for n in range(4)]
    assert {(start.hour, start.minute) for start in starts} == {(9, 30)}


def test_bad_input_in_the_admin_is_named_in_finnish_and_nothing_is_saved(editor):
    first_day = timezone.localdate() + timedelta(days=1)
    data = _family_cafe(OrganizationFactory(), first_day, weekdays=[], municipality="")
    response = editor.post(ADD, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Valitse ainakin yksi viikonpäivä." in html
    assert "Valitse paikan kunta." in html
    assert not Event.objects.exists()


def test_an_editor_cancels_one_coming_occurrence_from_the_select(
    editor, django_capture_on_commit_callbacks
):
    soon = timezone.localtime() + timedelta(days=2)
    start = local(soon.year, soon.month, soon.day, 17)
    event = WeeklyActivityFactory(
        start=start, end=start + timedelta(hours=2), rrule="FREQ=WEEKLY;COUNT=10"
    )
    page = f"/admin/events/event/{event.pk}/change/"
    html = editor.get(page).content.decode()
    second = event.local(start + timedelta(weeks=1))
    key = second.strftime("%Y-%m-%dT%H:%M")
    assert f'value="{key}"' in html
    form = editor.get(page).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(
        {name: value.pk for name, value in data.items() if hasattr(value, "pk")},
        first_date=show_date(start.date()),
        start_time="17.00",
        end_time="19.00",
        **{"changes-TOTAL_FORMS": "1", "changes-INITIAL_FORMS": "0"},
        **{"changes-MIN_NUM_FORMS": "0", "changes-MAX_NUM_FORMS": "1000"},
        **{"changes-0-occurrence": key, "changes-0-status": "cancelled"},
        **{"changes-0-note": "Ohjaaja on lomalla", "changes-0-event": str(event.pk)},
    )
    for name in ("co_organizers", "themes", "target_groups"):
        data[name] = [item.pk if hasattr(item, "pk") else item for item in data.get(name, [])]
    data = {name: value for name, value in data.items() if value not in (False, "")}
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(page, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    change = OccurrenceChange.objects.get(event=event)
    assert (change.original_start, change.status) == (
        start + timedelta(weeks=1),
        EventStatus.CANCELLED,
    )
    stored = Occurrence.objects.get(event=event, original_start=change.original_start)
    assert (stored.status, stored.note) == (EventStatus.CANCELLED, "Ohjaaja on lomalla")
