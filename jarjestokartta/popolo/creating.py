"""Creating the records an import adds, in batches rather than one save at a time.

New records are the bulk of a large import (a national file into an empty database). They
are inserted as rows of plain values a batch at a time (core/bulk.py), their nested rows and
many-to-many links likewise, and their first history rows copied in the database, so that a
created record has the same history as one saved through the admin. Records that point at
others of the same kind (parents, deputies) are created in layers: those pointed at first.
Records that already exist go through updating.py instead.
"""

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone
from simple_history.manager import HistoryManager  # the library has no types: mypy sees Any

from jarjestokartta.core import versions
from jarjestokartta.core.bulk import Rows, chunks, one_of_ids, pks_by_popolo_id
from jarjestokartta.core.columns import column_name, concrete_field
from jarjestokartta.directory.models import Organization
from jarjestokartta.popolo.fieldmap import self_reference
from jarjestokartta.popolo.mapping import RowsPart, columns, dated, link_pairs, parts_of
from jarjestokartta.popolo.records import MODELS, Record
from jarjestokartta.popolo.resolving import TABLES, Resolver
from jarjestokartta.search import index as search_index

BATCH = 2000
# What a new record's slug falls back on when its name has no letters to make one of.
SLUG_FALLBACKS = {"organizations": "jarjesto", "events": "tapahtuma"}


def layers(items: list[Record], field: str | None) -> list[list[Record]]:
    """The records in layers: a record pointing (by `field`) at another in the list comes in
    a later layer than its target. The list is free of cycles (the document checked it)."""
    if field is None:
        return [items]
    by_id = {item.id: item for item in items}
    depth: dict[str, int] = {}
    for item in items:
        chain = []
        current: Record | None = item
        while current is not None and current.id not in depth:
            chain.append(current)
            target = getattr(current, field)
            current = by_id.get(target) if target else None
        level = depth[current.id] + 1 if current is not None else 0
        for record in reversed(chain):
            depth[record.id] = level
            level += 1
    result: list[list[Record]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for item in items:
        result[depth[item.id]].append(item)
    return result


def create(
    collection: str, items: list[Record], resolver: Resolver, count: Callable[[str], None]
) -> None:
    """Insert the collection's new records, their nested rows and links, and history."""
    model = TABLES[collection]
    for layer in layers(items, self_reference(MODELS[collection], collection)):
        for batch in chunks(layer, BATCH):
            pks = _insert(model, batch, [_row(collection, r, resolver) for r in batch])
            resolver.pks[collection].update(pks)
            _insert_parts(model, [(pks[record.id], record) for record in batch], resolver)
            if model is Organization:
                for record in batch:
                    search_index.organization_changed(pks[record.id])
            for _record in batch:
                count("created")
    if items:
        versions.changed()


# After creating this many records of a collection, PostgreSQL's statistics of its tables are
# refreshed before anything reads them back.
ANALYZE_AFTER = 5000


def refresh_statistics(collection: str, created: int) -> None:
    """PostgreSQL: ANALYZE the collection's tables after many rows were created in them.

    Inside the import's transaction the planner still has the statistics of the tables as they
    were (empty, for a first import), and chose a plan for reading a batch back (occurrences,
    search documents) that read the whole table: each batch cost more than the one before, 30
    of 220 s of a 30,000-organisation import. ANALYZE counts the transaction's own new rows.
    """
    if connection.vendor != "postgresql" or created < ANALYZE_AFTER:
        return
    model = TABLES[collection]
    tables = [model._meta.db_table]
    for part in parts_of(model, MODELS[collection]):
        held = part.child if isinstance(part, RowsPart) else part.through
        tables.append(held._meta.db_table)
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def _row(collection: str, record: Record, resolver: Resolver) -> dict[str, Any]:
    model = TABLES[collection]
    values = columns(record, resolver)
    if collection in SLUG_FALLBACKS:
        slug = resolver.slugs(model).make(values["name"], SLUG_FALLBACKS[collection])
        values = {"slug": slug, **values}
    return dated(model, values)


def _insert(model: type[Model], batch: list[Record], rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert new records (their own columns) and their first history rows; their pks."""
    popolo_ids = [record.id for record in batch]
    Rows(model, ["popolo_id", *rows[0]]).insert(
        (popolo_id, *values.values()) for popolo_id, values in zip(popolo_ids, rows, strict=True)
    )
    pks = pks_by_popolo_id(model, popolo_ids)
    history = getattr(model, "history", None)  # on the models whose history is kept
    if history is not None:
        _copy_history(model, history, list(pks.values()))
    return pks


def _insert_parts(model: type[Model], owners: list[tuple[int, Record]], resolver: Resolver) -> None:
    if not owners:
        return
    for part in parts_of(model, type(owners[0][1])):
        if isinstance(part, RowsPart):
            Rows(part.child, [part.owner_field, *part.child_columns]).insert(
                (pk, *part.values(item))
                for pk, record in owners
                for item in getattr(record, part.name)
            )
        else:
            Rows(part.through, [part.source, part.target]).insert(
                link_pairs(part, owners, resolver)
            )


def _copy_history(model: type[Model], history: HistoryManager, pks: list[int]) -> None:
    """The rows simple_history writes for a creation ("+"), copied inside the database.

    simple_history's bulk_history_create builds a model instance per row in Python, which took
    more time than inserting the records themselves (22 of 40 s for 80,000 memberships in a
    profile); INSERT … SELECT writes the same rows from the rows just inserted.
    """
    historical = history.model
    names = [field.name for field in historical.tracked_fields]
    target = [column_name(concrete_field(historical, name)) for name in names]
    source = [column_name(concrete_field(model, name)) for name in names]
    quote = connection.ops.quote_name
    where, params = one_of_ids(quote(column_name(model._meta.pk)), sorted(pks))
    sql = (
        f"INSERT INTO {quote(historical._meta.db_table)} "
        f"({', '.join(map(quote, target))}, history_date, history_change_reason, history_type, "
        f"history_user_id) SELECT {', '.join(map(quote, source))}, %s, %s, %s, NULL "
        f"FROM {quote(model._meta.db_table)} WHERE {where}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [timezone.now(), "import", "+", *params])
