"""Input refused at the edge, before any handler or database sees it.

Every surface shares these rules, and answers them in its own contract's 400
envelope:
- control characters (core/kit/text.py): none in the path or a name, none but
  tab, line breaks and GS in a query value or a JSON string — so PostgreSQL
  never meets a NUL it would refuse with a 500;
- a JSON body is strict JSON: UTF-8 (no string escapes a lone surrogate, which
  no UTF-8 text can hold), no NaN or Infinity, no number past
  MAX_DIGITS digits, no nesting past MAX_DEPTH levels. Anything else is
  `invalid_json`, one answer for every way a body can be malformed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from carepost.core.kit.text import has_control_characters, refused_in_text
from carepost.http.problems import FieldProblem, Problem

MAX_DEPTH = 32
MAX_DIGITS = 30
_MESSAGE = "Control characters (such as NUL) are not allowed."
# A `\uD800`–`\uDFFF` escape: a lone one parses to a string no database or encoder takes.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _NotStrictJson(ValueError):
    pass


def edge_problem(scope: MutableMapping[str, Any], body: bytes | None) -> Problem | None:
    """What the edge refuses in this request, if anything, as a Problem."""
    if has_control_characters(scope["path"]):
        return _control_characters("path")
    query = scope.get("query_string", b"")
    if query:
        for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="replace"):
            if has_control_characters(name):
                return _control_characters("query")
            if refused_in_text(value):
                return _control_characters(name)
    if body and _is_json(scope):
        try:
            document = strict_json(body)
        except _NotStrictJson as error:
            return Problem(kind="invalid_input", code="invalid_json", message=f"The request body is not valid JSON: {error}")
        for place in _control_characters_in(document, ""):
            return _control_characters(place)
    return None


def strict_json(body: bytes) -> Any:
    """Parse `body` as strict JSON, or raise _NotStrictJson saying why."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise _NotStrictJson("it is not UTF-8.") from None
    try:
        document = json.loads(text, parse_constant=_no_constant, parse_int=_bounded_int, parse_float=_bounded_float)
    except RecursionError:
        raise _NotStrictJson(f"it is nested deeper than {MAX_DEPTH} levels.") from None
    except _NotStrictJson:
        raise
    except ValueError as error:
        raise _NotStrictJson(f"{getattr(error, 'msg', error)}.") from None
    if _depth(document) > MAX_DEPTH:
        raise _NotStrictJson(f"it is nested deeper than {MAX_DEPTH} levels.")
    if _SURROGATE_ESCAPE.search(text) and _holds_lone_surrogate(document):  # a pair parses to one character
        raise _NotStrictJson("a string escapes a lone surrogate (\\uD800 to \\uDFFF without its pair), which is not UTF-8.")
    return document


def _holds_lone_surrogate(value: Any) -> bool:
    pending = [value]
    while pending:
        current = pending.pop()
        if isinstance(current, dict):
            pending.extend(current.keys())
            pending.extend(current.values())
        elif isinstance(current, list):
            pending.extend(current)
        elif isinstance(current, str):
            try:
                current.encode("utf-8")
            except UnicodeEncodeError:
                return True
    return False


def _no_constant(name: str) -> Any:
    raise _NotStrictJson(f"{name} is not a JSON number.")


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _NotStrictJson(f"a number has more than {MAX_DIGITS} digits.")
    return int(digits)


def _bounded_float(text: str) -> float:
    if len(text) > MAX_DIGITS + 10:
        raise _NotStrictJson(f"a number has more than {MAX_DIGITS} digits.")
    return float(text)


def _depth(value: Any) -> int:
    """How deeply `value` nests, counted without recursion (the input may be hostile)."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        current, level = pending.pop()
        if isinstance(current, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                break
            children = current.values() if isinstance(current, dict) else current
            pending.extend((child, level + 1) for child in children)
    return deepest


def _control_characters(place: str) -> Problem:
    return Problem(
        kind="invalid_input",
        code="invalid_characters",
        message=f"{place}: {_MESSAGE}",
        fields=(FieldProblem(place, _MESSAGE, type="control_characters"),),
    )


def _control_characters_in(value: Any, place: str) -> Iterator[str]:
    if isinstance(value, str):
        if refused_in_text(value):
            yield place or "body"
    elif isinstance(value, dict):
        for key, inner in value.items():
            if has_control_characters(key):
                yield _join(place, "(a field name)")
            yield from _control_characters_in(inner, _join(place, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _control_characters_in(inner, _join(place, str(index)))


def _join(place: str, name: str) -> str:
    return f"{place}.{name}" if place else name


def _is_json(scope: MutableMapping[str, Any]) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            return b"json" in value.lower()
    return True  # no content type: the dialects that read JSON without one still read it as JSON
