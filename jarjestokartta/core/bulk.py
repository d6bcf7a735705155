"""Inserting many rows as plain tuples: bulk_create without a model instance per row.

Django's bulk_create builds an instance per row and prepares every value through its field:
in a profile of a 20,000-organisation import, 99 of 171 s went to bulk_create, 64 s of them
to compiling the INSERT and 28 s to model __init__, against 13 s in the database itself. Rows of
plain values sent with executemany skip that work. Values still go through their field's own
conversion where the database needs one (JSON, dates), and the columns a caller leaves out get
the field's default, so a row inserted here is the row bulk_create would have written. No
signals are sent: callers do what the signals would (history rows, index, data version).
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from django.db import connection, models
from django.utils import timezone

from jarjestokartta.core.columns import column_name, concrete_field

# Fields whose Python value is already what the database driver takes.
_PLAIN = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.ForeignKey,
)


# Large IN (…) lists and inserts go a chunk at a time: SQLite takes at most 32,766 parameters
# in one query, and a chunk's rows are what one step holds in memory.
CHUNK = 2000
T = TypeVar("T")


def chunks(values: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """The values in lists of at most `size`, in their order."""
    batch: list[T] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Rows:
    """An INSERT for one model: `fields` are given per row, other columns get defaults.

    The fields named in `prepared` come as the database takes them already (what
    connection.ops gives, e.g. a datetime as UTC text on SQLite), so they are not converted
    again: a caller that makes millions of them can work each distinct value out once.
    """

    def __init__(
        self, model: type[models.Model], fields: Sequence[str], prepared: Sequence[str] = ()
    ) -> None:
        meta = model._meta
        self.model = model
        given = [concrete_field(model, name) for name in fields]
        named = {field.name for field in given}
        if not named.issuperset(prepared):
            raise ValueError(f"prepared fields that are not given: {set(prepared) - named}")
        self.rest = [
            field
            for field in meta.concrete_fields
            if field.name not in named and not isinstance(field, models.AutoField)
        ]
        quote = connection.ops.quote_name
        columns = [column_name(field) for field in given + self.rest]
        self.sql = (
            f"INSERT INTO {quote(meta.db_table)} ({', '.join(map(quote, columns))}) "
            f"VALUES ({', '.join(['%s'] * len(columns))})"
        )
        self.copy_sql = f"COPY {quote(meta.db_table)} ({', '.join(map(quote, columns))}) FROM STDIN"
        self.converters = [
            (index, _converter(field))
            for index, field in enumerate(given)
            if not _plain(field) and field.name not in prepared
        ]

    def _defaults(self) -> tuple[Any, ...]:
        now = timezone.now()
        values = []
        for field in self.rest:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                value = now
            elif field.has_default():
                value = field.get_default()
            elif field.null:
                value = None
            else:
                raise ValueError(f"{self.model.__name__}.{field.name} has no default: give it")
            values.append(_converter(field)(value))
        return tuple(values)

    def _converted(self, row: Sequence[Any], tail: tuple[Any, ...]) -> tuple[Any, ...]:
        if self.converters:
            row = list(row)
            for index, convert in self.converters:
                row[index] = convert(row[index])
        return (*row, *tail)

    def insert(self, rows: Iterable[Sequence[Any]]) -> int:
        """Insert the rows (values in the order of `fields`); returns how many."""
        tail = self._defaults()
        if not self.converters and not tail:
            params = list(rows)  # already as the database takes them: no copy of each row
        else:
            params = [self._converted(row, tail) for row in rows]
        if not params:
            return 0
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY rather than INSERT: the 120,000-organisation import spent more time in
                # the server than in Python with executemany's one INSERT per row.
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in params:
                        copy.write_row(row)
            else:
                cursor.executemany(self.sql, params)
        return len(params)


def _plain(field: "models.Field[Any, Any]") -> bool:
    """Django's own plain fields; a field of ours built on one (a list of codes kept as text,
    events/fields.py) has a conversion of its own."""
    return isinstance(field, _PLAIN) and type(field).__module__.startswith("django.")


def _converter(field: "models.Field[Any, Any]") -> Callable[[Any], Any]:
    """The field's conversion to what the database takes, remembered per value: a national
    import converts the same few thousand dates and empty JSON objects half a million times."""
    if _plain(field):
        return lambda value: value
    known: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        key = _EMPTY if value == {} else value
        try:
            return known[key]
        except KeyError:
            known[key] = converted = field.get_db_prep_save(value, connection)
            return converted
        except TypeError:  # not hashable (a JSON object with content)
            return field.get_db_prep_save(value, connection)

    return convert


_EMPTY = object()


def among(name: str, ids: list[int]) -> models.Q:
    """`name` is one of these sorted ids: a range when they are every id in it (as after a bulk
    insert), else IN (…), whose values the ORM prepares one by one."""
    if _whole_range(ids):
        return models.Q(**{f"{name}__gte": ids[0], f"{name}__lte": ids[-1]})
    return models.Q(**{f"{name}__in": ids})


def pks_by_popolo_id(model: type[models.Model], popolo_ids: list[str]) -> dict[str, int]:
    """The primary keys of rows just inserted, by their Popolo id (one query).

    Written as SQL: the ORM's IN (…) prepares every value on its own, several seconds for the
    half million ids of a national import.
    """
    meta = model._meta
    quote = connection.ops.quote_name
    column = quote(column_name(concrete_field(model, "popolo_id")))
    pk = quote(column_name(meta.pk))
    where, params = one_of(column, popolo_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column}, {pk} FROM {quote(meta.db_table)} WHERE {where}",
            params,
        )
        return dict(cursor.fetchall())


# The parameters of `one_of`'s SQL: the values themselves, or on PostgreSQL one array of them.
SqlParameters = list[str | int | list[str | int]]


def _whole_range(ids: list[int]) -> bool:
    """The sorted, distinct ids are every integer from the first to the last."""
    return bool(ids) and ids[-1] - ids[0] + 1 == len(ids)


def one_of(column: str, values: Sequence[str | int]) -> tuple[str, SqlParameters]:
    """SQL for "column is one of the values": on PostgreSQL one array parameter (an IN list of
    2,000 parameters for each batch cost seconds of a national import), elsewhere IN (…)."""
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [list(values)]
    return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)


def one_of_ids(column: str, ids: list[int]) -> tuple[str, SqlParameters]:
    """`one_of` for sorted integer ids: a range when they are every id in it (as after a bulk
    insert, so no other row can be in the range)."""
    if _whole_range(ids):
        return f"{column} BETWEEN %s AND %s", [ids[0], ids[-1]]
    return one_of(column, ids)


@contextmanager
def sqlite_page_cache(kib: int = 65536) -> Iterator[None]:
    """A larger SQLite page cache for a bulk write (64 MB rather than 2 MB), then the old one.

    The indexes of a national import do not fit the default cache: the 120,000-organisation
    file took 64.3 s with it and 58.3 s with this one, for 54 MB more peak memory.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


@contextmanager
def sqlite_fast_delete() -> Iterator[None]:
    """SQLite's secure_delete as FAST for a bulk delete, then as it was (Debian builds SQLite
    with it ON).

    ON overwrites every page a delete frees with zeros: emptying the 714,867 stored occurrences
    of the 10,000-organisation bench wrote the whole table once more, 34.5 of 159 s. FAST still
    clears what is deleted from the pages that stay in use, only not the pages that go to the
    free list; the rows deleted in bulk here are public ones, rewritten at once.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        (before,) = cursor.fetchone()
        cursor.execute("PRAGMA secure_delete = FAST")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA secure_delete = {int(before)}")
