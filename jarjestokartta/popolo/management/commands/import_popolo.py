import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from jarjestokartta.popolo import records
from jarjestokartta.popolo.importer import ImportProblems, popolo_validate, popolo_write


class Command(BaseCommand):
    help = "Import a Popolo JSON file (docs/popolo.md): everything or, on any problem, nothing."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="path of the JSON file, or - for standard input")
        parser.add_argument(
            "--no-progress", action="store_true", help="do not show the progress bar"
        )

    def handle(self, *args, file: str, no_progress: bool, **options) -> None:
        try:
            if file == "-":
                text = sys.stdin.buffer.read()
            else:
                with open(file, "rb") as handle:
                    text = handle.read()
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from None

        try:
            document = popolo_validate(text)
            del text  # the records hold what is needed; a national file is 100+ MB of text
        except ImportProblems as error:
            for problem in error.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(
                f"{file}: {len(error.problems)} problem(s) found; nothing was imported."
            ) from None

        total = sum(len(items) for items in document.records.values())
        # tqdm hides itself when stderr is not a terminal (disable=None).
        with tqdm(total=total, unit=" records", disable=True if no_progress else None) as bar:
            counts = popolo_write(document, progress=bar.update)

        for collection in records.COLLECTIONS:
            found = counts[collection]
            if sum(found.values()):
                parts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(found.items()))
                self.stdout.write(f"{collection}: {parts}")
        self.stdout.write(self.style.SUCCESS(f"Imported {file}: {total} records."))
