"""RFC 5545 content lines written as text, without Django and without the `icalendar` package.

A region's month is thousands of VEVENTs; building each as icalendar's objects and serialising
them took 3 ms an event, most of it in objects this feed never needs. The few value types the
feeds use are written here directly: TEXT (3.3.11), DATE-TIME (3.3.5), lists of them, and a
line folded at 75 octets (3.1).
"""

from datetime import UTC, datetime

# RFC 5545 3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break."
LINE_OCTETS = 75
# A continuation line starts with one space, which counts in its 75.
FOLD = b"\r\n "
BACKSLASH = 0x5C


def text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as
    \\n, whichever of CRLF, LF or a lone CR the text was typed with (a textarea sends CRLF)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def wall_time(moment: datetime) -> str:
    """A DATE-TIME as written beside TZID: the wall-clock time alone, seconds included."""
    return moment.strftime("%Y%m%dT%H%M%S")


def utc_time(moment: datetime) -> str:
    """An aware moment as a UTC DATE-TIME ("…Z"), as DTSTAMP and LAST-MODIFIED must be."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def line(name: str, value: str, tzid: str = "") -> str:
    """One content line, folded; `value` is written as given (escape TEXT with text())."""
    if tzid:
        return fold(f"{name};TZID={tzid}:{value}")
    return fold(f"{name}:{value}")


def fold(content: str) -> str:
    """The line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character (an ä is
    two octets) nor between a backslash and the character it escapes: a fold there is legal,
    but some calendar apps then read the escape wrong (icalendar folds the same way)."""
    if len(content) <= LINE_OCTETS and content.isascii():
        return content
    data = content.encode()
    if len(data) <= LINE_OCTETS:
        return content
    pieces = []
    start, room = 0, LINE_OCTETS
    while len(data) - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # a continuation octet: back to the character's start
            cut -= 1
        if _ends_in_an_escape(data, start, cut):
            cut -= 1
        pieces.append(data[start:cut])
        start, room = cut, LINE_OCTETS - 1
    pieces.append(data[start:])
    return FOLD.join(pieces).decode()


def _ends_in_an_escape(data: bytes, start: int, cut: int) -> bool:
    """Whether the piece data[start:cut] ends with the backslash of an escape: an odd number
    of backslashes in a row (an even number are escaped backslashes, "\\\\")."""
    count = 0
    while cut - 1 - count >= start and data[cut - 1 - count] == BACKSLASH:
        count += 1
    return count % 2 == 1
