"""Reading the top level of a JSON object an element at a time, as json.loads would read it."""

import io
import json
from typing import Any

import pytest

from jarjestokartta.popolo import reading
from jarjestokartta.popolo.reading import NotUtf8, top_level


def read(text: reading.Source) -> dict[str, Any]:
    return {
        key: list(value) if not isinstance(value, dict | str | int) else value
        for key, value in top_level(text)
    }


def test_it_reads_arrays_element_by_element_and_other_values_whole():
    text = ' {"a": [1, {"b": [2, 3]}, "x"], "@context": {"k": "v"}, "n": 5, "e": [] } \n'
    assert read(text) == {"a": [1, {"b": [2, 3]}, "x"], "@context": {"k": "v"}, "n": 5, "e": []}


def test_an_array_is_read_only_as_far_as_it_is_used():
    values = top_level('{"a": [1, 2, 3], "b": [4]}')
    key, elements = next(values)
    assert (key, next(elements)) == ("a", 1)
    key, elements = next(values)  # the rest of "a" is skipped, not mixed into "b"
    assert (key, list(elements)) == ("b", [4])


def test_an_empty_object_has_no_keys():
    assert list(top_level("{ }")) == []


@pytest.mark.parametrize(
    "text",
    [
        '{"a": [1, 2,]}',
        '{"a": [1 2]}',
        '{"a": [1, 2]',
        '{"a" [1]}',
        "{a: [1]}",
        '{"a": [1]} x',
        '{"a": [1], }',
        '{"a": [{"b": }]}',
        "",
        "nonsense",
        '{"a": [1],\n "b": [{"c": "ä\\u00e4"},\n  {"d": 1}\n  {"e": 2}]}',
        '{"a": [{"x": "' + "ö" * 40 + '"}, 12345],\n\n   "b": [tru]}',
        '{"a": [1]}\n\n    ]',
    ],
)
@pytest.mark.parametrize("block", [None, 1, 3, 64])
def test_broken_json_fails_with_the_message_and_place_json_loads_gives(text, block, monkeypatch):
    """Given whole, or streamed a few bytes at a time (the window then ends anywhere)."""
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    source: reading.Source = text
    if block is not None:
        monkeypatch.setattr(reading, "BLOCK", block)
        source = io.BytesIO(text.encode())
    with pytest.raises(json.JSONDecodeError) as got:
        for _key, value in top_level(source):
            list(value) if not isinstance(value, int | str | dict) else None
    assert (got.value.msg, got.value.lineno, got.value.colno) == (
        expected.value.msg,
        expected.value.lineno,
        expected.value.colno,
    )


def test_json_that_is_not_an_object_is_a_type_error():
    with pytest.raises(TypeError):
        list(top_level("[1, 2]"))


@pytest.mark.parametrize("block", [1, 2, 5, 1000])
def test_a_stream_read_a_few_bytes_at_a_time_gives_what_json_loads_gives(block, monkeypatch):
    """Values cut anywhere by the end of a block: numbers, strings, escapes, two-byte letters."""
    document = {
        "a": [123456789, -1.5e10, 'Pääkaupunkiseutu \u2013 "lainaus"', {"b": [True, None]}],
        "emoji": ["\U0001f600"],
        "n": 1234567,
        "e": [],
    }
    monkeypatch.setattr(reading, "BLOCK", block)
    for text in (json.dumps(document), json.dumps(document, ensure_ascii=False, indent=2)):
        assert read(io.BytesIO(text.encode())) == document


def test_bytes_that_are_not_utf8_are_named_with_their_place(monkeypatch):
    monkeypatch.setattr(reading, "BLOCK", 4)
    text = '{"a": ["ä", "'.encode() + b"\xff" + b'"]}'
    with pytest.raises(NotUtf8, match=r"byte 0xff at byte 14 \(invalid start byte\)"):
        read(io.BytesIO(text))
