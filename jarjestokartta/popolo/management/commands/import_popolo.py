import sys
from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from jarjestokartta.popolo import records
from jarjestokartta.popolo.importer import ImportProblems, popolo_import


class Command(BaseCommand):
    help = "Import a Popolo JSON file (docs/popolo.md): everything or, on any problem, nothing."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="path of the JSON file, or - for standard input")
        parser.add_argument(
            "--no-progress", action="store_true", help="do not show the progress bar"
        )

    def handle(self, *args: str, file: str, no_progress: bool, **options: object) -> None:
        try:
            # Streamed, a block at a time: the text of a national file held whole would be
            # over a gigabyte through the whole import (parsing.py reads a chunk at a time).
            source = sys.stdin.buffer if file == "-" else open(file, "rb")  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from None

        # tqdm hides itself when stderr is not a terminal (disable=None). The total grows as
        # each collection is read: the file is read and written a collection at a time.
        with tqdm(total=0, unit=" records", disable=True if no_progress else None) as bar:

            def planned(count: int) -> None:
                bar.total = (bar.total or 0) + count
                bar.refresh()

            try:
                counts = popolo_import(source, progress=bar.update, planned=planned)
            except ImportProblems as error:
                bar.close()
                for problem in error.problems:
                    self.stderr.write(f"  {problem}")
                raise CommandError(
                    f"{file}: {len(error.problems)} problem(s) found; nothing was imported."
                ) from None
            except OSError as error:  # a read that fails half-way
                raise CommandError(f"cannot read {file}: {error.strerror}") from None
            finally:
                if file != "-":
                    source.close()

        total = sum(sum(found.values()) for found in counts.values())
        for collection in records.COLLECTIONS:
            found = counts[collection]
            if sum(found.values()):
                parts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(found.items()))
                self.stdout.write(f"{collection}: {parts}")
        self.stdout.write(self.style.SUCCESS(f"Imported {file}: {total} records."))
