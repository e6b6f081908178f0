"""JSON written by orjson: every response body and every JSON column a request
writes go through here, and the standard library's encoder costs several times
more CPU (docs/performance.md). What orjson refuses falls back to the standard
library, so nothing the API accepted fails here: integers past 64 bits (the edge
admits up to 30 digits). Reading stays with the standard library, which keeps
such integers exact where orjson would turn them into floats."""

from __future__ import annotations

import json
from typing import Any

import orjson

_OPTIONS = orjson.OPT_NON_STR_KEYS  # as json.dumps: a dict's int keys become strings


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON, as Starlette's JSONResponse writes it."""
    try:
        return orjson.dumps(value, option=_OPTIONS)
    except TypeError:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def dumps_text(value: Any) -> str:
    """The same, as text: what a database driver takes for a JSON column."""
    return dumps(value).decode()
