"""Reading a JSON object's top-level arrays one element at a time. Pure Python, no Django.

json.loads of a national file (541 MB with its events) builds every record as dicts at once,
and even its text alone is over a gigabyte in memory (Finnish letters make Python keep two
bytes a character). The importer instead checks and writes a collection, or a chunk of one, at
a time: the top level is read here from a stream, a block of bytes at a time, with the standard
library's own decoder (JSONDecoder.raw_decode) on a window of the text that holds the value
being read. Errors are json.JSONDecodeError with the same messages and places (line, column)
as json.loads gives for the whole text.
"""

import codecs
import io
import json
import re
from collections.abc import Iterator
from typing import IO, Any

_SPACE = re.compile(r"[ \t\n\r]*")
_decoder = json.JSONDecoder()
BLOCK = 1 << 20  # bytes read at a time
# An error this close to the window's end may be the window's end (a value cut in two).
_MARGIN = 8

Source = str | bytes | IO[bytes]


class NotUtf8(ValueError):
    """The bytes are not UTF-8 text; the message names the byte and its place in the file."""


class _Cursor:
    """A window on the text being read: `text[pos:]` is what is still to read, `base` the
    place of `text[0]` in the whole text, for the line and column of an error."""

    def __init__(self, source: Source) -> None:
        self.stream: IO[bytes] | None = None
        if isinstance(source, str):
            self.text = source
        else:
            self.text = ""
            self.stream = io.BytesIO(source) if isinstance(source, bytes) else source
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self.pos = 0
        self.base = 0  # characters dropped from the window's start
        self.bytes_read = 0
        self.lines = 0  # newlines among the dropped characters
        self.last_newline = -1  # the place of the last of them in the whole text

    def fill(self) -> bool:
        """Read more of the stream after the window, dropping what has been read; False at
        the end of the stream. Reads as much as the window holds, so that a value longer
        than a block is read again only a few times."""
        if self.stream is None:
            return False
        wanted = max(BLOCK, len(self.text) - self.pos)
        data = self.stream.read(wanted)
        final = not data
        try:
            more = self._utf8.decode(data, final)
        except UnicodeDecodeError as error:
            at = self.bytes_read + error.start - len(self._utf8.getstate()[0])
            raise NotUtf8(
                f"byte 0x{error.object[error.start]:02x} at byte {max(at, 0)} ({error.reason})"
            ) from None
        self.bytes_read += len(data)
        if final:
            self.stream = None
        if not more:  # the window stays as it is, so that an error's place holds
            return not final
        dropped = self.text.count("\n", 0, self.pos)
        if dropped:
            self.lines += dropped
            self.last_newline = self.base + self.text.rfind("\n", 0, self.pos)
        self.base += self.pos
        self.text = self.text[self.pos :] + more
        self.pos = 0
        return True

    def error(self, message: str, at: int) -> json.JSONDecodeError:
        """The error json.loads would raise at `at` of the window, placed in the whole text."""
        error = json.JSONDecodeError(message, self.text, at)
        if self.base:
            newlines = self.text.count("\n", 0, at)
            error.pos = self.base + at
            error.lineno = self.lines + newlines + 1
            if not newlines:
                error.colno = error.pos - self.last_newline
            error.args = (
                f"{message}: line {error.lineno} column {error.colno} (char {error.pos})",
            )
        return error

    def skip(self) -> str:
        """Skip white space; the next character ("" at the end)."""
        while True:
            space = _SPACE.match(self.text, self.pos)
            assert space is not None  # it matches anywhere, if only the empty string
            self.pos = space.end()
            if self.pos < len(self.text) or not self.fill():
                return self.text[self.pos : self.pos + 1]

    def expect(self, char: str, message: str) -> None:
        if self.skip() != char:
            raise self.error(message, self.pos)
        self.pos += 1

    def value(self) -> Any:
        self.skip()
        while True:
            try:
                value, end = _decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as error:
                if self._cut_short(error) and self.fill():
                    continue
                raise self.error(error.msg, error.pos) from None
            # A number at the window's end may go on in the next block.
            if end == len(self.text) and self.fill():
                continue
            self.pos = end
            return value

    def _cut_short(self, error: json.JSONDecodeError) -> bool:
        """Whether the error may only be the window ending inside the value."""
        return error.pos >= len(self.text) - _MARGIN or error.msg.startswith("Unterminated string")

    def rest(self) -> str:
        """All that is left of the text (for a document that is not an object at all)."""
        while self.fill():
            pass
        return self.text[self.pos :]

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
            raise self.error("Expecting ',' delimiter", self.pos)
        self.pos += 1
        return following == close


def top_level(source: Source) -> Iterator[tuple[str, Any]]:
    """The keys of the top-level object with their values; an array comes as an iterator of
    its elements, to be used up before the next key is read. `source` is the text, its UTF-8
    bytes or a binary stream of them (read a block at a time). Raises json.JSONDecodeError,
    NotUtf8, and TypeError when the document is valid JSON but not an object."""
    cursor = _Cursor(source)
    if cursor.skip() != "{":
        try:
            json.loads(cursor.rest())  # the decoder's own message for what is not JSON at all
        except json.JSONDecodeError as error:
            raise cursor.error(error.msg, cursor.pos + error.pos) from None
        raise TypeError("not an object")
    cursor.pos += 1
    if cursor.skip() == "}":
        cursor.pos += 1
    else:
        while True:
            if cursor.skip() != '"':
                raise cursor.error("Expecting property name enclosed in double quotes", cursor.pos)
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
        raise cursor.error("Extra data", cursor.pos)
