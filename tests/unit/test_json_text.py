"""JSON written by orjson, as the standard library would write it, never refusing
what the edge let in."""

from __future__ import annotations

import json

from carepost.core.kit import json_text


def test_compact_utf8_json_as_starlette_writes_it():
    value = {"name": "Ana Muñoz 😀", "lines": [1, 2.5, None, True], "nested": {"a": {}}}

    written = json_text.dumps(value)

    assert written == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    assert json_text.dumps_text(value) == written.decode()


def test_integer_keys_become_strings_as_with_the_standard_library():
    assert json.loads(json_text.dumps({1: "a", "b": 2})) == {"1": "a", "b": 2}


def test_an_integer_past_64_bits_is_written_exactly():
    # The edge admits numbers of up to 30 digits (screening.MAX_DIGITS); orjson refuses past 64 bits.
    value = {"custom": 123456789012345678901234567890}

    assert json.loads(json_text.dumps(value)) == value
