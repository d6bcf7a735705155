"""Parsing a Popolo file: its collections a collection (or a chunk of one) at a time, every
invalid record reported with its id and place.

Pure Python, no Django: reading.py reads the JSON, records.py validates each record.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from jarjestokartta.popolo.reading import NotUtf8, Source, top_level
from jarjestokartta.popolo.records import COLLECTIONS, MODELS, Record, share_field_sets
from jarjestokartta.popolo.rules import Document, collection_problems, where

# The collections read and written a chunk of records at a time, and the chunk's size: a
# national file's 500,000 events held at once took 2.4 GB. The others are read whole, as
# their rules span them (identifiers shared, deputies, parents), and are small enough.
CHUNKED = {"events": 10_000}
# A collection's valid records: one list, or (for the CHUNKED) a chunk at a time, in file order.
Chunks = Iterator[list[Record]]


class UnreadableFile(ValueError):
    """The file is not UTF-8 JSON holding an object: reading stops where it goes wrong."""


def read_collections(source: Source, problems: list[str]) -> Iterator[tuple[str, Chunks]]:
    """The valid records of each collection, in file order; problems go to `problems`.

    Only one collection's records (or one chunk's) exist at a time: the importer writes each
    before reading the next, and each collection's chunks are to be used up before the next
    collection is read. A file that cannot be read further raises UnreadableFile with its
    message, from here or from reading the chunks.
    """
    with _readable():
        for key, value in _collections_of(source, problems):
            yield key, _validate(key, value, problems)


@contextmanager
def _readable() -> Iterator[None]:
    """Errors of reading the file as UnreadableFile, with the place where it goes wrong."""
    try:
        yield
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except NotUtf8 as error:
        raise UnreadableFile(f"the file is not UTF-8 text: {error}") from None
    except TypeError:
        raise UnreadableFile(
            "the file must hold a JSON object with the keys " + ", ".join(COLLECTIONS)
        ) from None


def in_writing_order(collections: Iterator[tuple[str, Chunks]]) -> Iterator[tuple[str, Chunks]]:
    """Collections in the order of COLLECTIONS (what a record points at is written first),
    each as soon as those before it have been read; a file in the exported order keeps none
    waiting, one in another order keeps those read early (all their chunks) until their turn."""
    waiting: dict[str, Chunks] = {}
    turn = 0
    for collection, items in collections:
        in_turn = turn < len(COLLECTIONS) and COLLECTIONS[turn] == collection
        waiting[collection] = items if in_turn else iter(list(items))
        del items
        while turn < len(COLLECTIONS) and COLLECTIONS[turn] in waiting:
            yield COLLECTIONS[turn], waiting.pop(COLLECTIONS[turn])
            turn += 1
    for collection in COLLECTIONS[turn:]:
        if collection in waiting:
            yield collection, waiting.pop(collection)


def _collections_of(source: Source, problems: list[str]) -> Iterator[tuple[str, Any]]:
    seen: set[str] = set()
    for key, value in top_level(source):
        if key not in COLLECTIONS:
            if not key.startswith("@"):
                problems.append(
                    f"unknown top-level key {key!r} (expected: {', '.join(COLLECTIONS)})"
                )
        elif key in seen:
            problems.append(f"{key}: given twice")
        elif isinstance(value, Iterator):
            seen.add(key)
            yield key, value
        else:
            problems.append(f"{key}: must be a list")


def _validate(collection: str, items: Iterator[Any], problems: list[str]) -> Chunks:
    """The valid records in chunks (one for a collection not CHUNKED); ids unique across all."""
    size = CHUNKED.get(collection)
    model = MODELS[collection]
    with _readable():  # the elements are read as the chunks are
        yield from _chunks(model, collection, size, items, problems)


def _chunks(
    model: type[Record],
    collection: str,
    size: int | None,
    items: Iterator[Any],
    problems: list[str],
) -> Chunks:
    valid: list[Record] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if size is not None and len(valid) == size:
            yield valid
            valid = []
        if not isinstance(item, dict):
            problems.append(f"{collection}[{index}]: must be an object")
            continue
        try:
            record = model.model_validate(item)
        except ValidationError as error:
            for detail in error.errors():
                problems.append(f"{where(item, collection, index)}: {_error_text(detail)}")
            continue
        if record.id in seen:
            problems.append(
                f"{where(record, collection, index)}: duplicated id (also "
                f"{collection}[{seen[record.id]}])"
            )
            continue
        seen[record.id] = index
        share_field_sets(record)  # at once: the chunk's records are all held
        valid.append(record)
    if valid or size is None:
        yield valid


def parse_document(source: Source) -> tuple[Document | None, list[str]]:
    """Parse and validate a whole file; returns the document and every problem found."""
    problems: list[str] = []
    document = Document()
    try:
        for collection, chunks in read_collections(source, problems):
            document.records[collection] = list(chain.from_iterable(chunks))
    except UnreadableFile as error:
        return None, [*problems, str(error)]
    return document, problems + collection_problems(document)


def _error_text(error: ErrorDetails) -> str:
    loc = ".".join(str(part) for part in error["loc"])
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "missing":
        message = "is required"
    return f"{loc}: {message}" if loc else message
