"""Input refused at the edge, before any handler or database sees it.

Every surface shares one rule (core/kit/text.py): no control character in
the path or a name, and none but tab, line breaks and GS in a query value or
a JSON string. The answer is the owning contract's 400 envelope, naming
the field, so PostgreSQL never meets a NUL it would refuse with a 500.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

from carepost.core.kit.text import has_control_characters, refused_in_text
from carepost.dialects._shared.problems import FieldProblem, Problem

_MESSAGE = "Control characters (such as NUL) are not allowed."
# JSON writes every control character as an escape: \u00XX, or \b \f \n \r \t.
# A body without \u00, \b or \f holds none that is refused, and needs no second parse.
_SUSPECT_ESCAPES = (b"\\u00", b"\\b", b"\\f")


def control_character_problem(scope: dict[str, Any], body: bytes | None) -> Problem | None:
    """The first place in the request that holds a refused control character, as a Problem."""
    if has_control_characters(scope["path"]):
        return _problem("path")
    query = scope.get("query_string", b"")
    if query:
        for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="replace"):
            if has_control_characters(name):
                return _problem("query")
            if refused_in_text(value):
                return _problem(name)
    if body and _is_json(scope) and any(escape in body for escape in _SUSPECT_ESCAPES):
        try:
            document = json.loads(body)
            for place in _control_characters_in(document, ""):
                return _problem(place)
        except (ValueError, RecursionError):
            return None  # not JSON, or absurdly deep: the handler answers that in its own words
    return None


def _problem(place: str) -> Problem:
    return Problem(
        kind="invalid_input",
        code="invalid_characters",
        message=f"{place}: {_MESSAGE}",
        fields=(FieldProblem(place, _MESSAGE),),
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


def _is_json(scope: dict[str, Any]) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            return b"multipart/" not in value.lower()
    return True  # no content type: the dialects that read JSON without one still read it as JSON
