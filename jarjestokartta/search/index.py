"""Keeping the search index in step with the data.

A single save is indexed at once, inside the same transaction, so the index rolls back with the
data. An import wraps its writes in `bulk_write()` (or `deferred()`) and the index is brought up to
date in one batch at the end of it.
"""

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from django.db import connection, transaction
from django.utils import timezone

from jarjestokartta.core import versions
from jarjestokartta.core.bulk import Rows, among, chunks
from jarjestokartta.directory.models import Organization
from jarjestokartta.events.models import Event
from jarjestokartta.search.backends import DOCUMENT_COLUMNS, Backend, backend
from jarjestokartta.search.documents import AreaContext, Built, build_organization, load_sources
from jarjestokartta.search.event_documents import build_event, load_event_sources
from jarjestokartta.search.models import SearchDocument, SearchFacet, SearchTerm

KIND = SearchDocument.Kind.ORGANIZATION
EVENT = SearchDocument.Kind.EVENT
STORED_FIELDS = DOCUMENT_COLUMNS[2:]  # after kind and object_id
CHUNK = 1000
# After indexing this many at once, the database's statistics are refreshed.
ANALYZE_AFTER = 5000
_state = threading.local()
# Bumped on every index write; the vocabulary cache of the search engine compares it.
generation = [0]


@contextmanager
def deferred() -> Iterator[None]:
    """Collect the organisations and events changed inside the block and index them once at
    its end."""
    if getattr(_state, "pending", None) is not None:
        yield  # already inside a deferred block: the outer one indexes
        return
    _state.pending = set()
    _state.pending_events = set()
    try:
        yield
        pending, _state.pending = _state.pending, None
        pending_events, _state.pending_events = _state.pending_events, None
        index_organizations(pending)
        index_events(pending_events)
    finally:
        _state.pending = None
        _state.pending_events = None


@contextmanager
def bulk_write() -> Iterator[None]:
    """Many writes at once (an import): the search index and the data version (API caches,
    ETags) are brought up to date once at the end of the block instead of after every record."""
    with deferred(), versions.deferred():
        yield


def organization_changed(pk: int) -> None:
    pending = getattr(_state, "pending", None)
    if pending is not None:
        pending.add(pk)
    else:
        index_organizations([pk])


def events_changed(pks: Iterable[int]) -> None:
    """These events were written (saved, imported, deleted): their documents follow, at the end
    of a `bulk_write()` block when inside one (as an import is), at once otherwise."""
    pending = getattr(_state, "pending_events", None)
    if pending is not None:
        pending.update(pks)
    else:
        index_events(pks)


def index_events(
    pks: Iterable[int] | None = None, progress: Callable[[int], object] = lambda n: None
) -> int:
    """Index the given events (all when None); drafts and those gone are removed."""
    if pks is None:
        ids = list(Event.objects.order_by("pk").values_list("pk", flat=True))
    else:
        ids = sorted(set(pks))
    if not ids:
        return 0
    day = timezone.localdate()
    areas = AreaContext(day)
    engine = backend()
    delta: Counter[str] = Counter()
    with transaction.atomic():
        for chunk in chunks(ids, CHUNK):
            events = load_event_sources(chunk)
            gone = [pk for pk in chunk if pk not in events]
            if gone:
                _remove(EVENT, gone, delta)
            built = {pk: build_event(event, areas, day) for pk, event in events.items()}
            if built:
                _write(built, engine, delta, EVENT)
            progress(len(chunk))
        _count_terms(delta)
        if len(ids) >= ANALYZE_AFTER:
            with connection.cursor() as cursor:
                engine.analyze(cursor)
    return len(ids)


def index_organizations(
    pks: Iterable[int] | None = None, progress: Callable[[int], object] = lambda n: None
) -> int:
    """Index the given organisations (all when None); those that no longer exist are removed."""
    if pks is None:
        ids = list(Organization.objects.order_by("pk").values_list("pk", flat=True))
    else:
        ids = sorted(set(pks))
    if not ids:
        return 0
    large = len(ids) >= ANALYZE_AFTER
    day = timezone.localdate()
    areas = AreaContext(day)
    engine = backend()
    # The vocabulary's counts are changed once at the end: per chunk, a national import
    # upserted 360,000 terms, ten times the number of different ones.
    delta: Counter[str] = Counter()
    with transaction.atomic():
        for chunk in chunks(ids, CHUNK):
            orgs = load_sources(chunk)
            gone = [pk for pk in chunk if pk not in orgs]
            if gone:
                remove_organizations(gone)
            built = {pk: build_organization(org, areas, day) for pk, org in orgs.items()}
            _write(built, engine, delta)
            progress(len(chunk))
        _count_terms(delta)
        if large:
            with connection.cursor() as cursor:
                engine.analyze(cursor)
    return len(ids)


def _write(built: dict[int, Built], engine: Backend, delta: Counter[str], kind: str = KIND) -> None:
    """Replace the documents of these objects: old terms out of the vocabulary, new ones in.

    Changed documents are deleted and inserted anew rather than updated: Django's bulk_update
    builds one CASE expression per row and field, many times slower than inserting.
    """
    ids = sorted(built)
    old = list(SearchDocument.objects.filter(among("object_id", ids), kind=kind))
    for doc in old:
        delta.subtract(doc.all_terms())
    if old:
        with connection.cursor() as cursor:
            engine.delete(cursor, [doc.pk for doc in old])
        SearchDocument.objects.filter(pk__in=[doc.pk for doc in old]).delete()
    with connection.cursor() as cursor:
        engine.insert_documents(
            cursor,
            [
                (kind, object_id, *(getattr(item, name) for name in STORED_FIELDS))
                for object_id, item in built.items()
            ],
        )
    pks = dict(
        SearchDocument.objects.filter(among("object_id", ids), kind=kind).values_list(
            "object_id", "pk"
        )
    )
    Rows(SearchFacet, ["document", "facet", "value"]).insert(
        (pks[object_id], facet, value)
        for object_id, item in built.items()
        for facet, value in item.facets
    )
    with connection.cursor() as cursor:
        engine.write(
            cursor,
            [
                (
                    pks[object_id],
                    item.name_terms,
                    item.other_terms,
                    item.body_terms,
                    item.place_terms,
                )
                for object_id, item in built.items()
            ],
        )
    for item in built.values():
        delta.update(item.all_terms())


def remove_organizations(pks: Iterable[int]) -> None:
    delta: Counter[str] = Counter()
    if _remove(KIND, pks, delta):
        _count_terms(delta)


def remove_events(pks: Iterable[int]) -> None:
    delta: Counter[str] = Counter()
    if _remove(EVENT, pks, delta):
        _count_terms(delta)


def _remove(kind: str, pks: Iterable[int], delta: Counter[str]) -> bool:
    """Remove the documents of these objects; their terms leave `delta`. Whether any were."""
    docs = list(SearchDocument.objects.filter(kind=kind, object_id__in=list(pks)))
    if not docs:
        return False
    for doc in docs:
        delta.subtract(doc.all_terms())
    with connection.cursor() as cursor:
        backend().delete(cursor, [doc.pk for doc in docs])
    SearchDocument.objects.filter(pk__in=[doc.pk for doc in docs]).delete()
    return True


def _count_terms(delta: Counter[str]) -> None:
    """Add the changes in document frequency to the vocabulary (one statement each way)."""
    rows = [(term, n) for term, n in delta.items() if n]
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_searchterm (term, documents) VALUES (%s, %s) "
                "ON CONFLICT (term) DO UPDATE "
                "SET documents = search_searchterm.documents + excluded.documents",
                rows,
            )
        SearchTerm.objects.filter(documents__lte=0).delete()
    generation[0] += 1


def rebuild_index(progress: Callable[[int], object] = lambda n: None) -> tuple[int, int]:
    """Drop and rebuild the whole index (for new analysis rules or area renames): the
    organisations and the events indexed."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            backend().clear(cursor)
        SearchFacet.objects.all().delete()
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
        return index_organizations(None, progress), index_events(None, progress)
