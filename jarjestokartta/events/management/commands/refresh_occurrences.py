from typing import Any

from django.core.management.base import BaseCommand

from jarjestokartta.events import occurrences


class Command(BaseCommand):
    help = (
        "Store the occurrences of every published activity and event anew over the horizon "
        "(EVENTS_HORIZON_DAYS ahead, EVENTS_KEEP_DAYS back). Run daily, e.g. from cron, so the "
        "horizon moves on; changes made to single occurrences are kept."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        stored = occurrences.store()
        self.stdout.write(f"Stored {stored} occurrences.")
