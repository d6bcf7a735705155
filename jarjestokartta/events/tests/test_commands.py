from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from jarjestokartta.events.management.commands.refresh_occurrences import seconds_until_next_run
from jarjestokartta.events.models import Occurrence
from jarjestokartta.events.tests.factories import WeeklyActivityFactory, local

UTC = ZoneInfo("UTC")


@pytest.mark.django_db
def test_it_stores_every_published_events_occurrences_anew():
    event = WeeklyActivityFactory(rrule="FREQ=WEEKLY;BYDAY=TU")
    Occurrence.objects.all().delete()
    out = StringIO()
    call_command("refresh_occurrences", stdout=out)
    stored = Occurrence.objects.filter(event=event).count()
    assert stored > 50  # weekly, 400 days ahead
    assert f"Stored {stored} occurrences" in out.getvalue()


def test_it_waits_for_the_next_night_in_finnish_time():
    # 1.12.2026 22:00 UTC is 2.12. 00:00 in Helsinki: two hours to 02:00.
    assert seconds_until_next_run(datetime(2026, 12, 1, 22, 0, tzinfo=UTC)) == 2 * 3600
    # From 02:30 on the night summer time begins, the clock skips an hour on the way.
    assert seconds_until_next_run(local(2026, 3, 29, 2, 30)) == 22.5 * 3600
