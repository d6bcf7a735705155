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
            if file == "-":
                text = sys.stdin.buffer.read().decode()
            else:
                # Read as text at once: the bytes and the text of a national file together
                # would be 270 MB held through the whole import.
                with open(file, encoding="utf-8") as handle:
                    text = handle.read()
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from None
        except UnicodeDecodeError as error:
            raise CommandError(f"{file}: the file is not UTF-8 text: {error}") from None

        # tqdm hides itself when stderr is not a terminal (disable=None). The total grows as
        # each collection is read: the file is read and written a collection at a time.
        with tqdm(total=0, unit=" records", disable=True if no_progress else None) as bar:

            def planned(count: int) -> None:
                bar.total = (bar.total or 0) + count
                bar.refresh()

            try:
                counts = popolo_import(text, progress=bar.update, planned=planned)
            except ImportProblems as error:
                bar.close()
                for problem in error.problems:
                    self.stderr.write(f"  {problem}")
                raise CommandError(
                    f"{file}: {len(error.problems)} problem(s) found; nothing was imported."
                ) from None

        total = sum(sum(found.values()) for found in counts.values())
        for collection in records.COLLECTIONS:
            found = counts[collection]
            if sum(found.values()):
                parts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(found.items()))
                self.stdout.write(f"{collection}: {parts}")
        self.stdout.write(self.style.SUCCESS(f"Imported {file}: {total} records."))
