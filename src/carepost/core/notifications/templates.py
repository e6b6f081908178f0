"""Partner-editable templates, rendered in Jinja2's sandbox.

The sandbox refuses attribute access to Python internals (`__class__`,
`__globals__`…); StrictUndefined makes a misspelt placeholder an error. Both
are caught when a template is saved, by rendering it once with sample values,
so a template that would fail never reaches a patient's e-mail.
"""

from __future__ import annotations

from collections.abc import Mapping

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from carepost.core.kit.errors import InvalidInput

_TEXT = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
_HTML = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
MAX_TEMPLATE_LENGTH = 20_000


def render(source: str, values: Mapping[str, str], *, html: bool = False) -> str:
    environment = _HTML if html else _TEXT
    return environment.from_string(source).render(**values)


def check(source: str, sample: Mapping[str, str], *, field: str, html: bool = False) -> None:
    """Refuse a template that is too long, malformed, unsafe or names an unknown placeholder."""
    if len(source) > MAX_TEMPLATE_LENGTH:
        raise InvalidInput(f"The template is longer than {MAX_TEMPLATE_LENGTH} characters.", field=field)
    try:
        render(source, sample, html=html)
    except TemplateError as error:  # SecurityError and UndefinedError are TemplateErrors
        known = ", ".join("{{" + name + "}}" for name in sample)
        raise InvalidInput(f"The template cannot be used: {error.message}. Placeholders: {known}.", field=field) from None
