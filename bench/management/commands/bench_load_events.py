"""BENCH ONLY: write the synthetic Finland's events straight into the database
(bench/event_loading.py), for as long as the Popolo import does not read them."""

import json

from django.core.management.base import BaseCommand

from bench.event_loading import load_events


class Command(BaseCommand):
    help = (
        "Write the events of a file written by generate_dataset as plain rows (bench only: "
        "no validation, history or search index) and print how many rows as JSON."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")

    def handle(self, *args, file: str, **options) -> None:
        self.stdout.write(json.dumps(load_events(file)))
