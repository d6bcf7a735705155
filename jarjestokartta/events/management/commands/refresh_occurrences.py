import time
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from jarjestokartta.events import occurrences

# At night, when few edit: storing every occurrence anew holds the write lock for a while.
# Two o'clock exists exactly once every day in Finland: the clocks change at three and four.
RUN_AT_HOUR = 2


def seconds_until_next_run(now: datetime) -> float:
    """Seconds from `now` (aware) to the next RUN_AT_HOUR o'clock in the site's time zone."""
    local = timezone.localtime(now)
    next_run = local.replace(hour=RUN_AT_HOUR, minute=0, second=0, microsecond=0)
    if next_run <= local:
        next_run = timezone.make_aware(next_run.replace(tzinfo=None) + timedelta(days=1))
    # Subtracting two times of the same zone would ignore a daylight-saving change between.
    return (next_run.astimezone(UTC) - now.astimezone(UTC)).total_seconds()


class Command(BaseCommand):
    help = (
        "Store the occurrences of every published activity and event anew over the horizon "
        "(EVENTS_HORIZON_DAYS ahead, EVENTS_KEEP_DAYS back), so that the horizon moves on; "
        "changes made to single occurrences are kept. With --daily it stays running and does "
        "so every night at 2 o'clock (make run starts it so)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--daily", action="store_true", help="Keep running and refresh every night."
        )

    def handle(self, *args: Any, daily: bool = False, **options: Any) -> None:
        self.refresh()
        while daily:
            time.sleep(seconds_until_next_run(timezone.now()))
            self.refresh()

    def refresh(self) -> None:
        started = time.monotonic()
        stored = occurrences.store()
        seconds = time.monotonic() - started
        self.stdout.write(f"Stored {stored} occurrences in {seconds:.1f} s.")
