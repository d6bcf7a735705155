"""Reading a JSON object's top-level arrays one element at a time. Pure Python, no Django.

json.loads of a national file (135 MB) builds every record as dicts at once, about a gigabyte;
the importer instead checks and writes a collection at a time, so it reads the top level here
with the standard library's own decoder (JSONDecoder.raw_decode), one value at a time. Errors
are json.JSONDecodeError with the same messages and places as json.loads gives.
"""

import json
import re
from collections.abc import Iterator
from typing import Any

_SPACE = re.compile(r"[ \t\n\r]*")
_decoder = json.JSONDecoder()


class _Cursor:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def skip(self) -> str:
        """Skip white space; the next character ("" at the end)."""
        space = _SPACE.match(self.text, self.pos)
        assert space is not None  # it matches anywhere, if only the empty string
        self.pos = space.end()
        return self.text[self.pos : self.pos + 1]

    def expect(self, char: str, message: str) -> None:
        if self.skip() != char:
            raise json.JSONDecodeError(message, self.text, self.pos)
        self.pos += 1

    def value(self) -> Any:
        self.skip()
        value, self.pos = _decoder.raw_decode(self.text, self.pos)
        return value

    def elements(self) -> Iterator[Any]:
        """The elements of the array starting here, decoded one at a time."""
        self.expect("[", "Expecting value")
        if self.skip() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.ended_by("]"):
                return

    def ended_by(self, close: str) -> bool:
        """Past the comma after an item (False) or the bracket that closes them (True)."""
        following = self.skip()
        if following not in (close, ","):
            raise json.JSONDecodeError("Expecting ',' delimiter", self.text, self.pos)
        self.pos += 1
        return following == close


def top_level(text: str) -> Iterator[tuple[str, Any]]:
    """The keys of the top-level object with their values; an array comes as an iterator of
    its elements, to be used up before the next key is read. Raises json.JSONDecodeError, and
    TypeError when the document is valid JSON but not an object."""
    cursor = _Cursor(text)
    if cursor.skip() != "{":
        json.loads(text)  # the decoder's own message for what is not JSON at all
        raise TypeError("not an object")
    cursor.pos += 1
    if cursor.skip() == "}":
        cursor.pos += 1
    else:
        while True:
            if cursor.skip() != '"':
                raise json.JSONDecodeError(
                    "Expecting property name enclosed in double quotes", text, cursor.pos
                )
            key = cursor.value()
            cursor.expect(":", "Expecting ':' delimiter")
            if cursor.skip() == "[":
                elements = cursor.elements()
                yield key, elements
                for _rest in elements:  # what the caller left unread
                    pass
            else:
                yield key, cursor.value()
            if cursor.ended_by("}"):
                break
    if cursor.skip():
        raise json.JSONDecodeError("Extra data", text, cursor.pos)
