"""Constraints every dialect's wire schemas share."""

from __future__ import annotations

from pydantic import AfterValidator

from carepost.core.kit.text import has_control_characters


def _one_line(value: str) -> str:
    if has_control_characters(value):
        raise ValueError("Must be one line, without line breaks or other control characters.")
    return value


# For names, address lines, phone numbers and ids: they end up on labels, in e-mail
# headers and in CSV rows, where a line break splits them (core/kit/text.py).
OneLine = AfterValidator(_one_line)
