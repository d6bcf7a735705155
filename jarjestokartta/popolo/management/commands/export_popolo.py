import json
import os

from django.core.management.base import BaseCommand, CommandError

from jarjestokartta.popolo.exporter import export_document


class Command(BaseCommand):
    help = "Export the whole dataset as Popolo JSON (docs/popolo.md), private persons included."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="path to write, or - for standard output")

    def handle(self, *args, file: str, **options) -> None:
        document = export_document()
        text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        if file == "-":
            self.stdout.write(text, ending="")
            return
        try:
            # Write beside the target and rename, so a failed export never leaves half a file.
            partial = f"{file}.partial"
            with open(partial, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(partial, file)
        except OSError as error:
            raise CommandError(f"cannot write {file}: {error.strerror}") from None
        counts = ", ".join(f"{len(items)} {name}" for name, items in document.items())
        self.stderr.write(f"Exported {counts} to {file}.")
