"""Which characters a text value may hold.

PostgreSQL cannot store NUL (U+0000) in text at all, and control characters
in a name or an address line end up in labels, e-mail headers and CSV
exports where they do harm. So: in free text (a note, a query value, any
JSON string) only tab, line breaks and the GS1 group separator (GS, which a
barcode scanner sends for FNC1); in a path, a field name or a one-line field
(a name, an address line, a phone number) none at all.
"""

from __future__ import annotations

import re

_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_REFUSED_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1c\x1e\x1f\x7f]")


def has_control_characters(value: str) -> bool:
    """Whether `value` holds any control character: the rule for one-line values."""
    return _ANY_CONTROL.search(value) is not None


def refused_in_text(value: str) -> bool:
    """Whether free text `value` holds a control character other than tab, LF, CR and GS."""
    return _REFUSED_IN_TEXT.search(value) is not None
