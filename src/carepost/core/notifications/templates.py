"""Partner-editable templates, rendered in a bounded Jinja2 sandbox.

The sandbox refuses attribute access to Python internals (`__class__`,
`__globals__`…); StrictUndefined makes a misspelt placeholder an error. On
top of that every render is bounded, so an operator's template can neither
stall the server nor mail a patient megabytes:
- `*` and `**` are intercepted: no string or list is multiplied past the
  output limit, and no power with an exponent past 64 is computed;
- `range()` is Jinja's safe range (at most 100,000 items), and its refusal
  is a template error like any other;
- the output stops at MAX_OUTPUT characters;
- the render stops after MAX_SECONDS of work (a trace function checks the
  clock on every line of the compiled template).
All of it is checked when a template is saved, by rendering it once with
sample values, so a template that would fail never reaches a patient's e-mail.
"""

from __future__ import annotations

import operator
import sys
import time
from collections.abc import Mapping
from types import FrameType
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from carepost.core.kit.errors import InvalidInput

MAX_TEMPLATE_LENGTH = 20_000
MAX_OUTPUT = 100_000
MAX_SECONDS = 0.25
_MAX_EXPONENT = 64


class TemplateFailed(TemplateError):
    """The template went past a bound while rendering."""


class _BoundedSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            if isinstance(right, int | float) and abs(right) > _MAX_EXPONENT:
                raise SecurityError(f"an exponent past {_MAX_EXPONENT} is not allowed")
            return operator.pow(left, right)
        for sized, times in ((left, right), (right, left)):
            if isinstance(sized, str | list | tuple) and isinstance(times, int) and len(sized) * times > MAX_OUTPUT:
                raise SecurityError(f"a text or list longer than {MAX_OUTPUT} characters is not allowed")
        return operator.mul(left, right)


_TEXT = _BoundedSandbox(undefined=StrictUndefined, autoescape=False)
_HTML = _BoundedSandbox(undefined=StrictUndefined, autoescape=True)


def render(source: str, values: Mapping[str, str], *, html: bool = False) -> str:
    """Render within the bounds; raises a TemplateError (TemplateFailed past a bound)."""
    environment = _HTML if html else _TEXT
    try:
        template = environment.from_string(source)
        return _bounded(lambda: template.generate(**values))
    except (OverflowError, MemoryError, RecursionError) as error:  # the safe range's refusal, and worse
        raise TemplateFailed(str(error) or type(error).__name__) from None


def _bounded(pieces: Any) -> str:
    deadline = time.monotonic() + MAX_SECONDS

    def on_line(frame: FrameType, event: str, arg: Any) -> Any:
        if time.monotonic() > deadline:
            raise TemplateFailed(f"the template takes longer than {MAX_SECONDS} s to render")
        return on_line

    previous = sys.gettrace()
    sys.settrace(on_line)
    try:
        output: list[str] = []
        size = 0
        for piece in pieces():
            size += len(piece)
            if size > MAX_OUTPUT:
                raise TemplateFailed(f"the rendered text is longer than {MAX_OUTPUT} characters")
            output.append(piece)
        return "".join(output)
    finally:
        sys.settrace(previous)


def check(source: str, sample: Mapping[str, str], *, field: str, html: bool = False) -> None:
    """Refuse a template that is too long, malformed, unsafe, unbounded or names an unknown placeholder."""
    if len(source) > MAX_TEMPLATE_LENGTH:
        raise InvalidInput(f"The template is longer than {MAX_TEMPLATE_LENGTH} characters.", field=field)
    try:
        render(source, sample, html=html)
    except TemplateError as error:  # SecurityError, UndefinedError and TemplateFailed are TemplateErrors
        known = ", ".join("{{" + name + "}}" for name in sample)
        raise InvalidInput(f"The template cannot be used: {error.message}. Placeholders: {known}.", field=field) from None
