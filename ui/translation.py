"""Filling %1, %2, … in translated text, as QString::arg does (PySide6's tr() returns str).

Translators may reorder the numbered places; the values land wherever their number stands.
"""

from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    def replace(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACE.sub(replace, template)
