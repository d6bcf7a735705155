"""Reading a Popolo JSON file into the database: all of it, or nothing.

`popolo_import` reads a file a collection at a time, the events a chunk at a time (parsing.py),
checks each — its own rules (rules.py), its references to what the file defined before it and
to what the database already holds (checking.py), and to what a later chunk defines
(spanning.py) — and writes it in one transaction: new records in batches
(creating.py), changed ones through their models (updating.py), areas matched to the reference
geography (areas.py). Records that are already as the file says are left untouched.
"""

from collections import Counter
from collections.abc import Callable, Iterator

from django.db import transaction

from jarjestokartta.core.bulk import sqlite_page_cache
from jarjestokartta.core.vocabulary import kind_code
from jarjestokartta.events import occurrences
from jarjestokartta.popolo import checking, creating, exporter, updating
from jarjestokartta.popolo.areas import write_areas
from jarjestokartta.popolo.checking import ImportProblems
from jarjestokartta.popolo.parsing import (
    Chunks,
    UnreadableFile,
    in_writing_order,
    read_collections,
)
from jarjestokartta.popolo.reading import Source
from jarjestokartta.popolo.records import COLLECTIONS, Record, of_type
from jarjestokartta.popolo.records import Area as AreaRecord
from jarjestokartta.popolo.records import Organization as OrgRecord
from jarjestokartta.popolo.resolving import TABLES, Resolver
from jarjestokartta.popolo.rules import Document, collection_problems
from jarjestokartta.popolo.spanning import Spanning
from jarjestokartta.search.index import bulk_write, events_changed

__all__ = ["ImportProblems", "popolo_import"]


def popolo_import(
    source: Source,
    *,
    progress: Callable[[int], object] = lambda n: None,
    planned: Callable[[int], object] = lambda n: None,
) -> dict[str, Counter[str]]:
    """Check and write a file in one transaction: all of it, or nothing and ImportProblems.

    `source` is the text, its bytes, or a binary stream (a national file's text held whole is
    over a gigabyte). Each collection is written as soon as it has been read and checked, the
    events a chunk at a time (parsing.CHUNKED), so that only one collection's or chunk's
    records are held at a time (all of a national file at once took 3.4 GB). A problem
    anywhere means nothing is kept: writing stops at the first problem, reading goes on so
    that every problem is reported, and the transaction is rolled back. `planned` is told how
    many records each collection or chunk brings, `progress` how many have been written.
    """
    problems: list[str] = []
    counts: dict[str, Counter[str]] = {collection: Counter() for collection in COLLECTIONS}
    resolver = Resolver()
    defined: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}  # the organisations' kinds by id, for the meetings' bodies
    # The search index and the data version are brought up to date once, at the end, inside
    # the same transaction.
    with sqlite_page_cache(), transaction.atomic(), bulk_write():
        for collection, chunks in _checked_in_order(source, problems):
            spanning = Spanning(collection)
            written: list[int] = []  # the pks created or changed
            count = _counter(counts[collection], progress)
            for items in chunks:
                planned(len(items))
                part = Document(defined_elsewhere=defined)
                part.records[collection] = items
                problems += collection_problems(part)
                dangling = part.dangling()
                known = checking.known_ids(dangling)
                missing = dangling[collection] - known[collection]
                known[collection] |= spanning.later(part, missing)
                problems += part.reference_problems(known)
                problems += checking.database_problems(part)
                problems += checking.meeting_body_problems(part, kinds)
                defined.setdefault(collection, set()).update(record.id for record in items)
                spanning.read(items)
                if collection == "organizations":
                    kinds.update(
                        (org.id, kind_code(org.classification)) for org in part.of(OrgRecord)
                    )
                if not problems:
                    ready = spanning.writable(items, resolver.pks.get(collection, {}))
                    written += _write(collection, ready, resolver, count)
                del part, items  # before the next chunk is read
            problems += spanning.problems()
            if not problems:
                creating.refresh_statistics(collection, counts[collection]["created"])
            if collection == "events" and not problems:
                # Rows written without save() send no signal: their occurrences are stored
                # here, in bulk, for the events created and those changed (an unchanged one
                # keeps its rows), once for all the chunks (into an empty table its indexes are
                # then made once). Indexed once, when bulk_write ends, as the organisations are.
                occurrences.store(written)
                events_changed(written)
        if problems:
            raise ImportProblems(problems)
    return counts


def _write(
    collection: str, items: list[Record], resolver: Resolver, count: Callable[[str], None]
) -> list[int]:
    """Write the records; the pks of those created or changed."""
    if collection == "areas":
        write_areas(of_type(AreaRecord, items), resolver, count)
        return []
    ids = [record.id for record in items]
    existing = checking.existing(TABLES[collection], ids, exporter.queryset(collection))
    # New records first, in batches: existing ones may now point at them.
    created = [r for r in items if r.id not in existing]
    creating.create(collection, created, resolver, count)
    changed = updating.update(
        collection, [r for r in items if r.id in existing], existing, resolver, count
    )
    return [resolver.pks[collection][record.id] for record in created] + changed


def _counter(counts: Counter[str], progress: Callable[[int], object]) -> Callable[[str], None]:
    def count(outcome: str) -> None:
        counts[outcome] += 1
        progress(1)

    return count


def _checked_in_order(source: Source, problems: list[str]) -> Iterator[tuple[str, Chunks]]:
    """The collections to write in turn; a file that cannot be read further is a problem, and
    nothing more is read after it (from the collection or its chunks)."""
    broken = False

    def guarded(chunks: Chunks) -> Chunks:
        nonlocal broken
        try:
            yield from chunks
        except UnreadableFile as error:
            problems.append(str(error))
            broken = True

    try:
        for collection, chunks in in_writing_order(read_collections(source, problems)):
            yield collection, guarded(chunks)
            if broken:
                return
    except UnreadableFile as error:
        problems.append(str(error))
