"""The built-in practices of the practice log (mindfulness, movement, sleep, …), kept as data in
resources/practices/practices.json and validated when loaded.

A log entry stores a practice's `key`, never its name, so the words can be reworded (or a
translated data file shipped) without touching anything the client logged. Like the prompt
sets, questionnaires and built-in themes, the names and descriptions are the data file's own
words: they are not in the Qt catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kapcompanion.data_files.resource_files import ResourceError, load_json_resource, resource_path

FORMAT = "kap-companion/practices"
FORMAT_VERSION = 1
FILE = ("practices", "practices.json")
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class BuiltinPractice:
    key: str
    name: str
    description: str


def parse_practices(data: Any, where: Path | str) -> tuple[BuiltinPractice, ...]:
    """Check the practices file; raise ResourceError naming the file and the field at fault."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResourceError(f'{where}: "format" must be "{FORMAT}".')
    if data.get("format_version") != FORMAT_VERSION:
        raise ResourceError(f'{where}: "format_version" must be {FORMAT_VERSION}.')
    entries = data.get("practices")
    if not isinstance(entries, list) or not entries:
        raise ResourceError(f'{where}: "practices" must be a non-empty list.')
    practices: list[BuiltinPractice] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise ResourceError(f"{where}: practice {number} is not an object.")
        key = entry.get("key")
        if not isinstance(key, str) or not KEY_PATTERN.match(key):
            raise ResourceError(
                f'{where}: practice {number} needs a "key" of lowercase letters, digits and _.'
            )
        for field in ("name", "description"):
            value = entry.get(field)
            if not isinstance(value, str) or not value.strip():
                raise ResourceError(f'{where}: practice "{key}" needs a "{field}".')
        practices.append(
            BuiltinPractice(key, entry["name"].strip(), " ".join(entry["description"].split()))
        )
    keys = [practice.key for practice in practices]
    repeated = next((key for key in keys if keys.count(key) > 1), None)
    if repeated is not None:
        raise ResourceError(f'{where}: the practice key "{repeated}" appears twice.')
    return tuple(practices)


@cache
def builtin_practices() -> tuple[BuiltinPractice, ...]:
    """The built-in practices, in the order the log offers them."""
    return parse_practices(load_json_resource(*FILE), resource_path(*FILE))


def builtin_practice(key: str) -> BuiltinPractice | None:
    """The built-in practice with this key, or None (a key a newer version wrote)."""
    return next((practice for practice in builtin_practices() if practice.key == key), None)


def builtin_keys() -> frozenset[str]:
    return frozenset(practice.key for practice in builtin_practices())
