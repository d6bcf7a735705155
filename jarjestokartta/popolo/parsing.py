"""Parsing a Popolo file: its collections a collection at a time, every invalid record reported
with its id and place.

Pure Python, no Django: reading.py reads the JSON, records.py validates each record.
"""

import json
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from jarjestokartta.popolo.reading import top_level
from jarjestokartta.popolo.records import COLLECTIONS, MODELS, Record, share_field_sets
from jarjestokartta.popolo.rules import Document, collection_problems, where


class UnreadableFile(ValueError):
    """The file is not UTF-8 JSON holding an object: reading stops where it goes wrong."""


def read_collections(text: str | bytes, problems: list[str]) -> Iterator[tuple[str, list[Record]]]:
    """The valid records of each collection, in file order; problems go to `problems`.

    Only one collection's records exist at a time: the importer writes each before reading
    the next. A file that cannot be read further raises UnreadableFile with its message.
    """
    try:
        text = text.decode() if isinstance(text, bytes) else text
        for key, value in _collections_of(text, problems):
            yield key, _validate(key, value, problems)
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"the file is not UTF-8 text: {error}") from None
    except TypeError:
        raise UnreadableFile(
            "the file must hold a JSON object with the keys " + ", ".join(COLLECTIONS)
        ) from None


def in_writing_order(
    collections: Iterator[tuple[str, list[Record]]],
) -> Iterator[tuple[str, list[Record]]]:
    """Collections in the order of COLLECTIONS (what a record points at is written first),
    each as soon as those before it have been read; a file in the exported order keeps none
    waiting, one in another order keeps those read early until their turn."""
    waiting: dict[str, list[Record]] = {}
    turn = 0
    for collection, items in collections:
        waiting[collection] = items
        del items
        while turn < len(COLLECTIONS) and COLLECTIONS[turn] in waiting:
            yield COLLECTIONS[turn], waiting.pop(COLLECTIONS[turn])
            turn += 1
    for collection in COLLECTIONS[turn:]:
        if collection in waiting:
            yield collection, waiting.pop(collection)


def _collections_of(text: str, problems: list[str]) -> Iterator[tuple[str, Any]]:
    seen: set[str] = set()
    for key, value in top_level(text):
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


def _validate(collection: str, items: Iterator[Any], problems: list[str]) -> list[Record]:
    valid: list[Record] = []
    seen: dict[str, int] = {}
    model = MODELS[collection]
    for index, item in enumerate(items):
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
        share_field_sets(record)  # at once: the collection's records are all held
        valid.append(record)
    return valid


def parse_document(text: str | bytes) -> tuple[Document | None, list[str]]:
    """Parse and validate a whole file; returns the document and every problem found."""
    problems: list[str] = []
    document = Document()
    try:
        for collection, records in read_collections(text, problems):
            document.records[collection] = records
    except UnreadableFile as error:
        return None, [*problems, str(error)]
    return document, problems + collection_problems(document)


def _error_text(error: ErrorDetails) -> str:
    loc = ".".join(str(part) for part in error["loc"])
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "missing":
        message = "is required"
    return f"{loc}: {message}" if loc else message
