"""The stored occurrences' two lookup indexes set aside while the whole table is stored anew.

Building an index once from the finished table is a sort; keeping it up to date row by row is
a page written at a random place for each of 700,000 rows (8.6 million at national scale). On
SQLite the drop and the new index are in the store's own transaction, so a listing that reads
meanwhile still sees the old rows with their indexes (WAL), and a failed store keeps both. On
PostgreSQL DROP INDEX would lock the table against every listing until the store commits, so
there they stay and are kept up to date.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from jarjestokartta.events.models import Occurrence


@contextmanager
def set_aside() -> Iterator[None]:
    """Without the non-unique indexes of Occurrence inside, with them again after; inside a
    transaction only, so that nobody ever sees the table without them."""
    if connection.vendor != "sqlite":
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("the indexes are set aside only inside a transaction")
    # Not entered: entering would turn SQLite's foreign key checks off, which a transaction
    # cannot do; the editor only spells the model's own CREATE INDEX here.
    editor = connection.schema_editor()
    indexes = Occurrence._meta.indexes
    with connection.cursor() as cursor:
        for index in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(index.name)}")
    yield
    with connection.cursor() as cursor:
        for index in indexes:
            cursor.execute(str(index.create_sql(Occurrence, editor)))
