from argparse import ArgumentParser

from django.core.management.base import BaseCommand
from tqdm import tqdm

from jarjestokartta.directory.models import Organization
from jarjestokartta.events.models import Event
from jarjestokartta.search import analysis
from jarjestokartta.search.index import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the whole search index (after new analysis rules, or area or theme renames)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--no-progress", action="store_true", help="do not show the progress bar"
        )

    def handle(self, *args: str, no_progress: bool, **options: object) -> None:
        if not analysis.voikko_available():
            self.stderr.write("Voikko is not available: Finnish words are only stemmed.")
        total = Organization.objects.count() + Event.objects.count()
        with tqdm(total=total, unit=" records", disable=True if no_progress else None) as bar:
            organizations, events = rebuild_index(progress=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Indexed {organizations} organisations."))
        self.stdout.write(self.style.SUCCESS(f"Indexed {events} activities and events."))
