"""The operator's full dump as Popolo JSON, written as the records are read.

A national database is hundreds of thousands of records: building the document first would
hold all of them, and their JSON, in memory at once. The records stream from the database
(exporter.iter_records, a chunk of rows and their nested lists in a few plain queries at a
time) into the JSON text (public.json_chunks) a few hundred records at a time.
"""

import contextlib
import os
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from jarjestokartta.popolo import records
from jarjestokartta.popolo.exporter import TABLE_OF, iter_records
from jarjestokartta.popolo.public import json_chunks

# Below this many records the export is over in a few seconds and a bar would only flicker.
PROGRESS_FROM = 10_000


class Command(BaseCommand):
    help = "Export the whole dataset as Popolo JSON (docs/popolo.md), private persons included."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="path to write, or - for standard output")
        parser.add_argument(
            "--no-progress", action="store_true", help="do not show the progress bar"
        )

    def handle(self, *args: Any, file: str, no_progress: bool, **options: Any) -> None:
        to_file = file != "-"
        # What the progress bar counts: the rows behind each collection of the document.
        total = sum(TABLE_OF[name]._default_manager.count() for name in records.COLLECTIONS)
        # On standard output the bar would sit beside the data in a terminal; tqdm also hides
        # itself when stderr is not a terminal (disable=None).
        shown = to_file and not no_progress and total >= PROGRESS_FROM
        written = dict.fromkeys(records.COLLECTIONS, 0)
        with tqdm(total=total, unit=" records", disable=None if shown else True) as bar:

            def counted(collection: str) -> Iterator[dict[str, Any]]:
                for record in iter_records(collection):
                    written[collection] += 1
                    bar.update()
                    yield record

            chunks = json_chunks({name: counted(name) for name in records.COLLECTIONS})
            if to_file:
                _write_file(file, chunks)
            else:
                for chunk in chunks:
                    self.stdout.write(chunk, ending="")
        counts = ", ".join(f"{count} {name}" for name, count in written.items())
        self.stderr.write(f"Exported {counts} to {file if to_file else 'standard output'}.")


def _write_file(file: str, chunks: Iterable[str]) -> None:
    """Write beside the target and rename at the end, so that a failed export (a full disk, a
    lost database connection, Ctrl-C) never leaves half a file, nor replaces a good one."""
    partial = f"{file}.partial"
    try:
        with open(partial, "w", encoding="utf-8") as handle:
            handle.writelines(chunks)
        os.replace(partial, file)
    except OSError as error:
        raise CommandError(f"cannot write {file}: {error.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(partial)
