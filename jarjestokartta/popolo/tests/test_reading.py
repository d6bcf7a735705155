"""Reading the top level of a JSON object an element at a time, as json.loads would read it."""

import json
from typing import Any

import pytest

from jarjestokartta.popolo.reading import top_level


def read(text: str) -> dict[str, Any]:
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
    ],
)
def test_broken_json_fails_with_the_message_and_place_json_loads_gives(text):
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(json.JSONDecodeError) as got:
        for _key, value in top_level(text):
            list(value) if not isinstance(value, int | str | dict) else None
    assert (got.value.msg, got.value.lineno, got.value.colno) == (
        expected.value.msg,
        expected.value.lineno,
        expected.value.colno,
    )


def test_json_that_is_not_an_object_is_a_type_error():
    with pytest.raises(TypeError):
        list(top_level("[1, 2]"))
