"""The operator's full dump as Popolo JSON, written as the records are read.

A national database is hundreds of thousands of records: building the document first would
hold all of them, and their JSON, in memory at once. The records stream from the database
(exporter.iter_records) into the JSON text (public.json_chunks) a few hundred at a time.
"""

import contextlib
import os
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Model
from tqdm import tqdm

from jarjestokartta.directory.models import Organization
from jarjestokartta.geography.models import Area
from jarjestokartta.popolo import records
from jarjestokartta.popolo.exporter import iter_records, organization_records
from jarjestokartta.popolo.public import json_chunks
from jarjestokartta.structures.models import Membership, Person, Post

# Below this many records the export is over in a few seconds and a bar would only flicker.
PROGRESS_FROM = 10_000
# Organisations read from the database at a time, as the public export reads them.
CHUNK = 2000
# What the progress bar counts: the rows behind each collection of the document.
COUNTED: dict[str, type[Model]] = {
    "areas": Area,
    "organizations": Organization,
    "persons": Person,
    "posts": Post,
    "memberships": Membership,
}


class Command(BaseCommand):
    help = "Export the whole dataset as Popolo JSON (docs/popolo.md), private persons included."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="path to write, or - for standard output")
        parser.add_argument(
            "--no-progress", action="store_true", help="do not show the progress bar"
        )

    def handle(self, *args: Any, file: str, no_progress: bool, **options: Any) -> None:
        to_file = file != "-"
        total = sum(COUNTED[name]._default_manager.count() for name in records.COLLECTIONS)
        # On standard output the bar would sit beside the data in a terminal; tqdm also hides
        # itself when stderr is not a terminal (disable=None).
        shown = to_file and not no_progress and total >= PROGRESS_FROM
        written = dict.fromkeys(records.COLLECTIONS, 0)
        with tqdm(total=total, unit=" records", disable=None if shown else True) as bar:

            def counted(collection: str) -> Iterator[dict[str, Any]]:
                read = _organizations if collection == "organizations" else iter_records
                for record in read(collection):
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


def _organizations(collection: str = "organizations") -> Iterator[dict[str, Any]]:
    """The records iter_records("organizations") gives, in the same order, with each chunk's
    child rows read in seven plain queries (exporter.organization_records): Django's
    prefetch_related, which iter_records uses, builds a manager and a queryset per
    organisation and relation, and took four fifths of the export's time (10,000
    organisations)."""
    batch: list[Organization] = []
    loaded = Organization.objects.select_related("parent", "area").order_by("pk")
    for org in loaded.iterator(chunk_size=CHUNK):
        batch.append(org)
        if len(batch) == CHUNK:
            yield from organization_records(batch)
            batch = []
    if batch:
        yield from organization_records(batch)


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
