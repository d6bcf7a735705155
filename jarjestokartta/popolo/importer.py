"""Reading a Popolo JSON file into the database: all of it, or nothing.

`popolo_import` reads a file a collection at a time (parsing.py), checks each — its own rules
(rules.py), and its references to what the file defined before it and to what the database
already holds (checking.py) — and writes it in one transaction: new records in batches
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
from jarjestokartta.popolo.parsing import UnreadableFile, in_writing_order, read_collections
from jarjestokartta.popolo.records import COLLECTIONS, Record, of_type
from jarjestokartta.popolo.records import Area as AreaRecord
from jarjestokartta.popolo.records import Organization as OrgRecord
from jarjestokartta.popolo.resolving import TABLES, Resolver
from jarjestokartta.popolo.rules import Document, collection_problems
from jarjestokartta.search.index import bulk_write, events_changed

__all__ = ["ImportProblems", "popolo_import"]


def popolo_import(
    text: str | bytes,
    *,
    progress: Callable[[int], object] = lambda n: None,
    planned: Callable[[int], object] = lambda n: None,
) -> dict[str, Counter[str]]:
    """Check and write a file in one transaction: all of it, or nothing and ImportProblems.

    Each collection is written as soon as it has been read and checked, so that only one
    collection's records are held at a time (all of a national file at once took 1.6 GB).
    A problem anywhere means nothing is kept: writing stops at the first problem, reading goes
    on so that every problem is reported, and the transaction is rolled back. `planned` is
    told how many records each collection brings, `progress` how many have been written.
    """
    problems: list[str] = []
    counts: dict[str, Counter[str]] = {collection: Counter() for collection in COLLECTIONS}
    resolver = Resolver()
    defined: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}  # the organisations' kinds by id, for the meetings' bodies
    # The search index and the data version are brought up to date once, at the end, inside
    # the same transaction.
    with sqlite_page_cache(), transaction.atomic(), bulk_write():
        for collection, items in _checked_in_order(text, problems):
            planned(len(items))
            part = Document(defined_elsewhere=defined)
            part.records[collection] = items
            problems += collection_problems(part)
            problems += part.reference_problems(checking.known_ids(part.dangling()))
            problems += checking.database_problems(part)
            problems += checking.meeting_body_problems(part, kinds)
            defined[collection] = {record.id for record in items}
            if collection == "organizations":
                kinds = {org.id: kind_code(org.classification) for org in part.of(OrgRecord)}
            if not problems:
                _write(collection, items, resolver, _counter(counts[collection], progress))
            del part, items  # before the next collection is read
        if problems:
            raise ImportProblems(problems)
    return counts


def _write(
    collection: str, items: list[Record], resolver: Resolver, count: Callable[[str], None]
) -> None:
    if collection == "areas":
        write_areas(of_type(AreaRecord, items), resolver, count)
        return
    ids = [record.id for record in items]
    existing = checking.existing(TABLES[collection], ids, exporter.queryset(collection))
    # New records first, in batches: existing ones may now point at them.
    creating.create(collection, [r for r in items if r.id not in existing], resolver, count)
    changed = updating.update(
        collection, [r for r in items if r.id in existing], existing, resolver, count
    )
    if collection == "events":
        # Rows written without save() send no signal: their occurrences are stored here, in
        # bulk, for the events created and those changed (an unchanged one keeps its rows).
        created = {r.id for r in items if r.id not in existing}
        written = [resolver.pks["events"][ref] for ref in created] + changed
        occurrences.store(written)
        # Indexed once, when bulk_write ends, as the organisations are.
        events_changed(written)


def _counter(counts: Counter[str], progress: Callable[[int], object]) -> Callable[[str], None]:
    def count(outcome: str) -> None:
        counts[outcome] += 1
        progress(1)

    return count


def _checked_in_order(text: str | bytes, problems: list[str]) -> Iterator[tuple[str, list[Record]]]:
    """The collections to write in turn; a file that cannot be read further is a problem."""
    try:
        yield from in_writing_order(read_collections(text, problems))
    except UnreadableFile as error:
        problems.append(str(error))
